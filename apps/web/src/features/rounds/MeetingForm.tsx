import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { formatDateTime } from '../../i18n/format';
import { DateTimeField, fromLocalInput, toLocalInput } from '../../ui/DateTimeField';
import { Field } from '../../ui/Field';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { addMeeting, type Round, type RoundMeeting, updateMeeting } from './rounds-api';

const EMPTY = { startsAt: '', place: '', notes: '', participants: '', summary: '' };

const valuesOf = (meeting: RoundMeeting) => ({
  startsAt: toLocalInput(new Date(meeting.startsAt)),
  place: meeting.place,
  notes: meeting.notes,
  participants: meeting.participants === null ? '' : String(meeting.participants),
  summary: meeting.summary,
});

export interface MeetingFormProps {
  roundId: string;
  /** A meeting to change (after it was held: participants and summary); without it, a new meeting. */
  meeting?: RoundMeeting;
  /** The round with its meetings, as the API answered, and what was done in words. */
  onAdded: (round: Round, message: string) => void;
  onCancel?: () => void;
}

/**
 * A consultation meeting of a round (coordinators): when, where, internal notes, and once held how many took part and
 * a summary (both published in the report, the summary without personal data). Adds a meeting, or changes one.
 */
export function MeetingForm({ roundId, meeting, onAdded, onCancel }: MeetingFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(() => (meeting ? valuesOf(meeting) : EMPTY));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const idOf = (name: string) => (meeting ? `meeting-${meeting.id}-${name}` : `meeting-${name}`);
  const errors = { ...fieldErrorsOf(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  // A meeting opened for changes takes the focus (its button is gone while the form is shown).
  useEffect(() => {
    if (meeting) form.current?.querySelector<HTMLElement>('input')?.focus();
  }, [meeting]);
  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const startsAt = fromLocalInput(values.startsAt);
    const found: Record<string, string> = {};
    if (!startsAt) found.startsAt = t('meetingForm.errors.startsAt');
    if (!values.place.trim()) found.place = t('meetingForm.errors.place');
    const participants = values.participants.trim() === '' ? null : Number(values.participants);
    if (participants !== null && (!Number.isInteger(participants) || participants < 0)) found.participants = t('meetingForm.errors.participants');
    setOwnErrors(found);
    setFailure(null);
    setNotice(null);
    setAttempt((a) => a + 1);
    if (!startsAt || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const place = values.place.trim();
      const notes = values.notes.trim();
      const summary = values.summary.trim();
      const when = formatDateTime(startsAt.toISOString(), i18n.language);
      if (meeting) {
        const round = await updateMeeting(roundId, meeting.id, { startsAt: startsAt.toISOString(), place, notes, participants, summary });
        const message = t('meetingForm.saved', { when, place });
        setNotice(message);
        onAdded(round, message);
      } else {
        const round = await addMeeting(roundId, {
          startsAt: startsAt.toISOString(),
          place,
          ...(notes ? { notes } : {}),
          ...(participants !== null ? { participants } : {}),
          ...(summary ? { summary } : {}),
        });
        setValues(EMPTY);
        const message = t('meetingForm.added', { when, place });
        setNotice(message);
        onAdded(round, message);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const heading = meeting
    ? t('meetingForm.editHeading', { when: formatDateTime(meeting.startsAt, i18n.language), place: meeting.place })
    : t('meetingForm.heading');

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <StatusMessage message={notice} />
      <ErrorMessage message={formErrorText(failure, t)} />
      <div className="form__row">
        <DateTimeField id={idOf('starts')} label={t('meetingForm.startsAt')} value={values.startsAt} onChange={set('startsAt')} error={errors.startsAt} required />
        <TextField id={idOf('place')} label={t('meetingForm.place')} hint={t('meetingForm.placeHint')} value={values.place} onChange={set('place')} error={errors.place} required />
      </div>
      <Field id={idOf('participants')} label={t('meetingForm.participants')} error={errors.participants}>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={0} step={1} value={values.participants} onChange={(event) => set('participants')(event.target.value)} />
        )}
      </Field>
      <TextAreaField id={idOf('summary')} label={t('meetingForm.summary')} hint={t('meetingForm.summaryHint')} value={values.summary} onChange={set('summary')} error={errors.summary} rows={3} />
      <TextAreaField id={idOf('notes')} label={t('meetingForm.notes')} hint={t('meetingForm.notesHint')} value={values.notes} onChange={set('notes')} error={errors.notes} rows={3} />
      {onCancel ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? t('meetingForm.saving') : meeting ? t('meetingForm.saveEdit') : t('meetingForm.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <SubmitButton busy={busy} label={meeting ? t('meetingForm.saveEdit') : t('meetingForm.submit')} busyLabel={t('meetingForm.saving')} />
      )}
    </form>
  );
}
