import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsComments,
  commentNumber,
  CONSULTATION_LAW,
  daysLeft,
  DEFAULT_LEGAL_BASIS,
  defaultClosesAt,
  MIN_CONSULTATION_DAYS,
  periodStart,
  REPORT_DUE_DAYS,
  reportDueAt,
  ROUND_ACTIONS,
  ROUND_STATES,
  roundChangeRefusal,
  roundTransition,
  statutoryPeriod,
  timetableWarnings,
  warsawDay,
  warsawTime,
} from './consultations';

const opensAt = new Date('2026-12-01T08:00:00Z');
const closesAt = defaultClosesAt(opensAt);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

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

  it('change their announcement until they open, and are deleted only as drafts', () => {
    expect(ROUND_STATES.filter((state) => roundChangeRefusal(state, 'edit') === null)).toEqual(['draft', 'announced']);
    expect(ROUND_STATES.filter((state) => roundChangeRefusal(state, 'delete') === null)).toEqual(['draft']);
    expect(roundChangeRefusal('open', 'edit')).toBe('a round that is open cannot be changed: only a draft or announced round can');
    expect(roundChangeRefusal('announced', 'delete')).toBe('a round that is announced cannot be deleted: only a draft round can');
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

  it('warn below 35 days for a strategy only, and default to the end of the 35th day after the announcement', () => {
    // Announced on 1 December (9:00 in Warsaw): the day itself is not counted, the 35th day is 5 January, and the
    // term ends with its end (23:59 in Warsaw, the form's precision).
    expect(closesAt.toISOString()).toBe('2027-01-05T22:59:00.000Z');
    expect(timetableWarnings('strategy', opensAt, closesAt)).toEqual([]);
    expect(timetableWarnings('strategy', opensAt, new Date('2027-01-04T22:59:00Z'))).toEqual(['shorter_than_statutory_minimum']);
    expect(timetableWarnings('concept', opensAt, new Date('2026-12-10T08:00:00Z'))).toEqual([]);
  });

  it('count the 35 days in Warsaw calendar days from the day of the announcement, the last day whole', () => {
    expect(statutoryPeriod(opensAt, closesAt)).toEqual({ minimumDays: 35, days: 35, kept: true });
    // Closing at 9:00 on the 35th day cuts that day short: 34 whole days.
    expect(statutoryPeriod(opensAt, new Date('2027-01-05T08:00:00Z'))).toEqual({ minimumDays: 35, days: 34, kept: false });
    expect(timetableWarnings('strategy', opensAt, new Date('2027-01-05T08:00:00Z'))).toEqual(['shorter_than_statutory_minimum']);
    // Closing at midnight after the 35th day keeps it whole.
    expect(statutoryPeriod(opensAt, new Date('2027-01-05T23:00:00Z'))).toMatchObject({ days: 35, kept: true });
    // An announcement at 0:30 in Warsaw (23:30 UTC the day before) is on the Warsaw day.
    const lateAnnouncement = new Date('2026-12-01T23:30:00Z');
    expect(warsawDay(lateAnnouncement)).toBe('2026-12-02');
    expect(defaultClosesAt(lateAnnouncement).toISOString()).toBe('2027-01-06T22:59:00.000Z');
    // Summer time: announced on 1 March, the 35th day is 5 April, 23:59 CEST.
    expect(defaultClosesAt(new Date('2027-03-01T10:00:00Z')).toISOString()).toBe('2027-04-05T21:59:00.000Z');
    expect(warsawTime('2027-07-01', 9, 30).toISOString()).toBe('2027-07-01T07:30:00.000Z');
    // Closing before the announcement: no days at all.
    expect(statutoryPeriod(opensAt, new Date(opensAt.getTime() - DAY))).toMatchObject({ days: 0, kept: false });
  });

  it('count from the announcement, or before it from the later of now and the opening: a default round does not warn once announced', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    // The form opens the round an hour ago; the close it offers counts from now, when it can be announced at the earliest.
    const openedEarlier = new Date(now.getTime() - 60 * MINUTE);
    const start = periodStart({ announcedAt: null, opensAt: openedEarlier }, now);
    expect(start).toEqual(now);
    const close = defaultClosesAt(start);
    const announcedAt = new Date(now.getTime() + 5 * MINUTE);
    expect(periodStart({ announcedAt, opensAt: openedEarlier }, new Date(now.getTime() + DAY))).toEqual(announcedAt);
    expect(timetableWarnings('strategy', announcedAt, close)).toEqual([]);
    // An opening in the future: counted from it (announced then at the latest).
    const later = new Date('2026-12-08T08:00:00Z');
    expect(periodStart({ announcedAt: null, opensAt: later }, now)).toEqual(later);
    // Announced two days late, the same close is short, and says so.
    expect(timetableWarnings('strategy', new Date(now.getTime() + 2 * DAY), close)).toEqual(['shorter_than_statutory_minimum']);
  });

  it('always keep the statutory period with the default close, and never with a close a day earlier', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), (announcedAt) => {
        const close = defaultClosesAt(announcedAt);
        expect(statutoryPeriod(announcedAt, close)).toEqual({ minimumDays: 35, days: 35, kept: true });
        expect(statutoryPeriod(announcedAt, new Date(close.getTime() - DAY)).kept).toBe(false);
        expect(statutoryPeriod(announcedAt, new Date(close.getTime() - MINUTE)).kept).toBe(false);
        expect(close.getTime()).toBeGreaterThan(announcedAt.getTime() + 34 * DAY);
      }),
    );
  });

  it('take the statute from its data: the act, the journal of the consolidated text and the provisions', () => {
    expect(CONSULTATION_LAW.journal.pl).toBe('Dz. U. z 2025 r. poz. 198');
    expect(MIN_CONSULTATION_DAYS).toBe(CONSULTATION_LAW.period.minimumDays);
    expect(REPORT_DUE_DAYS).toBe(CONSULTATION_LAW.report.dueDays);
    expect(DEFAULT_LEGAL_BASIS).toBe('art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju (Dz. U. z 2025 r. poz. 198)');
  });

  it('accept comments only while open and before the close; the report is due 30 days after it', () => {
    expect(acceptsComments('open', opensAt, closesAt)).toBe(true);
    expect(acceptsComments('open', closesAt, closesAt)).toBe(false);
    expect(acceptsComments('announced', opensAt, closesAt)).toBe(false);
    expect(reportDueAt(closesAt).toISOString()).toBe('2027-02-04T22:59:00.000Z');
    expect(daysLeft(opensAt, closesAt)).toBe(36);
    expect(daysLeft(new Date(closesAt.getTime() + 5), closesAt)).toBe(0);
    expect(commentNumber(2026, 42)).toBe('U/2026/0042');
  });
});
