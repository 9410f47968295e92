import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { selectable, type TriageRow, type TriageSort } from './triage-api';

/** Ticking comments for a bulk action (coordinators): the ids ticked, and the changes. */
export interface TriageSelection {
  checked: ReadonlySet<string>;
  onToggle: (row: TriageRow, checked: boolean) => void;
  /** Ticks (or unticks) every comment shown that a bulk action takes. */
  onToggleAll: (checked: boolean) => void;
}

export interface TriageTableProps {
  rows: TriageRow[];
  sort: TriageSort;
  /** The comment whose detail panel is open. */
  selectedId: string | null;
  onSelect: (row: TriageRow) => void;
  /** Whether filters narrow the table (to say "none matches" rather than "none yet"). */
  filtered: boolean;
  /** Checkboxes for bulk actions: a first column, and "all shown" in its header. */
  selection?: TriageSelection;
}

export const openButtonId = (commentId: string) => `triage-open-${commentId}`;
export const DETAIL_PANEL_ID = 'triage-detail';

/** One of a comment's texts in the table, under its name; long ones are cut short here and read in full in the detail. */
function Wording({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <span className="triage-table__text">
      <span className="triage-table__label">{label}: </span>
      {text.trim() ? <span className="wording triage-table__clamp">{text}</span> : <span className="muted">{t('common.none')}</span>}
    </span>
  );
}

/** "Select all shown": ticked when all are, half-ticked (mixed) when some are. */
function AllShown({ rows, selection }: { rows: TriageRow[]; selection: TriageSelection }) {
  const { t } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  const candidates = rows.filter(selectable);
  const ticked = candidates.filter((row) => selection.checked.has(row.id)).length;
  const all = candidates.length > 0 && ticked === candidates.length;
  const some = ticked > 0 && !all;
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="triage-table__check"
      aria-label={t('triage.bulk.selectAll', { total: candidates.length })}
      checked={all}
      disabled={candidates.length === 0}
      onChange={(event) => selection.onToggleAll(event.target.checked)}
    />
  );
}

/**
 * The round's comments with their submitter and channel, their texts (cut short: the detail has them in full), the
 * assignee and the disposition; each number opens its detail. The columns share the page's width, so at 1280 px the
 * disposition is in view; on narrower screens the table scrolls sideways in a labelled, focusable region.
 */
export function TriageTable({ rows, sort, selectedId, onSelect, filtered, selection }: TriageTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  if (rows.length === 0) return <p>{filtered ? t('triage.table.noneMatching') : t('triage.table.none')}</p>;
  const sorted = (key: TriageSort) => (sort === key ? ('ascending' as const) : undefined);
  return (
    <div className="table-wrap triage-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={selection ? 'triage-table triage-table--selectable' : 'triage-table'}>
        <caption id={captionId}>{t('triage.table.caption', { sort: t(`triage.sorts.${sort}`) })}</caption>
        <colgroup>
          {selection && <col className="triage-table__col-check" />}
          <col className="triage-table__col-number" />
          <col className="triage-table__col-part" />
          <col className="triage-table__col-submitter" />
          <col />
          <col className="triage-table__col-assignee" />
          <col className="triage-table__col-disposition" />
        </colgroup>
        <thead>
          <tr>
            {selection && (
              <td className="triage-table__select">
                <AllShown rows={rows} selection={selection} />
              </td>
            )}
            <th scope="col" aria-sort={sorted('number')}>
              {t('triage.table.number')}
            </th>
            <th scope="col" aria-sort={sorted('part')}>
              {t('triage.table.part')}
            </th>
            <th scope="col" aria-sort={sorted('submitter')}>
              {t('triage.table.submitter')}
            </th>
            <th scope="col">{t('triage.table.content')}</th>
            <th scope="col">{t('triage.table.assignee')}</th>
            <th scope="col" aria-sort={sorted('disposition')}>
              {t('triage.table.disposition')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const selected = row.id === selectedId;
            const ticked = selection?.checked.has(row.id) ?? false;
            return (
              <tr key={row.id} className={[selected ? 'selected' : '', ticked ? 'ticked' : '', row.withdrawn ? 'inactive' : ''].filter(Boolean).join(' ') || undefined}>
                {selection && (
                  <td className="triage-table__select">
                    {selectable(row) && (
                      <input
                        type="checkbox"
                        className="triage-table__check"
                        aria-label={t('triage.bulk.select', { number: row.number })}
                        checked={ticked}
                        onChange={(event) => selection.onToggle(row, event.target.checked)}
                      />
                    )}
                  </td>
                )}
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
                <td className="triage-table__part">{row.part}</td>
                <td>
                  {row.submitter.name}
                  <span className="table-note">
                    {t(`triage.submitterKinds.${row.submitter.kind}`)} · {t(`triage.submitterTypes.${row.submitter.type}`)}
                  </span>
                  <span className="table-note">{t(`rounds.channels.${row.channel}`)}</span>
                </td>
                <td>
                  <Wording label={t('triage.table.currentWording')} text={row.currentWording} />
                  <Wording label={t('triage.table.proposedWording')} text={row.proposedWording} />
                  <Wording label={t('triage.table.justification')} text={row.justification} />
                </td>
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
