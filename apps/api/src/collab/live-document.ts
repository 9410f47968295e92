import type { DocumentAccess } from '@commonplan/domain';
import { UpdateChecker } from '@commonplan/editor';
import type { MessageAck } from '@commonplan/sync';
import * as Y from 'yjs';
import { type AwarenessLimits, AwarenessRegistry, type PresenceIdentity } from './awareness-registry';
import type { StoredState } from './document-store';
import { applyAll } from './merge-updates';
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
  /** Who the connection's presence shows (from the session and the membership). */
  identity: PresenceIdentity;
  /** The document is the frozen text of a resolution (updates are refused with that reason). */
  frozen: boolean;
}

/** A validated update waiting for the end of the event-loop tick, with the acknowledgement it is owed. */
export interface IncomingUpdate {
  /** The connection it came from; null for a change the server makes itself (restoring a version). */
  origin: CollabConnection | null;
  update: Uint8Array;
  ack: ((ack: MessageAck) => void) | null;
  /** Committed by another instance (CollabRelay): applied and told to this instance's connections, not stored again. */
  remote?: boolean;
}

/** Stands for another instance in a document's awareness: the states of its connections, gone with it. */
export interface RemoteInstance {
  readonly instance: string;
}

/** Who holds awareness states: a connection of this instance, or another instance. */
export type PresenceOwner = CollabConnection | RemoteInstance;

export const isRemoteOwner = (owner: PresenceOwner): owner is RemoteInstance => 'instance' in owner;

/**
 * A document held in memory while anyone has it open: its Y.Doc, who is in it, their awareness, the updates that
 * arrived in this event-loop tick, and the size of its update log (the compaction trigger). This and the engine's map
 * of documents are all the state the engine holds per document.
 */
export class LiveDocument {
  readonly participants = new Map<CollabConnection, Participant>();
  readonly awareness: AwarenessRegistry<PresenceOwner>;
  /** The other instances whose connections have presence here, by instance id. */
  readonly remoteOwners = new Map<string, RemoteInstance>();
  /** Reading the stored state back (CollabEngine.catchUp), and whether to read it once more when that ends. */
  catchingUp: Promise<void> | null = null;
  catchUpAgain = false;
  /** When another instance's pending update last made this one read the database. */
  pendingReadAt = 0;
  tailRows: number;
  tailBytes: number;
  compacting = false;
  /** Loads and text reads that keep the document from being unloaded. */
  holds = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  private incoming: IncomingUpdate[] = [];
  private checker: UpdateChecker | null = null;
  /** An update was handled in this tick: the next ones wait for its end. */
  private tickOpen = false;
  private ydoc: Y.Doc | null = null;
  /** Until the Y.Doc is needed: the stored state as one update, and its state vector. */
  private stored: Uint8Array | null;
  private storedStateVector: Uint8Array | null = null;

  constructor(
    readonly id: string,
    stored: StoredState,
    /** Called once per tick with everything that arrived in it. */
    private readonly onTick: (live: LiveDocument, updates: IncomingUpdate[]) => void,
    awarenessLimits: AwarenessLimits,
  ) {
    this.awareness = new AwarenessRegistry(awarenessLimits);
    this.tailRows = stored.tail.length;
    this.tailBytes = stored.tailBytes;
    if (stored.snapshot && stored.tail.length === 0) {
      this.stored = stored.snapshot.data;
      this.storedStateVector = stored.snapshot.stateVector;
    } else {
      // A tail to apply: build the Y.Doc now, so that a bad update fails the load, not a later join.
      this.stored = null;
      this.ydoc = new Y.Doc({ gc: true });
      applyAll(this.ydoc, stored.snapshot ? [stored.snapshot.data, ...stored.tail] : stored.tail);
    }
  }

  /**
   * The document as a Y.Doc, built from the stored state on first use. A document that is only read (joined, synced,
   * watched) never needs one: its stored state answers sync requests directly, which keeps a cold join cheap.
   */
  get doc(): Y.Doc {
    if (!this.ydoc) {
      this.ydoc = new Y.Doc({ gc: true });
      if (this.stored) Y.applyUpdate(this.ydoc, this.stored);
      this.stored = null;
      this.storedStateVector = null;
    }
    return this.ydoc;
  }

  stateVector(): Uint8Array {
    return this.ydoc || !this.storedStateVector ? Y.encodeStateVector(this.doc) : this.storedStateVector;
  }

  /** What a client with this state vector lacks (the answer to its sync step 1). */
  missingFor(stateVector: Uint8Array): Uint8Array {
    if (this.ydoc || !this.stored) return Y.encodeStateAsUpdate(this.doc, stateVector);
    const knowsNothing = stateVector.length === 1 && stateVector[0] === 0;
    return knowsNothing ? this.stored : Y.diffUpdate(this.stored, stateVector);
  }

  destroy(): void {
    this.checker = null;
    this.ydoc?.destroy();
    this.ydoc = null;
    this.stored = null;
  }

  get idle(): boolean {
    return this.participants.size === 0 && this.holds === 0;
  }

  /**
   * Takes a validated update. The first one of an event-loop tick is handled at once (relayed with no wait, as at
   * typing speed nearly every update is); those that follow it in the same tick are applied together at the tick's
   * end in one Yjs transaction, relayed as the one update Yjs encodes for it and stored as one row, so that a burst
   * of keystrokes costs one of each, not one per keystroke.
   */
  enqueue(item: IncomingUpdate): void {
    if (this.tickOpen) {
      this.incoming.push(item);
      return;
    }
    this.tickOpen = true;
    setImmediate(() => {
      this.tickOpen = false;
      this.tick();
    });
    this.onTick(this, [item]);
    this.checker?.clear();
  }

  /**
   * Checks an update against the document schema before it is taken: against the document and the updates taken in
   * this tick and not yet applied, which it may build on (see content-guard). Null when it fits.
   */
  schemaProblem(update: Uint8Array): string | null {
    this.checker ??= new UpdateChecker(this.doc);
    return this.checker.check(update);
  }

  /** Sends a message to every participant but `except`. */
  broadcast(message: Uint8Array, except: CollabConnection | null): void {
    for (const connection of this.participants.keys()) {
      if (connection !== except && !connection.closed) connection.send(this.id, message);
    }
  }

  private tick(): void {
    const items = this.incoming;
    this.incoming = [];
    if (items.length > 0) this.onTick(this, items);
    this.checker?.clear();
  }
}
