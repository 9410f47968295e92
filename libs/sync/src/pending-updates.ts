import * as Y from 'yjs';
import { DEFAULT_MAX_MESSAGE_BYTES } from './protocol';

/** One message's worth of local updates, handed out by `PendingUpdates.takeQueued()` to be sent. */
export interface PendingBatch {
  /** The (merged) Yjs update to send. */
  readonly update: Uint8Array;
  /** How many local updates (Y.Doc 'update' events) it holds. */
  readonly count: number;
}

export interface PendingUpdatesOptions {
  /**
   * Largest batch, in bytes of update: queued updates are merged only while the sum of their sizes stays under it, so
   * that merging many small offline edits never makes a message the server refuses as too large. Default: the
   * protocol's message limit minus the message header.
   */
  maxBatchBytes?: number;
  /** Merge a batch's parts once it has this many (bounds memory and the cost of merging while offline). */
  compactAfter?: number;
}

/** Room left for the message header (type, subtype, varUint length). */
const HEADER_BYTES = 16;

class Entry implements PendingBatch {
  state: 'queued' | 'in-flight' = 'queued';
  parts: Uint8Array[];
  bytes: number;
  count = 1;

  constructor(update: Uint8Array) {
    this.parts = [update];
    this.bytes = update.length;
  }

  get update(): Uint8Array {
    this.compact();
    return this.parts[0] as Uint8Array;
  }

  compact(): void {
    if (this.parts.length < 2) return;
    const merged = Y.mergeUpdates(this.parts);
    this.parts = [merged];
    this.bytes = merged.length;
  }
}

/**
 * The bookkeeping behind a session's `saved` and `pendingCount`: every local update is added here and leaves only when
 * the server acknowledges it (`acknowledge`) — or when the server refuses it for good (`drop`), which leaves the
 * document unsaved for the rest of the session, since the server lacks part of it.
 *
 * Updates wait in the queue (merged with `Y.mergeUpdates` into batches under the size limit) until `takeQueued()`
 * hands them out to be sent; a batch is then in flight until acknowledged, dropped, or put back in the queue
 * (`requeue`, `requeueAll` when the connection drops) to be sent again.
 *
 * Pure: no timers, no I/O.
 */
export class PendingUpdates {
  private entries: Entry[] = [];
  private dropped = 0;
  private readonly maxBatchBytes: number;
  private readonly compactAfter: number;

  constructor(options: PendingUpdatesOptions = {}) {
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_MESSAGE_BYTES - HEADER_BYTES;
    this.compactAfter = Math.max(2, options.compactAfter ?? 64);
  }

  /** Local updates not acknowledged yet (queued or in flight; dropped ones not counted). */
  get count(): number {
    let count = 0;
    for (const entry of this.entries) count += entry.count;
    return count;
  }

  get queuedCount(): number {
    return this.countWhere('queued');
  }

  get inFlightCount(): number {
    return this.countWhere('in-flight');
  }

  /** Local updates the server refused for good. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** True iff every update added has been acknowledged (none waiting, none in flight, none dropped). */
  get saved(): boolean {
    return this.entries.length === 0 && this.dropped === 0;
  }

  get hasQueued(): boolean {
    return this.entries.some((entry) => entry.state === 'queued');
  }

  /** Bytes held in the queue and in flight (before merging). */
  get bytes(): number {
    let bytes = 0;
    for (const entry of this.entries) bytes += entry.bytes;
    return bytes;
  }

  add(update: Uint8Array): void {
    const tail = this.entries[this.entries.length - 1];
    if (tail && tail.state === 'queued' && tail.bytes + update.length <= this.maxBatchBytes) {
      tail.parts.push(update);
      tail.bytes += update.length;
      tail.count++;
      if (tail.parts.length >= this.compactAfter) tail.compact();
      return;
    }
    this.entries.push(new Entry(update));
  }

  /** Marks every queued batch in flight and returns them, oldest first. */
  takeQueued(): PendingBatch[] {
    const taken: Entry[] = [];
    for (const entry of this.entries) {
      if (entry.state !== 'queued') continue;
      entry.compact();
      entry.state = 'in-flight';
      taken.push(entry);
    }
    return taken;
  }

  /** The server stored `batch`. False (and nothing changes) unless it is in flight. */
  acknowledge(batch: PendingBatch): boolean {
    return this.remove(batch);
  }

  /** The server refused `batch` for good. False (and nothing changes) unless it is in flight. */
  drop(batch: PendingBatch): boolean {
    if (!this.remove(batch)) return false;
    this.dropped += batch.count;
    return true;
  }

  /** Puts an in-flight batch back in the queue, in its place. False unless it is in flight. */
  requeue(batch: PendingBatch): boolean {
    const entry = this.inFlight(batch);
    if (!entry) return false;
    entry.state = 'queued';
    return true;
  }

  /** Puts every in-flight batch back in the queue (the connection dropped: their acks will never come). */
  requeueAll(): number {
    let requeued = 0;
    for (const entry of this.entries) {
      if (entry.state === 'in-flight') {
        entry.state = 'queued';
        requeued++;
      }
    }
    return requeued;
  }

  private remove(batch: PendingBatch): boolean {
    const entry = this.inFlight(batch);
    if (!entry) return false;
    this.entries.splice(this.entries.indexOf(entry), 1);
    return true;
  }

  private inFlight(batch: PendingBatch): Entry | undefined {
    return batch instanceof Entry && batch.state === 'in-flight' && this.entries.includes(batch) ? batch : undefined;
  }

  private countWhere(state: Entry['state']): number {
    let count = 0;
    for (const entry of this.entries) if (entry.state === state) count += entry.count;
    return count;
  }
}
