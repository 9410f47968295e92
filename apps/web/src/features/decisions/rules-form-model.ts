// The rule book form's model (RulesForm): a body's rule book as the form holds it (fractions as typed text, each kind
// of resolution with the fields it overrides), back to the rule book the API takes (PATCH /api/bodies/:id {rules}),
// and the API's dotted field paths (validateRuleBook: "rules.byKind.election.quorum.fraction.denominator") placed on
// the form's inputs.
import {
  AGENDA_CHANGERS,
  type AgendaRules,
  agendaRulesOf,
  type Ballot,
  type BodyRuleBook,
  type BodyRules,
  type BodyRulesOverride,
  type Comparison,
  type MajorityBase,
  type MajorityKind,
  type MajorityRule,
  type QuorumBasis,
  type QuorumCount,
  type QuorumRule,
  type Rational,
  type RemoteVotingRule,
  RULE_KINDS,
  type RuleKind,
  type RuleProblem,
  rulesFor,
  type SecondTermRule,
  type Weighting,
} from '@commonplan/domain';

/** The fields of one kind's rules, each of which a kind of resolution may take from the general rules or override. */
export const RULE_FIELDS = ['quorum', 'majority', 'weighting', 'abstentionsCount', 'proxiesAllowed', 'ballot', 'secondTerm', 'castingVote', 'remote'] as const satisfies ReadonlyArray<keyof BodyRules>;
export type RuleField = (typeof RULE_FIELDS)[number];

export interface FractionDraft {
  numerator: string;
  denominator: string;
}

export interface QuorumDraft {
  basis: QuorumBasis;
  among: QuorumCount;
  comparison: Comparison;
  fraction: FractionDraft;
}

export interface MajorityDraft {
  kind: MajorityKind;
  of: MajorityBase;
  fraction: FractionDraft;
}

/** The second term: no rule of its own (the quorum as at the first term), the quorum waived, or a lower quorum. */
export const SECOND_TERM_MODES = ['same', 'waived', 'lower'] as const;
export type SecondTermMode = (typeof SECOND_TERM_MODES)[number];

/** A remote vote's majority: the body's (null in the rules), or one of its own. */
export const REMOTE_MAJORITIES = ['body', 'simple', 'absolute', 'qualified'] as const;
export type RemoteMajority = (typeof REMOTE_MAJORITIES)[number];

/**
 * One set of rules as the form holds it; the majority keeps its base and fraction while another kind is chosen, and
 * the second term and remote voting keep what was typed while they are switched off.
 */
export interface RulesDraft {
  quorum: QuorumDraft;
  majority: MajorityDraft;
  weighting: Weighting;
  abstentionsCount: boolean;
  proxiesAllowed: boolean;
  ballot: Ballot;
  secondTerm: { mode: SecondTermMode; quorum: QuorumDraft };
  castingVote: boolean;
  /** Remote voting's quorum is always counted among the members who voted (nobody is present in a remote vote). */
  remote: { allowed: boolean; quorum: QuorumDraft; majority: Omit<MajorityDraft, 'kind'> & { kind: RemoteMajority }; basis: string };
}

export interface KindDraft {
  /** The fields this kind overrides, in RULE_FIELDS order; the others are as in the general rules. */
  overrides: RuleField[];
  /** Every field: the override's value, or the general rules' value when not overridden. */
  rules: RulesDraft;
}

export interface RuleBookDraft {
  general: RulesDraft;
  byKind: Record<RuleKind, KindDraft>;
  /** Who changes an adopted agenda (an item added, one moved). */
  agenda: AgendaRules;
}

const fractionDraft = (fraction: Rational): FractionDraft => ({ numerator: String(fraction.numerator), denominator: String(fraction.denominator) });

const quorumDraft = (quorum: QuorumRule): QuorumDraft => ({ basis: quorum.basis, among: quorum.among, comparison: quorum.comparison, fraction: fractionDraft(quorum.fraction) });

function majorityDraft(majority: MajorityRule, of: MajorityBase = 'valid'): MajorityDraft {
  return {
    kind: majority.kind,
    of: majority.kind === 'simple' ? of : majority.of,
    fraction: majority.kind === 'qualified' ? fractionDraft(majority.fraction) : { numerator: '2', denominator: '3' },
  };
}

/** What a lower quorum at the second term starts from: a third of the members present. */
const SECOND_TERM_QUORUM: QuorumDraft = { basis: 'members', among: 'present', comparison: 'at_least', fraction: { numerator: '1', denominator: '3' } };
/** What remote voting starts from: half of the members taking part, an absolute majority of the full membership. */
const REMOTE_QUORUM: QuorumDraft = { basis: 'members', among: 'voting', comparison: 'at_least', fraction: { numerator: '1', denominator: '2' } };

