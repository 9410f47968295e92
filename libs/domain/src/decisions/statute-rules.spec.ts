import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './outcome';
import { type BodyRules, DEFAULT_BODY_RULES, HALF, NO_QUORUM, quorumAtTerm, type RemoteVotingRule, voteRules } from './rules';
import { validateRuleBook } from './validation';
import type { Vote, VoteChoice } from './votes';

const members = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, population: 1000 + i }));
const rules = (extra: Partial<BodyRules> = {}): BodyRules => ({ ...JSON.parse(JSON.stringify(DEFAULT_BODY_RULES)), ...extra });
const REMOTE: RemoteVotingRule = { quorum: { basis: 'members', among: 'voting', fraction: { ...HALF }, comparison: 'at_least' }, majority: { kind: 'absolute', of: 'statutory' }, basis: 'Statut, § 18 ust. 4' };

/** A meeting of n members, `present` of them present, each voting as `choices` says (null: not voting). */
const sitting = fc.integer({ min: 1, max: 15 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    present: fc.integer({ min: 0, max: n }),
    choices: fc.array(fc.constantFrom<VoteChoice | null>('for', 'against', 'abstain', null), { minLength: n, maxLength: n }),
  }),
);
const votesOf = ({ present, choices }: { present: number; choices: Array<VoteChoice | null> }): Vote[] =>
  choices.slice(0, present).flatMap((choice, i) => (choice ? [{ memberId: `m${i + 1}`, choice }] : []));
const presentOf = (present: number) => Array.from({ length: present }, (_, i) => `m${i + 1}`);

