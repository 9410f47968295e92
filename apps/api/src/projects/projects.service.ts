import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  can,
  checkStageStep,
  coFinancing,
  formatPln,
  nextStages,
  parsePln,
  type ProjectStage,
  type Role,
  shareCost,
  STAGES_NEEDING_RESOLUTION,
  sumGrosze,
  warsawDay,
  type Weighting,
} from '@commonplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { fieldError, fieldErrors } from '../platform/http/field-error';
import { problem } from '../platform/http/problem-codes';
import type { FieldProblem } from '../platform/http/problem-codes';
import { amountProblem, trimNumber } from './money-text';
import { checkAloneCosts, type PutProcurementDto, readProcurement } from './procurement';
import { IndicatorsService } from './indicators.service';
import { strategyGoal } from './strategy-goal';
import type { BudgetLineDto, CreateProjectDto, ParticipantDto, ProjectStepDto, UpdateProjectDto } from './project.dto';
import type { ProjectDto, ProjectSummaryDto, ProjectYearDto } from './project-responses.dto';
import { Notifier } from '../notifications/notifier';

const FINAL: readonly string[] = ['refused', 'withdrawn', 'settled'];

interface Caller {
  workspaceId: string;
  role: Role;
  organisationId: string | null;
}

interface Participant {
  organisationId: string;
  name: string;
  kind: 'member' | 'partner';
  population: number | null;
  customWeight: string | null;
}

/** The checked content of a create or change: money as grosze, the goal's heading as the adopted version has it. */
interface Checked {
  participants?: Participant[];
  budget?: Array<{ year: number; category: string; amount: bigint; eurAmount: bigint | null; eurRate: string | null; eurRateOn: string | null }>;
  goal?: { versionId: string; headingId: string; heading: string } | null;
}

