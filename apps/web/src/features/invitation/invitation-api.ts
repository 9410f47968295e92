import { api } from '../../api/client';
import type { SignedIn } from '../../api/types';

export const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export const acceptInvitation = (token: string, body: { displayName?: string; password?: string }) =>
  api.post<SignedIn>(`${invitationPath(token)}/accept`, body);
