/**
 * Elections of persons (wybory): a body elects persons to a number of seats (the board's six, the chair's one, the
 * audit committee's), one round at a time. Pure code, exact arithmetic as in outcome.ts: vote weights are whole numbers
 * of a common decimal unit (rational.ts) and every threshold is decided by bigint cross-multiplication.
 *
 * A round is decided from its ballots ({@link tallyElectionRound}) or, for a secret ballot where nobody's marks are
 * kept, from their totals ({@link tallyElectionFromTotals}); both give the same result for the same ballots.
 *
 * The choices made, in one place:
 * - Ballots. A ballot of a member who is not a member of the body, not present (in person or by proxy), or who already
 *   cast one is REFUSED: it is not a ballot of the body and counts nowhere. Any other ballot is CAST (it counts for a
 *   quorum among those voting) and is either INVALID (not counted towards anyone: see {@link INVALID_BALLOT_REASONS}) or
 *   VALID. A valid ballot marking nobody is BLANK.
 * - choose_up_to: a ballot marks at most as many candidates as there are seats open in the round. A mark is a vote for
 *   that candidate. The base of a majority "of valid votes" is the weight of the valid ballots (not of the marks), with
 *   blank ballots in it only when abstentions count (`abstentionsCount`): a blank ballot is an abstention from the
 *   whole round, so, like an abstention on a resolution, it weighs against everyone exactly when abstentions count.
 *   A simple majority here is a plurality: any candidate with at least one vote reaches it, and the seats go to those
 *   with the most votes (there are no votes against to compare with).
 * - per_candidate: a ballot marks each candidate for, against or abstain. A candidate left unmarked gets no vote from
 *   that ballot (neither in its for, against, abstain nor its base); a ballot with no mark at all is blank and counts
 *   in nobody's base (it says nothing about any candidate; to weigh against, a voter marks against or abstains). The
 *   base of a majority "of valid votes" is the candidate's own for + against (+ abstain when abstentions count); a
 *   simple majority is more for than against, as for a resolution.
 * - Every candidate elected has reached the required majority, has more votes for than against and at least one vote
 *   for (so a majority of an empty base elects nobody), and the quorum was reached. Without the quorum nobody is elected.
 * - Seats: when more candidates reach the majority than there are seats, those with the most votes for (in weight)
 *   take them. Candidates tied for the last seat(s) are not elected in this round (tie rule 'new_round': the seats stay
 *   open and they stand again), or a draw by lot among them is pending ('lot': this code never draws; the chair records
 *   the draw held in the room, {@link validateLotDraw}).
 * - A further round ('top_candidates'): the candidates not elected with the most votes for, twice as many as the seats
 *   still open, everyone tied at the cut-off included, and always those tied for the last seat. A candidate with no
 *   vote for at all is left out (nobody chose them, so they are not "among those with the most votes"), even when that
 *   leaves fewer candidates than twice the seats. 'all_remaining': every candidate not elected stands again, votes or
 *   not. 'none': no further round, the seats stay unfilled. After round `maxRounds` there is no further round either.
 *
 * Candidates are listed in the order given (the ballot paper's); elected candidates and those of a further round in
 * the order of their votes for, ties in the order given.
 */
import type { Figure, QuorumResult } from './outcome';
import { type Comparison, fromUnits, type Rational, reaches, scaledTo, smallestReaching, toUnits } from './rational';
import { HALF, type MajorityBase, type MajorityRule, NO_QUORUM, type QuorumRule, type Weighting } from './rules';
import { type RuleProblem, type Validation, validateRulesOverride } from './validation';
import { VOTE_CHOICES, type VoteChoice } from './votes';
import { voteWeights, type VotingMember } from './weights';

/** A ballot marks each candidate for / against / abstain, or marks at most as many candidates as seats are open. */
export const ELECTION_BALLOT_FORMS = ['per_candidate', 'choose_up_to'] as const;
export type ElectionBallotForm = (typeof ELECTION_BALLOT_FORMS)[number];

