import type { PassageAnchor } from '@commonplan/editor';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type PersonRef = Schemas['PersonNameDto'];
export type CommentView = Schemas['DocumentCommentDto'];
export type Thread = Schemas['CommentThreadDto'];

/** The API's limits (comment.dto.ts). */
export const COMMENT_MAX_LENGTH = 10_000;
export const QUOTE_MAX_LENGTH = 5_000;

export const commentsPath = (documentId: string) => `/documents/${documentId}/comments`;

const thread = (documentId: string, threadId: string) => ({ params: { path: { documentId, threadId } } });

export const startThread = (documentId: string, body: { anchor: PassageAnchor; quote: string; body: string; mentions: string[] }): Promise<Thread> =>
  call(apiClient.POST('/api/documents/{documentId}/comments', { params: { path: { documentId } }, body }));
export const replyToThread = (documentId: string, threadId: string, body: { body: string; mentions: string[] }): Promise<Thread> =>
  call(apiClient.POST('/api/documents/{documentId}/comments/{threadId}/replies', { ...thread(documentId, threadId), body }));
export const setThreadStatus = (documentId: string, threadId: string, status: 'resolve' | 'reopen'): Promise<Thread> =>
  status === 'resolve'
    ? call(apiClient.POST('/api/documents/{documentId}/comments/{threadId}/resolve', thread(documentId, threadId)))
    : call(apiClient.POST('/api/documents/{documentId}/comments/{threadId}/reopen', thread(documentId, threadId)));
