import { effectiveVoters, type Attendance } from './proxies';
import { type Comparison, fromUnits, type Rational, reaches, scaledTo, smallestReaching, toUnits } from './rational';
import { HALF, type MajorityBase, type MajorityRule, type QuorumRule, type BodyRules } from './rules';
import { checkVoteAt, type Meeting, type Vote, type VoteChoice, type VoteRefusal } from './votes';
import { voteWeights } from './weights';

/** How many members and how much vote weight (with equal weighting the two are the same). */
export type Figure = { count: number; weight: number };

/**
 * Why a resolution was or was not adopted:
 * - no_quorum: the quorum was not reached, so there is no outcome (adopted is null);
 * - adopted: quorum reached, the required majority reached, and more votes for than against;
 * - tie: rejected with as many votes for as against (and at least one each way), e.g. 7:7 under a simple majority;
 * - rejected: otherwise.
 */
export const OUTCOME_REASONS = ['no_quorum', 'adopted', 'rejected', 'tie'] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

/** The quorum as applied: `actual` (members or weight counted) against `minimum`, the least that reaches it. */
export type QuorumResult = QuorumRule & {
  /** The body's statutory membership, in members or weight (the base of the fraction). */
  total: number;
  actual: number;
  minimum: number;
  reached: boolean;
};

/**
 * The majority as applied: votes for (in weight) compared with `fraction` of `base`. A simple majority is "more than
 * 1/1 of the votes against"; an absolute one "more than 1/2 of" its base; a qualified one "at least `fraction` of" it.
 */
export type ThresholdResult = {
  majority: MajorityRule;
  of: 'against' | MajorityBase;
  fraction: Rational;
  comparison: Comparison;
  base: number;
  /** The least weight for that reaches the threshold (with whole-number weights, the number to print). */
  minimum: number;
  met: boolean;
};

export type Tally = Record<VoteChoice, Figure> & {
  /** The votes that count towards a majority "of valid votes": for and against, and abstentions when they count. */
  valid: Figure;
  /** Every vote accepted. */
  cast: Figure;
};

export type Outcome = {
  /** true adopted, false rejected, null no outcome (no quorum). */
  adopted: boolean | null;
  reason: OutcomeReason;
  quorum: QuorumResult;
  threshold: ThresholdResult;
  /** Every majority also needs more votes for than against (so no kind of majority adopts on a tie). */
  moreForThanAgainst: boolean;
  tally: Tally;
  attendance: { statutory: Figure; present: Figure; represented: Figure; attending: Figure };
  weighting: BodyRules['weighting'];
  abstentionsCount: boolean;
  ballot: BodyRules['ballot'];
  /** Who voted how, in the order of the body's members: named ballots only (null for a secret ballot). */
  roll: Array<{ memberId: string; castBy: string; choice: VoteChoice }> | null;
  refusedVotes: Array<{ vote: Vote; reason: VoteRefusal }>;
  refusedProxies: Attendance['refused'];
  /**
   * Only when the chair's casting vote decided a tie (named ballot, rules with `castingVote`): the chair and its
   * choice, which the result follows. Absent otherwise (so outcomes stored before it existed stay as they were).
   */
  castingVote?: { memberId: string; choice: 'for' | 'against' };
};

type Exact = { count: number; units: bigint };

/**
 * The outcome of a vote at a meeting. Votes are checked one by one in the order given (see `checkVote`); refused
 * ones are listed and not counted. Members represented by proxy count as present. There is no outcome without the
 * quorum. Then the resolution is adopted when the votes for reach the required majority of its base AND are more
 * than the votes against. All arithmetic is exact (whole numbers and cross-multiplication).
 *
 * Throws a RangeError when the members' weights are unusable under the rules' weighting (a member without a
 * population under population weighting, a duplicate id...): check them first with `voteWeights`.
 */
/**
 * A secret ballot as it is kept: who voted (never with the choice) and, per choice, how many votes and how much weight.
 * No row pairs a member with a choice, so the outcome is decided from the totals.
 */
export type SecretTally = {
  voters: readonly string[];
  totals: Record<VoteChoice, { count: number; weight: number }>;
};

