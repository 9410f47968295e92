import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { formatPln, memberStatement, type MonitoringProject, parsePln, procurementSavings, type ProjectStage } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { WorkspaceMember } from '../../access/request-context';
import type { FieldProblem } from '../../platform/http/problem-codes';
import { amountProblem } from '../money-text';
import { grosze, readLedgerProjects } from '../project-ledger';
import type { FeeDto, MemberStatementDto, PutFeesDto } from './statement.dto';
import { renderStatementPdf } from './render-statement-pdf';
import { renderStatementXlsx } from './render-statement-xlsx';
import type { StatementLanguage } from './statement-labels';
import { fieldErrors } from '../../platform/http/field-error';

export const STATEMENT_FORMATS = ['pdf', 'xlsx'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];
const MEDIA_TYPES: Record<StatementFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content of a member's statement in one language: what the JSON, the PDF and the workbook show. */
export interface StatementContent extends MemberStatementDto {
  language: StatementLanguage;
}

/**
 * Membership fees and each member's financial statement (fees, own contributions to joint projects, external funds
 * for its territory, leverage) year by year, as data, PDF and XLSX for a municipality's treasurer. Members of the
 * workspace read statements (partners do not: they pay no fee and share no cost); coordinators set the fees.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async fees(workspaceId: string, year: number): Promise<FeeDto[]> {
    return this.dataSource.query(
      `SELECT f.organisation_id AS "organisationId", o.name, f.year, f.amount::text AS amount
       FROM membership_fees f JOIN organisations o ON o.id = f.organisation_id
       WHERE f.workspace_id = $1 AND f.year = $2 ORDER BY o.name`,
      [workspaceId, year],
    );
  }

  /** Sets the year's fees (coordinators): the list replaces the year's; every organisation a member of the workspace. */
  async putFees(member: WorkspaceMember, userId: string, year: number, dto: PutFeesDto): Promise<FeeDto[]> {
    const ids = dto.fees.map((f) => f.organisationId);
    const members: Array<{ id: string }> = ids.length
      ? await this.dataSource.query(`SELECT id FROM organisations WHERE workspace_id = $1 AND kind = 'member' AND id = ANY ($2::uuid[])`, [member.workspaceId, ids])
      : [];
    const known = new Set(members.map((m) => m.id));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const amounts = dto.fees.map((fee, i) => {
      if (!known.has(fee.organisationId)) problems.push({ field: `fees.${i}.organisationId`, message: 'not a member organisation of this workspace', code: 'organisation_wrong_kind' });
      else if (seen.has(fee.organisationId)) problems.push({ field: `fees.${i}.organisationId`, message: 'the member is listed twice' });
      seen.add(fee.organisationId);
      const amount = parsePln(fee.amount);
      if (!amount.ok) problems.push({ field: `fees.${i}.amount`, message: amountProblem(amount.reason) });
      return amount.ok ? formatPln(amount.grosze) : null;
    });
    if (problems.length > 0) throw fieldErrors(problems);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM membership_fees WHERE workspace_id = $1 AND year = $2`, [member.workspaceId, year]);
      for (const [i, fee] of dto.fees.entries()) {
        await manager.query(`INSERT INTO membership_fees (workspace_id, organisation_id, year, amount) VALUES ($1, $2, $3, $4)`, [member.workspaceId, fee.organisationId, year, amounts[i]]);
      }
      await this.audit.append(manager, {
        workspaceId: member.workspaceId,
        actorId: userId,
        action: 'membership_fees.set',
        targetType: 'workspace',
        targetId: member.workspaceId,
        details: { year, fees: Object.fromEntries(dto.fees.map((f, i) => [f.organisationId, amounts[i]])) },
      });
    });
    return this.fees(member.workspaceId, year);
  }

  async statement(member: WorkspaceMember, organisationId: string, language: StatementLanguage): Promise<StatementContent> {
    if (member.role === 'partner') throw new ForbiddenException('statements are for the members of the association');
    const [organisation] = await this.dataSource.query(
      `SELECT o.id, o.name, o.kind, w.name AS workspace_name FROM organisations o JOIN workspaces w ON w.id = o.workspace_id WHERE o.id = $1 AND o.workspace_id = $2`,
      [organisationId, member.workspaceId],
    );
    if (!organisation || organisation.kind !== 'member') throw new NotFoundException('no such member of this workspace');
    const fees: Array<{ year: number; amount: string }> = await this.dataSource.query(`SELECT year, amount::text AS amount FROM membership_fees WHERE organisation_id = $1`, [organisationId]);
    const projects = await readLedgerProjects(this.dataSource, member.workspaceId, organisationId);
    const years = memberStatement(organisationId, Object.fromEntries(fees.map((f) => [String(f.year), grosze(f.amount)])), projects);
    const line = (l: { projectId: string; title: string; stage: ProjectStage; amount: bigint }) => ({ projectId: l.projectId, title: l.title, stage: l.stage, amount: formatPln(l.amount) });
    return {
      language,
      workspaceName: organisation.workspace_name,
      member: { id: organisation.id, name: organisation.name },
      generatedAt: new Date().toISOString(),
      years: years.map((y) => ({
        year: y.year,
        fee: formatPln(y.fee),
        contributions: y.contributions.map(line),
        external: y.external.map(line),
        ownTotal: formatPln(y.ownTotal),
        externalTotal: formatPln(y.externalTotal),
        leverage: y.leverage,
      })),
      savings: await this.savings(organisationId, projects),
    };
  }

  /** The member's saving in each joint purchase it takes part in whose costs alone are recorded (complete ones only). */
  private async savings(organisationId: string, projects: MonitoringProject[]): Promise<StatementContent['savings']> {
    const rows: Array<{ project_id: string; organisation_id: string; amount: string }> = await this.dataSource.query(
      `SELECT project_id, organisation_id, alone_cost::text AS amount FROM project_procurement WHERE project_id = ANY ($1::uuid[])`,
      [projects.map((p) => p.id)],
    );
    const savings: StatementContent['savings'] = [];
    for (const project of projects) {
      const alone = Object.fromEntries(rows.filter((r) => r.project_id === project.id).map((r) => [r.organisation_id, grosze(r.amount)]));
      if (Object.keys(alone).length === 0) continue;
      const total = Object.values(project.costByYear).reduce((sum, cost) => sum + cost, 0n);
      const result = procurementSavings(alone, total, project.members, project.sharingKey, project.customWeights);
      const mine = result.ok ? result.members.find((m) => m.id === organisationId) : undefined;
      if (!mine) continue;
      savings.push({ projectId: project.id, title: project.title, alone: formatPln(mine.alone), joint: formatPln(mine.joint), saving: formatPln(mine.saving) });
    }
    return savings;
  }

  async file(member: WorkspaceMember, organisationId: string, format: StatementFormat, language: StatementLanguage): Promise<{ body: Buffer; mediaType: string; fileName: string }> {
    const content = await this.statement(member, organisationId, language);
    const body = format === 'pdf' ? await renderStatementPdf(content) : await renderStatementXlsx(content);
    const slug = content.member.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return { body, mediaType: MEDIA_TYPES[format], fileName: `zestawienie-${slug || 'czlonek'}.${format}` };
  }
}
