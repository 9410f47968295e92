import { Injectable, NotFoundException, UnprocessableEntityException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Node as PMNode } from '@tiptap/pm/model';
import { DataSource } from 'typeorm';
import type { DocumentKind, DocumentStatus } from '@commonplan/domain';
import { documentFromJson, documentFromState, serializeMarkdown, slugify } from '@commonplan/editor';
import { AuditService } from '../audit/audit.service';
import { CollabEngine } from '../collab/collab-engine';
import { requireStoredState } from '../collab/stored-state';
import { DocumentAccessService } from '../documents/document-access.service';
import { contentHash } from '../versions/versions.service';
import type { Cover } from './cover';
import { renderDocx } from './export-docx';
import { renderPdf } from './export-pdf';
import { fieldError } from '../platform/http/field-error';
import { storableText } from '../platform/http/input-guard';
import { requireZipWithinLimits } from '../platform/parsing/zip-upload';
import { warsawIso } from '../platform/warsaw-time';
import { ImportParser, type ParsedFile } from './import-parser';

export const EXPORT_FORMATS = ['pdf', 'docx', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

export interface ExportedFile {
  body: Buffer;
  mediaType: string;
  fileName: string;
}

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** A file name from a title: its slug (Polish letters folded), or "dokument". */
const fileNameOf = (title: string) => slugify(title, 80) || 'dokument';

const LIVE = { pl: 'Bieżący tekst (niezamrożony)', en: 'The live text (not frozen)' } as const;
const VERSION = { pl: 'Wersja', en: 'Version' } as const;

/** Documents as files: export of the live text or a version (PDF, Word, Markdown), and import of Word and Markdown. */
@Injectable()
export class DocumentFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DocumentAccessService,
    private readonly engine: CollabEngine,
    private readonly audit: AuditService,
    private readonly parser: ImportParser,
  ) {}

  async export(userId: string, documentId: string, format: ExportFormat, version: string, language: 'pl' | 'en'): Promise<ExportedFile> {
    await this.access.require(userId, documentId, 'read');
    const [document] = await this.dataSource.query(`SELECT title FROM documents WHERE id = $1`, [documentId]);
    const title = document.title as string;
    let doc: PMNode;
    let label: string;
    let date: Date;
    let suffix = '';
    if (version === 'live') {
      doc = documentFromState(await requireStoredState(this.engine, documentId));
      label = LIVE[language];
      date = new Date();
    } else {
      const [row] = await this.dataSource.query(`SELECT number, name, content, created_at FROM document_versions WHERE document_id = $1 AND id = $2`, [documentId, version]);
      if (!row) throw fieldError('version', 'no such version of this document', NotFoundException);
      doc = documentFromJson(row.content);
      label = `${VERSION[language]} ${row.number}: ${row.name}`;
      date = new Date(row.created_at);
      suffix = `-v${row.number}`;
    }
    const cover: Cover = { title, version: label, date, contentHash: contentHash(doc), language };
    const body =
      format === 'pdf'
        ? await renderPdf(doc, cover)
        : format === 'docx'
          ? await renderDocx(doc, cover)
          : Buffer.from(serializeMarkdown(doc, { title, version: label, date: warsawIso(date), sha256: cover.contentHash }), 'utf8');
    return { body, mediaType: EXPORT_MEDIA_TYPES[format], fileName: `${fileNameOf(title)}${suffix}.${format}` };
  }

  /** A Word or Markdown file as a new document of the workspace, its text the first state of the shared document. */
  async import(userId: string, workspaceId: string, file: UploadedFile | undefined, kind: DocumentKind, title: string | undefined) {
    if (!file) throw fieldError('file', 'attach a .docx or .md file', UnprocessableEntityException);
    const extension = /\.([a-z0-9]+)$/i.exec(file.originalname)?.[1]?.toLowerCase();
    let parsed: ParsedFile;
    if (extension === 'docx') {
      // A zip bomb is refused by its central directory before a worker is started for it.
      await requireZipWithinLimits(file.buffer, this.parser.limits.zip);
      parsed = await this.parser.parse('docx', file.buffer);
    } else if (extension === 'md' || extension === 'markdown') {
      parsed = await this.parser.parse('md', file.buffer);
    } else {
      throw new UnsupportedMediaTypeException({ message: 'file: only Word (.docx) and Markdown (.md) files can be imported', errors: [{ field: 'file', message: 'only .docx and .md files can be imported' }] });
    }
    const fileName = storableText(file.originalname, { fileName: true });
    const name = storableText(title?.trim() || parsed.title?.trim() || fileName.replace(/\.[^.]+$/, '').trim() || 'Dokument').slice(0, 300);
    const id = await this.dataSource.transaction(async (manager) => {
      const [document] = await manager.query(
        `INSERT INTO documents (workspace_id, title, kind, status, created_by) VALUES ($1, $2, $3, 'drafting', $4) RETURNING id`,
        [workspaceId, name, kind, userId],
      );
      await manager.query(`INSERT INTO document_updates (document_id, data) VALUES ($1, $2)`, [document.id, Buffer.from(parsed.state)]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'document.imported',
        targetType: 'document',
        targetId: document.id,
        details: { title: name, kind, fileName: fileName.slice(0, 200), format: extension, bytes: file.size },
      });
      return document.id as string;
    });
    const [row] = await this.dataSource.query(`SELECT * FROM documents WHERE id = $1`, [id]);
    return {
      id,
      workspaceId,
      title: row.title as string,
      kind: row.kind as DocumentKind,
      status: row.status as DocumentStatus,
      createdBy: userId,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      access: 'edit' as const,
      accessUntil: null,
      /** How many top-level blocks the file gave (headings, paragraphs, lists, tables…). */
      importedBlocks: parsed.blocks,
    };
  }
}
