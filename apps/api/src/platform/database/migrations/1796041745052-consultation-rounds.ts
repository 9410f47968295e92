import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation rounds on a frozen version of a document: timetable, audience, channels, legal basis and the personal
 * data clause of the form, their state (draft → announced → open → closed → report published, each change timed),
 * and the meetings held during a round.
 */
export class ConsultationRounds1796041745052 implements MigrationInterface {
  name = 'ConsultationRounds1796041745052';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE RESTRICT,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 2000),
        audiences text[] NOT NULL CHECK (cardinality(audiences) > 0 AND audiences <@ ARRAY['members', 'partners', 'public']),
        channels text[] NOT NULL CHECK (cardinality(channels) > 0 AND channels <@ ARRAY['online_form', 'email', 'post', 'oral_protocol', 'epuap']),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
        information_clause text NOT NULL CHECK (length(information_clause) <= 10000),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'announced', 'open', 'closed', 'report_published')),
        announced_at timestamptz,
        opened_at timestamptz,
        closed_at timestamptz,
        report_published_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultation_rounds_workspace_idx ON consultation_rounds (workspace_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE consultation_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES consultation_rounds (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        place text NOT NULL CHECK (length(place) BETWEEN 1 AND 500),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultation_meetings_round_idx ON consultation_meetings (round_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS consultation_meetings`);
    await q.query(`DROP TABLE IF EXISTS consultation_rounds`);
  }
}
