import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-drafting: per-document access grants, and each document's Yjs state as an append-only log of updates plus a
 * snapshot that the log is compacted into.
 */
export class CoDrafting1764576000000 implements MigrationInterface {
  name = 'CoDrafting1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_access (
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        access text NOT NULL CHECK (access IN ('edit', 'comment', 'read')),
        expires_at timestamptz,
        granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, user_id)
      )`);
    await q.query(`CREATE INDEX document_access_user_idx ON document_access (user_id)`);
    // The log: one row per group commit and document (the updates that arrived meanwhile, merged). Rows are only
    // inserted, and deleted only by compaction once a snapshot holds them.
    await q.query(`
      CREATE TABLE document_updates (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX document_updates_document_idx ON document_updates (document_id, id)`);
    // The snapshot holds every log row that compaction merged (and deleted); upto_id is the highest of them, version
    // counts compactions so that a compactor working from an older snapshot can never replace a newer one. Its state
    // vector is kept beside it (a join after a restart needs no parsing), and its SHA-256, so a damaged snapshot is
    // refused at load instead of being sent to clients.
    await q.query(`
      CREATE TABLE document_snapshots (
        document_id uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        upto_id bigint NOT NULL,
        version bigint NOT NULL DEFAULT 0,
        data bytea NOT NULL,
        state_vector bytea NOT NULL,
        checksum bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS document_snapshots`);
    await q.query(`DROP TABLE IF EXISTS document_updates`);
    await q.query(`DROP TABLE IF EXISTS document_access`);
  }
}
