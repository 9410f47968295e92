import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funding sources and their calls (nabory): the programme and measure, who may apply, the allocation, the largest
 * co-financing rate and the smallest own contribution, the days it opens and closes; a project is matched to one call
 * of its workspace (`projects.call_id`).
 */
export class FundingCalls1796570000100 implements MigrationInterface {
  name = 'FundingCalls1796570000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE funding_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('eu_regional', 'eu_national', 'zit', 'national', 'other')),
        programme text NOT NULL CHECK (length(programme) BETWEEN 1 AND 300),
        measure text NOT NULL DEFAULT '' CHECK (length(measure) <= 300),
        eligible text NOT NULL DEFAULT '' CHECK (length(eligible) <= 2000),
        allocation numeric(18, 2) CHECK (allocation >= 0),
        co_financing_rate numeric(5, 2) CHECK (co_financing_rate >= 0 AND co_financing_rate <= 100),
        min_own_contribution numeric(5, 2) CHECK (min_own_contribution >= 0 AND min_own_contribution <= 100),
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        url text CHECK (length(url) <= 2000),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        CHECK (closes_on >= opens_on)
      )`);
    await q.query(`CREATE INDEX funding_calls_workspace_idx ON funding_calls (workspace_id, closes_on)`);
    await q.query(`ALTER TABLE projects ADD COLUMN call_id uuid`);
    await q.query(`ALTER TABLE projects ADD CONSTRAINT projects_call_fk FOREIGN KEY (workspace_id, call_id) REFERENCES funding_calls (workspace_id, id)`);
    await q.query(`CREATE INDEX projects_call_idx ON projects (call_id) WHERE call_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects DROP COLUMN call_id`);
    await q.query(`DROP TABLE funding_calls`);
  }
}
