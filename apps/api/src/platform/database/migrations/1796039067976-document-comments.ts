import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment threads anchored to a passage of a document (Yjs relative positions, with the passage's text as it was),
 * their comments with @mentions, and in-app notifications of those mentions.
 */
export class DocumentComments1796039067976 implements MigrationInterface {
  name = 'DocumentComments1796039067976';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        anchor_start text NOT NULL CHECK (length(anchor_start) BETWEEN 1 AND 1024),
        anchor_end text NOT NULL CHECK (length(anchor_end) BETWEEN 1 AND 1024),
        quote text NOT NULL CHECK (length(quote) BETWEEN 1 AND 5000),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX comment_threads_document_idx ON comment_threads (document_id, created_at)`);
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX comments_thread_idx ON comments (thread_id, created_at)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('mention')),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        document_id uuid REFERENCES documents (id) ON DELETE CASCADE,
        thread_id uuid REFERENCES comment_threads (id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        excerpt text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, workspace_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notifications`);
    await q.query(`DROP TABLE IF EXISTS comments`);
    await q.query(`DROP TABLE IF EXISTS comment_threads`);
  }
}
