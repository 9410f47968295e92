import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A proposed wording applied to the live draft: the text that went in (as staff edited it), who applied it and when,
 * and the document it changed. Once applied, a comment is not applied again.
 */
export class ConsultationProposals1796045593014 implements MigrationInterface {
  name = 'ConsultationProposals1796045593014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consultation_comments
        ADD COLUMN applied_text text CHECK (length(applied_text) <= 20000),
        ADD COLUMN applied_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN applied_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consultation_comments DROP COLUMN IF EXISTS applied_at, DROP COLUMN IF EXISTS applied_by, DROP COLUMN IF EXISTS applied_text`);
  }
}
