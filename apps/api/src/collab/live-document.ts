import type { DocumentAccess } from '@commonplan/domain';
import { encodeUpdate } from '@commonplan/sync';
import * as Y from 'yjs';
import { AwarenessRegistry } from './awareness-registry';
import type { CollabConnection } from './collab-connection';

/** A connection's membership in one document, with the access it was last found to have. */
export interface Participant {
  readonly connection: CollabConnection;
  access: DocumentAccess;
  /** When the access ends (an ad-hoc expert's grant), or null. */
  until: Date | null;
  /** When the access was last read from the database (ms since epoch). */
  checkedAt: number;
  /** Set while the access is being re-read; messages wait for it, in order. */
  gate: Promise<void> | null;
  expiryTimer: NodeJS.Timeout | null;
  /** When the server last asked this connection for updates it was missing. */
  lastResyncAt: number;
}

/**
 * A document held in memory while anyone has it open: its Y.Doc, who is in it, their awareness, the outgoing updates
 * of this event-loop tick, and the size of its update log (the compaction trigger). This and the engine's map of
 * documents are all the state the engine holds per document.
 */
export class LiveDocument {
  readonly participants = new Map<CollabConnection, Participant>();
  readonly awareness = new AwarenessRegistry<CollabConnection>();
  tailRows: number;
  tailBytes: number;
  compacting = false;
  /** Loads and text reads that keep the document from being unloaded. */
  holds = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  private outgoing: { origin: CollabConnection; update: Uint8Array }[] = [];

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    stored: { tailRows: number; tailBytes: number },
  ) {
    this.tailRows = stored.tailRows;
    this.tailBytes = stored.tailBytes;
  }

  get idle(): boolean {
    return this.participants.size === 0 && this.holds === 0;
  }

  /**
   * Queues an applied update for the others. Everything queued in one tick goes out as one merged update per
   * document (so a burst of keystrokes costs each receiver one message), computed once for all receivers.
   */
  relay(origin: CollabConnection, update: Uint8Array): void {
    if (this.outgoing.length === 0) setImmediate(() => this.flush());
    this.outgoing.push({ origin, update });
  }

  /** Sends a message to every participant but `except`. */
  broadcast(message: Uint8Array, except: CollabConnection | null): void {
    for (const connection of this.participants.keys()) {
      if (connection !== except && !connection.closed) connection.send(this.id, message);
    }
  }

  private flush(): void {
    const items = this.outgoing;
    this.outgoing = [];
    if (items.length === 0) return;
    const origin = items[0].origin;
    const single = items.every((item) => item.origin === origin);
    const update = items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((item) => item.update));
    // Several senders in one tick: everyone gets the whole merge (Yjs ignores what a client already has).
    this.broadcast(encodeUpdate(update), single ? origin : null);
  }
}
