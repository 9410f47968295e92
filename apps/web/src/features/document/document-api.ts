import type { DocumentStatus } from '@commonplan/domain';
import { api } from '../../api/client';
import type { DocumentDetails } from '../../api/types';

export const documentPath = (documentId: string) => `/documents/${documentId}`;

/** Renames a document (edit access). */
export const renameDocument = (documentId: string, title: string) => api.patch<DocumentDetails>(documentPath(documentId), { title });

/** Moves a document to another status (coordinators). */
export const changeDocumentStatus = (documentId: string, status: DocumentStatus) =>
  api.patch<DocumentDetails>(documentPath(documentId), { status });
