import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation rounds remember when the reminder that they close in three days went out (`closing_notified_at`), so
 * that the sweep sends it once however often it runs and on however many instances; the partial index finds the open
 * rounds still waiting for it.
 */
export class RoundNotifications1796560000200 implements MigrationInterface {
  name = 'RoundNotifications1796560000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consultation_rounds ADD COLUMN closing_notified_at timestamptz`);
    await q.query(`CREATE INDEX consultation_rounds_closing_idx ON consultation_rounds (closes_at) WHERE state = 'open' AND closing_notified_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS consultation_rounds_closing_idx`);
    await q.query(`ALTER TABLE consultation_rounds DROP COLUMN closing_notified_at`);
  }
}
