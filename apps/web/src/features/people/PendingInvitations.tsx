import { useTranslation } from 'react-i18next';
import type { Organisation, PendingInvitation } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { TableRegion } from '../../ui/TableRegion';

export interface PendingInvitationsProps {
  invitations: PendingInvitation[];
  organisations: Organisation[];
  onWithdraw: (invitation: PendingInvitation) => void;
  /** The invitation being withdrawn right now. */
  busyId?: string | null;
}

/** Invitations sent and not yet accepted, each with a button to withdraw it. */
export function PendingInvitations({ invitations, organisations, onWithdraw, busyId = null }: PendingInvitationsProps) {
  const { t, i18n } = useTranslation();
  if (invitations.length === 0) return <p>{t('people.pending.none')}</p>;
  const organisationName = (id: string | null) => organisations.find((o) => o.id === id)?.name ?? t('common.none');
  return (
    <TableRegion caption={t('people.pending.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('people.pending.email')}</th>
          <th scope="col">{t('people.pending.name')}</th>
          <th scope="col">{t('people.pending.role')}</th>
          <th scope="col">{t('people.pending.organisation')}</th>
          <th scope="col">{t('people.pending.expires')}</th>
          <th scope="col">{t('people.pending.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <tr key={invitation.id}>
            <th scope="row">{invitation.email}</th>
            <td>{invitation.displayName ?? t('common.notGiven')}</td>
            <td>{t(`roles.${invitation.role}`)}</td>
            <td>{organisationName(invitation.organisationId)}</td>
            <td>
              {invitation.expired ? t('people.pending.expired') : formatDateTime(invitation.expiresAt, i18n.language)}
            </td>
            <td>
              <button
                type="button"
                className="button button--small"
                aria-label={t('people.pending.withdrawLabel', { email: invitation.email })}
                aria-disabled={busyId === invitation.id}
                onClick={() => busyId !== invitation.id && onWithdraw(invitation)}
              >
                {t('people.pending.withdraw')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
