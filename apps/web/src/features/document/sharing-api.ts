import { type DocumentAccess, warsawTime } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type PersonGrant = Schemas['PersonGrantDto'];
export type OrganisationGrant = Schemas['OrganisationGrantDto'];
/** GET /api/documents/:id/access (coordinators): who was given access beyond what roles give. */
export type Sharing = Schemas['SharingDto'];

export type Grantee = { type: 'person'; id: string } | { type: 'organisation'; id: string };

export const sharingPath = (documentId: string) => `/documents/${documentId}/access`;

/** Gives a person or every active member of an organisation a level of access, until `expiresAt` (ISO) or for good. */
export const grantAccess = (documentId: string, grantee: Grantee, access: DocumentAccess, expiresAt: string | null): Promise<PersonGrant | OrganisationGrant> => {
  const body = { access, expiresAt };
  return grantee.type === 'person'
    ? call(apiClient.PUT('/api/documents/{documentId}/access/{userId}', { params: { path: { documentId, userId: grantee.id } }, body }))
    : call(apiClient.PUT('/api/documents/{documentId}/access/organisations/{organisationId}', { params: { path: { documentId, organisationId: grantee.id } }, body }));
};

export const revokeAccess = (documentId: string, grantee: Grantee): Promise<void> =>
  grantee.type === 'person'
    ? call(apiClient.DELETE('/api/documents/{documentId}/access/{userId}', { params: { path: { documentId, userId: grantee.id } } }))
    : call(apiClient.DELETE('/api/documents/{documentId}/access/organisations/{organisationId}', { params: { path: { documentId, organisationId: grantee.id } } }));

/** The end of a day ("YYYY-MM-DD") in Warsaw, 23:59:59, as a moment; null when it is not a date. */
export function endOfDayInWarsaw(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const noon = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== day) return null;
  return new Date(warsawTime(day, 23, 59).getTime() + 59_000);
}
