import { describe, expect, it } from 'vitest';
import { accessAllows, documentAccess, statusTransitionAllowed } from './documents';

const now = new Date('2026-11-30T12:00:00Z');
const base = { membershipActive: true, grant: null, grantExpiresAt: null, status: 'drafting' as const, now };

describe('documentAccess', () => {
  it('lets coordinators edit, and everyone else in the workspace read', () => {
    expect(documentAccess({ ...base, role: 'coordinator' })).toEqual({ allowed: true, access: 'edit', until: null, frozen: false });
    expect(documentAccess({ ...base, role: 'expert' })).toMatchObject({ access: 'read' });
    expect(documentAccess({ ...base, role: 'representative' })).toMatchObject({ access: 'read' });
  });

  it('refuses non-members and deactivated members', () => {
    expect(documentAccess({ ...base, role: null })).toEqual({ allowed: false, reason: 'not_member' });
    expect(documentAccess({ ...base, role: 'coordinator', membershipActive: false })).toEqual({ allowed: false, reason: 'not_member' });
  });

  it('gives a grant until its end date, then refuses', () => {
    const until = new Date('2026-12-01T00:00:00Z');
    expect(documentAccess({ ...base, role: 'expert', grant: 'edit', grantExpiresAt: until })).toEqual({ allowed: true, access: 'edit', until, frozen: false });
    expect(documentAccess({ ...base, role: 'expert', grant: 'edit', grantExpiresAt: now })).toEqual({ allowed: false, reason: 'expired' });
    expect(documentAccess({ ...base, role: 'partner', grant: 'comment' })).toMatchObject({ access: 'comment' });
  });

  it('freezes adopted and archived documents', () => {
    expect(documentAccess({ ...base, role: 'coordinator', status: 'adopted' })).toMatchObject({ access: 'comment' });
    expect(documentAccess({ ...base, role: 'coordinator', status: 'archived' })).toMatchObject({ access: 'read' });
    expect(documentAccess({ ...base, role: 'expert', grant: 'comment', status: 'archived' })).toMatchObject({ access: 'read' });
  });

  it('freezes a resolution’s text for everyone once a vote on it opens, and says so', () => {
    expect(documentAccess({ ...base, role: 'coordinator', resolutionTextFrozen: true })).toEqual({ allowed: true, access: 'comment', until: null, frozen: true });
    expect(documentAccess({ ...base, role: 'expert', grant: 'edit', resolutionTextFrozen: true })).toMatchObject({ access: 'comment', frozen: true });
    expect(documentAccess({ ...base, role: 'observer', resolutionTextFrozen: true })).toMatchObject({ access: 'read', frozen: true });
  });

  it('orders access levels', () => {
    expect(accessAllows('edit', 'comment')).toBe(true);
    expect(accessAllows('comment', 'edit')).toBe(false);
    expect(accessAllows('read', 'read')).toBe(true);
  });

  it('allows only sensible status changes', () => {
    expect(statusTransitionAllowed('drafting', 'in_consultation')).toBe(true);
    expect(statusTransitionAllowed('archived', 'drafting')).toBe(true);
    expect(statusTransitionAllowed('archived', 'adopted')).toBe(false);
    expect(statusTransitionAllowed('drafting', 'drafting')).toBe(false);
  });
});
