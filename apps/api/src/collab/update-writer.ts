import { Logger } from '@nestjs/common';
import type { DocumentStore } from './document-store';
import { mergeMany } from './merge-updates';

interface Pending {
  updates: Uint8Array[];
  waiters: { resolve(seq: number): void; reject(error: unknown): void }[];
  /** Resolves once the commit that takes these updates has ended (committed or failed). */
  settled: Promise<void>;
  markSettled(): void;
}

/** Commits running at once, at most (each on its own connection of the pool; the embedded database takes them in turn). */
const COMMITS_IN_FLIGHT = 4;

function newPending(): Pending {
  let markSettled!: () => void;
  const settled = new Promise<void>((resolve) => (markSettled = resolve));
  return { updates: [], waiters: [], settled, markSettled };
}

/** The database stored nothing for the document: its edits are held (a resolution's text frozen for a vote), or it is gone. */
export class EditsHeld extends Error {
  constructor(readonly documentId: string) {
    super(`the edits of ${documentId} are held`);
  }
}

/**
 * Group commit: updates that arrive during the commit window are written together in one statement, one row per
 * document (that document's updates merged). Each write resolves with the id of the row that holds it once the
 * statement has committed, and only then may it be acknowledged.
 *
 * Up to COMMITS_IN_FLIGHT commits run at once, each of documents the others do not hold: a commit that waits (a
 * document whose text is being frozen, a slow disk) does not hold up the other documents, and an update that arrives
 * while one commit runs is committed beside it instead of after it. A document's own commits follow one another.
 */
export class UpdateWriter {
  private readonly logger = new Logger('UpdateWriter');
  /** Updates waiting for a commit, by document. */
  private queue = new Map<string, Pending>();
  /** Updates being committed, by document. */
  private readonly inFlight = new Map<string, Pending>();
  private readonly commits = new Set<Promise<void>>();
  /** The commit window running (commitDelay), after which what is queued is committed. */
  private window: Promise<void> | null = null;

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
      let queued = this.queue.get(documentId);
      if (!queued) {
        queued = newPending();
        this.queue.set(documentId, queued);
      }
      queued.updates.push(update);
      queued.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** True while writes for the document are queued or being committed. */
  busy(documentId: string): boolean {
    return this.queue.has(documentId) || this.inFlight.has(documentId);
  }

  /** Resolves once everything written before this call has been committed (or has failed). */
  async barrier(): Promise<void> {
    await Promise.all([...this.queue.values(), ...this.inFlight.values()].map((p) => p.settled));
  }

  /** Resolves once the queue is empty and nothing is being committed. */
  async drain(): Promise<void> {
    while (this.window || this.commits.size > 0) {
      await this.window;
      await Promise.all(this.commits);
    }
  }

  /** Starts the commit window, or commits at once when it is 0. */
  private schedule(): void {
    if (this.window || this.queue.size === 0) return;
    const delay = this.delayFor(this.queue.keys());
    if (delay <= 0) {
      this.start();
      return;
    }
    this.window = new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => {
      this.window = null;
      this.start();
    });
  }

  /** Commits what is queued of documents no running commit holds, if fewer than COMMITS_IN_FLIGHT run. */
  private start(): void {
    if (this.commits.size >= COMMITS_IN_FLIGHT) return;
    const batch = new Map<string, Pending>();
    for (const [documentId, queued] of this.queue) if (!this.inFlight.has(documentId)) batch.set(documentId, queued);
    if (batch.size === 0) return;
    for (const [documentId, queued] of batch) {
      this.queue.delete(documentId);
      this.inFlight.set(documentId, queued);
    }
    const commit = this.commit(batch).finally(() => {
      this.commits.delete(commit);
      for (const [documentId, done] of batch) {
        this.inFlight.delete(documentId);
        done.markSettled();
      }
      this.schedule();
    });
    this.commits.add(commit);
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