/**
 * Joint projects of a workspace: coordinators create and change them and move them along the pipeline; every member
 * of the workspace reads them, except partners, who read the projects they take part in. Each participating member's
 * own contribution is computed, never stored: the budget year by year, less the grant at the co-financing rate, shared
 * by the key of the decisions rules (libs/domain shareCost), exactly in grosze.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
  ) {}

  async list(caller: Caller): Promise<ProjectSummaryDto[]> {
    const partnerOnly = caller.role === 'partner';
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT p.id, p.title, p.stage, p.stage_on::text AS stage_on, p.co_financing_rate::text AS rate, p.updated_at,
              l.id AS leader_id, l.name AS leader_name,
              COALESCE((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY pp.position)
                        FROM project_participants pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = p.id), '[]') AS participants,
              COALESCE((SELECT json_agg(y.total) FROM (SELECT sum(amount)::text AS total FROM project_budget_lines b WHERE b.project_id = p.id GROUP BY year) y), '[]') AS years
       FROM projects p LEFT JOIN organisations l ON l.id = p.leader_id
       WHERE p.workspace_id = $1
         AND (NOT $2::boolean OR EXISTS (SELECT 1 FROM project_participants pp WHERE pp.project_id = p.id AND pp.organisation_id = $3::uuid))
       ORDER BY p.updated_at DESC, p.id`,
      [caller.workspaceId, partnerOnly, caller.organisationId],
    );
    return rows.map((row) => {
      // Year by year, as the project's page computes them, so that the two always show the same grosze.
      const rate = row.rate === null ? null : trimNumber(row.rate as string);
      const years = (row.years as string[]).map((total) => ({ total: money(total), ...coFinancing(money(total), rate) }));
      const total = sumGrosze(years.map((y) => y.total));
      const split = { grant: sumGrosze(years.map((y) => y.grant)), own: sumGrosze(years.map((y) => y.own)) };
      return {
        id: row.id as string,
        title: row.title as string,
        stage: row.stage as string,
        stageOn: row.stage_on as string,
        leader: row.leader_id ? { id: row.leader_id as string, name: row.leader_name as string } : null,
        participants: row.participants as Array<{ id: string; name: string }>,
        totals: { total: formatPln(total), grant: formatPln(split.grant), own: formatPln(split.own) },
        coFinancingRate: row.rate === null ? null : trimNumber(row.rate as string),
        updatedAt: new Date(row.updated_at as string).toISOString(),
      };
    });
  }

  async create(caller: Caller, userId: string, dto: CreateProjectDto): Promise<ProjectDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const checked = await this.check(manager, caller.workspaceId, dto, { sharingKey: dto.sharingKey ?? 'equal', leaderId: dto.leaderId ?? null });
      assertDates(dto.startsOn ?? null, dto.endsOn ?? null);
      await checkCall(manager, caller.workspaceId, dto.callId ?? null, dto.coFinancingRate ?? null);
      await checkConcept(manager, caller.workspaceId, dto.conceptDocumentId ?? null);
      const ideaOn = dto.ideaOn ?? warsawDay(new Date());
      const [row] = await manager.query(
        `INSERT INTO projects (workspace_id, title, scope, expected_results, leader_id, goal_version_id, goal_heading_id, goal_heading, sharing_key,
           co_financing_rate, starts_on, ends_on, stage, stage_on, created_by, call_id, concept_document_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'idea', $13, $14, $15, $16) RETURNING id`,
        [
          caller.workspaceId,
          dto.title,
          dto.scope ?? '',
          dto.expectedResults ?? '',
          dto.leaderId ?? null,
          checked.goal?.versionId ?? null,
          checked.goal?.headingId ?? null,
          checked.goal?.heading ?? null,
          dto.sharingKey ?? 'equal',
          dto.coFinancingRate ?? null,
          dto.startsOn ?? null,
          dto.endsOn ?? null,
          ideaOn,
          userId,
          dto.callId ?? null,
          dto.conceptDocumentId ?? null,
        ],
      );
      await manager.query(`INSERT INTO project_steps (workspace_id, project_id, stage, taken_on, actor_id) VALUES ($1, $2, 'idea', $3, $4)`, [caller.workspaceId, row.id, ideaOn, userId]);
      await this.replaceParts(manager, caller.workspaceId, row.id, checked);
      await linkIndicators(manager, caller.workspaceId, row.id, dto.indicatorIds);
      const view = await this.view(manager, row.id);
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'project.created',
        targetType: 'project',
        targetId: row.id,
        details: { title: dto.title, participants: view.participants.map((p) => p.organisationId), totals: { ...view.totals } },
      });
      return row.id as string;
    });
    return this.dataSource.transaction((manager) => this.view(manager, id));
  }

  async get(userId: string, projectId: string): Promise<ProjectDto> {
    const { role } = await this.reader(userId, projectId);
    const view = await this.dataSource.transaction((manager) => this.view(manager, projectId));
    // A partner reads the projects it takes part in, not the association's documents unless shared with it: the
    // concept document's title and the rounds on it are left out for partners.
    return role === 'partner' ? { ...view, concept: null } : view;
  }

  /** Changes a project (coordinators): each field given replaces what was; the shares are computed again and audited. */
  async update(userId: string, projectId: string, dto: UpdateProjectDto): Promise<ProjectDto> {
    const { workspaceId } = await this.manager(userId, projectId);
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT stage, sharing_key, leader_id, starts_on::text AS starts_on, ends_on::text AS ends_on, call_id, co_financing_rate::text AS rate
         FROM projects WHERE id = $1 FOR UPDATE`,
        [projectId],
      );
      if (FINAL.includes(current.stage)) throw problem('project_closed', `the project is ${current.stage}: it no longer changes`);
      const before = await this.view(manager, projectId);
      const sharingKey = dto.sharingKey ?? (current.sharing_key as Weighting);
      const leaderId = dto.leaderId !== undefined ? dto.leaderId : (current.leader_id as string | null);
      // The participants are checked against the key and the leader even when only those change.
      const participants = dto.participants ?? before.participants.map((p) => ({ organisationId: p.organisationId, customWeight: p.customWeight }));
      const checked = await this.check(manager, workspaceId, { ...dto, participants }, { sharingKey, leaderId });
      assertDates(dto.startsOn !== undefined ? dto.startsOn : current.starts_on, dto.endsOn !== undefined ? dto.endsOn : current.ends_on);
      await checkCall(
        manager,
        workspaceId,
        dto.callId !== undefined ? dto.callId : (current.call_id as string | null),
        dto.coFinancingRate !== undefined ? dto.coFinancingRate : (current.rate as string | null),
      );
      if (dto.conceptDocumentId !== undefined) await checkConcept(manager, workspaceId, dto.conceptDocumentId);
      const sets: string[] = [];
      const values: unknown[] = [projectId];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (dto.title !== undefined) set('title', dto.title);
      if (dto.scope !== undefined) set('scope', dto.scope);
      if (dto.expectedResults !== undefined) set('expected_results', dto.expectedResults);
      if (dto.leaderId !== undefined) set('leader_id', dto.leaderId);
      if (dto.sharingKey !== undefined) set('sharing_key', dto.sharingKey);
      if (dto.callId !== undefined) set('call_id', dto.callId);
      if (dto.conceptDocumentId !== undefined) set('concept_document_id', dto.conceptDocumentId);
      if (dto.coFinancingRate !== undefined) set('co_financing_rate', dto.coFinancingRate);
      if (dto.startsOn !== undefined) set('starts_on', dto.startsOn);
      if (dto.endsOn !== undefined) set('ends_on', dto.endsOn);
      if (checked.goal !== undefined) {
        set('goal_version_id', checked.goal?.versionId ?? null);
        set('goal_heading_id', checked.goal?.headingId ?? null);
        set('goal_heading', checked.goal?.heading ?? null);
      }
      await manager.query(`UPDATE projects SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, values);
      await this.replaceParts(manager, workspaceId, projectId, { participants: checked.participants, budget: checked.budget });
      await linkIndicators(manager, workspaceId, projectId, dto.indicatorIds);
      const after = await this.view(manager, projectId);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'project.updated',
        targetType: 'project',
        targetId: projectId,
        details: {
          fields: Object.keys(dto).filter((key) => (dto as Record<string, unknown>)[key] !== undefined),
          before: { totals: { ...before.totals }, shares: sharesOf(before.years) },
          after: { totals: { ...after.totals }, shares: sharesOf(after.years) },
        },
      });
      return after;
    });
  }

  /** Moves a project to its next stage (coordinators), dated, with the adopted resolution where one is needed. */
  async step(userId: string, projectId: string, dto: ProjectStepDto): Promise<ProjectDto> {
    const { workspaceId } = await this.manager(userId, projectId);
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT stage, stage_on::text AS stage_on FROM projects WHERE id = $1 FOR UPDATE`, [projectId]);
      const problems = checkStageStep({ from: current.stage, fromDate: current.stage_on, to: dto.stage, date: dto.takenOn, resolution: Boolean(dto.resolutionId) });
      if (problems.length > 0) {
        throw fieldErrors(problems);
      }
      if (dto.resolutionId) {
        const [resolution] = await manager.query(
          `SELECT r.state, b.name, b.approves_projects FROM resolutions r JOIN decision_bodies b ON b.id = r.body_id WHERE r.id = $1 AND r.workspace_id = $2`,
          [dto.resolutionId, workspaceId],
        );
        if (resolution?.state !== 'adopted') {
          throw fieldError('resolutionId', resolution ? 'the resolution is not adopted' : 'no such resolution in this workspace', BadRequestException, 'resolution_not_adopted');
        }
        if (STAGES_NEEDING_RESOLUTION.includes(dto.stage) && !resolution.approves_projects) {
          throw fieldError('resolutionId', `a resolution of ${resolution.name}, which does not approve joint projects: the statute names another body`, BadRequestException, 'resolution_wrong_body');
        }
      }
      await manager.query(`UPDATE projects SET stage = $2, stage_on = $3, updated_at = now() WHERE id = $1`, [projectId, dto.stage, dto.takenOn]);
      await manager.query(`INSERT INTO project_steps (workspace_id, project_id, stage, taken_on, resolution_id, note, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        workspaceId,
        projectId,
        dto.stage,
        dto.takenOn,
        dto.resolutionId ?? null,
        dto.note ?? '',
        userId,
      ]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'project.stage_changed',
        targetType: 'project',
        targetId: projectId,
        details: { from: current.stage, to: dto.stage, takenOn: dto.takenOn, resolutionId: dto.resolutionId ?? null },
      });
      await this.notifyStep(manager, workspaceId, projectId, userId, dto.stage, dto.takenOn);
      return this.view(manager, projectId);
    });
  }

  /**
   * Records what each member participant would pay buying alone (coordinators): every member taking part, once; an
   * empty list clears the comparison. Audited with the amounts.
   */
  async setProcurement(userId: string, projectId: string, dto: PutProcurementDto): Promise<ProjectDto> {
    const { workspaceId } = await this.manager(userId, projectId);
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT stage FROM projects WHERE id = $1 FOR UPDATE`, [projectId]);
      if (FINAL.includes(current.stage)) throw problem('project_closed', `the project is ${current.stage}: it no longer changes`);
      const members: Array<{ id: string }> = await manager.query(
        `SELECT o.id FROM project_participants pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = $1 AND o.kind = 'member'`,
        [projectId],
      );
      const problems: FieldProblem[] = [];
      const lines = checkAloneCosts(dto, new Set(members.map((m) => m.id)), problems);
      if (problems.length > 0) throw fieldErrors(problems);
      await manager.query(`DELETE FROM project_procurement WHERE project_id = $1`, [projectId]);
      for (const line of lines) {
        await manager.query(`INSERT INTO project_procurement (workspace_id, project_id, organisation_id, alone_cost) VALUES ($1, $2, $3, $4)`, [workspaceId, projectId, line.organisationId, line.amount]);
      }
      await manager.query(`UPDATE projects SET updated_at = now() WHERE id = $1`, [projectId]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'project.procurement_set',
        targetType: 'project',
        targetId: projectId,
        details: { aloneCosts: Object.fromEntries(lines.map((l) => [l.organisationId, l.amount])) },
      });
      return this.view(manager, projectId);
    });
  }

  /**
   * Tells the people of the organisations taking part (representatives, partners) and the office's coordinators that
   * the project moved on; each step once (`project_stage_changed:<project>:<stage>`).
   */
  private async notifyStep(manager: EntityManager, workspaceId: string, projectId: string, actorId: string, stage: string, takenOn: string): Promise<void> {
    const recipients: Array<{ user_id: string }> = await manager.query(
      `SELECT m.user_id FROM memberships m
       WHERE m.workspace_id = $1 AND m.active
         AND (m.role = 'coordinator' OR m.organisation_id IN (SELECT organisation_id FROM project_participants WHERE project_id = $2))`,
      [workspaceId, projectId],
    );
    const [names] = await manager.query(`SELECT (SELECT display_name FROM users WHERE id = $1) AS actor, (SELECT title FROM projects WHERE id = $2) AS project`, [actorId, projectId]);
    await this.notifier.notify(manager, {
      kind: 'project_stage_changed',
      workspaceId,
      key: `project_stage_changed:${projectId}:${stage}`,
      recipients: recipients.map((r) => r.user_id),
      actorId,
      link: `/w/${workspaceId}/projects/${projectId}`,
      params: { actor: names.actor ?? '', project: names.project ?? '', stage, takenOn },
    });
  }

  /** Checks what a create or change gives, naming the field of each problem (400), and reads what it refers to. */
  private async check(
    manager: EntityManager,
    workspaceId: string,
    dto: { participants?: Array<Pick<ParticipantDto, 'organisationId' | 'customWeight'>>; budget?: BudgetLineDto[]; goal?: { versionId: string; headingId: string } | null },
    context: { sharingKey: Weighting; leaderId: string | null },
  ): Promise<Checked> {
    const problems: FieldProblem[] = [];
    const checked: Checked = {};
    if (dto.participants) {
      const ids = dto.participants.map((p) => p.organisationId);
      const found: Array<{ id: string; name: string; kind: 'member' | 'partner'; population: number | null }> = ids.length
        ? await manager.query(`SELECT id, name, kind, population FROM organisations WHERE workspace_id = $1 AND id = ANY ($2::uuid[])`, [workspaceId, ids])
        : [];
      const byId = new Map(found.map((o) => [o.id, o]));
      const seen = new Set<string>();
      const participants: Participant[] = [];
      dto.participants.forEach((p, i) => {
        const organisation = byId.get(p.organisationId);
        if (!organisation) return problems.push({ field: `participants.${i}.organisationId`, message: 'no such organisation in this workspace', code: 'organisation_not_found' });
        if (seen.has(p.organisationId)) return problems.push({ field: `participants.${i}.organisationId`, message: 'the organisation is listed twice' });
        seen.add(p.organisationId);
        participants.push({ organisationId: p.organisationId, name: organisation.name, kind: organisation.kind, population: organisation.population, customWeight: p.customWeight ?? null });
      });
      if (problems.length === 0) {
        // The leader first: the grosze left over by the sharing go to the first-listed among equals.
        if (context.leaderId) {
          const at = participants.findIndex((p) => p.organisationId === context.leaderId);
          if (at < 0) problems.push({ field: 'leaderId', message: 'the leader must be one of the participants', code: 'organisation_not_allowed' });
          else if (participants[at].kind !== 'member') problems.push({ field: 'leaderId', message: 'a project is led by a member or by the association', code: 'organisation_wrong_kind' });
          else participants.unshift(...participants.splice(at, 1));
        }
        const members = participants.filter((p) => p.kind === 'member');
        const shared = shareCost(0n, members.map(asVotingMember), context.sharingKey, customWeights(members));
        if (members.length > 0 && !shared.ok) {
          for (const trouble of shared.problems) {
            const index = dto.participants.findIndex((p) => p.organisationId === trouble.memberId);
            problems.push({ field: context.sharingKey === 'custom' ? `participants.${index}.customWeight` : `participants.${index}.organisationId`, message: trouble.message });
          }
        }
      }
      checked.participants = participants;
    } else if (context.leaderId) {
      problems.push({ field: 'leaderId', message: 'the leader must be one of the participants', code: 'organisation_not_allowed' });
    }
    if (dto.budget) {
      const seen = new Set<string>();
      checked.budget = [];
      dto.budget.forEach((line, i) => {
        const amount = parsePln(line.amount);
        if (!amount.ok) return problems.push({ field: `budget.${i}.amount`, message: amountProblem(amount.reason) });
        const key = `${line.year}/${line.category}`;
        if (seen.has(key)) return problems.push({ field: `budget.${i}.category`, message: `${line.year} has ${line.category} once: add the amounts together` });
        seen.add(key);
        const eurGiven = [line.eurAmount, line.eurRate, line.eurRateOn].filter((v) => v != null).length;
        if (eurGiven !== 0 && eurGiven !== 3) return problems.push({ field: `budget.${i}.eurRate`, message: 'an amount in EUR comes with its exchange rate and the rate’s day (eurAmount, eurRate, eurRateOn)' });
        let eurAmount: bigint | null = null;
        if (line.eurAmount != null) {
          const eur = parsePln(line.eurAmount);
          if (!eur.ok) return problems.push({ field: `budget.${i}.eurAmount`, message: amountProblem(eur.reason) });
          eurAmount = eur.grosze;
        }
        if (line.eurRate != null && Number(line.eurRate) <= 0) return problems.push({ field: `budget.${i}.eurRate`, message: 'eurRate must be greater than 0' });
        checked.budget!.push({ year: line.year, category: line.category, amount: amount.grosze, eurAmount, eurRate: line.eurRate ?? null, eurRateOn: line.eurRateOn ?? null });
      });
    }
    if (dto.goal !== undefined) checked.goal = dto.goal === null ? null : await strategyGoal(manager, workspaceId, dto.goal, problems);
    if (problems.length > 0) throw fieldErrors(problems);
    return checked;
  }

  private async replaceParts(manager: EntityManager, workspaceId: string, projectId: string, checked: Pick<Checked, 'participants' | 'budget'>): Promise<void> {
    if (checked.participants) {
      await manager.query(`DELETE FROM project_participants WHERE project_id = $1`, [projectId]);
      for (const [position, p] of checked.participants.entries()) {
        await manager.query(`INSERT INTO project_participants (workspace_id, project_id, organisation_id, position, custom_weight) VALUES ($1, $2, $3, $4, $5)`, [
          workspaceId,
          projectId,
          p.organisationId,
          position,
          p.customWeight,
        ]);
      }
    }
    if (checked.budget) {
      await manager.query(`DELETE FROM project_budget_lines WHERE project_id = $1`, [projectId]);
      for (const line of checked.budget) {
        await manager.query(
          `INSERT INTO project_budget_lines (project_id, year, category, amount, eur_amount, eur_rate, eur_rate_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [projectId, line.year, line.category, formatPln(line.amount), line.eurAmount === null ? null : formatPln(line.eurAmount), line.eurRate, line.eurRateOn],
        );
      }
    }
  }

  private async view(manager: EntityManager, projectId: string): Promise<ProjectDto> {
    const [row] = await manager.query(
      `SELECT p.*, p.co_financing_rate::text AS rate, p.starts_on::text AS starts, p.ends_on::text AS ends, p.stage_on::text AS stage_day,
              l.name AS leader_name, d.id AS goal_document_id, d.title AS goal_document_title, v.name AS goal_version_name,
              c.programme AS call_programme, c.measure AS call_measure, c.closes_on::text AS call_closes,
              cd.title AS concept_title
       FROM projects p
       LEFT JOIN documents cd ON cd.id = p.concept_document_id
       LEFT JOIN organisations l ON l.id = p.leader_id
       LEFT JOIN funding_calls c ON c.id = p.call_id
       LEFT JOIN document_versions v ON v.id = p.goal_version_id
       LEFT JOIN documents d ON d.id = v.document_id
       WHERE p.id = $1`,
      [projectId],
    );
    if (!row) throw new NotFoundException('project not found');
    const participants: Participant[] = (
      await manager.query(
        `SELECT o.id, o.name, o.kind, o.population, pp.custom_weight::text AS custom_weight FROM project_participants pp
         JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = $1 ORDER BY pp.position`,
        [projectId],
      )
    ).map((p: Record<string, unknown>) => ({
      organisationId: p.id as string,
      name: p.name as string,
      kind: p.kind as 'member' | 'partner',
      population: p.population as number | null,
      customWeight: p.custom_weight === null ? null : trimNumber(p.custom_weight as string),
    }));
    const budget: Array<Record<string, unknown>> = await manager.query(
      `SELECT year, category, amount::text AS amount, eur_amount::text AS eur_amount, eur_rate::text AS eur_rate, eur_rate_on::text AS eur_rate_on
       FROM project_budget_lines WHERE project_id = $1 ORDER BY year, category`,
      [projectId],
    );
    const steps: Array<Record<string, unknown>> = await manager.query(
      `SELECT s.id, s.stage, s.taken_on::text AS taken_on, s.note, s.created_at, r.id AS resolution_id, r.title AS resolution_title, u.display_name AS actor_name
       FROM project_steps s LEFT JOIN resolutions r ON r.id = s.resolution_id LEFT JOIN users u ON u.id = s.actor_id
       WHERE s.project_id = $1 ORDER BY s.taken_on, s.created_at, s.id`,
      [projectId],
    );
    const indicators: Array<{ id: string; name: string; unit: string }> = await manager.query(
      `SELECT i.id, i.name, i.unit FROM project_indicators pi JOIN indicators i ON i.id = pi.indicator_id WHERE pi.project_id = $1 ORDER BY i.name, i.id`,
      [projectId],
    );
    const conceptRounds: Array<{ id: string; title: string; state: string }> = row.concept_document_id
      ? await manager.query(`SELECT id, title, state FROM consultation_rounds WHERE document_id = $1 AND state <> 'draft' ORDER BY opens_at, id`, [row.concept_document_id])
      : [];
    const rate = row.rate === null ? null : trimNumber(row.rate as string);
    const members = participants.filter((p) => p.kind === 'member');
    const byYear = new Map<number, bigint>();
    for (const line of budget) byYear.set(line.year as number, (byYear.get(line.year as number) ?? 0n) + money(line.amount as string));
    let sharingProblem: string | null = null;
    const years: ProjectYearDto[] = [...byYear.entries()].map(([year, total]) => {
      const split = coFinancing(total, rate);
      const shared = members.length > 0 ? shareCost(split.own, members.map(asVotingMember), row.sharing_key as Weighting, customWeights(members)) : null;
      if (shared && !shared.ok) sharingProblem = shared.problems.map((p) => `${participants.find((x) => x.organisationId === p.memberId)?.name ?? p.memberId}: ${p.message}`).join('; ');
      return {
        year,
        total: formatPln(total),
        grant: formatPln(split.grant),
        own: formatPln(split.own),
        shares: shared?.ok ? members.map((m) => ({ organisationId: m.organisationId, amount: formatPln(shared.shares[m.organisationId]) })) : [],
      };
    });
    const total = sumGrosze([...byYear.values()]);
    const procurement = await readProcurement(manager, projectId, members, total, row.sharing_key as Weighting);
    const totals = years.reduce(
      (sum, year) => ({ grant: sum.grant + money(year.grant), own: sum.own + money(year.own) }),
      { grant: 0n, own: 0n },
    );
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      title: row.title,
      scope: row.scope,
      expectedResults: row.expected_results,
      leader: row.leader_id ? { id: row.leader_id, name: row.leader_name } : null,
      goal: row.goal_version_id
        ? {
            versionId: row.goal_version_id,
            documentId: row.goal_document_id,
            documentTitle: row.goal_document_title,
            versionName: row.goal_version_name,
            headingId: row.goal_heading_id,
            heading: row.goal_heading,
          }
        : null,
      concept: row.concept_document_id ? { documentId: row.concept_document_id, title: row.concept_title, rounds: conceptRounds } : null,
      call: row.call_id ? { id: row.call_id, programme: row.call_programme, measure: row.call_measure, closesOn: row.call_closes } : null,
      sharingKey: row.sharing_key,
      coFinancingRate: rate,
      startsOn: row.starts ?? null,
      endsOn: row.ends ?? null,
      stage: row.stage,
      stageOn: row.stage_day,
      nextStages: [...nextStages(row.stage as ProjectStage)],
      participants,
      budget: budget.map((line) => ({
        year: line.year as number,
        category: line.category as string,
        amount: line.amount as string,
        eurAmount: (line.eur_amount as string | null) ?? null,
        eurRate: line.eur_rate === null ? null : trimNumber(line.eur_rate as string),
        eurRateOn: (line.eur_rate_on as string | null) ?? null,
      })),
      totals: { total: formatPln(total), grant: formatPln(totals.grant), own: formatPln(totals.own) },
      years,
      sharingProblem,
      steps: steps.map((s) => ({
        id: s.id as string,
        stage: s.stage as string,
        takenOn: s.taken_on as string,
        resolution: s.resolution_id ? { id: s.resolution_id as string, title: s.resolution_title as string } : null,
        note: s.note as string,
        actorName: (s.actor_name as string | null) ?? null,
        createdAt: new Date(s.created_at as string).toISOString(),
      })),
      indicators,
      procurement,
      createdBy: row.created_by ?? null,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /** Someone who may read the project: a member of its workspace; a partner only when its organisation takes part. */
  private async reader(userId: string, projectId: string): Promise<{ workspaceId: string; role: Role }> {
    const [row] = await this.dataSource.query(
      `SELECT p.workspace_id, m.role, m.organisation_id,
              EXISTS (SELECT 1 FROM project_participants pp WHERE pp.project_id = p.id AND pp.organisation_id = m.organisation_id) AS takes_part
       FROM projects p LEFT JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = $2 AND m.active
       WHERE p.id = $1`,
      [projectId, userId],
    );
    if (!row) throw new NotFoundException('project not found');
    if (!row.role) throw new ForbiddenException('you are not a member of the workspace of this project');
    if (row.role === 'partner' && !row.takes_part) throw new ForbiddenException('partners see the projects they take part in');
    return { workspaceId: row.workspace_id, role: row.role };
  }

  private async manager(userId: string, projectId: string): Promise<{ workspaceId: string }> {
    const member = await this.reader(userId, projectId);
    if (!can(member.role, 'projects.manage')) throw problem('coordinators_only', 'only coordinators manage projects');
    return { workspaceId: member.workspaceId };
  }
}

