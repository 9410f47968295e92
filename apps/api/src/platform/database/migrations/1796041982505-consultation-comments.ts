import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments submitted in a consultation round, numbered per workspace and year ("U/2026/0042"), in the form Polish
 * practice uses: part of the document (with the passage of the frozen version it was picked from), current and
 * proposed wording, justification, submitter. The submitter's e-mail (for the receipt) is kept apart from what is ever
 * published; a comment sent without signing in can be edited or withdrawn until the close with the secret of its
 * receipt link, stored as a hash.
 */
export class ConsultationComments1796041982505 implements MigrationInterface {
  name = 'ConsultationComments1796041982505';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_counters (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (workspace_id, year)
      )`);
    await q.query(`
      CREATE TABLE consultation_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES consultation_rounds (id) ON DELETE CASCADE,
        number text NOT NULL,
        part text NOT NULL CHECK (length(part) BETWEEN 1 AND 500),
        passage_from integer,
        passage_to integer,
        current_wording text NOT NULL DEFAULT '' CHECK (length(current_wording) <= 20000),
        proposed_wording text NOT NULL DEFAULT '' CHECK (length(proposed_wording) <= 20000),
        justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 20000),
        submitter_kind text NOT NULL CHECK (submitter_kind IN ('person', 'institution')),
        submitter_name text NOT NULL CHECK (length(submitter_name) BETWEEN 1 AND 300),
        submitter_type text NOT NULL CHECK (submitter_type IN ('resident', 'member_jst', 'partner_organisation', 'other')),
        email text CHECK (email IS NULL OR length(email) <= 320),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
        channel text NOT NULL CHECK (channel IN ('online_form', 'email', 'post', 'oral_protocol', 'epuap')),
        entered_by uuid REFERENCES users (id) ON DELETE SET NULL,
        edit_secret_hash text,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, number),
        CHECK ((passage_from IS NULL) = (passage_to IS NULL) AND (passage_from IS NULL OR passage_to > passage_from))
      )`);
    await q.query(`CREATE INDEX consultation_comments_round_idx ON consultation_comments (round_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS consultation_comments`);
    await q.query(`DROP TABLE IF EXISTS consultation_counters`);
  }
}
