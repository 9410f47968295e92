import { describe, expect, it } from 'vitest';
import { ROLES } from './roles';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_KINDS,
  categoryOf,
  defaultDeliveryMode,
  defaultDeliveryModeFor,
  dueDigestPeriod,
  effectiveDeliveryMode,
  isDeliveryMode,
  isNotificationKind,
} from './notifications';

describe('notification kinds and categories', () => {
  it('puts every kind in a category, and every category has a kind', () => {
    const used = new Set(Object.values(NOTIFICATION_KINDS));
    expect([...used].sort()).toEqual([...NOTIFICATION_CATEGORIES].sort());
    expect(categoryOf('vote_opened')).toBe('votes');
    expect(isNotificationKind('toString')).toBe(false);
    expect(isNotificationKind('mention')).toBe(true);
    expect(isDeliveryMode('hourly')).toBe(false);
  });

  it('sends what asks for action at once and what informs in the daily digest', () => {
    for (const role of ROLES) {
      expect(defaultDeliveryMode(role, 'mentions')).toBe('instant');
      expect(defaultDeliveryMode(role, 'signoffs')).toBe('instant');
      expect(defaultDeliveryMode(role, 'projects')).toBe(role === 'representative' || role === 'partner' ? 'instant' : 'daily');
      expect(defaultDeliveryMode(role, 'documents')).toBe('daily');
    }
    expect(defaultDeliveryMode('representative', 'meetings')).toBe('instant');
    expect(defaultDeliveryMode('observer', 'meetings')).toBe('daily');
    expect(defaultDeliveryMode('coordinator', 'rounds')).toBe('daily');
    expect(defaultDeliveryMode('partner', 'rounds')).toBe('instant');
  });

  it('follows a person’s own choice over the default', () => {
    expect(effectiveDeliveryMode('off', ['representative'], 'votes')).toBe('off');
    expect(effectiveDeliveryMode(null, ['representative'], 'votes')).toBe('instant');
  });

  it('gives a person with several roles the most immediate of their defaults', () => {
    expect(defaultDeliveryModeFor(['expert'], 'rounds')).toBe('daily');
    expect(defaultDeliveryModeFor(['expert', 'partner'], 'rounds')).toBe('instant');
    expect(defaultDeliveryModeFor(['observer'], 'votes')).toBe('daily');
    expect(defaultDeliveryModeFor([], 'votes')).toBe('daily');
  });
});

describe('digest periods (Warsaw time)', () => {
  it('makes a daily digest due from 7:00 in Warsaw, named by the Warsaw date', () => {
    // 5:59 UTC is 6:59 in Warsaw in winter; 6:00 UTC is 7:00.
    expect(dueDigestPeriod('daily', new Date('2026-12-07T05:59:00Z'))).toBeNull();
    expect(dueDigestPeriod('daily', new Date('2026-12-07T06:00:00Z'))).toBe('2026-12-07');
    // In summer Warsaw is UTC+2: 5:00 UTC is 7:00.
    expect(dueDigestPeriod('daily', new Date('2026-07-01T04:59:00Z'))).toBeNull();
    expect(dueDigestPeriod('daily', new Date('2026-07-01T05:00:00Z'))).toBe('2026-07-01');
    // 23:30 UTC on 6 December is already 7 December in Warsaw, before 7:00: the 7th's digest is not due yet.
    expect(dueDigestPeriod('daily', new Date('2026-12-06T23:30:00Z'))).toBeNull();
    expect(dueDigestPeriod('daily', new Date('2026-12-06T22:30:00Z'))).toBe('2026-12-06');
  });

  it('makes a weekly digest due from Monday 7:00, named by the Monday, for the whole week', () => {
    // Monday 7 December 2026.
    expect(dueDigestPeriod('weekly', new Date('2026-12-07T05:00:00Z'))).toBeNull();
    expect(dueDigestPeriod('weekly', new Date('2026-12-07T06:00:00Z'))).toBe('2026-12-07');
    expect(dueDigestPeriod('weekly', new Date('2026-12-10T12:00:00Z'))).toBe('2026-12-07');
    expect(dueDigestPeriod('weekly', new Date('2026-12-13T22:00:00Z'))).toBe('2026-12-07');
    // Sunday 6 December before midnight belongs to the week of Monday 30 November.
    expect(dueDigestPeriod('weekly', new Date('2026-12-06T10:00:00Z'))).toBe('2026-11-30');
  });
});
