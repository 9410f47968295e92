import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type BodyRuleBook, can, DEFAULT_RULE_BOOK, validateRuleBook } from '@commonplan/domain';
import { MembershipLookup } from '../access/membership-lookup';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../platform/http/field-error';
import type { BodyKind, CreateBodyDto, UpdateBodyDto } from './decision.dto';
import { problem } from '../platform/http/problem-codes';

export interface BodyMember {
  id: string;
  name: string;
  population: number | null;
  voteWeight: number;
}

export interface BodyView {
  id: string;
  workspaceId: string;
  kind: BodyKind;
  name: string;
  nameGenitive: string;
  rules: BodyRuleBook;
  members: BodyMember[];
  /** The member whose representative chairs the body (its vote decides a tie where the rules give a casting vote). */
  chairId: string | null;
  /** Whether its resolutions approve joint projects into the pipeline (the statute names the body). */
  approvesProjects: boolean;
  /** Compositions elected but not yet in force: from their day the body's members (or its chair) become those elected. */
  upcoming: UpcomingComposition[];
}

/** An election concluded whose new composition of the body applies from a later day (ElectionsService sweeps it in). */
export interface UpcomingComposition {
  electionId: string;
  resolutionNumber: string | null;
  /** YYYY-MM-DD, Warsaw. */
  from: string;
  role: 'members' | 'chair';
  elected: Array<{ id: string; name: string }>;
}

/**
 * The bodies an association starts with (SSOM statute): the general assembly of every member and the board of the
 * chosen members, both with the statute's default rules.
 */
