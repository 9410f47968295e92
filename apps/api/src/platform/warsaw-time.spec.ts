import { warsawDateTime, warsawIso, warsawYear } from './warsaw-time';

describe('warsawDateTime', () => {
  it('prints an instant as Warsaw reads its clocks, in Polish unless told, across the date boundary', () => {
    // 23:26 UTC on 5 December is 00:26 on 6 December in Warsaw (CET, UTC+1).
    expect(warsawDateTime(new Date('2026-12-05T23:26:26.292Z'))).toBe('6 grudnia 2026, 00:26');
    expect(warsawDateTime('2026-12-05T23:26:26.292Z', 'en')).toBe('6 December 2026, 00:26');
  });

  it('follows summer time and keeps the hour two-digit', () => {
    // CEST (UTC+2): 22:05 UTC on 30 June is 00:05 on 1 July.
    expect(warsawDateTime(new Date('2026-06-30T22:05:00Z'))).toBe('1 lipca 2026, 00:05');
    expect(warsawDateTime(new Date('2026-03-01T08:07:00Z'), 'en')).toBe('1 March 2026, 09:07');
  });
});

describe('warsawYear', () => {
  it('numbers by the year in Warsaw: half past midnight on New Year’s Day there is already the new year', () => {
    expect(warsawYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(warsawYear('2026-12-31T22:59:59Z')).toBe(2026);
    expect(warsawYear(new Date('2027-01-01T00:30:00Z'))).toBe(2027);
  });
});

describe('warsawIso', () => {
  it('writes an instant in ISO 8601 with the Warsaw offset of that moment, winter and summer', () => {
    expect(warsawIso(new Date('2026-12-05T23:26:26.292Z'))).toBe('2026-12-06T00:26:26+01:00');
    expect(warsawIso('2026-07-01T07:00:00Z')).toBe('2026-07-01T09:00:00+02:00');
    expect(new Date(warsawIso('2026-12-05T23:26:26Z')).toISOString()).toBe('2026-12-05T23:26:26.000Z');
  });

  it('around the changes of time the same wall-clock hour gets its own offset', () => {
    expect(warsawIso('2026-03-29T00:59:00Z')).toBe('2026-03-29T01:59:00+01:00');
    expect(warsawIso('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00:00+02:00');
    expect(warsawIso('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00+02:00');
    expect(warsawIso('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00');
  });
});
