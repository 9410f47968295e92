import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  AGENDA_CHANGERS,
  type AgendaChanger,
  BALLOTS,
  COMPARISONS,
  DEFAULT_RULE_BOOK,
  MAJORITY_BASES,
  MAJORITY_KINDS,
  type MajorityKind,
  QUORUM_BASES,
  QUORUM_COUNTS,
  RULE_KINDS,
  type RuleKind,
  RULE_BASIS_MAX_LENGTH,
  type RuleProblem,
  rulesFor,
  validateRuleBook,
  WEIGHTINGS,
} from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { Field } from '../../ui/Field';
import { SelectField, type SelectFieldProps } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { updateBodyRules } from './bodies-api';
import { decisionErrorText } from './decision-errors';
import type { BodyView } from './decisions-api';
import {
  type FractionDraft,
  inputId,
  type MajorityDraft,
  placeProblems,
  type QuorumDraft,
  REMOTE_MAJORITIES,
  type RemoteMajority,
  RULE_FIELDS,
  type RuleBookDraft,
  ruleBookAsTyped,
  ruleBookDraft,
  ruleBookOf,
  type RuleField,
  type RulesDraft,
  SECOND_TERM_MODES,
  type SecondTermMode,
  shownInputs,
} from './rules-form-model';
import { rulesInWords } from './rules-text';
import { CheckboxField } from '../../ui/CheckboxField';

/** The rules table's column label of each field (decisions.rules.*Label). */
const FIELD_LABEL: Record<RuleField, string> = {
  quorum: 'decisions.rules.quorumLabel',
  majority: 'decisions.rules.majorityLabel',
  weighting: 'decisions.rules.weightingLabel',
  abstentionsCount: 'decisions.rules.abstentionsLabel',
  proxiesAllowed: 'decisions.rules.proxiesLabel',
  ballot: 'decisions.rules.ballotLabel',
  secondTerm: 'decisions.rules.secondTermLabel',
  castingVote: 'decisions.rules.castingVoteLabel',
  remote: 'decisions.rules.remoteLabel',
};

/** Each field's key in rulesInWords. */
const WORDS = {
  quorum: 'quorum',
  majority: 'majority',
  weighting: 'weighting',
  abstentionsCount: 'abstentions',
  proxiesAllowed: 'proxies',
  ballot: 'ballot',
  secondTerm: 'secondTerm',
  castingVote: 'castingVote',
  remote: 'remote',
} as const satisfies Record<RuleField, string>;

/** The API's (or validateRuleBook's) problem with a rule field, in words that say what to do. */
function problemText(problem: RuleProblem, t: TFunction): string {
  if (/positive whole number/i.test(problem.message)) return t('decisions.rulesForm.errors.wholeNumber');
  if (/at most 1/i.test(problem.message)) return t('decisions.rulesForm.errors.atMostOne');
  if (/is required/i.test(problem.message)) return t('decisions.rulesForm.errors.required');
  if (/must be one of|true or false/i.test(problem.message)) return t('decisions.rulesForm.errors.choose');
  if (/statute.s provision/i.test(problem.message)) return t('decisions.rulesForm.errors.basis', { max: RULE_BASIS_MAX_LENGTH });
  return t('decisions.rulesForm.errors.invalid');
}

