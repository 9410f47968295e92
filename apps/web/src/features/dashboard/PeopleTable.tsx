import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';
import { TableRegion } from '../../ui/TableRegion';

export interface PeopleTableProps {
  people: Person[];
  /** Coordinators see e-mail addresses (the API sends them only to them). */
  showEmail: boolean;
}

/** Everyone in the workspace: name, role, organisation, whether active; e-mail for coordinators. */
export function PeopleTable({ people, showEmail }: PeopleTableProps) {
  const { t } = useTranslation();
  return (
    <TableRegion caption={t('dashboard.people.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.people.name')}</th>
          {showEmail && <th scope="col">{t('dashboard.people.email')}</th>}
          <th scope="col">{t('dashboard.people.role')}</th>
          <th scope="col">{t('dashboard.people.organisation')}</th>
          <th scope="col">{t('dashboard.people.status')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.membershipId} className={person.active ? undefined : 'inactive'}>
            <th scope="row">{person.displayName}</th>
            {showEmail && <td className="email">{person.email ?? t('common.notGiven')}</td>}
            <td>{t(`roles.${person.role}`)}</td>
            <td>{person.organisation?.name ?? t('common.none')}</td>
            <td>{person.active ? t('people.active') : t('people.inactive')}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
