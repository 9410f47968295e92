import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson } from '@commonplan/domain';
import { type AuditContent, type BrokenEntry, ChainVerifier, chainOf, entryHash } from './audit-chain';
import { AuditRepository, type ListedEntry } from './audit.repository';

export interface AuditEvent {
  /** null for events outside any workspace (sign-in, password reset). */
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainReport {
  valid: boolean;
  checkedEntries: number;
  headSeq: number;
  firstBroken: BrokenEntry | null;
}

const VERIFY_BATCH = 1000;

/** Appends to and verifies the hash-chained audit trail. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
  ) {}

  /**
   * Appends an entry inside the caller's transaction, so that the entry is written if and only if the change it
   * records is. Appends to one chain are serialised by the lock on the chain's head. Returns where the entry stands
   * in its chain (the decision register cites it).
   */
  async append(manager: EntityManager, event: AuditEvent): Promise<{ seq: number; hash: string }> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.append must run inside a transaction');
    }
    const chain = chainOf(event.workspaceId);
    const head = await this.repository.lockHead(manager, chain);
    const content: AuditContent = {
      chain,
      seq: head.seq + 1,
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      // Stored exactly as hashed: jsonb keeps the data, canonicalJson fixes the order.
      details: JSON.parse(canonicalJson(event.details ?? {})) as Record<string, unknown>,
      createdAt: new Date(),
    };
    const hash = entryHash(head.hash, content);
    await this.repository.insert(manager, content, head.hash, hash);
    return { seq: content.seq, hash };
  }

  /** Appends an entry in a transaction of its own (for events that change nothing else). */
  async record(event: AuditEvent): Promise<void> {
    await this.dataSource.transaction((manager) => this.append(manager, event));
  }

  list(workspaceId: string | null, beforeSeq: number | null, limit: number): Promise<ListedEntry[]> {
    return this.repository.list(chainOf(workspaceId), beforeSeq, limit);
  }

  /** Recomputes the whole chain and reports the first entry that was changed, removed or inserted. */
  async verify(workspaceId: string | null): Promise<ChainReport> {
    const chain = chainOf(workspaceId);
    // The head is read first: entries appended while the walk runs lie beyond it and are left for the next check.
    const head = await this.repository.head(chain);
    const headSeq = head?.seq ?? 0;
    const verifier = new ChainVerifier();
    let afterSeq = 0;
    for (;;) {
      const batch = await this.repository.batch(chain, afterSeq, headSeq, VERIFY_BATCH);
      const broken = verifier.feed(batch);
      if (broken) return { valid: false, checkedEntries: verifier.checked, headSeq, firstBroken: broken };
      if (batch.length < VERIFY_BATCH) {
        const atEnd = verifier.finish(head);
        return { valid: atEnd === null, checkedEntries: verifier.checked, headSeq, firstBroken: atEnd };
      }
      afterSeq = batch[batch.length - 1].seq;
    }
  }
}
