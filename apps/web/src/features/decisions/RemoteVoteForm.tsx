import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rulesFor } from '@commonplan/domain';
import { DateTimeField, fromLocalInput } from '../../ui/DateTimeField';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { decisionFieldErrors, decisionFormErrorText } from './decision-errors';
import { type BodyView, openRemoteVote, type ResolutionView, undecided, type VoteView } from './decisions-api';

/**
 * Whether the rules of the resolution's body for its kind allow remote voting (a statute's provision: BodyRules.remote);
 * null when the body is not among `bodies` (not known here: the API refuses with 409 if they do not).
 */
export function remoteVotingAllowed(resolution: ResolutionView, bodies: readonly BodyView[]): boolean | null {
  const body = bodies.find((b) => b.id === resolution.body.id);
  return body ? Boolean(rulesFor(body.rules, resolution.kind).remote) : null;
}

/**
 * Opens a remote vote (coordinators): a voting window outside a meeting on a resolution not decided yet, closed by
 * the system at the chosen date and time (which must be in the future; the API refuses otherwise, on `closesAt`).
 * Members that have not voted get a reminder by e-mail a day before. With one `resolution` the form is about it (the
 * resolution's page, which offers it only where the rules allow remote voting); with `resolutions` it offers the
 * undecided ones whose body's rules (among `bodies`) allow remote voting for their kind (the decisions page).
 */
export function RemoteVoteForm({
  resolution,
  resolutions = [],
  bodies = [],
  onOpened,
}: {
  resolution?: ResolutionView;
  resolutions?: ResolutionView[];
  bodies?: BodyView[];
  onOpened: (vote: VoteView, resolutionId: string) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  // Oldest first: the order in which they were drafted.
  const open = resolution ? [] : resolutions.filter(undecided).reverse();
  const candidates = open.filter((r) => remoteVotingAllowed(r, bodies) !== false);
  const [resolutionId, setResolutionId] = useState(resolution?.id ?? '');
  const [closesAt, setClosesAt] = useState('');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...decisionFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  if (!resolution && candidates.length === 0) return open.length > 0 ? <p className="field__hint">{t('decisions.remoteVote.noneAllowed')}</p> : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const when = fromLocalInput(closesAt);
    const found: Record<string, string> = {};
    const chosen = resolution?.id ?? resolutionId;
    if (!chosen) found.resolutionId = t('decisions.remoteVote.errors.resolution');
    if (!when) found.closesAt = t('decisions.remoteVote.errors.closesAt');
    else if (when.getTime() <= Date.now()) found.closesAt = t('decisions.remoteVote.errors.future');
    setOwnErrors(found);
    setFailure(null);
    setAttempt((a) => a + 1);
    if (!when || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const vote = await openRemoteVote(chosen, when.toISOString());
      setClosesAt('');
      setBusy(false);
      await onOpened(vote, chosen);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="remote-vote-heading">
      <h3 id="remote-vote-heading">{t('decisions.remoteVote.formHeading')}</h3>
      <p className="field__hint">{t('decisions.remoteVote.formLead')}</p>
      {!resolution && candidates.length < open.length && <p className="field__hint">{t('decisions.remoteVote.onlyAllowed')}</p>}
      <ErrorMessage message={decisionFormErrorText(failure, t)} />
      {!resolution && (
        <SelectField
          id="remote-vote-resolution"
          label={t('decisions.remoteVote.resolution')}
          value={resolutionId}
          placeholder={t('decisions.remoteVote.chooseResolution')}
          options={candidates.map((r) => ({ value: r.id, label: `${r.title} (${r.body.name})` }))}
          onChange={setResolutionId}
          error={errors.resolutionId}
          required
        />
      )}
      <DateTimeField id="remote-vote-closes-at" label={t('decisions.remoteVote.closesAt')} hint={t('decisions.remoteVote.closesAtHint')} value={closesAt} onChange={setClosesAt} error={errors.closesAt} required />
      <SubmitButton busy={busy} label={t('decisions.remoteVote.submit')} busyLabel={t('decisions.remoteVote.opening')} />
    </form>
  );
}
