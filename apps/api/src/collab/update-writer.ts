import { Logger } from '@nestjs/common';
import type { DocumentStore } from './document-store';
import { mergeMany } from './merge-updates';

interface Pending {
  updates: Uint8Array[];
  waiters: { resolve(seq: number): void; reject(error: unknown): void }[];
}

/** The database stored nothing for the document: its edits are held (a resolution's text frozen for a vote), or it is gone. */
export class EditsHeld extends Error {
  constructor(readonly documentId: string) {
    super(`the edits of ${documentId} are held`);
  }
}

/**
 * Group commit: updates that arrive during the commit window, or while a commit is running, are written together in
 * one statement, one row per document (that document's updates merged). Each write resolves with the id of the row that
 * holds it once the statement has committed, and only then may it be acknowledged.
 */
export class UpdateWriter {
  private readonly logger = new Logger('UpdateWriter');
  private queue = new Map<string, Pending>();
  private inFlight = new Set<string>();
  private running: Promise<void> | null = null;
  /** Resolved after the commit that will take the current queue. */
  private queueBarrier: { promise: Promise<void>; resolve(): void } | null = null;
  private inFlightBarrier: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    /** Told after each committed row (the compaction trigger counts them). */
    private readonly onStored: (documentId: string, rowId: number, bytes: number) => void,
    /**
     * How long the next commit waits for more updates (the commit window), given the documents queued for it; 0
     * commits at once.
     */
    private readonly delayFor: (documentIds: Iterable<string>) => number = () => 0,
  ) {}

  write(documentId: string, update: Uint8Array): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let pending = this.queue.get(documentId);
      if (!pending) {
        pending = { updates: [], waiters: [] };
        this.queue.set(documentId, pending);
      }
      pending.updates.push(update);
      pending.waiters.push({ resolve, reject });
      this.running ??= this.run();
    });
  }

  /** True while writes for the document are queued or being committed. */
  busy(documentId: string): boolean {
    return this.queue.has(documentId) || this.inFlight.has(documentId);
  }

  /** Resolves once everything written before this call has been committed (or has failed). */
  barrier(): Promise<void> {
    if (this.queue.size > 0) {
      if (!this.queueBarrier) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        this.queueBarrier = { promise, resolve };
      }
      return this.queueBarrier.promise;
    }
    return this.inFlightBarrier ?? Promise.resolve();
  }

  /** Resolves once the queue is empty and nothing is being committed. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    try {
      while (this.queue.size > 0) {
        const delay = this.delayFor(this.queue.keys());
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        const batch = this.queue;
        const barrier = this.queueBarrier;
        this.queue = new Map();
        this.queueBarrier = null;
        this.inFlight = new Set(batch.keys());
        const commit = this.commit(batch);
        this.inFlightBarrier = commit;
        await commit;
        barrier?.resolve();
        this.inFlight = new Set();
        this.inFlightBarrier = null;
      }
    } finally {
      this.running = null;
    }
  }

  private async commit(batch: Map<string, Pending>): Promise<void> {
    const rows = [...batch].map(([documentId, pending]) => ({ documentId, data: mergeMany(pending.updates) }));
    try {
      this.settle(batch, rows, await this.store.append(rows));
    } catch (error) {
      if (rows.length === 1) {
        this.fail(batch, error);
        return;
      }
      // One document's failure (deleted meanwhile, say) must not fail the others: write them one by one.
      for (const row of rows) {
        const single = new Map([[row.documentId, batch.get(row.documentId) as Pending]]);
        try {
          this.settle(single, [row], await this.store.append([row]));
        } catch (rowError) {
          this.fail(single, rowError);
        }
      }
    }
  }

  private settle(batch: Map<string, Pending>, rows: { documentId: string; data: Uint8Array }[], ids: Map<string, number>): void {
    for (const row of rows) {
      const pending = batch.get(row.documentId) as Pending;
      const id = ids.get(row.documentId);
      if (id === undefined) {
        for (const waiter of pending.waiters) waiter.reject(new EditsHeld(row.documentId));
        continue;
      }
      this.onStored(row.documentId, id, row.data.byteLength);
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
