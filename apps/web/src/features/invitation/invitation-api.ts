import { apiClient, call } from '../../api/client';
import type { JoinedWorkspace as GeneratedJoinedWorkspace, SignedIn } from '../../api/types';

export const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

/** A person already signed in to the invited account joins: the membership, no new session. */
export type JoinedWorkspace = GeneratedJoinedWorkspace;

/** A new account is created and signed in; an existing one accepts signed in as itself (else 401 sign_in_required / 403 wrong_account). */
export const acceptInvitation = (token: string, body: { displayName?: string; password?: string }): Promise<SignedIn | JoinedWorkspace> =>
  call(apiClient.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body }));
