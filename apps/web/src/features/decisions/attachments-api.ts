// A resolution's attachments (apps/api/src/decisions/attachments.*): numbered files with their SHA-256, added and
// removed by coordinators while the resolution is a draft, frozen once it is voted on.
import { api, apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

/** ResolutionView.attachments and GET /api/resolutions/:id/attachments: "Załącznik nr N" (position) with its SHA-256. */
export type AttachmentView = components['schemas']['ResolutionAttachmentDto'];

/** What the API takes (it checks the content too): the extensions and media types offered by the file input. */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.odt', '.png', '.jpg', '.jpeg'] as const;
export const ATTACHMENT_ACCEPT = [
  ...ATTACHMENT_EXTENSIONS,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
].join(',');
/** The largest attachment (the API answers 413 above it). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const attachmentsPath = (resolutionId: string) => `/resolutions/${resolutionId}/attachments`;
/** The file itself, for a link (the API sends it as a download with its name). */
export const attachmentHref = (resolutionId: string, attachmentId: string) => `/api${attachmentsPath(resolutionId)}/${attachmentId}`;

/** POST multipart (field `file`; the browser sets the boundary, so not through the typed client); answers the resolution's attachments after the addition. */
export function uploadAttachment(resolutionId: string, file: File): Promise<AttachmentView[]> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<AttachmentView[]>(attachmentsPath(resolutionId), form);
}

/** DELETE; answers the resolution's attachments after the removal. */
export const removeAttachment = (resolutionId: string, attachmentId: string): Promise<AttachmentView[]> =>
  call(apiClient.DELETE('/api/resolutions/{resolutionId}/attachments/{attachmentId}', { params: { path: { resolutionId, attachmentId } } }));
