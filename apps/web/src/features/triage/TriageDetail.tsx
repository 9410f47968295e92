import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Disposition, DISPOSITIONS, type Role } from '@commonplan/domain';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { formatDateTime } from '../../i18n/format';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ApplyToDraftAction } from './ApplyToDraftAction';
import { DETAIL_PANEL_ID } from './TriageTable';
import { addInternalNote, approveDisposition, assignComment, canDecide, decideComment, type TriageRow } from './triage-api';

export interface TriageDetailProps {
  roundId: string;
  row: TriageRow;
  /** The reader's role in the workspace and their user id (an expert decides on the comments assigned to them). */
  role: Role;
  myUserId: string;
  /** Experts and coordinators of the workspace, to assign the comment to. */
  assignees: SelectOption[];
  /** The report is published: a change goes into its next edition (the published ones never change). */
  published?: boolean;
  /** After each change: the page announces the message and reloads the table. */
  onDone: (message: string) => void;
  onClose: () => void;
  /** More actions, shown after the built-in ones. */
  children?: ReactNode;
}

/** Runs one action of the panel at a time, keeping its failure to show next to it. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  async function run(action: () => Promise<unknown>, onSuccess: () => void): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setFailure(null);
    try {
      await action();
      onSuccess();
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, run };
}

/**
 * One comment in full, and the work on it: assign it (coordinators), record the disposition with its justification
 * (coordinators or the assigned expert), approve it (coordinators), internal notes (staff; never published), and the
 * slot for applying an accepted comment to the draft. The heading takes the focus when a comment is opened.
 */
export function TriageDetail({ roundId, row, role, myUserId, assignees, published = false, onDone, onClose, children }: TriageDetailProps) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.id]);
  // After a change the table is reloaded: a control that is gone with it (the approve button) leaves the focus
  // nowhere, and the heading takes it back.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, [row]);
  const coordinator = role === 'coordinator';
  const open = !row.withdrawn;
  const applicable = row.disposition === 'accepted' || row.disposition === 'partly_accepted';

  return (
    <section id={DETAIL_PANEL_ID} className="panel triage-detail" aria-labelledby="triage-detail-heading">
      <div className="triage-detail__top">
        <h2 id="triage-detail-heading" ref={heading} tabIndex={-1}>
          {t('triage.detail.heading', { number: row.number })}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('triage.detail.close')}
        </button>
      </div>
      {row.withdrawn && <p className="notice notice--warning">{t('triage.detail.withdrawn')}</p>}
      {published && <p className="notice notice--warning">{t('triage.detail.published')}</p>}
      <dl className="facts">
        <dt>{t('triage.table.part')}</dt>
        <dd>{row.part}</dd>
        <dt>{t('triage.table.submitter')}</dt>
        <dd>
          {row.submitter.name} ({t(`triage.submitterKinds.${row.submitter.kind}`)}, {t(`triage.submitterTypes.${row.submitter.type}`)})
        </dd>
        <dt>{t('triage.table.channel')}</dt>
        <dd>{t(`rounds.channels.${row.channel}`)}</dd>
        <dt>{t('triage.detail.received')}</dt>
        <dd>
          <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, i18n.language)}</time>
        </dd>
        <dt>{t('triage.table.currentWording')}</dt>
        <dd className="wording">{row.currentWording || t('common.none')}</dd>
        <dt>{t('triage.table.proposedWording')}</dt>
        <dd className="wording">{row.proposedWording || t('common.none')}</dd>
        <dt>{t('triage.table.justification')}</dt>
        <dd className="wording">{row.justification}</dd>
        <dt>{t('triage.table.assignee')}</dt>
        <dd>{row.assignee?.displayName ?? t('triage.unassigned')}</dd>
        <dt>{t('triage.table.disposition')}</dt>
        <dd>
          {row.disposition ? (
            <>
              {t(`triage.dispositions.${row.disposition}`)} — {row.approved ? t('triage.approved') : t('triage.awaitingApproval')}
              {row.dispositionBy && <span className="table-note">{t('triage.detail.draftedBy', { name: row.dispositionBy.displayName })}</span>}
            </>
          ) : (
            t('triage.noDisposition')
          )}
        </dd>
        {row.dispositionJustification && (
          <>
            <dt>{t('triage.detail.dispositionJustification')}</dt>
            <dd className="wording">{row.dispositionJustification}</dd>
          </>
        )}
      </dl>

      {open && coordinator && <AssignForm key={`assign-${row.id}`} row={row} assignees={assignees} onDone={onDone} />}
      {open && canDecide(role, myUserId, row) && (
        <DispositionForm key={`disposition-${row.id}`} row={row} onDone={onDone} />
      )}
      {open && coordinator && row.disposition && !row.approved && <ApproveButton row={row} onDone={onDone} />}
      {open && applicable && (
        <div className="triage-detail__apply">
          <ApplyToDraftAction roundId={roundId} row={row} onDone={onDone} />
        </div>
      )}
      {children}
      <InternalNotes row={row} onDone={onDone} />
    </section>
  );
}

