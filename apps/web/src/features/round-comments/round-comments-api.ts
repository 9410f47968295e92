import type { SubmitterKind, SubmitterType } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

// Typed by the API's OpenAPI document (apps/web/src/api/schema.d.ts, from consultation-responses.dto.ts).

export interface CommentContent {
  part: string;
  passage?: { from: number; to: number };
  currentWording: string;
  proposedWording: string;
  justification: string;
}

export interface PublicComment extends CommentContent {
  submitter: { kind: SubmitterKind; name: string; type: SubmitterType };
  email?: string;
  /** The honeypot: people leave it empty. */
  website?: string;
}

/** The receipt of a comment; editSecret only for one sent without signing in. */
export type CommentReceipt = Schemas['CommentReceiptDto'];

/** What the public form answers when its honeypot was filled: nothing was stored. */
export type CommentAccepted = Schemas['CommentAcceptedDto'];

/** A comment as its submitter (or staff) sees it. */
export type SubmittedComment = Schemas['ConsultationCommentDto'];

/** A comment as its sender reads it on its own page: with its round and whether it can still change. */
export type OwnComment = Schemas['OwnConsultationCommentDto'];

const round = (roundId: string) => ({ params: { path: { roundId } } });
const comment = (commentId: string) => ({ params: { path: { commentId } } });

export const submitPublicComment = (roundId: string, body: PublicComment): Promise<CommentReceipt | CommentAccepted> =>
  call(apiClient.POST('/api/public/rounds/{roundId}/comments', { ...round(roundId), body }));
export const submitOwnComment = (roundId: string, body: CommentContent): Promise<CommentReceipt> => call(apiClient.POST('/api/rounds/{roundId}/comments', { ...round(roundId), body }));
export const ownCommentsPath = (roundId: string) => `/rounds/${roundId}/comments`;
export const withdrawOwnComment = (commentId: string): Promise<OwnComment> => call(apiClient.DELETE('/api/consultation-comments/{commentId}', comment(commentId)));

/** The header that carries a public comment's secret from its receipt. */
const SECRET_HEADER = 'x-comment-secret';
const withSecret = (commentId: string, secret: string) => ({ ...comment(commentId), headers: { [SECRET_HEADER]: secret } });
export const readPublicComment = (commentId: string, secret: string): Promise<OwnComment> =>
  call(apiClient.GET('/api/public/consultation-comments/{commentId}', withSecret(commentId, secret)));
export const editPublicComment = (commentId: string, secret: string, body: CommentContent): Promise<OwnComment> =>
  call(apiClient.PATCH('/api/public/consultation-comments/{commentId}', { ...withSecret(commentId, secret), body }));
export const withdrawPublicComment = (commentId: string, secret: string): Promise<OwnComment> =>
  call(apiClient.DELETE('/api/public/consultation-comments/{commentId}', withSecret(commentId, secret)));
export const editOwnComment = (commentId: string, body: CommentContent): Promise<OwnComment> =>
  call(apiClient.PATCH('/api/consultation-comments/{commentId}', { ...comment(commentId), body }));

/** The page of a public comment, its secret in the fragment (never sent to a server). */
export const ownCommentPagePath = (roundId: string, commentId: string, secret: string) => `/consultations/${roundId}/comments/${commentId}#kod=${encodeURIComponent(secret)}`;
