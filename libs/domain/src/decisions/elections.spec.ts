import { describe, expect, it } from 'vitest';
import {
  type ChooseUpToBallot,
  DEFAULT_ELECTION_RULES,
  type ElectionBallot,
  type ElectionRoundInput,
  type ElectionRules,
  type PerCandidateBallot,
  tallyElectionFromTotals,
  tallyElectionRound,
  validateElectionRules,
  validateLotDraw,
} from './elections';
import { DEFAULT_BODY_RULES } from './rules';
import { SSOM_IDS, SSOM_MEMBERS } from './ssom.fixture';
import type { VoteChoice } from './votes';
import type { VotingMember } from './weights';

/** n members m1…mn, one vote each. */
const body = (n: number): VotingMember[] => Array.from({ length: n }, (_, index) => ({ id: `m${index + 1}` }));
const ids = (members: readonly VotingMember[]) => members.map((member) => member.id);
const fifteen = body(15);
const rules = (changes: Partial<ElectionRules> = {}): ElectionRules => ({ ...(JSON.parse(JSON.stringify(DEFAULT_ELECTION_RULES)) as ElectionRules), ...changes });

/** A round of the fifteen, everyone present, the general quorum (at least half present), default election rules. */
const round = (changes: Partial<ElectionRoundInput> & { ballots: readonly ElectionBallot[] }) =>
  tallyElectionRound({
    rules: rules(),
    round: 1,
    seatsOpen: 1,
    candidates: ['X', 'Y', 'Z'],
    members: fifteen,
    weighting: 'equal',
    present: ids(fifteen),
    quorum: DEFAULT_BODY_RULES.quorum,
    ...changes,
  });

/**
 * choose_up_to ballots of `voters` giving each candidate exactly `counts[candidate]` marks, at most `perBallot` a
 * ballot: each candidate (most marks first) is marked on the ballots with the fewest marks so far. Ballots left
 * without a mark are blank.
 */
function spread(counts: Record<string, number>, voters: readonly string[], perBallot: number): ChooseUpToBallot[] {
  const ballots = voters.map((memberId) => ({ memberId, chosen: [] as string[] }));
  for (const [candidate, count] of Object.entries(counts).sort(([, a], [, b]) => b - a)) {
    const order = ballots.map((ballot, index) => ({ ballot, index })).sort((a, b) => a.ballot.chosen.length - b.ballot.chosen.length || a.index - b.index);
    if (count > order.length || (count > 0 && order[count - 1].ballot.chosen.length >= perBallot)) throw new Error(`spread: ${candidate} cannot get ${count} marks`);
    for (const { ballot } of order.slice(0, count)) ballot.chosen.push(candidate);
  }
  return ballots;
}

/** per_candidate ballots: one per voter, `rows[i]` the marks of voter i (a missing candidate is unmarked). */
const perCandidate = (voters: readonly string[], rows: ReadonlyArray<Record<string, VoteChoice>>): PerCandidateBallot[] => rows.map((marks, index) => ({ memberId: voters[index], marks }));
/** Marks of the form "FFAx" per candidate column: F for, A against, W abstain, x unmarked. */
const columns = (voters: readonly string[], byCandidate: Record<string, string>): PerCandidateBallot[] => {
  const letters: Record<string, VoteChoice | null> = { F: 'for', A: 'against', W: 'abstain', x: null };
  return perCandidate(
    voters,
    voters.map((_, index) => {
      const marks: Record<string, VoteChoice> = {};
      for (const [candidate, column] of Object.entries(byCandidate)) {
        const choice = letters[column[index] ?? 'x'];
        if (choice) marks[candidate] = choice;
      }
      return marks;
    }),
  );
};

