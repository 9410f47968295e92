import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Person } from '../../api/types';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { useMe } from '../../session/session';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { KEEP_FOCUS } from '../../ui/navigation-focus';
import { PageHeading } from '../../ui/PageHeading';
import { RoundUnavailable } from '../rounds/RoundDetails';
import { type Round, roundPath } from '../rounds/rounds-api';
import { useRoundEvents } from '../rounds/useRoundEvents';
import { useWorkspace } from '../workspace/workspace-context';
import { StaffCommentForm, offlineChannels } from './StaffCommentForm';
import { TriageBulkActions } from './TriageBulkActions';
import { TriageDetail } from './TriageDetail';
import { TriageFiltersForm } from './TriageFiltersForm';
import { openButtonId, TriageTable } from './TriageTable';
import { filtersFromSearch, isStaff, searchOfFilters, selectable, type TriageFilters, type TriageRow, type TriageSort } from './triage-api';
import './triage.css';
import { useTriage } from './useTriage';


/**
 * /w/:workspaceId/rounds/:roundId/comments (coordinators and experts): the round's comments to work on. Filters and
 * order live in the query string; a comment's number opens its detail panel (assign, decide, approve, internal
 * notes); coordinators tick comments to assign them or approve their dispositions at once; staff enter comments that
 * came by other channels.
 */
export function TriagePage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (!isStaff(workspace.role)) {
    return (
      <>
        <PageHeading title={t('workspace.forbidden.title')}>{t('workspace.forbidden.title')}</PageHeading>
        <ErrorMessage message={t('triage.forbidden')} />
      </>
    );
  }
  return <StaffTriage />;
}

function StaffTriage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const me = useMe();
  const { roundId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const round = useApiData<Round>(roundPath(roundId));
  const triage = useTriage(roundId, filters);
  // Live: a comment sent, changed or decided by someone else shows at once (the open comment stays open).
  useRoundEvents(roundId, true, (event) => {
    triage.reload();
    // The round's title, channels or meetings, changed by a coordinator.
    if (event.type === 'round_changed' || event.type === 'round_deleted') round.reload();
    if (event.type === 'comment_submitted') setStatus(t('rounds.live.newComment'));
  });
  const people = useApiData<Person[]>(`/workspaces/${workspace.id}/people`);
  const [selected, setSelected] = useState<{ id: string; number: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  // The comments ticked for a bulk action (coordinators); only those shown are acted on.
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const bulk = workspace.role === 'coordinator';
  // After a form closes, the focus goes back to what opened it, once that is drawn again.
  const focusWhenShown = useFocusWhenShown();

  const assignees = (people.data ?? [])
    .filter((p) => p.active && (p.role === 'expert' || p.role === 'coordinator'))
    .map((p) => ({ value: p.userId, label: `${p.displayName} (${t(`roles.${p.role}`)})` }));

  if (!round.data) return <RoundUnavailable error={round.error} />;
  const current = round.data;
  const rows = triage.rows;
  const row = selected ? (rows?.find((r) => r.id === selected.id) ?? null) : null;
  const filtered = searchOfFilters({ ...filters, sort: '' }) !== '';
  const channels = offlineChannels(current.channels);
  const ticked: TriageRow[] = (rows ?? []).filter((r) => checked.has(r.id) && selectable(r));

  function applyFilters(next: TriageFilters) {
    setStatus(null);
    // The focus stays on the filters: only what the table shows changes.
    setSearch(searchOfFilters(next), { state: KEEP_FOCUS });
  }

  function done(message: string) {
    setStatus(message);
    triage.reload();
  }

  function toggle(ids: string[], on: boolean) {
    setChecked((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  function bulkDone(message: string) {
    setChecked(new Set());
    done(message);
  }

  function close() {
    const id = selected?.id;
    setSelected(null);
    if (id) focusWhenShown(openButtonId(id));
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/w/${workspace.id}/rounds/${current.id}`}>
          <span aria-hidden="true">← </span>
          {t('triage.back', { title: current.title })}
        </Link>
      </p>
      <PageHeading title={t('triage.documentTitle', { title: current.title })}>{t('triage.heading', { title: current.title })}</PageHeading>
      <StatusMessage message={status} />

      {current.state === 'open' && channels.length > 0 && (
        <div className="triage-enter">
          {entering ? (
            <StaffCommentForm
              roundId={current.id}
              channels={channels}
              meetings={current.meetings}
              onEntered={(receipt) => {
                setEntering(false);
                done(t('triage.enter.done', { number: receipt.number }));
                focusWhenShown('triage-enter-toggle');
              }}
              onCancel={() => {
                setEntering(false);
                focusWhenShown('triage-enter-toggle');
              }}
            />
          ) : (
            <button id="triage-enter-toggle" type="button" className="button" onClick={() => setEntering(true)}>
              {t('triage.enter.heading')}
            </button>
          )}
        </div>
      )}

      <TriageFiltersForm key={search.toString()} filters={filters} assignees={assignees} onApply={applyFilters} />

      <section aria-labelledby="triage-table-heading">
        <h2 id="triage-table-heading">{t('triage.table.heading')}</h2>
        <div role="status" className="live">
          {rows && <p>{t('triage.table.count', { total: rows.length })}</p>}
        </div>
        {triage.error != null && (
          <div className="data-error">
            <ErrorMessage message={errorText(triage.error, t)} />
            <button type="button" className="button button--small" onClick={triage.reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {bulk && rows && rows.length > 0 && <TriageBulkActions roundId={current.id} rows={ticked} assignees={assignees} onDone={bulkDone} onRefused={triage.reload} />}
        {rows === null ? (
          triage.error == null && <Loading />
        ) : (
          <TriageTable
            rows={rows ?? []}
            sort={(filters.sort || 'number') as TriageSort}
            selectedId={selected?.id ?? null}
            onSelect={(r) => setSelected(selected?.id === r.id ? null : { id: r.id, number: r.number })}
            filtered={filtered}
            selection={
              bulk
                ? {
                    checked,
                    onToggle: (r, on) => toggle([r.id], on),
                    onToggleAll: (on) => toggle((rows ?? []).filter(selectable).map((r) => r.id), on),
                  }
                : undefined
            }
          />
        )}
      </section>

      {selected && row && (
        <TriageDetail
          roundId={current.id}
          row={row}
          role={workspace.role}
          myUserId={me.id}
          assignees={assignees}
          published={current.state === 'report_published'}
          onDone={done}
          onClose={close}
        />
      )}
      {selected && !row && rows && (
        <section className="panel" aria-labelledby="triage-gone-heading">
          <h2 id="triage-gone-heading">{t('triage.detail.heading', { number: selected.number })}</h2>
          <p>{t('triage.detail.filteredOut')}</p>
          <button type="button" className="button button--small" onClick={() => setSelected(null)}>
            {t('triage.detail.close')}
          </button>
        </section>
      )}
    </>
  );
}
