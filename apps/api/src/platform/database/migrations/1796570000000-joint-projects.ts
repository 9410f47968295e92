import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint projects (the practice's third procedure): a project of a workspace with its leader (a member, or the
 * association itself when null), the strategy goal it serves (a heading of an adopted version, its text kept as it
 * was), its participants in order (the leader first; custom weights for the cost-sharing key), its budget by year and
 * cost category in exact numeric(18, 2) złoty (with the EUR amount, rate and the rate's date where a programme is in
 * EUR), and its pipeline: the current stage with its date, and every step taken (dated, by whom, with the resolution
 * that approved it where one is needed). Composite keys keep every reference inside the project's workspace.
 */
export class JointProjects1796570000000 implements MigrationInterface {
  name = 'JointProjects1796570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        scope text NOT NULL DEFAULT '' CHECK (length(scope) <= 20000),
        expected_results text NOT NULL DEFAULT '' CHECK (length(expected_results) <= 20000),
        leader_id uuid,
        goal_version_id uuid REFERENCES document_versions (id) ON DELETE RESTRICT,
        goal_heading_id text CHECK (length(goal_heading_id) <= 200),
        goal_heading text CHECK (length(goal_heading) <= 1000),
        sharing_key text NOT NULL DEFAULT 'equal' CHECK (sharing_key IN ('equal', 'population', 'custom')),
        co_financing_rate numeric(5, 2) CHECK (co_financing_rate >= 0 AND co_financing_rate <= 100),
        starts_on date,
        ends_on date,
        stage text NOT NULL DEFAULT 'idea'
          CHECK (stage IN ('idea', 'concept', 'approved', 'submitted', 'granted', 'refused', 'withdrawn', 'implementation', 'settled')),
        stage_on date NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, leader_id) REFERENCES organisations (workspace_id, id),
        CHECK ((goal_version_id IS NULL) = (goal_heading_id IS NULL) AND (goal_heading_id IS NULL) = (goal_heading IS NULL)),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX projects_workspace_idx ON projects (workspace_id, stage)`);
    await q.query(`
      CREATE TABLE project_participants (
        workspace_id uuid NOT NULL,
        project_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        custom_weight numeric(12, 4) CHECK (custom_weight > 0),
        PRIMARY KEY (project_id, organisation_id),
        UNIQUE (project_id, position),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations (workspace_id, id)
      )`);
    await q.query(`CREATE INDEX project_participants_organisation_idx ON project_participants (organisation_id)`);
    await q.query(`
      CREATE TABLE project_budget_lines (
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        category text NOT NULL CHECK (category IN ('works', 'equipment', 'services', 'staff', 'promotion', 'other')),
        amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
        eur_amount numeric(18, 2) CHECK (eur_amount >= 0),
        eur_rate numeric(12, 6) CHECK (eur_rate > 0),
        eur_rate_on date,
        PRIMARY KEY (project_id, year, category),
        CHECK ((eur_amount IS NULL) = (eur_rate IS NULL) AND (eur_rate IS NULL) = (eur_rate_on IS NULL))
      )`);
    await q.query(`
      CREATE TABLE project_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL,
        project_id uuid NOT NULL,
        stage text NOT NULL,
        taken_on date NOT NULL,
        resolution_id uuid,
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, resolution_id) REFERENCES resolutions (workspace_id, id)
      )`);
    await q.query(`CREATE INDEX project_steps_project_idx ON project_steps (project_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_steps`);
    await q.query(`DROP TABLE project_budget_lines`);
    await q.query(`DROP TABLE project_participants`);
    await q.query(`DROP TABLE projects`);
  }
}