/** Who stands in a further round when seats remain open (see the file's comment). */
export const ELECTION_NEXT_ROUNDS = ['top_candidates', 'all_remaining', 'none'] as const;
export type ElectionNextRound = (typeof ELECTION_NEXT_ROUNDS)[number];

/** A tie for the last seat: those tied stand in a further round, or a draw by lot decides among them. */
export const ELECTION_TIE_RULES = ['new_round', 'lot'] as const;
export type ElectionTieRule = (typeof ELECTION_TIE_RULES)[number];

/** The most rounds a rule book may allow. */
export const ELECTION_MAX_ROUNDS = 10;

export type ElectionRules = {
  form: ElectionBallotForm;
  /** As for resolutions; "valid" means the valid ballots (choose_up_to) or the candidate's valid votes (per_candidate). */
  majority: MajorityRule;
  /** Whether abstentions (per_candidate) and blank ballots (choose_up_to) count in a base of valid votes. */
  abstentionsCount: boolean;
  nextRound: ElectionNextRound;
  /** The last round there may be (1 to {@link ELECTION_MAX_ROUNDS}); seats still open after it stay unfilled. */
  maxRounds: number;
  tie: ElectionTieRule;
};

/**
 * The default (SSOM statute: the chair by absolute majority of valid votes, by secret ballot): each voter marks at most
 * as many candidates as there are seats; more than half of the valid ballots (blank ones included) elects; up to three
 * rounds, each further one among twice as many candidates as seats remain; a tie goes to a further round.
 */
export const DEFAULT_ELECTION_RULES: Readonly<ElectionRules> = deepFreeze({
  form: 'choose_up_to',
  majority: { kind: 'absolute', of: 'valid' },
  abstentionsCount: true,
  nextRound: 'top_candidates',
  maxRounds: 3,
  tie: 'new_round',
});

/** A per_candidate ballot: a mark for each candidate it marks (an unmarked candidate gets no vote from it). */
export type PerCandidateBallot = { memberId: string; marks: Readonly<Record<string, VoteChoice>> };
/** A choose_up_to ballot: the candidates it marks (none: a blank ballot). */
export type ChooseUpToBallot = { memberId: string; chosen: readonly string[] };
export type ElectionBallot = PerCandidateBallot | ChooseUpToBallot;

/**
 * Why a ballot is refused (not a ballot of the body, counted nowhere), checked in this order: its member is not a
 * member of the body; a ballot for that member was already cast; the member is neither present nor represented.
 */
export const ELECTION_BALLOT_REFUSALS = ['not_a_member', 'already_voted', 'not_present'] as const;
export type ElectionBallotRefusal = (typeof ELECTION_BALLOT_REFUSALS)[number];

/**
 * Why a cast ballot is invalid (głos nieważny), checked in this order: it is not of the round's form; it names someone
 * not standing in the round; it names a candidate twice (choose_up_to); a mark is not for, against or abstain
 * (per_candidate); it marks more candidates than there are seats open (choose_up_to).
 */
export const INVALID_BALLOT_REASONS = ['wrong_form', 'unknown_candidate', 'duplicate_candidate', 'invalid_mark', 'too_many_marks'] as const;
export type InvalidBallotReason = (typeof INVALID_BALLOT_REASONS)[number];

/**
 * One round as the rule engine sees it. `present` lists the members whose vote can be cast: present in person or
 * represented by an accepted proxy (`effectiveVoters(...).voters`); a proxy holder casts the member's ballot under the
 * member's id. `quorum` null: no quorum needed (e.g. a second term without one).
 */
export type ElectionRoundInput = {
  rules: ElectionRules;
  /** 1 for the first round. */
  round: number;
  /** Seats still open in this round (a choose_up_to ballot may mark this many). */
  seatsOpen: number;
  /** The candidates standing in this round, in the ballot paper's order. */
  candidates: readonly string[];
  members: readonly VotingMember[];
  weighting: Weighting;
  present: readonly string[];
  quorum: QuorumRule | null;
};