/** SelectField with a hint under its label. */
function HintedSelect({ id, label, hint, value, options, onChange, error }: SelectFieldProps & { hint?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface FieldsProps {
  formId: string;
  /** "general" or "byKind.<kind>": the prefix of the inputs' paths. */
  scope: string;
  rules: RulesDraft;
  fields: readonly RuleField[];
  errors: Record<string, string>;
  body: BodyView;
  change: (recipe: (rules: RulesDraft) => void) => void;
}

/** The inputs of some fields of one set of rules (all of them for the general rules, the overridden ones for a kind). */
function RulesFields({ formId, scope, rules, fields, errors, body, change }: FieldsProps) {
  const { t, i18n } = useTranslation();
  const id = (path: string) => inputId(formId, `${scope}.${path}`);
  const error = (path: string) => errors[`${scope}.${path}`];
  const fractionFields = (path: string, fraction: FractionDraft, set: (key: keyof FractionDraft, value: string) => void, label: string) => (
    <div className="form__row rules-form__fraction">
      <TextField id={id(`${path}.numerator`)} label={t('decisions.rulesForm.numerator', { part: label })} value={fraction.numerator} onChange={(value) => set('numerator', value)} error={error(`${path}.numerator`)} />
      <TextField id={id(`${path}.denominator`)} label={t('decisions.rulesForm.denominator', { part: label })} value={fraction.denominator} onChange={(value) => set('denominator', value)} error={error(`${path}.denominator`)} />
    </div>
  );
  const weightsHint = (): string | undefined => {
    const n = (value: number) => formatNumber(value, i18n.language);
    if (rules.weighting === 'population') {
      return t('decisions.rulesForm.populationHint', { list: body.members.map((m) => `${m.name}: ${m.population === null ? t('decisions.rulesForm.noPopulation') : n(m.population)}`).join('; ') });
    }
    if (rules.weighting === 'custom') return t('decisions.rulesForm.customHint', { list: body.members.map((m) => `${m.name}: ${n(m.voteWeight)}`).join('; ') });
    return undefined;
  };
  const yesNo = (value: boolean) => (value ? 'true' : 'false');
  const chair = body.members.find((m) => m.id === body.chairId)?.name ?? null;

  /** A quorum's inputs at `path`: the quorum, a second term's, or remote voting's (`among` false: always among those voting). */
  const quorumInputs = (path: string, quorum: QuorumDraft, set: (recipe: (quorum: QuorumDraft) => void) => void, among = true) => (
    <>
      <div className="form__row">
        <SelectField
          id={id(`${path}.basis`)}
          label={t('decisions.rulesForm.quorumBasis')}
          value={quorum.basis}
          options={QUORUM_BASES.map((value) => ({ value, label: t(`decisions.rulesForm.quorumBases.${value}`) }))}
          onChange={(value) => set((q) => void (q.basis = value as QuorumDraft['basis']))}
          error={error(`${path}.basis`)}
        />
        {among && (
          <SelectField
            id={id(`${path}.among`)}
            label={t('decisions.rulesForm.quorumAmong')}
            value={quorum.among}
            options={QUORUM_COUNTS.map((value) => ({ value, label: t(`decisions.rulesForm.quorumCounts.${value}`) }))}
            onChange={(value) => set((q) => void (q.among = value as QuorumDraft['among']))}
            error={error(`${path}.among`)}
          />
        )}
        <SelectField
          id={id(`${path}.comparison`)}
          label={t('decisions.rulesForm.comparison')}
          value={quorum.comparison}
          options={COMPARISONS.map((value) => ({ value, label: t(`decisions.rules.comparison.${value}`) }))}
          onChange={(value) => set((q) => void (q.comparison = value as QuorumDraft['comparison']))}
          error={error(`${path}.comparison`)}
        />
      </div>
      <p className="field__hint">{t('decisions.rulesForm.quorumFractionHint')}</p>
      {fractionFields(`${path}.fraction`, quorum.fraction, (key, value) => set((q) => void (q.fraction[key] = value)), t('decisions.rulesForm.quorumPart'))}
    </>
  );

  /** A majority's inputs at `path`: its kind (of `kinds`: remote voting may keep the body's), base and fraction. */
  const majorityInputs = <K extends MajorityKind | RemoteMajority>(
    path: string,
    majority: Omit<MajorityDraft, 'kind'> & { kind: K },
    kinds: readonly K[],
    kindLabel: string,
    set: (recipe: (majority: Omit<MajorityDraft, 'kind'> & { kind: K }) => void) => void,
  ) => (
    <>
      <div className="form__row">
        <SelectField
          id={id(`${path}.kind`)}
          label={kindLabel}
          value={majority.kind}
          options={kinds.map((value) => ({ value, label: t(`decisions.rulesForm.majorityKinds.${value}`) }))}
          onChange={(value) => set((m) => void (m.kind = value as K))}
          error={error(`${path}.kind`)}
        />
        {(majority.kind === 'absolute' || majority.kind === 'qualified') && (
          <SelectField
            id={id(`${path}.of`)}
            label={t('decisions.rulesForm.majorityOf')}
            value={majority.of}
            options={MAJORITY_BASES.map((value) => ({ value, label: t(`decisions.rules.base.${value}`) }))}
            onChange={(value) => set((m) => void (m.of = value as MajorityDraft['of']))}
            error={error(`${path}.of`)}
          />
        )}
      </div>
      {majority.kind === 'qualified' && fractionFields(`${path}.fraction`, majority.fraction, (key, value) => set((m) => void (m.fraction[key] = value)), t('decisions.rulesForm.majorityPart'))}
    </>
  );

  return (
    <>
      {fields.map((field) => {
        switch (field) {
          case 'quorum':
            return (
              <fieldset key={field} className="choices">
                <legend>{t('decisions.rules.quorumLabel')}</legend>
                {quorumInputs('quorum', rules.quorum, (recipe) => change((r) => recipe(r.quorum)))}
              </fieldset>
            );
          case 'majority':
            return (
              <fieldset key={field} className="choices">
                <legend>{t('decisions.rules.majorityLabel')}</legend>
                {majorityInputs('majority', rules.majority, MAJORITY_KINDS, t('decisions.rulesForm.majorityKind'), (recipe) => change((r) => recipe(r.majority)))}
              </fieldset>
            );
          case 'weighting':
            return (
              <div key={field} className="rules-form__field">
                <HintedSelect
                  id={id('weighting')}
                  label={t('decisions.rules.weightingLabel')}
                  hint={weightsHint()}
                  value={rules.weighting}
                  options={WEIGHTINGS.map((value) => ({ value, label: t(`decisions.rules.weighting.${value}`) }))}
                  onChange={(value) => change((r) => void (r.weighting = value as RulesDraft['weighting']))}
                  error={error('weighting')}
                />
              </div>
            );
          case 'abstentionsCount':
            return (
              <div key={field} className="rules-form__field">
                <HintedSelect
                  id={id('abstentionsCount')}
                  label={t('decisions.rules.abstentionsLabel')}
                  hint={t('decisions.rulesForm.abstentionsHint')}
                  value={yesNo(rules.abstentionsCount)}
                  options={[
                    { value: 'true', label: t('decisions.rules.abstentions.count') },
                    { value: 'false', label: t('decisions.rules.abstentions.ignored') },
                  ]}
                  onChange={(value) => change((r) => void (r.abstentionsCount = value === 'true'))}
                  error={error('abstentionsCount')}
                />
              </div>
            );
          case 'proxiesAllowed':
            return (
              <div key={field} className="rules-form__field">
                <SelectField
                  id={id('proxiesAllowed')}
                  label={t('decisions.rulesForm.proxies')}
                  value={yesNo(rules.proxiesAllowed)}
                  options={[
                    { value: 'true', label: t('decisions.rules.proxies.allowed') },
                    { value: 'false', label: t('decisions.rules.proxies.refused') },
                  ]}
                  onChange={(value) => change((r) => void (r.proxiesAllowed = value === 'true'))}
                  error={error('proxiesAllowed')}
                />
              </div>
            );
          case 'ballot':
            return (
              <div key={field} className="rules-form__field">
                <SelectField
                  id={id('ballot')}
                  label={t('decisions.rules.ballotLabel')}
                  value={rules.ballot}
                  options={BALLOTS.map((value) => ({ value, label: t(`decisions.rules.ballot.${value}`) }))}
                  onChange={(value) => change((r) => void (r.ballot = value as RulesDraft['ballot']))}
                  error={error('ballot')}
                />
              </div>
            );
          case 'secondTerm':
            return (
              <fieldset key={field} className="choices">
                <legend>{t('decisions.rules.secondTermLabel')}</legend>
                <HintedSelect
                  id={id('secondTerm')}
                  label={t('decisions.rulesForm.secondTerm')}
                  hint={t('decisions.rulesForm.secondTermHint')}
                  value={rules.secondTerm.mode}
                  options={SECOND_TERM_MODES.map((value) => ({ value, label: t(`decisions.rulesForm.secondTermModes.${value}`) }))}
                  onChange={(value) => change((r) => void (r.secondTerm.mode = value as SecondTermMode))}
                  error={error('secondTerm')}
                />
                {rules.secondTerm.mode === 'lower' && quorumInputs('secondTerm.quorum', rules.secondTerm.quorum, (recipe) => change((r) => recipe(r.secondTerm.quorum)))}
              </fieldset>
            );
          case 'castingVote':
            return (
              <div key={field} className="rules-form__field">
                <CheckboxField
                  id={id('castingVote')}
                  label={t('decisions.rulesForm.castingVote')}
                  hint={chair ? t('decisions.rulesForm.castingVoteHint', { chair }) : t('decisions.rulesForm.castingVoteNoChair', { body: body.name })}
                  checked={rules.castingVote}
                  onChange={(checked) => change((r) => void (r.castingVote = checked))}
                  error={error('castingVote')}
                />
              </div>
            );
          case 'remote':
            return (
              <fieldset key={field} className="choices">
                <legend>{t('decisions.rules.remoteLabel')}</legend>
                <HintedSelect
                  id={id('remote')}
                  label={t('decisions.rulesForm.remote')}
                  hint={t('decisions.rulesForm.remoteHint')}
                  value={yesNo(rules.remote.allowed)}
                  options={[
                    { value: 'false', label: t('decisions.rulesForm.remoteModes.refused') },
                    { value: 'true', label: t('decisions.rulesForm.remoteModes.allowed') },
                  ]}
                  onChange={(value) => change((r) => void (r.remote.allowed = value === 'true'))}
                  error={error('remote')}
                />
                {rules.remote.allowed && (
                  <>
                    <p className="field__hint">{t('decisions.rulesForm.remoteQuorumHint')}</p>
                    {quorumInputs('remote.quorum', rules.remote.quorum, (recipe) => change((r) => recipe(r.remote.quorum)), false)}
                    {majorityInputs('remote.majority', rules.remote.majority, REMOTE_MAJORITIES, t('decisions.rulesForm.remoteMajority'), (recipe) => change((r) => recipe(r.remote.majority)))}
                    <TextField
                      id={id('remote.basis')}
                      label={t('decisions.rulesForm.remoteBasis')}
                      hint={t('decisions.rulesForm.remoteBasisHint')}
                      value={rules.remote.basis}
                      onChange={(value) => change((r) => void (r.remote.basis = value))}
                      error={error('remote.basis')}
                      required
                    />
                  </>
                )}
              </fieldset>
            );
        }
      })}
    </>
  );
}

/** What the rules as typed mean, per kind of resolution, in one sentence each (rules-text.ts). */
function RulesMeaning({ id, draft }: { id: string; draft: RuleBookDraft }) {
  const { t } = useTranslation();
  const book = ruleBookAsTyped(draft);
  return (
    <div className="rules-form__meaning" id={id}>
      <h4>{t('decisions.rulesForm.meaningHeading')}</h4>
      <ul>
        {RULE_KINDS.map((kind) => {
          const words = rulesInWords(rulesFor(book, kind), t);
          return (
            <li key={kind} id={`${id}-${kind}`}>
              {t('decisions.rulesForm.meaning', { kind: t(`decisions.rulesForm.kinds.${kind}`), ...words })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * A body's rule book (coordinators): the general rules and, per kind of resolution, each field as in the general
 * rules or overridden; what they mean is said in words as they are typed. Saving sends the whole book
 * (PATCH /api/bodies/:id {rules}); a 400 names the field by its dotted path, shown on that input. Votes already opened
 * keep the rules they opened with.
 */
export function RulesForm({ body, onSaved, labelledBy }: { body: BodyView; onSaved: (body: BodyView) => void; labelledBy?: string }) {
  const { t } = useTranslation();
  const formId = `rules-${body.id}`;
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<RuleBookDraft>(() => ruleBookDraft(body.rules));
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const { onInputs, elsewhere } = placeProblems(problems, shownInputs(draft));
  const errors: Record<string, string> = {};
  for (const [path, problem] of Object.entries(onInputs)) errors[path] = problemText(problem, t);
  useFocusFirstError(form, errors, attempt);

  const change = (scope: 'general' | RuleKind) => (recipe: (rules: RulesDraft) => void) => {
    setSaved(false);
    setDraft((current) => {
      const next = structuredClone(current);
      recipe(scope === 'general' ? next.general : next.byKind[scope].rules);
      return next;
    });
  };

  const toggleOverride = (kind: RuleKind, field: RuleField, on: boolean) => {
    setSaved(false);
    setDraft((current) => {
      const next = structuredClone(current);
      const target = next.byKind[kind];
      target.overrides = RULE_FIELDS.filter((f) => (f === field ? on : target.overrides.includes(f)));
      // An override starts from the general rule it replaces.
      if (on) (target.rules as Record<RuleField, unknown>)[field] = structuredClone(next.general[field]);
      return next;
    });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setSaved(false);
    setAttempt((a) => a + 1);
    const checked = validateRuleBook(ruleBookOf(draft), 'rules');
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      const updated = await updateBodyRules(body.id, checked.value);
      setDraft(ruleBookDraft(updated.rules));
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) setProblems(error.fieldErrors);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const formError =
    Object.keys(errors).length > 0
      ? t('errors.checkFields')
      : elsewhere.length > 0
        ? t('decisions.rulesForm.errors.elsewhere', { fields: elsewhere.map((p) => p.field).join(', ') })
        : failure
          ? decisionErrorText(failure, t)
          : null;
  const generalWords = rulesInWords(ruleBookAsTyped(draft).general, t);

  return (
    <form ref={form} id={formId} className="form rules-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={labelledBy}>
      <p className="notice">{t('decisions.rulesForm.openedVotesKeep')}</p>
      <StatusMessage message={saved ? t('decisions.rulesForm.saved', { body: body.name }) : null} />
      <ErrorMessage message={formError} />
      <fieldset className="choices rules-form__set">
        <legend>{t('decisions.rulesForm.general')}</legend>
        <p className="field__hint">{t('decisions.rulesForm.generalHint')}</p>
        <RulesFields formId={formId} scope="general" rules={draft.general} fields={RULE_FIELDS} errors={errors} body={body} change={change('general')} />
      </fieldset>
      {RULE_KINDS.map((kind) => {
        const kindDraft = draft.byKind[kind];
        return (
          <fieldset key={kind} className="choices rules-form__set">
            <legend>{t(`decisions.rulesForm.kinds.${kind}`)}</legend>
            <p className="field__hint">{t('decisions.rulesForm.kindHint')}</p>
            {RULE_FIELDS.map((field) => {
              const overridden = kindDraft.overrides.includes(field);
              const checkboxId = `${formId}-byKind-${kind}-${field}-override`;
              return (
                <div key={field} className="rules-form__override">
                  <div className="choice">
                    <input type="checkbox" id={checkboxId} checked={overridden} onChange={(event) => toggleOverride(kind, field, event.target.checked)} />
                    <label htmlFor={checkboxId}>{t('decisions.rulesForm.override', { rule: t(FIELD_LABEL[field]) })}</label>
                  </div>
                  {overridden ? (
                    <RulesFields formId={formId} scope={`byKind.${kind}`} rules={kindDraft.rules} fields={[field]} errors={errors} body={body} change={change(kind)} />
                  ) : (
                    <p className="field__hint">{t('decisions.rulesForm.asGeneral', { words: generalWords[WORDS[field]] })}</p>
                  )}
                </div>
              );
            })}
          </fieldset>
        );
      })}
      <fieldset className="choices rules-form__set">
        <legend>{t('decisions.rulesForm.agenda.legend')}</legend>
        <p className="field__hint">{t('decisions.rulesForm.agenda.hint')}</p>
        {(['add', 'move'] as const).map((change) => (
          <HintedSelect
            key={change}
            id={`${formId}-agenda-${change}`}
            label={t(`decisions.rulesForm.agenda.${change}`)}
            value={draft.agenda[change]}
            options={AGENDA_CHANGERS.map((by) => ({ value: by, label: t(`decisions.rulesForm.agenda.by.${by}`) }))}
            onChange={(value) => {
              setSaved(false);
              setDraft((current) => ({ ...current, agenda: { ...current.agenda, [change]: value as AgendaChanger } }));
            }}
            error={errors[`agenda.${change}`]}
          />
        ))}
      </fieldset>
      <RulesMeaning id={`${formId}-meaning`} draft={draft} />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved(false);
            setProblems([]);
            setDraft(ruleBookDraft(DEFAULT_RULE_BOOK));
          }}
        >
          {t('decisions.rulesForm.statuteDefaults')}
        </button>
      </div>
      <SubmitButton busy={busy} label={t('decisions.rulesForm.submit')} busyLabel={t('decisions.rulesForm.saving')} />
    </form>
  );
}
