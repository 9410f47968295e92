import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data of consultation participants (personal-data/): each workspace keeps public commenters' contact data
 * `contact_retention_days` after a round's report is first published (1..3650, 90 by default); the sweep then erases
 * it from the round's comments and stamps them `contact_erased_at`, so each comment is erased once.
 */
export class PersonalDataRetention1796600000100 implements MigrationInterface {
  name = 'PersonalDataRetention1796600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN contact_retention_days integer NOT NULL DEFAULT 90 CHECK (contact_retention_days BETWEEN 1 AND 3650)`);
    await q.query(`ALTER TABLE consultation_comments ADD COLUMN contact_erased_at timestamptz`);
    // The sweep looks for rounds with a published report whose comments still hold contact data.
    await q.query(`CREATE INDEX consultation_rounds_report_published_idx ON consultation_rounds (report_published_at) WHERE report_published_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS consultation_rounds_report_published_idx`);
    await q.query(`ALTER TABLE consultation_comments DROP COLUMN IF EXISTS contact_erased_at`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN IF EXISTS contact_retention_days`);
  }
}
