import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions on consultation comments: who is assigned to draft the response, the disposition with its required
 * justification (drafted by an expert or a coordinator, approved by a coordinator), and internal notes that are never
 * published.
 */
export class ConsultationDispositions1796042277402 implements MigrationInterface {
  name = 'ConsultationDispositions1796042277402';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consultation_comments
        ADD COLUMN assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN disposition text CHECK (disposition IN ('accepted', 'partly_accepted', 'rejected', 'explanation')),
        ADD COLUMN disposition_justification text CHECK (length(disposition_justification) <= 20000),
        ADD COLUMN disposition_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN disposition_at timestamptz,
        ADD COLUMN approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN approved_at timestamptz,
        ADD CONSTRAINT consultation_comments_disposition_justified
          CHECK (disposition IS NULL OR length(trim(disposition_justification)) > 0)`);
    await q.query(`
      CREATE TABLE consultation_comment_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES consultation_comments (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultation_comment_notes_comment_idx ON consultation_comment_notes (comment_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS consultation_comment_notes`);
    await q.query(`
      ALTER TABLE consultation_comments
        DROP CONSTRAINT IF EXISTS consultation_comments_disposition_justified,
        DROP COLUMN IF EXISTS approved_at, DROP COLUMN IF EXISTS approved_by, DROP COLUMN IF EXISTS disposition_at,
        DROP COLUMN IF EXISTS disposition_by, DROP COLUMN IF EXISTS disposition_justification,
        DROP COLUMN IF EXISTS disposition, DROP COLUMN IF EXISTS assignee_id`);
  }
}
