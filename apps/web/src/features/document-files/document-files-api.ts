import type { DocumentKind } from '@commonplan/domain';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export const EXPORT_FORMATS = ['pdf', 'docx', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The API's limit on an imported file. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.docx', '.md', '.markdown'];

/** Where a document (the live text, or a version) is downloaded as a file with a cover page in the reader's language. */
export const exportUrl = (documentId: string, format: ExportFormat, version: string, language: string) =>
  `/api/documents/${documentId}/export?format=${format}&version=${encodeURIComponent(version)}&lang=${language === 'en' ? 'en' : 'pl'}`;

/** The document a file became, and how many top-level blocks the file gave. */
export type ImportedDocument = components['schemas']['ImportedDocumentDto'];

// A multipart upload goes through `api.upload` (the browser sets the boundary); its answer is typed by the contract.
export function importDocument(workspaceId: string, file: File, kind: DocumentKind, title: string): Promise<ImportedDocument> {
  const form = new FormData();
  form.append('kind', kind);
  if (title.trim()) form.append('title', title.trim());
  form.append('file', file);
  return api.upload<ImportedDocument>(`/workspaces/${workspaceId}/documents/import`, form);
}