/**
 * A secret round as it is kept: who cast a ballot (never with its marks), how many of those ballots were invalid and
 * how many blank (count and weight), and per candidate standing the votes for (and, per_candidate, against and
 * abstaining). Weights are sums of the members' weights as `Figure` shows them.
 */
export type ElectionTotals = {
  voters: readonly string[];
  invalid: Figure;
  blank: Figure;
  candidates: Readonly<Record<string, { for: Figure; against?: Figure; abstain?: Figure }>>;
};

/**
 * The majority as applied to one candidate: votes for compared with `fraction` of `base`. Simple per_candidate: more
 * than 1/1 of the votes against; simple choose_up_to ('plurality'): more than nothing, the most votes take the seats;
 * absolute: more than half of the base; qualified: at least `fraction` of it.
 */
export type ElectionThreshold = {
  of: 'against' | 'plurality' | MajorityBase;
  fraction: Rational;
  comparison: Comparison;
  base: number;
  /** The least weight for that reaches the threshold. */
  minimum: number;
  met: boolean;
};

export type ElectionCandidateResult = {
  candidateId: string;
  for: Figure;
  /** Always nothing for choose_up_to. */
  against: Figure;
  abstain: Figure;
  /** The candidate's valid votes: the base of a majority of valid votes (for choose_up_to, the round's). */
  valid: Figure;
  threshold: ElectionThreshold;
  moreForThanAgainst: boolean;
  /** The threshold met, more for than against, and at least one vote for. */
  reachedMajority: boolean;
  elected: boolean;
};

/**
 * What comes after the round: a further round (its candidates and seats), a draw by lot among candidates tied for the
 * last `seats` seats (pending: the result of the draw completes the election), or nothing more, because all seats are
 * filled, there was no quorum (nothing was decided), the rules have no further round, this was the last round allowed,
 * or no candidate is left for one.
 */
export type ElectionNext =
  | { kind: 'round'; round: number; candidates: string[]; seats: number }
  | { kind: 'lot'; among: string[]; seats: number }
  | { kind: 'done'; reason: 'filled' | 'no_quorum' | 'no_further_round' | 'max_rounds' | 'no_candidates' };

export type ElectionRoundResult = {
  round: number;
  seatsOpen: number;
  form: ElectionBallotForm;
  majority: MajorityRule;
  abstentionsCount: boolean;
  weighting: Weighting;
  quorum: QuorumResult;
  attendance: { statutory: Figure; present: Figure };
  /** cast = valid + invalid; blank ballots are among the valid ones. */
  ballots: { cast: Figure; valid: Figure; invalid: Figure; blank: Figure };
  /** In the order the candidates were given. */
  candidates: ElectionCandidateResult[];
  /** In the order of votes for. */
  elected: string[];
  /** Seats open less those elected (including seats pending a draw by lot). */
  seatsRemaining: number;
  next: ElectionNext;
  /** From individual ballots only (a round decided from totals lists none). */
  refusedBallots: Array<{ ballot: ElectionBallot; reason: ElectionBallotRefusal }>;
  invalidBallots: Array<{ ballot: ElectionBallot; reason: InvalidBallotReason }>;
};

type Exact = { count: number; units: bigint };
type Marks = Record<VoteChoice, Exact>;
type Counted = { cast: Exact; invalid: Exact; blank: Exact; marks: Map<string, Marks> };
type Context = { unitsOf: Map<string, bigint>; scale: number; statutory: Exact; present: Exact; presentIds: Set<string> };

const NOTHING: Exact = Object.freeze({ count: 0, units: 0n });

/**
 * Decides one round from its ballots, checked one by one in the order given: refused ones are listed and counted
 * nowhere, invalid ones are listed and counted as cast only. Throws a RangeError for a malformed round (seats, round or
 * candidates) or members' weights unusable under the weighting (see `voteWeights`).
 */
