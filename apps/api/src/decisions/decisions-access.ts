import { ForbiddenException, Injectable } from '@nestjs/common';
import { can, type Role } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { MembershipLookup } from '../access/membership-lookup';
import { problem } from '../platform/http/problem-codes';

/** Who may do what with decisions: coordinators manage, representatives vote for their member, everyone reads. */
@Injectable()
export class DecisionsAccess {
  constructor(
    private readonly memberships: MembershipLookup,
    private readonly dataSource: DataSource,
  ) {}

  async member(workspaceId: string, userId: string): Promise<{ role: Role; organisationId: string | null }> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member) throw new ForbiddenException('you are not a member of this workspace');
    return { role: member.role, organisationId: member.organisationId };
  }

  async coordinator(workspaceId: string, userId: string): Promise<void> {
    const member = await this.member(workspaceId, userId);
    if (!can(member.role, 'decisions.manage')) throw problem('coordinators_only', 'only coordinators do this');
  }

  /**
   * Who runs a meeting of a body: the association's coordinators, and the representative of the member that chairs the
   * body (`decision_bodies.chair_id`), e.g. the assembly's elected chair.
   */
  async chair(workspaceId: string, userId: string, bodyId: string): Promise<void> {
    const member = await this.member(workspaceId, userId);
    if (can(member.role, 'decisions.manage')) return;
    if (member.organisationId && can(member.role, 'decisions.vote')) {
      const [body] = await this.dataSource.query(`SELECT 1 FROM decision_bodies WHERE id = $1 AND workspace_id = $2 AND chair_id = $3`, [bodyId, workspaceId, member.organisationId]);
      if (body) return;
    }
    throw problem('chair_only', 'only the chair of the meeting (a coordinator or the representative of the body’s chair) does this');
  }

  /** The member organisation this person represents (representatives only). */
  async representative(workspaceId: string, userId: string): Promise<string> {
    const member = await this.member(workspaceId, userId);
    if (!can(member.role, 'decisions.vote') || !member.organisationId) throw problem('representatives_only', 'only a member’s representative does this');
    return member.organisationId;
  }
}
