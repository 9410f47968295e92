import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ELECTION_BALLOT_FORMS,
  ELECTION_NEXT_ROUNDS,
  ELECTION_TIE_RULES,
  type ElectionBallot,
  type ElectionRoundInput,
  type ElectionRoundResult,
  type ElectionRules,
  type ElectionTotals,
  tallyElectionFromTotals,
  tallyElectionRound,
} from './elections';
import { COMPARISONS, fromUnits, type Rational, toUnits } from './rational';
import { MAJORITY_BASES, type MajorityRule, QUORUM_BASES, QUORUM_COUNTS, type QuorumRule, type Weighting, WEIGHTINGS } from './rules';
import { VOTE_CHOICES, type VoteChoice } from './votes';
import { voteWeights, type VotingMember } from './weights';

const fraction: fc.Arbitrary<Rational> = fc
  .integer({ min: 1, max: 12 })
  .chain((denominator) => fc.integer({ min: 1, max: denominator }).map((numerator) => ({ numerator, denominator })));

const majority: fc.Arbitrary<MajorityRule> = fc.oneof(
  fc.constant({ kind: 'simple' as const }),
  fc.record({ kind: fc.constant('absolute' as const), of: fc.constantFrom(...MAJORITY_BASES) }),
  fc.record({ kind: fc.constant('qualified' as const), fraction, of: fc.constantFrom(...MAJORITY_BASES) }),
);

const anyRules: fc.Arbitrary<ElectionRules> = fc.record({
  form: fc.constantFrom(...ELECTION_BALLOT_FORMS),
  majority,
  abstentionsCount: fc.boolean(),
  nextRound: fc.constantFrom(...ELECTION_NEXT_ROUNDS),
  maxRounds: fc.integer({ min: 1, max: 4 }),
  tie: fc.constantFrom(...ELECTION_TIE_RULES),
});

const quorum: fc.Arbitrary<QuorumRule | null> = fc.option(
  fc.record({ basis: fc.constantFrom(...QUORUM_BASES), among: fc.constantFrom(...QUORUM_COUNTS), fraction, comparison: fc.constantFrom(...COMPARISONS) }),
  { nil: null, freq: 3 },
);

