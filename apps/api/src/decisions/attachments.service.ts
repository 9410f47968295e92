import { createHash } from 'node:crypto';
import { Injectable, NotFoundException, UnsupportedMediaTypeException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UploadedFile } from '../document-files/document-files.service';
import { fieldError } from '../platform/http/field-error';
import { AppConfig } from '../platform/config/app-config';
import { storableText } from '../platform/http/input-guard';
import { requireZipWithinLimits } from '../platform/parsing/zip-upload';
import { DecisionsAccess } from './decisions-access';
import { problem } from '../platform/http/problem-codes';

/** The largest attachment accepted (413 above it). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * What a resolution's attachment may be: documents, spreadsheets and pictures, told by their content, not their name.
 * The zip containers (DOCX, XLSX, ODT) are stored, not read, but are held to the zip limits by their central directory
 * all the same, so that no bomb is kept for others to open.
 */
const KINDS: Array<{ mediaType: string; extensions: string[]; magic: (bytes: Buffer) => boolean }> = [
  { mediaType: 'application/pdf', extensions: ['pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], magic: isZip },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], magic: isZip },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], magic: isZip },
  { mediaType: 'image/png', extensions: ['png'], magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

/** The media types attachments are stored and sent with. */
export const ATTACHMENT_MEDIA_TYPES: readonly string[] = KINDS.map((kind) => kind.mediaType);

function isZip(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface AttachmentView {
  id: string;
  /** "Załącznik nr N" */
  position: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Attachments of a resolution: added and removed by coordinators while it is a draft, frozen once it is voted on. */
@Injectable()
export class AttachmentsService {

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly config: AppConfig,
  ) {}

  /** The attachments, for anyone in the resolution's workspace. */
  async listFor(userId: string, resolutionId: string): Promise<AttachmentView[]> {
    const resolution = await this.resolution(resolutionId);
    await this.access.member(resolution.workspace_id, userId);
    return this.list(resolutionId);
  }

  async list(resolutionId: string): Promise<AttachmentView[]> {
    const rows = await this.dataSource.query(`SELECT id, position, name, media_type, size, sha256 FROM resolution_attachments WHERE resolution_id = $1 ORDER BY position`, [resolutionId]);
    return rows.map((r: { id: string; position: number; name: string; media_type: string; size: number; sha256: string }) => ({ id: r.id, position: Number(r.position), name: r.name, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256 }));
  }

  async add(userId: string, resolutionId: string, file: UploadedFile | undefined): Promise<AttachmentView[]> {
    const resolution = await this.resolution(resolutionId);
    await this.access.coordinator(resolution.workspace_id, userId);
    if (!file) throw fieldError('file', 'attach a file', UnprocessableEntityException, 'attachment_required');
    const extension = file.originalname.toLowerCase().split('.').pop() ?? '';
    const kind = KINDS.find((k) => k.extensions.includes(extension));
    if (!kind) throw new UnsupportedMediaTypeException('attachments are PDF, DOCX, XLSX, ODT, PNG or JPEG files');
    if (!kind.magic(file.buffer)) throw fieldError('file', `the content is not a ${extension.toUpperCase()} file`, UnprocessableEntityException, 'attachment_content_invalid');
    if (kind.magic === isZip) await requireZipWithinLimits(file.buffer, this.config.parsing.zip);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const name = storableText(file.originalname, { fileName: true }).slice(0, 300);
    await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT state FROM resolutions WHERE id = $1 FOR UPDATE`, [resolutionId]);
      if (locked.state !== 'draft') throw problem('attachments_frozen', 'the attachments of a resolution are frozen once it is voted on');
      const [next] = await manager.query(`SELECT COALESCE(max(position), 0) + 1 AS position FROM resolution_attachments WHERE resolution_id = $1`, [resolutionId]);
      const [row] = await manager.query(
        `INSERT INTO resolution_attachments (resolution_id, position, name, media_type, size, sha256, content, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [resolutionId, next.position, name, kind.mediaType, file.size, sha256, file.buffer, userId],
      );
      await this.audit.append(manager, { workspaceId: resolution.workspace_id, actorId: userId, action: 'resolution.attachment_added', targetType: 'resolution', targetId: resolutionId, details: { attachmentId: row.id, position: Number(next.position), name, sha256 } });
    });
    return this.list(resolutionId);
  }

  async remove(userId: string, resolutionId: string, attachmentId: string): Promise<AttachmentView[]> {
    const resolution = await this.resolution(resolutionId);
    await this.access.coordinator(resolution.workspace_id, userId);
    await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT state FROM resolutions WHERE id = $1 FOR UPDATE`, [resolutionId]);
      if (locked.state !== 'draft') throw problem('attachments_frozen', 'the attachments of a resolution are frozen once it is voted on');
      const [removed] = await manager.query(`DELETE FROM resolution_attachments WHERE id = $1 AND resolution_id = $2 RETURNING name, sha256`, [attachmentId, resolutionId]);
      if (!removed) throw problem('attachment_not_found', 'attachment not found');
      await this.audit.append(manager, { workspaceId: resolution.workspace_id, actorId: userId, action: 'resolution.attachment_removed', targetType: 'resolution', targetId: resolutionId, details: { attachmentId, name: removed.name, sha256: removed.sha256 } });
    });
    return this.list(resolutionId);
  }

  /** The file, for anyone in the resolution's workspace. */
  async download(userId: string, resolutionId: string, attachmentId: string): Promise<{ body: Buffer; mediaType: string; name: string }> {
    const resolution = await this.resolution(resolutionId);
    await this.access.member(resolution.workspace_id, userId);
    const [row] = await this.dataSource.query(`SELECT name, media_type, content FROM resolution_attachments WHERE id = $1 AND resolution_id = $2`, [attachmentId, resolutionId]);
    if (!row) throw problem('attachment_not_found', 'attachment not found');
    return { body: Buffer.from(row.content), mediaType: row.media_type, name: row.name };
  }

  private async resolution(resolutionId: string): Promise<{ workspace_id: string; state: string }> {
    const [row] = await this.dataSource.query(`SELECT workspace_id, state FROM resolutions WHERE id = $1`, [resolutionId]);
    if (!row) throw new NotFoundException('resolution not found');
    return row;
  }
}