export function tallyElectionRound(input: ElectionRoundInput & { ballots: readonly ElectionBallot[] }): ElectionRoundResult {
  const context = prepare(input);
  const candidates = new Set(input.candidates);
  const marks = emptyMarks(input.candidates);
  let cast = NOTHING;
  let invalid = NOTHING;
  let blank = NOTHING;
  const voted = new Set<string>();
  const refusedBallots: ElectionRoundResult['refusedBallots'] = [];
  const invalidBallots: ElectionRoundResult['invalidBallots'] = [];
  for (const ballot of input.ballots) {
    const refusal = refusalOf(ballot, context, voted);
    if (refusal) {
      refusedBallots.push({ ballot: copy(ballot), reason: refusal });
      continue;
    }
    voted.add(ballot.memberId);
    const one: Exact = { count: 1, units: context.unitsOf.get(ballot.memberId) as bigint };
    cast = add(cast, one);
    const read = readBallot(ballot, input.rules.form, candidates, input.seatsOpen);
    if ('reason' in read) {
      invalid = add(invalid, one);
      invalidBallots.push({ ballot: copy(ballot), reason: read.reason });
      continue;
    }
    if (read.marks.length === 0) blank = add(blank, one);
    for (const [candidateId, choice] of read.marks) {
      const figures = marks.get(candidateId) as Marks;
      figures[choice] = add(figures[choice], one);
    }
  }
  return decideRound(input, context, { cast, invalid, blank, marks }, refusedBallots, invalidBallots);
}

/**
 * Decides one round of a secret ballot from its totals alone; the same result as {@link tallyElectionRound} on the
 * ballots they sum (with no ballot listed as refused or invalid). Throws a RangeError when the totals cannot be sums of
 * the voters' ballots: a voter who is not a member, not present or listed twice; a candidate missing or not standing;
 * negative figures; more invalid and blank ballots than cast; a candidate with more votes than non-blank valid
 * ballots; marks that do not fit the non-blank ballots (each marks at least one candidate and, choose_up_to, at most
 * the seats); votes against or abstaining on a choose_up_to ballot; a weight with more decimal places than the members'.
 */
export function tallyElectionFromTotals(input: ElectionRoundInput & { totals: ElectionTotals }): ElectionRoundResult {
  const context = prepare(input);
  const { totals } = input;
  const fail = (why: string): never => {
    throw new RangeError(`tallyElectionFromTotals: ${why}`);
  };
  const voters = new Set<string>();
  for (const id of totals.voters) {
    if (!context.unitsOf.has(id)) fail(`${id} is not a member`);
    if (!context.presentIds.has(id)) fail(`${id} is not present`);
    if (voters.has(id)) fail(`${id} is listed twice`);
    voters.add(id);
  }
  const cast = sumOf(voters, context.unitsOf);
  const exact = (figure: Figure | undefined, what: string): Exact => {
    if (figure === undefined) return NOTHING;
    if (!Number.isSafeInteger(figure.count) || figure.count < 0) fail(`${what}: the count must be a whole number, not negative`);
    const units = scaledTo(figure.weight, context.scale); // throws on a negative weight or too many decimal places
    if ((figure.count === 0) !== (units === 0n)) fail(`${what}: a count without weight or weight without a count`);
    return { count: figure.count, units };
  };
  const invalid = exact(totals.invalid, 'invalid');
  const blank = exact(totals.blank, 'blank');
  if (!fits(add(invalid, blank), cast)) fail('more invalid and blank ballots than ballots cast');
  const marked = subtract(subtract(cast, invalid), blank);
  const known = new Set(input.candidates);
  for (const id of Object.keys(totals.candidates)) if (!known.has(id)) fail(`${id} is not standing in this round`);
  const marks = new Map<string, Marks>();
  let allMarks = NOTHING;
  for (const id of input.candidates) {
    const given = Object.hasOwn(totals.candidates, id) ? totals.candidates[id] : fail(`no totals for ${id}`);
    const figures: Marks = { for: exact(given.for, `${id}.for`), against: exact(given.against, `${id}.against`), abstain: exact(given.abstain, `${id}.abstain`) };
    if (input.rules.form === 'choose_up_to' && (figures.against.count > 0 || figures.abstain.count > 0)) fail(`${id}: a choose_up_to ballot has no votes against or abstaining`);
    const onCandidate = add(add(figures.for, figures.against), figures.abstain);
    if (!fits(onCandidate, marked)) fail(`${id} has more votes than non-blank valid ballots`);
    allMarks = add(allMarks, onCandidate);
    marks.set(id, figures);
  }
  if (!fits(marked, allMarks)) fail('a non-blank valid ballot marks at least one candidate');
  if (input.rules.form === 'choose_up_to') {
    const seats = BigInt(input.seatsOpen);
    if (allMarks.count > input.seatsOpen * marked.count || allMarks.units > seats * marked.units) fail('more marks than the seats allow on the ballots');
  }
  return decideRound(input, context, { cast, invalid, blank, marks }, [], []);
}

