import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The speakers' list of a meeting: per agenda item, who asked for the floor and who had it. A member's representative
 * asks for their member (`organisation_id`, `user_id`); the chair may add someone by name (a guest, an expert: no
 * organisation). A request is a speech or a point of order (wniosek formalny, heard first); it waits, is spoken
 * (`started_at`, with the time limit it got then in `seconds`), done or withdrawn. A member has one waiting request per
 * item and kind, and a meeting one speaker at a time.
 */
export class MeetingSpeakers1796610000200 implements MigrationInterface {
  name = 'MeetingSpeakers1796610000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_speakers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES decision_meetings (id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES meeting_agenda (id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        name text CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('speech', 'point_of_order')),
        state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'speaking', 'done', 'withdrawn')),
        requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        started_at timestamptz,
        seconds integer CHECK (seconds BETWEEN 30 AND 3600),
        ended_at timestamptz,
        given_by uuid REFERENCES users (id) ON DELETE SET NULL,
        CHECK (organisation_id IS NOT NULL OR name IS NOT NULL),
        CHECK ((state IN ('speaking', 'done')) = (started_at IS NOT NULL)),
        CHECK ((started_at IS NULL) = (seconds IS NULL)),
        CHECK ((state IN ('done', 'withdrawn')) = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX meeting_speakers_meeting_idx ON meeting_speakers (meeting_id, agenda_item_id, requested_at)`);
    await q.query(`CREATE UNIQUE INDEX meeting_speakers_one_waiting ON meeting_speakers (agenda_item_id, organisation_id, kind) WHERE state = 'waiting' AND organisation_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX meeting_speakers_one_speaking ON meeting_speakers (meeting_id) WHERE state = 'speaking'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS meeting_speakers`);
  }
}
