import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications that reach people. The inbox (`notifications`) gets every kind, what it links to and what its
 * message says (`params`), and whether it waits for a digest. `mail_outbox` is the durable outbox of e-mail: a row per
 * recipient and event (unique, so nothing is queued twice), written in the transaction of the change that causes it
 * and sent by a worker (status pending → sending → sent | failed | bounced). `notification_preferences` holds what a
 * person chose per category (no row: the default of their role), `mail_suppressions` the addresses of people without an
 * account who unsubscribed, `calendar_feeds` the secret of a person's calendar feed (as an HMAC), `users.language` the
 * language people are written to in, `decision_meetings.sequence` the iCalendar SEQUENCE of a meeting's invitation (raised by every change), and a
 * meeting may now be cancelled.
 */
export class NotificationDelivery1796560000000 implements MigrationInterface {
  name = 'NotificationDelivery1796560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en'))`);
    await q.query(`ALTER TABLE decision_meetings ADD COLUMN sequence integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE decision_meetings ADD COLUMN cancelled_at timestamptz`);
    await q.query(`ALTER TABLE decision_meetings ADD COLUMN cancel_reason text NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 2000)`);
    await q.query(`ALTER TABLE decision_meetings DROP CONSTRAINT IF EXISTS decision_meetings_state_check`);
    await q.query(`ALTER TABLE decision_meetings ADD CONSTRAINT decision_meetings_state_check CHECK (state IN ('planned', 'open', 'closed', 'cancelled'))`);

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind ~ '^[a-z_]{1,40}$')`);
    await q.query(`ALTER TABLE notifications ADD COLUMN category text NOT NULL DEFAULT 'mentions' CHECK (category ~ '^[a-z_]{1,40}$')`);
    await q.query(`ALTER TABLE notifications ADD COLUMN event_key text`);
    await q.query(`ALTER TABLE notifications ADD COLUMN link text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE notifications ADD COLUMN params jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE notifications ADD COLUMN digest text CHECK (digest IN ('daily', 'weekly'))`);
    await q.query(`ALTER TABLE notifications ADD COLUMN digested_at timestamptz`);
    await q.query(`UPDATE notifications SET event_key = 'mention:' || comment_id::text WHERE event_key IS NULL AND comment_id IS NOT NULL`);
    await q.query(`UPDATE notifications SET event_key = 'legacy:' || id::text WHERE event_key IS NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN event_key SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX notifications_event_idx ON notifications (user_id, event_key)`);
    await q.query(`CREATE INDEX notifications_digest_idx ON notifications (digest, user_id) WHERE digest IS NOT NULL AND digested_at IS NULL`);

    await q.query(`
      CREATE TABLE mail_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 300),
        address text NOT NULL CHECK (length(address) BETWEEN 3 AND 320),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        workspace_id uuid REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL,
        message_id text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        calendar text,
        calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL', 'PUBLISH')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'bounced')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (event_key, address)
      )`);
    await q.query(`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX mail_outbox_workspace_idx ON mail_outbox (workspace_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category ~ '^[a-z_]{1,40}$'),
        mode text NOT NULL CHECK (mode IN ('instant', 'daily', 'weekly', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, category)
      )`);
    await q.query(`
      CREATE TABLE mail_suppressions (
        address text NOT NULL CHECK (length(address) BETWEEN 3 AND 320),
        category text NOT NULL CHECK (category ~ '^[a-z_]{1,40}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (address, category)
      )`);
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_active_idx ON calendar_feeds (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_feeds`);
    await q.query(`DROP TABLE IF EXISTS mail_suppressions`);
    await q.query(`DROP TABLE IF EXISTS notification_preferences`);
    await q.query(`DROP TABLE IF EXISTS mail_outbox`);
    await q.query(`DROP INDEX IF EXISTS notifications_digest_idx`);
    await q.query(`DROP INDEX IF EXISTS notifications_event_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN digested_at, DROP COLUMN digest, DROP COLUMN params, DROP COLUMN link, DROP COLUMN event_key, DROP COLUMN category`);
    await q.query(`ALTER TABLE decision_meetings DROP CONSTRAINT IF EXISTS decision_meetings_state_check`);
    await q.query(`ALTER TABLE decision_meetings ADD CONSTRAINT decision_meetings_state_check CHECK (state IN ('planned', 'open', 'closed'))`);
    await q.query(`ALTER TABLE decision_meetings DROP COLUMN sequence, DROP COLUMN cancelled_at, DROP COLUMN cancel_reason`);
    await q.query(`ALTER TABLE users DROP COLUMN language`);
  }
}