describe('a board of six from eight candidates (15 members, choose up to 6, more than half of the valid ballots)', () => {
  const board = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  const first = round({ seatsOpen: 6, candidates: board, ballots: spread({ A: 12, B: 11, C: 10, D: 9, E: 7, F: 6, G: 5, H: 3 }, ids(fifteen), 6) });

  it('round 1 elects the four with more than 7.5 of 15 ballots; two seats remain', () => {
    expect(first).toMatchObject({
      elected: ['A', 'B', 'C', 'D'],
      seatsRemaining: 2,
      ballots: { cast: { count: 15 }, valid: { count: 15 }, invalid: { count: 0 }, blank: { count: 0 } },
      quorum: { reached: true },
      refusedBallots: [],
      invalidBallots: [],
    });
    expect(first.candidates.map((c) => [c.candidateId, c.for.count, c.reachedMajority])).toEqual([
      ['A', 12, true], ['B', 11, true], ['C', 10, true], ['D', 9, true], ['E', 7, false], ['F', 6, false], ['G', 5, false], ['H', 3, false],
    ]);
    expect(first.candidates[4].threshold).toEqual({ of: 'valid', fraction: { numerator: 1, denominator: 2 }, comparison: 'more_than', base: 15, minimum: 8, met: false });
  });

  it('round 2 stands the top four not elected (twice the two seats) and elects two', () => {
    expect(first.next).toEqual({ kind: 'round', round: 2, candidates: ['E', 'F', 'G', 'H'], seats: 2 });
    if (first.next.kind !== 'round') return;
    const second = round({ round: 2, seatsOpen: first.next.seats, candidates: first.next.candidates, ballots: spread({ E: 9, F: 8, G: 6, H: 4 }, ids(fifteen), 2) });
    expect(second).toMatchObject({ elected: ['E', 'F'], seatsRemaining: 0, next: { kind: 'done', reason: 'filled' } });
  });

  it('takes only twice the seats to round 2, and leaves out a candidate nobody marked', () => {
    const nine = round({ seatsOpen: 6, candidates: [...board, 'I'], ballots: spread({ A: 12, B: 11, C: 10, D: 9, E: 7, F: 6, G: 5, H: 3, I: 1 }, ids(fifteen), 6) });
    expect(nine.next).toEqual({ kind: 'round', round: 2, candidates: ['E', 'F', 'G', 'H'], seats: 2 });
    const unmarked = round({ seatsOpen: 6, candidates: board, ballots: spread({ A: 12, B: 11, C: 10, D: 9, E: 7, F: 6, G: 5, H: 0 }, ids(fifteen), 6) });
    expect(unmarked.next).toEqual({ kind: 'round', round: 2, candidates: ['E', 'F', 'G'], seats: 2 });
    // 'all_remaining' stands everyone not elected again, votes or not.
    const all = round({ rules: rules({ nextRound: 'all_remaining' }), seatsOpen: 6, candidates: board, ballots: spread({ A: 12, B: 11, C: 10, D: 9, E: 7, F: 6, G: 5, H: 0 }, ids(fifteen), 6) });
    expect(all.next).toEqual({ kind: 'round', round: 2, candidates: ['E', 'F', 'G', 'H'], seats: 2 });
  });
});

