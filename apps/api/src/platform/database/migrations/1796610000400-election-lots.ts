import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draw by lot for the last seats of an election (tie rule 'lot'): a closed round whose result asks for one is final,
 * so the draw the chair records after it is a row of its own, one per round, never changed or removed. `drawn` lists
 * the candidates the draw gave the seats to, in the order drawn.
 */
export class ElectionLots1796610000400 implements MigrationInterface {
  name = 'ElectionLots1796610000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE election_lots (
        round_id uuid PRIMARY KEY REFERENCES election_rounds (id) ON DELETE CASCADE,
        election_id uuid NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
        drawn jsonb NOT NULL CHECK (jsonb_typeof(drawn) = 'array' AND jsonb_array_length(drawn) > 0),
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX election_lots_election ON election_lots (election_id)`);
    await q.query(`
      CREATE FUNCTION election_lots_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a draw by lot, once recorded, is final: % of election_lots is not allowed', TG_OP;
      END $$`);
    await q.query(`CREATE TRIGGER election_lots_final BEFORE UPDATE OR DELETE ON election_lots FOR EACH ROW EXECUTE FUNCTION election_lots_final()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS election_lots`);
    await q.query(`DROP FUNCTION IF EXISTS election_lots_final()`);
  }
}
