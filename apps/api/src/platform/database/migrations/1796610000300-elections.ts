import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Elections of persons at a meeting (wybory): a body elects persons to a number of seats of another body (the board's
 * six) or to the chair of a body, decided as a resolution of kind 'election' that is numbered and registered.
 *
 * - `elections`: the body that votes, the resolution it decides, the body whose composition it fills (`target_body_id`,
 *   `role` 'members' for its membership, 'chair' for its chair), the seats, the election rules frozen at creation
 *   (libs/domain ElectionRules), whether the ballot is secret, and from when the new composition applies.
 * - `election_candidates`: the person standing for a member organisation, who nominated them, their consent, a
 *   withdrawal, and the round that elected them.
 * - `election_rounds`: each round with its seats, the candidates standing, the rules, quorum, weighting and members it
 *   opened with, and at its close the attendance, the result (ElectionRoundResult) and the ballots' digest.
 * - `election_ballots`: who cast a ballot in a round (one per member); the marks only on a named ballot.
 * - `election_tallies`: a secret round's totals, per candidate and choice and the invalid and blank ballots; every row of
 *   the round is updated in every ballot's transaction (as vote_secret_tallies), so no transaction id tells which rows
 *   a ballot added to.
 *
 * Triggers keep ballots append-only, refuse marks on a secret ballot, refuse anything added to a closed round, keep the
 * totals growing only and make a closed round final. The decision register takes election entries: `election_id`,
 * with `vote_id` now optional and exactly one of them set.
 */
