import { Injectable, NotFoundException } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { documentFromJson, slugify } from '@commonplan/editor';
import { ReportService } from '../consultations/report/report.service';
import { PublicRegisterService, REGISTER_POSITIONS, type PublicFile } from '../decisions/public-register.service';
import { renderPdf } from '../document-files/export-pdf';
import { AppConfig } from '../platform/config/app-config';
import { TooManyRequestsException } from '../platform/http/too-many-requests';
import type { RateCounter } from '../platform/rate-limit';
import { RateLimits } from '../platform/rate-limits';
import { DOCX_MEDIA_TYPE } from '../platform/http/file-download';
import { PublicSiteService } from './public-site.service';
import { recordXml } from './record-xml';

export const RECORD_KINDS = ['resolution', 'consultation', 'report'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What changed in a published record, in the order it happened (the BIP "rejestr zmian"). */
export interface RecordChange {
  at: Date;
  /** adopted, amended, repealed (resolution); announced, changed, opened, closed, meeting_added… (consultation); edition (report). */
  change: string;
  /** Who made the change, as the audit trail names them (null when the account is gone). */
  by: string | null;
  /** What the change concerns: the amending resolution's number, the edition's number and SHA-256… */
  detail: string | null;
}

export interface RecordFile {
  name: string;
  /** Where the file is published, relative to the site's origin. */
  href: string;
  mediaType: string;
}

/**
 * A published record with its BIP metadata (metryka, under the rules on the public information bulletin): who
 * produced the information and when, who is responsible for it, who entered it and when it was made available, and
 * its history of changes; with the files it consists of.
 */
export interface PublicRecord {
  kind: RecordKind;
  key: string;
  title: string;
  association: string;
  /** The body or office that produced the information (podmiot, który wytworzył informację). */
  producer: string;
  producedAt: Date;
  /** The person responsible for the content (who put the resolution to the vote, published the report, announced the round). */
  responsible: string | null;
  /** The person who entered it for publication, and when it was made available. */
  enteredBy: string | null;
  publishedAt: Date;
  /** The page where the record is published, relative to the site's origin. */
  page: string;
  history: RecordChange[];
  files: RecordFile[];
}

const PDF = 'application/pdf';
const DOCX = DOCX_MEDIA_TYPE;
const CSV = 'text/csv; charset=utf-8';

const noRecord = () => new NotFoundException('no such published record');

/**
 * The BIP metadata of published records and their export (a ZIP of the files with `metryka.json` and `metryka.xml`),
 * in a form a BIP system can take in. Each record is found through what publishes it (a register entry by its place, a
 * round past its draft, a report's editions), so nothing unpublished is reachable, and across associations a key of
 * another one's is simply not found.
 */
@Injectable()
export class PublicRecordsService {
  private readonly exportsPerIp: RateCounter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly site: PublicSiteService,
    private readonly register: PublicRegisterService,
    private readonly reports: ReportService,
    config: AppConfig,
    limits: RateLimits,
  ) {
    this.exportsPerIp = limits.counter('public-export-ip', config.publicExports.perIp, config.publicExports.windowMs);
  }

  async record(slug: string, kind: RecordKind, key: string): Promise<PublicRecord> {
    const association = await this.site.association(slug);
    const found = kind === 'resolution' ? await this.resolution(slug, association, key) : kind === 'report' ? await this.report(slug, association, key) : await this.consultation(slug, association, key);
    return { kind, key, association: association.name, ...found };
  }

  /**
   * The record's export: its files, with metryka.json and metryka.xml beside them. Rendering every file costs the server
   * more than any other public request, so one address gets PUBLIC_EXPORTS_PER_IP of them per window.
   */
  async export(slug: string, kind: RecordKind, key: string, ip: string): Promise<PublicFile> {
    const wait = await this.exportsPerIp.hit(ip);
    if (wait > 0) throw new TooManyRequestsException(`too many exports from this address; try again in ${wait} s`, wait);
    const record = await this.record(slug, kind, key);
    const zip = new JSZip();
    zip.file('metryka.json', JSON.stringify(record, null, 2));
    zip.file('metryka.xml', recordXml(record));
    for (const file of record.files) zip.file(`pliki/${file.name}`, (await this.file(slug, record, file)).body);
    const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return { body, mediaType: 'application/zip', fileName: `bip-${kind}-${slugify(record.title, 60) || key}.zip` };
  }

  /** Renders one of the record's files, as its own address serves it. */
  private async file(slug: string, record: PublicRecord, file: RecordFile): Promise<PublicFile> {
    if (record.kind === 'resolution') {
      const position = Number(record.key);
      if (file.name.startsWith('tekst')) return this.register.textPdf(slug, position, 'pl');
      if (file.name.startsWith('przyjety-dokument')) return file.mediaType === PDF ? this.register.adoptedPdf(slug, position, 'pl') : this.register.adoptedDocx(slug, position, 'pl');
      return this.register.minutesFile(slug, position, file.mediaType === PDF ? 'pdf' : 'docx', 'pl');
    }
    if (record.kind === 'report') {
      const edition = /wydanie-(\d+)/.exec(file.name);
      const format = file.mediaType === PDF ? 'pdf' : file.mediaType === DOCX ? 'docx' : 'csv';
      return this.reports.publishedFile(record.key, format, 'pl', edition ? Number(edition[1]) : undefined);
    }
    return this.consultedPdf(slug, record.key);
  }

  private async resolution(slug: string, association: { id: string; name: string }, key: string): Promise<Omit<PublicRecord, 'kind' | 'key' | 'association'>> {
    if (!/^[1-9]\d{0,8}$/.test(key)) throw noRecord();
    const position = Number(key);
    const details = await this.register.entry(slug, position).catch(() => {
      throw noRecord();
    });
    const [row] = await this.dataSource.query(
      `SELECT e.body_name, a.created_at AS entered_at, u.display_name AS entered_by, ou.display_name AS opened_by
       FROM (${REGISTER_POSITIONS}) e
       LEFT JOIN audit_entries a ON a.workspace_id = $1 AND a.action = 'resolution.adopted' AND a.seq = e.audit_seq
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN votes v ON v.id = e.vote_id
       LEFT JOIN users ou ON ou.id = v.opened_by
       WHERE e.position = $2`,
      [association.id, position],
    );
    const by = row?.entered_by ?? null;
    const history: RecordChange[] = [{ at: new Date(details.entry.adoptedAt), change: 'adopted', by, detail: details.entry.number }];
    // The resolutions that amend or repeal it, with when and by whom each was entered: one query for them all (each
    // register.entry would verify the whole register again).
    const later = details.changedBy.length
      ? await this.dataSource.query(
          `SELECT e.position, e.adopted_at, u.display_name AS entered_by FROM (${REGISTER_POSITIONS}) e
           LEFT JOIN audit_entries a ON a.workspace_id = $1 AND a.action = 'resolution.adopted' AND a.seq = e.audit_seq
           LEFT JOIN users u ON u.id = a.actor_id
           WHERE e.position = ANY($2::int[])`,
          [association.id, details.changedBy.map((c) => c.position)],
        )
      : [];
    for (const change of details.changedBy) {
      const entered = later.find((l: { position: string }) => Number(l.position) === change.position);
      history.push({ at: new Date(entered.adopted_at), change: change.kind === 'amends' ? 'amended' : 'repealed', by: entered.entered_by ?? null, detail: change.number });
    }
    const base = `/api/public/registers/${encodeURIComponent(slug)}/entries/${position}`;
    const name = slugify(details.entry.number, 40) || String(position);
    const files: RecordFile[] = [];
    if (details.text) files.push({ name: `tekst-uchwaly-${name}.pdf`, href: `${base}/text.pdf`, mediaType: PDF });
    if (details.adopts) {
      files.push({ name: `przyjety-dokument-${name}.pdf`, href: `${base}/adopted.pdf`, mediaType: PDF });
      files.push({ name: `przyjety-dokument-${name}.docx`, href: `${base}/adopted.docx`, mediaType: DOCX });
    }
    if (details.minutes) {
      files.push({ name: `protokol-${name}.pdf`, href: `${base}/minutes.pdf`, mediaType: PDF });
      files.push({ name: `protokol-${name}.docx`, href: `${base}/minutes.docx`, mediaType: DOCX });
    }
    return {
      title: details.entry.title,
      producer: `${row?.body_name ?? ''} (${association.name})`.trim(),
      producedAt: new Date(details.entry.adoptedAt),
      responsible: row?.opened_by ?? by,
      enteredBy: by,
      publishedAt: row?.entered_at ? new Date(row.entered_at) : new Date(details.entry.adoptedAt),
      page: `/registers/${encodeURIComponent(slug)}/${position}`,
      history,
      files,
    };
  }

  private async report(slug: string, association: { id: string; name: string }, key: string): Promise<Omit<PublicRecord, 'kind' | 'key' | 'association'>> {
    const round = await this.publishedRound(association.id, key);
    const editions = await this.dataSource.query(
      `SELECT p.edition, p.sha256, p.published_at, u.display_name AS published_by FROM consultation_reports p LEFT JOIN users u ON u.id = p.published_by
       WHERE p.round_id = $1 ORDER BY p.edition`,
      [round.id],
    );
    if (editions.length === 0) throw noRecord();
    const first = editions[0];
    const latest = editions.at(-1);
    const base = `/api/public/rounds/${round.id}`;
    const files: RecordFile[] = editions.map((e: { edition: number }) => ({ name: `sprawozdanie-wydanie-${e.edition}.pdf`, href: `${base}/report.pdf?edition=${e.edition}`, mediaType: PDF }));
    files.push({ name: `sprawozdanie-wydanie-${latest.edition}.docx`, href: `${base}/report.docx?edition=${latest.edition}`, mediaType: DOCX });
    files.push({ name: `uwagi-wydanie-${latest.edition}.csv`, href: `${base}/report.csv?edition=${latest.edition}`, mediaType: CSV });
    return {
      title: `Sprawozdanie z konsultacji: ${round.title}`,
      producer: association.name,
      producedAt: new Date(first.published_at),
      responsible: latest.published_by ?? null,
      enteredBy: first.published_by ?? null,
      publishedAt: new Date(first.published_at),
      page: `/consultations/${round.id}`,
      history: editions.map((e: { edition: number; sha256: string; published_at: string; published_by: string | null }) => ({
        at: new Date(e.published_at),
        change: 'edition',
        by: e.published_by ?? null,
        detail: `${e.edition} · SHA-256 ${e.sha256}`,
      })),
      files,
    };
  }

  private async consultation(slug: string, association: { id: string; name: string }, key: string): Promise<Omit<PublicRecord, 'kind' | 'key' | 'association'>> {
    const round = await this.publishedRound(association.id, key);
    const steps = await this.dataSource.query(
      `SELECT a.action, a.created_at, u.display_name FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.workspace_id = $1 AND a.target_type = 'consultation_round' AND a.target_id = $2 AND a.action = ANY($3::text[])
       ORDER BY a.seq`,
      [association.id, round.id, CONSULTATION_STEPS.map((s) => `consultation.${s}`)],
    );
    const history: RecordChange[] = steps.map((s: { action: string; created_at: string; display_name: string | null }) => ({
      at: new Date(s.created_at),
      change: s.action.slice('consultation.'.length),
      by: s.display_name ?? null,
      detail: null,
    }));
    const announced = history.find((h) => h.change === 'announced');
    return {
      title: `Konsultacje: ${round.title}`,
      producer: association.name,
      producedAt: new Date(round.created_at),
      responsible: announced?.by ?? null,
      enteredBy: announced?.by ?? null,
      publishedAt: announced?.at ?? new Date(round.announced_at ?? round.created_at),
      page: `/consultations/${round.id}`,
      history,
      files: [{ name: `konsultowany-dokument-${slugify(round.document_title, 60) || 'dokument'}.pdf`, href: `/api/public/sites/${encodeURIComponent(slug)}/records/consultation/${round.id}/document.pdf`, mediaType: PDF }],
    };
  }

  /** The consulted version of a round as PDF, with its SHA-256 on the cover. */
  async consultedPdf(slug: string, roundId: string): Promise<PublicFile> {
    const round = await this.publishedRound((await this.site.association(slug)).id, roundId);
    const [row] = await this.dataSource.query(
      `SELECT d.title, v.number, v.name, v.content, v.content_hash, coalesce(r.announced_at, r.created_at) AS at
       FROM consultation_rounds r JOIN document_versions v ON v.id = r.version_id JOIN documents d ON d.id = r.document_id
       WHERE r.id = $1`,
      [round.id],
    );
    const body = await renderPdf(documentFromJson(row.content as JSONContent), {
      title: row.title,
      version: `Wersja ${row.number}: ${row.name}`,
      date: new Date(row.at),
      contentHash: row.content_hash,
      language: 'pl',
    });
    return { body, mediaType: PDF, fileName: `${slugify(row.title, 60) || 'dokument'}-konsultowany.pdf` };
  }

  /** A round of the association past its draft (what the public site lists), or 404. */
  private async publishedRound(workspaceId: string, key: string): Promise<{ id: string; title: string; document_title: string; created_at: string; announced_at: string | null }> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) throw noRecord();
    const [round] = await this.dataSource.query(
      `SELECT r.id, r.title, d.title AS document_title, r.created_at, r.announced_at FROM consultation_rounds r JOIN documents d ON d.id = r.document_id
       WHERE r.id = $1 AND r.workspace_id = $2 AND r.state <> 'draft'`,
      [key, workspaceId],
    );
    if (!round) throw noRecord();
    return round;
  }
}

/** The steps of a round its public history lists (what the audit trail records of it, without the comments). */
const CONSULTATION_STEPS = ['announced', 'changed', 'opened', 'closed', 'meeting_added', 'meeting_changed', 'publication_changed', 'report_published'];