describe('the chair (one seat, three candidates)', () => {
  it('with nobody over half, the two with the most votes go to round 2, which elects', () => {
    const first = round({ ballots: spread({ X: 7, Y: 5, Z: 3 }, ids(fifteen), 1) });
    expect(first).toMatchObject({ elected: [], seatsRemaining: 1, next: { kind: 'round', round: 2, candidates: ['X', 'Y'], seats: 1 } });
    // Round 2: 8 for X, 6 for Y, one blank ballot: 8 of 15 valid ballots is more than half.
    const second = round({ round: 2, candidates: ['X', 'Y'], ballots: spread({ X: 8, Y: 6 }, ids(fifteen), 1) });
    expect(second).toMatchObject({ elected: ['X'], ballots: { valid: { count: 15 }, blank: { count: 1 } }, next: { kind: 'done', reason: 'filled' } });
  });

  it('takes everyone tied at the cut-off to round 2', () => {
    const first = round({ ballots: spread({ X: 7, Y: 4, Z: 4 }, ids(fifteen), 1) });
    expect(first.next).toEqual({ kind: 'round', round: 2, candidates: ['X', 'Y', 'Z'], seats: 1 });
  });

  it('counts blank ballots among the valid ones exactly when abstentions count', () => {
    const ballots = spread({ X: 7, Y: 6 }, ids(fifteen), 1); // two blank
    const counted = round({ ballots });
    expect(counted.elected).toEqual([]);
    expect(counted.candidates[0]).toMatchObject({ valid: { count: 15 }, threshold: { base: 15, minimum: 8, met: false } });
    const notCounted = round({ rules: rules({ abstentionsCount: false }), ballots });
    expect(notCounted).toMatchObject({ elected: ['X'], ballots: { valid: { count: 15 }, blank: { count: 2 } } });
    expect(notCounted.candidates[0]).toMatchObject({ valid: { count: 13 }, threshold: { base: 13, minimum: 7, met: true } });
  });

  it('elects nobody without the quorum, and anyone with none required', () => {
    const seven = ids(fifteen).slice(0, 7);
    const ballots = spread({ X: 7 }, seven, 1);
    expect(round({ present: seven, ballots })).toMatchObject({ elected: [], seatsRemaining: 1, quorum: { reached: false, actual: 7, minimum: 8 }, next: { kind: 'done', reason: 'no_quorum' } });
    expect(round({ present: seven, ballots, quorum: null })).toMatchObject({ elected: ['X'], quorum: { reached: true } });
  });

  it('ends after the last round allowed, or at once without further rounds', () => {
    const ballots = spread({ X: 7, Y: 5, Z: 3 }, ids(fifteen), 1);
    expect(round({ round: 3, ballots }).next).toEqual({ kind: 'done', reason: 'max_rounds' });
    expect(round({ rules: rules({ nextRound: 'none' }), ballots }).next).toEqual({ kind: 'done', reason: 'no_further_round' });
    expect(() => round({ round: 4, ballots })).toThrow(RangeError);
  });

  it('by an absolute majority of the statutory members needs 8 of 15 however many are present', () => {
    const ten = ids(fifteen).slice(0, 10);
    const statutory = rules({ majority: { kind: 'absolute', of: 'statutory' } });
    const seven = round({ rules: statutory, present: ten, ballots: spread({ X: 7, Y: 3 }, ten, 1) });
    expect(seven.elected).toEqual([]);
    expect(seven.candidates[0].threshold).toMatchObject({ of: 'statutory', base: 15, minimum: 8 });
    expect(round({ rules: statutory, present: ten, ballots: spread({ X: 8, Y: 2 }, ten, 1) }).elected).toEqual(['X']);
    const present = rules({ majority: { kind: 'absolute', of: 'present' } });
    const six = round({ rules: present, present: ten, ballots: spread({ X: 6, Y: 3 }, ten, 1) });
    expect(six.elected).toEqual(['X']);
    expect(six.candidates[0].threshold).toMatchObject({ of: 'present', base: 10, minimum: 6 });
  });

  it('by 2/3 of the valid ballots: 10 of 15 elects, 9 does not', () => {
    const twoThirds = rules({ majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'valid' } });
    const ten = round({ rules: twoThirds, ballots: spread({ X: 10, Y: 5 }, ids(fifteen), 1) });
    expect(ten.elected).toEqual(['X']);
    expect(ten.candidates[0].threshold).toMatchObject({ minimum: 10, met: true });
    expect(round({ rules: twoThirds, ballots: spread({ X: 9, Y: 6 }, ids(fifteen), 1) }).elected).toEqual([]);
  });
});

