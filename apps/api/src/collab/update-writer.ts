import { Logger } from '@nestjs/common';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';

interface Pending {
  updates: Uint8Array[];
  bytes: number;
  waiters: { resolve(seq: number): void; reject(error: unknown): void }[];
}

/**
 * Group commit: updates that arrive while a commit is running wait for the next one, which writes them all in one
 * transaction, one row per document (that document's updates merged). Each write resolves with the id of the row
 * that holds it once the transaction has committed, and only then may it be acknowledged.
 */
export class UpdateWriter {
  private readonly logger = new Logger('UpdateWriter');
  private queue = new Map<string, Pending>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    /** Told after each committed row (the compaction trigger counts them). */
    private readonly onStored: (documentId: string, rowId: number, bytes: number) => void,
  ) {}

  write(documentId: string, update: Uint8Array): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let pending = this.queue.get(documentId);
      if (!pending) {
        pending = { updates: [], bytes: 0, waiters: [] };
        this.queue.set(documentId, pending);
      }
      pending.updates.push(update);
      pending.bytes += update.byteLength;
      pending.waiters.push({ resolve, reject });
      this.running ??= this.run();
    });
  }

  /** True while writes for the document are queued or being committed. */
  busy(documentId: string): boolean {
    return this.queue.has(documentId) || this.inFlight.has(documentId);
  }

  /** Resolves once everything written so far is committed (or has failed). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private inFlight = new Set<string>();

  private async run(): Promise<void> {
    try {
      while (this.queue.size > 0) {
        const batch = this.queue;
        this.queue = new Map();
        this.inFlight = new Set(batch.keys());
        await this.commit(batch);
        this.inFlight = new Set();
      }
    } finally {
      this.running = null;
    }
  }

  private async commit(batch: Map<string, Pending>): Promise<void> {
    const rows = [...batch].map(([documentId, pending]) => ({
      documentId,
      data: pending.updates.length === 1 ? pending.updates[0] : Y.mergeUpdates(pending.updates),
    }));
    try {
      this.settle(batch, await this.store.append(rows));
    } catch (error) {
      if (rows.length === 1) {
        this.fail(batch, error);
        return;
      }
      // One document's failure (deleted meanwhile, say) must not fail the others: write them one by one.
      for (const row of rows) {
        const single = new Map([[row.documentId, batch.get(row.documentId) as Pending]]);
        try {
          this.settle(single, await this.store.append([row]));
        } catch (rowError) {
          this.fail(single, rowError);
        }
      }
    }
  }

  private settle(batch: Map<string, Pending>, ids: Map<string, number>): void {
    for (const [documentId, pending] of batch) {
      const id = ids.get(documentId) as number;
      this.onStored(documentId, id, pending.bytes);
      for (const waiter of pending.waiters) waiter.resolve(id);
    }
  }

  private fail(batch: Map<string, Pending>, error: unknown): void {
    for (const [documentId, pending] of batch) {
      this.logger.error(`could not store ${pending.updates.length} update(s) of ${documentId}: ${String(error)}`);
      for (const waiter of pending.waiters) waiter.reject(error);
    }
  }
}