/** Checks the round and works out the weights in whole units, the statutory membership and who is present. */
function prepare(input: ElectionRoundInput): Context {
  const { rules, round, seatsOpen, candidates } = input;
  if (!Number.isSafeInteger(seatsOpen) || seatsOpen < 1) throw new RangeError('election: seatsOpen must be a positive whole number');
  if (!Number.isSafeInteger(rules.maxRounds) || rules.maxRounds < 1) throw new RangeError('election: maxRounds must be a positive whole number');
  if (!Number.isSafeInteger(round) || round < 1 || round > rules.maxRounds) throw new RangeError(`election: round must be a whole number from 1 to ${rules.maxRounds}`);
  if (candidates.length === 0) throw new RangeError('election: no candidates');
  if (candidates.some((id) => typeof id !== 'string' || id === '') || new Set(candidates).size !== candidates.length) {
    throw new RangeError('election: candidates must be distinct non-empty ids');
  }
  const weighed = voteWeights(input.members, input.weighting);
  if (!weighed.ok) throw new RangeError(`election: unusable weights (${weighed.problems.map((p) => `${p.memberId}: ${p.message}`).join('; ')})`);
  const ids = input.members.map((member) => member.id);
  const { units, scale } = toUnits(ids.map((id) => weighed.weights[id]));
  const unitsOf = new Map(ids.map((id, index) => [id, units[index]]));
  const presentIds = new Set(input.present.filter((id) => unitsOf.has(id)));
  return { unitsOf, scale, statutory: sumOf(ids, unitsOf), present: sumOf(presentIds, unitsOf), presentIds };
}

function refusalOf(ballot: ElectionBallot, context: Context, voted: ReadonlySet<string>): ElectionBallotRefusal | null {
  const memberId = ballot?.memberId;
  if (typeof memberId !== 'string' || !context.unitsOf.has(memberId)) return 'not_a_member';
  if (voted.has(memberId)) return 'already_voted';
  if (!context.presentIds.has(memberId)) return 'not_present';
  return null;
}