describe('a tie for the last seat', () => {
  const ten = body(10);
  const tied = { members: ten, present: ids(ten), seatsOpen: 2, candidates: ['A', 'B', 'C', 'D'], ballots: spread({ A: 8, B: 6, C: 6 }, ids(ten), 2) };

  it('elects those above it; the tied stand again for the seat left (tie rule new_round)', () => {
    const result = round(tied);
    expect(result.candidates.filter((c) => c.reachedMajority).map((c) => c.candidateId)).toEqual(['A', 'B', 'C']);
    expect(result).toMatchObject({ elected: ['A'], seatsRemaining: 1, next: { kind: 'round', round: 2, candidates: ['B', 'C'], seats: 1 } });
  });

  it('asks for a draw by lot among the tied (tie rule lot), without drawing', () => {
    expect(round({ ...tied, rules: rules({ tie: 'lot' }) })).toMatchObject({ elected: ['A'], seatsRemaining: 1, next: { kind: 'lot', among: ['B', 'C'], seats: 1 } });
    // Three tied for two seats: the lot is for two.
    const three = round({ ...tied, seatsOpen: 3, ballots: spread({ A: 8, B: 6, C: 6, D: 6 }, ids(ten), 3), rules: rules({ tie: 'lot' }) });
    expect(three).toMatchObject({ elected: ['A'], seatsRemaining: 2, next: { kind: 'lot', among: ['B', 'C', 'D'], seats: 2 } });
  });

  it('takes the draw the chair records: as many as the seats drawn for, each among the tied, none twice', () => {
    const three = round({ ...tied, seatsOpen: 3, ballots: spread({ A: 8, B: 6, C: 6, D: 6 }, ids(ten), 3), rules: rules({ tie: 'lot' }) });
    expect(validateLotDraw(three.next, ['D', 'B'])).toEqual({ ok: true, value: ['D', 'B'] });
    const messages = (drawn: unknown) => {
      const checked = validateLotDraw(three.next, drawn);
      return checked.ok ? [] : checked.problems.map((p) => `${p.field}: ${p.message}`);
    };
    expect(messages(['B'])).toEqual(['drawn: must name exactly 2 candidate(s), the seats drawn for']);
    expect(messages(['B', 'B'])).toEqual(['drawn: names a candidate twice']);
    expect(messages(['A', 'B'])).toEqual(['drawn: names a candidate who is not among those tied']);
    expect(messages('B')).toEqual(['drawn: must be a list of candidate ids']);
    expect(messages([1, 2])).toEqual(['drawn: must be a list of candidate ids']);
    // A round that asks for no draw takes none.
    expect(validateLotDraw(round(tied).next, ['B'])).toEqual({ ok: false, problems: [{ field: 'drawn', message: 'the round leaves no draw by lot to record' }] });
  });

  it('is no tie when everyone tied fits in the seats', () => {
    expect(round({ ...tied, seatsOpen: 3, ballots: spread({ A: 8, B: 6, C: 6, D: 2 }, ids(ten), 3) })).toMatchObject({ elected: ['A', 'B', 'C'], next: { kind: 'done', reason: 'filled' } });
  });

  it('ends with the seat unfilled when the rules have no further round', () => {
    expect(round({ ...tied, rules: rules({ nextRound: 'none' }) })).toMatchObject({ elected: ['A'], seatsRemaining: 1, next: { kind: 'done', reason: 'no_further_round' } });
  });

  it('under a plurality (simple majority) the most marks win and a tie stands again', () => {
    const plurality = rules({ majority: { kind: 'simple' } });
    const three = body(3);
    const base = { rules: plurality, members: three, present: ids(three), seatsOpen: 2, candidates: ['A', 'B', 'C'] };
    const most = round({ ...base, ballots: spread({ A: 3, B: 2, C: 1 }, ids(three), 2) });
    expect(most.elected).toEqual(['A', 'B']);
    expect(most.candidates[2]).toMatchObject({ reachedMajority: true, elected: false, threshold: { of: 'plurality', base: 0, minimum: 1 } });
    expect(round({ ...base, ballots: spread({ A: 3, B: 1, C: 1 }, ids(three), 2) })).toMatchObject({ elected: ['A'], next: { kind: 'round', candidates: ['B', 'C'], seats: 1 } });
  });
});