function secondTermDraft(rule: SecondTermRule | null | undefined): RulesDraft['secondTerm'] {
  if (!rule) return { mode: 'same', quorum: structuredClone(SECOND_TERM_QUORUM) };
  return rule.quorum ? { mode: 'lower', quorum: quorumDraft(rule.quorum) } : { mode: 'waived', quorum: structuredClone(SECOND_TERM_QUORUM) };
}

function remoteDraft(rule: RemoteVotingRule | null | undefined): RulesDraft['remote'] {
  if (!rule) return { allowed: false, quorum: structuredClone(REMOTE_QUORUM), majority: { kind: 'absolute', of: 'statutory', fraction: { numerator: '2', denominator: '3' } }, basis: '' };
  return {
    allowed: true,
    quorum: { ...quorumDraft(rule.quorum), among: 'voting' },
    majority: rule.majority ? majorityDraft(rule.majority, 'statutory') : { kind: 'body', of: 'statutory', fraction: { numerator: '2', denominator: '3' } },
    basis: rule.basis,
  };
}

export function rulesDraft(rules: BodyRules): RulesDraft {
  return {
    quorum: quorumDraft(rules.quorum),
    majority: majorityDraft(rules.majority),
    weighting: rules.weighting,
    abstentionsCount: rules.abstentionsCount,
    proxiesAllowed: rules.proxiesAllowed,
    ballot: rules.ballot,
    secondTerm: secondTermDraft(rules.secondTerm),
    castingVote: rules.castingVote ?? false,
    remote: remoteDraft(rules.remote),
  };
}

export function ruleBookDraft(book: BodyRuleBook): RuleBookDraft {
  const byKind = {} as Record<RuleKind, KindDraft>;
  for (const kind of RULE_KINDS) {
    const override = book.byKind[kind] ?? {};
    byKind[kind] = { overrides: RULE_FIELDS.filter((field) => override[field] !== undefined), rules: rulesDraft(rulesFor(book, kind)) };
  }
  return { general: rulesDraft(book.general), byKind, agenda: agendaRulesOf(book) };
}

/** A typed whole number; anything else becomes NaN, which validateRuleBook refuses as not a positive whole number. */
function whole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

const fraction = (draft: FractionDraft): Rational => ({ numerator: whole(draft.numerator), denominator: whole(draft.denominator) });

function majorityRule(draft: MajorityDraft, toFraction: (d: FractionDraft) => Rational): MajorityRule {
  if (draft.kind === 'simple') return { kind: 'simple' };
  if (draft.kind === 'absolute') return { kind: 'absolute', of: draft.of };
  return { kind: 'qualified', fraction: toFraction(draft.fraction), of: draft.of };
}

const quorumRule = (draft: QuorumDraft, toFraction: (d: FractionDraft) => Rational): QuorumRule => ({ basis: draft.basis, among: draft.among, fraction: toFraction(draft.fraction), comparison: draft.comparison });

/** Every field explicitly: a second term without a rule of its own, no casting vote and no remote voting too. */
function rulesOf(draft: RulesDraft, toFraction: (d: FractionDraft) => Rational): Required<BodyRules> {
  const { secondTerm, remote } = draft;
  return {
    quorum: quorumRule(draft.quorum, toFraction),
    majority: majorityRule(draft.majority, toFraction),
    weighting: draft.weighting,
    abstentionsCount: draft.abstentionsCount,
    proxiesAllowed: draft.proxiesAllowed,
    ballot: draft.ballot,
    secondTerm: secondTerm.mode === 'same' ? null : { quorum: secondTerm.mode === 'waived' ? null : quorumRule(secondTerm.quorum, toFraction) },
    castingVote: draft.castingVote,
    remote: remote.allowed
      ? {
          quorum: quorumRule({ ...remote.quorum, among: 'voting' }, toFraction),
          majority: remote.majority.kind === 'body' ? null : majorityRule({ ...remote.majority, kind: remote.majority.kind }, toFraction),
          basis: remote.basis.trim(),
        }
      : null,
  };
}

/** The general rules leave out the rules a statute may not have (as bodies' rules were before them) when unused. */
function generalOf(draft: RulesDraft, toFraction: (d: FractionDraft) => Rational): BodyRules {
  const { secondTerm, castingVote, remote, ...rules } = rulesOf(draft, toFraction);
  return { ...rules, ...(secondTerm ? { secondTerm } : {}), ...(castingVote ? { castingVote } : {}), ...(remote ? { remote } : {}) };
}

