import type { Role } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';
import type { PendingInvitation } from '../../api/types';

export interface InviteValues {
  email: string;
  role: Role;
  organisationId: string | null;
  displayName?: string;
}

export interface RoleValues {
  role: Role;
  organisationId: string | null;
}

/** A membership after a change of role or of its being active. */
export type Membership = components['schemas']['MembershipDto'];

const workspace = (workspaceId: string) => ({ params: { path: { workspaceId } } });
const person = (workspaceId: string, membershipId: string) => ({ params: { path: { workspaceId, membershipId } } });

// Typed by the API's OpenAPI document (apps/web/src/api/schema.d.ts).
export const invite = (workspaceId: string, values: InviteValues): Promise<PendingInvitation> =>
  call(apiClient.POST('/api/workspaces/{workspaceId}/invitations', { ...workspace(workspaceId), body: values }));
export const withdrawInvitation = (workspaceId: string, invitationId: string): Promise<void> =>
  call(apiClient.DELETE('/api/workspaces/{workspaceId}/invitations/{invitationId}', { params: { path: { workspaceId, invitationId } } }));
export const changeRole = (workspaceId: string, membershipId: string, values: RoleValues): Promise<Membership> =>
  call(apiClient.PATCH('/api/workspaces/{workspaceId}/people/{membershipId}', { ...person(workspaceId, membershipId), body: values }));
export const setActive = (workspaceId: string, membershipId: string, active: boolean): Promise<Membership> =>
  active
    ? call(apiClient.POST('/api/workspaces/{workspaceId}/people/{membershipId}/reactivate', person(workspaceId, membershipId)))
    : call(apiClient.POST('/api/workspaces/{workspaceId}/people/{membershipId}/deactivate', person(workspaceId, membershipId)));
