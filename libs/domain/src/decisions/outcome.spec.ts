import { describe, expect, it } from 'vitest';
import { decide } from './outcome';
import { type BodyRules, defaultRulesFor, type MajorityRule, type QuorumRule } from './rules';
import { SSOM_IDS, SSOM_MEMBERS } from './ssom.fixture';
import type { Vote, VoteChoice } from './votes';
import type { VotingMember } from './weights';

/** n members m1…mn, one vote each. */
const body = (n: number): VotingMember[] => Array.from({ length: n }, (_, index) => ({ id: `m${index + 1}` }));
const ids = (members: VotingMember[]) => members.map((member) => member.id);
/** Votes in order: `for` of the first ids, then `against`, then `abstain`. */
const ballot = (voters: string[], counts: { for?: number; against?: number; abstain?: number }): Vote[] => {
  const choices: VoteChoice[] = [
    ...Array<VoteChoice>(counts.for ?? 0).fill('for'),
    ...Array<VoteChoice>(counts.against ?? 0).fill('against'),
    ...Array<VoteChoice>(counts.abstain ?? 0).fill('abstain'),
  ];
  return choices.map((choice, index) => ({ memberId: voters[index], choice }));
};
const rules = (changes: Partial<BodyRules> = {}): BodyRules => ({ ...defaultRulesFor('ordinary'), ...changes });
const quorumRule = (changes: Partial<QuorumRule>): QuorumRule => ({ ...rules().quorum, ...changes });
const fifteen = body(15);

describe('quorum', () => {
  it('is reached with at least half of the members present and missed below', () => {
    const seven = decide({ rules: rules(), members: fifteen, present: ids(fifteen).slice(0, 7), votes: ballot(ids(fifteen), { for: 7 }) });
    expect(seven).toMatchObject({ adopted: null, reason: 'no_quorum', quorum: { total: 15, actual: 7, minimum: 8, reached: false } });
    const eight = decide({ rules: rules(), members: fifteen, present: ids(fifteen).slice(0, 8), votes: ballot(ids(fifteen), { for: 7 }) });
    expect(eight).toMatchObject({ adopted: true, reason: 'adopted', quorum: { actual: 8, reached: true } });
  });

  it('at exactly half: reached with "at least", missed with "more than"', () => {
    const fourteen = body(14);
    const meeting = { members: fourteen, present: ids(fourteen).slice(0, 7), votes: ballot(ids(fourteen), { for: 5, against: 2 }) };
    expect(decide({ ...meeting, rules: rules() })).toMatchObject({ adopted: true, quorum: { minimum: 7, reached: true } });
    const moreThanHalf = rules({ quorum: quorumRule({ comparison: 'more_than' }) });
    expect(decide({ ...meeting, rules: moreThanHalf })).toMatchObject({ adopted: null, reason: 'no_quorum', quorum: { minimum: 8, reached: false } });
  });

  it('can count only the members who vote (abstaining is voting)', () => {
    const amongVoting = rules({ quorum: quorumRule({ among: 'voting' }) });
    const present = ids(fifteen).slice(0, 12);
    expect(decide({ rules: amongVoting, members: fifteen, present, votes: ballot(present, { for: 5, against: 2 }) })).toMatchObject({ adopted: null, quorum: { actual: 7 } });
    expect(decide({ rules: amongVoting, members: fifteen, present, votes: ballot(present, { for: 5, against: 2, abstain: 1 }) })).toMatchObject({ adopted: true, quorum: { actual: 8 } });
  });

  it('can count weight: the województwo alone holds most of the population', () => {
    const byWeight = rules({ weighting: 'population', quorum: quorumRule({ basis: 'weight' }) });
    const outcome = decide({ rules: byWeight, members: SSOM_MEMBERS, present: ['wojewodztwo-zachodniopomorskie'], votes: [{ memberId: 'wojewodztwo-zachodniopomorskie', choice: 'for' }] });
    expect(outcome).toMatchObject({ adopted: true, quorum: { total: 2381024, actual: 1631784, minimum: 1190512, reached: true } });
    const byHeads = rules({ weighting: 'population' });
    expect(decide({ rules: byHeads, members: SSOM_MEMBERS, present: ['wojewodztwo-zachodniopomorskie'], votes: [] }).reason).toBe('no_quorum');
  });
});