function bookOf(draft: RuleBookDraft, toFraction: (d: FractionDraft) => Rational): BodyRuleBook {
  const byKind: BodyRuleBook['byKind'] = {};
  for (const kind of RULE_KINDS) {
    const { overrides, rules } = draft.byKind[kind];
    if (overrides.length === 0) continue;
    // An override says its field whole, also "none" (null, false): e.g. no remote voting for this kind.
    const all = rulesOf(rules, toFraction);
    const override: BodyRulesOverride = {};
    for (const field of overrides) (override as Record<string, unknown>)[field] = all[field];
    byKind[kind] = override;
  }
  // Agenda rules as the statute defaults (every change voted) are left out, as books were before them.
  const voted = AGENDA_CHANGERS[0];
  const agenda = draft.agenda.add === voted && draft.agenda.move === voted ? {} : { agenda: { ...draft.agenda } };
  return { general: generalOf(draft.general, toFraction), byKind, ...agenda };
}

/** The whole rule book to send: the general rules and, per kind, only the fields it overrides. */
export function ruleBookOf(draft: RuleBookDraft): BodyRuleBook {
  return bookOf(draft, fraction);
}

/**
 * The rule book as typed so far, for the sentence of what it means (rules-text.ts): fractions keep the text typed
 * ("?" when empty), which `fractionText` only puts between its numerator and denominator.
 */
export function ruleBookAsTyped(draft: RuleBookDraft): BodyRuleBook {
  const asTyped = (d: FractionDraft) => ({ numerator: d.numerator.trim() || '?', denominator: d.denominator.trim() || '?' }) as unknown as Rational;
  return bookOf(draft, asTyped);
}

/** A field's path in the rule book without the "rules." prefix: "general.quorum.basis", "byKind.election.ballot". */
export type FieldPath = string;

const quorumPaths = (at: string, among = true) => [`${at}.basis`, ...(among ? [`${at}.among`] : []), `${at}.comparison`, `${at}.fraction.numerator`, `${at}.fraction.denominator`];

function majorityPaths(at: string, kind: RemoteMajority): string[] {
  const paths = [`${at}.kind`];
  if (kind === 'absolute' || kind === 'qualified') paths.push(`${at}.of`);
  if (kind === 'qualified') paths.push(`${at}.fraction.numerator`, `${at}.fraction.denominator`);
  return paths;
}

/** The inputs the form shows for one set of rules (relative paths), in the order they appear. */
export function inputPaths(draft: Pick<RulesDraft, 'majority' | 'secondTerm' | 'remote'>, fields: readonly RuleField[] = RULE_FIELDS): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    if (field === 'quorum') paths.push(...quorumPaths('quorum'));
    else if (field === 'majority') paths.push(...majorityPaths('majority', draft.majority.kind));
    else if (field === 'secondTerm') {
      paths.push('secondTerm');
      if (draft.secondTerm.mode === 'lower') paths.push(...quorumPaths('secondTerm.quorum'));
    } else if (field === 'remote') {
      paths.push('remote');
      if (draft.remote.allowed) paths.push(...quorumPaths('remote.quorum', false), ...majorityPaths('remote.majority', draft.remote.majority.kind), 'remote.basis');
    } else paths.push(field);
  }
  return paths;
}

/** Every input the form shows now, as full paths, in the order they appear. */
export function shownInputs(draft: RuleBookDraft): FieldPath[] {
  return [
    ...inputPaths(draft.general).map((path) => `general.${path}`),
    ...RULE_KINDS.flatMap((kind) => inputPaths(draft.byKind[kind].rules, draft.byKind[kind].overrides).map((path) => `byKind.${kind}.${path}`)),
    'agenda.add',
    'agenda.move',
  ];
}

/**
 * Puts each problem on the input it names: the input of that path; else the first input inside it (a fraction "must
 * be at most 1" goes to its numerator); else the nearest enclosing path that has one. Problems that fit no input shown
 * are returned as they are, for the form to list. The first problem of an input wins.
 */
export function placeProblems(problems: readonly RuleProblem[], shown: readonly FieldPath[]): { onInputs: Record<FieldPath, RuleProblem>; elsewhere: RuleProblem[] } {
  const onInputs: Record<FieldPath, RuleProblem> = {};
  const elsewhere: RuleProblem[] = [];
  for (const problem of problems) {
    let path = problem.field.replace(/^rules(\.|$)/, '');
    let target: FieldPath | undefined;
    while (path && !target) {
      target = shown.includes(path) ? path : shown.find((input) => input.startsWith(`${path}.`));
      path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    }
    if (target) onInputs[target] ??= problem;
    else elsewhere.push(problem);
  }
  return { onInputs, elsewhere };
}

/** The id of the input of a path in the form `formId`: "rules-b1-byKind-election-quorum-fraction-numerator". */
export const inputId = (formId: string, path: FieldPath) => `${formId}-${path.replace(/\./g, '-')}`;
