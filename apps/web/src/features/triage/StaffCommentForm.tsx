import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundChannel } from '@commonplan/domain';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { formatDateTime } from '../../i18n/format';
import { emailError } from '../auth/validation';
import { SUBMITTER_KINDS, SUBMITTER_TYPES, type SubmitterKind, type SubmitterType } from '@commonplan/domain';
import { type CommentReceipt, enterComment } from './triage-api';

/** The channels staff enter comments from: the round's, except the online form (people use it themselves). */
export const offlineChannels = (channels: RoundChannel[]) => channels.filter((c) => c !== 'online_form');

const empty = (channel: string) => ({
  channel,
  kind: 'person' as string,
  name: '',
  type: 'resident' as string,
  email: '',
  part: '',
  currentWording: '',
  proposedWording: '',
  justification: '',
  meetingId: '',
});

/** The API's field names (StaffCommentDto) → this form's. */
const FIELD_OF: Record<string, string> = { 'submitter.kind': 'kind', 'submitter.name': 'name', 'submitter.type': 'type' };

export interface StaffCommentFormProps {
  roundId: string;
  /** The round's channels other than the online form. */
  channels: RoundChannel[];
  /** The round's meetings: a comment made orally may name the one it was made at. */
  meetings?: Array<{ id: string; startsAt: string; place: string }>;
  onEntered: (receipt: CommentReceipt) => void;
  onCancel: () => void;
}

/**
 * "Wprowadź uwagę w imieniu zgłaszającego": a comment that came by e-mail, post, an oral protocol or ePUAP, entered
 * by staff as the submitter wrote it. The e-mail address only carries the receipt and is never shown or published.
 */
export function StaffCommentForm({ roundId, channels, meetings = [], onEntered, onCancel }: StaffCommentFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(() => empty(channels[0] ?? ''));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const apiErrors = Object.fromEntries(Object.entries(fieldErrorsOf(failure, t)).map(([field, text]) => [FIELD_OF[field] ?? field, text]));
  const errors = { ...apiErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  useEffect(() => form.current?.querySelector<HTMLElement>('select, input')?.focus(), []);
  const set = (key: keyof ReturnType<typeof empty>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!values.channel) found.channel = t('triage.enter.errors.channel');
    if (!values.name.trim()) found.name = t('triage.enter.errors.name');
    if (values.email.trim()) {
      const problem = emailError(values.email, t);
      if (problem) found.email = problem;
    }
    if (!values.part.trim()) found.part = t('triage.enter.errors.part');
    if (!values.justification.trim()) found.justification = t('triage.enter.errors.justification');
    setOwnErrors(found);
    setFailure(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const receipt = await enterComment(roundId, {
        channel: values.channel as RoundChannel,
        submitter: { kind: values.kind as SubmitterKind, name: values.name.trim(), type: values.type as SubmitterType },
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        part: values.part.trim(),
        ...(values.currentWording.trim() ? { currentWording: values.currentWording.trim() } : {}),
        ...(values.proposedWording.trim() ? { proposedWording: values.proposedWording.trim() } : {}),
        justification: values.justification.trim(),
        ...(values.channel === 'oral_protocol' && values.meetingId ? { meetingId: values.meetingId } : {}),
      });
      // The next comment often comes from the same meeting: the channel and the meeting stay.
      setValues({ ...empty(values.channel), meetingId: values.meetingId });
      onEntered(receipt);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="triage-enter-heading">
      <h2 id="triage-enter-heading">{t('triage.enter.heading')}</h2>
      <p className="field__hint">{t('triage.enter.intro')}</p>
      <ErrorMessage message={formErrorText(failure, t)} />
      <div className="form__row">
        <SelectField
          id="enter-channel"
          label={t('triage.enter.channel')}
          value={values.channel}
          options={channels.map((c) => ({ value: c, label: t(`rounds.channels.${c}`) }))}
          onChange={set('channel')}
          error={errors.channel}
          required
        />
        <SelectField
          id="enter-kind"
          label={t('triage.enter.kind')}
          value={values.kind}
          options={SUBMITTER_KINDS.map((k) => ({ value: k, label: t(`triage.submitterKinds.${k}`) }))}
          onChange={set('kind')}
          error={errors.kind}
          required
        />
        <SelectField
          id="enter-type"
          label={t('triage.enter.type')}
          value={values.type}
          options={SUBMITTER_TYPES.map((type) => ({ value: type, label: t(`triage.submitterTypes.${type}`) }))}
          onChange={set('type')}
          error={errors.type}
          required
        />
      </div>
      {values.channel === 'oral_protocol' && meetings.length > 0 && (
        <SelectField
          id="enter-meeting"
          label={t('triage.enter.meeting')}
          value={values.meetingId}
          placeholder={t('triage.enter.noMeeting')}
          options={meetings.map((m) => ({ value: m.id, label: `${formatDateTime(m.startsAt, i18n.language)} · ${m.place}` }))}
          onChange={set('meetingId')}
          error={errors.meetingId}
        />
      )}
      <div className="form__row">
        <TextField id="enter-name" label={t('triage.enter.name')} value={values.name} onChange={set('name')} error={errors.name} autoComplete="off" required />
        <TextField id="enter-email" type="email" label={t('triage.enter.email')} hint={t('triage.enter.emailHint')} value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" />
      </div>
      <TextField id="enter-part" label={t('triage.enter.part')} hint={t('triage.enter.partHint')} value={values.part} onChange={set('part')} error={errors.part} required />
      <TextAreaField id="enter-current" label={t('triage.enter.currentWording')} value={values.currentWording} onChange={set('currentWording')} error={errors.currentWording} />
      <TextAreaField id="enter-proposed" label={t('triage.enter.proposedWording')} value={values.proposedWording} onChange={set('proposedWording')} error={errors.proposedWording} />
      <TextAreaField id="enter-justification" label={t('triage.enter.justification')} value={values.justification} onChange={set('justification')} error={errors.justification} required />
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('triage.saving') : t('triage.enter.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
