import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type OrganisationKind, organisationKindForRole, type Role, roleAssignmentProblem } from '@commonplan/domain';
import type { WorkspaceMember } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { AccessEvents } from '../platform/events';
import { fieldError } from '../platform/http/field-error';
import { type FieldProblemCode, problem as refusal } from '../platform/http/problem-codes';
import { MembershipEntity } from './membership.entity';

export interface Person {
  membershipId: string;
  userId: string;
  displayName: string;
  /** Only for those who may read contact details (coordinators). */
  email?: string;
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  active: boolean;
  since: Date;
}

/** People in a workspace: their roles, the organisations they speak for, (de)activation. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
  ) {}

  async list(workspaceId: string, withContact: boolean): Promise<Person[]> {
    const rows = await this.dataSource.query(
      `SELECT m.id, m.user_id, m.role, m.active, m.created_at, u.display_name, u.email,
              o.id AS org_id, o.name AS org_name, o.kind AS org_kind
       FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN organisations o ON o.id = m.organisation_id AND o.workspace_id = m.workspace_id
       WHERE m.workspace_id = $1
       ORDER BY m.active DESC, array_position(ARRAY['coordinator','expert','representative','partner','observer'], m.role),
                u.display_name`,
      [workspaceId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      membershipId: r.id as string,
      userId: r.user_id as string,
      displayName: r.display_name as string,
      ...(withContact ? { email: r.email as string } : {}),
      role: r.role as Role,
      organisation: r.org_id ? { id: r.org_id as string, name: r.org_name as string, kind: r.org_kind as OrganisationKind } : null,
      active: r.active as boolean,
      since: r.created_at as Date,
    }));
  }

  /** Checks that the organisation fits the role and lies in this workspace; returns its kind. */
  async checkRoleAssignment(
    manager: EntityManager,
    workspaceId: string,
    role: Role,
    organisationId: string | null,
  ): Promise<void> {
    let kind: OrganisationKind | null = null;
    if (organisationId) {
      const [org] = await manager.query(`SELECT kind FROM organisations WHERE id = $1 AND workspace_id = $2`, [
        organisationId,
        workspaceId,
      ]);
      if (!org) throw fieldError('organisationId', 'no such organisation in this workspace', NotFoundException, 'organisation_not_found');
      kind = org.kind;
    }
    const problem = roleAssignmentProblem(role, kind);
    if (problem) {
      // The rule the pair breaks, as a stable code (roleAssignmentProblem words it in English).
      const code: FieldProblemCode = kind === null ? 'organisation_required' : organisationKindForRole(role) === null ? 'organisation_not_allowed' : 'organisation_wrong_kind';
      throw new UnprocessableEntityException({ message: problem.message, errors: [{ ...problem, code }] });
    }
  }

  async changeRole(actor: WorkspaceMember & { userId: string }, membershipId: string, role: Role, organisationId: string | null) {
    const saved = await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, actor.workspaceId, membershipId);
      await this.checkRoleAssignment(manager, actor.workspaceId, role, organisationId);
      if (membership.role === role && membership.organisationId === organisationId) return membership;
      if (membership.role === 'coordinator' && role !== 'coordinator' && membership.active) {
        await this.keepOneCoordinator(manager, actor.workspaceId, membership.id);
      }
      const from = { role: membership.role, organisationId: membership.organisationId };
      membership.role = role;
      membership.organisationId = organisationId;
      const saved = await manager.getRepository(MembershipEntity).save(membership);
      await this.audit.append(manager, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: 'membership.role_changed',
        targetType: 'membership',
        targetId: membership.id,
        details: { userId: membership.userId, from, to: { role, organisationId } },
      });
      return saved;
    });
    this.accessEvents.publish({ workspaceId: actor.workspaceId, userId: saved.userId });
    return saved;
  }

  async setActive(actor: WorkspaceMember & { userId: string }, membershipId: string, active: boolean) {
    const saved = await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, actor.workspaceId, membershipId);
      if (membership.active === active) return membership;
      if (!active) {
        if (membership.id === actor.membershipId) throw refusal('deactivate_self', 'you cannot deactivate yourself');
        if (membership.role === 'coordinator') await this.keepOneCoordinator(manager, actor.workspaceId, membership.id);
      }
      membership.active = active;
      membership.deactivatedAt = active ? null : new Date();
      const saved = await manager.getRepository(MembershipEntity).save(membership);
      await this.audit.append(manager, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: active ? 'membership.reactivated' : 'membership.deactivated',
        targetType: 'membership',
        targetId: membership.id,
        details: { userId: membership.userId, role: membership.role },
      });
      return saved;
    });
    this.accessEvents.publish({ workspaceId: actor.workspaceId, userId: saved.userId });
    return saved;
  }

  private async lockMembership(manager: EntityManager, workspaceId: string, id: string): Promise<MembershipEntity> {
    const membership = await manager
      .getRepository(MembershipEntity)
      .findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
    if (!membership) throw refusal('person_not_found', 'person not found in this workspace');
    return membership;
  }

  /**
   * A workspace always keeps one active coordinator. The coordinators' rows are locked, so two coordinators
   * demoting each other at once cannot both succeed.
   */
  private async keepOneCoordinator(manager: EntityManager, workspaceId: string, leaving: string): Promise<void> {
    const rows = await manager.query(
      `SELECT id FROM memberships WHERE workspace_id = $1 AND role = 'coordinator' AND active FOR UPDATE`,
      [workspaceId],
    );
    if (!rows.some((r: { id: string }) => r.id !== leaving)) {
      throw refusal('last_coordinator', 'the workspace must keep at least one active coordinator');
    }
  }
}
