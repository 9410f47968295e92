import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secret ballots keep no per-ballot choice: a vote's totals per choice (count and weight) live in vote_secret_tallies,
 * and every ballot's transaction updates all three rows of its vote (adding to one), so no transaction id, time,
 * sequence or storage order pairs a member with a choice. Votes closed before keep their choices, rewritten in one
 * statement in random order (one transaction id for all, no insertion order), only for verifying their sealed digest;
 * nothing is added there any more.
 *
 * What was voted stays as it was: a closed vote's row, its ballots and its totals refuse every change (triggers), and
 * a vote keeps the members and weights it opened with (`members`), so its outcome can always be recomputed.
 */
export class SecretTalliesSealedVotes1796529177240 implements MigrationInterface {
  name = 'SecretTalliesSealedVotes1796529177240';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE vote_secret_tallies (
        vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
        count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
        weight numeric(24, 4) NOT NULL DEFAULT 0 CHECK (weight >= 0),
        PRIMARY KEY (vote_id, choice)
      )`);
    // Open votes' choices become totals; their rows go.
    await q.query(`
      INSERT INTO vote_secret_tallies (vote_id, choice, count, weight)
      SELECT v.id, c.choice, COALESCE(s.count, 0), COALESCE(s.weight, 0)
      FROM votes v CROSS JOIN (VALUES ('for'), ('against'), ('abstain')) AS c (choice)
      LEFT JOIN (SELECT vote_id, choice, count(*)::int AS count, sum(weight) AS weight FROM vote_secret_choices GROUP BY vote_id, choice) s
        ON s.vote_id = v.id AND s.choice = c.choice
      WHERE v.ballot = 'secret' AND v.state = 'open'`);
    await q.query(`ALTER TABLE vote_secret_choices DISABLE TRIGGER USER`);
    await q.query(`DELETE FROM vote_secret_choices WHERE vote_id IN (SELECT id FROM votes WHERE state = 'open')`);
    // Closed votes' choices: rewritten at once, in random order.
    await q.query(`CREATE TEMPORARY TABLE shuffled ON COMMIT DROP AS SELECT vote_id, choice, weight FROM vote_secret_choices ORDER BY random()`);
    await q.query(`DELETE FROM vote_secret_choices`);
    await q.query(`ALTER TABLE vote_secret_choices DROP COLUMN id`);
    await q.query(`INSERT INTO vote_secret_choices (vote_id, choice, weight) SELECT vote_id, choice, weight FROM shuffled`);
    await q.query(`ALTER TABLE vote_secret_choices ENABLE TRIGGER USER`);
    await q.query(`COMMENT ON TABLE vote_secret_choices IS 'choices of secret votes closed before vote_secret_tallies, for verifying their sealed digests only; nothing is added'`);

    await q.query(`ALTER TABLE votes ADD COLUMN members jsonb`);

    await q.query(`
      CREATE FUNCTION votes_closed_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'closed' THEN
          RAISE EXCEPTION 'a closed vote is final: % of votes is not allowed', TG_OP;
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`
      CREATE FUNCTION vote_rows_final() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE closed boolean;
      BEGIN
        IF TG_TABLE_NAME = 'vote_secret_choices' THEN
          RAISE EXCEPTION 'vote_secret_choices keeps old votes only: nothing is added';
        END IF;
        SELECT v.state = 'closed' INTO closed FROM votes v WHERE v.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.vote_id ELSE NEW.vote_id END;
        IF closed THEN
          RAISE EXCEPTION 'a closed vote is final: % of % is not allowed', TG_OP, TG_TABLE_NAME;
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`
      CREATE FUNCTION vote_secret_tallies_only_grow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a secret ballot''s totals are never removed';
        END IF;
        IF NEW.count < OLD.count OR NEW.weight < OLD.weight OR NEW.vote_id <> OLD.vote_id OR NEW.choice <> OLD.choice THEN
          RAISE EXCEPTION 'a secret ballot''s totals only grow while it is open';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER votes_final BEFORE UPDATE OR DELETE ON votes FOR EACH ROW EXECUTE FUNCTION votes_closed_are_final()`);
    await q.query(`CREATE TRIGGER vote_ballots_final BEFORE INSERT ON vote_ballots FOR EACH ROW EXECUTE FUNCTION vote_rows_final()`);
    await q.query(`CREATE TRIGGER vote_secret_tallies_final BEFORE INSERT OR UPDATE OR DELETE ON vote_secret_tallies FOR EACH ROW EXECUTE FUNCTION vote_rows_final()`);
    await q.query(`CREATE TRIGGER vote_secret_tallies_grow BEFORE UPDATE OR DELETE ON vote_secret_tallies FOR EACH ROW EXECUTE FUNCTION vote_secret_tallies_only_grow()`);
    await q.query(`CREATE TRIGGER vote_secret_choices_none_added BEFORE INSERT ON vote_secret_choices FOR EACH ROW EXECUTE FUNCTION vote_rows_final()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS votes_final ON votes`);
    await q.query(`DROP TRIGGER IF EXISTS vote_ballots_final ON vote_ballots`);
    await q.query(`DROP TRIGGER IF EXISTS vote_secret_choices_none_added ON vote_secret_choices`);
    await q.query(`DROP TABLE IF EXISTS vote_secret_tallies`);
    await q.query(`DROP FUNCTION IF EXISTS votes_closed_are_final()`);
    await q.query(`DROP FUNCTION IF EXISTS vote_rows_final()`);
    await q.query(`DROP FUNCTION IF EXISTS vote_secret_tallies_only_grow()`);
    await q.query(`ALTER TABLE votes DROP COLUMN IF EXISTS members`);
  }
}
