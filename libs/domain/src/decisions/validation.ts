import { COMPARISONS, type Rational } from './rational';
import {
  AGENDA_CHANGERS,
  BALLOTS,
  type BodyRuleBook,
  type BodyRules,
  type BodyRulesOverride,
  MAJORITY_BASES,
  MAJORITY_KINDS,
  QUORUM_BASES,
  QUORUM_COUNTS,
  RULE_KINDS,
  WEIGHTINGS,
} from './rules';

/** A problem with rules sent by a client: the dotted path of the field and what is wrong (for a 400 naming it). */
export type RuleProblem = { field: string; message: string };

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: RuleProblem[] };

type Record_ = Record<string, unknown>;
type Check = (value: unknown, field: string, problems: RuleProblem[]) => void;

const RULE_FIELDS: Record<keyof BodyRules, Check> = {
  quorum: checkQuorum,
  majority: checkMajority,
  weighting: oneOf(WEIGHTINGS),
  abstentionsCount: checkBoolean,
  proxiesAllowed: checkBoolean,
  ballot: oneOf(BALLOTS),
  secondTerm: nullable(checkSecondTerm),
  castingVote: checkBoolean,
  remote: nullable(checkRemote),
};

/** Rules a statute may leave out: without them a body decides as it always did (see BodyRules). */
const OPTIONAL_FIELDS: ReadonlyArray<keyof BodyRules> = ['secondTerm', 'castingVote', 'remote'];

/** The longest statute reference kept for remote voting's basis. */
export const RULE_BASIS_MAX_LENGTH = 300;

/**
 * Checks rules sent by a client: every field present, enumerations known, fractions of positive whole numbers in
 * (0, 1], no unknown fields. Returns the rules (a copy) or every problem found. `at` prefixes the field paths, e.g.
 * 'rules' gives 'rules.quorum.fraction.denominator'.
 */
export function validateRules(input: unknown, at = ''): Validation<BodyRules> {
  const problems: RuleProblem[] = [];
  checkFields(input, at, problems, false);
  return problems.length ? { ok: false, problems } : { ok: true, value: copy(input as BodyRules) };
}

