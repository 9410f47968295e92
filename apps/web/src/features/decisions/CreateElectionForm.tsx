import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { decisionFieldErrors, decisionFormErrorText } from './decision-errors';
import { bodiesPath, type BodyView, type MeetingView } from './decisions-api';
import { electionHeadingId } from './ElectionPanel';
import { createElection, type ElectionRole } from './elections-api';

const EMPTY = { title: '', role: 'members' as ElectionRole, targetBodyId: '', seats: '', compositionFrom: '' };

/**
 * The chair puts an election on the agenda of a planned or open meeting: its resolution's title, whether it fills the
 * seats of a body or its chair, which body, how many seats and from which day the new composition applies. The rules
 * are the voting body's for elections (its majority, the default ballot paper and rounds). Collapsed until opened;
 * once added, the focus goes to the new election on the agenda.
 */
export function CreateElectionForm({ meeting, refresh }: { meeting: MeetingView; refresh: (focusId?: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // The form is drawn (and the bodies read) only once opened.
  const [opened, setOpened] = useState(false);
  const bodies = useApiData<BodyView[]>(opened ? bodiesPath(meeting.workspaceId) : null);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...decisionFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const chairRole = values.role === 'chair';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    const seats = chairRole ? 1 : Number(values.seats);
    if (!values.title.trim()) found.title = t('decisions.elections.create.errors.title');
    if (!chairRole && (!/^\d+$/.test(values.seats.trim()) || seats < 1 || seats > 100)) found.seats = t('decisions.elections.create.errors.seats');
    if (values.compositionFrom && !/^\d{4}-\d{2}-\d{2}$/.test(values.compositionFrom)) found.compositionFrom = t('decisions.elections.create.errors.day');
    setOwnErrors(found);
    setFailure(null);
    setNotice(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const title = values.title.trim();
      const election = await createElection(meeting.id, {
        title,
        role: values.role,
        seats,
        ...(values.targetBodyId ? { targetBodyId: values.targetBodyId } : {}),
        ...(values.compositionFrom ? { compositionFrom: values.compositionFrom } : {}),
      });
      setValues(EMPTY);
      setNotice(t('decisions.elections.create.done', { title }));
      await refresh(electionHeadingId(election.id));
    } catch (error) {
      setFailure(error);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="election-create" open={opened} onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary>{t('decisions.elections.create.summary')}</summary>
      {opened && (
        <>
          <StatusMessage message={notice} />
          <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form" aria-labelledby="create-election-heading">
            <h3 id="create-election-heading">{t('decisions.elections.create.heading')}</h3>
            <ErrorMessage message={decisionFormErrorText(failure, t)} />
            <TextField id="election-title" label={t('decisions.elections.create.title')} hint={t('decisions.elections.create.titleHint')} value={values.title} onChange={set('title')} error={errors.title} required />
            <fieldset className="choices">
              <legend>{t('decisions.elections.create.role')}</legend>
              {(['members', 'chair'] as const).map((role) => (
                <div className="choice" key={role}>
                  <input type="radio" id={`election-role-${role}`} name="election-role" value={role} checked={values.role === role} onChange={() => set('role')(role)} />
                  <label htmlFor={`election-role-${role}`}>{t(`decisions.elections.create.roles.${role}`)}</label>
                </div>
              ))}
            </fieldset>
            <SelectField
              id="election-target"
              label={t('decisions.elections.create.target')}
              placeholder={chairRole ? t('decisions.elections.create.targetVoting', { body: meeting.body.name }) : t('decisions.elections.create.targetNone')}
              value={values.targetBodyId}
              options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              onChange={set('targetBodyId')}
              error={errors.targetBodyId}
            />
            {chairRole ? (
              <p className="field__hint">{t('decisions.elections.create.chairSeat')}</p>
            ) : (
              <Field id="election-seats" label={t('decisions.elections.create.seats')} error={errors.seats}>
                {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={100} step={1} value={values.seats} onChange={(event) => set('seats')(event.target.value)} required />}
              </Field>
            )}
            <DateField
              id="election-from"
              label={t('decisions.elections.create.from')}
              hint={t('decisions.elections.create.fromHint')}
              value={values.compositionFrom}
              onChange={set('compositionFrom')}
              error={errors.compositionFrom}
            />
            <p className="field__hint">{t('decisions.elections.create.rulesHint')}</p>
            <SubmitButton busy={busy} label={t('decisions.elections.create.submit')} busyLabel={t('decisions.elections.create.saving')} />
          </form>
        </>
      )}
    </details>
  );
}
