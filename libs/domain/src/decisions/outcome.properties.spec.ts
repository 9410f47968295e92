import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, type SecretTally } from './outcome';
import { effectiveVoters, type ProxyAuthorisation } from './proxies';
import { COMPARISONS, fromUnits, type Rational, toUnits } from './rational';
import { BALLOTS, type BodyRules, defaultRulesFor, MAJORITY_BASES, type MajorityRule, QUORUM_BASES, QUORUM_COUNTS, WEIGHTINGS } from './rules';
import { checkVote, type Meeting, type Vote, type VoteChoice } from './votes';
import { voteWeights, type VotingMember } from './weights';

const fraction: fc.Arbitrary<Rational> = fc
  .integer({ min: 1, max: 12 })
  .chain((denominator) => fc.integer({ min: 1, max: denominator }).map((numerator) => ({ numerator, denominator })));

const majority: fc.Arbitrary<MajorityRule> = fc.oneof(
  fc.constant({ kind: 'simple' as const }),
  fc.record({ kind: fc.constant('absolute' as const), of: fc.constantFrom(...MAJORITY_BASES) }),
  fc.record({ kind: fc.constant('qualified' as const), fraction, of: fc.constantFrom(...MAJORITY_BASES) }),
);

const anyRules: fc.Arbitrary<BodyRules> = fc.record({
  quorum: fc.record({ basis: fc.constantFrom(...QUORUM_BASES), among: fc.constantFrom(...QUORUM_COUNTS), fraction, comparison: fc.constantFrom(...COMPARISONS) }),
  majority,
  weighting: fc.constantFrom(...WEIGHTINGS),
  abstentionsCount: fc.boolean(),
  proxiesAllowed: fc.boolean(),
  ballot: fc.constantFrom(...BALLOTS),
});

