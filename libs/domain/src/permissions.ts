import type { Role } from './roles';

/**
 * What a role may do in its workspace. Document-level access (edit / comment / read per document) comes on top of
 * this and is decided per document.
 */
export const CAPABILITIES = [
  'workspace.read',
  'people.read',
  'people.readContact',
  'people.manage',
  'organisations.manage',
  'audit.read',
  'documents.create',
  'consultations.manage',
  /** Bodies and their rules, resolutions, meetings, opening and closing votes. */
  'decisions.manage',
  /** Casting its member's vote (and a proxy's) on resolutions. */
  'decisions.vote',
  /** Joint projects: creating and changing them, moving them along the pipeline. */
  'projects.manage',
  /** The association's details on its public site (contacts, the accessibility contact). */
  'publication.manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const GRANTS: Record<Role, readonly Capability[]> = {
  coordinator: CAPABILITIES.filter((capability) => capability !== 'decisions.vote'),
  expert: ['workspace.read', 'people.read'],
  representative: ['workspace.read', 'people.read', 'decisions.vote'],
  partner: ['workspace.read', 'people.read'],
  observer: ['workspace.read', 'people.read'],
};

export function can(role: Role, capability: Capability): boolean {
  return GRANTS[role].includes(capability);
}

/** Roles that hold a capability; used by guards to declare what an endpoint needs. */
export function rolesWith(capability: Capability): Role[] {
  return (Object.keys(GRANTS) as Role[]).filter((role) => can(role, capability));
}