/** A cast ballot's marks (none: blank), or why it is invalid. */
function readBallot(
  ballot: ElectionBallot,
  form: ElectionBallotForm,
  candidates: ReadonlySet<string>,
  seats: number,
): { marks: Array<[string, VoteChoice]> } | { reason: InvalidBallotReason } {
  if (form === 'choose_up_to') {
    const chosen = (ballot as Partial<ChooseUpToBallot>).chosen;
    if (!Array.isArray(chosen) || 'marks' in ballot) return { reason: 'wrong_form' };
    if (chosen.some((id) => typeof id !== 'string' || !candidates.has(id))) return { reason: 'unknown_candidate' };
    if (new Set(chosen).size !== chosen.length) return { reason: 'duplicate_candidate' };
    if (chosen.length > seats) return { reason: 'too_many_marks' };
    return { marks: chosen.map((id) => [id, 'for']) };
  }
  const marks = (ballot as Partial<PerCandidateBallot>).marks;
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks) || 'chosen' in ballot) return { reason: 'wrong_form' };
  const entries = Object.entries(marks);
  if (entries.some(([id]) => !candidates.has(id))) return { reason: 'unknown_candidate' };
  if (entries.some(([, choice]) => !(VOTE_CHOICES as readonly unknown[]).includes(choice))) return { reason: 'invalid_mark' };
  return { marks: entries };
}

function decideRound(
  input: ElectionRoundInput,
  context: Context,
  counted: Counted,
  refusedBallots: ElectionRoundResult['refusedBallots'],
  invalidBallots: ElectionRoundResult['invalidBallots'],
): ElectionRoundResult {
  const { rules, seatsOpen, round } = input;
  const { scale } = context;
  const shown = (figure: Exact): Figure => ({ count: figure.count, weight: fromUnits(figure.units, scale) });
  const validBallots = subtract(counted.cast, counted.invalid);
  const roundValid = rules.abstentionsCount ? validBallots : subtract(validBallots, counted.blank);
  const quorum = quorumResult(input.quorum ?? NO_QUORUM, context.statutory, (input.quorum ?? NO_QUORUM).among === 'present' ? context.present : counted.cast, scale);

  type Standing = ElectionCandidateResult & { forUnits: bigint; index: number };
  const standing: Standing[] = input.candidates.map((candidateId, index) => {
    const figures = counted.marks.get(candidateId) as Marks;
    const valid =
      rules.form === 'choose_up_to'
        ? roundValid
        : rules.abstentionsCount
          ? add(add(figures.for, figures.against), figures.abstain)
          : add(figures.for, figures.against);
    const threshold = thresholdFor(rules, figures.for.units, figures.against.units, { valid: valid.units, present: context.present.units, statutory: context.statutory.units }, scale);
    const moreForThanAgainst = figures.for.units > figures.against.units;
    return {
      candidateId,
      for: shown(figures.for),
      against: shown(figures.against),
      abstain: shown(figures.abstain),
      valid: shown(valid),
      threshold,
      moreForThanAgainst,
      reachedMajority: threshold.met && moreForThanAgainst && figures.for.units > 0n,
      elected: false,
      forUnits: figures.for.units,
      index,
    };
  });
  const byVotes = (a: Standing, b: Standing) => (a.forUnits === b.forUnits ? a.index - b.index : a.forUnits > b.forUnits ? -1 : 1);

  let elected: Standing[] = [];
  let tied: Standing[] = [];
  if (quorum.reached) {
    const ranked = standing.filter((candidate) => candidate.reachedMajority).sort(byVotes);
    if (ranked.length <= seatsOpen || ranked[seatsOpen].forUnits < ranked[seatsOpen - 1].forUnits) elected = ranked.slice(0, seatsOpen);
    else {
      const last = ranked[seatsOpen - 1].forUnits;
      elected = ranked.filter((candidate) => candidate.forUnits > last);
      tied = ranked.filter((candidate) => candidate.forUnits === last);
    }
    for (const candidate of elected) candidate.elected = true;
  }
  const seatsRemaining = seatsOpen - elected.length;

  let next: ElectionNext;
  if (!quorum.reached) next = { kind: 'done', reason: 'no_quorum' };
  else if (seatsRemaining === 0) next = { kind: 'done', reason: 'filled' };
  else if (tied.length > 0 && rules.tie === 'lot') next = { kind: 'lot', among: tied.map((candidate) => candidate.candidateId), seats: seatsRemaining };
  else if (rules.nextRound === 'none') next = { kind: 'done', reason: 'no_further_round' };
  else if (round >= rules.maxRounds) next = { kind: 'done', reason: 'max_rounds' };
  else {
    const notElected = standing.filter((candidate) => !candidate.elected).sort(byVotes);
    let standingAgain = notElected;
    if (rules.nextRound === 'top_candidates') {
      const withVotes = notElected.filter((candidate) => candidate.forUnits > 0n);
      const wanted = 2 * seatsRemaining;
      const cut = withVotes.length > wanted ? withVotes[wanted - 1].forUnits : 0n;
      const tiedIds = new Set(tied.map((candidate) => candidate.candidateId));
      standingAgain = withVotes.filter((candidate) => candidate.forUnits >= cut || tiedIds.has(candidate.candidateId));
    }
    next =
      standingAgain.length === 0
        ? { kind: 'done', reason: 'no_candidates' }
        : { kind: 'round', round: round + 1, candidates: standingAgain.map((candidate) => candidate.candidateId), seats: seatsRemaining };
  }

  return {
    round,
    seatsOpen,
    form: rules.form,
    majority: copy(rules.majority),
    abstentionsCount: rules.abstentionsCount,
    weighting: input.weighting,
    quorum,
    attendance: { statutory: shown(context.statutory), present: shown(context.present) },
    ballots: { cast: shown(counted.cast), valid: shown(validBallots), invalid: shown(counted.invalid), blank: shown(counted.blank) },
    candidates: standing.map(({ forUnits: _units, index: _index, ...candidate }) => candidate),
    elected: elected.map((candidate) => candidate.candidateId),
    seatsRemaining,
    next,
    refusedBallots,
    invalidBallots,
  };
}

