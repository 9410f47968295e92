import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Votes on more than resolutions. A meeting votes on motions (`meeting_motions`): adopting its agenda, changing the
 * adopted agenda, approving an earlier meeting's minutes, and each amendment to a draft resolution. A vote is on a
 * resolution or on a motion, never both; one vote open per motion at a time.
 *
 * Amendments (`resolution_amendments`, poprawki): a member's representative (or staff on behalf of a body) proposes
 * new wording for a passage of a draft resolution's text. The passage is anchored as a consultation comment's is: the
 * ProseMirror range in the Yjs state it was picked in (`base_state`), carried through every edit since. The chair
 * orders them (`vote_order`) and marks conflicts (adopting one drops the other); an adopted amendment's wording goes
 * into the live text at once (`applied_*`). The wording proposed never changes once proposed (trigger).
 */
export class MotionsAmendments1796610000100 implements MigrationInterface {
  name = 'MotionsAmendments1796610000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resolution_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        resolution_id uuid NOT NULL REFERENCES resolutions (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        proposer_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
        proposer_name text NOT NULL CHECK (length(proposer_name) BETWEEN 1 AND 300),
        proposed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        base_state bytea NOT NULL,
        passage_from integer NOT NULL CHECK (passage_from >= 0),
        passage_to integer NOT NULL,
        current_text text NOT NULL CHECK (length(current_text) BETWEEN 1 AND 20000),
        proposed_text text NOT NULL CHECK (length(proposed_text) <= 20000),
        justification text NOT NULL DEFAULT '' CHECK (length(justification) <= 10000),
        state text NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'withdrawn', 'voting', 'adopted', 'rejected', 'dropped')),
        vote_order integer CHECK (vote_order >= 1),
        conflicts_with uuid[] NOT NULL DEFAULT '{}',
        dropped_by uuid REFERENCES resolution_amendments (id) ON DELETE SET NULL,
        applied_at timestamptz,
        applied_text text,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CHECK (passage_to > passage_from),
        UNIQUE (resolution_id, number)
      )`);
    await q.query(`CREATE INDEX resolution_amendments_resolution_idx ON resolution_amendments (resolution_id, number)`);
    await q.query(`
      CREATE FUNCTION amendment_wording_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.proposed_text IS DISTINCT FROM OLD.proposed_text OR NEW.current_text IS DISTINCT FROM OLD.current_text
           OR NEW.base_state IS DISTINCT FROM OLD.base_state OR NEW.passage_from IS DISTINCT FROM OLD.passage_from
           OR NEW.passage_to IS DISTINCT FROM OLD.passage_to OR NEW.resolution_id IS DISTINCT FROM OLD.resolution_id THEN
          RAISE EXCEPTION 'an amendment''s wording and passage never change once proposed';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER resolution_amendments_wording_fixed BEFORE UPDATE ON resolution_amendments FOR EACH ROW EXECUTE FUNCTION amendment_wording_fixed()`);
    await q.query(`
      CREATE TABLE meeting_motions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES decision_meetings (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('agenda', 'agenda_change', 'minutes', 'amendment')),
        agenda_item_id uuid REFERENCES meeting_agenda (id) ON DELETE SET NULL,
        amendment_id uuid REFERENCES resolution_amendments (id) ON DELETE RESTRICT,
        change jsonb,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'amendment') = (amendment_id IS NOT NULL)),
        CHECK ((kind = 'agenda_change') = (change IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX meeting_motions_meeting_idx ON meeting_motions (meeting_id, created_at)`);
    await q.query(`ALTER TABLE votes ADD COLUMN motion_id uuid REFERENCES meeting_motions (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE votes ALTER COLUMN resolution_id DROP NOT NULL`);
    await q.query(`ALTER TABLE votes ADD CONSTRAINT votes_one_subject CHECK ((resolution_id IS NULL) <> (motion_id IS NULL))`);
    await q.query(`ALTER TABLE votes ADD CONSTRAINT votes_motion_in_meeting CHECK (motion_id IS NULL OR meeting_id IS NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX votes_one_open_motion_idx ON votes (motion_id) WHERE state = 'open' AND motion_id IS NOT NULL`);
    // The minutes of a meeting are approved at a later one.
    await q.query(`ALTER TABLE decision_meetings ADD COLUMN minutes_approved_at timestamptz, ADD COLUMN minutes_approved_in uuid REFERENCES decision_meetings (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_meetings DROP COLUMN IF EXISTS minutes_approved_in, DROP COLUMN IF EXISTS minutes_approved_at`);
    await q.query(`DROP INDEX IF EXISTS votes_one_open_motion_idx`);
    await q.query(`ALTER TABLE votes DROP CONSTRAINT IF EXISTS votes_motion_in_meeting, DROP CONSTRAINT IF EXISTS votes_one_subject`);
    await q.query(`ALTER TABLE votes DROP COLUMN IF EXISTS motion_id`);
    await q.query(`DROP TABLE IF EXISTS meeting_motions`);
    await q.query(`DROP TABLE IF EXISTS resolution_amendments`);
    await q.query(`DROP FUNCTION IF EXISTS amendment_wording_fixed()`);
  }
}
