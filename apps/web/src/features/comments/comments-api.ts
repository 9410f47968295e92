import type { PassageAnchor } from '@commonplan/editor';
import { api } from '../../api/client';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface CommentView {
  id: string;
  body: string;
  author: PersonRef | null;
  mentions: PersonRef[];
  createdAt: string;
}

export interface Thread {
  id: string;
  documentId: string;
  anchor: PassageAnchor;
  quote: string;
  status: 'open' | 'resolved';
  createdBy: PersonRef | null;
  createdAt: string;
  resolvedBy: PersonRef | null;
  resolvedAt: string | null;
  comments: CommentView[];
}

/** The API's limits (comment.dto.ts). */
export const COMMENT_MAX_LENGTH = 10_000;
export const QUOTE_MAX_LENGTH = 5_000;

export const commentsPath = (documentId: string) => `/documents/${documentId}/comments`;

export const startThread = (documentId: string, thread: { anchor: PassageAnchor; quote: string; body: string; mentions: string[] }) =>
  api.post<Thread>(commentsPath(documentId), thread);
export const replyToThread = (documentId: string, threadId: string, reply: { body: string; mentions: string[] }) =>
  api.post<Thread>(`${commentsPath(documentId)}/${threadId}/replies`, reply);
export const setThreadStatus = (documentId: string, threadId: string, status: 'resolve' | 'reopen') =>
  api.post<Thread>(`${commentsPath(documentId)}/${threadId}/${status}`, {});