function thresholdFor(rules: ElectionRules, forUnits: bigint, againstUnits: bigint, bases: Record<MajorityBase, bigint>, scale: number): ElectionThreshold {
  const { majority } = rules;
  const [of, fraction, comparison]: [ElectionThreshold['of'], Rational, Comparison] =
    majority.kind === 'simple'
      ? [rules.form === 'choose_up_to' ? 'plurality' : 'against', { numerator: 1, denominator: 1 }, 'more_than']
      : majority.kind === 'absolute'
        ? [majority.of, { ...HALF }, 'more_than']
        : [majority.of, { ...majority.fraction }, 'at_least'];
  const base = of === 'plurality' ? 0n : of === 'against' ? againstUnits : bases[of];
  return {
    of,
    fraction,
    comparison,
    base: fromUnits(base, scale),
    minimum: fromUnits(smallestReaching(fraction, base, comparison), scale),
    met: reaches(forUnits, fraction, base, comparison),
  };
}

/** As outcome.ts applies a quorum: members counted (or their weight) against a fraction of the statutory membership. */
function quorumResult(rule: QuorumRule, statutory: Exact, counted: Exact, scale: number): QuorumResult {
  const byWeight = rule.basis === 'weight';
  const total = byWeight ? statutory.units : BigInt(statutory.count);
  const actual = byWeight ? counted.units : BigInt(counted.count);
  const show = (value: bigint) => (byWeight ? fromUnits(value, scale) : Number(value));
  return {
    basis: rule.basis,
    among: rule.among,
    fraction: { ...rule.fraction },
    comparison: rule.comparison,
    total: show(total),
    actual: show(actual),
    minimum: show(smallestReaching(rule.fraction, total, rule.comparison)),
    reached: reaches(actual, rule.fraction, total, rule.comparison),
  };
}

/**
 * Checks the result of a draw by lot the chair records for a round whose next step is a draw: exactly as many
 * candidates as the seats drawn for, each among those tied, none twice. Returns the candidates drawn (a copy, in the
 * order given) or the problems, each naming the field `drawn`.
 */
