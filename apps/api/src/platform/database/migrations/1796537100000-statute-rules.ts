import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statute rules associations use: a body's chair (whose vote decides a tie where the rules say so), a meeting's second
 * term (when it reconvenes, and which term it was opened in). The rules themselves are data in `rules` (JSON).
 */
export class StatuteRules1796537100000 implements MigrationInterface {
  name = 'StatuteRules1796537100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_bodies ADD COLUMN chair_id uuid REFERENCES organisations (id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE decision_meetings
        ADD COLUMN second_term_at timestamptz,
        ADD COLUMN term text CHECK (term IN ('first', 'second')),
        ADD CONSTRAINT decision_meetings_second_term_later CHECK (second_term_at IS NULL OR second_term_at > starts_at),
        ADD CONSTRAINT decision_meetings_second_term_named CHECK (term IS DISTINCT FROM 'second' OR second_term_at IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE decision_meetings
        DROP CONSTRAINT IF EXISTS decision_meetings_second_term_named,
        DROP CONSTRAINT IF EXISTS decision_meetings_second_term_later,
        DROP COLUMN IF EXISTS term,
        DROP COLUMN IF EXISTS second_term_at`);
    await q.query(`ALTER TABLE decision_bodies DROP COLUMN IF EXISTS chair_id`);
  }
}
