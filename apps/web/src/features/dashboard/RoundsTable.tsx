import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoundState } from '@commonplan/domain';
import { formatDate } from '../../i18n/format';
import { TableRegion } from '../../ui/TableRegion';

/** A consultation round as the dashboard lists it (GET /api/workspaces/:id/rounds). */
export interface RoundSummary {
  id: string;
  title: string;
  document: { id: string; title: string };
  version: { number: number; name: string };
  state: RoundState;
  opensAt: string;
  closesAt: string;
  reportDueAt: string;
  daysLeft: number;
  commentCount: number;
  warnings: string[];
}

/** The workspace's consultation rounds: what is consulted, state, timetable, days left, comments, report due date. */
export function RoundsTable({ workspaceId, rounds, warnings = false }: { workspaceId: string; rounds: RoundSummary[]; /** The statutory timetable's warnings: for staff, who keep it. */ warnings?: boolean }) {
  const { t, i18n } = useTranslation();
  if (rounds.length === 0) return <p>{t('dashboard.rounds.none')}</p>;
  const date = (iso: string) => <time dateTime={iso}>{formatDate(iso, i18n.language)}</time>;
  return (
    <TableRegion caption={t('dashboard.rounds.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.rounds.title')}</th>
          <th scope="col">{t('dashboard.rounds.state')}</th>
          <th scope="col">{t('dashboard.rounds.timetable')}</th>
          <th scope="col">{t('dashboard.rounds.daysLeft')}</th>
          <th scope="col">{t('dashboard.rounds.comments')}</th>
          <th scope="col">{t('dashboard.rounds.reportDue')}</th>
        </tr>
      </thead>
      <tbody>
        {rounds.map((round) => (
          <tr key={round.id}>
            <th scope="row">
              <Link to={`/w/${workspaceId}/rounds/${round.id}`}>{round.title}</Link>
              <span className="table-note">{t('dashboard.rounds.consulted', { document: round.document.title, number: round.version.number, name: round.version.name })}</span>
              {warnings && round.warnings.includes('shorter_than_statutory_minimum') && <span className="table-note table-note--warning">{t('dashboard.rounds.short')}</span>}
            </th>
            <td>
              <span className={`badge badge--round-${round.state}`}>{t(`roundStates.${round.state}`)}</span>
            </td>
            <td>
              {date(round.opensAt)} – {date(round.closesAt)}
            </td>
            <td>{round.state === 'open' || round.state === 'announced' ? round.daysLeft : t('common.none')}</td>
            <td>{round.commentCount}</td>
            <td>{round.state === 'report_published' ? t('dashboard.rounds.published') : date(round.reportDueAt)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