/** Checks a rule book: complete general rules, and per kind of resolution an override with any of the same fields. */
export function validateRuleBook(input: unknown, at = ''): Validation<BodyRuleBook> {
  const problems: RuleProblem[] = [];
  if (!isRecord(input)) {
    problems.push({ field: at || 'ruleBook', message: 'must be an object' });
    return { ok: false, problems };
  }
  unknownKeys(input, ['general', 'byKind', 'agenda'], at, problems);
  checkFields(input.general, join(at, 'general'), problems, false);
  if (input.agenda !== undefined) checkAgenda(input.agenda, join(at, 'agenda'), problems);
  const byKind = input.byKind ?? {};
  if (!isRecord(byKind)) problems.push({ field: join(at, 'byKind'), message: 'must be an object' });
  else {
    unknownKeys(byKind, RULE_KINDS, join(at, 'byKind'), problems, 'is not a kind of resolution nor procedural');
    for (const kind of RULE_KINDS) {
      if (byKind[kind] !== undefined) checkFields(byKind[kind], join(at, `byKind.${kind}`), problems, true);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: copy({ general: input.general, byKind, ...(input.agenda !== undefined ? { agenda: input.agenda } : {}) } as BodyRuleBook) };
}

/** The agenda rules: who changes an adopted agenda, for an item added and for one moved. */
function checkAgenda(value: unknown, field: string, problems: RuleProblem[]): void {
  if (!isRecord(value)) {
    problems.push({ field, message: 'must be an object' });
    return;
  }
  unknownKeys(value, ['add', 'move'], field, problems);
  for (const key of ['add', 'move']) {
    if (value[key] === undefined) problems.push({ field: join(field, key), message: 'is required' });
    else oneOf(AGENDA_CHANGERS)(value[key], join(field, key), problems);
  }
}

/** Checks an override alone (any subset of the rule fields). */
export function validateRulesOverride(input: unknown, at = ''): Validation<BodyRulesOverride> {
  const problems: RuleProblem[] = [];
  checkFields(input, at, problems, true);
  return problems.length ? { ok: false, problems } : { ok: true, value: copy(input as BodyRulesOverride) };
}

function checkFields(input: unknown, at: string, problems: RuleProblem[], partial: boolean): void {
  if (!isRecord(input)) {
    problems.push({ field: at || 'rules', message: 'must be an object' });
    return;
  }
  unknownKeys(input, Object.keys(RULE_FIELDS), at, problems);
  for (const [key, check] of Object.entries(RULE_FIELDS)) {
    if (input[key] === undefined) {
      if (!partial && !OPTIONAL_FIELDS.includes(key as keyof BodyRules)) problems.push({ field: join(at, key), message: 'is required' });
    } else check(input[key], join(at, key), problems);
  }
}

function checkQuorum(value: unknown, at: string, problems: RuleProblem[]): void {
  if (!isRecord(value)) return void problems.push({ field: at, message: 'must be an object' });
  unknownKeys(value, ['basis', 'among', 'fraction', 'comparison'], at, problems);
  required(value, 'basis', at, problems, oneOf(QUORUM_BASES));
  required(value, 'among', at, problems, oneOf(QUORUM_COUNTS));
  required(value, 'fraction', at, problems, checkFraction);
  required(value, 'comparison', at, problems, oneOf(COMPARISONS));
}

function checkMajority(value: unknown, at: string, problems: RuleProblem[]): void {
  if (!isRecord(value)) return void problems.push({ field: at, message: 'must be an object' });
  required(value, 'kind', at, problems, oneOf(MAJORITY_KINDS));
  const allowed = value.kind === 'simple' ? ['kind'] : value.kind === 'absolute' ? ['kind', 'of'] : value.kind === 'qualified' ? ['kind', 'fraction', 'of'] : null;
  if (allowed === null) return;
  unknownKeys(value, allowed, at, problems, `is not used by a ${String(value.kind)} majority`);
  if (allowed.includes('of')) required(value, 'of', at, problems, oneOf(MAJORITY_BASES));
  if (allowed.includes('fraction')) required(value, 'fraction', at, problems, checkFraction);
}

function checkSecondTerm(value: unknown, at: string, problems: RuleProblem[]): void {
  if (!isRecord(value)) return void problems.push({ field: at, message: 'must be an object { quorum } (quorum null: no quorum at the second term)' });
  unknownKeys(value, ['quorum'], at, problems);
  if (value.quorum === undefined) problems.push({ field: join(at, 'quorum'), message: 'is required (null: no quorum at the second term)' });
  else if (value.quorum !== null) checkQuorum(value.quorum, join(at, 'quorum'), problems);
}

function checkRemote(value: unknown, at: string, problems: RuleProblem[]): void {
  if (!isRecord(value)) return void problems.push({ field: at, message: 'must be an object { quorum, majority, basis }' });
  unknownKeys(value, ['quorum', 'majority', 'basis'], at, problems);
  required(value, 'quorum', at, problems, checkQuorum);
  if (isRecord(value.quorum) && value.quorum.among === 'present') {
    problems.push({ field: join(at, 'quorum.among'), message: 'must be voting: nobody is present in a remote vote' });
  }
  if (value.majority === undefined) problems.push({ field: join(at, 'majority'), message: 'is required (null: the body’s majority)' });
  else if (value.majority !== null) checkMajority(value.majority, join(at, 'majority'), problems);
  required(value, 'basis', at, problems, (basis, field, list) => {
    if (typeof basis !== 'string' || basis.trim() === '' || basis.length > RULE_BASIS_MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(basis)) {
      list.push({ field, message: `must name the statute's provision (1 to ${RULE_BASIS_MAX_LENGTH} characters, no control characters)` });
    }
  });
}

function nullable(check: Check): Check {
  return (value, at, problems) => {
    if (value !== null) check(value, at, problems);
  };
}

/** A fraction in (0, 1]: positive whole numerator and denominator, numerator not above the denominator. */
function checkFraction(value: unknown, at: string, problems: RuleProblem[]): void {
  if (!isRecord(value)) return void problems.push({ field: at, message: 'must be a fraction { numerator, denominator }' });
  unknownKeys(value, ['numerator', 'denominator'], at, problems);
  const wholeAbove0: Check = (v, field, list) => {
    if (!Number.isSafeInteger(v) || (v as number) < 1) list.push({ field, message: 'must be a positive whole number' });
  };
  required(value, 'numerator', at, problems, wholeAbove0);
  required(value, 'denominator', at, problems, wholeAbove0);
  const fraction = value as Rational;
  if (Number.isSafeInteger(fraction.numerator) && Number.isSafeInteger(fraction.denominator) && fraction.numerator > fraction.denominator && fraction.denominator > 0) {
    problems.push({ field: at, message: 'must be at most 1 (numerator not above the denominator)' });
  }
}

function checkBoolean(value: unknown, at: string, problems: RuleProblem[]): void {
  if (typeof value !== 'boolean') problems.push({ field: at, message: 'must be true or false' });
}

function oneOf(values: readonly string[]): Check {
  return (value, at, problems) => {
    if (typeof value !== 'string' || !values.includes(value)) problems.push({ field: at, message: `must be one of ${values.join(', ')}` });
  };
}

function required(value: Record_, key: string, at: string, problems: RuleProblem[], check: Check): void {
  if (value[key] === undefined) problems.push({ field: join(at, key), message: 'is required' });
  else check(value[key], join(at, key), problems);
}

function unknownKeys(value: Record_, known: readonly string[], at: string, problems: RuleProblem[], message = 'is not a known field'): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push({ field: join(at, key), message });
}

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
