import type { TFunction } from 'i18next';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePln } from '@commonplan/domain';
import { ApiError, type FieldError } from '../../api/client';
import { errorText, fieldErrorText } from '../../api/error-text';
import type { DocumentSummary, Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { DateField } from '../../ui/DateField';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { ErrorMessage } from '../../ui/Messages';
import { type SelectOption, SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { type ResolutionView, resolutionsPath } from '../decisions/decisions-api';
import { type VersionDetails, versionPath } from '../versions/versions-api';
import type { FundingCall } from './FundingCallsPage';
import { type Indicator, indicatorsPath } from './indicators-api';
import { BUDGET_CATEGORIES, type BudgetCategory, formatDay, fundingCallsPath, type NewProject, type Project, WEIGHTINGS, type Weighting } from './projects-api';
import { type AdoptedVersion, adoptedVersions, goalHeadings } from './strategy-goals';

/** A budget line as typed: the year and the amounts stay text until sent (amounts are sent as they were typed). */
interface Line {
  key: number;
  year: string;
  category: string;
  amount: string;
  /** '' : the line is in złoty only, and its rate and the rate's day are neither asked for nor sent. */
  eurAmount: string;
  eurRate: string;
  eurRateOn: string;
}

type LinePart = 'year' | 'category' | 'amount' | 'eurAmount' | 'eurRate' | 'eurRateOn';

interface Values {
  title: string;
  scope: string;
  expectedResults: string;
  /** '' : the association leads. */
  leaderId: string;
  /** The organisations taking part, in the order of the lists (members, then partners). */
  participants: string[];
  sharingKey: Weighting;
  weights: Record<string, string>;
  rate: string;
  startsOn: string;
  endsOn: string;
  /** '' : no strategy goal. */
  goalVersionId: string;
  goalHeadingId: string;
  /** '' : no funding call. */
  callId: string;
  /** '' : no concept document. */
  conceptDocumentId: string;
  indicatorIds: string[];
}

const EMPTY_LINE = { year: '', category: '', amount: '', eurAmount: '', eurRate: '', eurRateOn: '' };

/** The form's values: empty for a new project, the project's own for a change. */
function startingValues(project: Project | undefined, organisations: Organisation[]): Values {
  if (!project) {
    return {
      title: '',
      scope: '',
      expectedResults: '',
      leaderId: '',
      participants: [],
      sharingKey: 'equal',
      weights: {},
      rate: '',
      startsOn: '',
      endsOn: '',
      goalVersionId: '',
      goalHeadingId: '',
      callId: '',
      conceptDocumentId: '',
      indicatorIds: [],
    };
  }
  const taking = project.participants.map((p) => p.organisationId);
  const listed = organisations.map((o) => o.id);
  return {
    title: project.title,
    scope: project.scope,
    expectedResults: project.expectedResults,
    leaderId: project.leader?.id ?? '',
    // In the order of the lists, as ticking them gives; one no longer listed is kept (and sent) at the end.
    participants: [...listed.filter((id) => taking.includes(id)), ...taking.filter((id) => !listed.includes(id))],
    sharingKey: project.sharingKey as Weighting,
    weights: Object.fromEntries(project.participants.flatMap((p) => (p.customWeight === null ? [] : [[p.organisationId, p.customWeight]]))),
    rate: project.coFinancingRate ?? '',
    startsOn: project.startsOn ?? '',
    endsOn: project.endsOn ?? '',
    goalVersionId: project.goal?.versionId ?? '',
    goalHeadingId: project.goal?.headingId ?? '',
    callId: project.call?.id ?? '',
    conceptDocumentId: project.concept?.documentId ?? '',
    indicatorIds: project.indicators.map((i) => i.id),
  };
}

function startingLines(project: Project | undefined): Line[] {
  if (!project || project.budget.length === 0) return [{ key: 0, ...EMPTY_LINE }];
  return project.budget.map((line, key) => ({
    key,
    year: String(line.year),
    category: line.category,
    amount: line.amount,
    eurAmount: line.eurAmount ?? '',
    eurRate: line.eurRate ?? '',
    eurRateOn: line.eurRateOn ?? '',
  }));
}

/** What was sent, to tie the API's `participants.N…` and `budget.N…` to the organisation and the line they name. */
interface Sent {
  participants: string[];
  lines: number[];
}

// The fields' names inside the form: the API's where they are the same, one per organisation and per line otherwise.
const participantField = (organisationId: string) => `participant:${organisationId}`;
const weightField = (organisationId: string) => `weight:${organisationId}`;
const lineField = (key: number, part: LinePart) => `line:${key}:${part}`;
const SIMPLE_FIELDS = ['title', 'scope', 'expectedResults', 'leaderId', 'sharingKey', 'coFinancingRate', 'startsOn', 'endsOn', 'participants', 'budget', 'callId', 'conceptDocumentId'];
const GOAL_VERSION = 'goalVersion';
const GOAL_HEADING = 'goalHeading';
const INDICATORS = 'indicatorIds';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEIGHT = /^\d{1,9}([.,]\d{1,4})?$/;
const RATE = /^(100([.,]0{1,2})?|\d{1,2}([.,]\d{1,2})?)$/;
/** PLN per EUR as the API takes it: up to 6 digits before and after the point (apps/api BudgetLineDto.eurRate). */
const EUR_RATE = /^\d{1,6}([.,]\d{1,6})?$/;
/** The longest scope and expected results the API takes. */
const MAX_TEXT = 20_000;
/** A weight or a rate as the API reads it: a decimal point, whatever was typed. */
const decimalText = (text: string) => text.trim().replace(',', '.');
const blank = (line: Line) => !line.year.trim() && !line.category && !line.amount.trim() && !line.eurAmount.trim();
const isDay = (day: string) => ISO_DAY.test(day) && day >= '2000-01-01' && day <= '2100-12-31';

/** An amount's problem (libs/domain parsePln), in words. */
function amountProblem(text: string, t: TFunction): string | null {
  const parsed = parsePln(text);
  if (parsed.ok) return null;
  return t(
    {
      not_a_number: 'projects.form.errors.amount',
      too_many_decimals: 'projects.form.errors.amountDecimals',
      negative: 'projects.form.errors.amountNegative',
      too_large: 'projects.form.errors.amountTooLarge',
    }[parsed.reason],
  );
}

/** The words for one of the API's field problems of a project, by the field it names and its English message. */
function apiProblemText(field: string, problem: FieldError, t: TFunction): string {
  const { message, code } = problem;
  // The goal's problems are said in the words of this form (the version's code speaks of a resolution's version).
  if (field === 'goal' || field === 'goal.versionId') return t('projects.form.errors.goalVersion');
  if (field === 'goal.headingId') return t('projects.form.errors.goalHeading');
  if (/^indicatorIds(\.\d+)?$/.test(field)) return t('projects.form.errors.indicator');
  // Not the password's "at most … characters" of the general words.
  if ((field === 'scope' || field === 'expectedResults') && /at most/i.test(message)) return t('projects.form.errors.textTooLong', { max: MAX_TEXT });
  // A coded problem has its own words (a rate outside the call's rules, say), but the organisations' codes speak of roles.
  if (code && !code.startsWith('organisation_')) return fieldErrorText(problem, t);
  if (/^budget\.\d+\.(amount|eurAmount)$/.test(field)) {
    if (/negative/i.test(message)) return t('projects.form.errors.amountNegative');
    if (/decimal places/i.test(message)) return t('projects.form.errors.amountDecimals');
    if (/too large/i.test(message)) return t('projects.form.errors.amountTooLarge');
    return t('projects.form.errors.amount');
  }
  if (/^budget\.\d+\.eurRate$/.test(field)) return t(/comes with/i.test(message) ? 'projects.form.errors.eurIncomplete' : 'projects.form.errors.eurRate');
  if (/^budget\.\d+\.eurRateOn$/.test(field)) return t('projects.form.errors.day');
  if (/^budget\.\d+\.category$/.test(field)) return t(/once/i.test(message) ? 'projects.form.errors.categoryTwice' : 'projects.form.errors.category');
  if (/^budget\.\d+\.year$/.test(field)) return t('projects.form.errors.year');
  if (/^participants\.\d+\.customWeight$/.test(field)) return t('projects.form.errors.weight');
  if (/^participants\.\d+\.organisationId$/.test(field)) {
    if (code === 'organisation_not_found') return t('projects.form.errors.noSuchOrganisation');
    return t(/twice/i.test(message) ? 'projects.form.errors.participantTwice' : 'projects.form.errors.participant');
  }
  if (field === 'leaderId') return t(code === 'organisation_wrong_kind' ? 'projects.form.errors.leaderNotMember' : 'projects.form.errors.leaderNotParticipant');
  if (field === 'coFinancingRate') return t('projects.form.errors.rate');
  if (field === 'endsOn' && /before startsOn/i.test(message)) return t('projects.form.errors.endsBeforeStarts');
  if (field === 'startsOn' || field === 'endsOn') return t('projects.form.errors.day');
  if (field === 'title') return t('projects.form.errors.title');
  return fieldErrorText(problem, t);
}

/**
 * The API's field problems as the form's fields: `budget.0.amount` is the amount of the first line sent,
 * `participants.1.customWeight` the weight of the second organisation sent, `goal.headingId` the goal's heading,
 * `indicatorIds.2` the indicators. `unplaced` says whether some problem names a field the form does not show.
 */
export function projectFieldErrors(error: unknown, sent: Sent | null, t: TFunction): { errors: Record<string, string>; unplaced: boolean } {
  const errors: Record<string, string> = {};
  let unplaced = false;
  if (!(error instanceof ApiError)) return { errors, unplaced };
  for (const problem of error.fieldErrors) {
    const participant = /^participants\.(\d+)\.(organisationId|customWeight)$/.exec(problem.field);
    const line = /^budget\.(\d+)\.(year|category|amount|eurAmount|eurRate|eurRateOn)$/.exec(problem.field);
    let field: string | null = null;
    if (participant) {
      const organisationId = sent?.participants[Number(participant[1])];
      if (organisationId) field = participant[2] === 'customWeight' ? weightField(organisationId) : participantField(organisationId);
    } else if (line) {
      const key = sent?.lines[Number(line[1])];
      if (key !== undefined) field = lineField(key, line[2] as LinePart);
    } else if (problem.field === 'goal' || problem.field === 'goal.versionId') {
      field = GOAL_VERSION;
    } else if (problem.field === 'goal.headingId') {
      field = GOAL_HEADING;
    } else if (/^indicatorIds(\.\d+)?$/.test(problem.field)) {
      field = INDICATORS;
    } else if (SIMPLE_FIELDS.includes(problem.field)) {
      field = problem.field;
    }
    if (field === null) unplaced = true;
    else errors[field] ??= apiProblemText(problem.field, problem, t);
  }
  return { errors, unplaced };
}

export interface ProjectFormProps {
  workspaceId: string;
  /** The workspace's organisations: members (who may lead and share the costs) and partners. */
  organisations: Organisation[];
  /** The project to change: the form starts with its values and sends every field, null or empty where cleared. */
  project?: Project;
  onSubmit: (project: NewProject) => Promise<unknown>;
}

/**
 * A joint project (coordinators), new or changed: title, scope, expected results, the strategy goal it serves (a
 * heading of a strategy adopted by a resolution) and the indicators it moves, the leader (a member, or the association
 * itself), the members and partners taking part, how the members share the own contribution (equally, by population,
 * or by weights typed for each member), the funding call, the co-financing rate, the schedule and the budget, a line
 * per year and cost category added and removed at will, each with its amount in euro, the rate and its day where the
 * programme counts in euro. Amounts are sent as typed, as text. What the form finds, and what the API refuses naming a
 * field (`budget.0.amount`), is said next to the field, and the focus goes to the first.
 */
export function ProjectForm({ workspaceId, organisations, project, onSubmit }: ProjectFormProps) {
  const { t, i18n } = useTranslation();
  const editing = project !== undefined;
  const [values, setValues] = useState<Values>(() => startingValues(project, organisations));
  const [lines, setLines] = useState<Line[]>(() => startingLines(project));
  const nextKey = useRef(lines.length);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const focusWhenShown = useFocusWhenShown();
  const api = projectFieldErrors(failure, sent, t);
  const errors = { ...api.errors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  const resolutions = useApiData<ResolutionView[]>(resolutionsPath(workspaceId));
  const calls = useApiData<FundingCall[]>(fundingCallsPath(workspaceId));
  const documents = useApiData<DocumentSummary[]>(`/workspaces/${workspaceId}/documents`);
  // Concepts first, then the workspace's other documents; the project's own stays offered if it cannot be listed.
  const documentOptions: SelectOption[] = [...(documents.data ?? [])]
    .sort((a, b) => Number(b.kind === 'concept') - Number(a.kind === 'concept') || a.title.localeCompare(b.title))
    .map((d) => ({ value: d.id, label: d.title }));
  if (project?.concept && !documentOptions.some((o) => o.value === project.concept?.documentId)) documentOptions.unshift({ value: project.concept.documentId, label: project.concept.title });
  const indicators = useApiData<Indicator[]>(indicatorsPath(workspaceId));
  const goal = project?.goal ?? null;
  const versions: AdoptedVersion[] = adoptedVersions(resolutions.data ?? []);
  // The project's goal stays offered, whether or not the list of adopted versions could be read.
  if (goal && !versions.some((v) => v.versionId === goal.versionId)) {
    versions.push({ versionId: goal.versionId, documentId: goal.documentId, documentTitle: goal.documentTitle, name: goal.versionName });
  }
  const chosenVersion = versions.find((v) => v.versionId === values.goalVersionId) ?? null;
  const version = useApiData<VersionDetails>(chosenVersion ? versionPath(chosenVersion.documentId, chosenVersion.versionId) : null);
  const headings = useMemo(() => (version.data ? goalHeadings(version.data.content) : []), [version.data]);
  const headingOptions: SelectOption[] = headings.map((h) => ({ value: h.id, label: h.text }));
  if (goal && values.goalVersionId === goal.versionId && !headings.some((h) => h.id === goal.headingId)) {
    headingOptions.unshift({ value: goal.headingId, label: goal.heading });
  }
  const callOptions: SelectOption[] = (calls.data ?? []).map((call) => ({
    value: call.id,
    label: t('projects.page.callValue', { programme: call.programme, measure: call.measure, date: formatDay(call.closesOn, i18n.language) }),
  }));
  if (project?.call && !callOptions.some((o) => o.value === project.call?.id)) {
    const call = project.call;
    callOptions.unshift({ value: call.id, label: t('projects.page.callValue', { programme: call.programme, measure: call.measure, date: formatDay(call.closesOn, i18n.language) }) });
  }
  const indicatorOptions: SelectOption[] = (indicators.data ?? []).map((i) => ({ value: i.id, label: t('projects.form.indicatorOption', { name: i.name, unit: i.unit }) }));
  for (const linked of project?.indicators ?? []) {
    if (!indicatorOptions.some((o) => o.value === linked.id)) indicatorOptions.push({ value: linked.id, label: t('projects.form.indicatorOption', { name: linked.name, unit: linked.unit }) });
  }

  const members = organisations.filter((o) => o.kind === 'member');
  const partners = organisations.filter((o) => o.kind === 'partner');
  const chosenMembers = members.filter((m) => values.participants.includes(m.id));
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  function toggle(organisationId: string, checked: boolean) {
    setValues((v) => {
      const chosen = checked ? [...v.participants, organisationId] : v.participants.filter((id) => id !== organisationId);
      const listed = organisations.map((o) => o.id);
      return { ...v, participants: [...listed.filter((id) => chosen.includes(id)), ...chosen.filter((id) => !listed.includes(id))] };
    });
  }

  /** A member chosen to lead takes part. */
  function chooseLeader(leaderId: string) {
    setValues((v) => ({
      ...v,
      leaderId,
      participants: leaderId && !v.participants.includes(leaderId) ? organisations.map((o) => o.id).filter((id) => id === leaderId || v.participants.includes(id)) : v.participants,
    }));
  }

  /** Another version (or none) leaves no heading chosen. */
  function chooseVersion(versionId: string) {
    setValues((v) => ({ ...v, goalVersionId: versionId, goalHeadingId: versionId === v.goalVersionId ? v.goalHeadingId : '' }));
  }

  const setLine = (key: number, part: LinePart) => (value: string) => setLines((all) => all.map((line) => (line.key === key ? { ...line, [part]: value } : line)));

  function addLine() {
    const key = nextKey.current++;
    setLines((all) => [...all, { key, ...EMPTY_LINE, year: all.at(-1)?.year ?? '' }]);
    focusWhenShown(`project-line-${key}-year`);
  }

  function removeLine(key: number) {
    setLines((all) => all.filter((line) => line.key !== key));
    focusWhenShown('project-add-line');
  }

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!values.title.trim()) found.title = t('projects.form.errors.title');
    for (const field of ['scope', 'expectedResults'] as const) {
      if (values[field].trim().length > MAX_TEXT) found[field] = t('projects.form.errors.textTooLong', { max: MAX_TEXT });
    }
    if (values.goalVersionId && !values.goalHeadingId) found[GOAL_HEADING] = t('projects.form.errors.goalHeadingMissing');
    if (values.leaderId && !values.participants.includes(values.leaderId)) found.leaderId = t('projects.form.errors.leaderNotParticipant');
    if (values.sharingKey === 'custom') {
      for (const member of chosenMembers) if (!WEIGHT.test((values.weights[member.id] ?? '').trim())) found[weightField(member.id)] = t('projects.form.errors.weight');
    }
    if (values.rate.trim() && !RATE.test(values.rate.trim())) found.coFinancingRate = t('projects.form.errors.rate');
    for (const field of ['startsOn', 'endsOn'] as const) {
      const day = values[field];
      if (day && !isDay(day)) found[field] = t('projects.form.errors.day');
    }
    if (!found.startsOn && !found.endsOn && values.startsOn && values.endsOn && values.endsOn < values.startsOn) found.endsOn = t('projects.form.errors.endsBeforeStarts');
    for (const line of lines.filter((l) => !blank(l))) {
      const year = Number(line.year.trim());
      if (!/^\d{4}$/.test(line.year.trim()) || year < 2000 || year > 2100) found[lineField(line.key, 'year')] = t('projects.form.errors.year');
      if (!line.category) found[lineField(line.key, 'category')] = t('projects.form.errors.category');
      const amount = line.amount.trim() ? amountProblem(line.amount, t) : t('projects.form.errors.amount');
      if (amount) found[lineField(line.key, 'amount')] = amount;
      if (line.eurAmount.trim()) {
        const eur = amountProblem(line.eurAmount, t);
        if (eur) found[lineField(line.key, 'eurAmount')] = eur;
        const rate = line.eurRate.trim();
        if (!EUR_RATE.test(rate) || Number(decimalText(rate)) <= 0) found[lineField(line.key, 'eurRate')] = t('projects.form.errors.eurRate');
        if (!isDay(line.eurRateOn)) found[lineField(line.key, 'eurRateOn')] = t(line.eurRateOn ? 'projects.form.errors.day' : 'projects.form.errors.eurRateOn');
      }
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setOwnErrors(found);
    setFailure(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    const custom = values.sharingKey === 'custom';
    const memberIds = new Set(members.map((m) => m.id));
    const budgetLines = lines.filter((l) => !blank(l));
    const scope = values.scope.trim();
    const expectedResults = values.expectedResults.trim();
    const rate = values.rate.trim();
    const chosenGoal = values.goalVersionId && values.goalHeadingId ? { versionId: values.goalVersionId, headingId: values.goalHeadingId } : null;
    // A new project is sent with what was given; a change with every field, so that what was cleared is cleared.
    const body: NewProject = {
      title: values.title.trim(),
      ...(scope || editing ? { scope } : {}),
      ...(expectedResults || editing ? { expectedResults } : {}),
      leaderId: values.leaderId || null,
      sharingKey: values.sharingKey,
      ...(rate || editing ? { coFinancingRate: rate ? decimalText(rate) : null } : {}),
      ...(values.startsOn || editing ? { startsOn: values.startsOn || null } : {}),
      ...(values.endsOn || editing ? { endsOn: values.endsOn || null } : {}),
      participants: values.participants.map((organisationId) =>
        custom && memberIds.has(organisationId) ? { organisationId, customWeight: decimalText(values.weights[organisationId] ?? '') } : { organisationId },
      ),
      budget: budgetLines.map((line) => ({
        year: Number(line.year.trim()),
        category: line.category as BudgetCategory,
        amount: line.amount.trim(),
        ...(line.eurAmount.trim() ? { eurAmount: line.eurAmount.trim(), eurRate: decimalText(line.eurRate), eurRateOn: line.eurRateOn } : {}),
      })),
      ...(chosenGoal || editing ? { goal: chosenGoal } : {}),
      ...(values.callId || editing ? { callId: values.callId || null } : {}),
      ...(values.conceptDocumentId || editing ? { conceptDocumentId: values.conceptDocumentId || null } : {}),
      ...(values.indicatorIds.length > 0 || editing ? { indicatorIds: values.indicatorIds } : {}),
    };
    setSent({ participants: values.participants, lines: budgetLines.map((l) => l.key) });
    setBusy(true);
    try {
      await onSubmit(body);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  const formError = failure ? (failure instanceof ApiError && failure.fieldErrors.length > 0 && !api.unplaced ? t('errors.checkFields') : errorText(failure, t)) : null;
  const listFailed = t('projects.form.listFailed');
  const versionHint = resolutions.error != null ? listFailed : resolutions.data && versions.length === 0 ? t('projects.form.noAdoptedVersions') : undefined;
  const headingHint = version.loading ? t('projects.form.headingsLoading') : version.error != null ? t('projects.form.headingsFailed') : undefined;
  const callHint = calls.error != null ? `${t('projects.form.callHint')} ${listFailed}` : t('projects.form.callHint');
  const indicatorsHint =
    indicators.error != null ? listFailed : indicators.data && indicatorOptions.length === 0 ? t('projects.form.noIndicators') : indicatorOptions.length > 0 ? t('projects.form.indicatorsHint') : undefined;

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="form project-form" aria-labelledby="page-heading">
      <ErrorMessage message={formError} />
      <p className="field__hint">{editing ? t('projects.edit.intro') : t('projects.form.intro')}</p>
      <TextField id="project-title" label={t('projects.form.title')} value={values.title} onChange={set('title')} error={errors.title} required />
      <TextAreaField id="project-scope" label={t('projects.form.scope')} hint={t('projects.form.scopeHint')} value={values.scope} onChange={set('scope')} error={errors.scope} rows={3} />
      <TextAreaField
        id="project-expected-results"
        label={t('projects.form.expectedResults')}
        hint={t('projects.form.expectedResultsHint')}
        value={values.expectedResults}
        onChange={set('expectedResults')}
        error={errors.expectedResults}
        rows={3}
      />
      <SelectField
        id="project-concept"
        label={t('projects.form.concept')}
        hint={documents.error != null ? `${t('projects.form.conceptHint')} ${t('projects.form.listFailed')}` : t('projects.form.conceptHint')}
        value={values.conceptDocumentId}
        placeholder={t('projects.form.noConcept')}
        options={documentOptions}
        onChange={set('conceptDocumentId')}
        error={errors.conceptDocumentId}
      />
      <fieldset className="choices" aria-describedby="project-goal-hint">
        <legend>{t('projects.form.goal')}</legend>
        <p id="project-goal-hint" className="field__hint">
          {t('projects.form.goalHint')}
        </p>
        <SelectField
          id="project-goal-version"
          label={t('projects.form.goalVersion')}
          hint={versionHint}
          value={values.goalVersionId}
          placeholder={t('projects.form.noGoal')}
          options={versions.map((v) => ({ value: v.versionId, label: t('projects.form.goalVersionOption', { document: v.documentTitle, version: v.name }) }))}
          onChange={chooseVersion}
          error={errors[GOAL_VERSION]}
        />
        {values.goalVersionId && (
          <SelectField
            id="project-goal-heading"
            label={t('projects.form.goalHeading')}
            hint={headingHint}
            value={values.goalHeadingId}
            placeholder={t('projects.form.chooseHeading')}
            options={headingOptions}
            onChange={set('goalHeadingId')}
            error={errors[GOAL_HEADING]}
            required
          />
        )}
      </fieldset>
      <CheckboxGroup
        id="project-indicators"
        legend={t('projects.form.indicators')}
        hint={indicatorsHint}
        options={indicatorOptions}
        values={values.indicatorIds}
        onChange={set('indicatorIds')}
        error={errors[INDICATORS]}
      />
      <SelectField
        id="project-leader"
        label={t('projects.form.leader')}
        hint={t('projects.form.leaderHint')}
        value={values.leaderId}
        placeholder={t('projects.association')}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={chooseLeader}
        error={errors.leaderId}
      />
      <fieldset
        id="project-participants"
        className={errors.participants ? 'choices field--invalid' : 'choices'}
        aria-describedby={errors.participants ? 'project-participants-hint project-participants-error' : 'project-participants-hint'}
      >
        <legend>{t('projects.form.participants')}</legend>
        <p id="project-participants-hint" className="field__hint">
          {t('projects.form.participantsHint')}
        </p>
        <div className="project-form__groups">
          <OrganisationChoices legend={t('projects.form.members')} organisations={members} chosen={values.participants} onToggle={toggle} errors={errors} />
          <OrganisationChoices
            legend={t('projects.form.partners')}
            organisations={partners}
            chosen={values.participants}
            onToggle={toggle}
            errors={errors}
            empty={t('projects.form.noPartners')}
          />
        </div>
        {errors.participants && (
          <p id="project-participants-error" className="field__error">
            {errors.participants}
          </p>
        )}
      </fieldset>
      <SelectField
        id="project-sharing-key"
        label={t('projects.form.sharingKey')}
        value={values.sharingKey}
        options={WEIGHTINGS.map((key) => ({ value: key, label: t(`projects.keys.${key}`) }))}
        onChange={(key) => set('sharingKey')(key as Weighting)}
        error={errors.sharingKey}
      />
      {values.sharingKey === 'custom' && (
        <fieldset className="choices" aria-describedby="project-weights-hint">
          <legend>{t('projects.form.weights')}</legend>
          <p id="project-weights-hint" className="field__hint">
            {chosenMembers.length > 0 ? t('projects.form.weightsHint') : t('projects.form.noMembersChosen')}
          </p>
          <div className="form__row">
            {chosenMembers.map((member) => (
              <TextField
                key={member.id}
                id={`project-weight-${member.id}`}
                label={t('projects.form.weight', { name: member.name })}
                value={values.weights[member.id] ?? ''}
                onChange={(weight) => setValues((v) => ({ ...v, weights: { ...v.weights, [member.id]: weight } }))}
                error={errors[weightField(member.id)]}
                required
              />
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="choices">
        <legend>{t('projects.form.funding')}</legend>
        <SelectField
          id="project-call"
          label={t('projects.form.call')}
          hint={callHint}
          value={values.callId}
          placeholder={t('projects.form.noCall')}
          options={callOptions}
          onChange={set('callId')}
          error={errors.callId}
        />
        <TextField id="project-rate" label={t('projects.form.rate')} hint={t('projects.form.rateHint')} value={values.rate} onChange={set('rate')} error={errors.coFinancingRate} />
      </fieldset>
      <fieldset className="choices">
        <legend>{t('projects.form.schedule')}</legend>
        <div className="form__row">
          <DateField id="project-starts" label={t('projects.form.startsOn')} value={values.startsOn} onChange={set('startsOn')} error={errors.startsOn} />
          <DateField id="project-ends" label={t('projects.form.endsOn')} value={values.endsOn} onChange={set('endsOn')} error={errors.endsOn} />
        </div>
      </fieldset>
      <fieldset className={errors.budget ? 'choices field--invalid' : 'choices'} aria-describedby={errors.budget ? 'project-budget-hint project-budget-error' : 'project-budget-hint'}>
        <legend>{t('projects.form.budget')}</legend>
        <p id="project-budget-hint" className="field__hint">
          {t('projects.form.budgetHint')} {t('projects.form.eurHint')}
        </p>
        {lines.length === 0 && <p>{t('projects.form.noLines')}</p>}
        {lines.map((line, index) => (
          <fieldset key={line.key} className="budget-line">
            <legend>{t('projects.form.line', { number: index + 1 })}</legend>
            <div className="form__row">
              <TextField
                id={`project-line-${line.key}-year`}
                label={t('projects.form.year')}
                value={line.year}
                onChange={setLine(line.key, 'year')}
                error={errors[lineField(line.key, 'year')]}
              />
              <SelectField
                id={`project-line-${line.key}-category`}
                label={t('projects.form.category')}
                value={line.category}
                placeholder={t('projects.form.chooseCategory')}
                options={BUDGET_CATEGORIES.map((category) => ({ value: category, label: t(`projects.categories.${category}`) }))}
                onChange={setLine(line.key, 'category')}
                error={errors[lineField(line.key, 'category')]}
              />
              <TextField
                id={`project-line-${line.key}-amount`}
                label={t('projects.form.amount')}
                value={line.amount}
                onChange={setLine(line.key, 'amount')}
                error={errors[lineField(line.key, 'amount')]}
              />
              <TextField
                id={`project-line-${line.key}-eur-amount`}
                label={t('projects.form.eurAmount')}
                value={line.eurAmount}
                onChange={setLine(line.key, 'eurAmount')}
                error={errors[lineField(line.key, 'eurAmount')]}
              />
              <div className="budget-line__remove">
                <button type="button" className="button button--small" onClick={() => removeLine(line.key)}>
                  {t('projects.form.removeLine', { number: index + 1 })}
                </button>
              </div>
            </div>
            {line.eurAmount.trim() && (
              <div className="form__row">
                <TextField
                  id={`project-line-${line.key}-eur-rate`}
                  label={t('projects.form.eurRate')}
                  value={line.eurRate}
                  onChange={setLine(line.key, 'eurRate')}
                  error={errors[lineField(line.key, 'eurRate')]}
                  required
                />
                <DateField
                  id={`project-line-${line.key}-eur-rate-on`}
                  label={t('projects.form.eurRateOn')}
                  value={line.eurRateOn}
                  onChange={setLine(line.key, 'eurRateOn')}
                  error={errors[lineField(line.key, 'eurRateOn')]}
                  required
                />
              </div>
            )}
          </fieldset>
        ))}
        {errors.budget && (
          <p id="project-budget-error" className="field__error">
            {errors.budget}
          </p>
        )}
        <p>
          <button id="project-add-line" type="button" className="button" onClick={addLine}>
            {t('projects.form.addLine')}
          </button>
        </p>
      </fieldset>
      <SubmitButton busy={busy} label={editing ? t('projects.edit.submit') : t('projects.form.submit')} busyLabel={editing ? t('projects.edit.saving') : t('projects.form.saving')} />
    </form>
  );
}

/** Checkboxes of one kind of organisation, each with the API's problem about it (a name listed twice, say) under it. */
function OrganisationChoices({
  legend,
  organisations,
  chosen,
  onToggle,
  errors,
  empty,
}: {
  legend: string;
  organisations: Organisation[];
  chosen: string[];
  onToggle: (organisationId: string, checked: boolean) => void;
  errors: Record<string, string>;
  empty?: string;
}) {
  return (
    <fieldset className="choices project-form__organisations">
      <legend>{legend}</legend>
      {organisations.length === 0 && empty && <p className="muted">{empty}</p>}
      {organisations.map((organisation) => {
        const id = `project-participant-${organisation.id}`;
        const error = errors[participantField(organisation.id)];
        return (
          <div className="choice" key={organisation.id}>
            <input
              type="checkbox"
              id={id}
              checked={chosen.includes(organisation.id)}
              onChange={(event) => onToggle(organisation.id, event.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            <label htmlFor={id}>{organisation.name}</label>
            {error && (
              <p id={`${id}-error`} className="field__error">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