describe('ballots refused and invalid', () => {
  const present = ids(fifteen).slice(0, 12);
  const ballots: ElectionBallot[] = [
    { memberId: 'm1', chosen: ['A'] },
    { memberId: 'm2', chosen: ['A', 'B', 'C'] }, // more than the two seats
    { memberId: 'm3', chosen: ['A', 'Q'] }, // Q is not standing
    { memberId: 'm4', chosen: ['A', 'A'] },
    { memberId: 'm5', marks: { A: 'for' } }, // a per_candidate ballot in a choose_up_to round
    { memberId: 'm6', chosen: [] }, // blank, valid
    { memberId: 'm1', chosen: ['B'] }, // m1 again
    { memberId: 'x', chosen: ['B'] }, // not a member
    { memberId: 'm13', chosen: ['B'] }, // not present
    { memberId: 'm2', chosen: ['B'] }, // m2 already cast an (invalid) ballot
  ];
  const result = round({ present, seatsOpen: 2, candidates: ['A', 'B', 'C'], ballots });

  it('refuses a second ballot, a stranger’s and an absent member’s, and counts them nowhere', () => {
    expect(result.refusedBallots.map((r) => [r.ballot.memberId, r.reason])).toEqual([['m1', 'already_voted'], ['x', 'not_a_member'], ['m13', 'not_present'], ['m2', 'already_voted']]);
    expect(result.candidates.find((c) => c.candidateId === 'B')?.for.count).toBe(0);
  });

  it('counts an invalid ballot as cast but not valid, with its reason', () => {
    expect(result.invalidBallots.map((r) => [r.ballot.memberId, r.reason])).toEqual([['m2', 'too_many_marks'], ['m3', 'unknown_candidate'], ['m4', 'duplicate_candidate'], ['m5', 'wrong_form']]);
    expect(result.ballots).toEqual({ cast: { count: 6, weight: 6 }, valid: { count: 2, weight: 2 }, invalid: { count: 4, weight: 4 }, blank: { count: 1, weight: 1 } });
    // A's one vote is not more than half of the two valid ballots (the blank one counts).
    expect(result.candidates[0]).toMatchObject({ for: { count: 1 }, valid: { count: 2 }, reachedMajority: false });
  });

  it('per candidate: an unknown candidate or a mark other than for, against, abstain invalidates the ballot', () => {
    const perCandidateRules = rules({ form: 'per_candidate' });
    const invalid = round({
      rules: perCandidateRules,
      candidates: ['A'],
      ballots: [
        { memberId: 'm1', marks: { A: 'for', Q: 'for' } },
        { memberId: 'm2', marks: { A: 'yes' as VoteChoice } },
        { memberId: 'm3', chosen: ['A'] },
        { memberId: 'm4', marks: {} },
      ],
    });
    expect(invalid.invalidBallots.map((r) => r.reason)).toEqual(['unknown_candidate', 'invalid_mark', 'wrong_form']);
    expect(invalid.ballots).toMatchObject({ cast: { count: 4 }, valid: { count: 1 }, blank: { count: 1 } });
  });
});

describe('per_candidate ballots: for, against or abstain on each candidate', () => {
  const nine = body(9);
  const audit = { rules: rules({ form: 'per_candidate' }), members: nine, present: ids(nine), seatsOpen: 3, candidates: ['P', 'Q', 'R'] };
  //          voters: 123456789
  const marks = { P: 'FFFFFAAWW', Q: 'FFFFAWWWW', R: 'FFFAAAAxx' };

  it('elects on the candidate’s own valid votes, abstentions counting: P 5 of 9 yes, Q 4 of 9 no, R 3 of 7 no', () => {
    const result = round({ ...audit, ballots: columns(ids(nine), marks) });
    expect(result.elected).toEqual(['P']);
    expect(result.candidates.map((c) => [c.candidateId, c.for.count, c.against.count, c.abstain.count, c.valid.count, c.threshold.minimum])).toEqual([
      ['P', 5, 2, 2, 9, 5],
      ['Q', 4, 1, 4, 9, 5],
      ['R', 3, 4, 0, 7, 4],
    ]);
    expect(result.next).toEqual({ kind: 'round', round: 2, candidates: ['Q', 'R'], seats: 2 });
  });

  it('without abstentions counting, Q’s 4 of 5 is more than half too', () => {
    expect(round({ ...audit, rules: rules({ form: 'per_candidate', abstentionsCount: false }), ballots: columns(ids(nine), marks) }).elected).toEqual(['P', 'Q']);
  });

  it('never elects with as many against as for, even by a low qualified majority', () => {
    const third = rules({ form: 'per_candidate', majority: { kind: 'qualified', fraction: { numerator: 1, denominator: 3 }, of: 'valid' } });
    const result = round({ ...audit, rules: third, ballots: columns(ids(nine), { P: 'FFFAAAWWW', Q: 'WWWWWWWWW', R: 'FFFFAAAxx' }) });
    expect(result.candidates.map((c) => [c.threshold.met, c.moreForThanAgainst, c.reachedMajority])).toEqual([
      [true, false, false],
      [false, false, false],
      [true, true, true],
    ]);
    expect(result.elected).toEqual(['R']);
  });

  it('under a simple majority elects with more for than against, abstentions never mattering', () => {
    const simple = rules({ form: 'per_candidate', majority: { kind: 'simple' } });
    const result = round({ ...audit, rules: simple, ballots: columns(ids(nine), { P: 'FFAWWWWWW', Q: 'FAWWWWWWW', R: 'FFFFFAAAA' }) });
    expect(result.elected).toEqual(['R', 'P']);
    expect(result.candidates[1]).toMatchObject({ threshold: { of: 'against', base: 1, minimum: 2, met: false }, reachedMajority: false });
  });
});