/** 1–12 members with populations and custom weights of up to four decimal places. */
const anyMembers: fc.Arbitrary<VotingMember[]> = fc
  .array(fc.record({ population: fc.integer({ min: 1, max: 2_000_000 }), weight: fc.integer({ min: 1, max: 1_000_000 }).map((units) => units / 10_000) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((list) => list.map((member, index) => ({ id: `m${index + 1}`, ...member })));

type Scenario = Meeting & { votes: Vote[]; idle: string[] };

/**
 * A meeting under any rules: who is present, proxies between any members, and a vote (or none) for each member who
 * may vote, cast by the right representative. `idle` lists those who may vote and have not.
 */
function scenario(rules: fc.Arbitrary<BodyRules> = anyRules): fc.Arbitrary<Scenario> {
  return fc.tuple(rules, anyMembers).chain(([bodyRules, members]) => {
    const count = members.length;
    const index = fc.integer({ min: 0, max: count - 1 });
    return fc
      .record({
        present: fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n > 0), { minLength: count, maxLength: count }), // 3 in 4 present
        proxies: fc.array(fc.tuple(index, index), { maxLength: 4 }),
        choices: fc.array(fc.constantFrom<VoteChoice | null>('for', 'against', 'abstain', null), { minLength: count, maxLength: count }),
      })
      .map(({ present, proxies, choices }) => {
        const presentIds = members.filter((_, i) => present[i]).map((member) => member.id);
        const authorisations: ProxyAuthorisation[] = proxies.map(([from, to]) => ({ from: members[from].id, to: members[to].id }));
        const attendance = effectiveVoters({ members, present: presentIds, proxies: authorisations, proxiesAllowed: bodyRules.proxiesAllowed });
        const votes: Vote[] = [];
        const idle: string[] = [];
        for (const voter of attendance.voters) {
          const choice = choices[members.findIndex((member) => member.id === voter.memberId)];
          if (choice) votes.push({ memberId: voter.memberId, choice, castBy: voter.castBy });
          else idle.push(voter.memberId);
        }
        return { rules: bodyRules, members, present: presentIds, proxies: authorisations, votes, idle };
      });
  });
}

describe('the rule engine’s invariants', () => {
  it('accepts every vote cast by the right representative of a member present or represented', () => {
    fc.assert(
      fc.property(scenario(), ({ votes, ...meeting }) => {
        expect(decide({ ...meeting, votes }).refusedVotes).toEqual([]);
        votes.forEach((vote, i) => expect(checkVote(vote, meeting, votes.slice(0, i))).toEqual({ ok: true }));
      }),
    );
  });

  it('gives no outcome without quorum, and adopts only with the quorum, the majority and more for than against', () => {
    fc.assert(
      fc.property(scenario(), (meeting) => {
        const outcome = decide(meeting);
        expect(outcome.adopted === null).toBe(!outcome.quorum.reached);
        expect(outcome.reason === 'no_quorum').toBe(!outcome.quorum.reached);
        if (outcome.adopted) {
          expect(outcome.quorum.reached && outcome.threshold.met && outcome.moreForThanAgainst).toBe(true);
          expect(outcome.reason).toBe('adopted');
        }
      }),
    );
  });

  it('never turns adopted into rejected when one vote against or abstaining becomes a vote for', () => {
    fc.assert(
      fc.property(scenario(), fc.nat(), (meeting, pick) => {
        const changeable = meeting.votes.map((vote, i) => [vote, i] as const).filter(([vote]) => vote.choice !== 'for');
        fc.pre(changeable.length > 0);
        const [vote, at] = changeable[pick % changeable.length];
        const votes = meeting.votes.map((earlier, i) => (i === at ? { ...vote, choice: 'for' as const } : earlier));
        const before = decide(meeting);
        const after = decide({ ...meeting, votes });
        expect(after.quorum.reached).toBe(before.quorum.reached);
        if (before.adopted) expect(after.adopted).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never turns adopted into rejected when a member who has not voted votes for', () => {
    fc.assert(
      fc.property(scenario(), fc.nat(), (meeting, pick) => {
        fc.pre(meeting.idle.length > 0);
        const memberId = meeting.idle[pick % meeting.idle.length];
        const castBy = effectiveVoters({ ...meeting, proxiesAllowed: meeting.rules.proxiesAllowed }).voters.find((voter) => voter.memberId === memberId)?.castBy;
        const before = decide(meeting);
        const after = decide({ ...meeting, votes: [...meeting.votes, { memberId, choice: 'for', castBy }] });
        expect(after.refusedVotes).toEqual([]);
        if (before.adopted) expect(after.adopted).toBe(true);
        if (before.quorum.reached) expect(after.quorum.reached).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('decides a secret ballot from its totals exactly as from the votes they sum (nobody’s choice needed)', () => {
    fc.assert(
      fc.property(scenario(), (meeting) => {
        const byVotes = decide(meeting);
        fc.pre(byVotes.refusedVotes.length === 0);
        const weights = voteWeights(meeting.members, meeting.rules.weighting);
        if (!weights.ok) return;
        const ids = meeting.members.map((member) => member.id);
        const { units, scale } = toUnits(ids.map((id) => weights.weights[id]));
        const unitsOf = new Map(ids.map((id, i) => [id, units[i]]));
        const totals = Object.fromEntries(
          (['for', 'against', 'abstain'] as const).map((choice) => {
            const chosen = meeting.votes.filter((vote) => vote.choice === choice);
            const sum = chosen.reduce((acc, vote) => acc + (unitsOf.get(vote.memberId) ?? 0n), 0n);
            return [choice, { count: chosen.length, weight: fromUnits(sum, scale) }];
          }),
        ) as SecretTally['totals'];
        const bySecret = decide({ ...meeting, secret: { voters: meeting.votes.map((vote) => vote.memberId), totals } });
        const { roll: _rollA, ...a } = byVotes;
        const { roll: _rollB, ...b } = bySecret;
        expect(b).toEqual(a);
        // Totals that do not add up to the voters are refused, not decided.
        const wrong = { ...totals, against: { count: totals.against.count + 1, weight: totals.against.weight } };
        expect(() => decide({ ...meeting, secret: { voters: meeting.votes.map((vote) => vote.memberId), totals: wrong } })).toThrow(RangeError);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the votes', () => {
    fc.assert(
      fc.property(
        scenario().chain((meeting) => fc.tuple(fc.constant(meeting), fc.shuffledSubarray(meeting.votes, { minLength: meeting.votes.length, maxLength: meeting.votes.length }))),
        ([meeting, shuffled]) => {
          expect(decide({ ...meeting, votes: shuffled })).toEqual(decide(meeting));
        },
      ),
    );
  });

  it('with equal weights and everyone present, a simple majority adopts exactly when more vote for than against', () => {
    const everyonePresent = scenario(fc.constant(defaultRulesFor('ordinary'))).map((meeting) => ({
      ...meeting,
      present: meeting.members.map((member) => member.id),
      votes: meeting.votes.map(({ memberId, choice }) => ({ memberId, choice })),
    }));
    fc.assert(
      fc.property(everyonePresent, (meeting) => {
        const count = (choice: VoteChoice) => meeting.votes.filter((vote) => vote.choice === choice).length;
        expect(decide(meeting).adopted).toBe(count('for') > count('against'));
      }),
    );
  });

  it('makes a qualified majority of statutory members never easier than of those present, nor that than of valid votes', () => {
    fc.assert(
      fc.property(scenario(), fraction, (meeting, share) => {
        const withBase = (of: 'valid' | 'present' | 'statutory') => decide({ ...meeting, rules: { ...meeting.rules, majority: { kind: 'qualified', fraction: share, of } } }).adopted;
        if (withBase('statutory')) expect(withBase('present')).toBe(true);
        if (withBase('present')) expect(withBase('valid')).toBe(true);
      }),
    );
  });

  it('weighs nobody twice: the cast votes never exceed the members attending, nor those the statutory membership', () => {
    fc.assert(
      fc.property(scenario(), (meeting) => {
        const { tally, attendance } = decide(meeting);
        expect(tally.cast.count).toBeLessThanOrEqual(attendance.attending.count);
        expect(attendance.attending.count).toBeLessThanOrEqual(attendance.statutory.count);
        expect(tally.for.count + tally.against.count + tally.abstain.count).toBe(tally.cast.count);
      }),
    );
  });
});