describe('simple majority: more for than against', () => {
  const all = ids(fifteen);
  const simple = (counts: { for?: number; against?: number; abstain?: number }) => decide({ rules: rules(), members: fifteen, present: all, votes: ballot(all, counts) });

  it('adopts with more for than against, whatever the abstentions', () => {
    expect(simple({ for: 4, against: 3, abstain: 8 })).toMatchObject({
      adopted: true,
      reason: 'adopted',
      threshold: { of: 'against', base: 3, minimum: 4, comparison: 'more_than', met: true },
    });
  });

  it('rejects with fewer for than against', () => {
    expect(simple({ for: 3, against: 4 })).toMatchObject({ adopted: false, reason: 'rejected' });
  });

  it('rejects a tie', () => {
    expect(simple({ for: 7, against: 7, abstain: 1 })).toMatchObject({ adopted: false, reason: 'tie', threshold: { minimum: 8, met: false } });
    expect(simple({ abstain: 15 })).toMatchObject({ adopted: false, reason: 'rejected' });
  });
});

describe('absolute majority: more than half', () => {
  const all = ids(fifteen);
  const absolute = (of: 'valid' | 'present' | 'statutory', changes: Partial<BodyRules> = {}) => rules({ majority: { kind: 'absolute', of }, ...changes });

  it('of valid votes, abstentions counted: 6 for, 4 against, 3 abstaining is not more than half of 13', () => {
    const outcome = decide({ rules: absolute('valid'), members: fifteen, present: all, votes: ballot(all, { for: 6, against: 4, abstain: 3 }) });
    expect(outcome).toMatchObject({ adopted: false, reason: 'rejected', threshold: { of: 'valid', base: 13, minimum: 7, met: false }, tally: { valid: { count: 13 } } });
  });

  it('of valid votes, abstentions not counted: 6 of 10 is more than half', () => {
    const outcome = decide({ rules: absolute('valid', { abstentionsCount: false }), members: fifteen, present: all, votes: ballot(all, { for: 6, against: 4, abstain: 3 }) });
    expect(outcome).toMatchObject({ adopted: true, threshold: { base: 10, minimum: 6, met: true }, tally: { valid: { count: 10 }, cast: { count: 13 } } });
  });

  it('of members present: 10 present need 6 for', () => {
    const present = all.slice(0, 10);
    expect(decide({ rules: absolute('present'), members: fifteen, present, votes: ballot(present, { for: 5, against: 1 }) })).toMatchObject({
      adopted: false,
      threshold: { of: 'present', base: 10, minimum: 6 },
    });
    expect(decide({ rules: absolute('present'), members: fifteen, present, votes: ballot(present, { for: 6, against: 1 }) }).adopted).toBe(true);
  });

  it('of statutory members: 15 members need 8 for, however many are present', () => {
    const present = all.slice(0, 10);
    expect(decide({ rules: absolute('statutory'), members: fifteen, present, votes: ballot(present, { for: 7 }) })).toMatchObject({
      adopted: false,
      threshold: { of: 'statutory', base: 15, minimum: 8 },
    });
    expect(decide({ rules: absolute('statutory'), members: fifteen, present, votes: ballot(present, { for: 8, against: 2 }) }).adopted).toBe(true);
  });
});

