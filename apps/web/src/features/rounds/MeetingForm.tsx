import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { formatDateTime } from '../../i18n/format';
import { DateTimeField, fromLocalInput } from '../../ui/DateTimeField';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { addMeeting, type Round } from './rounds-api';

const EMPTY = { startsAt: '', place: '', notes: '' };

/** Adds a consultation meeting to a round (coordinators): when, where, notes; the round with its meetings comes back. */
export function MeetingForm({ roundId, onAdded }: { roundId: string; onAdded: (round: Round) => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrorsOf(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const startsAt = fromLocalInput(values.startsAt);
    const found: Record<string, string> = {};
    if (!startsAt) found.startsAt = t('meetingForm.errors.startsAt');
    if (!values.place.trim()) found.place = t('meetingForm.errors.place');
    setOwnErrors(found);
    setFailure(null);
    setNotice(null);
    setAttempt((a) => a + 1);
    if (!startsAt || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const notes = values.notes.trim();
      const round = await addMeeting(roundId, { startsAt: startsAt.toISOString(), place: values.place.trim(), ...(notes ? { notes } : {}) });
      setValues(EMPTY);
      setNotice(t('meetingForm.added', { when: formatDateTime(startsAt.toISOString(), i18n.language), place: values.place.trim() }));
      onAdded(round);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="meeting-form-heading">
      <h3 id="meeting-form-heading">{t('meetingForm.heading')}</h3>
      <StatusMessage message={notice} />
      <ErrorMessage message={formErrorText(failure, t)} />
      <div className="form__row">
        <DateTimeField id="meeting-starts" label={t('meetingForm.startsAt')} value={values.startsAt} onChange={(startsAt) => setValues((v) => ({ ...v, startsAt }))} error={errors.startsAt} required />
        <TextField id="meeting-place" label={t('meetingForm.place')} hint={t('meetingForm.placeHint')} value={values.place} onChange={(place) => setValues((v) => ({ ...v, place }))} error={errors.place} required />
      </div>
      <TextAreaField id="meeting-notes" label={t('meetingForm.notes')} value={values.notes} onChange={(notes) => setValues((v) => ({ ...v, notes }))} error={errors.notes} rows={3} />
      <SubmitButton busy={busy} label={t('meetingForm.submit')} busyLabel={t('meetingForm.saving')} />
    </form>
  );
}
