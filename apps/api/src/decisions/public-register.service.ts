import { Injectable, NotFoundException } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import { DataSource } from 'typeorm';
import { documentFromJson, slugify } from '@commonplan/editor';
import { renderDocx } from '../document-files/export-docx';
import { renderPdf } from '../document-files/export-pdf';
import { DOCX_MEDIA_TYPE } from '../platform/http/file-download';
import { MinutesService, type MinutesFile, type MinutesFormat } from './minutes/minutes.service';
import type { MinutesLanguage } from './minutes/minutes-labels';
import { type PublicRegisterEntry, RegisterService } from './register.service';

/** A register entry as published with what it adopted: its text as voted, the document it adopts, the minutes. */
export interface PublicRegisterEntryDetails {
  workspace: string;
  entry: PublicRegisterEntry;
  /** The resolution's text as it was voted on (the frozen version's content as editor JSON, and its SHA-256); null for old entries. */
  text: { content: JSONContent; contentHash: string } | null;
  /** The document version the resolution adopts, when it adopts one. */
  adopts: { documentTitle: string; number: number; name: string; contentHash: string } | null;
  /** The meeting whose minutes record the vote, once it is closed (null for a remote vote, which has no minutes). */
  minutes: { title: string; startsAt: Date } | null;
  /** The adopted resolution this one amends or repeals: its number and its place in the register. */
  changes: { number: string; kind: 'amends' | 'repeals'; position: number | null } | null;
  /** Adopted resolutions that amend or repeal this one. */
  changedBy: Array<{ number: string; kind: 'amends' | 'repeals'; position: number }>;
}

export interface PublicFile {
  body: Buffer;
  mediaType: string;
  fileName: string;
}

/** The register of the workspace in $1 with each entry's place (1, 2, … in the order they were entered). */
export const REGISTER_POSITIONS = `SELECT *, row_number() OVER (ORDER BY id) AS position FROM decision_register WHERE workspace_id = $1`;

interface EntryRow {
  workspace_id: string;
  workspace_name: string;
  resolution_id: string;
  number: string;
  title: string;
  adopted_at: string;
  text_version_id: string | null;
  meeting_id: string | null;
  meeting_closed: boolean;
  adopts_version_id: string | null;
}

/**
 * The public register's pages and files (no sign-in): an entry with the texts it adopted, each downloadable as PDF
 * with its SHA-256 on the cover, and the minutes of the meeting that adopted it. Everything is found through the entry,
 * so nothing unpublished is reachable.
 */
