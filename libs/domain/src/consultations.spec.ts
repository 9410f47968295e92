import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsComments,
  commentNumber,
  daysLeft,
  defaultClosesAt,
  reportDueAt,
  ROUND_ACTIONS,
  ROUND_STATES,
  roundTransition,
  timetableWarnings,
} from './consultations';

const opensAt = new Date('2026-12-01T08:00:00Z');
const closesAt = defaultClosesAt(opensAt);

describe('consultation rounds', () => {
  it('go draft → announced → open → closed → report published, one way only', () => {
    const after = new Date(closesAt.getTime() + 1);
    expect(roundTransition('draft', 'announce', { now: opensAt, opensAt, closesAt })).toEqual({ ok: true, state: 'announced' });
    expect(roundTransition('announced', 'open', { now: opensAt, opensAt, closesAt })).toEqual({ ok: true, state: 'open' });
    expect(roundTransition('open', 'close', { now: after, opensAt, closesAt })).toEqual({ ok: true, state: 'closed' });
    expect(roundTransition('closed', 'publish_report', { now: after, opensAt, closesAt })).toEqual({ ok: true, state: 'report_published' });
    expect(roundTransition('open', 'announce', { now: after, opensAt, closesAt })).toMatchObject({ ok: false, reason: 'a round that is open cannot be announced' });
    expect(roundTransition('report_published', 'close', { now: after, opensAt, closesAt }).ok).toBe(false);
  });

  it('never open before the opening time nor close before the closing time', () => {
    expect(roundTransition('announced', 'open', { now: new Date(opensAt.getTime() - 1), opensAt, closesAt })).toMatchObject({ ok: false });
    expect(roundTransition('open', 'close', { now: new Date(closesAt.getTime() - 1), opensAt, closesAt })).toMatchObject({ ok: false, reason: 'the round cannot close before its closing time' });
  });

  it('every action allowed moves one state forward', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROUND_STATES), fc.constantFrom(...ROUND_ACTIONS), fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }), (state, action, now) => {
        const result = roundTransition(state, action, { now, opensAt, closesAt });
        if (result.ok) expect(ROUND_STATES.indexOf(result.state)).toBe(ROUND_STATES.indexOf(state) + 1);
      }),
    );
  });

  it('warn below 35 days for a strategy only, and default to 35 days', () => {
    expect(closesAt.toISOString()).toBe('2027-01-05T08:00:00.000Z');
    expect(timetableWarnings('strategy', opensAt, closesAt)).toEqual([]);
    expect(timetableWarnings('strategy', opensAt, new Date('2027-01-04T08:00:00Z'))).toEqual(['shorter_than_statutory_minimum']);
    expect(timetableWarnings('concept', opensAt, new Date('2026-12-10T08:00:00Z'))).toEqual([]);
  });

  it('accept comments only while open and before the close; the report is due 30 days after it', () => {
    expect(acceptsComments('open', opensAt, closesAt)).toBe(true);
    expect(acceptsComments('open', closesAt, closesAt)).toBe(false);
    expect(acceptsComments('announced', opensAt, closesAt)).toBe(false);
    expect(reportDueAt(closesAt).toISOString()).toBe('2027-02-04T08:00:00.000Z');
    expect(daysLeft(opensAt, closesAt)).toBe(35);
    expect(daysLeft(new Date(closesAt.getTime() + 5), closesAt)).toBe(0);
    expect(commentNumber(2026, 42)).toBe('U/2026/0042');
  });
});
