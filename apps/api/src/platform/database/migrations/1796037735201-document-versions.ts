import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen, named versions of a document: the Yjs state at that moment, its content as ProseMirror JSON and rendered
 * HTML, and the SHA-256 of the canonical content, numbered per document. A version never changes once frozen
 * (a trigger refuses updates); it goes only with its document.
 */
export class DocumentVersions1796037735201 implements MigrationInterface {
  name = 'DocumentVersions1796037735201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        state bytea NOT NULL,
        content jsonb NOT NULL,
        html text NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, number),
        UNIQUE (document_id, name)
      )`);
    await q.query(`
      CREATE FUNCTION document_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.created_by IS DISTINCT FROM OLD.created_by AND NEW.created_by IS NULL
           AND (NEW.id, NEW.document_id, NEW.number, NEW.name, NEW.state, NEW.content, NEW.html, NEW.content_hash, NEW.created_at)
             IS NOT DISTINCT FROM (OLD.id, OLD.document_id, OLD.number, OLD.name, OLD.state, OLD.content, OLD.html, OLD.content_hash, OLD.created_at)
        THEN
          RETURN NEW; -- only the author's account going away (ON DELETE SET NULL)
        END IF;
        RAISE EXCEPTION 'document versions are frozen and cannot be changed';
      END $$`);
    await q.query(`
      CREATE TRIGGER document_versions_no_change BEFORE UPDATE ON document_versions
      FOR EACH ROW EXECUTE FUNCTION document_versions_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS document_versions`);
    await q.query(`DROP FUNCTION IF EXISTS document_versions_frozen()`);
  }
}
