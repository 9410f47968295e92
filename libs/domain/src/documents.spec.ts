import { describe, expect, it } from 'vitest';
import { accessAllows, documentAccess, statusTransitionAllowed, strongerAccess } from './documents';

const now = new Date('2026-11-30T12:00:00Z');
const base = { membershipActive: true, grant: null, grantExpiresAt: null, status: 'drafting' as const, now };

describe('documentAccess', () => {
  it('lets coordinators edit, and everyone else in the workspace read', () => {
    expect(documentAccess({ ...base, role: 'coordinator' })).toEqual({ allowed: true, access: 'edit', until: null, changesAt: null, frozen: false });
    expect(documentAccess({ ...base, role: 'expert' })).toMatchObject({ access: 'read' });
    expect(documentAccess({ ...base, role: 'representative' })).toMatchObject({ access: 'read' });
  });

  it('refuses non-members and deactivated members', () => {
    expect(documentAccess({ ...base, role: null })).toEqual({ allowed: false, reason: 'not_member' });
    expect(documentAccess({ ...base, role: 'coordinator', membershipActive: false })).toEqual({ allowed: false, reason: 'not_member' });
  });

  it('gives a grant until its end date, then refuses', () => {
    const until = new Date('2026-12-01T00:00:00Z');
    expect(documentAccess({ ...base, role: 'expert', grant: 'edit', grantExpiresAt: until })).toEqual({ allowed: true, access: 'edit', until, changesAt: until, frozen: false });
    expect(documentAccess({ ...base, role: 'expert', grant: 'edit', grantExpiresAt: now })).toEqual({ allowed: false, reason: 'expired' });
    expect(documentAccess({ ...base, role: 'partner', grant: 'comment' })).toMatchObject({ access: 'comment' });
  });

  it("gives an organisation's members its grant until its end date, then their role's default", () => {
    const end = new Date('2026-12-01T00:00:00Z');
    const member = { ...base, role: 'representative' as const };
    expect(documentAccess({ ...member, organisationGrant: 'edit', organisationGrantExpiresAt: end })).toEqual({
      allowed: true,
      access: 'edit',
      until: null,
      changesAt: end,
      frozen: false,
    });
    expect(documentAccess({ ...member, organisationGrant: 'edit', organisationGrantExpiresAt: now })).toEqual({
      allowed: true,
      access: 'read',
      until: null,
      changesAt: null,
      frozen: false,
    });
    expect(documentAccess({ ...member, organisationGrant: 'comment' })).toMatchObject({ access: 'comment', changesAt: null });
    // Coordinators edit whatever their organisation was given; a deactivated member has nothing from it.
    expect(documentAccess({ ...base, role: 'coordinator', organisationGrant: 'read' })).toMatchObject({ access: 'edit' });
    expect(documentAccess({ ...member, membershipActive: false, organisationGrant: 'edit' })).toEqual({ allowed: false, reason: 'not_member' });
  });

  it('takes the strongest of the personal and the organisation grant', () => {
    const member = { ...base, role: 'partner' as const };
    expect(documentAccess({ ...member, grant: 'read', organisationGrant: 'edit' })).toMatchObject({ access: 'edit' });
    expect(documentAccess({ ...member, grant: 'edit', organisationGrant: 'comment' })).toMatchObject({ access: 'edit' });
    expect(documentAccess({ ...member, grant: 'comment', organisationGrant: null })).toMatchObject({ access: 'comment' });
    expect(strongerAccess('read', 'comment')).toBe('comment');
    expect(strongerAccess('edit', 'read')).toBe('edit');
    expect(strongerAccess('comment', null)).toBe('comment');
  });

  it('keeps a person whose own grant ended while the organisation grant holds, and refuses them once it ends', () => {
    const member = { ...base, role: 'partner' as const };
    const soon = new Date('2026-12-01T00:00:00Z');
    const later = new Date('2026-12-15T00:00:00Z');
    // The own grant (edit) ends first: comment from the organisation until it ends too, then refused.
    expect(documentAccess({ ...member, grant: 'edit', grantExpiresAt: soon, organisationGrant: 'comment', organisationGrantExpiresAt: later })).toEqual({
      allowed: true,
      access: 'edit',
      until: later,
      changesAt: soon,
      frozen: false,
    });
    expect(documentAccess({ ...member, grant: 'edit', grantExpiresAt: now, organisationGrant: 'comment' })).toEqual({
      allowed: true,
      access: 'comment',
      until: null,
      changesAt: null,
      frozen: false,
    });
    expect(documentAccess({ ...member, grant: 'edit', grantExpiresAt: now, organisationGrant: 'comment', organisationGrantExpiresAt: now })).toEqual({
      allowed: false,
      reason: 'expired',
    });
    // Both give edit: the level changes only when the longer one ends.
    expect(documentAccess({ ...member, grant: 'edit', grantExpiresAt: later, organisationGrant: 'edit', organisationGrantExpiresAt: soon })).toMatchObject({
      access: 'edit',
      until: later,
      changesAt: later,
    });
    // On an archived document both ends change nothing but the refusal.
    expect(
      documentAccess({ ...member, status: 'archived', grant: 'edit', grantExpiresAt: later, organisationGrant: 'edit', organisationGrantExpiresAt: soon }),
    ).toMatchObject({ access: 'read', until: later, changesAt: later });
  });

  it('freezes adopted and archived documents', () => {
    expect(documentAccess({ ...base, role: 'coordinator', status: 'adopted' })).toMatchObject({ access: 'comment' });
    expect(documentAccess({ ...base, role: 'coordinator', status: 'archived' })).toMatchObject({ access: 'read' });
    expect(documentAccess({ ...base, role: 'expert', grant: 'comment', status: 'archived' })).toMatchObject({ access: 'read' });
  });

  it('freezes a resolution’s text for everyone once a vote on it opens, and says so', () => {
    expect(documentAccess({ ...base, role: 'coordinator', resolutionTextFrozen: true })).toEqual({ allowed: true, access: 'comment', until: null, changesAt: null, frozen: true });
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
