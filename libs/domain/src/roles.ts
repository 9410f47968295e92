import type { OrganisationKind } from './organisations';

/** A person's role in one workspace (association). */
export const ROLES = ['coordinator', 'expert', 'representative', 'partner', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Which organisation a role speaks for: a representative for one member, a partner for one partner organisation. */
export function organisationKindForRole(role: Role): OrganisationKind | null {
  if (role === 'representative') return 'member';
  if (role === 'partner') return 'partner';
  return null;
}

/**
 * Checks that a role and the organisation given with it fit together. Returns the field at fault and why, or null.
 * `organisationKind` is the kind of the organisation named (null when none is named).
 */
export function roleAssignmentProblem(
  role: Role,
  organisationKind: OrganisationKind | null,
): { field: string; message: string } | null {
  const needed = organisationKindForRole(role);
  if (needed === null && organisationKind !== null) {
    return { field: 'organisationId', message: `a ${role} does not represent an organisation` };
  }
  if (needed !== null && organisationKind === null) {
    return { field: 'organisationId', message: `a ${role} must name the ${needed} organisation it represents` };
  }
  if (needed !== null && organisationKind !== needed) {
    return { field: 'organisationId', message: `a ${role} must represent a ${needed} organisation, not a ${organisationKind}` };
  }
  return null;
}
