import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveVoters, type ProxyAuthorisation } from './proxies';

const members = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const attend = (present: string[], proxies: ProxyAuthorisation[], proxiesAllowed = true) => effectiveVoters({ members, present, proxies, proxiesAllowed });

describe('attendance and proxies', () => {
  it('let a present representative vote for its member and for members that authorised it', () => {
    const attendance = attend(['a', 'b'], [{ from: 'c', to: 'a' }, { from: 'd', to: 'a' }]);
    expect(attendance.voters).toEqual([
      { memberId: 'a', castBy: 'a', byProxy: false },
      { memberId: 'b', castBy: 'b', byProxy: false },
      { memberId: 'c', castBy: 'a', byProxy: true },
      { memberId: 'd', castBy: 'a', byProxy: true },
    ]);
    expect(attendance.present).toEqual(['a', 'b']);
    expect(attendance.represented).toEqual(['c', 'd']);
    expect(attendance.refused).toEqual([]);
  });

  it('refuse every proxy when the rules allow none', () => {
    const attendance = attend(['a'], [{ from: 'c', to: 'a' }], false);
    expect(attendance.voters.map((voter) => voter.memberId)).toEqual(['a']);
    expect(attendance.refused).toEqual([{ proxy: { from: 'c', to: 'a' }, reason: 'proxies_not_allowed' }]);
  });

  it('refuse strangers, self-delegation, absent holders and delegators who are present', () => {
    const attendance = attend(
      ['a', 'b', 'x'],
      [
        { from: 'x', to: 'a' },
        { from: 'c', to: 'y' },
        { from: 'd', to: 'd' },
        { from: 'e', to: 'c' },
        { from: 'b', to: 'a' },
      ],
    );
    expect(attendance.refused.map((refusal) => refusal.reason)).toEqual(['not_a_member', 'holder_not_a_member', 'self_delegation', 'holder_not_present', 'delegator_present']);
    expect(attendance.voters.map((voter) => voter.memberId)).toEqual(['a', 'b']);
    expect(attendance.notMembers).toEqual(['x']);
  });

  it('refuse a second authorisation by the same member (the first stands)', () => {
    const attendance = attend(['a', 'b'], [{ from: 'c', to: 'a' }, { from: 'c', to: 'b' }]);
    expect(attendance.accepted).toEqual([{ from: 'c', to: 'a' }]);
    expect(attendance.refused).toEqual([{ proxy: { from: 'c', to: 'b' }, reason: 'already_delegated' }]);
    expect(attendance.voters.filter((voter) => voter.memberId === 'c')).toEqual([{ memberId: 'c', castBy: 'a', byProxy: true }]);
  });

  it('refuse chains: both links of c → d → a', () => {
    const attendance = attend(['a'], [{ from: 'c', to: 'd' }, { from: 'd', to: 'a' }]);
    expect(attendance.refused.map((refusal) => refusal.reason)).toEqual(['chain', 'chain']);
    expect(attendance.voters.map((voter) => voter.memberId)).toEqual(['a']);
  });

  it('never let two representatives vote for one member, and only present ones vote', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z');
    fc.assert(
      fc.property(fc.subarray(['a', 'b', 'c', 'd', 'e', 'z']), fc.array(fc.record({ from: id, to: id }), { maxLength: 8 }), fc.boolean(), (present, proxies, allowed) => {
        const attendance = attend(present, proxies, allowed);
        const voted = attendance.voters.map((voter) => voter.memberId);
        expect(new Set(voted).size).toBe(voted.length);
        for (const voter of attendance.voters) {
          expect(present).toContain(voter.castBy);
          expect(voter.byProxy).toBe(voter.castBy !== voter.memberId);
          if (voter.byProxy) expect(present).not.toContain(voter.memberId);
        }
        expect(attendance.accepted.length + attendance.refused.length).toBe(proxies.length);
        if (!allowed) expect(attendance.represented).toEqual([]);
      }),
    );
  });
});