function AssignForm({ row, assignees, onDone }: { row: TriageRow; assignees: SelectOption[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState(row.assignee?.id ?? '');
  const action = useAction();
  const options = assignees.some((a) => a.value === row.assignee?.id) || !row.assignee ? assignees : [...assignees, { value: row.assignee.id, label: row.assignee.displayName }];

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = options.find((o) => o.value === assigneeId)?.label;
    void action.run(
      () => assignComment(row.id, assigneeId || null),
      () => onDone(name ? t('triage.assign.done', { number: row.number, name }) : t('triage.assign.doneNone', { number: row.number })),
    );
  }

  return (
    <form onSubmit={submit} className="form form--inline" aria-labelledby="triage-assign-heading">
      <h3 id="triage-assign-heading">{t('triage.assign.heading')}</h3>
      <ErrorMessage message={formErrorText(action.failure, t)} />
      <div className="form__row">
        <SelectField
          id="triage-assignee"
          label={t('triage.assign.label')}
          value={assigneeId}
          placeholder={t('triage.assign.nobody')}
          options={options}
          onChange={setAssigneeId}
          error={fieldErrorsOf(action.failure, t).assigneeId}
        />
      </div>
      <SubmitButton busy={action.busy} label={t('triage.assign.submit')} busyLabel={t('triage.saving')} />
    </form>
  );
}

function DispositionForm({ row, onDone }: { row: TriageRow; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [disposition, setDisposition] = useState<string>(row.disposition ?? '');
  const [justification, setJustification] = useState(row.dispositionJustification ?? '');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const action = useAction();
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrorsOf(action.failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!DISPOSITIONS.includes(disposition as Disposition)) found.disposition = t('triage.decide.errors.disposition');
    if (!justification.trim()) found.justification = t('triage.decide.errors.justification');
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    void action.run(
      () => decideComment(row.id, disposition as Disposition, justification.trim()),
      () => onDone(t('triage.decide.done', { number: row.number, disposition: t(`triage.dispositions.${disposition}`) })),
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form" aria-labelledby="triage-decide-heading">
      <h3 id="triage-decide-heading">{t('triage.decide.heading')}</h3>
      {row.approved && <p className="field__hint">{t('triage.decide.reapproval')}</p>}
      <ErrorMessage message={formErrorText(action.failure, t)} />
      <SelectField
        id="triage-disposition"
        label={t('triage.decide.disposition')}
        value={disposition}
        placeholder={t('triage.decide.choose')}
        options={DISPOSITIONS.map((d) => ({ value: d, label: t(`triage.dispositions.${d}`) }))}
        onChange={setDisposition}
        error={errors.disposition}
        required
      />
      <TextAreaField
        id="triage-justification"
        label={t('triage.decide.justification')}
        hint={t('triage.decide.justificationHint')}
        value={justification}
        onChange={setJustification}
        error={errors.justification}
        rows={5}
        required
      />
      <SubmitButton busy={action.busy} label={t('triage.decide.submit')} busyLabel={t('triage.saving')} />
    </form>
  );
}

function ApproveButton({ row, onDone }: { row: TriageRow; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const action = useAction();
  return (
    <div className="triage-detail__approve">
      <ErrorMessage message={formErrorText(action.failure, t)} />
      <button
        type="button"
        className="button button--primary"
        aria-disabled={action.busy}
        onClick={() => void action.run(() => approveDisposition(row.id), () => onDone(t('triage.approve.done', { number: row.number })))}
      >
        {t('triage.approve.submit')}
      </button>
    </div>
  );
}

function InternalNotes({ row, onDone }: { row: TriageRow; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const action = useAction();
  const form = useRef<HTMLFormElement>(null);
  const error = ownError ?? fieldErrorsOf(action.failure, t).body;
  useFocusFirstError(form, { body: error }, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    setOwnError(text ? undefined : t('triage.notes.required'));
    setAttempt((a) => a + 1);
    if (!text) return;
    const added = await action.run(
      () => addInternalNote(row.id, text),
      () => onDone(t('triage.notes.done', { number: row.number })),
    );
    if (added) setBody('');
  }

  return (
    <section className="triage-notes" aria-labelledby="triage-notes-heading">
      <h3 id="triage-notes-heading">{t('triage.notes.heading')}</h3>
      <p className="field__hint">{t('triage.notes.explanation')}</p>
      {row.notes.length === 0 ? (
        <p className="muted">{t('triage.notes.none')}</p>
      ) : (
        <ul className="triage-notes__list">
          {row.notes.map((note) => (
            <li key={note.id}>
              <span className="table-note">
                {note.author || t('common.notGiven')} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, i18n.language)}</time>
              </span>
              <span className="wording">{note.body}</span>
            </li>
          ))}
        </ul>
      )}
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form">
        <ErrorMessage message={formErrorText(action.failure, t)} />
        <TextAreaField id="triage-note" label={t('triage.notes.label')} value={body} onChange={setBody} error={error} rows={3} required />
        <SubmitButton busy={action.busy} label={t('triage.notes.submit')} busyLabel={t('triage.saving')} />
      </form>
    </section>
  );
}
