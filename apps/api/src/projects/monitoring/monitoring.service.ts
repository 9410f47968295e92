import { createHash } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { canonicalJson, type MonitoringIndicator, monitoringReport } from '@commonplan/domain';
import { slugify } from '@commonplan/editor';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkspaceMember } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { Notifier } from '../../notifications/notifier';
import { resolutionFullTitle } from '../../consultations/rounds.service';
import { fieldError } from '../../platform/http/field-error';
import type { DownloadFile } from '../../platform/http/file-download';
import { problem } from '../../platform/http/problem-codes';
import { grosze, readLedgerProjects } from '../project-ledger';
import { type MonitoringContent, monitoringContent } from './monitoring-content';
import type { MonitoringLanguage } from './monitoring-labels';
import { renderMonitoringDocx } from './render-monitoring-docx';
import { renderMonitoringPdf } from './render-monitoring-pdf';
import { renderMonitoringXlsx } from './render-monitoring-xlsx';

export const MONITORING_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type MonitoringFormat = (typeof MONITORING_FORMATS)[number];
const MEDIA_TYPES: Record<MonitoringFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface MonitoringEdition {
  edition: number;
  sha256: string;
  adoptedAt: Date;
  resolution: { id: string; title: string };
}

/** The SHA-256 of a frozen edition's canonical JSON, as the audit trail records it. */
export function monitoringHash(content: MonitoringContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** What an edition says, without when it was generated or which edition and resolution it is. */
const substance = ({ generatedAt: _g, edition: _e, adoption: _a, ...rest }: MonitoringContent) => canonicalJson(rest);

/**
 * The strategy's annual monitoring report: computed from the data for any year (libs/domain monitoringReport), read
 * by the association's members (not partners: it sets out every member's money), and frozen as numbered editions
 * when a coordinator records the adopted resolution that approved it (its SHA-256 in the audit trail); a frozen
 * edition is served from its snapshot, in every format and language, forever the same.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
  ) {}

  async preview(member: WorkspaceMember, year: number): Promise<{ content: MonitoringContent; editions: MonitoringEdition[] }> {
    this.reader(member);
    const content = await this.build(this.dataSource.manager, member.workspaceId, year, new Date(), null, null);
    return { content, editions: await this.editions(this.dataSource.manager, member.workspaceId, year) };
  }

  async previewFile(member: WorkspaceMember, year: number, format: MonitoringFormat, language: MonitoringLanguage): Promise<DownloadFile> {
    const { content } = await this.preview(member, year);
    return this.file(content, null, format, language);
  }

  async edition(member: WorkspaceMember, year: number, edition: number): Promise<MonitoringEdition & { content: MonitoringContent }> {
    this.reader(member);
    const [row] = await this.dataSource.query(
      `SELECT m.edition, m.sha256, m.adopted_at, m.content, m.resolution_id FROM monitoring_reports m WHERE m.workspace_id = $1 AND m.year = $2 AND m.edition = $3`,
      [member.workspaceId, year, edition],
    );
    if (!row) throw new NotFoundException(`no edition ${edition} of the ${year} monitoring report is adopted`);
    const content = row.content as MonitoringContent;
    return { edition: row.edition, sha256: row.sha256, adoptedAt: new Date(row.adopted_at), resolution: { id: row.resolution_id, title: content.adoption?.title ?? '' }, content };
  }

  async editionFile(member: WorkspaceMember, year: number, edition: number, format: MonitoringFormat, language: MonitoringLanguage): Promise<DownloadFile> {
    const frozen = await this.edition(member, year, edition);
    return this.file(frozen.content, frozen.sha256, format, language);
  }

  /**
   * Freezes the year's report as its next edition, adopted by `resolutionId` (coordinators, by the controller's
   * capability): the resolution must be of this workspace and adopted, and must not have adopted another edition; an
   * edition saying the same as the latest is refused. The content and its SHA-256 are stored and audited together.
   */
  async adopt(member: WorkspaceMember, userId: string, year: number, resolutionId: string): Promise<MonitoringEdition> {
    return this.dataSource.transaction(async (manager) => {
      // One adoption at a time in a workspace, so editions are numbered without gaps or clashes.
      await manager.query(`SELECT id FROM workspaces WHERE id = $1 FOR UPDATE`, [member.workspaceId]);
      const [resolution] = await manager.query(
        `SELECT r.state, r.title, r.number, r.decided_at, b.name_genitive, (SELECT edition || '/' || year FROM monitoring_reports WHERE resolution_id = r.id) AS used
         FROM resolutions r JOIN decision_bodies b ON b.id = r.body_id WHERE r.id = $1 AND r.workspace_id = $2`,
        [resolutionId, member.workspaceId],
      );
      if (!resolution) throw fieldError('resolutionId', 'no such resolution in this workspace', BadRequestException, 'resolution_not_adopted');
      if (resolution.state !== 'adopted') throw fieldError('resolutionId', 'the resolution is not adopted', BadRequestException, 'resolution_not_adopted');
      if (resolution.used) throw fieldError('resolutionId', `the resolution already adopted edition ${resolution.used} of a monitoring report`, ConflictException, 'resolution_used');
      const editions = await this.editions(manager, member.workspaceId, year);
      const edition = (editions.at(-1)?.edition ?? 0) + 1;
      const adoption = { resolutionId, title: resolutionFullTitle(resolution.number, resolution.name_genitive, resolution.title), adoptedAt: new Date(resolution.decided_at).toISOString() };
      const built = await this.build(manager, member.workspaceId, year, new Date(), edition, adoption);
      if (editions.length) {
        const [latest] = await manager.query(`SELECT content FROM monitoring_reports WHERE workspace_id = $1 AND year = $2 AND edition = $3`, [member.workspaceId, year, edition - 1]);
        if (substance(latest.content) === substance(built)) throw problem('report_unchanged', `nothing changed since edition ${edition - 1}: a new edition needs a change`);
      }
      // What is stored is what is hashed: the JSON as the database gives it back.
      const content = JSON.parse(JSON.stringify(built)) as MonitoringContent;
      const sha256 = monitoringHash(content);
      const [row] = await manager.query(
        `INSERT INTO monitoring_reports (workspace_id, year, edition, content, sha256, resolution_id, adopted_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, adopted_at`,
        [member.workspaceId, year, edition, JSON.stringify(content), sha256, resolutionId, userId],
      );
      await this.audit.append(manager, {
        workspaceId: member.workspaceId,
        actorId: userId,
        action: 'monitoring_report.adopted',
        targetType: 'monitoring_report',
        targetId: row.id,
        details: { year, edition, sha256, resolutionId },
      });
      // The office and the members' representatives hear of it (observers read it when they look; partners do not).
      const readers: Array<{ user_id: string }> = await manager.query(
        `SELECT user_id FROM memberships WHERE workspace_id = $1 AND active AND role IN ('coordinator', 'expert', 'representative')`,
        [member.workspaceId],
      );
      await this.notifier.notify(manager, {
        kind: 'monitoring_report_adopted',
        workspaceId: member.workspaceId,
        key: `monitoring_report_adopted:${row.id}`,
        recipients: readers.map((r) => r.user_id),
        actorId: userId,
        link: `/w/${member.workspaceId}/projects/monitoring?year=${year}&edition=${edition}`,
        params: { year, edition, resolution: adoption.title },
      });
      return { edition, sha256, adoptedAt: new Date(row.adopted_at), resolution: { id: resolutionId, title: adoption.title } };
    });
  }

  private reader(member: WorkspaceMember): void {
    if (member.role === 'partner') throw new ForbiddenException('the monitoring report is for the members of the association');
  }

  private async editions(db: EntityManager, workspaceId: string, year: number): Promise<MonitoringEdition[]> {
    const rows = await db.query(
      `SELECT edition, sha256, adopted_at, resolution_id, content->'adoption'->>'title' AS title FROM monitoring_reports WHERE workspace_id = $1 AND year = $2 ORDER BY edition`,
      [workspaceId, year],
    );
    return rows.map((r: Record<string, unknown>) => ({
      edition: r.edition as number,
      sha256: r.sha256 as string,
      adoptedAt: new Date(r.adopted_at as string),
      resolution: { id: r.resolution_id as string, title: (r.title as string | null) ?? '' },
    }));
  }

  /** The year's report from the data as it is now. */
  private async build(
    db: EntityManager,
    workspaceId: string,
    year: number,
    generatedAt: Date,
    edition: number | null,
    adoption: MonitoringContent['adoption'],
  ): Promise<MonitoringContent> {
    const [workspace] = await db.query(`SELECT name FROM workspaces WHERE id = $1`, [workspaceId]);
    const members: Array<{ id: string; name: string; population: number | null }> = await db.query(
      `SELECT id, name, population FROM organisations WHERE workspace_id = $1 AND kind = 'member' ORDER BY name, id`,
      [workspaceId],
    );
    const fees: Array<{ organisation_id: string; amount: string }> = await db.query(
      `SELECT organisation_id, amount::text AS amount FROM membership_fees WHERE workspace_id = $1 AND year = $2`,
      [workspaceId, year],
    );
    const indicatorRows: Array<Record<string, unknown>> = await db.query(
      `SELECT i.id, i.name, i.unit, i.goal_heading, i.baseline::text AS baseline, i.baseline_year, i.target::text AS target, i.target_year,
              COALESCE((SELECT json_agg(json_build_object('year', v.year, 'value', v.value::text, 'source', v.source) ORDER BY v.year) FROM indicator_values v WHERE v.indicator_id = i.id), '[]') AS values
       FROM indicators i WHERE i.workspace_id = $1 ORDER BY i.goal_heading NULLS LAST, i.name, i.id`,
      [workspaceId],
    );
    const indicators: MonitoringIndicator[] = indicatorRows.map((row) => ({
      id: row.id as string,
      name: row.name as string,
      unit: row.unit as string,
      goal: (row.goal_heading as string | null) ?? null,
      baseline: indicatorValue(row.baseline as string),
      baselineYear: row.baseline_year as number,
      target: indicatorValue(row.target as string),
      targetYear: row.target_year as number,
      values: (row.values as Array<{ year: number; value: string; source: string }>).map((v) => ({ year: v.year, value: indicatorValue(v.value), source: v.source })),
    }));
    const report = monitoringReport({
      year,
      members,
      fees: Object.fromEntries(fees.map((f) => [f.organisation_id, grosze(f.amount)])),
      projects: await readLedgerProjects(db, workspaceId),
      indicators,
    });
    return monitoringContent(report, { workspaceName: workspace.name, generatedAt, edition, adoption });
  }

  private async file(content: MonitoringContent, sha256: string | null, format: MonitoringFormat, language: MonitoringLanguage): Promise<DownloadFile> {
    const body =
      format === 'pdf' ? await renderMonitoringPdf(content, sha256, language) : format === 'docx' ? await renderMonitoringDocx(content, sha256, language) : await renderMonitoringXlsx(content, language);
    const name = `raport-monitorowania-${content.year}${content.edition ? `-wydanie-${content.edition}` : '-projekt'}-${slugify(content.workspaceName, 40) || 'stowarzyszenie'}`;
    return { body, mediaType: MEDIA_TYPES[format], fileName: `${name}.${format}` };
  }
}

/** numeric(18, 4) as the database writes it ("12.5000") in ten-thousandths. */
function indicatorValue(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4) || '0');
  return negative ? -value : value;
}
