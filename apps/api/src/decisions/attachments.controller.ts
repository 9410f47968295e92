import { Controller, Delete, Get, HttpCode, Post, StreamableFile, UploadedFile as Uploaded, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import type { UploadedFile } from '../document-files/document-files.service';
import { UuidParam } from '../platform/http/params';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, AttachmentsService } from './attachments.service';
import { ResolutionAttachmentDto } from './dto/decisions-responses.dto';
import { ApiFileResponse } from '../platform/http/file-download';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('resolutions/:resolutionId/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @SignedIn()
  @Get()
  @ApiOkResponse({ type: [ResolutionAttachmentDto] })
  list(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal) {
    return this.attachments.listFor(principal.userId, resolutionId);
  }

  /** A file (multipart field `file`: PDF, DOCX, XLSX, ODT, PNG, JPEG; at most 10 MB) added as the next attachment of a draft (coordinators). */
  @SignedIn()
  @Post()
  @ApiCreatedResponse({ type: [ResolutionAttachmentDto], description: 'the resolution’s attachments after the addition' })
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } }))
  add(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal, @Uploaded() file: UploadedFile | undefined) {
    return this.attachments.add(principal.userId, resolutionId, file);
  }

  @SignedIn()
  @Get(':attachmentId')
  @ApiFileResponse('the file, as a download with its name', ATTACHMENT_MEDIA_TYPES)
  async download(@UuidParam('resolutionId') resolutionId: string, @UuidParam('attachmentId') attachmentId: string, @CurrentPrincipal() principal: Principal) {
    const file = await this.attachments.download(principal.userId, resolutionId, attachmentId);
    return new StreamableFile(file.body, { type: file.mediaType, length: file.body.length, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` });
  }

  @SignedIn()
  @Delete(':attachmentId')
  @HttpCode(200)
  @ApiOkResponse({ type: [ResolutionAttachmentDto], description: 'the resolution’s attachments after the removal' })
  remove(@UuidParam('resolutionId') resolutionId: string, @UuidParam('attachmentId') attachmentId: string, @CurrentPrincipal() principal: Principal) {
    return this.attachments.remove(principal.userId, resolutionId, attachmentId);
  }
}