export function decide(input: Meeting & ({ votes: readonly Vote[] } | { secret: SecretTally })): Outcome {
  const { rules, members } = input;
  const weighed = voteWeights(members, rules.weighting);
  if (!weighed.ok) throw new RangeError(`decide: unusable weights (${weighed.problems.map((p) => `${p.memberId}: ${p.message}`).join('; ')})`);
  const ids = members.map((member) => member.id);
  const { units, scale } = toUnits(ids.map((id) => weighed.weights[id]));
  const unitsOf = new Map(ids.map((id, index) => [id, units[index]]));
  const exact = (of: Iterable<string>): Exact => {
    let count = 0;
    let sum = 0n;
    for (const id of of) {
      count += 1;
      sum += unitsOf.get(id) ?? 0n;
    }
    return { count, units: sum };
  };
  const shown = (figure: Exact): Figure => ({ count: figure.count, weight: fromUnits(figure.units, scale) });

  const attendance = effectiveVoters({ members, present: input.present, proxies: input.proxies, proxiesAllowed: rules.proxiesAllowed });
  const choiceOf = new Map<string, VoteChoice>();
  const refusedVotes: Outcome['refusedVotes'] = [];
  let tallyFor: Exact;
  let against: Exact;
  let abstain: Exact;
  let cast: Exact;
  if ('secret' in input) {
    // Every ballot was checked when it was cast; the totals are all there is to count.
    const voters = new Set(input.secret.voters.filter((id) => unitsOf.has(id)));
    cast = exact(voters);
    const total = (choice: VoteChoice): Exact => {
      const { count, weight } = input.secret.totals[choice];
      // A weight with more decimal places than the members' cannot be a sum of them: scaledTo throws.
      return { count, units: scaledTo(weight, scale) };
    };
    [tallyFor, against, abstain] = [total('for'), total('against'), total('abstain')];
    const counted = tallyFor.count + against.count + abstain.count;
    const weighed = tallyFor.units + against.units + abstain.units;
    if (counted !== cast.count || weighed !== cast.units || [tallyFor, against, abstain].some((figure) => figure.count < 0)) {
      throw new RangeError('decide: the secret ballot\'s totals do not add up to the members who voted');
    }
  } else {
    const at = { memberIds: new Set(ids), attendance, proxiesAllowed: rules.proxiesAllowed, voted: new Set<string>() };
    for (const vote of input.votes) {
      const check = checkVoteAt(vote, at);
      if (check.ok) {
        choiceOf.set(vote.memberId, vote.choice);
        at.voted.add(vote.memberId);
      } else refusedVotes.push({ vote: { ...vote }, reason: check.reason });
    }
    const withChoice = (choice: VoteChoice) => exact(ids.filter((id) => choiceOf.get(id) === choice));
    [tallyFor, against, abstain] = [withChoice('for'), withChoice('against'), withChoice('abstain')];
    cast = exact(ids.filter((id) => choiceOf.has(id)));
  }
  const valid: Exact = rules.abstentionsCount
    ? { count: tallyFor.count + against.count + abstain.count, units: tallyFor.units + against.units + abstain.units }
    : { count: tallyFor.count + against.count, units: tallyFor.units + against.units };
  const statutory = exact(ids);
  const attending = exact(attendance.voters.map((voter) => voter.memberId));

  const quorum = quorumResult(rules.quorum, statutory, rules.quorum.among === 'present' ? attending : cast, scale);
  const bases: Record<MajorityBase, Exact> = { valid, present: attending, statutory };
  const threshold = thresholdResult(rules.majority, tallyFor.units, against.units, bases, scale);
  const moreForThanAgainst = tallyFor.units > against.units;
  const tie = tallyFor.units === against.units && tallyFor.units > 0n;
  // A tie of a named ballot goes the way the chair voted, where the rules say so (an abstaining chair breaks nothing).
  const chairChoice = rules.castingVote && rules.chairId && !('secret' in input) ? choiceOf.get(rules.chairId) : undefined;
  const castingVote = quorum.reached && tie && (chairChoice === 'for' || chairChoice === 'against') ? { memberId: rules.chairId as string, choice: chairChoice } : null;
  const adopted = !quorum.reached
    ? null
    : castingVote
      ? castingVote.choice === 'for' && (rules.majority.kind === 'simple' || threshold.met)
      : threshold.met && moreForThanAgainst;
  const reason: OutcomeReason = adopted === null ? 'no_quorum' : adopted ? 'adopted' : tie && !castingVote ? 'tie' : 'rejected';

  const byId = new Map(attendance.voters.map((voter) => [voter.memberId, voter.castBy]));
  return {
    adopted,
    reason,
    quorum,
    threshold,
    moreForThanAgainst,
    tally: { for: shown(tallyFor), against: shown(against), abstain: shown(abstain), valid: shown(valid), cast: shown(cast) },
    attendance: {
      statutory: shown(statutory),
      present: shown(exact(attendance.present)),
      represented: shown(exact(attendance.represented)),
      attending: shown(attending),
    },
    weighting: rules.weighting,
    abstentionsCount: rules.abstentionsCount,
    ballot: rules.ballot,
    roll:
      rules.ballot === 'secret'
        ? null
        : ids.filter((id) => choiceOf.has(id)).map((id) => ({ memberId: id, castBy: byId.get(id) as string, choice: choiceOf.get(id) as VoteChoice })),
    refusedVotes,
    refusedProxies: attendance.refused,
    ...(castingVote ? { castingVote } : {}),
  };
}

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

function thresholdResult(majority: MajorityRule, forUnits: bigint, againstUnits: bigint, bases: Record<MajorityBase, Exact>, scale: number): ThresholdResult {
  const [of, fraction, comparison]: [ThresholdResult['of'], Rational, Comparison] =
    majority.kind === 'simple'
      ? ['against', { numerator: 1, denominator: 1 }, 'more_than']
      : majority.kind === 'absolute'
        ? [majority.of, { ...HALF }, 'more_than']
        : [majority.of, { ...majority.fraction }, 'at_least'];
  const base = of === 'against' ? againstUnits : bases[of].units;
  return {
    majority: JSON.parse(JSON.stringify(majority)) as MajorityRule,
    of,
    fraction,
    comparison,
    base: fromUnits(base, scale),
    minimum: fromUnits(smallestReaching(fraction, base, comparison), scale),
    met: reaches(forUnits, fraction, base, comparison),
  };
}
