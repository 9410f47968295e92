import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments of a resolution (załączniki): files added while it is a draft, numbered in order, each with its SHA-256;
 * frozen once a vote opens (a trigger refuses changes to the attachments of a resolution that is not a draft).
 */
export class ResolutionAttachments1796049094747 implements MigrationInterface {
  name = 'ResolutionAttachments1796049094747';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resolution_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resolution_id uuid NOT NULL REFERENCES resolutions (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (resolution_id, position)
      )`);
    await q.query(`
      CREATE FUNCTION resolution_attachments_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE state text;
      BEGIN
        SELECT r.state INTO state FROM resolutions r WHERE r.id = COALESCE(NEW.resolution_id, OLD.resolution_id);
        IF state IS NOT NULL AND state <> 'draft' THEN
          RAISE EXCEPTION 'the attachments of a resolution are frozen once it is voted on (%)', TG_OP;
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER resolution_attachments_frozen BEFORE INSERT OR UPDATE OR DELETE ON resolution_attachments FOR EACH ROW EXECUTE FUNCTION resolution_attachments_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS resolution_attachments`);
    await q.query(`DROP FUNCTION IF EXISTS resolution_attachments_frozen()`);
  }
}
