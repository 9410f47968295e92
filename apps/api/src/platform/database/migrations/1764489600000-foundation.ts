import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workspaces, organisations, people and their roles, sessions, invitations, password resets, the audit trail. */
export class Foundation1764489600000 implements MigrationInterface {
  name = 'Foundation1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 40),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('member', 'partner')),
        type text NOT NULL CHECK (
          (kind = 'member' AND type IN ('gmina_miejska', 'gmina_wiejska', 'gmina_miejsko_wiejska', 'powiat', 'wojewodztwo'))
          OR (kind = 'partner' AND type IN ('association', 'public_agency', 'chamber_of_commerce', 'university',
                                            'consultancy', 'international_network', 'other'))),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        population integer CHECK (population >= 0),
        population_year integer CHECK (population_year BETWEEN 1900 AND 2200),
        vote_weight numeric(12, 4) CHECK (
          (kind = 'member' AND vote_weight > 0) OR (kind = 'partner' AND vote_weight IS NULL)),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name),
        UNIQUE (workspace_id, id)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    // The composite foreign key keeps a person's organisation inside the person's workspace.
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('coordinator', 'expert', 'representative', 'partner', 'observer')),
        organisation_id uuid,
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, user_id),
        FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations (workspace_id, id),
        CHECK ((role IN ('representative', 'partner')) = (organisation_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        display_name text,
        role text NOT NULL CHECK (role IN ('coordinator', 'expert', 'representative', 'partner', 'observer')),
        organisation_id uuid,
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations (workspace_id, id),
        CHECK ((role IN ('representative', 'partner')) = (organisation_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX invitations_workspace_idx ON invitations (workspace_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('strategy', 'sector_plan', 'concept', 'resolution_draft', 'other')),
        status text NOT NULL DEFAULT 'drafting' CHECK (status IN ('drafting', 'in_consultation', 'adopted', 'archived')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX documents_workspace_idx ON documents (workspace_id, updated_at DESC)`);

    // The audit trail: one hash chain per workspace (chain 'workspace:<id>') and one for events outside any
    // workspace ('system'). audit_chain_heads holds each chain's last entry, so that deleting the newest entries is
    // detected too; its row lock serialises appends to one chain.
    await q.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        chain text NOT NULL,
        seq bigint NOT NULL CHECK (seq >= 1),
        workspace_id uuid REFERENCES workspaces (id) ON DELETE RESTRICT,
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (chain, seq)
      )`);
    await q.query(`CREATE INDEX audit_entries_workspace_idx ON audit_entries (workspace_id, seq DESC)`);
    await q.query(`
      CREATE TABLE audit_chain_heads (
        chain text PRIMARY KEY,
        seq bigint NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_chain_heads', 'audit_entries', 'documents', 'password_resets', 'sessions', 'invitations',
      'memberships', 'users', 'organisations', 'workspaces']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_entries_append_only()`);
  }
}
