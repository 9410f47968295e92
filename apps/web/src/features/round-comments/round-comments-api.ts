import type { SubmitterKind, SubmitterType } from '@commonplan/domain';
import { api, request } from '../../api/client';


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

export interface CommentReceipt {
  id: string;
  number: string;
  roundTitle: string;
  submittedAt: string;
  editSecret?: string;
}

/** A comment as its submitter (or staff) sees it. */
export interface SubmittedComment extends Omit<CommentContent, 'passage'> {
  passage: { from: number; to: number } | null;
  id: string;
  number: string;
  submitter: { kind: string; name: string; type: string };
  channel: string;
  withdrawn: boolean;
  createdAt: string;
}

export const submitPublicComment = (roundId: string, body: PublicComment) => api.post<CommentReceipt | { accepted: true }>(`/public/rounds/${roundId}/comments`, body);
export const submitOwnComment = (roundId: string, body: CommentContent) => api.post<CommentReceipt>(`/rounds/${roundId}/comments`, body);
export const ownCommentsPath = (roundId: string) => `/rounds/${roundId}/comments`;
export const withdrawOwnComment = (commentId: string) => api.delete(`/consultation-comments/${commentId}`);

/** A comment as its sender reads it on its own page: with its round and whether it can still change. */
export interface OwnComment extends SubmittedComment {
  roundId: string;
  editable: boolean;
}

/** The header that carries a public comment's secret from its receipt. */
const SECRET_HEADER = 'x-comment-secret';
const publicCommentPath = (commentId: string) => `/public/consultation-comments/${commentId}`;
export const readPublicComment = (commentId: string, secret: string) => request<OwnComment>('GET', publicCommentPath(commentId), undefined, { [SECRET_HEADER]: secret });
export const editPublicComment = (commentId: string, secret: string, body: CommentContent) => request<OwnComment>('PATCH', publicCommentPath(commentId), body, { [SECRET_HEADER]: secret });
export const withdrawPublicComment = (commentId: string, secret: string) => request<OwnComment>('DELETE', publicCommentPath(commentId), undefined, { [SECRET_HEADER]: secret });
export const editOwnComment = (commentId: string, body: CommentContent) => api.patch<SubmittedComment>(`/consultation-comments/${commentId}`, body);

/** The page of a public comment, its secret in the fragment (never sent to a server). */
export const ownCommentPagePath = (roundId: string, commentId: string, secret: string) => `/consultations/${roundId}/comments/${commentId}#kod=${encodeURIComponent(secret)}`;