export class Elections1796610000300 implements MigrationInterface {
  name = 'Elections1796610000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE elections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        body_id uuid NOT NULL,
        meeting_id uuid NOT NULL REFERENCES decision_meetings (id) ON DELETE RESTRICT,
        resolution_id uuid NOT NULL UNIQUE REFERENCES resolutions (id) ON DELETE RESTRICT,
        target_body_id uuid REFERENCES decision_bodies (id) ON DELETE RESTRICT,
        role text NOT NULL CHECK (role IN ('members', 'chair')),
        seats integer NOT NULL CHECK (seats BETWEEN 1 AND 100),
        rules jsonb NOT NULL,
        secret boolean NOT NULL,
        state text NOT NULL DEFAULT 'nominating' CHECK (state IN ('nominating', 'voting', 'concluded', 'cancelled')),
        composition_from date,
        composition_applied_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        concluded_at timestamptz,
        FOREIGN KEY (workspace_id, body_id) REFERENCES decision_bodies (workspace_id, id) ON DELETE RESTRICT,
        CHECK (role = 'members' OR (seats = 1 AND target_body_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX elections_meeting_idx ON elections (meeting_id)`);
    await q.query(`CREATE INDEX elections_composition_due_idx ON elections (composition_from) WHERE state = 'concluded' AND composition_applied_at IS NULL`);
    await q.query(`
      CREATE TABLE election_candidates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        election_id uuid NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200),
        position integer NOT NULL CHECK (position >= 1),
        nominated_by uuid REFERENCES organisations (id) ON DELETE SET NULL,
        nominated_by_user uuid REFERENCES users (id) ON DELETE SET NULL,
        nominated_at timestamptz NOT NULL DEFAULT now(),
        consent_at timestamptz,
        consent_by uuid REFERENCES users (id) ON DELETE SET NULL,
        withdrawn_at timestamptz,
        elected_in_round integer,
        UNIQUE (election_id, position)
      )`);
    // One standing candidacy per member organisation: a body's composition is of member organisations.
    await q.query(`CREATE UNIQUE INDEX election_candidates_one_per_member ON election_candidates (election_id, organisation_id) WHERE withdrawn_at IS NULL`);
    await q.query(`
      CREATE TABLE election_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        election_id uuid NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
        n integer NOT NULL CHECK (n >= 1),
        seats_open integer NOT NULL CHECK (seats_open >= 1),
        candidates uuid[] NOT NULL,
        rules jsonb NOT NULL,
        quorum jsonb,
        weighting text NOT NULL,
        proxies_allowed boolean NOT NULL,
        members jsonb NOT NULL,
        secret boolean NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        present jsonb,
        result jsonb,
        ballots_digest text,
        opened_by uuid REFERENCES users (id) ON DELETE SET NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (election_id, n)
      )`);
    await q.query(`CREATE UNIQUE INDEX election_rounds_one_open ON election_rounds (election_id) WHERE state = 'open'`);
    await q.query(`
      CREATE TABLE election_ballots (
        round_id uuid NOT NULL REFERENCES election_rounds (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        cast_by uuid REFERENCES users (id) ON DELETE SET NULL,
        by_proxy boolean NOT NULL DEFAULT false,
        cast_at timestamptz NOT NULL DEFAULT now(),
        marks jsonb,
        PRIMARY KEY (round_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE election_tallies (
        id bigserial PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES election_rounds (id) ON DELETE CASCADE,
        candidate_id uuid REFERENCES election_candidates (id) ON DELETE RESTRICT,
        choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain', 'invalid', 'blank')),
        count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
        weight numeric(24, 4) NOT NULL DEFAULT 0 CHECK (weight >= 0),
        CHECK ((candidate_id IS NULL) = (choice IN ('invalid', 'blank')))
      )`);
    await q.query(`CREATE UNIQUE INDEX election_tallies_candidate ON election_tallies (round_id, candidate_id, choice) WHERE candidate_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX election_tallies_round ON election_tallies (round_id, choice) WHERE candidate_id IS NULL`);

    await q.query(`
      CREATE FUNCTION election_rounds_closed_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'closed' THEN
          RAISE EXCEPTION 'a closed election round is final: % of election_rounds is not allowed', TG_OP;
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`
      CREATE FUNCTION election_round_rows_final() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        SELECT state, secret INTO r FROM election_rounds WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
        IF r.state = 'closed' THEN
          RAISE EXCEPTION 'a closed election round is final: % of % is not allowed', TG_OP, TG_TABLE_NAME;
        END IF;
        IF TG_TABLE_NAME = 'election_ballots' THEN
          IF r.secret AND NEW.marks IS NOT NULL THEN
            RAISE EXCEPTION 'a secret ballot keeps no marks';
          END IF;
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`
      CREATE FUNCTION election_tallies_only_grow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a secret round''s totals are never removed';
        END IF;
        IF NEW.count < OLD.count OR NEW.weight < OLD.weight OR NEW.round_id <> OLD.round_id OR NEW.choice <> OLD.choice
           OR NEW.candidate_id IS DISTINCT FROM OLD.candidate_id THEN
          RAISE EXCEPTION 'a secret round''s totals only grow while it is open';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER election_rounds_final BEFORE UPDATE OR DELETE ON election_rounds FOR EACH ROW EXECUTE FUNCTION election_rounds_closed_are_final()`);
    await q.query(`CREATE TRIGGER election_ballots_cast_once BEFORE UPDATE OR DELETE ON election_ballots FOR EACH ROW EXECUTE FUNCTION ballots_cast_once()`);
    await q.query(`CREATE TRIGGER election_ballots_final BEFORE INSERT ON election_ballots FOR EACH ROW EXECUTE FUNCTION election_round_rows_final()`);
    await q.query(`CREATE TRIGGER election_tallies_final BEFORE INSERT OR UPDATE OR DELETE ON election_tallies FOR EACH ROW EXECUTE FUNCTION election_round_rows_final()`);
    await q.query(`CREATE TRIGGER election_tallies_grow BEFORE UPDATE OR DELETE ON election_tallies FOR EACH ROW EXECUTE FUNCTION election_tallies_only_grow()`);

    // An election on a meeting's agenda.
    await q.query(`ALTER TABLE meeting_agenda ADD COLUMN election_id uuid REFERENCES elections (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE meeting_agenda ADD CONSTRAINT meeting_agenda_election_kind CHECK (election_id IS NULL OR kind = 'election')`);

    // The register takes elections: exactly one of a vote and an election decided each entry.
    await q.query(`ALTER TABLE decision_register ADD COLUMN election_id uuid REFERENCES elections (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE decision_register ALTER COLUMN vote_id DROP NOT NULL`);
    await q.query(`ALTER TABLE decision_register ADD CONSTRAINT decision_register_decided_by CHECK ((vote_id IS NULL) <> (election_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_register DROP CONSTRAINT IF EXISTS decision_register_decided_by`);
    await q.query(`ALTER TABLE decision_register DISABLE TRIGGER decision_register_no_change`);
    await q.query(`DELETE FROM decision_register WHERE election_id IS NOT NULL`);
    await q.query(`ALTER TABLE decision_register ENABLE TRIGGER decision_register_no_change`);
    await q.query(`ALTER TABLE decision_register ALTER COLUMN vote_id SET NOT NULL`);
    await q.query(`ALTER TABLE decision_register DROP COLUMN IF EXISTS election_id`);
    await q.query(`ALTER TABLE meeting_agenda DROP CONSTRAINT IF EXISTS meeting_agenda_election_kind`);
    await q.query(`ALTER TABLE meeting_agenda DROP COLUMN IF EXISTS election_id`);
    for (const table of ['election_tallies', 'election_ballots', 'election_rounds', 'election_candidates', 'elections']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS election_tallies_only_grow()`);
    await q.query(`DROP FUNCTION IF EXISTS election_round_rows_final()`);
    await q.query(`DROP FUNCTION IF EXISTS election_rounds_closed_are_final()`);
  }
}
