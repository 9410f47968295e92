import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

/** A file an endpoint answers with: its bytes, media type and name. */
export interface DownloadFile {
  body: Buffer;
  mediaType: string;
  fileName: string;
}

/** A download: its media type and a file name (ASCII slug, and the same as UTF-8 for clients that read it). */
export function fileDownload(file: DownloadFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.mediaType,
    length: file.body.length,
    disposition: `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

/** Documents a download: the file's bytes in one of `mediaTypes`. */
export const ApiFileResponse = (description: string, mediaTypes: readonly string[]) =>
  ApiOkResponse({ description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) });

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A PDF download. */
export const ApiPdfResponse = (description: string) => ApiFileResponse(description, ['application/pdf']);
