import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Strategy indicators (wskaźniki): each serves a goal (a heading of an adopted version, its text kept), with a unit, a
 * baseline and a target, each with its year, and values by year with their source; projects are linked to the
 * indicators they move. Values are numeric(18, 4), read and written as text.
 */
export class Indicators1796570000300 implements MigrationInterface {
  name = 'Indicators1796570000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
        goal_version_id uuid REFERENCES document_versions (id) ON DELETE RESTRICT,
        goal_heading_id text CHECK (length(goal_heading_id) <= 200),
        goal_heading text CHECK (length(goal_heading) <= 1000),
        baseline numeric(18, 4) NOT NULL,
        baseline_year integer NOT NULL CHECK (baseline_year BETWEEN 1990 AND 2100),
        target numeric(18, 4) NOT NULL,
        target_year integer NOT NULL CHECK (target_year BETWEEN 1990 AND 2100),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        CHECK (target_year >= baseline_year),
        CHECK ((goal_version_id IS NULL) = (goal_heading_id IS NULL) AND (goal_heading_id IS NULL) = (goal_heading IS NULL))
      )`);
    await q.query(`
      CREATE TABLE indicator_values (
        indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        value numeric(18, 4) NOT NULL,
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
        PRIMARY KEY (indicator_id, year)
      )`);
    await q.query(`
      CREATE TABLE project_indicators (
        workspace_id uuid NOT NULL,
        project_id uuid NOT NULL,
        indicator_id uuid NOT NULL,
        PRIMARY KEY (project_id, indicator_id),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicators (workspace_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX project_indicators_indicator_idx ON project_indicators (indicator_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_indicators`);
    await q.query(`DROP TABLE indicator_values`);
    await q.query(`DROP TABLE indicators`);
  }
}
