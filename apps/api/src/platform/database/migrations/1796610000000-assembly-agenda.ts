import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assemblies as they run: an agenda item is no longer only a resolution. Each item has its own id (speakers' lists and
 * the current item point at it), a kind (a resolution; the approval of an earlier meeting's minutes; an election; any
 * other item, e.g. "wolne wnioski") and a title for items that are not resolutions. Positions are unique per meeting
 * only at commit (DEFERRABLE), so the chair moves an item by renumbering in one transaction. The meeting records when
 * its agenda was adopted, the item under discussion, and the time limit per speaker. The current item has no foreign key:
 * meeting_agenda points to decision_meetings, and a cycle of foreign keys would leave backups no order to restore
 * tables in (backup/schema-catalog.ts); the agenda's services clear it when its item goes.
 */
export class AssemblyAgenda1796610000000 implements MigrationInterface {
  name = 'AssemblyAgenda1796610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_agenda DROP CONSTRAINT meeting_agenda_pkey`);
    await q.query(`ALTER TABLE meeting_agenda DROP CONSTRAINT meeting_agenda_meeting_id_position_key`);
    await q.query(`ALTER TABLE meeting_agenda ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE meeting_agenda ADD PRIMARY KEY (id)`);
    await q.query(`ALTER TABLE meeting_agenda ALTER COLUMN resolution_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE meeting_agenda
        ADD COLUMN kind text NOT NULL DEFAULT 'resolution' CHECK (kind IN ('resolution', 'minutes', 'election', 'other')),
        ADD COLUMN title text NOT NULL DEFAULT '' CHECK (length(title) <= 300),
        ADD COLUMN minutes_of uuid REFERENCES decision_meetings (id) ON DELETE RESTRICT,
        ADD COLUMN added_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT meeting_agenda_resolution_kind CHECK ((kind = 'resolution') = (resolution_id IS NOT NULL)),
        ADD CONSTRAINT meeting_agenda_minutes_kind CHECK ((kind = 'minutes') = (minutes_of IS NOT NULL)),
        ADD CONSTRAINT meeting_agenda_position UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`CREATE UNIQUE INDEX meeting_agenda_resolution_idx ON meeting_agenda (meeting_id, resolution_id) WHERE resolution_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE decision_meetings
        ADD COLUMN agenda_adopted_at timestamptz,
        ADD COLUMN current_item_id uuid,
        ADD COLUMN speaking_seconds integer NOT NULL DEFAULT 300 CHECK (speaking_seconds BETWEEN 30 AND 3600)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_meetings DROP COLUMN IF EXISTS speaking_seconds, DROP COLUMN IF EXISTS current_item_id, DROP COLUMN IF EXISTS agenda_adopted_at`);
    await q.query(`DELETE FROM meeting_agenda WHERE resolution_id IS NULL`);
    await q.query(`DROP INDEX IF EXISTS meeting_agenda_resolution_idx`);
    await q.query(`ALTER TABLE meeting_agenda DROP CONSTRAINT meeting_agenda_position, DROP CONSTRAINT meeting_agenda_minutes_kind, DROP CONSTRAINT meeting_agenda_resolution_kind`);
    await q.query(`ALTER TABLE meeting_agenda DROP COLUMN added_at, DROP COLUMN minutes_of, DROP COLUMN title, DROP COLUMN kind`);
    await q.query(`ALTER TABLE meeting_agenda ALTER COLUMN resolution_id SET NOT NULL`);
    await q.query(`ALTER TABLE meeting_agenda DROP CONSTRAINT meeting_agenda_pkey`);
    await q.query(`ALTER TABLE meeting_agenda DROP COLUMN id`);
    await q.query(`ALTER TABLE meeting_agenda ADD PRIMARY KEY (meeting_id, resolution_id), ADD UNIQUE (meeting_id, position)`);
  }
}
