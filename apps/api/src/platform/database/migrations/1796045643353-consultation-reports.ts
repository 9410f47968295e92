import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published editions of a consultation round's report (sprawozdanie z przebiegu i wyników konsultacji): the whole
 * report as data (`content`, with the annex already anonymised, the same for every language), the SHA-256 of its
 * canonical JSON, and who published it when, numbered per round (1, 2, …). A published edition never changes: a
 * trigger refuses updates (except the publisher's account going away) and deletes while its round exists; a change
 * is a new edition.
 */
export class ConsultationReports1796045643353 implements MigrationInterface {
  name = 'ConsultationReports1796045643353';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES consultation_rounds (id) ON DELETE CASCADE,
        edition integer NOT NULL CHECK (edition > 0),
        content jsonb NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        UNIQUE (round_id, edition)
      )`);
    await q.query(`
      CREATE FUNCTION consultation_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF NOT EXISTS (SELECT 1 FROM consultation_rounds WHERE id = OLD.round_id) THEN
            RETURN OLD; -- its round is being deleted (ON DELETE CASCADE)
          END IF;
          RAISE EXCEPTION 'published consultation reports are frozen and cannot be deleted';
        END IF;
        IF NEW.published_by IS DISTINCT FROM OLD.published_by AND NEW.published_by IS NULL
           AND (NEW.id, NEW.round_id, NEW.edition, NEW.content, NEW.sha256, NEW.published_at)
             IS NOT DISTINCT FROM (OLD.id, OLD.round_id, OLD.edition, OLD.content, OLD.sha256, OLD.published_at)
        THEN
          RETURN NEW; -- only the publisher's account going away (ON DELETE SET NULL)
        END IF;
        RAISE EXCEPTION 'published consultation reports are frozen and cannot be changed';
      END $$`);
    await q.query(`
      CREATE TRIGGER consultation_reports_no_change BEFORE UPDATE OR DELETE ON consultation_reports
      FOR EACH ROW EXECUTE FUNCTION consultation_reports_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS consultation_reports`);
    await q.query(`DROP FUNCTION IF EXISTS consultation_reports_frozen()`);
  }
}
