import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { accessMaySendUpdates, ackErrorAction, shouldRetryJoin } from './ack-policy';
import { Backoff, type BackoffOptions } from './backoff';
import { toUint8Array } from './binary';
import { Emitter } from './emitter';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type SyncMessage } from './messages';
import { PendingUpdates, type PendingBatch } from './pending-updates';
import { DEFAULT_MAX_MESSAGE_BYTES, parseDocEvent, parseJoinAck, parseMessageAck, parseSyncError, syncError } from './protocol';
import type { Access, DocEvent, JoinAck, MessageAck, SyncError } from './protocol';
import { defaultTimers, type Timers } from './timers';
import type { SessionTransport } from './transport';
import { Waiters } from './waiters';

export interface DocSessionOptions {
  /** Presence (cursors, names) to share on this document; y-protocols' Awareness of the same Y.Doc. */
  awareness?: awarenessProtocol.Awareness;
}

/** @internal Settings the client passes down. */
export interface DocSessionSettings {
  backoff?: BackoffOptions;
  maxMessageBytes?: number;
  timers?: Timers;
}

export type DocSessionEvents = {
  /** `synced` changed. */
  synced: [synced: boolean];
  /** `saved` changed. */
  saved: [saved: boolean];
  /** The access level of the join acknowledgement (on every join that changes it). */
  access: [access: Access];
  /** A refused update or join, a `doc-error` from the server, or a message that could not be read. */
  error: [error: SyncError];
  /** A `doc-event`: something about the document outside its text changed (its comments). */
  event: [event: DocEvent];
};

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * One document of a `CollabClient` connection, bound to a `Y.Doc` (and optionally an `Awareness`). Created by
 * `client.open(docId, ydoc, { awareness })`.
 *
 * - `synced`: the server's sync step 2 has been applied on the current connection (false again while disconnected).
 * - `saved`: every local update of the Y.Doc since `open` has been acknowledged `{ ok: true }` by the server, i.e.
 *   committed to the database. Only acknowledgements make it true; an update the server refused for good (too large,
 *   malformed) leaves it false for the rest of the session.
 * - `pendingCount`: local updates not acknowledged yet.
 * - Local updates are sent as they happen; while disconnected, not yet joined, or waiting to retry they are queued
 *   (merged) and sent after the (re)join. A refusal `forbidden`/`expired` (a reader or commenter, or access that
 *   ended) stops sending until a later join grants edit access; the updates stay pending.
 * - `close()` leaves the document and detaches from the Y.Doc and the Awareness.
 */
export class DocSession extends Emitter<DocSessionEvents> {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness | null;

  private readonly transport: SessionTransport;
  private readonly timers: Timers;
  private readonly pending: PendingUpdates;
  private readonly retryBackoff: Backoff;
  private readonly syncedWaiters = new Waiters();
  private readonly savedWaiters = new Waiters();
  private currentAccess: Access | null = null;
  private isSynced = false;
  private lastSaved = true;
  private isClosed = false;
  private joined = false;
  private joining = false;
  /** Changes on every join and every loss of the room: acks of an older epoch are ignored. */
  private epoch = 0;
  /** Set by a `halt` refusal: local updates are kept but not sent until a join with write access. */
  private halted: SyncError | null = null;
  private retryTimer: unknown = null;
  /** A sync step 2 refused as `unavailable`, to send again with the next retry. */
  private unsentStep2: Uint8Array | null = null;
  /** The server's sync step 1 when it arrives before the join ack (the server sends it as it adds the socket). */
  private earlyStep1: Uint8Array | null = null;

  /** @internal Use `CollabClient.open`. */
  constructor(
    docId: string,
    doc: Y.Doc,
    transport: SessionTransport,
    options: DocSessionOptions = {},
    settings: DocSessionSettings = {},
  ) {
    super();
    this.docId = docId;
    this.doc = doc;
    this.awareness = options.awareness ?? null;
    this.transport = transport;
    this.timers = settings.timers ?? defaultTimers;
    this.retryBackoff = new Backoff(settings.backoff);
    this.pending = new PendingUpdates({ maxBatchBytes: (settings.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES) - 16 });
    doc.on('update', this.onDocUpdate);
    doc.on('destroy', this.onDocDestroy);
    this.awareness?.on('update', this.onAwarenessUpdate);
  }

  /** The access level from the last join acknowledgement; null before the first. */
  get access(): Access | null {
    return this.currentAccess;
  }

  get synced(): boolean {
    return this.isSynced;
  }

  get saved(): boolean {
    return this.pending.saved;
  }