describe('qualified majority: at least a fraction', () => {
  const all = ids(fifteen);
  const twoThirds = (of: 'valid' | 'statutory'): BodyRules => rules({ majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of } });

  it('2/3 of statutory members: 10 of 15 adopts, 9 of 15 does not even with nobody against', () => {
    expect(decide({ rules: twoThirds('statutory'), members: fifteen, present: all, votes: ballot(all, { for: 10, against: 5 }) })).toMatchObject({
      adopted: true,
      threshold: { of: 'statutory', fraction: { numerator: 2, denominator: 3 }, comparison: 'at_least', base: 15, minimum: 10, met: true },
    });
    expect(decide({ rules: twoThirds('statutory'), members: fifteen, present: all, votes: ballot(all, { for: 9, abstain: 6 }) })).toMatchObject({ adopted: false, reason: 'rejected' });
  });

  it('2/3 of valid votes (the statute-change default): 10 for, 5 against adopts; 9 for, 5 against does not', () => {
    expect(decide({ rules: defaultRulesFor('statute_change'), members: fifteen, present: all, votes: ballot(all, { for: 10, against: 5 }) }).adopted).toBe(true);
    expect(decide({ rules: defaultRulesFor('statute_change'), members: fifteen, present: all, votes: ballot(all, { for: 9, against: 5 }) })).toMatchObject({
      adopted: false,
      threshold: { base: 14, minimum: 10 },
    });
  });

  it('never adopts on a tie or with more against, even when a low fraction is reached', () => {
    const half = rules({ majority: { kind: 'qualified', fraction: { numerator: 1, denominator: 2 }, of: 'valid' } });
    const tie = decide({ rules: half, members: fifteen, present: all, votes: ballot(all, { for: 5, against: 5 }) });
    expect(tie).toMatchObject({ adopted: false, reason: 'tie', threshold: { met: true }, moreForThanAgainst: false });
    const nobody = decide({ rules: half, members: fifteen, present: all, votes: ballot(all, { abstain: 15 }) });
    expect(nobody).toMatchObject({ adopted: false, reason: 'rejected' });
  });
});

describe('weights by population (the 15 SSOM members)', () => {
  const everyone = { members: SSOM_MEMBERS, present: SSOM_IDS };
  /** The województwo and Szczecin for, the 13 others against. */
  const bigTwo: Vote[] = SSOM_IDS.map((id, index) => ({ memberId: id, choice: index < 2 ? 'for' : 'against' }));

  it('outvote 13 members with one vote each, but not when every member has one vote', () => {
    const byPopulation = decide({ ...everyone, rules: rules({ weighting: 'population' }), votes: bigTwo });
    expect(byPopulation).toMatchObject({
      adopted: true,
      tally: { for: { count: 2, weight: 2022084 }, against: { count: 13, weight: 358940 } },
      attendance: { statutory: { count: 15, weight: 2381024 } },
      threshold: { base: 358940, minimum: 358941 },
    });
    expect(decide({ ...everyone, rules: rules(), votes: bigTwo })).toMatchObject({ adopted: false, tally: { for: { count: 2, weight: 2 } } });
  });

  it('2/3 of the statutory population: the województwo alone has it, all the others together do not', () => {
    const twoThirds = rules({ weighting: 'population', majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'statutory' } });
    const alone = SSOM_IDS.map((id, index): Vote => ({ memberId: id, choice: index === 0 ? 'for' : 'abstain' }));
    expect(decide({ ...everyone, rules: twoThirds, votes: alone })).toMatchObject({ adopted: true, threshold: { minimum: 1587350 } });
    const others = SSOM_IDS.map((id, index): Vote => ({ memberId: id, choice: index === 0 ? 'abstain' : 'for' }));
    expect(decide({ ...everyone, rules: twoThirds, votes: others })).toMatchObject({ adopted: false, tally: { for: { weight: 749240 } } });
  });

  it('sums decimal custom weights exactly: 0.1 + 0.2 against 0.3 is a tie', () => {
    const members = [{ id: 'a', weight: 0.1 }, { id: 'b', weight: 0.2 }, { id: 'c', weight: 0.3 }];
    const votes: Vote[] = [{ memberId: 'a', choice: 'for' }, { memberId: 'b', choice: 'for' }, { memberId: 'c', choice: 'against' }];
    expect(decide({ rules: rules({ weighting: 'custom' }), members, present: ['a', 'b', 'c'], votes })).toMatchObject({
      adopted: false,
      reason: 'tie',
      tally: { for: { count: 2, weight: 0.3 }, against: { weight: 0.3 } },
    });
  });

  it('refuse to decide with unusable weights', () => {
    expect(() => decide({ rules: rules({ weighting: 'population' }), members: [{ id: 'a' }], present: ['a'], votes: [] })).toThrow(/population/);
  });
});

