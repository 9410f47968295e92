import type { Role } from '@commonplan/domain';
import { api } from '../../api/client';
import type { SignedIn } from '../../api/types';

export const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

/** A person already signed in to the invited account joins: the membership, no new session. */
export interface JoinedWorkspace {
  workspaceId: string;
  role: Role;
}

/** A new account is created and signed in; an existing one accepts signed in as itself (else 401 sign_in_required / 403 wrong_account). */
export const acceptInvitation = (token: string, body: { displayName?: string; password?: string }) =>
  api.post<SignedIn | JoinedWorkspace>(`${invitationPath(token)}/accept`, body);