/** Grosze from PostgreSQL's numeric(18, 2) as text. */
function money(text: string): bigint {
  const parsed = parsePln(text);
  if (!parsed.ok) throw new Error(`not an amount from the database: ${text}`);
  return parsed.grosze;
}

function asVotingMember(p: Participant) {
  return { id: p.organisationId, population: p.population ?? undefined };
}

function customWeights(members: Participant[]): Record<string, number> {
  return Object.fromEntries(members.filter((m) => m.customWeight !== null).map((m) => [m.organisationId, Number(m.customWeight)]));
}


function sharesOf(years: ProjectYearDto[]): Record<string, Record<string, string>> {
  return Object.fromEntries(years.map((year) => [String(year.year), Object.fromEntries(year.shares.map((s) => [s.organisationId, s.amount]))]));
}


/** The indicators a project moves, when given: each one of the workspace's (400 naming `indicatorIds.<i>` otherwise). */
async function linkIndicators(manager: EntityManager, workspaceId: string, projectId: string, indicatorIds: string[] | undefined): Promise<void> {
  if (indicatorIds === undefined) return;
  const problems: FieldProblem[] = [];
  await IndicatorsService.link(manager, workspaceId, projectId, indicatorIds, problems);
  if (problems.length > 0) throw fieldErrors(problems);
}

