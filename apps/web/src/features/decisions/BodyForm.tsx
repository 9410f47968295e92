import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { Organisation } from '../../api/types';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { BODY_KINDS, createBody } from './bodies-api';
import { decisionFieldErrors, decisionFormErrorText } from './decision-errors';
import type { BodyKind, BodyView } from './decisions-api';

const EMPTY = { kind: 'other' as BodyKind, name: '', nameGenitive: '', memberIds: [] as string[], chairId: '' };

/** The API's refusals of a body's fields (CreateBodyDto, BodiesService) in words; the rest as for other decisions forms. */
export function bodyFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const result = decisionFieldErrors(error, t);
  if (!(error instanceof ApiError)) return result;
  if (error.code === 'body_name_taken') result.name = t('decisions.bodyForm.errors.nameTaken');
  for (const { field } of error.fieldErrors) {
    if (field === 'memberIds') result.memberIds = t('decisions.bodyForm.errors.membersRefused');
    if (field === 'name') result.name = t('decisions.bodyForm.errors.name');
    if (field === 'nameGenitive') result.nameGenitive = t('decisions.bodyForm.errors.nameGenitive');
    if (field === 'chairId') result.chairId = t('decisions.bodyForm.errors.chairRefused');
  }
  return result;
}

/**
 * The body's chair: one of its members (`members`, as ticked), or none. Where the rules give the chair a casting vote,
 * a named ballot cannot open without one.
 */
export function ChairField({ id, members, value, onChange, error }: { id: string; members: Array<{ id: string; name: string }>; value: string; onChange: (chairId: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('decisions.bodyForm.chair')}
      hint={t(members.length === 0 ? 'decisions.bodyForm.chairHintNoMembers' : 'decisions.bodyForm.chairHint')}
      value={value}
      placeholder={t('decisions.bodyForm.noChair')}
      options={members.map((m) => ({ value: m.id, label: m.name }))}
      onChange={onChange}
      error={error}
    />
  );
}

/**
 * A new body (coordinators): its kind, name, name in the genitive (as resolutions are titled), members, ticked from
 * the association's member organisations (a general assembly left without members has every member), and its chair,
 * one of them. It starts with the statute's default rules, changed afterwards in its rules form.
 */
export function BodyForm({ workspaceId, organisations, onCreated }: { workspaceId: string; organisations: Organisation[]; onCreated: (body: BodyView) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<BodyView | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...bodyFieldErrors(failure, t), ...ownErrors };
  useFocusFirstError(form, errors, attempt);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const assembly = values.kind === 'general_assembly';
  // The chair is one of the members: those ticked, or every member organisation for an assembly with none ticked.
  const chairCandidates = organisations.filter((o) => (assembly && values.memberIds.length === 0) || values.memberIds.includes(o.id));
  const chairId = chairCandidates.some((o) => o.id === values.chairId) ? values.chairId : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('decisions.bodyForm.errors.name');
    if (!values.nameGenitive.trim()) found.nameGenitive = t('decisions.bodyForm.errors.nameGenitive');
    if (!assembly && values.memberIds.length === 0) found.memberIds = t('decisions.bodyForm.errors.members');
    setOwnErrors(found);
    setFailure(null);
    setCreated(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body = await createBody(workspaceId, {
        kind: values.kind,
        name: values.name.trim(),
        nameGenitive: values.nameGenitive.trim(),
        memberIds: values.memberIds,
        ...(chairId ? { chairId } : {}),
      });
      setValues(EMPTY);
      setCreated(body);
      onCreated(body);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const formError = failure instanceof ApiError && failure.status === 409 && errors.name ? t('errors.checkFields') : decisionFormErrorText(failure, t);
  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form panel" aria-labelledby="body-form-heading">
      <h3 id="body-form-heading">{t('decisions.bodyForm.heading')}</h3>
      <StatusMessage message={created ? t('decisions.bodyForm.created', { body: created.name }) : null} />
      <ErrorMessage message={formError} />
      <SelectField
        id="body-kind"
        label={t('decisions.bodyForm.kind')}
        value={values.kind}
        options={BODY_KINDS.map((kind) => ({ value: kind, label: t(`decisions.bodyKinds.${kind}`) }))}
        onChange={(kind) => set('kind')(kind as BodyKind)}
        error={errors.kind}
      />
      <TextField id="body-name" label={t('decisions.bodyForm.name')} hint={t('decisions.bodyForm.nameHint')} value={values.name} onChange={set('name')} error={errors.name} required />
      <TextField
        id="body-name-genitive"
        label={t('decisions.bodyForm.nameGenitive')}
        hint={t('decisions.bodyForm.nameGenitiveHint', { genitive: values.nameGenitive.trim() || t('decisions.bodyForm.genitiveExample') })}
        value={values.nameGenitive}
        onChange={set('nameGenitive')}
        error={errors.nameGenitive}
        required
      />
      {organisations.length === 0 ? (
        <p>{t('decisions.bodyForm.noOrganisations')}</p>
      ) : (
        <CheckboxGroup
          id="body-members"
          legend={t('decisions.bodyForm.members')}
          hint={t(assembly ? 'decisions.bodyForm.membersAssemblyHint' : 'decisions.bodyForm.membersHint')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          values={values.memberIds}
          onChange={set('memberIds')}
          error={errors.memberIds}
        />
      )}
      <ChairField id="body-chair" members={chairCandidates} value={chairId} onChange={set('chairId')} error={errors.chairId} />
      <p className="field__hint">{t('decisions.bodyForm.rulesNote')}</p>
      <SubmitButton busy={busy} label={t('decisions.bodyForm.submit')} busyLabel={t('decisions.bodyForm.saving')} />
    </form>
  );
}
