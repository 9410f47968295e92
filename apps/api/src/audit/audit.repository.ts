import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditContent, GENESIS_HASH, type StoredEntry } from './audit-chain';

interface Row {
  id: string;
  chain: string;
  seq: string;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  prev_hash: string;
  hash: string;
  actor_name?: string | null;
}

export interface ListedEntry extends StoredEntry {
  actorName: string | null;
}

/** All SQL of the audit trail. Entries are only ever inserted; the table's triggers refuse UPDATE and DELETE. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the chain's head row (creating it at genesis) and returns it; the caller must be in a transaction. */
  async lockHead(manager: EntityManager, chain: string): Promise<{ seq: number; hash: string }> {
    await manager.query(
      `INSERT INTO audit_chain_heads (chain, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
      [chain, GENESIS_HASH],
    );
    const [head] = await manager.query(`SELECT seq, hash FROM audit_chain_heads WHERE chain = $1 FOR UPDATE`, [chain]);
    return { seq: Number(head.seq), hash: head.hash };
  }

  async insert(manager: EntityManager, content: AuditContent, prevHash: string, hash: string): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO audit_entries (chain, seq, workspace_id, actor_id, action, target_type, target_id, details, created_at,
                                  prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [content.chain, content.seq, content.workspaceId, content.actorId, content.action, content.targetType,
        content.targetId, JSON.stringify(content.details), content.createdAt, prevHash, hash],
    );
    await manager.query(`UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE chain = $1`, [content.chain, content.seq, hash]);
    return Number(row.id);
  }

  async head(chain: string): Promise<{ seq: number; hash: string } | null> {
    const [head] = await this.dataSource.query(`SELECT seq, hash FROM audit_chain_heads WHERE chain = $1`, [chain]);
    return head ? { seq: Number(head.seq), hash: head.hash } : null;
  }

  /** Entries of a chain in order, after `afterSeq` and up to `uptoSeq`, at most `limit`. */
  async batch(chain: string, afterSeq: number, uptoSeq: number, limit: number): Promise<StoredEntry[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM audit_entries WHERE chain = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [chain, afterSeq, uptoSeq, limit],
    );
    return rows.map(toEntry);
  }

  /** Newest first, for reading the trail in the app. */
  async list(chain: string, beforeSeq: number | null, limit: number): Promise<ListedEntry[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT e.*, u.display_name AS actor_name FROM audit_entries e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.chain = $1 AND ($2::bigint IS NULL OR e.seq < $2) ORDER BY e.seq DESC LIMIT $3`,
      [chain, beforeSeq, limit],
    );
    return rows.map((row) => ({ ...toEntry(row), actorName: row.actor_name ?? null }));
  }
}

function toEntry(row: Row): StoredEntry {
  return {
    id: Number(row.id),
    chain: row.chain,
    seq: Number(row.seq),
    workspaceId: row.workspace_id,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
    createdAt: new Date(row.created_at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