  get pendingCount(): number {
    return this.pending.count;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Resolves once `synced` is true (at once if it is); rejects if the session closes first. */
  whenSynced(): Promise<void> {
    return this.syncedWaiters.wait(this.isSynced, this.isClosed);
  }

  /** Resolves once `saved` is true (at once if it is); rejects if the session closes first. */
  whenSaved(): Promise<void> {
    return this.savedWaiters.wait(this.saved, this.isClosed);
  }

  /**
   * Leaves the document (withdrawing this client's presence first), detaches from the Y.Doc and the Awareness and
   * removes all listeners. Updates not yet acknowledged are abandoned: await `whenSaved()` before closing to keep them.
   */
  close(): void {
    if (this.isClosed) return;
    if (this.transport.isConnected() && (this.joined || this.joining)) {
      if (this.joined && this.awareness) {
        // The local state as null at its current clock: peers drop it, the app's Awareness is left untouched.
        const removal = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID], new Map());
        this.transport.send(this.docId, encodeAwareness(removal));
      }
      this.transport.leave(this.docId);
    }
    this.isClosed = true;
    this.leaveRoom();
    this.doc.off('update', this.onDocUpdate);
    this.doc.off('destroy', this.onDocDestroy);
    this.awareness?.off('update', this.onAwarenessUpdate);
    this.transport.release(this);
    const error = new Error(`DocSession ${this.docId} closed`);
    this.syncedWaiters.rejectAll(error);
    this.savedWaiters.rejectAll(error);
    this.removeAllListeners();
  }

  /** @internal The connection is up: join. */
  handleConnect(): void {
    this.join();
  }

  /** @internal The connection dropped: everything in flight will be resent after the next join. */
  handleDisconnect(): void {
    if (this.isClosed) return;
    this.leaveRoom();
  }

  /** @internal A `msg` for this document. */
  handleMessage(data: unknown): void {
    if (this.isClosed) return;
    const bytes = toUint8Array(data);
    if (!bytes) {
      this.emit('error', syncError('bad_request', 'a message from the server was not binary'));
      return;
    }
    let message: SyncMessage;
    try {
      message = decodeMessage(bytes);
    } catch (error) {
      this.emit('error', syncError('malformed', error instanceof Error ? error.message : String(error)));
      return;
    }
    this.receive(message);
  }

  /** @internal A `doc-event` for this document; unknown kinds are ignored (a newer server). */
  handleDocEvent(data: unknown): void {
    if (this.isClosed) return;
    const event = parseDocEvent(data);
    if (event) this.emit('event', event);
  }

  /** @internal A `doc-error` for this document: the server removed the socket from it. */
  handleDocError(data: unknown): void {
    if (this.isClosed) return;
    const error = parseSyncError(data);
    this.leaveRoom();
    if (ackErrorAction(error.code) === 'halt') this.halted ??= error;
    this.emit('error', error);
    if (shouldRetryJoin(error.code)) this.scheduleRetry();
  }

  private receive(message: SyncMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        if (this.joined) this.answerStep1(message.stateVector);
        else if (this.joining) this.earlyStep1 = message.stateVector; // answered once the join is acknowledged
        return;
      case 'sync-step-2':
        if (this.applyRemote(message.update)) this.setSynced(true);
        return;
      case 'update':
        this.applyRemote(message.update);
        return;
      case 'awareness':
        if (!this.awareness) return;
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, this);
        } catch (error) {
          this.emit('error', syncError('malformed', `invalid awareness update: ${describe(error)}`));
        }
        return;
      case 'query-awareness':
        this.sendLocalAwareness();
        return;
      case 'auth-denied': {
        const error = syncError('forbidden', message.reason);
        this.halted ??= error;
        this.emit('error', error);
        return;
      }
    }
  }

  private applyRemote(update: Uint8Array): boolean {
    try {
      Y.applyUpdate(this.doc, update, this);
      return true;
    } catch (error) {
      this.emit('error', syncError('malformed', `invalid update from the server: ${describe(error)}`));
      return false;
    }
  }

  private join(): void {
    if (this.isClosed || !this.transport.isConnected()) return;
    this.leaveRoom();
    if (this.isClosed) return; // a 'synced' listener closed the session
    const epoch = this.epoch;
    this.joining = true;
    this.transport.join(this.docId, (raw) => {
      if (epoch === this.epoch && !this.isClosed) this.onJoinAck(parseJoinAck(raw));
    });
  }

  private onJoinAck(ack: JoinAck): void {
    this.joining = false;
    if (!ack.ok) {
      this.earlyStep1 = null;
      this.emit('error', ack.error);
      if (shouldRetryJoin(ack.error.code)) this.scheduleRetry();
      return;
    }
    this.joined = true;
    this.retryBackoff.reset();
    if (this.halted && accessMaySendUpdates(ack.access)) this.halted = null;
    if (ack.access !== this.currentAccess) {
      this.currentAccess = ack.access;
      this.emit('access', ack.access);
      if (this.isClosed || !this.joined) return; // a listener closed the session or the connection dropped
    }
    this.transport.send(this.docId, encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const earlyStep1 = this.earlyStep1;
    this.earlyStep1 = null;
    if (earlyStep1) this.answerStep1(earlyStep1);
    this.flush();
    if (this.awareness && this.awareness.getLocalState() !== null) this.sendLocalAwareness();
  }

  /** Out of the document's room (disconnect, doc-error, rejoin, close): in-flight acks will never count. */
  private leaveRoom(): void {
    this.epoch++;
    this.joined = false;
    this.joining = false;
    this.unsentStep2 = null;
    this.earlyStep1 = null;
    if (this.retryTimer !== null) {
      this.timers.clear(this.retryTimer);
      this.retryTimer = null;
    }
    this.pending.requeueAll();
    this.setSynced(false);
    this.removeRemoteAwareness();
  }

  private canSendUpdates(): boolean {
    return this.joined && !this.isClosed && this.halted === null && this.retryTimer === null && this.transport.isConnected();
  }

  private flush(): void {
    if (!this.canSendUpdates()) return;
    const epoch = this.epoch;
    for (const batch of this.pending.takeQueued()) {
      this.transport.send(this.docId, encodeUpdate(batch.update), (raw) => {
        if (epoch === this.epoch && !this.isClosed) this.onUpdateAck(batch, parseMessageAck(raw));
      });
    }
  }

  private onUpdateAck(batch: PendingBatch, ack: MessageAck): void {
    if (ack.ok) {
      this.pending.acknowledge(batch);
      this.retryBackoff.reset();
      this.updateSaved();
      return;
    }
    const action = ackErrorAction(ack.error.code);
    if (action === 'drop') this.pending.drop(batch);
    else this.pending.requeue(batch);
    this.updateSaved();
    this.onRefusal(action, ack.error);
  }

  private answerStep1(stateVector: Uint8Array): void {
    if (!this.joined || this.halted) return;
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      this.emit('error', syncError('malformed', `invalid state vector from the server: ${describe(error)}`));
      return;
    }
    this.sendStep2(encodeSyncStep2(update));
  }

  private sendStep2(message: Uint8Array): void {
    const epoch = this.epoch;
    this.transport.send(this.docId, message, (raw) => {
      if (epoch !== this.epoch || this.isClosed) return;
      const ack = parseMessageAck(raw);
      if (ack.ok) return;
      const action = ackErrorAction(ack.error.code);
      if (action === 'retry') this.unsentStep2 = message;
      this.onRefusal(action, ack.error);
    });
  }

  private onRefusal(action: ReturnType<typeof ackErrorAction>, error: SyncError): void {
    switch (action) {
      case 'halt':
        if (this.halted) return; // reported once per halt
        this.halted = error;
        this.emit('error', error);
        return;
      case 'drop':
        this.emit('error', error);
        return;
      case 'retry':
        this.emit('error', error);
        this.scheduleRetry();
        return;
      case 'rejoin':
        this.join();
        return;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.isClosed) return;
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = null;
      this.retryNow();
    }, this.retryBackoff.next());
  }

  private retryNow(): void {
    if (this.isClosed) return;
    if (!this.joined) {
      if (!this.joining) this.join();
      return;
    }
    const step2 = this.unsentStep2;
    this.unsentStep2 = null;
    if (step2 && !this.halted) this.sendStep2(step2);
    this.flush();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.isClosed) return;
    this.pending.add(update);
    this.updateSaved();
    this.flush();
  };

  private readonly onDocDestroy = (): void => this.close();

  private readonly onAwarenessUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin === this || !this.awareness) return;
    const own = this.awareness.clientID;
    if (changes.added.includes(own) || changes.updated.includes(own) || changes.removed.includes(own)) this.sendLocalAwareness();
  };

  private sendLocalAwareness(): void {
    if (!this.awareness || !this.joined || this.isClosed || !this.transport.isConnected()) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
    this.transport.send(this.docId, encodeAwareness(update));
  }

  /** Others' presence is stale once out of the room; the server sends it again after the next join. */
  private removeRemoteAwareness(): void {
    if (!this.awareness) return;
    const own = this.awareness.clientID;
    const others = [...this.awareness.getStates().keys()].filter((client) => client !== own);
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  private setSynced(synced: boolean): void {
    if (synced === this.isSynced) return;
    this.isSynced = synced;
    if (synced) this.syncedWaiters.resolveAll();
    this.emit('synced', synced);
  }

  private updateSaved(): void {
    const saved = this.pending.saved;
    if (saved === this.lastSaved) return;
    this.lastSaved = saved;
    if (saved) this.savedWaiters.resolveAll();
    this.emit('saved', saved);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
