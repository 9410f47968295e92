import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions: the association's bodies (general assembly, board, others) with their statute rules as data and their
 * members; resolutions (text in the shared editor as a resolution_draft document, optionally adopting a frozen
 * version), numbered at adoption in the body's yearly series; meetings with an agenda, attendance and proxies; votes
 * (in a meeting or in a remote window) with one ballot per member, secret ballots split so that a choice cannot be
 * joined to its member; and the decision register, append-only, each entry sealed by an audit entry that carries the
 * digest of the vote's ballots.
 */
export class Decisions1796047544392 implements MigrationInterface {
  name = 'Decisions1796047544392';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_bodies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('general_assembly', 'board', 'other')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_genitive text NOT NULL CHECK (length(name_genitive) BETWEEN 1 AND 200),
        rules jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name),
        UNIQUE (workspace_id, id)
      )`);
    await q.query(`
      CREATE TABLE decision_body_members (
        body_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        PRIMARY KEY (body_id, organisation_id),
        FOREIGN KEY (workspace_id, body_id) REFERENCES decision_bodies (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations (workspace_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE resolutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        body_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ordinary', 'election', 'statute_change')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        justification text NOT NULL DEFAULT '' CHECK (length(justification) <= 20000),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
        adopts_version_id uuid REFERENCES document_versions (id) ON DELETE RESTRICT,
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'voting', 'adopted', 'rejected', 'no_quorum')),
        year integer,
        sequence integer,
        number text,
        decided_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        UNIQUE (body_id, year, sequence),
        CHECK ((state = 'adopted') = (number IS NOT NULL)),
        FOREIGN KEY (workspace_id, body_id) REFERENCES decision_bodies (workspace_id, id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX resolutions_workspace_idx ON resolutions (workspace_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE resolution_counters (
        body_id uuid NOT NULL REFERENCES decision_bodies (id) ON DELETE CASCADE,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (body_id, year)
      )`);
    await q.query(`
      CREATE TABLE decision_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        body_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        starts_at timestamptz NOT NULL,
        place text NOT NULL DEFAULT '' CHECK (length(place) <= 500),
        state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'open', 'closed')),
        opened_at timestamptz,
        closed_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, body_id) REFERENCES decision_bodies (workspace_id, id) ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE meeting_agenda (
        meeting_id uuid NOT NULL REFERENCES decision_meetings (id) ON DELETE CASCADE,
        resolution_id uuid NOT NULL REFERENCES resolutions (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        PRIMARY KEY (meeting_id, resolution_id),
        UNIQUE (meeting_id, position)
      )`);
    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES decision_meetings (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        checked_in_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE meeting_proxies (
        meeting_id uuid NOT NULL REFERENCES decision_meetings (id) ON DELETE CASCADE,
        from_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        to_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        authorisation text NOT NULL CHECK (length(authorisation) BETWEEN 1 AND 1000),
        granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, from_organisation_id),
        CHECK (from_organisation_id <> to_organisation_id)
      )`);
    await q.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        resolution_id uuid NOT NULL REFERENCES resolutions (id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES decision_meetings (id) ON DELETE RESTRICT,
        ballot text NOT NULL CHECK (ballot IN ('named', 'secret')),
        rules jsonb NOT NULL,
        opens_at timestamptz NOT NULL DEFAULT now(),
        closes_at timestamptz,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        opened_by uuid REFERENCES users (id) ON DELETE SET NULL,
        closed_at timestamptz,
        present jsonb,
        outcome jsonb,
        ballots_digest text,
        reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (meeting_id IS NOT NULL OR closes_at IS NOT NULL)
      )`);
    // One vote open per resolution at a time.
    await q.query(`CREATE UNIQUE INDEX votes_one_open_idx ON votes (resolution_id) WHERE state = 'open'`);
    // Who voted for which member (the choice too on a named ballot; on a secret one the choice is elsewhere).
    await q.query(`
      CREATE TABLE vote_ballots (
        vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        choice text CHECK (choice IN ('for', 'against', 'abstain')),
        cast_by uuid REFERENCES users (id) ON DELETE SET NULL,
        by_proxy boolean NOT NULL DEFAULT false,
        cast_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vote_id, organisation_id)
      )`);
    // Secret choices: no member, no time, a random id; only their count and sum are ever read.
    await q.query(`
      CREATE TABLE vote_secret_choices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
        weight numeric(20, 4) NOT NULL CHECK (weight > 0)
      )`);
    await q.query(`
      CREATE FUNCTION ballots_cast_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: a ballot, once cast, is never changed or removed (%)', TG_TABLE_NAME, TG_OP;
      END $$`);
    await q.query(`CREATE TRIGGER vote_ballots_cast_once BEFORE UPDATE OR DELETE ON vote_ballots FOR EACH ROW EXECUTE FUNCTION ballots_cast_once()`);
    await q.query(`CREATE TRIGGER vote_secret_choices_cast_once BEFORE UPDATE OR DELETE ON vote_secret_choices FOR EACH ROW EXECUTE FUNCTION ballots_cast_once()`);
    await q.query(`
      CREATE TABLE decision_register (
        id bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE RESTRICT,
        resolution_id uuid NOT NULL UNIQUE REFERENCES resolutions (id) ON DELETE RESTRICT,
        vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE RESTRICT,
        number text NOT NULL,
        title text NOT NULL,
        body_name text NOT NULL,
        adopted_at timestamptz NOT NULL,
        result jsonb NOT NULL,
        version_hash text,
        ballots_digest text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (workspace_id, number, body_name)
      )`);
    await q.query(`
      CREATE FUNCTION decision_register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'decision_register is append-only: % is not allowed', TG_OP;
      END $$`);
    await q.query(`CREATE TRIGGER decision_register_no_change BEFORE UPDATE OR DELETE ON decision_register FOR EACH ROW EXECUTE FUNCTION decision_register_append_only()`);
    await q.query(`CREATE TRIGGER decision_register_no_truncate BEFORE TRUNCATE ON decision_register FOR EACH STATEMENT EXECUTE FUNCTION decision_register_append_only()`);
    await q.query(`
      CREATE TABLE version_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE RESTRICT,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        content_hash text NOT NULL,
        approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (version_id, organisation_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['version_approvals', 'decision_register', 'vote_secret_choices', 'vote_ballots', 'votes', 'meeting_proxies', 'meeting_attendance', 'meeting_agenda', 'decision_meetings', 'resolution_counters', 'resolutions', 'decision_body_members', 'decision_bodies']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS decision_register_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS ballots_cast_once()`);
  }
}
