import { describe, expect, it } from 'vitest';
import { defaultRulesFor } from './rules';
import { checkVote, type Meeting } from './votes';

const members = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const meeting: Meeting = { rules: { ...defaultRulesFor('ordinary'), proxiesAllowed: true }, members, present: ['a', 'b'], proxies: [{ from: 'c', to: 'a' }] };

describe('checking a vote', () => {
  it('accepts a present member’s vote and a proxy holder’s vote for its delegator', () => {
    expect(checkVote({ memberId: 'a', choice: 'for' }, meeting, [])).toEqual({ ok: true });
    expect(checkVote({ memberId: 'c', choice: 'against', castBy: 'a' }, meeting, [])).toEqual({ ok: true });
  });

  it('refuses non-members, absent members, unknown choices and second votes', () => {
    const reason = (vote: Parameters<typeof checkVote>[0], accepted = [] as Parameters<typeof checkVote>[2]) => {
      const check = checkVote(vote, meeting, accepted);
      return check.ok ? 'ok' : check.reason;
    };
    expect(reason({ memberId: 'z', choice: 'for' })).toBe('not_a_member');
    expect(reason({ memberId: 'd', choice: 'for' })).toBe('not_present');
    expect(reason({ memberId: 'c', choice: 'for' })).toBe('not_present');
    expect(reason({ memberId: 'c', choice: 'for', castBy: 'b' })).toBe('not_authorised');
    expect(reason({ memberId: 'a', choice: 'maybe' as 'for' })).toBe('invalid_choice');
    expect(reason({ memberId: 'a', choice: 'against' }, [{ memberId: 'a', choice: 'for' }])).toBe('already_voted');
    expect(reason({ memberId: 'c', choice: 'for', castBy: 'a' }, [{ memberId: 'c', choice: 'for', castBy: 'a' }])).toBe('already_voted');
  });

  it('refuses a vote cast for another member when proxies are not allowed', () => {
    const noProxies = { ...meeting, rules: defaultRulesFor('ordinary') };
    expect(checkVote({ memberId: 'c', choice: 'for', castBy: 'a' }, noProxies, [])).toEqual({ ok: false, reason: 'proxy_not_allowed' });
  });
});