/** Hundredths of a percent from "85" or "85.25". */
function hundredths(percent: string): number {
  const [whole, fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The call must be one of the workspace's, and the project's rate within its largest rate and smallest own contribution. */
/** A concept document must be one of the workspace's (400 naming conceptDocumentId otherwise). */
async function checkConcept(manager: EntityManager, workspaceId: string, documentId: string | null): Promise<void> {
  if (!documentId) return;
  const [found] = await manager.query(`SELECT 1 FROM documents WHERE id = $1 AND workspace_id = $2`, [documentId, workspaceId]);
  if (!found) throw fieldError('conceptDocumentId', 'no such document in this workspace', BadRequestException, 'document_not_in_workspace');
}

async function checkCall(manager: EntityManager, workspaceId: string, callId: string | null, rate: string | null): Promise<void> {
  if (!callId) return;
  const [call] = await manager.query(
    `SELECT co_financing_rate::text AS rate, min_own_contribution::text AS min_own FROM funding_calls WHERE id = $1 AND workspace_id = $2`,
    [callId, workspaceId],
  );
  if (!call) throw fieldError('callId', 'no such funding call in this workspace', BadRequestException, 'call_not_found');
  if (rate === null) return;
  if (call.rate !== null && hundredths(rate) > hundredths(call.rate)) {
    throw fieldError('coFinancingRate', `must not exceed the call’s largest rate, ${trimNumber(call.rate)}%`, BadRequestException, 'rate_outside_call');
  }
  if (call.min_own !== null && 10_000 - hundredths(rate) < hundredths(call.min_own)) {
    throw fieldError('coFinancingRate', `leaves less than the call’s smallest own contribution, ${trimNumber(call.min_own)}%`, BadRequestException, 'rate_outside_call');
  }
}

function assertDates(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) throw fieldError('endsOn', `must not be before startsOn (${startsOn})`);
}
