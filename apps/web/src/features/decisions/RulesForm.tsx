import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  BALLOTS,
  COMPARISONS,
  DEFAULT_RULE_BOOK,
  MAJORITY_BASES,
  MAJORITY_KINDS,
  type MajorityKind,
  QUORUM_BASES,
  QUORUM_COUNTS,
  RESOLUTION_KINDS,
  type ResolutionKind,
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
  placeProblems,
  RULE_FIELDS,
  type RuleBookDraft,
  ruleBookAsTyped,
  ruleBookDraft,
  ruleBookOf,
  type RuleField,
  type RulesDraft,
  shownInputs,
} from './rules-form-model';
import { rulesInWords } from './rules-text';

/** The rules table's column label of each field (decisions.rules.*Label). */
const FIELD_LABEL: Record<RuleField, string> = {
  quorum: 'decisions.rules.quorumLabel',
  majority: 'decisions.rules.majorityLabel',
  weighting: 'decisions.rules.weightingLabel',
  abstentionsCount: 'decisions.rules.abstentionsLabel',
  proxiesAllowed: 'decisions.rules.proxiesLabel',
  ballot: 'decisions.rules.ballotLabel',
};

/** Each field's key in rulesInWords. */
const WORDS = { quorum: 'quorum', majority: 'majority', weighting: 'weighting', abstentionsCount: 'abstentions', proxiesAllowed: 'proxies', ballot: 'ballot' } as const satisfies Record<RuleField, string>;

/** The API's (or validateRuleBook's) problem with a rule field, in words that say what to do. */
function problemText(problem: RuleProblem, t: TFunction): string {
  if (/positive whole number/i.test(problem.message)) return t('decisions.rulesForm.errors.wholeNumber');
  if (/at most 1/i.test(problem.message)) return t('decisions.rulesForm.errors.atMostOne');
  if (/is required/i.test(problem.message)) return t('decisions.rulesForm.errors.required');
  if (/must be one of|true or false/i.test(problem.message)) return t('decisions.rulesForm.errors.choose');
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

  return (
    <>
      {fields.map((field) => {
        switch (field) {
          case 'quorum':
            return (
              <fieldset key={field} className="choices">
                <legend>{t('decisions.rules.quorumLabel')}</legend>
                <div className="form__row">
                  <SelectField
                    id={id('quorum.basis')}
                    label={t('decisions.rulesForm.quorumBasis')}
                    value={rules.quorum.basis}
                    options={QUORUM_BASES.map((value) => ({ value, label: t(`decisions.rulesForm.quorumBases.${value}`) }))}
                    onChange={(value) => change((r) => void (r.quorum.basis = value as RulesDraft['quorum']['basis']))}
                    error={error('quorum.basis')}
                  />
                  <SelectField
                    id={id('quorum.among')}
                    label={t('decisions.rulesForm.quorumAmong')}
                    value={rules.quorum.among}
                    options={QUORUM_COUNTS.map((value) => ({ value, label: t(`decisions.rulesForm.quorumCounts.${value}`) }))}
                    onChange={(value) => change((r) => void (r.quorum.among = value as RulesDraft['quorum']['among']))}
                    error={error('quorum.among')}
                  />
                  <SelectField
                    id={id('quorum.comparison')}
                    label={t('decisions.rulesForm.comparison')}
                    value={rules.quorum.comparison}
                    options={COMPARISONS.map((value) => ({ value, label: t(`decisions.rules.comparison.${value}`) }))}
                    onChange={(value) => change((r) => void (r.quorum.comparison = value as RulesDraft['quorum']['comparison']))}
                    error={error('quorum.comparison')}
                  />
                </div>
                <p className="field__hint">{t('decisions.rulesForm.quorumFractionHint')}</p>
                {fractionFields('quorum.fraction', rules.quorum.fraction, (key, value) => change((r) => void (r.quorum.fraction[key] = value)), t('decisions.rulesForm.quorumPart'))}
              </fieldset>
            );
          case 'majority':
            return (
              <fieldset key={field} className="choices">
                <legend>{t('decisions.rules.majorityLabel')}</legend>
                <div className="form__row">
                  <SelectField
                    id={id('majority.kind')}
                    label={t('decisions.rulesForm.majorityKind')}
                    value={rules.majority.kind}
                    options={MAJORITY_KINDS.map((value) => ({ value, label: t(`decisions.rulesForm.majorityKinds.${value}`) }))}
                    onChange={(value) => change((r) => void (r.majority.kind = value as MajorityKind))}
                    error={error('majority.kind')}
                  />
                  {rules.majority.kind !== 'simple' && (
                    <SelectField
                      id={id('majority.of')}
                      label={t('decisions.rulesForm.majorityOf')}
                      value={rules.majority.of}
                      options={MAJORITY_BASES.map((value) => ({ value, label: t(`decisions.rules.base.${value}`) }))}
                      onChange={(value) => change((r) => void (r.majority.of = value as RulesDraft['majority']['of']))}
                      error={error('majority.of')}
                    />
                  )}
                </div>
                {rules.majority.kind === 'qualified' &&
                  fractionFields('majority.fraction', rules.majority.fraction, (key, value) => change((r) => void (r.majority.fraction[key] = value)), t('decisions.rulesForm.majorityPart'))}
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
        {RESOLUTION_KINDS.map((kind) => {
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

  const change = (scope: 'general' | ResolutionKind) => (recipe: (rules: RulesDraft) => void) => {
    setSaved(false);
    setDraft((current) => {
      const next = structuredClone(current);
      recipe(scope === 'general' ? next.general : next.byKind[scope].rules);
      return next;
    });
  };

  const toggleOverride = (kind: ResolutionKind, field: RuleField, on: boolean) => {
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
      {RESOLUTION_KINDS.map((kind) => {
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
