import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { When } from '../rounds/RoundDetails';
import { proxyRefusalText } from './decision-errors';
import type { MeetingView } from './decisions-api';
import { quorumNowText } from './rules-text';
import { TableRegion } from '../../ui/TableRegion';

/**
 * The quorum now, in a polite live region so that everyone hears it change as members check in:
 * "Kworum: obecnych 8 z 15 członków, wymaganych co najmniej 8 — osiągnięte". Said in words and marked with a sign,
 * never by colour alone. Counted among those voting, it is known only when a vote closes.
 */
export function QuorumIndicator({ meeting }: { meeting: MeetingView }) {
  const { t, i18n } = useTranslation();
  const { quorum } = meeting;
  const amongVoting = quorum.among === 'voting';
  const text = amongVoting
    ? t('decisions.quorum.amongVoting', { minimum: formatNumber(quorum.minimum, i18n.language), total: formatNumber(quorum.total, i18n.language) })
    : quorumNowText(quorum, t, i18n.language);
  const state = amongVoting ? 'pending' : quorum.reached ? 'reached' : 'not-reached';
  return (
    <div role="status" id="quorum" className={`quorum quorum--${state}`}>
      <p>
        <span aria-hidden="true" className="quorum__sign">
          {state === 'reached' ? '✔' : state === 'not-reached' ? '✖' : 'ℹ'}
        </span>{' '}
        {text}
      </p>
    </div>
  );
}

/** The body's members: present, represented by another's proxy (by whom), or not checked in. */
export function AttendanceTable({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const names = new Map(meeting.members.map((m) => [m.id, m.name]));
  const count = (presence: string) => meeting.members.filter((m) => m.presence === presence).length;
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('decisions.attendance.heading')}</h2>
      <p>{t('decisions.attendance.summary', { present: count('present'), represented: count('represented'), absent: count('absent'), total: meeting.members.length })}</p>
      <TableRegion caption={t('decisions.attendance.caption', { body: meeting.body.name })} className="attendance-table">
        <thead>
          <tr>
            <th scope="col">{t('decisions.attendance.member')}</th>
            <th scope="col">{t('decisions.attendance.presence')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.members.map((member) => (
            <tr key={member.id} className={`presence presence--${member.presence}`}>
              <th scope="row">{member.name}</th>
              <td>
                {member.presence === 'present' && (
                  <>
                    {t('decisions.attendance.present')}
                    {member.checkedInAt && (
                      <span className="table-note">
                        <When iso={member.checkedInAt} />
                      </span>
                    )}
                  </>
                )}
                {member.presence === 'represented' && t('decisions.attendance.represented', { holder: names.get(member.representedBy ?? '') ?? t('common.none') })}
                {member.presence === 'absent' && t('decisions.attendance.absent')}
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {meeting.proxies.length > 0 && (
        <>
          <h3>{t('decisions.proxy.listHeading')}</h3>
          <ul className="proxy-list">
            {meeting.proxies.map((proxy, index) => (
              <li key={`${proxy.from}-${proxy.to}-${index}`}>
                {t('decisions.proxy.entry', { from: names.get(proxy.from) ?? proxy.from, to: names.get(proxy.to) ?? proxy.to })}
                <span className="table-note">{proxy.authorisation}</span>
                <span className="table-note">
                  {proxy.accepted ? t('decisions.proxy.accepted') : t('decisions.proxy.notCounted', { reason: proxyRefusalText(proxy.refusal ?? '', t) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
