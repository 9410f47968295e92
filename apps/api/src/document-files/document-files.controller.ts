import { Body, Controller, Get, Post, Query, StreamableFile, UploadedFile as Uploaded, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { ExportQueryDto, ImportDocumentDto, ImportedDocumentDto } from './document-files.dto';
import { DocumentFilesService, EXPORT_MEDIA_TYPES, type UploadedFile } from './document-files.service';

/** The largest file accepted for import (413 above it). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentFilesController {
  constructor(private readonly files: DocumentFilesService) {}

  /** `?format=pdf|docx|md&version=<id|live>&lang=pl|en`: the document as a file, a cover page first. */
  @SignedIn()
  @Get('documents/:documentId/export')
  @ApiProduces(...Object.values(EXPORT_MEDIA_TYPES))
  @ApiOkResponse({
    description: 'the file, as an attachment (Content-Disposition names it)',
    content: Object.fromEntries(Object.values(EXPORT_MEDIA_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  async export(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal, @Query() query: ExportQueryDto) {
    const file = await this.files.export(principal.userId, documentId, query.format, query.version ?? 'live', query.lang ?? 'pl');
    return new StreamableFile(file.body, {
      type: file.mediaType,
      length: file.body.length,
      disposition: `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  /** A Word (.docx) or Markdown (.md) file, as multipart field `file`, becomes a new document (201). */
  @WorkspaceCapability('documents.create')
  @Post('workspaces/:workspaceId/documents/import')
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: ImportedDocumentDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  import(
    @CurrentMember() member: WorkspaceMember,
    @CurrentPrincipal() principal: Principal,
    @Uploaded() file: UploadedFile | undefined,
    @Body() body: ImportDocumentDto,
  ) {
    return this.files.import(principal.userId, member.workspaceId, file, body.kind, body.title);
  }
}
