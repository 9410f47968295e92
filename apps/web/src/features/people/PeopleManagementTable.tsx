import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';
import { TableRegion } from '../../ui/TableRegion';

export type PersonPanel = { kind: 'role' | 'active'; membershipId: string } | null;

export interface PeopleManagementTableProps {
  people: Person[];
  /** The signed-in person, who cannot deactivate themselves. */
  myUserId: string;
  /** Which person's role form or (de)activation question is open. */
  panel: PersonPanel;
  onOpen: (panel: NonNullable<PersonPanel>) => void;
  /** The open form or question, shown in a row under its person. */
  renderPanel: (person: Person) => ReactNode;
}

export const roleButtonId = (membershipId: string) => `change-role-${membershipId}`;
export const activeButtonId = (membershipId: string) => `toggle-active-${membershipId}`;

/** Everyone in the workspace with buttons to change the role and to deactivate or reactivate. */
export function PeopleManagementTable({ people, myUserId, panel, onOpen, renderPanel }: PeopleManagementTableProps) {
  const { t } = useTranslation();
  return (
    <TableRegion caption={t('people.manage.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.people.name')}</th>
          <th scope="col">{t('dashboard.people.email')}</th>
          <th scope="col">{t('dashboard.people.role')}</th>
          <th scope="col">{t('dashboard.people.organisation')}</th>
          <th scope="col">{t('dashboard.people.status')}</th>
          <th scope="col">{t('people.pending.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => {
          const isMe = person.userId === myUserId;
          const open = panel?.membershipId === person.membershipId;
          return (
            <Fragment key={person.membershipId}>
              <tr className={person.active ? undefined : 'inactive'}>
                <th scope="row">
                  {person.displayName}
                  {isMe && <span className="you"> {t('people.manage.you')}</span>}
                </th>
                <td className="email">{person.email ?? t('common.notGiven')}</td>
                <td>{t(`roles.${person.role}`)}</td>
                <td>{person.organisation?.name ?? t('common.none')}</td>
                <td>{person.active ? t('people.active') : t('people.inactive')}</td>
                <td>
                  <div className="actions__buttons">
                    <button
                      id={roleButtonId(person.membershipId)}
                      type="button"
                      className="button button--small"
                      aria-expanded={open && panel?.kind === 'role'}
                      aria-label={t('people.manage.changeRoleFor', { name: person.displayName })}
                      onClick={() => onOpen({ kind: 'role', membershipId: person.membershipId })}
                    >
                      {t('people.manage.changeRole')}
                    </button>
                    {!isMe && (
                      <button
                        id={activeButtonId(person.membershipId)}
                        type="button"
                        className="button button--small"
                        aria-expanded={open && panel?.kind === 'active'}
                        aria-label={t(person.active ? 'people.manage.deactivateFor' : 'people.manage.reactivateFor', {
                          name: person.displayName,
                        })}
                        onClick={() => onOpen({ kind: 'active', membershipId: person.membershipId })}
                      >
                        {person.active ? t('people.manage.deactivate') : t('people.manage.reactivate')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
              {open && (
                <tr className="panel-row">
                  <td colSpan={6}>{renderPanel(person)}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </TableRegion>
  );
}