export async function createDefaultBodies(
  manager: EntityManager,
  workspaceId: string,
  boardMemberIds: readonly string[],
  rules: { assembly: BodyRuleBook; board: BodyRuleBook; boardChairId: string | null } = { assembly: DEFAULT_RULE_BOOK, board: DEFAULT_RULE_BOOK, boardChairId: null },
): Promise<void> {
  const all = await manager.query(`SELECT id FROM organisations WHERE workspace_id = $1 AND kind = 'member' ORDER BY name`, [workspaceId]);
  for (const [kind, name, genitive, members, book, chair] of [
    ['general_assembly', 'Walne Zebranie Członków', 'Walnego Zebrania Członków', all.map((r: { id: string }) => r.id), rules.assembly, null],
    ['board', 'Zarząd', 'Zarządu', boardMemberIds, rules.board, rules.boardChairId],
  ] as const) {
    const [body] = await manager.query(
      `INSERT INTO decision_bodies (workspace_id, kind, name, name_genitive, rules, chair_id, approves_projects) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [workspaceId, kind, name, genitive, JSON.stringify(book), chair, kind === 'board'],
    );
    await manager.query(`INSERT INTO decision_body_members (body_id, workspace_id, organisation_id) SELECT $1, $2, unnest($3::uuid[])`, [body.id, workspaceId, [...members]]);
  }
}

/** The chair named for a body: one of its members, or none. */
function chairAmong(chairId: string | null, members: readonly string[]): string | null {
  if (chairId !== null && !members.includes(chairId)) throw fieldError('chairId', 'the chair is one of the body’s members', BadRequestException, 'chair_not_body_member');
  return chairId;
}

/** The bodies of an association (general assembly, board, others) with their members and statute rules as data. */
@Injectable()
export class BodiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly memberships: MembershipLookup,
  ) {}

  async list(workspaceId: string): Promise<BodyView[]> {
    return this.views('b.workspace_id = $1', workspaceId);
  }

  async get(userId: string, bodyId: string): Promise<BodyView> {
    const body = await this.one(bodyId);
    if (!(await this.memberships.activeMember(body.workspaceId, userId))) throw new ForbiddenException('you are not a member of the workspace of this body');
    return body;
  }

  async create(workspaceId: string, userId: string, dto: CreateBodyDto): Promise<BodyView> {
    const rules = this.rules(dto.rules ?? DEFAULT_RULE_BOOK);
    const id = await this.dataSource.transaction(async (manager) => {
      const members = dto.kind === 'general_assembly' && dto.memberIds.length === 0 ? await this.allMembers(manager, workspaceId) : await this.checkMembers(manager, workspaceId, dto.memberIds);
      const [existing] = await manager.query(`SELECT 1 FROM decision_bodies WHERE workspace_id = $1 AND name = $2`, [workspaceId, dto.name]);
      if (existing) throw problem('body_name_taken', 'a body of this workspace already has this name');
      const chairId = chairAmong(dto.chairId ?? null, members);
      const [body] = await manager.query(
        `INSERT INTO decision_bodies (workspace_id, kind, name, name_genitive, rules, chair_id, approves_projects) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [workspaceId, dto.kind, dto.name, dto.nameGenitive, JSON.stringify(rules), chairId, dto.approvesProjects ?? false],
      );
      await this.setMembers(manager, workspaceId, body.id, members);
      await this.audit.append(manager, { workspaceId, actorId: userId, action: 'body.created', targetType: 'decision_body', targetId: body.id, details: { name: dto.name, kind: dto.kind, members: members.length } });
      return body.id as string;
    });
    return this.one(id);
  }

  /** Changes a body's members or rules (coordinators); votes already opened keep the rules they opened with. */
  async update(userId: string, bodyId: string, dto: UpdateBodyDto): Promise<BodyView> {
    const body = await this.one(bodyId);
    await this.coordinator(userId, body.workspaceId);
    const rules = dto.rules === undefined ? undefined : this.rules(dto.rules);
    await this.dataSource.transaction(async (manager) => {
      const changes: Record<string, unknown> = {};
      const members = dto.memberIds ? await this.checkMembers(manager, body.workspaceId, dto.memberIds) : body.members.map((m) => m.id);
      const chairId = chairAmong(dto.chairId === undefined ? body.chairId : dto.chairId, members);
      if (dto.memberIds) {
        await manager.query(`DELETE FROM decision_body_members WHERE body_id = $1`, [bodyId]);
        await this.setMembers(manager, body.workspaceId, bodyId, members);
        changes['members'] = members.length;
      }
      if (chairId !== body.chairId) {
        await manager.query(`UPDATE decision_bodies SET chair_id = $2, updated_at = now() WHERE id = $1`, [bodyId, chairId]);
        changes['chairId'] = chairId;
      }
      if (rules) {
        await manager.query(`UPDATE decision_bodies SET rules = $2, updated_at = now() WHERE id = $1`, [bodyId, JSON.stringify(rules)]);
        changes['rules'] = rules;
      }
      if (dto.approvesProjects !== undefined && dto.approvesProjects !== body.approvesProjects) {
        await manager.query(`UPDATE decision_bodies SET approves_projects = $2, updated_at = now() WHERE id = $1`, [bodyId, dto.approvesProjects]);
        changes['approvesProjects'] = dto.approvesProjects;
      }
      await this.audit.append(manager, { workspaceId: body.workspaceId, actorId: userId, action: 'body.updated', targetType: 'decision_body', targetId: bodyId, details: changes });
    });
    return this.one(bodyId);
  }

  async one(bodyId: string): Promise<BodyView> {
    const [body] = await this.views('b.id = $1', bodyId);
    if (!body) throw new NotFoundException('body not found');
    return body;
  }

  private rules(input: unknown): BodyRuleBook {
    const result = validateRuleBook(input, 'rules');
    if (!result.ok) throw new BadRequestException({ message: result.problems.map((p) => `${p.field}: ${p.message}`).join('; '), errors: result.problems });
    return result.value;
  }

  private async coordinator(userId: string, workspaceId: string): Promise<void> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member) throw new ForbiddenException('you are not a member of this workspace');
    if (!can(member.role, 'decisions.manage')) throw problem('coordinators_only', 'only coordinators manage bodies');
  }

  private async allMembers(manager: EntityManager, workspaceId: string): Promise<string[]> {
    const rows = await manager.query(`SELECT id FROM organisations WHERE workspace_id = $1 AND kind = 'member' ORDER BY name`, [workspaceId]);
    return rows.map((r: { id: string }) => r.id);
  }

  private async checkMembers(manager: EntityManager, workspaceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) throw fieldError('memberIds', 'a body has at least one member');
    const rows = await manager.query(`SELECT id FROM organisations WHERE workspace_id = $1 AND kind = 'member' AND id = ANY($2::uuid[])`, [workspaceId, ids]);
    if (rows.length !== ids.length) throw fieldError('memberIds', 'every member of a body is a member organisation of this workspace');
    return ids;
  }

  private async setMembers(manager: EntityManager, workspaceId: string, bodyId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `INSERT INTO decision_body_members (body_id, workspace_id, organisation_id) SELECT $1, $2, unnest($3::uuid[])`,
      [bodyId, workspaceId, ids],
    );
  }

  private async views(where: 'b.workspace_id = $1' | 'b.id = $1', value: string): Promise<BodyView[]> {
    const bodies = await this.dataSource.query(`SELECT b.* FROM decision_bodies b WHERE ${where} ORDER BY b.created_at`, [value]);
    if (bodies.length === 0) return [];
    const ids = bodies.map((b: { id: string }) => b.id);
    const [members, upcoming] = await Promise.all([
      this.dataSource.query(
        `SELECT m.body_id, o.id, o.name, o.population, o.vote_weight FROM decision_body_members m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.body_id = ANY($1::uuid[]) ORDER BY o.name`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT e.target_body_id, e.id, e.role, e.composition_from::text AS day, r.number,
                json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY c.elected_in_round, c.position) AS elected
           FROM elections e JOIN resolutions r ON r.id = e.resolution_id
           JOIN election_candidates c ON c.election_id = e.id AND c.elected_in_round IS NOT NULL JOIN organisations o ON o.id = c.organisation_id
          WHERE e.target_body_id = ANY($1::uuid[]) AND e.state = 'concluded' AND e.composition_applied_at IS NULL AND r.state = 'adopted'
          GROUP BY e.id, r.number ORDER BY e.composition_from, e.concluded_at`,
        [ids],
      ),
    ]);
    return bodies.map((b: { id: string; workspace_id: string; kind: BodyKind; name: string; name_genitive: string; rules: BodyRuleBook; chair_id: string | null; approves_projects: boolean }) => ({
      id: b.id,
      workspaceId: b.workspace_id,
      kind: b.kind,
      name: b.name,
      nameGenitive: b.name_genitive,
      rules: b.rules,
      chairId: b.chair_id,
      approvesProjects: b.approves_projects,
      upcoming: upcoming
        .filter((u: { target_body_id: string }) => u.target_body_id === b.id)
        .map((u: { id: string; number: string | null; day: string; role: 'members' | 'chair'; elected: Array<{ id: string; name: string }> }) => ({
          electionId: u.id,
          resolutionNumber: u.number,
          from: u.day,
          role: u.role,
          elected: u.elected,
        })),
      members: members
        .filter((m: { body_id: string }) => m.body_id === b.id)
        .map((m: { id: string; name: string; population: number | null; vote_weight: string }) => ({ id: m.id, name: m.name, population: m.population === null ? null : Number(m.population), voteWeight: Number(m.vote_weight) })),
    }));
  }
}
