import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLongDate, fromWarsawClock, warsawClock } from './format';
import { plain } from '../test/render';

// The reader's device is somewhere else (New York): the pages still show the clocks in Warsaw.
const deviceZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = deviceZone;
});

describe('dates on the pages are Polish local time whatever the device’s time zone', () => {
  it('is in another time zone for the test', () => {
    expect(new Date('2026-12-05T23:26:26Z').getHours()).toBe(18);
  });

  it('shows an instant late in the evening UTC as the next day in Warsaw', () => {
    expect(plain(formatDateTime('2026-12-05T23:26:26Z', 'pl'))).toBe('6 gru 2026, 00:26');
    expect(plain(formatDateTime(new Date('2026-12-05T23:26:26Z'), 'en'))).toBe('Dec 6, 2026, 12:26 AM');
    expect(plain(formatDate('2026-12-05T23:26:26Z', 'pl'))).toBe('6 gru 2026');
    expect(plain(formatLongDate('2026-12-05T23:26:26Z', 'pl'))).toBe('6 grudnia 2026');
    expect(plain(formatLongDate('2026-12-05T23:26:26Z', 'en'))).toBe('December 6, 2026');
  });

  it('moves the clock forward an hour when summer time starts (29 March 2026, 2:00 → 3:00)', () => {
    expect(plain(formatDateTime('2026-03-29T00:59:00Z', 'pl'))).toBe('29 mar 2026, 01:59');
    expect(plain(formatDateTime('2026-03-29T01:00:00Z', 'pl'))).toBe('29 mar 2026, 03:00');
    expect(plain(formatDateTime('2026-07-01T07:00:00Z', 'pl'))).toBe('1 lip 2026, 09:00');
  });

  it('shows the hour of 2:00 twice when summer time ends (25 October 2026, 3:00 → 2:00)', () => {
    expect(plain(formatDateTime('2026-10-25T00:30:00Z', 'pl'))).toBe('25 paź 2026, 02:30');
    expect(plain(formatDateTime('2026-10-25T01:30:00Z', 'pl'))).toBe('25 paź 2026, 02:30');
    expect(plain(formatDateTime('2026-10-25T02:30:00Z', 'pl'))).toBe('25 paź 2026, 03:30');
  });
});

describe('Warsaw wall-clock time and instants', () => {
  it('reads the clocks in Warsaw at an instant', () => {
    expect(warsawClock(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 30 });
    expect(warsawClock(new Date('2026-06-30T22:00:00Z'))).toEqual({ year: 2026, month: 7, day: 1, hour: 0, minute: 0 });
  });

  it('finds the instant of a Warsaw time in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(fromWarsawClock({ year: 2026, month: 12, day: 5, hour: 9, minute: 0 })?.toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(fromWarsawClock({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 })?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(fromWarsawClock({ year: 2027, month: 1, day: 1, hour: 0, minute: 30 })?.toISOString()).toBe('2026-12-31T23:30:00.000Z');
  });

  it('around the change to summer time: 1:59 is winter time, 3:00 summer time, and 2:30 does not exist', () => {
    expect(fromWarsawClock({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 })?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(fromWarsawClock({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 })?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(fromWarsawClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toBeNull();
  });

  it('around the change to winter time: the repeated 2:30 is taken the second time (winter time)', () => {
    expect(fromWarsawClock({ year: 2026, month: 10, day: 25, hour: 1, minute: 59 })?.toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(fromWarsawClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(fromWarsawClock({ year: 2026, month: 10, day: 25, hour: 3, minute: 0 })?.toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses dates and times that are not', () => {
    for (const wall of [
      { year: 2026, month: 2, day: 29, hour: 9, minute: 0 },
      { year: 2026, month: 4, day: 31, hour: 9, minute: 0 },
      { year: 2026, month: 13, day: 1, hour: 9, minute: 0 },
      { year: 2026, month: 1, day: 1, hour: 24, minute: 0 },
      { year: 2026, month: 1, day: 1, hour: 9, minute: 60 },
      { year: 2026, month: 0, day: 1, hour: 9, minute: 0 },
    ]) {
      expect(fromWarsawClock(wall), JSON.stringify(wall)).toBeNull();
    }
    expect(fromWarsawClock({ year: 2028, month: 2, day: 29, hour: 9, minute: 0 })?.toISOString()).toBe('2028-02-29T08:00:00.000Z');
  });
});
