import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DateTimeField, fromLocalInput, toLocalInput } from '../../ui/DateTimeField';
import { ErrorMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { decisionErrorText, decisionFieldErrors, decisionFormErrorText } from './decision-errors';
import { cancelMeeting, changeMeeting, type MeetingChanges as Changes, type MeetingView } from './decisions-api';

/** The longest reason the API takes. */
const REASON_MAX = 2000;

type Mode = 'change' | 'cancel' | null;

/**
 * A coordinator's changes to a planned meeting: its title, time, place and second term (each checked as when it was
 * called), or its cancellation with a reason, confirmed first. Everyone invited gets the updated invitation or the
 * cancellation in their calendar, which the section says before anything is sent.
 */
export function MeetingChanges({ meeting, onChanged }: { meeting: MeetingView; onChanged: (next: MeetingView, notice: string, focus: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const toggle = (next: Exclude<Mode, null>) => setMode((current) => (current === next ? null : next));
  return (
    <section aria-labelledby="meeting-changes-heading" className="panel meeting-changes">
      <h2 id="meeting-changes-heading">{t('decisions.meetingChanges.heading')}</h2>
      <p className="field__hint">{t('decisions.meetingChanges.hint')}</p>
      <div className="meeting-controls">
        <button id="change-meeting" type="button" className="button" aria-expanded={mode === 'change'} aria-controls="change-meeting-form" onClick={() => toggle('change')}>
          {t('decisions.meetingChanges.change')}
        </button>
        <button id="cancel-meeting" type="button" className="button button--danger" aria-expanded={mode === 'cancel'} aria-controls="cancel-meeting-form" onClick={() => toggle('cancel')}>
          {t('decisions.meetingChanges.cancel')}
        </button>
      </div>
      {mode === 'change' && (
        <ChangeMeetingForm
          meeting={meeting}
          onDone={(next) => {
            setMode(null);
            onChanged(next, t('decisions.meetingChanges.changedNotice'), 'change-meeting');
          }}
        />
      )}
      {mode === 'cancel' && (
        <CancelMeetingForm
          meeting={meeting}
          onDone={(next) => {
            setMode(null);
            onChanged(next, t('decisions.meetingChanges.cancelledNotice'), 'page-heading');
          }}
          onAbandon={() => {
            setMode(null);
            document.getElementById('cancel-meeting')?.focus();
          }}
        />
      )}
    </section>
  );
}

/** The form's text of an instant (Polish time), or "" for none. */
const local = (iso: string | null) => (iso ? toLocalInput(new Date(iso)) : '');

function ChangeMeetingForm({ meeting, onDone }: { meeting: MeetingView; onDone: (next: MeetingView) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ title: meeting.title, startsAt: local(meeting.startsAt), place: meeting.place, secondTermAt: local(meeting.secondTermAt) });
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...decisionFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const startsAt = fromLocalInput(values.startsAt);
    const secondTermAt = values.secondTermAt ? fromLocalInput(values.secondTermAt) : null;
    const found: Record<string, string> = {};
    if (!values.title.trim()) found.title = t('decisions.meetingForm.errors.title');
    if (!startsAt) found.startsAt = t('decisions.meetingForm.errors.startsAt');
    if (values.secondTermAt && !secondTermAt) found.secondTermAt = t('decisions.meetingForm.errors.secondTermAtDate');
    else if (startsAt && secondTermAt && secondTermAt.getTime() <= startsAt.getTime()) found.secondTermAt = t('decisions.meetingForm.errors.secondTermAt');
    setOwnErrors(found);
    setFailure(null);
    setNotice(null);
    setAttempt((a) => a + 1);
    if (!startsAt || Object.keys(found).length > 0) return;
    // Only what differs from the meeting as it is: each change is announced to everyone invited.
    const changes: Changes = {};
    const title = values.title.trim();
    const place = values.place.trim();
    if (title !== meeting.title) changes.title = title;
    if (startsAt.getTime() !== new Date(meeting.startsAt).getTime()) changes.startsAt = startsAt.toISOString();
    if (place !== meeting.place) changes.place = place;
    const second = secondTermAt ? secondTermAt.toISOString() : null;
    if ((second === null) !== (meeting.secondTermAt === null) || (second && meeting.secondTermAt && new Date(second).getTime() !== new Date(meeting.secondTermAt).getTime())) changes.secondTermAt = second;
    if (Object.keys(changes).length === 0) {
      setNotice(t('decisions.meetingChanges.nothingChanged'));
      return;
    }
    setBusy(true);
    try {
      onDone(await changeMeeting(meeting.id, changes));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <form id="change-meeting-form" ref={form} onSubmit={(event) => void submit(event)} noValidate className="form" aria-labelledby="change-meeting-heading">
      <h3 id="change-meeting-heading">{t('decisions.meetingChanges.changeHeading')}</h3>
      <ErrorMessage message={decisionFormErrorText(failure, t) ?? notice} />
      <TextField id="change-meeting-title" label={t('decisions.meetingForm.title')} value={values.title} onChange={set('title')} error={errors.title} required />
      <div className="form__row">
        <DateTimeField id="change-meeting-starts-at" label={t('decisions.meetingForm.startsAt')} value={values.startsAt} onChange={set('startsAt')} error={errors.startsAt} required />
        <TextField id="change-meeting-place" label={t('decisions.meetingForm.place')} value={values.place} onChange={set('place')} error={errors.place} />
      </div>
      <DateTimeField
        id="change-meeting-second-term-at"
        label={t('decisions.meetingForm.secondTermAt')}
        hint={t('decisions.meetingChanges.secondTermAtHint')}
        value={values.secondTermAt}
        onChange={set('secondTermAt')}
        error={errors.secondTermAt}
      />
      <SubmitButton busy={busy} label={t('decisions.meetingChanges.submit')} busyLabel={t('decisions.meetingChanges.saving')} />
    </form>
  );
}

function CancelMeetingForm({ meeting, onDone, onAbandon }: { meeting: MeetingView; onDone: (next: MeetingView) => void; onAbandon: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, error ? { reason: error } : {}, attempt);

  function ask(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    const problem = !text ? t('decisions.meetingChanges.errors.reason') : text.length > REASON_MAX ? t('decisions.meetingChanges.errors.reasonLength', { max: REASON_MAX }) : undefined;
    setError(problem);
    setAttempt((a) => a + 1);
    if (!problem) setConfirming(true);
  }

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onDone(await cancelMeeting(meeting.id, reason.trim()));
    } catch (caught) {
      setFailure(caught);
      setBusy(false);
    }
  }

  return (
    <form id="cancel-meeting-form" ref={form} onSubmit={ask} noValidate className="form" aria-labelledby="cancel-meeting-heading">
      <h3 id="cancel-meeting-heading">{t('decisions.meetingChanges.cancelHeading')}</h3>
      <TextAreaField
        id="cancel-meeting-reason"
        label={t('decisions.meetingChanges.reason')}
        hint={t('decisions.meetingChanges.reasonHint')}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setConfirming(false);
        }}
        error={error}
        required
        rows={3}
      />
      {confirming ? (
        <ConfirmAction
          question={t('decisions.meetingChanges.cancelQuestion', { title: meeting.title })}
          confirmLabel={t('decisions.meetingChanges.cancelConfirm')}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            onAbandon();
          }}
          busy={busy}
          error={failure ? decisionErrorText(failure, t) : null}
        />
      ) : (
        <div className="form__actions">
          <button type="submit" className="button button--danger">
            {t('decisions.meetingChanges.cancelSubmit')}
          </button>
        </div>
      )}
    </form>
  );
}
