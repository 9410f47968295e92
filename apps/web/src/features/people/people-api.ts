import type { Role } from '@commonplan/domain';
import { api } from '../../api/client';
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

const base = (workspaceId: string) => `/workspaces/${workspaceId}`;

export const invite = (workspaceId: string, values: InviteValues) =>
  api.post<PendingInvitation>(`${base(workspaceId)}/invitations`, values);
export const withdrawInvitation = (workspaceId: string, invitationId: string) =>
  api.delete(`${base(workspaceId)}/invitations/${invitationId}`);
export const changeRole = (workspaceId: string, membershipId: string, values: RoleValues) =>
  api.patch<unknown>(`${base(workspaceId)}/people/${membershipId}`, values);
export const setActive = (workspaceId: string, membershipId: string, active: boolean) =>
  api.post<unknown>(`${base(workspaceId)}/people/${membershipId}/${active ? 'reactivate' : 'deactivate'}`);
