import { useTranslation } from 'react-i18next';
import type { TriageRow, TriageSort } from './triage-api';

export interface TriageTableProps {
  rows: TriageRow[];
  sort: TriageSort;
  /** The comment whose detail panel is open. */
  selectedId: string | null;
  onSelect: (row: TriageRow) => void;
  /** Whether filters narrow the table (to say "none matches" rather than "none yet"). */
  filtered: boolean;
}

export const openButtonId = (commentId: string) => `triage-open-${commentId}`;
export const DETAIL_PANEL_ID = 'triage-detail';

/** Text of a wording cell: the text, or "none" in words. */
function Wording({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? <span className="wording">{text}</span> : <span className="muted">{t('common.none')}</span>;
}

/** The round's comments with their submitter, wording, assignee and disposition; each number opens its detail. */
export function TriageTable({ rows, sort, selectedId, onSelect, filtered }: TriageTableProps) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{filtered ? t('triage.table.noneMatching') : t('triage.table.none')}</p>;
  const sorted = (key: TriageSort) => (sort === key ? ('ascending' as const) : undefined);
  return (
    <div className="table-wrap">
      <table className="triage-table">
        <caption>{t('triage.table.caption', { sort: t(`triage.sorts.${sort}`) })}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sorted('number')}>
              {t('triage.table.number')}
            </th>
            <th scope="col" aria-sort={sorted('part')}>
              {t('triage.table.part')}
            </th>
            <th scope="col" aria-sort={sorted('submitter')}>
              {t('triage.table.submitter')}
            </th>
            <th scope="col">{t('triage.table.currentWording')}</th>
            <th scope="col">{t('triage.table.proposedWording')}</th>
            <th scope="col">{t('triage.table.justification')}</th>
            <th scope="col">{t('triage.table.channel')}</th>
            <th scope="col">{t('triage.table.assignee')}</th>
            <th scope="col" aria-sort={sorted('disposition')}>
              {t('triage.table.disposition')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const selected = row.id === selectedId;
            return (
              <tr key={row.id} className={[selected ? 'selected' : '', row.withdrawn ? 'inactive' : ''].filter(Boolean).join(' ') || undefined}>
                <th scope="row">
                  <button
                    id={openButtonId(row.id)}
                    type="button"
                    className="button button--small"
                    aria-expanded={selected}
                    aria-controls={selected ? DETAIL_PANEL_ID : undefined}
                    aria-label={t('triage.table.open', { number: row.number })}
                    onClick={() => onSelect(row)}
                  >
                    {row.number}
                  </button>
                  {row.withdrawn && <span className="table-note table-note--warning">{t('triage.withdrawn')}</span>}
                  {selected && <span className="table-note">{t('triage.table.selected')}</span>}
                </th>
                <td>{row.part}</td>
                <td>
                  {row.submitter.name}
                  <span className="table-note">
                    {t(`triage.submitterKinds.${row.submitter.kind}`)} · {t(`triage.submitterTypes.${row.submitter.type}`)}
                  </span>
                </td>
                <td>
                  <Wording text={row.currentWording} />
                </td>
                <td>
                  <Wording text={row.proposedWording} />
                </td>
                <td>
                  <Wording text={row.justification} />
                </td>
                <td>{t(`rounds.channels.${row.channel}`)}</td>
                <td>{row.assignee?.displayName ?? <span className="muted">{t('triage.unassigned')}</span>}</td>
                <td>
                  {row.disposition ? t(`triage.dispositions.${row.disposition}`) : <span className="muted">{t('triage.noDisposition')}</span>}
                  {row.disposition && <span className="table-note">{row.approved ? t('triage.approved') : t('triage.awaitingApproval')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
