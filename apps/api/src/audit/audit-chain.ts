import { createHash } from 'node:crypto';
import { canonicalJson } from '@commonplan/domain';

/** The hash that the first entry of every chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything in it but its own hash and its database id. */
export interface AuditContent {
  chain: string;
  seq: number;
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** SHA-256 of the previous entry's hash followed by the canonical JSON of this entry's content. */
export function entryHash(prevHash: string, content: AuditContent): string {
  // Only the content's own fields: a stored entry also carries its id and hashes, which are not hashed.
  const canonical = canonicalJson({
    chain: content.chain,
    seq: content.seq,
    workspaceId: content.workspaceId,
    actorId: content.actorId,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    details: content.details,
    createdAt: content.createdAt.toISOString(),
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export function chainOf(workspaceId: string | null): string {
  return workspaceId ? `workspace:${workspaceId}` : 'system';
}

export interface StoredEntry extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export interface BrokenEntry {
  seq: number;
  id: number | null;
  reason: string;
}

/**
 * Walks a chain in order and returns the first entry that does not link or does not match its hash. `expectedSeq`
 * and `prevHash` carry the walk across batches; `head` (the chain's recorded last entry) exposes deleted tail entries.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;

  /** Returns the first broken entry of this batch, or null. */
  feed(entries: StoredEntry[]): BrokenEntry | null {
    for (const entry of entries) {
      if (entry.seq !== this.expectedSeq) {
        return { seq: this.expectedSeq, id: null, reason: `entry ${this.expectedSeq} is missing (found ${entry.seq} next)` };
      }
      if (entry.prevHash !== this.prevHash) {
        return { seq: entry.seq, id: entry.id, reason: 'its link to the previous entry does not match' };
      }
      if (entryHash(entry.prevHash, entry) !== entry.hash) {
        return { seq: entry.seq, id: entry.id, reason: 'its content does not match its hash (it was changed)' };
      }
      this.prevHash = entry.hash;
      this.expectedSeq += 1;
      this.checked += 1;
    }
    return null;
  }

  /** After the last batch: the recorded head must be the last entry seen. */
  finish(head: { seq: number; hash: string } | null): BrokenEntry | null {
    const lastSeq = this.expectedSeq - 1;
    if (!head) return lastSeq === 0 ? null : { seq: lastSeq, id: null, reason: 'the chain head is missing' };
    if (head.seq > lastSeq) {
      return { seq: lastSeq + 1, id: null, reason: `entries ${lastSeq + 1} to ${head.seq} are missing (deleted)` };
    }
    if (head.seq < lastSeq || head.hash !== this.prevHash) {
      return { seq: head.seq, id: null, reason: 'the chain head does not match the last entry' };
    }
    return null;
  }
}
