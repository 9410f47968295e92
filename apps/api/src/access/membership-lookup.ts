import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@commonplan/domain';
import type { WorkspaceMember } from './request-context';

/** Answers "is this person an active member of this workspace, and as what?" for the guards. */
@Injectable()
export class MembershipLookup {
  constructor(private readonly dataSource: DataSource) {}

  async activeMember(workspaceId: string, userId: string): Promise<WorkspaceMember | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, role, organisation_id FROM memberships WHERE workspace_id = $1 AND user_id = $2 AND active`,
      [workspaceId, userId],
    );
    if (!row) return null;
    return { workspaceId, membershipId: row.id, role: row.role as Role, organisationId: row.organisation_id };
  }

  async workspaceExists(workspaceId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM workspaces WHERE id = $1`, [workspaceId]);
    return rows.length > 0;
  }
}
