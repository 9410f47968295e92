import { type DocumentAccess, type OrganisationKind, type Role, warsawTime } from '@commonplan/domain';
import { api } from '../../api/client';

interface GrantFacts {
  access: DocumentAccess;
  /** When the grant ends, or null: no end. */
  expiresAt: string | null;
  /** The end has passed: the grant gives nothing any more. */
  expired: boolean;
  grantedBy: { id: string; displayName: string } | null;
  grantedAt: string;
}

export interface PersonGrant extends GrantFacts {
  userId: string;
  displayName: string;
  role: Role | null;
  active: boolean;
}

export interface OrganisationGrant extends GrantFacts {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  /** Active members of the workspace who represent the organisation. */
  members: number;
}

/** GET /api/documents/:id/access (coordinators): who was given access beyond what roles give. */
export interface Sharing {
  people: PersonGrant[];
  organisations: OrganisationGrant[];
}

export type Grantee = { type: 'person'; id: string } | { type: 'organisation'; id: string };

export const sharingPath = (documentId: string) => `/documents/${documentId}/access`;

const granteePath = (documentId: string, grantee: Grantee) =>
  grantee.type === 'person'
    ? `${sharingPath(documentId)}/${encodeURIComponent(grantee.id)}`
    : `${sharingPath(documentId)}/organisations/${encodeURIComponent(grantee.id)}`;

/** Gives a person or every active member of an organisation a level of access, until `expiresAt` (ISO) or for good. */
export const grantAccess = (documentId: string, grantee: Grantee, access: DocumentAccess, expiresAt: string | null) =>
  api.put<PersonGrant | OrganisationGrant>(granteePath(documentId, grantee), { access, expiresAt });

export const revokeAccess = (documentId: string, grantee: Grantee) => api.delete(granteePath(documentId, grantee));

/** The end of a day ("YYYY-MM-DD") in Warsaw, 23:59:59, as a moment; null when it is not a date. */
export function endOfDayInWarsaw(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const noon = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== day) return null;
  return new Date(warsawTime(day, 23, 59).getTime() + 59_000);
}
