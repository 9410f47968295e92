import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work done after the response (JobQueue): one row per job, taken by one worker at a time (FOR UPDATE SKIP LOCKED, so
 * several instances share the table), retried with backoff, deleted when done.
 */
export class Jobs1796522420241 implements MigrationInterface {
  name = 'Jobs1796522420241';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobs (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX jobs_due ON jobs (run_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS jobs`);
  }
}