describe('weighted voting', () => {
  const everyone = { members: SSOM_MEMBERS, present: SSOM_IDS };
  /** The województwo marks X, the 14 others Y. */
  const ballots: ElectionBallot[] = SSOM_IDS.map((memberId, index) => ({ memberId, chosen: [index === 0 ? 'X' : 'Y'] }));

  it('by population the województwo alone elects the chair; one vote each, the others do', () => {
    const byPopulation = round({ ...everyone, weighting: 'population', candidates: ['X', 'Y'], ballots });
    expect(byPopulation).toMatchObject({
      elected: ['X'],
      ballots: { valid: { count: 15, weight: 2381024 } },
      candidates: [
        { candidateId: 'X', for: { count: 1, weight: 1631784 }, threshold: { base: 2381024, minimum: 1190513, met: true } },
        { candidateId: 'Y', for: { count: 14, weight: 749240 }, reachedMajority: false },
      ],
    });
    expect(round({ ...everyone, weighting: 'equal', candidates: ['X', 'Y'], ballots }).elected).toEqual(['Y']);
  });

  it('sums decimal weights exactly: 0.1 + 0.2 against 0.3 is a tie for the seat', () => {
    const members = [{ id: 'a', weight: 0.1 }, { id: 'b', weight: 0.2 }, { id: 'c', weight: 0.3 }];
    const result = round({
      rules: rules({ majority: { kind: 'simple' } }),
      members,
      present: ['a', 'b', 'c'],
      weighting: 'custom',
      candidates: ['X', 'Y'],
      ballots: [{ memberId: 'a', chosen: ['X'] }, { memberId: 'b', chosen: ['X'] }, { memberId: 'c', chosen: ['Y'] }],
    });
    expect(result).toMatchObject({ elected: [], candidates: [{ for: { weight: 0.3 } }, { for: { weight: 0.3 } }], next: { kind: 'round', candidates: ['X', 'Y'], seats: 1 } });
  });

  it('refuses to decide with unusable weights', () => {
    expect(() => round({ weighting: 'population', ballots: [] })).toThrow(/population/);
  });
});

describe('a secret ballot decided from its totals', () => {
  const ballots = spread({ X: 8, Y: 5 }, ids(fifteen).slice(0, 14), 1); // X: m1–m8, Y: m9–m13, m14 blank; m15 does not vote
  const secret = { voters: ids(fifteen).slice(0, 14), invalid: { count: 0, weight: 0 }, blank: { count: 1, weight: 1 } };
  const base = { rules: rules(), round: 1, seatsOpen: 1, candidates: ['X', 'Y'], members: fifteen, weighting: 'equal' as const, present: ids(fifteen), quorum: DEFAULT_BODY_RULES.quorum };
  // m14's ballot marks both: invalid.
  const fromBallots = tallyElectionRound({ ...base, ballots: [...ballots.slice(0, 13), { memberId: 'm14', chosen: ['X', 'Y'] }] });

  it('gives what the ballots give', () => {
    const fromTotals = tallyElectionFromTotals({ ...base, totals: { ...secret, invalid: { count: 1, weight: 1 }, blank: { count: 0, weight: 0 }, candidates: { X: { for: { count: 8, weight: 8 } }, Y: { for: { count: 5, weight: 5 } } } } });
    expect(fromTotals).toEqual({ ...fromBallots, invalidBallots: [] });
    expect(fromTotals).toMatchObject({ elected: ['X'], ballots: { cast: { count: 14 }, valid: { count: 13 }, blank: { count: 0 }, invalid: { count: 1 } } });
  });

  it('refuses totals that cannot be sums of the voters’ ballots', () => {
    const totals = (changes: object) => ({ ...secret, candidates: { X: { for: { count: 8, weight: 8 } }, Y: { for: { count: 5, weight: 5 } } }, ...changes });
    const decide = (changes: object) => () => tallyElectionFromTotals({ ...base, totals: totals(changes) });
    expect(decide({})).not.toThrow();
    expect(decide({ voters: [...secret.voters, 'x'] })).toThrow(/not a member/);
    expect(decide({ voters: [...secret.voters, 'm1'] })).toThrow(/twice/);
    expect(decide({ candidates: { X: { for: { count: 14, weight: 14 } }, Y: { for: { count: 5, weight: 5 } } } })).toThrow(/more votes than/);
    expect(decide({ candidates: { X: { for: { count: 8, weight: 8 } }, Y: { for: { count: 4, weight: 4 } } } })).toThrow(/at least one/);
    expect(decide({ candidates: { X: { for: { count: 8, weight: 8 } }, Y: { for: { count: 6, weight: 6 } } } })).toThrow(/more marks/);
    expect(decide({ candidates: { X: { for: { count: 8, weight: 8 } } } })).toThrow(/no totals for Y/);
    expect(decide({ candidates: { X: { for: { count: 8, weight: 8 } }, Y: { for: { count: 5, weight: 5 } }, Z: { for: { count: 0, weight: 0 } } } })).toThrow(/not standing/);
    expect(decide({ candidates: { X: { for: { count: 8, weight: 8 }, against: { count: 1, weight: 1 } }, Y: { for: { count: 4, weight: 4 } } } })).toThrow(/no votes against/);
    expect(decide({ invalid: { count: 14, weight: 14 } })).toThrow(/more invalid and blank/);
    expect(decide({ blank: { count: 1, weight: 1.5 } })).toThrow(RangeError);
    expect(decide({ blank: { count: -1, weight: 0 } })).toThrow(/not negative/);
  });
});

