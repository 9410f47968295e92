import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint procurement: for a project bought together (energy, services), what each member participant would have paid
 * buying alone; the project's own cost is the joint price, shared by its key, and each member's saving is the difference.
 */
export class JointProcurement1796570000500 implements MigrationInterface {
  name = 'JointProcurement1796570000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_procurement (
        workspace_id uuid NOT NULL,
        project_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        alone_cost numeric(18, 2) NOT NULL CHECK (alone_cost >= 0),
        PRIMARY KEY (project_id, organisation_id),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations (workspace_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_procurement`);
  }
}
