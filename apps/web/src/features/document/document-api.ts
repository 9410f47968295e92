import type { DocumentStatus } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { DocumentDetails } from '../../api/types';

export const documentPath = (documentId: string) => `/documents/${documentId}`;

const patchDocument = (documentId: string, body: { title?: string; status?: DocumentStatus }): Promise<DocumentDetails> =>
  call(apiClient.PATCH('/api/documents/{documentId}', { params: { path: { documentId } }, body }));

/** Renames a document (edit access). */
export const renameDocument = (documentId: string, title: string) => patchDocument(documentId, { title });

/** Moves a document to another status (coordinators). */
export const changeDocumentStatus = (documentId: string, status: DocumentStatus) => patchDocument(documentId, { status });
