import { createHash } from 'node:crypto';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Node as PMNode } from '@tiptap/pm/model';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson, type Disposition, quoted, type RoundAudience, type RoundChannel, type RoundState, roundTransition, type SubmitterType } from '@commonplan/domain';
import { documentFromJson, slugify } from '@commonplan/editor';
import { MembershipLookup } from '../../access/membership-lookup';
import { AuditService } from '../../audit/audit.service';
import { type AddressMessage, Notifier } from '../../notifications/notifier';
import { AppConfig } from '../../platform/config/app-config';
import { problem, type ProblemCode } from '../../platform/http/problem-codes';
import { renderCsv } from './render-csv';
import { renderReportDocx } from './render-docx';
import { renderReportPdf } from './render-pdf';
import { renderReportXlsx } from './render-xlsx';
import { publicCommentLink } from '../round-notifications';
import { resolutionFullTitle, TRANSITION_REFUSALS } from '../rounds.service';
import {
  buildReport,
  publicationBlockers,
  type ReportChapter,
  type ReportCommentRow,
  type ReportContent,
  type ReportInput,
  type StoredReportContent,
  substanceOf,
  toPublicReportContent,
} from './report-data';
import { type ReportLanguage, reportLabels } from './report-labels';
import type { DownloadFile } from '../../platform/http/file-download';

