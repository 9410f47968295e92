import { ForbiddenException, Injectable } from '@nestjs/common';
import { can, type Role } from '@commonplan/domain';
import { MembershipLookup } from '../access/membership-lookup';
import { problem } from '../platform/http/problem-codes';

/** Who may do what with decisions: coordinators manage, representatives vote for their member, everyone reads. */
@Injectable()
export class DecisionsAccess {
  constructor(private readonly memberships: MembershipLookup) {}

  async member(workspaceId: string, userId: string): Promise<{ role: Role; organisationId: string | null }> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member) throw new ForbiddenException('you are not a member of this workspace');
    return { role: member.role, organisationId: member.organisationId };
  }

  async coordinator(workspaceId: string, userId: string): Promise<void> {
    const member = await this.member(workspaceId, userId);
    if (!can(member.role, 'decisions.manage')) throw problem('coordinators_only', 'only coordinators do this');
  }

  /** The member organisation this person represents (representatives only). */
  async representative(workspaceId: string, userId: string): Promise<string> {
    const member = await this.member(workspaceId, userId);
    if (!can(member.role, 'decisions.vote') || !member.organisationId) throw problem('representatives_only', 'only a member’s representative does this');
    return member.organisationId;
  }
}
