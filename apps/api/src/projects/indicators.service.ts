import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { can, formatIndicator, indicatorProgress, parseIndicator, type Role } from '@commonplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type FieldProblem, problem } from '../platform/http/problem-codes';
import type { CreateIndicatorDto, IndicatorDto, IndicatorValueInputDto, UpdateIndicatorDto } from './indicator.dto';
import { strategyGoal } from './strategy-goal';
import { fieldErrors } from '../platform/http/field-error';

interface Caller {
  workspaceId: string;
  role: Role;
  organisationId: string | null;
}

/**
 * The strategy's indicators: coordinators define them (a goal, unit, baseline and target with their years) and record
 * a value a year with its source; every member reads them with their progress and the projects that move them.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller): Promise<IndicatorDto[]> {
    const ids: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM indicators WHERE workspace_id = $1 ORDER BY goal_heading NULLS LAST, name, id`, [caller.workspaceId]);
    return Promise.all(ids.map(({ id }) => this.view(this.dataSource.manager, id, caller)));
  }

  async get(userId: string, indicatorId: string): Promise<IndicatorDto> {
    return this.view(this.dataSource.manager, indicatorId, await this.member(userId, indicatorId));
  }

  async create(caller: Caller, userId: string, dto: CreateIndicatorDto): Promise<IndicatorDto> {
    return this.dataSource.transaction(async (manager) => {
      const problems: FieldProblem[] = [];
      const baseline = number(dto.baseline, 'baseline', problems);
      const target = number(dto.target, 'target', problems);
      if (dto.targetYear < dto.baselineYear) problems.push({ field: 'targetYear', message: `must not be before baselineYear (${dto.baselineYear})` });
      const goal = dto.goal ? await strategyGoal(manager, caller.workspaceId, dto.goal, problems) : null;
      refuse(problems);
      const [row] = await manager.query(
        `INSERT INTO indicators (workspace_id, name, unit, goal_version_id, goal_heading_id, goal_heading, baseline, baseline_year, target, target_year, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [caller.workspaceId, dto.name, dto.unit, goal?.versionId ?? null, goal?.headingId ?? null, goal?.heading ?? null, baseline, dto.baselineYear, target, dto.targetYear, userId],
      );
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'indicator.created',
        targetType: 'indicator',
        targetId: row.id,
        details: { name: dto.name, unit: dto.unit, baseline, baselineYear: dto.baselineYear, target, targetYear: dto.targetYear },
      });
      return this.view(manager, row.id, caller);
    });
  }

  async update(userId: string, indicatorId: string, dto: UpdateIndicatorDto): Promise<IndicatorDto> {
    const caller = await this.manager(userId, indicatorId);
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT baseline_year, target_year FROM indicators WHERE id = $1 FOR UPDATE`, [indicatorId]);
      const problems: FieldProblem[] = [];
      const sets: string[] = [];
      const values: unknown[] = [indicatorId];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (dto.name !== undefined) set('name', dto.name);
      if (dto.unit !== undefined) set('unit', dto.unit);
      if (dto.baseline !== undefined) set('baseline', number(dto.baseline, 'baseline', problems));
      if (dto.target !== undefined) set('target', number(dto.target, 'target', problems));
      if (dto.baselineYear !== undefined) set('baseline_year', dto.baselineYear);
      if (dto.targetYear !== undefined) set('target_year', dto.targetYear);
      const baselineYear = dto.baselineYear ?? current.baseline_year;
      const targetYear = dto.targetYear ?? current.target_year;
      if (targetYear < baselineYear) problems.push({ field: 'targetYear', message: `must not be before baselineYear (${baselineYear})` });
      if (dto.goal !== undefined) {
        const goal = dto.goal ? await strategyGoal(manager, caller.workspaceId, dto.goal, problems) : null;
        set('goal_version_id', goal?.versionId ?? null);
        set('goal_heading_id', goal?.headingId ?? null);
        set('goal_heading', goal?.heading ?? null);
      }
      refuse(problems);
      await manager.query(`UPDATE indicators SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, values);
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'indicator.updated',
        targetType: 'indicator',
        targetId: indicatorId,
        details: { fields: Object.keys(dto).filter((key) => (dto as Record<string, unknown>)[key] !== undefined) },
      });
      return this.view(manager, indicatorId, caller);
    });
  }

  /** Records the indicator's value for a year with its source (coordinators), replacing an earlier one. */
  async putValue(userId: string, indicatorId: string, year: number, dto: IndicatorValueInputDto): Promise<IndicatorDto> {
    const caller = await this.manager(userId, indicatorId);
    const problems: FieldProblem[] = [];
    const value = number(dto.value, 'value', problems);
    refuse(problems);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO indicator_values (indicator_id, year, value, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (indicator_id, year) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source`,
        [indicatorId, year, value, dto.source],
      );
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'indicator.value_recorded',
        targetType: 'indicator',
        targetId: indicatorId,
        details: { year, value, source: dto.source },
      });
      return this.view(manager, indicatorId, caller);
    });
  }

  /** The projects a project moves: the list replaces what was, every indicator one of the workspace's. */
  static async link(manager: EntityManager, workspaceId: string, projectId: string, indicatorIds: string[], problems: FieldProblem[]): Promise<void> {
    const found: Array<{ id: string }> = indicatorIds.length
      ? await manager.query(`SELECT id FROM indicators WHERE workspace_id = $1 AND id = ANY ($2::uuid[])`, [workspaceId, indicatorIds])
      : [];
    const known = new Set(found.map((f) => f.id));
    indicatorIds.forEach((id, i) => {
      if (!known.has(id)) problems.push({ field: `indicatorIds.${i}`, message: 'no such indicator in this workspace' });
    });
    if (problems.length > 0) return;
    await manager.query(`DELETE FROM project_indicators WHERE project_id = $1`, [projectId]);
    for (const id of new Set(indicatorIds)) {
      await manager.query(`INSERT INTO project_indicators (workspace_id, project_id, indicator_id) VALUES ($1, $2, $3)`, [workspaceId, projectId, id]);
    }
  }

  private async view(manager: EntityManager, indicatorId: string, caller: Caller): Promise<IndicatorDto> {
    const [row] = await manager.query(
      `SELECT i.*, i.baseline::text AS baseline_text, i.target::text AS target_text, d.id AS document_id, d.title AS document_title, v.name AS version_name
       FROM indicators i LEFT JOIN document_versions v ON v.id = i.goal_version_id LEFT JOIN documents d ON d.id = v.document_id
       WHERE i.id = $1`,
      [indicatorId],
    );
    if (!row) throw new NotFoundException('indicator not found');
    const values: Array<{ year: number; value: string; source: string }> = await manager.query(
      `SELECT year, value::text AS value, source FROM indicator_values WHERE indicator_id = $1 ORDER BY year`,
      [indicatorId],
    );
    const projects: Array<{ id: string; title: string; stage: string }> = await manager.query(
      `SELECT p.id, p.title, p.stage FROM project_indicators pi JOIN projects p ON p.id = pi.project_id
       WHERE pi.indicator_id = $1
         AND ($2::text <> 'partner' OR EXISTS (SELECT 1 FROM project_participants pp WHERE pp.project_id = p.id AND pp.organisation_id = $3::uuid))
       ORDER BY p.title, p.id`,
      [indicatorId, caller.role, caller.organisationId],
    );
    const exact = (text: string) => (parseIndicator(text) as { ok: true; value: bigint }).value;
    const latest = values.at(-1) ?? null;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      name: row.name,
      unit: row.unit,
      goal: row.goal_version_id
        ? { versionId: row.goal_version_id, documentId: row.document_id, documentTitle: row.document_title, versionName: row.version_name, headingId: row.goal_heading_id, heading: row.goal_heading }
        : null,
      baseline: formatIndicator(exact(row.baseline_text)),
      baselineYear: row.baseline_year,
      target: formatIndicator(exact(row.target_text)),
      targetYear: row.target_year,
      values: values.map((v) => ({ year: v.year, value: formatIndicator(exact(v.value)), source: v.source })),
      latest: latest ? formatIndicator(exact(latest.value)) : null,
      progress: latest ? indicatorProgress(exact(row.baseline_text), exact(row.target_text), exact(latest.value)) : null,
      projects,
    };
  }

  private async member(userId: string, indicatorId: string): Promise<Caller> {
    const [row] = await this.dataSource.query(
      `SELECT i.workspace_id, m.role, m.organisation_id FROM indicators i
       LEFT JOIN memberships m ON m.workspace_id = i.workspace_id AND m.user_id = $2 AND m.active
       WHERE i.id = $1`,
      [indicatorId, userId],
    );
    if (!row) throw new NotFoundException('indicator not found');
    if (!row.role) throw new ForbiddenException('you are not a member of the workspace of this indicator');
    return { workspaceId: row.workspace_id, role: row.role, organisationId: row.organisation_id };
  }

  private async manager(userId: string, indicatorId: string): Promise<Caller> {
    const caller = await this.member(userId, indicatorId);
    if (!can(caller.role, 'projects.manage')) throw problem('coordinators_only', 'only coordinators manage indicators');
    return caller;
  }
}

/** A value as numeric(18, 4) text, or a problem under `field`. */
function number(text: string, field: string, problems: FieldProblem[]): string | null {
  const parsed = parseIndicator(text);
  if (!parsed.ok) {
    problems.push({ field, message: parsed.reason });
    return null;
  }
  return formatIndicator(parsed.value);
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw fieldErrors(problems);
}
