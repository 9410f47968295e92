import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { can, formatPln, parsePln, type Role, warsawDay } from '@commonplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../platform/http/field-error';
import { problem } from '../platform/http/problem-codes';
import type { CreateFundingCallDto, FundingCallDto, UpdateFundingCallDto } from './funding-call.dto';
import { amountProblem, trimNumber } from './money-text';

interface Caller {
  workspaceId: string;
  role: Role;
  organisationId: string | null;
}

/**
 * Funding calls (nabory) a workspace follows: coordinators record them, every member reads them with the projects
 * matched to each (partners: the projects they take part in); a call with projects matched is not deleted.
 */
@Injectable()
export class FundingCallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller): Promise<FundingCallDto[]> {
    const ids: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM funding_calls WHERE workspace_id = $1 ORDER BY closes_on, programme, id`, [caller.workspaceId]);
    return Promise.all(ids.map(({ id }) => this.view(this.dataSource.manager, id, caller)));
  }

  async get(userId: string, callId: string): Promise<FundingCallDto> {
    const caller = await this.member(userId, callId);
    return this.view(this.dataSource.manager, callId, caller);
  }

  async create(caller: Caller, userId: string, dto: CreateFundingCallDto): Promise<FundingCallDto> {
    const allocation = checkAllocation(dto.allocation);
    checkDays(dto.opensOn, dto.closesOn);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO funding_calls (workspace_id, source, programme, measure, eligible, allocation, co_financing_rate, min_own_contribution, opens_on, closes_on, url, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          caller.workspaceId,
          dto.source,
          dto.programme,
          dto.measure ?? '',
          dto.eligible ?? '',
          allocation,
          dto.coFinancingRate ?? null,
          dto.minOwnContribution ?? null,
          dto.opensOn,
          dto.closesOn,
          dto.url ?? null,
          userId,
        ],
      );
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'funding_call.created',
        targetType: 'funding_call',
        targetId: row.id,
        details: { programme: dto.programme, measure: dto.measure ?? '', opensOn: dto.opensOn, closesOn: dto.closesOn },
      });
      return this.view(manager, row.id, caller);
    });
  }

  async update(userId: string, callId: string, dto: UpdateFundingCallDto): Promise<FundingCallDto> {
    const caller = await this.manager(userId, callId);
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT opens_on::text AS opens_on, closes_on::text AS closes_on FROM funding_calls WHERE id = $1 FOR UPDATE`, [callId]);
      checkDays(dto.opensOn ?? current.opens_on, dto.closesOn ?? current.closes_on);
      const sets: string[] = [];
      const values: unknown[] = [callId];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (dto.source !== undefined) set('source', dto.source);
      if (dto.programme !== undefined) set('programme', dto.programme);
      if (dto.measure !== undefined) set('measure', dto.measure);
      if (dto.eligible !== undefined) set('eligible', dto.eligible);
      if (dto.allocation !== undefined) set('allocation', checkAllocation(dto.allocation));
      if (dto.coFinancingRate !== undefined) set('co_financing_rate', dto.coFinancingRate);
      if (dto.minOwnContribution !== undefined) set('min_own_contribution', dto.minOwnContribution);
      if (dto.opensOn !== undefined) set('opens_on', dto.opensOn);
      if (dto.closesOn !== undefined) set('closes_on', dto.closesOn);
      if (dto.url !== undefined) set('url', dto.url);
      await manager.query(`UPDATE funding_calls SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, values);
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'funding_call.updated',
        targetType: 'funding_call',
        targetId: callId,
        details: { fields: Object.keys(dto).filter((key) => (dto as Record<string, unknown>)[key] !== undefined) },
      });
      return this.view(manager, callId, caller);
    });
  }

  async remove(userId: string, callId: string): Promise<void> {
    const caller = await this.manager(userId, callId);
    await this.dataSource.transaction(async (manager) => {
      const [call] = await manager.query(`SELECT programme, measure FROM funding_calls WHERE id = $1 FOR UPDATE`, [callId]);
      const [{ matched }] = await manager.query(`SELECT count(*)::int AS matched FROM projects WHERE call_id = $1`, [callId]);
      if (matched > 0) throw problem('call_in_use', `${matched} project(s) are matched to this call`);
      await manager.query(`DELETE FROM funding_calls WHERE id = $1`, [callId]);
      await this.audit.append(manager, {
        workspaceId: caller.workspaceId,
        actorId: userId,
        action: 'funding_call.deleted',
        targetType: 'funding_call',
        targetId: callId,
        details: { programme: call.programme, measure: call.measure },
      });
    });
  }

  private async view(manager: EntityManager, callId: string, caller: Caller): Promise<FundingCallDto> {
    const [row] = await manager.query(
      `SELECT c.*, c.allocation::text AS allocation_text, c.co_financing_rate::text AS rate, c.min_own_contribution::text AS min_own,
              c.opens_on::text AS opens, c.closes_on::text AS closes
       FROM funding_calls c WHERE c.id = $1`,
      [callId],
    );
    if (!row) throw new NotFoundException('funding call not found');
    const projects: Array<{ id: string; title: string; stage: string }> = await manager.query(
      `SELECT p.id, p.title, p.stage FROM projects p
       WHERE p.call_id = $1
         AND ($2::text <> 'partner' OR EXISTS (SELECT 1 FROM project_participants pp WHERE pp.project_id = p.id AND pp.organisation_id = $3::uuid))
       ORDER BY p.title, p.id`,
      [callId, caller.role, caller.organisationId],
    );
    const today = warsawDay(new Date());
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      source: row.source,
      programme: row.programme,
      measure: row.measure,
      eligible: row.eligible,
      allocation: row.allocation_text ?? null,
      coFinancingRate: row.rate === null ? null : trimNumber(row.rate),
      minOwnContribution: row.min_own === null ? null : trimNumber(row.min_own),
      opensOn: row.opens,
      closesOn: row.closes,
      url: row.url ?? null,
      status: today < row.opens ? 'upcoming' : today > row.closes ? 'closed' : 'open',
      projects,
    };
  }

  private async member(userId: string, callId: string): Promise<Caller> {
    const [row] = await this.dataSource.query(
      `SELECT c.workspace_id, m.role, m.organisation_id FROM funding_calls c
       LEFT JOIN memberships m ON m.workspace_id = c.workspace_id AND m.user_id = $2 AND m.active
       WHERE c.id = $1`,
      [callId, userId],
    );
    if (!row) throw new NotFoundException('funding call not found');
    if (!row.role) throw new ForbiddenException('you are not a member of the workspace of this call');
    return { workspaceId: row.workspace_id, role: row.role, organisationId: row.organisation_id };
  }

  private async manager(userId: string, callId: string): Promise<Caller> {
    const caller = await this.member(userId, callId);
    if (!can(caller.role, 'projects.manage')) throw problem('coordinators_only', 'only coordinators manage funding calls');
    return caller;
  }
}

function checkAllocation(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const parsed = parsePln(text);
  if (!parsed.ok) throw fieldError('allocation', amountProblem(parsed.reason));
  return formatPln(parsed.grosze);
}

function checkDays(opensOn: string, closesOn: string): void {
  if (closesOn < opensOn) throw fieldError('closesOn', `must not be before opensOn (${opensOn})`);
}