@Injectable()
export class PublicRegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterService,
    private readonly minutes: MinutesService,
  ) {}

  async entry(slug: string, position: number): Promise<PublicRegisterEntryDetails> {
    const row = await this.row(slug, position);
    const published = (await this.register.publicList(slug)).entries.find((e) => e.position === position);
    if (!published) throw new NotFoundException('no such entry in this register');
    const [text] = row.text_version_id ? await this.dataSource.query(`SELECT content, content_hash FROM document_versions WHERE id = $1`, [row.text_version_id]) : [];
    const [adopts] = row.adopts_version_id
      ? await this.dataSource.query(`SELECT d.title, v.number, v.name, v.content_hash FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1`, [row.adopts_version_id])
      : [];
    const [meeting] = row.meeting_closed ? await this.dataSource.query(`SELECT title, starts_at FROM decision_meetings WHERE id = $1`, [row.meeting_id]) : [];
    const [changes] = await this.dataSource.query(
      `SELECT t.number, r.change_kind, e.position FROM resolutions r JOIN resolutions t ON t.id = r.changes_resolution_id
       LEFT JOIN (${REGISTER_POSITIONS}) e ON e.resolution_id = t.id WHERE r.id = $2`,
      [row.workspace_id, row.resolution_id],
    );
    const changedBy = await this.dataSource.query(
      `SELECT r.number, r.change_kind, e.position FROM resolutions r JOIN (${REGISTER_POSITIONS}) e ON e.resolution_id = r.id
       WHERE r.changes_resolution_id = $2 AND r.state = 'adopted' ORDER BY e.position`,
      [row.workspace_id, row.resolution_id],
    );
    return {
      workspace: row.workspace_name,
      entry: published,
      text: text ? { content: text.content as JSONContent, contentHash: text.content_hash as string } : null,
      adopts: adopts ? { documentTitle: adopts.title, number: Number(adopts.number), name: adopts.name, contentHash: adopts.content_hash } : null,
      minutes: meeting ? { title: meeting.title, startsAt: new Date(meeting.starts_at) } : null,
      changes: changes ? { number: changes.number, kind: changes.change_kind, position: changes.position === null ? null : Number(changes.position) } : null,
      changedBy: changedBy.map((c: { number: string; change_kind: 'amends' | 'repeals'; position: string }) => ({ number: c.number, kind: c.change_kind, position: Number(c.position) })),
    };
  }

  /** The resolution's text as voted, as PDF with its SHA-256 on the cover. */
  async textPdf(slug: string, position: number, language: 'pl' | 'en'): Promise<PublicFile> {
    const row = await this.row(slug, position);
    if (!row.text_version_id) throw new NotFoundException('this entry was adopted before resolutions’ texts were frozen: there is no voted text to download');
    return this.versionPdf(row.text_version_id, row.title, row.adopted_at, language, `uchwala-${row.number}`);
  }

  /** The document version the resolution adopts, as PDF. */
  async adoptedPdf(slug: string, position: number, language: 'pl' | 'en'): Promise<PublicFile> {
    const row = await this.row(slug, position);
    if (!row.adopts_version_id) throw new NotFoundException('this resolution adopts no document');
    const [document] = await this.dataSource.query(`SELECT d.title FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1`, [row.adopts_version_id]);
    return this.versionPdf(row.adopts_version_id, document.title, row.adopted_at, language, `${slugify(document.title, 60) || 'dokument'}-przyjety-${row.number}`);
  }

  /** The document version the resolution adopts, as DOCX (its SHA-256 on the cover), for those who edit it further. */
  async adoptedDocx(slug: string, position: number, language: 'pl' | 'en'): Promise<PublicFile> {
    const row = await this.row(slug, position);
    if (!row.adopts_version_id) throw new NotFoundException('this resolution adopts no document');
    const [version] = await this.dataSource.query(
      `SELECT d.title, v.number, v.name, v.content, v.content_hash FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1`,
      [row.adopts_version_id],
    );
    const label = language === 'pl' ? `Wersja ${version.number}: ${version.name}` : `Version ${version.number}: ${version.name}`;
    const body = await renderDocx(documentFromJson(version.content as JSONContent), { title: version.title, version: label, date: new Date(row.adopted_at), contentHash: version.content_hash, language });
    const name = `${slugify(version.title, 60) || 'dokument'}-przyjety-${row.number}`.replace(/\//g, '-');
    return { body, mediaType: DOCX_MEDIA_TYPE, fileName: `${name}.docx` };
  }

  /** The minutes of the meeting at which the resolution was adopted. */
  async minutesFile(slug: string, position: number, format: MinutesFormat, language: MinutesLanguage): Promise<MinutesFile> {
    const row = await this.row(slug, position);
    if (!row.meeting_id) throw new NotFoundException('this resolution was adopted in a remote vote, which has no minutes');
    if (!row.meeting_closed) throw new NotFoundException('the minutes are published once the meeting is closed');
    return this.minutes.publicFile(row.meeting_id, format, language);
  }

  private async versionPdf(versionId: string, title: string, adoptedAt: string, language: 'pl' | 'en', name: string): Promise<PublicFile> {
    const [version] = await this.dataSource.query(`SELECT number, name, content, content_hash FROM document_versions WHERE id = $1`, [versionId]);
    const doc = documentFromJson(version.content as JSONContent);
    const label = language === 'pl' ? `Wersja ${version.number}: ${version.name}` : `Version ${version.number}: ${version.name}`;
    const body = await renderPdf(doc, { title, version: label, date: new Date(adoptedAt), contentHash: version.content_hash, language });
    return { body, mediaType: 'application/pdf', fileName: `${name.replace(/\//g, '-')}.pdf` };
  }

  private async row(slug: string, position: number): Promise<EntryRow> {
    const [workspace] = await this.dataSource.query(`SELECT id, name FROM workspaces WHERE slug = $1`, [slug]);
    if (!workspace) throw new NotFoundException('workspace not found');
    const [row] = await this.dataSource.query(
      `SELECT e.workspace_id, $3::text AS workspace_name, e.resolution_id, e.number, e.title, e.adopted_at, v.text_version_id, COALESCE(v.meeting_id, el.meeting_id) AS meeting_id,
              m.state = 'closed' AS meeting_closed, r.adopts_version_id
       FROM (${REGISTER_POSITIONS}) e LEFT JOIN votes v ON v.id = e.vote_id JOIN resolutions r ON r.id = e.resolution_id
       LEFT JOIN elections el ON el.id = e.election_id
       LEFT JOIN decision_meetings m ON m.id = COALESCE(v.meeting_id, el.meeting_id)
       WHERE e.position = $2`,
      [workspace.id, position, workspace.name],
    );
    if (!row) throw new NotFoundException('no such entry in this register');
    return row;
  }
}
