import type { Comparison, Rational } from './rational';

/**
 * A body's voting rules as data (a coordinator sets them from the statute; nothing about a particular statute is
 * code). One {@link BodyRules} value says everything needed to decide one vote; a {@link BodyRuleBook} holds a body's
 * general rules and what differs for some kinds of resolution (e.g. elections by secret ballot, statute changes by 2/3).
 */

/** Kinds of resolution whose rules may differ from the body's general rules. */
export const RESOLUTION_KINDS = ['ordinary', 'election', 'statute_change'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/**
 * What a rule book may give its own rules to: each kind of resolution, and procedural votes taken at a meeting (the
 * agenda, its changes, the approval of minutes, amendments to a resolution), which take the general rules unless the
 * rule book says otherwise (e.g. a simple majority of those present).
 */
export const RULE_KINDS = [...RESOLUTION_KINDS, 'procedural'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Quorum counts members (one each) or their vote weight. */
export const QUORUM_BASES = ['members', 'weight'] as const;
export type QuorumBasis = (typeof QUORUM_BASES)[number];

/**
 * Who counts towards the quorum: members present (in person or represented by proxy), or members who cast a vote
 * (for, against or abstaining: an abstention is taking part).
 */
export const QUORUM_COUNTS = ['present', 'voting'] as const;
export type QuorumCount = (typeof QUORUM_COUNTS)[number];

/**
 * The quorum: the members (or weight) counted must reach `fraction` of the body's statutory membership (every member
 * of the body, present or not). "At least half of the members present" is
 * { basis: 'members', among: 'present', fraction: 1/2, comparison: 'at_least' }.
 */
export type QuorumRule = { basis: QuorumBasis; among: QuorumCount; fraction: Rational; comparison: Comparison };

/**
 * Majorities (general usage in Polish law):
 * - simple (zwykła): more votes for than against; abstentions never matter and a tie is rejected;
 * - absolute (bezwzględna): votes for are more than half of a base;
 * - qualified (kwalifikowana): votes for are at least `fraction` (e.g. 2/3) of a base.
 */
export const MAJORITY_KINDS = ['simple', 'absolute', 'qualified'] as const;
export type MajorityKind = (typeof MAJORITY_KINDS)[number];

/**
 * The base of an absolute or qualified majority: the valid votes cast (for + against, plus abstentions when they
 * count), the members present (in person or by proxy), or the body's statutory membership. All in vote weight.
 */
export const MAJORITY_BASES = ['valid', 'present', 'statutory'] as const;
export type MajorityBase = (typeof MAJORITY_BASES)[number];

export type MajorityRule =
  | { kind: 'simple' }
  | { kind: 'absolute'; of: MajorityBase }
  | { kind: 'qualified'; fraction: Rational; of: MajorityBase };

/** One vote per member, the member's population, or a weight the coordinator sets per member. */
export const WEIGHTINGS = ['equal', 'population', 'custom'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

/** Named (jawne: the minutes list who voted how) or secret (tajne: only the totals are kept). */
export const BALLOTS = ['named', 'secret'] as const;
export type Ballot = (typeof BALLOTS)[number];

/**
 * A second term (drugi termin): a meeting convened again (e.g. half an hour later) after the first term lacked the
 * quorum may decide with a lower quorum (`quorum`) or without any (`quorum: null`), where the statute says so.
 */
export type SecondTermRule = { quorum: QuorumRule | null };

/**
 * Remote voting (tryb obiegowy, outside a meeting), only where the statute allows it: its own quorum (counted among
 * the members who voted: nobody is present in a remote vote), the majority when it differs from the body's (e.g. an
 * absolute majority of the full membership), and the statute's provision it rests on, shown on the vote.
 */
export type RemoteVotingRule = { quorum: QuorumRule; majority: MajorityRule | null; basis: string };

export type BodyRules = {
  quorum: QuorumRule;
  majority: MajorityRule;
  weighting: Weighting;
  /**
   * Whether abstentions count among the valid votes, i.e. in the base of an absolute or qualified majority "of valid
   * votes" (Polish practice: yes, so an abstention weighs like a vote against there). Never matters for a simple
   * majority, nor for a base of present or statutory members.
   */
  abstentionsCount: boolean;
  /** Whether a member's representative may hand the member's vote to another member's representative for a meeting. */
  proxiesAllowed: boolean;
  ballot: Ballot;
  /** The quorum at a meeting held in its second term; absent or null: a second term changes nothing. */
  secondTerm?: SecondTermRule | null;
  /** On a tie of a named ballot, the chair's vote decides (głos przewodniczącego rozstrzyga); the chair is a member. */
  castingVote?: boolean;
  /** Remote voting: absent or null, the body votes only in meetings. */
  remote?: RemoteVotingRule | null;
};

/** How a vote is taken: at a meeting in its first term, at one in its second term, or remotely. */
export const SITTINGS = ['meeting', 'second_term', 'remote'] as const;
export type Sitting = (typeof SITTINGS)[number];

/**
 * The rules one vote is decided by, frozen as it opens: the body's rules for the kind of resolution with the quorum and
 * majority of how it is taken (`sitting`), and the member whose vote decides a tie (`chairId`, when the rules give the
 * chair a casting vote). Votes opened before these existed have neither field: a meeting's rules as they were.
 */
export type VoteRules = BodyRules & { sitting?: Sitting; chairId?: string | null };

/** "Without regard to the number present": a quorum of at least 0 (always reached), for a second term without one. */
export const NO_QUORUM: Readonly<QuorumRule> = Object.freeze({ basis: 'members', among: 'present', fraction: Object.freeze({ numerator: 0, denominator: 1 }), comparison: 'at_least' });

/** The quorum at a meeting held in its first or second term (the second term's where the rules give one). */
export function quorumAtTerm(rules: Readonly<BodyRules>, term: 'first' | 'second'): QuorumRule {
  const rule = term === 'second' && rules.secondTerm ? (rules.secondTerm.quorum ?? NO_QUORUM) : rules.quorum;
  return JSON.parse(JSON.stringify(rule)) as QuorumRule;
}

export type VoteRulesRefusal = 'remote_not_allowed' | 'no_chair';

/**
 * The rules of one vote from the rules for its kind of resolution: at a second term, the second term's quorum (none
 * when the statute waives it); remotely, the remote quorum and majority, and no proxies (nobody is present to hand a
 * vote to); refused when remote voting is not in the rules, or when the chair's casting vote is (on a named ballot)
 * and the body has no chair.
 */
export function voteRules(rules: Readonly<BodyRules>, sitting: Sitting, chairId: string | null): { ok: true; rules: VoteRules } | { ok: false; reason: VoteRulesRefusal } {
  const base = JSON.parse(JSON.stringify(rules)) as BodyRules;
  let effective: VoteRules = { ...base, sitting };
  if (sitting === 'remote') {
    if (!base.remote) return { ok: false, reason: 'remote_not_allowed' };
    effective = { ...effective, quorum: { ...base.remote.quorum }, majority: base.remote.majority ? { ...base.remote.majority } : base.majority, proxiesAllowed: false };
  } else if (sitting === 'second_term') {
    effective = { ...effective, quorum: quorumAtTerm(base, 'second') };
  }
  if (base.castingVote && base.ballot === 'named') {
    if (!chairId) return { ok: false, reason: 'no_chair' };
    effective.chairId = chairId;
  }
  return { ok: true, rules: effective };
}

/** What differs from the general rules for one kind of resolution; each field replaces the general one whole. */
export type BodyRulesOverride = Partial<BodyRules>;

/** Who changes a meeting's agenda once the meeting adopted it: the meeting by a vote on the change, or the chair. */
export const AGENDA_CHANGERS = ['vote', 'chair'] as const;
export type AgendaChanger = (typeof AGENDA_CHANGERS)[number];

/**
 * How an adopted agenda changes, as the statute or standing orders say: an item added, an item moved. Standing orders
 * commonly let the chair change the order of items and keep new items for the meeting to vote on.
 */
export type AgendaRules = { add: AgendaChanger; move: AgendaChanger };

/** Without agenda rules in the book, every change of an adopted agenda is voted on. */
export const DEFAULT_AGENDA_RULES: Readonly<AgendaRules> = Object.freeze({ add: 'vote', move: 'vote' });

/**
 * A body's rules: the general rules, what differs per kind of resolution (and for procedural votes), and how its
 * meetings' adopted agendas change (none: by a vote, DEFAULT_AGENDA_RULES).
 */
export type BodyRuleBook = { general: BodyRules; byKind: Partial<Record<RuleKind, BodyRulesOverride>>; agenda?: AgendaRules };

/** How a body's adopted agendas change. */
export function agendaRulesOf(book: Readonly<BodyRuleBook>): AgendaRules {
  return { ...DEFAULT_AGENDA_RULES, ...book.agenda };
}

export const HALF: Rational = Object.freeze({ numerator: 1, denominator: 2 });
export const TWO_THIRDS: Rational = Object.freeze({ numerator: 2, denominator: 3 });

/**
 * The general defaults (SSOM statute and common practice): one vote per member; quorum at least half of the body's
 * members present; simple majority; abstentions count among valid votes; no proxies; named ballot.
 */
export const DEFAULT_BODY_RULES: Readonly<BodyRules> = deepFreeze({
  quorum: { basis: 'members', among: 'present', fraction: { ...HALF }, comparison: 'at_least' },
  majority: { kind: 'simple' },
  weighting: 'equal',
  abstentionsCount: true,
  proxiesAllowed: false,
  ballot: 'named',
});

/**
 * The default rule book: elections (of the assembly's chair, SSOM statute) by absolute majority of valid votes in a
 * secret ballot; statute changes (and dissolution) by 2/3 of valid votes; both with the general quorum.
 */
export const DEFAULT_RULE_BOOK: Readonly<BodyRuleBook> = deepFreeze({
  general: DEFAULT_BODY_RULES,
  byKind: {
    election: { majority: { kind: 'absolute', of: 'valid' }, ballot: 'secret' },
    statute_change: { majority: { kind: 'qualified', fraction: { ...TWO_THIRDS }, of: 'valid' } },
  },
});

/** The rules for one kind of resolution (or for procedural votes): the general rules with that kind's overrides (a fresh copy). */
export function rulesFor(book: Readonly<BodyRuleBook>, kind: RuleKind): BodyRules {
  return JSON.parse(JSON.stringify({ ...book.general, ...book.byKind[kind] })) as BodyRules;
}

/** The statute defaults for one kind of resolution (a fresh copy, safe to change). */
export function defaultRulesFor(kind: RuleKind): BodyRules {
  return rulesFor(DEFAULT_RULE_BOOK, kind);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