describe('proxies at a meeting', () => {
  const all = ids(fifteen);
  const present = all.slice(0, 7);
  const proxies = [{ from: 'm8', to: 'm1' }];
  const votes: Vote[] = [...ballot(present, { for: 4, against: 3 }), { memberId: 'm8', choice: 'for', castBy: 'm1' }];

  it('count a member represented by proxy as present, and its vote', () => {
    const outcome = decide({ rules: rules({ proxiesAllowed: true }), members: fifteen, present, proxies, votes });
    expect(outcome).toMatchObject({
      adopted: true,
      quorum: { actual: 8, reached: true },
      attendance: { present: { count: 7 }, represented: { count: 1 }, attending: { count: 8 } },
      tally: { for: { count: 5 }, against: { count: 3 } },
      refusedVotes: [],
    });
    expect(outcome.roll).toContainEqual({ memberId: 'm8', castBy: 'm1', choice: 'for' });
  });

  it('without proxies allowed: the member is absent, its vote refused, and the quorum missed', () => {
    const outcome = decide({ rules: rules(), members: fifteen, present, proxies, votes });
    expect(outcome).toMatchObject({
      adopted: null,
      reason: 'no_quorum',
      refusedProxies: [{ proxy: { from: 'm8', to: 'm1' }, reason: 'proxies_not_allowed' }],
      refusedVotes: [{ vote: { memberId: 'm8', castBy: 'm1' }, reason: 'proxy_not_allowed' }],
    });
  });

  it('count nobody twice: a second vote, an absent member’s vote and a stranger’s are refused', () => {
    const extra: Vote[] = [{ memberId: 'm1', choice: 'against' }, { memberId: 'm9', choice: 'against' }, { memberId: 'x', choice: 'against' }];
    const outcome = decide({ rules: rules({ proxiesAllowed: true }), members: fifteen, present, proxies, votes: [...votes, ...extra] });
    expect(outcome.refusedVotes.map((refusal) => refusal.reason)).toEqual(['already_voted', 'not_present', 'not_a_member']);
    expect(outcome.tally).toMatchObject({ for: { count: 5 }, against: { count: 3 } });
  });
});

describe('figures for the minutes', () => {
  it('give counts per choice, the required majority and its base, and the roll for a named ballot only', () => {
    const all = ids(fifteen);
    const votes = ballot(all, { for: 9, against: 3, abstain: 2 });
    const election = decide({ rules: defaultRulesFor('election'), members: fifteen, present: all.slice(0, 14), votes });
    expect(election).toMatchObject({
      adopted: true,
      tally: { for: { count: 9 }, against: { count: 3 }, abstain: { count: 2 }, valid: { count: 14 }, cast: { count: 14 } },
      threshold: { majority: { kind: 'absolute', of: 'valid' } satisfies MajorityRule, of: 'valid', fraction: { numerator: 1, denominator: 2 }, comparison: 'more_than', base: 14, minimum: 8 },
      attendance: { statutory: { count: 15 }, attending: { count: 14 } },
      ballot: 'secret',
      roll: null,
    });
    const named = decide({ rules: rules(), members: fifteen, present: all, votes });
    expect(named.roll).toHaveLength(14);
    expect(named.roll?.[0]).toEqual({ memberId: 'm1', castBy: 'm1', choice: 'for' });
  });
});
