import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@commonplan/domain';
import { WorkspaceEntity } from './workspace.entity';

export interface WorkspaceOfUser {
  id: string;
  name: string;
  shortName: string;
  slug: string;
  role: Role;
  organisationId: string | null;
  /** The organisation the person represents or belongs to, for presence labels and forms. */
  organisationName: string | null;
}

export interface WorkspaceSummary {
  members: number;
  partners: number;
  people: number;
  documents: number;
}

@Injectable()
export class WorkspacesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspaces where the person has an active membership, with the role held in each. */
  async forUser(userId: string): Promise<WorkspaceOfUser[]> {
    const rows = await this.dataSource.query(
      `SELECT w.id, w.name, w.short_name, w.slug, m.role, m.organisation_id, o.name AS organisation_name
       FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
       LEFT JOIN organisations o ON o.id = m.organisation_id AND o.workspace_id = m.workspace_id
       WHERE m.user_id = $1 AND m.active ORDER BY w.name`,
      [userId],
    );
    return rows.map((r: Record<string, string | null>) => ({
      id: r.id,
      name: r.name,
      shortName: r.short_name,
      slug: r.slug,
      role: r.role as Role,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
    }));
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.dataSource.getRepository(WorkspaceEntity).findOneBy({ id });
  }

  async summary(workspaceId: string): Promise<WorkspaceSummary> {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM organisations WHERE workspace_id = $1 AND kind = 'member') AS members,
         (SELECT count(*) FROM organisations WHERE workspace_id = $1 AND kind = 'partner') AS partners,
         (SELECT count(*) FROM memberships WHERE workspace_id = $1 AND active) AS people,
         (SELECT count(*) FROM documents WHERE workspace_id = $1 AND status <> 'archived') AS documents`,
      [workspaceId],
    );
    return { members: Number(row.members), partners: Number(row.partners), people: Number(row.people), documents: Number(row.documents) };
  }

  create(manager: EntityManager, workspace: { slug: string; name: string; shortName: string }): Promise<WorkspaceEntity> {
    return manager.getRepository(WorkspaceEntity).save(workspace);
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(WorkspaceEntity).count();
  }
}