describe('election rules', () => {
  it('default to choose up to the seats, more than half of the valid ballots, three rounds, a tie going to a further round', () => {
    expect(DEFAULT_ELECTION_RULES).toEqual({ form: 'choose_up_to', majority: { kind: 'absolute', of: 'valid' }, abstentionsCount: true, nextRound: 'top_candidates', maxRounds: 3, tie: 'new_round' });
    expect(Object.isFrozen(DEFAULT_ELECTION_RULES.majority)).toBe(true);
    expect(validateElectionRules(DEFAULT_ELECTION_RULES)).toEqual({ ok: true, value: DEFAULT_ELECTION_RULES });
  });

  it('are validated naming each field wrong', () => {
    const fields = (value: unknown) => {
      const result = validateElectionRules(value, 'electionRules');
      return result.ok ? [] : result.problems.map((p) => p.field).sort();
    };
    expect(fields({ ...DEFAULT_ELECTION_RULES, form: 'ranked' })).toEqual(['electionRules.form']);
    expect(fields({ ...DEFAULT_ELECTION_RULES, majority: { kind: 'absolute', of: 'everyone' } })).toEqual(['electionRules.majority.of']);
    expect(fields({ ...DEFAULT_ELECTION_RULES, majority: { kind: 'qualified', fraction: { numerator: 3, denominator: 2 }, of: 'valid' } })).toEqual(['electionRules.majority.fraction']);
    expect(fields({ ...DEFAULT_ELECTION_RULES, abstentionsCount: 'yes', maxRounds: 0, nextRound: 'runoff', tie: 'coin' })).toEqual([
      'electionRules.abstentionsCount',
      'electionRules.maxRounds',
      'electionRules.nextRound',
      'electionRules.tie',
    ]);
    expect(fields({ ...DEFAULT_ELECTION_RULES, maxRounds: 1.5 })).toEqual(['electionRules.maxRounds']);
    expect(fields({ ...DEFAULT_ELECTION_RULES, maxRounds: 11 })).toEqual(['electionRules.maxRounds']);
    expect(fields({ ...DEFAULT_ELECTION_RULES, seats: 6 })).toEqual(['electionRules.seats']);
    const { tie: _tie, ...withoutTie } = DEFAULT_ELECTION_RULES;
    expect(fields(withoutTie)).toEqual(['electionRules.tie']);
    expect(validateElectionRules(null, 'electionRules')).toEqual({ ok: false, problems: [{ field: 'electionRules', message: 'must be an object' }] });
  });

  it('refuse a malformed round', () => {
    const ballots: ElectionBallot[] = [];
    expect(() => round({ seatsOpen: 0, ballots })).toThrow(/seatsOpen/);
    expect(() => round({ candidates: [], ballots })).toThrow(/no candidates/);
    expect(() => round({ candidates: ['X', 'X'], ballots })).toThrow(/distinct/);
    expect(() => round({ round: 0, ballots })).toThrow(/round/);
  });
});
