import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { awaitsApproval, bulkTriage, MAX_BULK_COMMENTS, refusedComments, type TriageRow } from './triage-api';

export interface TriageBulkActionsProps {
  roundId: string;
  /** The ticked comments that are shown (withdrawn ones cannot be ticked). */
  rows: TriageRow[];
  /** Experts and coordinators of the workspace. */
  assignees: SelectOption[];
  /** After a change: the page announces the message, reloads the table and clears the ticks. */
  onDone: (message: string) => void;
  /** After a refusal: the table is read again (someone changed a comment meanwhile). */
  onRefused: () => void;
}

/**
 * What a coordinator does to the ticked comments at once: assign them all to one expert or coordinator (or to nobody),
 * or approve the drafted dispositions among them. The API applies all or nothing; when it refuses (a comment was
 * withdrawn or its disposition removed meanwhile) the comments it names are said here and the table is read again.
 */
export function TriageBulkActions({ roundId, rows, assignees, onDone, onRefused }: TriageBulkActionsProps) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const count = rows.length;
  const approvable = rows.filter(awaitsApproval);
  const tooMany = count > MAX_BULK_COMMENTS;

  async function run(action: () => Promise<unknown>, message: string) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await action();
      onDone(message);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        // A 409 triage_bulk_refused lists the comments that cannot take the action; a 404 names none.
        const numbers = [...new Set(refusedComments(error).map((comment) => comment.number))];
        setFailure(numbers.length > 0 ? t('triage.bulk.refusedComments', { numbers: numbers.join(', ') }) : t('triage.bulk.refused'));
        onRefused();
      } else {
        setFailure(errorText(error, t));
      }
    } finally {
      setBusy(false);
    }
  }

  function assign(event: FormEvent) {
    event.preventDefault();
    if (tooMany) return;
    const name = assignees.find((a) => a.value === assigneeId)?.label;
    void run(
      () => bulkTriage(roundId, { commentIds: rows.map((row) => row.id), action: 'assign', assigneeId: assigneeId || null }),
      name ? t('triage.bulk.assigned', { count, name }) : t('triage.bulk.unassigned', { count }),
    );
  }

  function approve() {
    if (approvable.length === 0 || tooMany) return;
    void run(() => bulkTriage(roundId, { commentIds: approvable.map((row) => row.id), action: 'approve' }), t('triage.bulk.approved', { count: approvable.length }));
  }

  return (
    <section className="triage-bulk" aria-labelledby="triage-bulk-heading">
      <h3 id="triage-bulk-heading">{t('triage.bulk.heading')}</h3>
      <div role="status" className="live">
        <p>{count === 0 ? t('triage.bulk.none') : t('triage.bulk.count', { count })}</p>
      </div>
      <ErrorMessage message={tooMany ? t('triage.bulk.tooMany', { max: MAX_BULK_COMMENTS }) : failure} />
      {count > 0 && (
        <div className="triage-bulk__actions">
          <form onSubmit={assign} className="form form--inline triage-bulk__assign">
            <SelectField id="triage-bulk-assignee" label={t('triage.bulk.assignTo')} value={assigneeId} placeholder={t('triage.assign.nobody')} options={assignees} onChange={setAssigneeId} />
            <button type="submit" className="button" aria-disabled={busy || tooMany}>
              {t('triage.bulk.assign', { count })}
            </button>
          </form>
          <div className="triage-bulk__approve">
            <button type="button" className="button button--primary" aria-disabled={busy || tooMany || approvable.length === 0} aria-describedby="triage-bulk-approve-hint" onClick={approve}>
              {t('triage.bulk.approve', { count: approvable.length })}
            </button>
            <p id="triage-bulk-approve-hint" className="field__hint">
              {approvable.length === count ? t('triage.bulk.approveAll') : t('triage.bulk.approveSome', { count: approvable.length, skipped: count - approvable.length })}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
