import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';

export interface StoredState {
  /** The snapshot followed by the log rows after it, oldest first. */
  updates: Uint8Array[];
  /** Log rows after the snapshot: the compaction trigger counts these. */
  tailRows: number;
  tailBytes: number;
  /** The newest log row loaded (0 when none). */
  lastId: number;
}

/**
 * All SQL of a document's Yjs state: an append-only log of updates (document_updates) and a snapshot that holds
 * every row up to `upto_id` (document_snapshots).
 *
 * Writers and the compactor of one document take the same advisory lock (writers shared, the compactor exclusive), so
 * that compaction only ever sees committed rows in id order: no row can commit later with an id below the snapshot's
 * `upto_id` and be skipped by every future load.
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger('DocumentStore');

  constructor(private readonly dataSource: DataSource) {}

  async exists(documentId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM documents WHERE id = $1`, [documentId]);
    return rows.length > 0;
  }

  async load(documentId: string): Promise<StoredState> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [snapshot] = await manager.query(`SELECT upto_id, data FROM document_snapshots WHERE document_id = $1`, [documentId]);
      const uptoId = snapshot ? Number(snapshot.upto_id) : 0;
      const rows: { id: string; data: Buffer }[] = await manager.query(
        `SELECT id, data FROM document_updates WHERE document_id = $1 AND id > $2 ORDER BY id`,
        [documentId, uptoId],
      );
      const updates = snapshot ? [toBytes(snapshot.data)] : [];
      let tailBytes = 0;
      for (const row of rows) {
        const bytes = toBytes(row.data);
        tailBytes += bytes.byteLength;
        updates.push(bytes);
      }
      return { updates, tailRows: rows.length, tailBytes, lastId: rows.length ? Number(rows[rows.length - 1].id) : uptoId };
    });
  }

  /**
   * Appends one row per document in a single transaction (a group commit) and returns each document's row id.
   */
  async append(batch: { documentId: string; data: Uint8Array }[]): Promise<Map<string, number>> {
    return this.dataSource.transaction(async (manager) => {
      const ids = batch.map((b) => b.documentId);
      await manager.query(
        `SELECT pg_advisory_xact_lock_shared(hashtextextended(d::text, 0)) FROM unnest($1::uuid[]) AS d`,
        [ids],
      );
      const values: string[] = [];
      const params: unknown[] = [];
      for (const [i, item] of batch.entries()) {
        values.push(`($${2 * i + 1}::uuid, $${2 * i + 2}::bytea)`);
        params.push(item.documentId, Buffer.from(item.data.buffer, item.data.byteOffset, item.data.byteLength));
      }
      const rows: { id: string; document_id: string }[] = await manager.query(
        `INSERT INTO document_updates (document_id, data) VALUES ${values.join(', ')} RETURNING id, document_id`,
        params,
      );
      return new Map(rows.map((r) => [r.document_id, Number(r.id)]));
    });
  }

  /**
   * Merges the document's log into its snapshot (garbage-collecting deleted content) and deletes the merged rows,
   * under the document's exclusive lock. A snapshot is only ever replaced by one that covers more of the log.
   * Returns the number of rows merged.
   */
  async compact(documentId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))`, [documentId]);
      const [snapshot] = await manager.query(`SELECT upto_id, data FROM document_snapshots WHERE document_id = $1`, [documentId]);
      const uptoId = snapshot ? Number(snapshot.upto_id) : 0;
      const rows: { id: string; data: Buffer }[] = await manager.query(
        `SELECT id, data FROM document_updates WHERE document_id = $1 AND id > $2 ORDER BY id`,
        [documentId, uptoId],
      );
      if (rows.length === 0) return 0;
      const doc = new Y.Doc();
      try {
        if (snapshot) Y.applyUpdate(doc, toBytes(snapshot.data));
        Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => toBytes(r.data))));
        const merged = Y.encodeStateAsUpdate(doc);
        const newUpto = Number(rows[rows.length - 1].id);
        const written: unknown[] = await manager.query(
          `INSERT INTO document_snapshots (document_id, upto_id, data) VALUES ($1, $2, $3)
           ON CONFLICT (document_id) DO UPDATE SET upto_id = EXCLUDED.upto_id, data = EXCLUDED.data, updated_at = now()
           WHERE document_snapshots.upto_id < EXCLUDED.upto_id
           RETURNING document_id`,
          [documentId, newUpto, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength)],
        );
        if (written.length !== 1) {
          this.logger.warn(`compaction of ${documentId} found a newer snapshot; nothing replaced`);
          return 0;
        }
        await manager.query(`DELETE FROM document_updates WHERE document_id = $1 AND id <= $2`, [documentId, newUpto]);
        return rows.length;
      } finally {
        doc.destroy();
      }
    });
  }
}

/** bytea arrives as a Buffer from pg; a plain Uint8Array view avoids Buffer-specific behaviour downstream. */
function toBytes(value: Buffer | Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