export function validateLotDraw(next: ElectionNext, drawn: unknown): Validation<string[]> {
  if (next.kind !== 'lot') return { ok: false, problems: [{ field: 'drawn', message: 'the round leaves no draw by lot to record' }] };
  if (!Array.isArray(drawn) || drawn.some((id) => typeof id !== 'string')) return { ok: false, problems: [{ field: 'drawn', message: 'must be a list of candidate ids' }] };
  const problems: RuleProblem[] = [];
  if (drawn.length !== next.seats) problems.push({ field: 'drawn', message: `must name exactly ${next.seats} candidate(s), the seats drawn for` });
  if (new Set(drawn).size !== drawn.length) problems.push({ field: 'drawn', message: 'names a candidate twice' });
  const outside = drawn.filter((id) => !next.among.includes(id));
  if (outside.length > 0) problems.push({ field: 'drawn', message: 'names a candidate who is not among those tied' });
  return problems.length ? { ok: false, problems } : { ok: true, value: [...drawn] };
}

const ELECTION_RULE_FIELDS = ['form', 'majority', 'abstentionsCount', 'nextRound', 'maxRounds', 'tie'] as const;

/**
 * Checks election rules sent by a client: every field present and known, the majority as for resolutions, maxRounds
 * a whole number from 1 to {@link ELECTION_MAX_ROUNDS}. Returns the rules (a copy) or every problem, each naming its
 * field ('electionRules.majority.of' with `at` 'electionRules').
 */
export function validateElectionRules(input: unknown, at = ''): Validation<ElectionRules> {
  const problems: RuleProblem[] = [];
  const field = (key: string) => (at ? `${at}.${key}` : key);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ field: at || 'electionRules', message: 'must be an object' }] };
  }
  const value = input as Record<string, unknown>;
  for (const key of Object.keys(value)) if (!(ELECTION_RULE_FIELDS as readonly string[]).includes(key)) problems.push({ field: field(key), message: 'is not a known field' });
  for (const key of ELECTION_RULE_FIELDS) if (value[key] === undefined) problems.push({ field: field(key), message: 'is required' });
  const oneOf = (key: string, values: readonly string[]) => {
    if (value[key] !== undefined && (typeof value[key] !== 'string' || !values.includes(value[key] as string))) {
      problems.push({ field: field(key), message: `must be one of ${values.join(', ')}` });
    }
  };
  oneOf('form', ELECTION_BALLOT_FORMS);
  oneOf('nextRound', ELECTION_NEXT_ROUNDS);
  oneOf('tie', ELECTION_TIE_RULES);
  // The majority and abstentionsCount are checked exactly as a resolution's are.
  const shared = validateRulesOverride({ majority: value.majority, abstentionsCount: value.abstentionsCount }, at);
  if (!shared.ok) problems.push(...shared.problems);
  const maxRounds = value.maxRounds;
  if (maxRounds !== undefined && (!Number.isSafeInteger(maxRounds) || (maxRounds as number) < 1 || (maxRounds as number) > ELECTION_MAX_ROUNDS)) {
    problems.push({ field: field('maxRounds'), message: `must be a whole number from 1 to ${ELECTION_MAX_ROUNDS}` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: copy(value as ElectionRules) };
}

function emptyMarks(candidates: readonly string[]): Map<string, Marks> {
  return new Map(candidates.map((id) => [id, { for: NOTHING, against: NOTHING, abstain: NOTHING }]));
}

function sumOf(ids: Iterable<string>, unitsOf: ReadonlyMap<string, bigint>): Exact {
  let count = 0;
  let units = 0n;
  for (const id of ids) {
    count += 1;
    units += unitsOf.get(id) ?? 0n;
  }
  return { count, units };
}

function add(a: Exact, b: Exact): Exact {
  return { count: a.count + b.count, units: a.units + b.units };
}

function subtract(a: Exact, b: Exact): Exact {
  return { count: a.count - b.count, units: a.units - b.units };
}

/** Whether `part` is at most `whole`, in count and in weight. */
function fits(part: Exact, whole: Exact): boolean {
  return part.count <= whole.count && part.units <= whole.units;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