export const REPORT_FORMATS = ['pdf', 'docx', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportEditionSummary {
  edition: number;
  sha256: string;
  publishedAt: Date;
}

/**
 * A published edition as anyone may read it (GET /api/public/rounds/:id/report): its frozen content and the SHA-256
 * of that content's canonical JSON. Built field by field in ReportService.published (toPublicReportContent).
 */
export interface PublishedReport extends ReportEditionSummary {
  roundId: string;
  /** As sealed: an edition published before format 2 keeps its own shape (see report-data.ts). */
  content: StoredReportContent;
  /** Every published edition of the round, oldest first. */
  editions: ReportEditionSummary[];
}

/** The report as it would be published now, for the round's staff. */
export interface ReportPreview {
  roundId: string;
  state: RoundState;
  content: ReportContent;
  /** Comments that hold up publication (not withdrawn): without a disposition, or with one not approved. */
  blockers: { undecided: string[]; unapproved: string[] };
  editions: ReportEditionSummary[];
  /** Whether the data differs from the latest published edition (null when none is published). */
  changedSinceLatest: boolean | null;
  /** Whether a coordinator could publish now, and if not, why. */
  publishable: { ok: boolean; reason: 'round_not_closed' | 'undecided_comments' | 'unchanged' | null };
}

export type ReportFile = DownloadFile;

const notFound = () => new NotFoundException('consultation round not found');
const noReport = () => new NotFoundException('no report of this consultation is published');

/** The SHA-256 of a report's canonical JSON: what the audit trail records and anyone can check against the JSON. */
export function reportHash(content: ReportContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * The chapters of the consulted version: its top-level headings of the highest rank that occurs more than once (a
 * document whose only level-1 heading is its title has its chapters at level 2), with their positions, so a comment's
 * passage falls in the last one before it.
 */
export function chaptersOf(doc: PMNode): ReportChapter[] {
  const headings: Array<{ pos: number; level: number; title: string }> = [];
  doc.forEach((node, offset) => {
    if (node.type.name === 'heading' && node.textContent.trim()) headings.push({ pos: offset, level: Number(node.attrs['level']) || 1, title: node.textContent.trim() });
  });
  const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
  const top = levels.find((level) => headings.filter((h) => h.level === level).length > 1) ?? levels[0];
  return headings.filter((h) => h.level === top).map(({ pos, title }) => ({ pos, title }));
}

/**
 * The consultation report: built from the data (report-data.ts), previewed by staff, published by coordinators as
 * numbered, frozen editions (the first publication also moves the round to report_published), and served to the
 * public from the frozen snapshot in every format.
 *
 * A new edition: decisions stay editable after publication (triage), the published editions never change, and the
 * staff preview shows whether the data now differs from the latest edition; publishing again makes edition N+1.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly memberships: MembershipLookup,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  /** The report as it would be published now (coordinators and experts of the round's workspace). */
  async preview(userId: string, roundId: string): Promise<ReportPreview> {
    const round = await this.round(this.dataSource.manager, roundId);
    await this.staff(userId, round.workspace_id);
    const editions = await this.editions(this.dataSource.manager, roundId);
    const { content, comments } = await this.build(this.dataSource.manager, round, (editions.at(-1)?.edition ?? 0) + 1, null);
    const blockers = publicationBlockers(comments);
    const latest = editions.length ? await this.latestContent(this.dataSource.manager, roundId) : null;
    const changedSinceLatest = latest ? canonicalJson(substanceOf(latest)) !== canonicalJson(substanceOf(content)) : null;
    const reason =
      round.state !== 'closed' && round.state !== 'report_published'
        ? 'round_not_closed'
        : blockers.undecided.length + blockers.unapproved.length > 0
          ? 'undecided_comments'
          : changedSinceLatest === false
            ? 'unchanged'
            : null;
    return { roundId, state: round.state, content, blockers, editions, changedSinceLatest, publishable: { ok: reason === null, reason } };
  }

  async previewFile(userId: string, roundId: string, format: ReportFormat, language: ReportLanguage): Promise<ReportFile> {
    const { content } = await this.preview(userId, roundId);
    return this.file(content, null, format, language);
  }

  /**
   * Publishes the report as its next edition (coordinators): only once the round is closed, and only when every
   * comment that is not withdrawn has an approved disposition (409 naming the others). The first edition moves the
   * round to report_published; a later one must differ from the latest. The edition's SHA-256 goes into the audit
   * trail in the same transaction.
   */
  async publish(userId: string, roundId: string): Promise<ReportEditionSummary> {
    const { workspace_id: workspaceId } = await this.round(this.dataSource.manager, roundId);
    const member = await this.staff(userId, workspaceId);
    if (member !== 'coordinator') throw new ForbiddenException('only coordinators publish the report');
    return this.dataSource.transaction(async (manager) => {
      const round = await this.round(manager, roundId, true);
      if (round.state !== 'closed' && round.state !== 'report_published') {
        throw problem('report_round_not_closed', `a round that is ${round.state} has no report yet: it is published after the close`);
      }
      const editions = await this.editions(manager, roundId);
      const edition = (editions.at(-1)?.edition ?? 0) + 1;
      const publishedAt = new Date();
      const built = await this.build(manager, round, edition, publishedAt.toISOString());
      const blockers = publicationBlockers(built.comments);
      const waiting = blockers.undecided.length + blockers.unapproved.length;
      if (waiting > 0) {
        const parts = [
          blockers.undecided.length ? `${blockers.undecided.length} without a disposition (${blockers.undecided.join(', ')})` : '',
          blockers.unapproved.length ? `${blockers.unapproved.length} not approved (${blockers.unapproved.join(', ')})` : '',
        ].filter(Boolean);
        throw new ConflictException({
          code: 'report_undecided_comments' satisfies ProblemCode,
          message: `${waiting} comment${waiting === 1 ? ' is' : 's are'} not decided and approved: ${parts.join('; ')}`,
          undecided: blockers.undecided,
          unapproved: blockers.unapproved,
        });
      }
      if (editions.length) {
        const latest = await this.latestContent(manager, roundId);
        if (latest && canonicalJson(substanceOf(latest)) === canonicalJson(substanceOf(built.content))) {
          throw problem('report_unchanged', `nothing changed since edition ${editions.at(-1)?.edition}: a new edition needs a change`);
        }
      }
      // What is stored is what is hashed: the JSON as the database gives it back.
      const content = JSON.parse(JSON.stringify(built.content)) as ReportContent;
      const sha256 = reportHash(content);
      await manager.query(`INSERT INTO consultation_reports (round_id, edition, content, sha256, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        roundId,
        edition,
        JSON.stringify(content),
        sha256,
        publishedAt,
        userId,
      ]);
      const details: Record<string, unknown> = { edition, sha256 };
      if (round.state === 'closed') {
        const result = roundTransition(round.state, 'publish_report', { now: publishedAt, opensAt: new Date(round.opens_at), closesAt: new Date(round.closes_at) });
        if (!result.ok) throw problem(TRANSITION_REFUSALS[result.refusal], result.reason);
        await manager.query(`UPDATE consultation_rounds SET state = $2, report_published_at = $3 WHERE id = $1`, [roundId, result.state, publishedAt]);
        Object.assign(details, { from: round.state, to: result.state });
      }
      await this.audit.append(manager, { workspaceId, actorId: userId, action: 'consultation.report_published', targetType: 'consultation_round', targetId: roundId, details });
      await this.tellSubmitters(manager, round, edition, built.comments);
      return { edition, sha256, publishedAt };
    });
  }

  /**
   * Every submitter who left an e-mail address hears that the edition is published (in the publication's
   * transaction, through the outbox): one e-mail per address and edition, listing only their own comments considered
   * in the report, each with a link to its row of the annex on the public round page. Written in Polish, or in the
   * language of the account of a submitter who commented signed in. An address that unsubscribed from reports gets
   * nothing (Notifier.notifyAddresses). One query for the languages, however many submitters.
   */
  private async tellSubmitters(manager: EntityManager, round: RoundRow, edition: number, comments: ReportCommentRow[]): Promise<void> {
    const byAddress = new Map<string, { numbers: Array<{ number: string; disposition: Disposition | null }>; userIds: Set<string> }>();
    for (const c of comments) {
      if (!c.email || c.withdrawn) continue;
      const address = c.email.trim().toLowerCase();
      const entry = byAddress.get(address) ?? { numbers: [], userIds: new Set<string>() };
      entry.numbers.push({ number: c.number, disposition: c.disposition });
      if (c.userId) entry.userIds.add(c.userId);
      byAddress.set(address, entry);
    }
    if (byAddress.size === 0) return;
    const userIds = [...new Set([...byAddress.values()].flatMap((e) => [...e.userIds]))];
    const english = new Set<string>(
      userIds.length ? (await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND language = 'en'`, [userIds])).map((r: { id: string }) => r.id) : [],
    );
    const messages: AddressMessage[] = [];
    for (const [address, entry] of byAddress) {
      const language: ReportLanguage = [...entry.userIds].some((id) => english.has(id)) ? 'en' : 'pl';
      const labels = reportLabels(language);
      const own = entry.numbers.sort((a, b) => a.number.localeCompare(b.number));
      const lines = own.map((c) => `${c.number} (${labels.dispositions[c.disposition ?? 'undecided']}): ${this.config.publicUrl}${publicCommentLink(round.id, c.number)}`);
      const title = quoted(round.title, language);
      messages.push({
        address,
        language,
        link: `/consultations/${round.id}`,
        message:
          language === 'en'
            ? {
                subject: edition > 1 ? `Consultation report, edition ${edition}: ${round.title}` : `Consultation report: ${round.title}`,
                paragraphs: [
                  edition > 1
                    ? `Edition ${edition} of the report on the consultation ${title} has been published (it replaces the earlier one).`
                    : `The report on the consultation ${title} has been published.`,
                  own.length === 1 ? 'The answer to your comment:' : 'The answers to your comments:',
                  lines.join('\n'),
                ],
              }
            : {
                subject: edition > 1 ? `Sprawozdanie z konsultacji, wydanie ${edition}: ${round.title}` : `Sprawozdanie z konsultacji: ${round.title}`,
                paragraphs: [
                  edition > 1
                    ? `Opublikowano wydanie ${edition} sprawozdania z konsultacji ${title} (zastępuje poprzednie).`
                    : `Opublikowano sprawozdanie z konsultacji ${title}.`,
                  own.length === 1 ? 'Rozstrzygnięcie Twojej uwagi:' : 'Rozstrzygnięcia Twoich uwag:',
                  lines.join('\n'),
                ],
              },
      });
    }
    await this.notifier.notifyAddresses(manager, { key: `report_published:${round.id}:${edition}`, kind: 'report_published', workspaceId: round.workspace_id, category: 'reports', messages });
  }

  /** A published edition (the latest by default), for anyone: 404 when none is published. */
  async published(roundId: string, edition?: number): Promise<PublishedReport> {
    const editions = await this.editions(this.dataSource.manager, roundId);
    if (editions.length === 0) throw noReport();
    const wanted = edition ?? (editions.at(-1) as ReportEditionSummary).edition;
    const [row] = await this.dataSource.query(`SELECT edition, content, sha256, published_at FROM consultation_reports WHERE round_id = $1 AND edition = $2`, [roundId, wanted]);
    if (!row) throw new NotFoundException(`edition ${wanted} of this report is not published`);
    return {
      roundId,
      edition: Number(row.edition),
      sha256: row.sha256,
      publishedAt: new Date(row.published_at),
      content: toPublicReportContent(row.content as StoredReportContent),
      editions: editions.map((e) => ({ edition: e.edition, sha256: e.sha256, publishedAt: e.publishedAt })),
    };
  }

  /** A published edition as a file, rendered from its frozen content. */
  async publishedFile(roundId: string, format: ReportFormat, language: ReportLanguage, edition?: number): Promise<ReportFile> {
    const report = await this.published(roundId, edition);
    return this.file(report.content, report.sha256, format, language);
  }

  private async file(content: StoredReportContent, sha256: string | null, format: ReportFormat, language: ReportLanguage): Promise<ReportFile> {
    const labels = reportLabels(language);
    const body =
      format === 'pdf'
        ? await renderReportPdf(content, sha256, language)
        : format === 'docx'
          ? await renderReportDocx(content, sha256, language)
          : format === 'csv'
            ? renderCsv(content, language)
            : await renderReportXlsx(content, sha256, language);
    const name = slugify(content.round.title, 60) || 'konsultacje';
    const suffix = content.publishedAt ? `${labels.fileName.edition}-${content.edition}` : labels.fileName.draft;
    return { body, mediaType: MEDIA_TYPES[format], fileName: `${labels.fileName.report}-${name}-${suffix}.${format}` };
  }

  private async build(manager: EntityManager, round: RoundRow, edition: number, publishedAt: string | null): Promise<{ content: ReportContent; comments: ReportCommentRow[] }> {
    const meetings: Array<{ id: string; starts_at: Date | string; place: string; participants: number | null; summary: string }> = await manager.query(
      `SELECT id, starts_at, place, participants, summary FROM consultation_meetings WHERE round_id = $1 ORDER BY starts_at`,
      [round.id],
    );
    const rows: CommentRow[] = await manager.query(
      `SELECT number, part, passage_from, passage_to, current_wording, proposed_wording, justification, submitter_kind, submitter_name, submitter_type,
              email, user_id, channel, withdrawn_at, created_at, disposition, disposition_justification, approved_at, applied_text, meeting_id
       FROM consultation_comments WHERE round_id = $1 ORDER BY created_at, number`,
      [round.id],
    );
    // The resolution named as approving the report, read from the decisions' tables: only once adopted.
    const [resolution]: Array<{ number: string; title: string; decided_at: Date | string; body: string; body_genitive: string }> = round.approved_by_resolution_id
      ? await manager.query(
          `SELECT r.number, r.title, r.decided_at, b.name AS body, b.name_genitive AS body_genitive
           FROM resolutions r JOIN decision_bodies b ON b.id = r.body_id
           WHERE r.id = $1 AND r.workspace_id = $2 AND r.state = 'adopted' AND r.number IS NOT NULL AND r.decided_at IS NOT NULL`,
          [round.approved_by_resolution_id, round.workspace_id],
        )
      : [];
    const comments: ReportCommentRow[] = rows.map((c) => ({
      number: c.number,
      part: c.part,
      passageFrom: c.passage_from === null ? null : Number(c.passage_from),
      passageTo: c.passage_to === null ? null : Number(c.passage_to),
      currentWording: c.current_wording,
      proposedWording: c.proposed_wording,
      justification: c.justification,
      submitterKind: c.submitter_kind,
      submitterName: c.submitter_name,
      submitterType: c.submitter_type,
      email: c.email,
      userId: c.user_id,
      channel: c.channel,
      withdrawn: c.withdrawn_at !== null,
      createdAt: iso(c.created_at) as string,
      disposition: c.disposition,
      dispositionJustification: c.disposition_justification,
      approved: c.approved_at !== null,
      appliedText: c.applied_text,
      meetingId: c.meeting_id,
    }));
    const input: ReportInput = {
      workspaceName: round.workspace_name,
      round: {
        id: round.id,
        title: round.title,
        legalBasis: round.legal_basis,
        audiences: round.audiences_json,
        channels: round.channels_json,
        opensAt: iso(round.opens_at) as string,
        closesAt: iso(round.closes_at) as string,
        announcedAt: iso(round.announced_at),
        openedAt: iso(round.opened_at),
        closedAt: iso(round.closed_at),
        announcementUrls: round.announcement_urls_json ?? [],
        reportUrls: round.report_urls_json ?? [],
      },
      document: { title: round.document_title, kind: round.document_kind },
      version: { number: Number(round.version_number), name: round.version_name, contentHash: round.content_hash },
      chapters: chaptersOf(documentFromJson(round.version_content)),
      meetings: meetings.map((m) => ({ id: m.id, startsAt: iso(m.starts_at) as string, place: m.place, participants: m.participants === null ? null : Number(m.participants), summary: m.summary })),
      comments,
      adoption: resolution
        ? { number: resolution.number, title: resolutionFullTitle(resolution.number, resolution.body_genitive, resolution.title), body: resolution.body, adoptedAt: iso(resolution.decided_at) as string }
        : null,
      edition,
      publishedAt,
    };
    return { content: buildReport(input), comments };
  }

  private async round(manager: EntityManager, roundId: string, lock = false): Promise<RoundRow> {
    if (lock) await manager.query(`SELECT id FROM consultation_rounds WHERE id = $1 FOR UPDATE`, [roundId]);
    const [row] = await manager.query(
      `SELECT r.id, r.workspace_id, r.title, r.legal_basis, array_to_json(r.audiences) AS audiences_json, array_to_json(r.channels) AS channels_json,
              array_to_json(r.announcement_urls) AS announcement_urls_json, array_to_json(r.report_urls) AS report_urls_json, r.approved_by_resolution_id,
              r.opens_at, r.closes_at, r.announced_at, r.opened_at, r.closed_at, r.state,
              w.name AS workspace_name, d.title AS document_title, d.kind AS document_kind,
              v.number AS version_number, v.name AS version_name, v.content_hash, v.content AS version_content
       FROM consultation_rounds r JOIN workspaces w ON w.id = r.workspace_id JOIN documents d ON d.id = r.document_id JOIN document_versions v ON v.id = r.version_id
       WHERE r.id = $1`,
      [roundId],
    );
    if (!row) throw notFound();
    return row;
  }

  private async editions(manager: EntityManager, roundId: string): Promise<ReportEditionSummary[]> {
    const rows = await manager.query(`SELECT edition, sha256, published_at FROM consultation_reports WHERE round_id = $1 ORDER BY edition`, [roundId]);
    return rows.map((r: { edition: number; sha256: string; published_at: string }) => ({ edition: Number(r.edition), sha256: r.sha256, publishedAt: new Date(r.published_at) }));
  }

  private async latestContent(manager: EntityManager, roundId: string): Promise<StoredReportContent | null> {
    const [row] = await manager.query(`SELECT content FROM consultation_reports WHERE round_id = $1 ORDER BY edition DESC LIMIT 1`, [roundId]);
    return row ? (row.content as StoredReportContent) : null;
  }

  private async staff(userId: string, workspaceId: string): Promise<'coordinator' | 'expert'> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member) throw new ForbiddenException('you are not a member of the workspace of this round');
    if (member.role !== 'coordinator' && member.role !== 'expert') throw new ForbiddenException('only coordinators and experts see the report before it is published');
    return member.role;
  }
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

interface RoundRow {
  id: string;
  workspace_id: string;
  title: string;
  legal_basis: string;
  audiences_json: RoundAudience[];
  channels_json: RoundChannel[];
  announcement_urls_json: string[];
  report_urls_json: string[];
  approved_by_resolution_id: string | null;
  opens_at: string;
  closes_at: string;
  announced_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  state: RoundState;
  workspace_name: string;
  document_title: string;
  document_kind: ReportInput['document']['kind'];
  version_number: number;
  version_name: string;
  content_hash: string;
  version_content: Parameters<typeof documentFromJson>[0];
}

interface CommentRow {
  number: string;
  part: string;
  passage_from: number | null;
  passage_to: number | null;
  current_wording: string;
  proposed_wording: string;
  justification: string;
  submitter_kind: 'person' | 'institution';
  submitter_name: string;
  submitter_type: SubmitterType;
  email: string | null;
  user_id: string | null;
  channel: RoundChannel;
  withdrawn_at: string | null;
  created_at: string;
  disposition: Disposition | null;
  disposition_justification: string | null;
  approved_at: string | null;
  applied_text: string | null;
  meeting_id: string | null;
}