/** 1–10 members with populations and custom weights of up to four decimal places. */
const anyMembers: fc.Arbitrary<VotingMember[]> = fc
  .array(fc.record({ population: fc.integer({ min: 1, max: 2_000_000 }), weight: fc.integer({ min: 1, max: 1_000_000 }).map((units) => units / 10_000) }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((list) => list.map((member, index) => ({ id: `m${index + 1}`, ...member })));

type Scenario = { input: ElectionRoundInput; ballots: ElectionBallot[]; idle: string[] };

/** A ballot of the round's form, mostly valid: sometimes too many marks, an unknown candidate, or the other form. */
function ballotFor(form: ElectionRules['form'], candidates: string[], seats: number): fc.Arbitrary<Omit<ElectionBallot, 'memberId'>> {
  const upToSeats = Math.min(seats, candidates.length);
  const chooseUpTo = fc.oneof(
    { weight: 12, arbitrary: fc.shuffledSubarray(candidates, { maxLength: upToSeats }) },
    { weight: 1, arbitrary: fc.shuffledSubarray(candidates) },
    { weight: 1, arbitrary: fc.shuffledSubarray(candidates, { maxLength: upToSeats }).map((chosen) => [...chosen, 'nobody']) },
  ).map((chosen) => ({ chosen }));
  const perCandidate = fc
    .tuple(
      fc.array(fc.constantFrom<VoteChoice | null>('for', 'for', 'against', 'abstain', null), { minLength: candidates.length, maxLength: candidates.length }),
      fc.constantFrom<'plain' | 'unknown' | 'bad_mark'>(...Array<'plain'>(12).fill('plain'), 'unknown', 'bad_mark'),
    )
    .map(([choices, twist]) => {
      const marks: Record<string, VoteChoice> = {};
      candidates.forEach((id, i) => {
        if (choices[i]) marks[id] = choices[i];
      });
      if (twist === 'unknown') marks.nobody = 'for';
      if (twist === 'bad_mark') marks[candidates[0]] = 'maybe' as VoteChoice;
      return { marks };
    });
  const own = form === 'choose_up_to' ? chooseUpTo : perCandidate;
  const other = form === 'choose_up_to' ? perCandidate : chooseUpTo;
  return fc.oneof({ weight: 15, arbitrary: own }, { weight: 1, arbitrary: other });
}

/**
 * A round under any rules: members, who is present, a ballot (or none) from each member present, and ballots that
 * must be refused (a stranger's, absent members'). No member has two ballots (order would matter: the first stands).
 */
function scenario(rules: fc.Arbitrary<ElectionRules> = anyRules, weightings: readonly Weighting[] = WEIGHTINGS): fc.Arbitrary<Scenario> {
  return fc
    .record({ rules, members: anyMembers, weighting: fc.constantFrom(...weightings), quorum, candidateCount: fc.integer({ min: 1, max: 6 }), seatsOpen: fc.integer({ min: 1, max: 4 }) })
    .chain(({ rules: electionRules, members, weighting, quorum: quorumRule, candidateCount, seatsOpen }) => {
      const candidates = Array.from({ length: candidateCount }, (_, i) => `c${i + 1}`);
      const ballot = ballotFor(electionRules.form, candidates, seatsOpen);
      return fc
        .record({
          round: fc.integer({ min: 1, max: electionRules.maxRounds }),
          present: fc.array(fc.integer({ min: 0, max: 5 }).map((n) => n > 0), { minLength: members.length, maxLength: members.length }),
          ballots: fc.array(fc.option(ballot, { freq: 6 }), { minLength: members.length, maxLength: members.length }),
          stranger: fc.option(ballot, { freq: 4 }),
          absent: fc.array(ballot, { maxLength: 2 }),
        })
        .map(({ round, present, ballots, stranger, absent }) => {
          const presentIds = members.filter((_, i) => present[i]).map((member) => member.id);
          const absentIds = members.filter((_, i) => !present[i]).map((member) => member.id);
          const cast: ElectionBallot[] = [];
          const idle: string[] = [];
          members.forEach((member, i) => {
            if (!present[i]) return;
            const own = ballots[i];
            if (own) cast.push({ memberId: member.id, ...own } as ElectionBallot);
            else idle.push(member.id);
          });
          if (stranger) cast.push({ memberId: 'stranger', ...stranger } as ElectionBallot);
          absent.forEach((extra, i) => {
            if (i < absentIds.length) cast.push({ memberId: absentIds[i], ...extra } as ElectionBallot);
          });
          const input: ElectionRoundInput = { rules: electionRules, round, seatsOpen, candidates, members, weighting, present: presentIds, quorum: quorumRule };
          return { input, ballots: cast, idle };
        });
    })
    .filter(({ input }) => voteWeights(input.members, input.weighting).ok);
}

/** Rounds where ties are common: one vote each, no quorum to miss, a plurality or a low majority. */
const tieProne = scenario(
  anyRules.map((rules) => ({ ...rules, majority: rules.majority.kind === 'absolute' ? { kind: 'simple' as const } : rules.majority })),
  ['equal'],
).map((s) => ({ ...s, input: { ...s.input, quorum: null } }));

/** Rounds that may have a further one: the rules have one and this is not the last round. */
const withFurtherRound = scenario(
  anyRules.map((rules) => ({ ...rules, nextRound: rules.nextRound === 'none' ? ('top_candidates' as const) : rules.nextRound, maxRounds: rules.maxRounds + 1 })),
).map((s) => ({ ...s, input: { ...s.input, round: Math.min(s.input.round, s.input.rules.maxRounds - 1) } }));

type Oracle = {
  voters: string[];
  invalid: bigint[];
  blank: bigint[];
  marks: Record<string, Record<VoteChoice, bigint[]>>;
  units: Map<string, bigint>;
  scale: number;
  reached: Record<string, boolean>;
  forUnits: Record<string, bigint>;
};

/**
 * The round recounted independently of the engine, straight from the rules as written in elections.ts: which ballots
 * stand, which are valid, each candidate's votes (as lists of weights) and whether the candidate has the majority.
 */
function recount({ input, ballots }: Scenario): Oracle {
  const { rules, candidates, seatsOpen } = input;
  const weights = voteWeights(input.members, input.weighting);
  if (!weights.ok) throw new Error('unusable weights');
  const ids = input.members.map((member) => member.id);
  const { units: list, scale } = toUnits(ids.map((id) => weights.weights[id]));
  const units = new Map(ids.map((id, i) => [id, list[i]]));
  const voters: string[] = [];
  const invalid: bigint[] = [];
  const blank: bigint[] = [];
  const marks = Object.fromEntries(candidates.map((id) => [id, { for: [], against: [], abstain: [] }])) as Oracle['marks'];
  for (const ballot of ballots) {
    if (!units.has(ballot.memberId) || !input.present.includes(ballot.memberId) || voters.includes(ballot.memberId)) continue;
    voters.push(ballot.memberId);
    const weight = units.get(ballot.memberId) as bigint;
    let read: Array<[string, VoteChoice]> | null;
    if (rules.form === 'choose_up_to') {
      const chosen = 'chosen' in ballot ? ballot.chosen : null;
      read = chosen && chosen.every((id) => candidates.includes(id)) && new Set(chosen).size === chosen.length && chosen.length <= seatsOpen ? chosen.map((id) => [id, 'for']) : null;
    } else {
      const entries = 'marks' in ballot ? Object.entries(ballot.marks) : null;
      read = entries && entries.every(([id, choice]) => candidates.includes(id) && VOTE_CHOICES.includes(choice)) ? entries : null;
    }
    if (read === null) invalid.push(weight);
    else if (read.length === 0) blank.push(weight);
    else for (const [id, choice] of read) marks[id][choice].push(weight);
  }
  const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
  const validBallots = sum(voters.map((id) => units.get(id) as bigint)) - sum(invalid) - (rules.abstentionsCount ? 0n : sum(blank));
  const present = sum(input.present.filter((id) => units.has(id)).map((id) => units.get(id) as bigint));
  const statutory = sum(list);
  const reached: Record<string, boolean> = {};
  const forUnits: Record<string, bigint> = {};
  for (const id of candidates) {
    const [f, a, w] = [sum(marks[id].for), sum(marks[id].against), sum(marks[id].abstain)];
    forUnits[id] = f;
    const valid = rules.form === 'choose_up_to' ? validBallots : f + a + (rules.abstentionsCount ? w : 0n);
    const base = rules.majority.kind === 'simple' ? null : { valid, present, statutory }[rules.majority.of];
    const met =
      rules.majority.kind === 'simple'
        ? true
        : rules.majority.kind === 'absolute'
          ? 2n * f > (base as bigint)
          : f * BigInt(rules.majority.fraction.denominator) >= BigInt(rules.majority.fraction.numerator) * (base as bigint);
    reached[id] = met && f > a && f > 0n;
  }
  return { voters, invalid, blank, marks, units, scale, reached, forUnits };
}

const figure = (values: readonly bigint[], scale: number) => ({ count: values.length, weight: fromUnits(values.reduce((a, b) => a + b, 0n), scale) });
const sortedLists = (result: ElectionRoundResult) => ({
  ...result,
  refusedBallots: [...result.refusedBallots].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  invalidBallots: [...result.invalidBallots].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
});

describe('the election engine’s invariants', () => {
  it('never fills more seats than are open, and accounts for every seat', () => {
    fc.assert(
      fc.property(fc.oneof(scenario(), tieProne), (s) => {
        const result = tallyElectionRound({ ...s.input, ballots: s.ballots });
        expect(result.elected.length).toBeLessThanOrEqual(s.input.seatsOpen);
        expect(new Set(result.elected).size).toBe(result.elected.length);
        for (const id of result.elected) expect(s.input.candidates).toContain(id);
        expect(result.seatsRemaining).toBe(s.input.seatsOpen - result.elected.length);
        if (result.next.kind === 'lot') {
          // A draw among more candidates than seats, all with the same votes, none of them elected.
          expect(result.next.seats).toBe(result.seatsRemaining);
          expect(result.next.among.length).toBeGreaterThan(result.next.seats);
          const votes = new Set(result.candidates.filter((c) => (result.next as { among: string[] }).among.includes(c.candidateId)).map((c) => c.for.weight));
          expect(votes.size).toBe(1);
          for (const id of result.next.among) expect(result.elected).not.toContain(id);
        }
        if (result.next.kind === 'done' && result.next.reason === 'filled') expect(result.seatsRemaining).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('elects exactly those with the quorum and the majority whom fewer than the seats open equal or outvote (recounted independently)', () => {
    fc.assert(
      fc.property(fc.oneof(scenario(), tieProne), (s) => {
        const result = tallyElectionRound({ ...s.input, ballots: s.ballots });
        const oracle = recount(s);
        for (const candidate of result.candidates) {
          const id = candidate.candidateId;
          // The engine's tally is the recount's.
          expect(candidate.for).toEqual(figure(oracle.marks[id].for, oracle.scale));
          expect(candidate.against).toEqual(figure(oracle.marks[id].against, oracle.scale));
          expect(candidate.abstain).toEqual(figure(oracle.marks[id].abstain, oracle.scale));
          expect(candidate.reachedMajority).toBe(oracle.reached[id]);
          const rivals = s.input.candidates.filter((other) => other !== id && oracle.reached[other] && oracle.forUnits[other] >= oracle.forUnits[id]).length;
          const shouldWin = result.quorum.reached && oracle.reached[id] && rivals < s.input.seatsOpen;
          expect(candidate.elected).toBe(shouldWin);
          expect(result.elected.includes(id)).toBe(shouldWin);
          if (candidate.elected) expect(candidate.threshold.met && candidate.moreForThanAgainst && candidate.for.count > 0).toBe(true);
        }
        expect(result.ballots.cast.count).toBe(oracle.voters.length);
        expect(result.ballots.invalid).toEqual(figure(oracle.invalid, oracle.scale));
        expect(result.ballots.blank).toEqual(figure(oracle.blank, oracle.scale));
        // Elected in the order of their votes.
        const votes = result.elected.map((id) => oracle.forUnits[id]);
        votes.slice(1).forEach((v, i) => expect(v <= votes[i]).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(
        scenario().chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.ballots, { minLength: s.ballots.length, maxLength: s.ballots.length }))),
        ([s, shuffled]) => {
          expect(sortedLists(tallyElectionRound({ ...s.input, ballots: shuffled }))).toEqual(sortedLists(tallyElectionRound({ ...s.input, ballots: s.ballots })));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts nobody twice: a second ballot for a member changes nothing but the list of refused ballots', () => {
    fc.assert(
      fc.property(scenario(), fc.nat(), fc.boolean(), (s, pick, blank) => {
        const first = s.ballots.filter((ballot) => s.input.present.includes(ballot.memberId));
        fc.pre(first.length > 0);
        const memberId = first[pick % first.length].memberId;
        const again: ElectionBallot = s.input.rules.form === 'choose_up_to' ? { memberId, chosen: blank ? [] : [s.input.candidates[0]] } : { memberId, marks: blank ? {} : { [s.input.candidates[0]]: 'for' } };
        const before = tallyElectionRound({ ...s.input, ballots: s.ballots });
        const after = tallyElectionRound({ ...s.input, ballots: [...s.ballots, again] });
        expect(after.refusedBallots).toEqual([...before.refusedBallots, { ballot: again, reason: 'already_voted' }]);
        expect({ ...after, refusedBallots: [] }).toEqual({ ...before, refusedBallots: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('decides a secret round from its totals exactly as from the ballots they sum', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const byBallots = tallyElectionRound({ ...s.input, ballots: s.ballots });
        const oracle = recount(s);
        const totals: ElectionTotals = {
          voters: oracle.voters,
          invalid: figure(oracle.invalid, oracle.scale),
          blank: figure(oracle.blank, oracle.scale),
          candidates: Object.fromEntries(
            s.input.candidates.map((id) => [
              id,
              s.input.rules.form === 'choose_up_to'
                ? { for: figure(oracle.marks[id].for, oracle.scale) }
                : { for: figure(oracle.marks[id].for, oracle.scale), against: figure(oracle.marks[id].against, oracle.scale), abstain: figure(oracle.marks[id].abstain, oracle.scale) },
            ]),
          ),
        };
        const byTotals = tallyElectionFromTotals({ ...s.input, totals });
        expect(byTotals).toEqual({ ...byBallots, refusedBallots: [], invalidBallots: [] });
        // Totals claiming one more vote for a candidate than there are non-blank valid ballots are refused.
        const marked = oracle.voters.length - oracle.invalid.length - oracle.blank.length;
        const first = s.input.candidates[0];
        const inflated = { ...totals, candidates: { ...totals.candidates, [first]: { ...totals.candidates[first], for: { count: marked + 1, weight: totals.candidates[first].for.weight } } } };
        expect(() => tallyElectionFromTotals({ ...s.input, totals: inflated })).toThrow(RangeError);
      }),
      { numRuns: 500 },
    );
  });

  it('stands in a further round only candidates not elected, enough for the seats left where the votes allow', () => {
    fc.assert(
      fc.property(fc.oneof(withFurtherRound, tieProne), (s) => {
        const result = tallyElectionRound({ ...s.input, ballots: s.ballots });
        const oracle = recount(s);
        const notElected = s.input.candidates.filter((id) => !result.elected.includes(id));
        const withVotes = notElected.filter((id) => oracle.forUnits[id] > 0n);
        if (result.next.kind !== 'round') return;
        const next = result.next;
        expect(next.round).toBe(s.input.round + 1);
        expect(next.round).toBeLessThanOrEqual(s.input.rules.maxRounds);
        expect(next.seats).toBe(result.seatsRemaining);
        expect(next.seats).toBeGreaterThan(0);
        expect(new Set(next.candidates).size).toBe(next.candidates.length);
        for (const id of next.candidates) expect(notElected).toContain(id);
        if (s.input.rules.nextRound === 'all_remaining') expect([...next.candidates].sort()).toEqual(notElected);
        else {
          expect(next.candidates.length).toBeGreaterThanOrEqual(Math.min(2 * next.seats, withVotes.length));
          // Nobody without a vote; everybody within twice the seats by votes (ties at the cut-off included).
          for (const id of notElected) {
            const outvotedBy = withVotes.filter((other) => oracle.forUnits[other] > oracle.forUnits[id]).length;
            if (oracle.forUnits[id] === 0n) expect(next.candidates).not.toContain(id);
            else if (outvotedBy < 2 * next.seats) expect(next.candidates).toContain(id);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('with no further round, the round is the last: nothing but a draw by lot may follow', () => {
    fc.assert(
      fc.property(scenario(anyRules.map((rules) => ({ ...rules, nextRound: 'none' as const }))), (s) => {
        const result = tallyElectionRound({ ...s.input, ballots: s.ballots });
        if (s.input.rules.tie === 'new_round') expect(result.next.kind).toBe('done');
        else expect(['done', 'lot']).toContain(result.next.kind);
      }),
    );
  });

  it('keeps an elected candidate elected when one more member votes only for them', () => {
    fc.assert(
      fc.property(scenario(), fc.nat(), fc.nat(), (s, pickVoter, pickElected) => {
        const before = tallyElectionRound({ ...s.input, ballots: s.ballots });
        fc.pre(s.idle.length > 0 && before.elected.length > 0);
        const memberId = s.idle[pickVoter % s.idle.length];
        const favourite = before.elected[pickElected % before.elected.length];
        const ballot: ElectionBallot = s.input.rules.form === 'choose_up_to' ? { memberId, chosen: [favourite] } : { memberId, marks: { [favourite]: 'for' } };
        const after = tallyElectionRound({ ...s.input, ballots: [...s.ballots, ballot] });
        expect(after.elected).toContain(favourite);
      }),
      { numRuns: 500 },
    );
  });

  it('lets a blank ballot change nobody’s result when abstentions do not count', () => {
    fc.assert(
      fc.property(scenario(anyRules.map((rules) => ({ ...rules, abstentionsCount: false }))), fc.nat(), (s, pick) => {
        const before = tallyElectionRound({ ...s.input, ballots: s.ballots });
        fc.pre(s.idle.length > 0 && before.quorum.reached);
        const memberId = s.idle[pick % s.idle.length];
        const blank: ElectionBallot = s.input.rules.form === 'choose_up_to' ? { memberId, chosen: [] } : { memberId, marks: {} };
        const after = tallyElectionRound({ ...s.input, ballots: [...s.ballots, blank] });
        expect(after.ballots.blank.count).toBe(before.ballots.blank.count + 1);
        expect(after.candidates).toEqual(before.candidates);
        expect(after.elected).toEqual(before.elected);
        expect(after.next).toEqual(before.next);
      }),
      { numRuns: 500 },
    );
  });
});
