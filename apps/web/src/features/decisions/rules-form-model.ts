// The rule book form's model (RulesForm): a body's rule book as the form holds it (fractions as typed text, each kind
// of resolution with the fields it overrides), back to the rule book the API takes (PATCH /api/bodies/:id {rules}),
// and the API's dotted field paths (validateRuleBook: "rules.byKind.election.quorum.fraction.denominator") placed on
// the form's inputs.
import {
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
  type Rational,
  RESOLUTION_KINDS,
  type ResolutionKind,
  type RuleProblem,
  rulesFor,
  type Weighting,
} from '@commonplan/domain';

/** The fields of one kind's rules, each of which a kind of resolution may take from the general rules or override. */
export const RULE_FIELDS = ['quorum', 'majority', 'weighting', 'abstentionsCount', 'proxiesAllowed', 'ballot'] as const satisfies ReadonlyArray<keyof BodyRules>;
export type RuleField = (typeof RULE_FIELDS)[number];

export interface FractionDraft {
  numerator: string;
  denominator: string;
}

/** One set of rules as the form holds it; the majority keeps its base and fraction while another kind is chosen. */
export interface RulesDraft {
  quorum: { basis: QuorumBasis; among: QuorumCount; comparison: Comparison; fraction: FractionDraft };
  majority: { kind: MajorityKind; of: MajorityBase; fraction: FractionDraft };
  weighting: Weighting;
  abstentionsCount: boolean;
  proxiesAllowed: boolean;
  ballot: Ballot;
}

export interface KindDraft {
  /** The fields this kind overrides, in RULE_FIELDS order; the others are as in the general rules. */
  overrides: RuleField[];
  /** Every field: the override's value, or the general rules' value when not overridden. */
  rules: RulesDraft;
}

export interface RuleBookDraft {
  general: RulesDraft;
  byKind: Record<ResolutionKind, KindDraft>;
}

const fractionDraft = (fraction: Rational): FractionDraft => ({ numerator: String(fraction.numerator), denominator: String(fraction.denominator) });

export function rulesDraft(rules: BodyRules): RulesDraft {
  const majority = rules.majority;
  return {
    quorum: { basis: rules.quorum.basis, among: rules.quorum.among, comparison: rules.quorum.comparison, fraction: fractionDraft(rules.quorum.fraction) },
    majority: {
      kind: majority.kind,
      of: majority.kind === 'simple' ? 'valid' : majority.of,
      fraction: majority.kind === 'qualified' ? fractionDraft(majority.fraction) : { numerator: '2', denominator: '3' },
    },
    weighting: rules.weighting,
    abstentionsCount: rules.abstentionsCount,
    proxiesAllowed: rules.proxiesAllowed,
    ballot: rules.ballot,
  };
}

export function ruleBookDraft(book: BodyRuleBook): RuleBookDraft {
  const byKind = {} as Record<ResolutionKind, KindDraft>;
  for (const kind of RESOLUTION_KINDS) {
    const override = book.byKind[kind] ?? {};
    byKind[kind] = { overrides: RULE_FIELDS.filter((field) => override[field] !== undefined), rules: rulesDraft(rulesFor(book, kind)) };
  }
  return { general: rulesDraft(book.general), byKind };
}

/** A typed whole number; anything else becomes NaN, which validateRuleBook refuses as not a positive whole number. */
function whole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

const fraction = (draft: FractionDraft): Rational => ({ numerator: whole(draft.numerator), denominator: whole(draft.denominator) });

function majorityRule(draft: RulesDraft['majority'], toFraction: (d: FractionDraft) => Rational): MajorityRule {
  if (draft.kind === 'simple') return { kind: 'simple' };
  if (draft.kind === 'absolute') return { kind: 'absolute', of: draft.of };
  return { kind: 'qualified', fraction: toFraction(draft.fraction), of: draft.of };
}

function rulesOf(draft: RulesDraft, toFraction: (d: FractionDraft) => Rational): BodyRules {
  return {
    quorum: { basis: draft.quorum.basis, among: draft.quorum.among, fraction: toFraction(draft.quorum.fraction), comparison: draft.quorum.comparison },
    majority: majorityRule(draft.majority, toFraction),
    weighting: draft.weighting,
    abstentionsCount: draft.abstentionsCount,
    proxiesAllowed: draft.proxiesAllowed,
    ballot: draft.ballot,
  };
}

function bookOf(draft: RuleBookDraft, toFraction: (d: FractionDraft) => Rational): BodyRuleBook {
  const byKind: BodyRuleBook['byKind'] = {};
  for (const kind of RESOLUTION_KINDS) {
    const { overrides, rules } = draft.byKind[kind];
    if (overrides.length === 0) continue;
    const all = rulesOf(rules, toFraction);
    const override: BodyRulesOverride = {};
    for (const field of overrides) (override as Record<string, unknown>)[field] = all[field];
    byKind[kind] = override;
  }
  return { general: rulesOf(draft.general, toFraction), byKind };
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

/** The inputs the form shows for one set of rules (relative paths), in the order they appear. */
export function inputPaths(draft: Pick<RulesDraft, 'majority'>, fields: readonly RuleField[] = RULE_FIELDS): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    if (field === 'quorum') paths.push('quorum.basis', 'quorum.among', 'quorum.comparison', 'quorum.fraction.numerator', 'quorum.fraction.denominator');
    else if (field === 'majority') {
      paths.push('majority.kind');
      if (draft.majority.kind !== 'simple') paths.push('majority.of');
      if (draft.majority.kind === 'qualified') paths.push('majority.fraction.numerator', 'majority.fraction.denominator');
    } else paths.push(field);
  }
  return paths;
}

/** Every input the form shows now, as full paths, in the order they appear. */
export function shownInputs(draft: RuleBookDraft): FieldPath[] {
  return [
    ...inputPaths(draft.general).map((path) => `general.${path}`),
    ...RESOLUTION_KINDS.flatMap((kind) => inputPaths(draft.byKind[kind].rules, draft.byKind[kind].overrides).map((path) => `byKind.${kind}.${path}`)),
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
