import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment threads remember when their passage was found deleted from the document (`passage_deleted_at`), so that the
 * thread's participants are told once however often the document changes, and on however many instances; the partial
 * index finds the open threads still to watch in a document.
 */
export class ThreadPassageDeleted1796560000100 implements MigrationInterface {
  name = 'ThreadPassageDeleted1796560000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comment_threads ADD COLUMN passage_deleted_at timestamptz`);
    await q.query(`CREATE INDEX comment_threads_watched_idx ON comment_threads (document_id) WHERE status = 'open' AND passage_deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS comment_threads_watched_idx`);
    await q.query(`ALTER TABLE comment_threads DROP COLUMN passage_deleted_at`);
  }
}