describe('statute rules: second term, the chair’s casting vote, remote voting', () => {
  it('takes a second term’s quorum only at a second term, and none where the statute waives it', () => {
    const book = rules({ secondTerm: { quorum: null } });
    expect(quorumAtTerm(book, 'first')).toEqual(book.quorum);
    expect(quorumAtTerm(book, 'second')).toEqual(NO_QUORUM);
    const lower = { basis: 'members' as const, among: 'present' as const, fraction: { numerator: 1, denominator: 3 }, comparison: 'at_least' as const };
    expect(quorumAtTerm(rules({ secondTerm: { quorum: lower } }), 'second')).toEqual(lower);
    // Without a second-term rule a second term changes nothing.
    expect(quorumAtTerm(rules(), 'second')).toEqual(rules().quorum);
  });

  it('property: at a second term without quorum there is always an outcome, and the same one the votes give with the quorum reached', () => {
    fc.assert(
      fc.property(sitting, (s) => {
        const effective = voteRules(rules({ secondTerm: { quorum: null } }), 'second_term', null);
        if (!effective.ok) throw new Error('refused');
        const second = decide({ rules: effective.rules, members: members(s.n), present: presentOf(s.present), votes: votesOf(s) });
        expect(second.reason).not.toBe('no_quorum');
        expect(second.quorum.reached).toBe(true);
        // With everyone present the first term's quorum is reached and the result is the same.
        const everyone = decide({ rules: rules(), members: members(s.n), present: presentOf(s.n), votes: votesOf(s) });
        expect(second.adopted).toBe(everyone.adopted);
      }),
    );
  });

  it('property: a lower second-term quorum is never harder to reach than the first term’s', () => {
    fc.assert(
      fc.property(sitting, fc.integer({ min: 1, max: 2 }), (s, denominatorStep) => {
        const lower = { basis: 'members' as const, among: 'present' as const, fraction: { numerator: 1, denominator: 2 + denominatorStep }, comparison: 'at_least' as const };
        const book = rules({ secondTerm: { quorum: lower } });
        const first = decide({ rules: book, members: members(s.n), present: presentOf(s.present), votes: votesOf(s) });
        const effective = voteRules(book, 'second_term', null);
        if (!effective.ok) throw new Error('refused');
        const second = decide({ rules: effective.rules, members: members(s.n), present: presentOf(s.present), votes: votesOf(s) });
        if (first.quorum.reached) expect(second.quorum.reached).toBe(true);
      }),
    );
  });

  it('decides a tie by the chair’s vote on a named ballot, and only a tie', () => {
    const book = rules({ castingVote: true });
    const effective = voteRules(book, 'meeting', 'm1');
    expect(effective).toMatchObject({ ok: true, rules: { chairId: 'm1', sitting: 'meeting' } });
    if (!effective.ok) return;
    const tie = (chair: VoteChoice): Vote[] => [
      { memberId: 'm1', choice: chair },
      { memberId: 'm2', choice: chair === 'for' ? 'against' : 'for' },
      { memberId: 'm3', choice: 'for' },
      { memberId: 'm4', choice: 'against' },
    ];
    const adopted = decide({ rules: effective.rules, members: members(6), present: presentOf(6), votes: tie('for') });
    expect(adopted).toMatchObject({ adopted: true, reason: 'adopted', castingVote: { memberId: 'm1', choice: 'for' } });
    const rejected = decide({ rules: effective.rules, members: members(6), present: presentOf(6), votes: tie('against') });
    expect(rejected).toMatchObject({ adopted: false, reason: 'rejected', castingVote: { memberId: 'm1', choice: 'against' } });
    // An abstaining chair breaks no tie; without the rule a tie is a tie.
    const abstaining = [{ memberId: 'm1', choice: 'abstain' as const }, { memberId: 'm2', choice: 'for' as const }, { memberId: 'm3', choice: 'against' as const }];
    expect(decide({ rules: effective.rules, members: members(6), present: presentOf(6), votes: abstaining })).toMatchObject({ reason: 'tie' });
    expect(decide({ rules: rules(), members: members(6), present: presentOf(6), votes: tie('for') })).toMatchObject({ reason: 'tie' });
    expect('castingVote' in decide({ rules: rules(), members: members(6), present: presentOf(6), votes: tie('for') })).toBe(false);
    // A named ballot needs the chair named; a secret ballot has no casting vote (nobody's choice is known).
    expect(voteRules(book, 'meeting', null)).toEqual({ ok: false, reason: 'no_chair' });
    expect(voteRules(rules({ castingVote: true, ballot: 'secret' }), 'meeting', null)).toMatchObject({ ok: true });
  });

  it('property: the casting vote changes no outcome but a tie, and a tie goes the chair’s way', () => {
    fc.assert(
      fc.property(sitting, (s) => {
        const plain = decide({ rules: rules(), members: members(s.n), present: presentOf(s.present), votes: votesOf(s) });
        const effective = voteRules(rules({ castingVote: true }), 'meeting', 'm1');
        if (!effective.ok) throw new Error('refused');
        const withChair = decide({ rules: effective.rules, members: members(s.n), present: presentOf(s.present), votes: votesOf(s) });
        const chair = votesOf(s).find((v) => v.memberId === 'm1')?.choice;
        if (plain.reason !== 'tie' || chair === 'abstain' || chair === undefined) {
          expect(withChair).toEqual(plain);
        } else {
          expect(withChair.adopted).toBe(chair === 'for');
          expect(withChair.castingVote).toEqual({ memberId: 'm1', choice: chair });
        }
      }),
    );
  });

  it('votes remotely only where the rules allow it, with the remote quorum among those who voted, its majority and no proxies', () => {
    expect(voteRules(rules(), 'remote', null)).toEqual({ ok: false, reason: 'remote_not_allowed' });
    expect(voteRules(rules({ remote: null }), 'remote', null)).toEqual({ ok: false, reason: 'remote_not_allowed' });
    const effective = voteRules(rules({ remote: REMOTE, proxiesAllowed: true }), 'remote', null);
    expect(effective).toMatchObject({ ok: true, rules: { sitting: 'remote', quorum: REMOTE.quorum, majority: REMOTE.majority, proxiesAllowed: false, remote: { basis: 'Statut, § 18 ust. 4' } } });
    if (!effective.ok) return;
    // 15 members, 8 voted: quorum reached; 7 for is not an absolute majority of the full membership.
    const voted = (forCount: number): Vote[] => Array.from({ length: 8 }, (_, i) => ({ memberId: `m${i + 1}`, choice: i < forCount ? 'for' : 'against' }));
    expect(decide({ rules: effective.rules, members: members(15), present: presentOf(8), votes: voted(7) })).toMatchObject({ reason: 'rejected', quorum: { reached: true, among: 'voting' } });
    expect(decide({ rules: effective.rules, members: members(15), present: presentOf(8), votes: voted(8) })).toMatchObject({ reason: 'adopted' });
    expect(decide({ rules: effective.rules, members: members(15), present: presentOf(7), votes: voted(7).slice(0, 7) })).toMatchObject({ reason: 'no_quorum' });
  });

  it('validates the new rules, naming the field', () => {
    const book = (general: Partial<BodyRules> & Record<string, unknown>) => validateRuleBook({ general: { ...rules(), ...general }, byKind: {} }, 'rules');
    expect(book({ secondTerm: { quorum: null }, castingVote: true, remote: REMOTE })).toMatchObject({ ok: true });
    expect(book({ secondTerm: { quorum: null }, castingVote: true, remote: REMOTE, secondTermX: 1 } as never)).toMatchObject({ ok: false });
    const fields = (result: ReturnType<typeof book>) => (result.ok ? [] : result.problems.map((p) => p.field));
    expect(fields(book({ secondTerm: {} as never }))).toEqual(['rules.general.secondTerm.quorum']);
    expect(fields(book({ castingVote: 'yes' as never }))).toEqual(['rules.general.castingVote']);
    expect(fields(book({ remote: { ...REMOTE, quorum: { ...REMOTE.quorum, among: 'present' } } }))).toEqual(['rules.general.remote.quorum.among']);
    expect(fields(book({ remote: { ...REMOTE, basis: '' } }))).toEqual(['rules.general.remote.basis']);
    expect(fields(book({ remote: { ...REMOTE, basis: 'a\u0000b' } }))).toEqual(['rules.general.remote.basis']);
    expect(fields(book({ remote: { ...REMOTE, majority: undefined } as never }))).toEqual(['rules.general.remote.majority']);
    // A rule book without them is as valid as before.
    expect(book({})).toMatchObject({ ok: true });
  });
});
