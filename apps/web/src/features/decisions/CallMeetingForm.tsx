import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { DateTimeField, fromLocalInput } from '../../ui/DateTimeField';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { decisionFieldErrors, decisionFormErrorText } from './decision-errors';
import { type BodyView, createMeeting, meetingPage, type ResolutionView, undecided } from './decisions-api';

const EMPTY = { bodyId: '', title: '', startsAt: '', secondTermAt: '', place: '', agenda: [] as string[] };

/**
 * Calls a meeting of a body (coordinators): title, date and time, optionally the second term's (drugi termin: when it
 * reconvenes if the first lacks the quorum, after the first), place and the agenda, ticked from the body's resolutions
 * not decided yet (in their listed order). The meeting's page opens once it is called.
 */
export function CallMeetingForm({ workspaceId, bodies, resolutions }: { workspaceId: string; bodies: BodyView[]; resolutions: ResolutionView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState({ ...EMPTY, bodyId: bodies.length === 1 ? bodies[0]!.id : '' });
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...decisionFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  // Oldest first: the order in which they were drafted.
  const candidates = resolutions.filter((r) => r.body.id === values.bodyId && undecided(r)).reverse();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const startsAt = fromLocalInput(values.startsAt);
    const secondTermAt = values.secondTermAt ? fromLocalInput(values.secondTermAt) : null;
    const found: Record<string, string> = {};
    if (!values.bodyId) found.bodyId = t('decisions.meetingForm.errors.body');
    if (!values.title.trim()) found.title = t('decisions.meetingForm.errors.title');
    if (!startsAt) found.startsAt = t('decisions.meetingForm.errors.startsAt');
    if (values.secondTermAt && !secondTermAt) found.secondTermAt = t('decisions.meetingForm.errors.secondTermAtDate');
    else if (startsAt && secondTermAt && secondTermAt.getTime() <= startsAt.getTime()) found.secondTermAt = t('decisions.meetingForm.errors.secondTermAt');
    setOwnErrors(found);
    setFailure(null);
    setAttempt((a) => a + 1);
    if (!startsAt || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const place = values.place.trim();
      const meeting = await createMeeting(workspaceId, {
        bodyId: values.bodyId,
        title: values.title.trim(),
        startsAt: startsAt.toISOString(),
        ...(secondTermAt ? { secondTermAt: secondTermAt.toISOString() } : {}),
        ...(place ? { place } : {}),
        agenda: values.agenda,
      });
      void navigate(meetingPage(workspaceId, meeting.id));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="call-meeting-heading">
      <h3 id="call-meeting-heading">{t('decisions.meetingForm.heading')}</h3>
      <ErrorMessage message={decisionFormErrorText(failure, t)} />
      <SelectField
        id="meeting-body"
        label={t('decisions.meetingForm.body')}
        value={values.bodyId}
        placeholder={t('decisions.meetingForm.chooseBody')}
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        onChange={(bodyId) => setValues((v) => ({ ...v, bodyId, agenda: [] }))}
        error={errors.bodyId}
        required
      />
      <TextField id="meeting-title" label={t('decisions.meetingForm.title')} hint={t('decisions.meetingForm.titleHint')} value={values.title} onChange={set('title')} error={errors.title} required />
      <div className="form__row">
        <DateTimeField id="meeting-starts-at" label={t('decisions.meetingForm.startsAt')} value={values.startsAt} onChange={set('startsAt')} error={errors.startsAt} required />
        <TextField id="meeting-place-field" label={t('decisions.meetingForm.place')} value={values.place} onChange={set('place')} error={errors.place} />
      </div>
      <DateTimeField
        id="meeting-second-term-at"
        label={t('decisions.meetingForm.secondTermAt')}
        hint={t('decisions.meetingForm.secondTermAtHint')}
        value={values.secondTermAt}
        onChange={set('secondTermAt')}
        error={errors.secondTermAt}
      />
      {values.bodyId && candidates.length > 0 ? (
        <CheckboxGroup
          id="meeting-agenda"
          legend={t('decisions.meetingForm.agenda')}
          hint={t('decisions.meetingForm.agendaHint')}
          options={candidates.map((r) => ({ value: r.id, label: r.title }))}
          values={values.agenda}
          onChange={set('agenda')}
          error={errors.agenda}
        />
      ) : (
        <fieldset className="choices">
          <legend>{t('decisions.meetingForm.agenda')}</legend>
          <p className="field__hint">{values.bodyId ? t('decisions.meetingForm.noResolutions') : t('decisions.meetingForm.chooseBodyFirst')}</p>
        </fieldset>
      )}
      <SubmitButton busy={busy} label={t('decisions.meetingForm.submit')} busyLabel={t('decisions.meetingForm.saving')} />
    </form>
  );
}
