import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The strategy's annual monitoring reports as adopted: each edition of a year's report is frozen when a coordinator
 * records the adopted resolution that approved it; its content (canonical JSON) and the SHA-256 of that content never
 * change, and a resolution adopts one edition only.
 */
export class MonitoringReports1796570000400 implements MigrationInterface {
  name = 'MonitoringReports1796570000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monitoring_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        edition integer NOT NULL CHECK (edition >= 1),
        content jsonb NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        resolution_id uuid NOT NULL UNIQUE REFERENCES resolutions (id) ON DELETE RESTRICT,
        adopted_at timestamptz NOT NULL DEFAULT now(),
        adopted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        UNIQUE (workspace_id, year, edition)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monitoring_reports`);
  }
}
