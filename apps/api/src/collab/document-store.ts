import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { Database } from '../platform/database/database';
import { applyAll } from './merge-updates';

export interface StoredState {
  /** The compacted state (one update) with its state vector, or null when there is none yet. */
  snapshot: { data: Uint8Array; stateVector: Uint8Array } | null;
  /** The log rows not yet in the snapshot, oldest first. */
  tail: Uint8Array[];
  tailBytes: number;
}

/**
 * All SQL of a document's Yjs state: an append-only log of updates (document_updates) and a snapshot
 * (document_snapshots) holding every row that compaction merged and deleted.
 *
 * A document's state is always the snapshot plus every row still in the log. Compaction deletes exactly the rows it
 * merged (by id), so a row that commits while a compaction runs, whatever its id, simply stays in the log; writers
 * therefore need no lock and append with one statement. Compactions of one document are serialised by an advisory
 * lock, and a snapshot is only replaced by the compactor that read it (its version).
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger('DocumentStore');

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: Database,
  ) {}

  /**
   * The snapshot and the log, in one prepared statement (so one consistent view and one round trip); throws when the
   * snapshot is damaged. (node-postgres cannot read binary results yet, so bytea travels as hex text.)
   */
  async load(documentId: string): Promise<StoredState> {
    const result = await this.database.pool.query<{ data: Buffer; state_vector: Buffer | null; checksum: Buffer | null }>({
      name: 'collab-load',
      text: `SELECT data, state_vector, checksum FROM (
               SELECT 0 AS part, 0::bigint AS id, data, state_vector, checksum FROM document_snapshots WHERE document_id = $1
               UNION ALL
               SELECT 1, id, data, NULL, NULL FROM document_updates WHERE document_id = $1
             ) state ORDER BY part, id`,
      values: [documentId],
    });
    const rows = result.rows;
    const snapshot = rows.length > 0 && rows[0].state_vector ? rows[0] : null;
    if (snapshot && !checksum(snapshot.data).equals(snapshot.checksum as Buffer)) {
      throw new Error(`the snapshot of ${documentId} does not match its checksum`);
    }
    const tail = (snapshot ? rows.slice(1) : rows).map((row) => toBytes(row.data));
    return {
      snapshot: snapshot ? { data: toBytes(snapshot.data), stateVector: toBytes(snapshot.state_vector as Buffer) } : null,
      tail,
      tailBytes: tail.reduce((sum, u) => sum + u.byteLength, 0),
    };
  }

  /**
   * Appends one row per document in a single statement (a group commit: one round trip, committed on return) and
   * returns each document's row id. A document whose edits are held (holdEdits), or that is gone, gets no row and is
   * missing from the answer.
   *
   * Each row takes a share lock on its document, so holdEdits waits for the appends already running and every append
   * after it sees the hold (PostgreSQL re-reads a locked row that changed meanwhile).
   */
  async append(batch: { documentId: string; data: Uint8Array }[]): Promise<Map<string, number>> {
    // Two arrays, so the statement's text is the same whatever the batch size, and PostgreSQL plans it once.
    const result = await this.database.pool.query<{ id: string; document_id: string }>({
      name: 'collab-append',
      text: `INSERT INTO document_updates (document_id, data)
             SELECT u.document_id, u.data FROM unnest($1::uuid[], $2::bytea[]) AS u (document_id, data)
             JOIN documents d ON d.id = u.document_id
             WHERE d.edits_held_at IS NULL
             FOR SHARE OF d
             RETURNING id, document_id`,
      values: [batch.map((b) => b.documentId), batch.map((b) => toBuffer(b.data))],
    });
    return new Map(result.rows.map((r) => [r.document_id, Number(r.id)]));
  }

  /**
   * Holds the document's edits in the database: once this returns, every append that was running has committed and
   * no later one stores anything for the document, on any instance.
   */
  async holdEdits(documentId: string): Promise<void> {
    await this.database.pool.query(`UPDATE documents SET edits_held_at = now() WHERE id = $1`, [documentId]);
  }

  /**
   * Lets the document be edited again (a vote that did not open; one that ended without quorum): only while no
   * resolution it is the text of is voted on or decided, whose text stays frozen.
   */
  async releaseEdits(documentId: string, manager?: EntityManager): Promise<void> {
    const sql = `UPDATE documents d SET edits_held_at = NULL WHERE d.id = $1 AND d.edits_held_at IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = d.id AND r.state NOT IN ('draft', 'no_quorum'))`;
    if (manager) await manager.query(sql, [documentId]);
    else await this.database.pool.query(sql, [documentId]);
  }

  /**
   * Merges the document's log into its snapshot (through a Y.Doc, so deleted content is garbage-collected) and deletes
   * the merged rows. Returns how many rows and bytes were merged.
   */
  async compact(documentId: string): Promise<{ rows: number; bytes: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))`, [documentId]);
      const [snapshot] = await manager.query(
        `SELECT upto_id, version, data, checksum FROM document_snapshots WHERE document_id = $1`,
        [documentId],
      );
      const rows: { id: string; data: Buffer }[] = await manager.query(
        `SELECT id, data FROM document_updates WHERE document_id = $1 ORDER BY id`,
        [documentId],
      );
      if (rows.length === 0) return { rows: 0, bytes: 0 };
      if (snapshot && !checksum(snapshot.data).equals(snapshot.checksum)) {
        throw new Error(`the snapshot of ${documentId} does not match its checksum; not compacting`);
      }
      const doc = new Y.Doc();
      try {
        const updates = rows.map((r) => toBytes(r.data));
        applyAll(doc, snapshot ? [toBytes(snapshot.data), ...updates] : updates);
        const ids = rows.map((r) => r.id);
        const uptoId = Math.max(snapshot ? Number(snapshot.upto_id) : 0, Number(ids[ids.length - 1]));
        const version = snapshot ? Number(snapshot.version) : null;
        if (!(await writeSnapshotIfCurrent(manager, documentId, version, uptoId, doc))) {
          this.logger.warn(`compaction of ${documentId} found a newer snapshot; nothing replaced`);
          return { rows: 0, bytes: 0 };
        }
        await manager.query(`DELETE FROM document_updates WHERE id = ANY($1::bigint[])`, [ids]);
        return { rows: rows.length, bytes: updates.reduce((sum, u) => sum + u.byteLength, 0) };
      } finally {
        doc.destroy();
      }
    });
  }
}

/**
 * Writes the snapshot of `doc`, built from the stored one at `readVersion` (null: there was none). Returns false,
 * writing nothing, when the snapshot has changed since it was read: a stale compactor can never overwrite a newer
 * snapshot.
 */
export async function writeSnapshotIfCurrent(
  manager: EntityManager,
  documentId: string,
  readVersion: number | null,
  uptoId: number,
  doc: Y.Doc,
): Promise<boolean> {
  const data = toBuffer(Y.encodeStateAsUpdate(doc));
  const stateVector = toBuffer(Y.encodeStateVector(doc));
  if (readVersion === null) {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO document_snapshots (document_id, upto_id, version, data, state_vector, checksum) VALUES ($1, $2, 0, $3, $4, $5)
       ON CONFLICT (document_id) DO NOTHING RETURNING version`,
      [documentId, uptoId, data, stateVector, checksum(data)],
    );
    return inserted.length === 1;
  }
  // TypeORM answers an UPDATE with [rows, affected count].
  const [, updated] = await manager.query(
    `UPDATE document_snapshots SET upto_id = $2, version = version + 1, data = $4, state_vector = $5, checksum = $6, updated_at = now()
     WHERE document_id = $1 AND version = $3`,
    [documentId, uptoId, readVersion, data, stateVector, checksum(data)],
  );
  return Number(updated) === 1;
}

function checksum(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** bytea arrives as a Buffer from pg; a plain Uint8Array view avoids Buffer-specific behaviour downstream. */
function toBytes(value: Buffer | Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function toBuffer(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
