import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DocumentAccess } from '@commonplan/domain';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  type DocEvent,
  type JoinAck,
  type MessageAck,
  type SyncError,
  type SyncErrorCode,
} from '@commonplan/sync';
import { invalidItems, REPAIR_ORIGIN } from '@commonplan/editor';
import * as Y from 'yjs';
import { SessionStore } from '../access/session-store';
import { DocumentAccessService } from '../documents/document-access.service';
import { AppConfig } from '../platform/config/app-config';
import { Metrics } from '../platform/metrics/metrics';
import { type AccessChange, AccessEvents, DocumentEvents } from '../platform/events';
import { AwarenessRefusal } from './awareness-registry';
import type { CollabConnection } from './collab-connection';
import { CollabRelay, type PresenceBatch } from './collab-relay';
import { DocumentStore } from './document-store';
import { type IncomingUpdate, isRemoteOwner, LiveDocument, type Participant } from './live-document';
import { mergeMany } from './merge-updates';
import { EditsHeld, UpdateWriter } from './update-writer';

const RESYNC_INTERVAL_MS = 500;
const FROZEN_TEXT =
  'the text of a resolution is frozen from the opening of its vote, and for good once it is decided: a change needs a new resolution that amends or repeals it';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const refuse = (code: SyncErrorCode, message: string): { ok: false; error: SyncError } => ({ ok: false, error: { code, message } });

/** Told of what happens to the documents this instance holds (comments/passage-watcher.ts watches comment anchors). */
export interface DocumentObserver {
  /**
   * Updates were applied to the document: each as it was sent, with the person who sent it (null for the server's own
   * changes). The updates are the engine's: read them, do not change them.
   */
  changed(documentId: string, changes: ReadonlyArray<{ userId: string | null; update: Uint8Array }>): void;
  /**
   * The document is about to be let go of (idle): `state()` gives its state as one update, the last moment it can be
   * read here without loading it again. Called synchronously; `state` must not be kept.
   */
  unloading(documentId: string, state: () => Uint8Array): void;
}

export type AccessCheck = { ok: true; access: DocumentAccess; until: Date | null; organisation: string | null; frozen: boolean } | { ok: false; error: SyncError };

/**
 * The co-drafting engine behind both transports: loads documents, decides who may join and write, applies, relays
 * and stores updates, relays awareness, compacts logs and unloads idle documents. The transports (socket.io gateway,
 * y-websocket server) only translate their wire format into these calls.
 */
@Injectable()
export class CollabEngine implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Collab');
  private readonly documents = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  private readonly writer: UpdateWriter;
  private unsubscribe: (() => void)[] = [];
  private shuttingDown = false;
  private readonly observers = new Set<DocumentObserver>();
  /** Connections in documents (a connection in two documents counts twice), for the metrics. */
  private participantCount = 0;
  /** Updates other instances committed while the document was being loaded here, applied once it is. */
  private readonly early = new Map<string, Uint8Array[]>();

  constructor(
    private readonly store: DocumentStore,
    private readonly accessService: DocumentAccessService,
    private readonly config: AppConfig,
    private readonly events: AccessEvents,
    private readonly sessions: SessionStore,
    private readonly documentEvents: DocumentEvents,
    private readonly relay: CollabRelay,
    private readonly metrics: Metrics,
  ) {
    // A document that people also edit through another instance reaches them only once committed: its commits do not
    // wait for more updates (bench:scale: the wait was most of the delivery time across instances).
    const delayFor = (documentIds: Iterable<string>) => (this.relay.servedElsewhere(documentIds) ? 0 : config.collab.commitDelayMs);
    this.writer = new UpdateWriter(store, (documentId, _rowId, bytes) => this.stored(documentId, bytes), delayFor);
  }

  onModuleInit(): void {
    this.unsubscribe = [
      this.events.subscribe((change) => this.accessChanged(change)),
      this.documentEvents.subscribe(({ documentId, event }) => typeof documentId === 'string' && this.announceHere(documentId, event)),
    ];
    this.relay.start(
      {
        remoteUpdate: (documentId, update, sentAt) => {
          this.metrics.observeCollabFanoutLag(Math.max(0, Date.now() - sentAt) / 1000);
          this.remoteUpdate(documentId, update);
        },
        remoteAwareness: (documentId, from, batches) => this.remoteAwareness(documentId, from, batches),
        awarenessQuery: (documentId) => this.answerAwarenessQuery(documentId),
        catchUp: (documentId) => void this.catchUp(documentId),
        instanceGone: (documentId, instance) => this.instanceGone(documentId, instance),
        hold: (documentId) => void this.holdHere(documentId),
      },
      (documentId) => (this.documents.get(documentId)?.participants.size ?? 0) > 0,
    );
  }

  /** Stores what is queued, compacts the logs of open documents, and lets go of them. */
  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    await this.writer.drain();
    for (const live of this.documents.values()) {
      if (live.unloadTimer) clearTimeout(live.unloadTimer);
      for (const participant of live.participants.values()) if (participant.expiryTimer) clearTimeout(participant.expiryTimer);
      if (live.tailRows > 0) await this.store.compact(live.id).catch(() => undefined);
      live.destroy();
    }
    this.documents.clear();
    await this.relay.close();
  }

  /** Decides whether the person may open the document (before a y-websocket upgrade, and at every join). */
  async authorize(userId: string, documentId: string): Promise<AccessCheck> {
    if (typeof documentId !== 'string' || !UUID.test(documentId)) return refuse('bad_request', 'documentId must be a UUID');
    const resolved = await this.accessService.resolve(userId, documentId).catch(() => null);
    if (!resolved) return refuse('unavailable', 'access to the document could not be checked; try again');
    if (!resolved.ok) {
      if (resolved.reason === 'not_found') return refuse('not_found', 'no such document');
      if (resolved.reason === 'expired') return refuse('expired', 'your access to this document has ended');
      return refuse('forbidden', 'you have no access to this document');
    }
    return { ok: true, access: resolved.access, until: resolved.until, organisation: resolved.organisationName, frozen: resolved.frozen };
  }

  /** Authorizes, loads (answering nobody before the load has finished) and adds the connection to the document. */
  async join(connection: CollabConnection, documentId: string): Promise<JoinAck> {
    const check = await this.authorize(connection.principal.userId, documentId);
    if (!check.ok) return check;
    const live = await this.open(documentId);
    if (!live) return refuse('unavailable', 'the document could not be loaded; try again');
    try {
      if (connection.closed) return refuse('unavailable', 'the connection closed');
      this.attach(connection, live, check);
      return { ok: true, access: check.access };
    } finally {
      this.release(live);
    }
  }

  /**
   * Loads a document and holds it in memory until release(); null when it cannot be loaded (the document stays as
   * stored: a failed load never turns into an empty document).
   */
  async open(documentId: string): Promise<LiveDocument | null> {
    try {
      const live = await this.load(documentId);
      live.holds++;
      if (live.unloadTimer) {
        clearTimeout(live.unloadTimer);
        live.unloadTimer = null;
      }
      return live;
    } catch (error) {
      this.logger.error(`could not load ${documentId}: ${String(error)}`);
      return null;
    }
  }

  release(live: LiveDocument): void {
    live.holds--;
    this.scheduleUnload(live);
  }

  /**
   * Adds a connection whose access was just checked: sends the server's sync step 1 and the awareness states.
   * Synchronous, so no update can slip between the state the client is sent and its joining.
   */
  attach(connection: CollabConnection, live: LiveDocument, check: { access: DocumentAccess; until: Date | null; organisation: string | null; frozen: boolean }): void {
    const existing = live.participants.get(connection);
    const { principal } = connection;
    const identity = { userId: principal.userId, name: principal.displayName, organisation: check.organisation };
    if (existing) {
      existing.access = check.access;
      existing.until = check.until;
      existing.frozen = check.frozen;
      existing.identity = identity;
      return;
    }
    const participant: Participant = {
      connection,
      access: check.access,
      until: check.until,
      checkedAt: Date.now(),
      gate: null,
      expiryTimer: null,
      lastResyncAt: 0,
      identity,
      frozen: check.frozen,
    };
    live.participants.set(connection, participant);
    this.metrics.setCollabConnections(++this.participantCount);
    this.armExpiry(live, participant);
    connection.send(live.id, encodeSyncStep1(live.stateVector()));
    const states = live.awareness.encodeAll();
    if (states) connection.send(live.id, encodeAwareness(states));
  }

  leave(connection: CollabConnection, documentId: string): void {
    const live = this.documents.get(documentId);
    if (live) this.detach(connection, live);
  }

  /**
   * Handles one message of a joined connection. Resolves with the acknowledgement for updates and sync step 2 (sent
   * once stored), null for messages that are not acknowledged.
   */
  receive(connection: CollabConnection, documentId: string, message: Uint8Array): Promise<MessageAck | null> | MessageAck | null {
    const live = this.documents.get(documentId);
    const participant = live?.participants.get(connection);
    if (!live || !participant) return refuse('not_joined', 'join the document first');
    if (message.byteLength > this.config.collab.maxMessageBytes) {
      return refuse('too_large', `the message is over ${this.config.collab.maxMessageBytes} bytes`);
    }
    // Access is re-read from the database when it is older than the re-check interval; messages wait for it in order.
    if (participant.gate || Date.now() - participant.checkedAt > this.config.collab.accessRecheckMs) {
      participant.gate ??= this.recheck(live, participant);
      const gate = participant.gate;
      return gate.then(() =>
        live.participants.get(connection) === participant ? this.handle(live, participant, message) : refuse('forbidden', 'you left the document'),
      );
    }
    return this.handle(live, participant, message);
  }

  /** The current state of a document, loading it when needed (for GET /api/documents/:id/text). */
  async read<T>(documentId: string, reader: (doc: Y.Doc) => T): Promise<T | null> {
    const live = await this.open(documentId);
    if (!live) return null;
    try {
      return reader(live.doc);
    } finally {
      this.release(live);
    }
  }

  /**
   * The document's whole state as one update, returned once everything in it is stored: what a version freezes is
   * what the database keeps. Null when the document cannot be loaded; throws when storing failed.
   */
  async storedState(documentId: string): Promise<Uint8Array | null> {
    const live = await this.open(documentId);
    if (!live) return null;
    try {
      // With several instances, what the others committed may not have reached this one yet: read it back first.
      if (this.relay.active) await this.catchUp(live.id);
      const state = Y.encodeStateAsUpdate(live.doc);
      await this.writer.barrier();
      return state;
    } finally {
      this.release(live);
    }
  }

  /**
   * Applies a change the server makes (restoring a version) like an edit of a participant: in the document's next
   * tick, relayed to everyone in it and stored; resolves with the acknowledgement once it is committed. `make`
   * computes the update from the current state at that moment, so nothing that arrived before is overwritten.
   */
  async applyServerChange(documentId: string, make: (state: Uint8Array) => Uint8Array | null): Promise<MessageAck | null> {
    const live = await this.open(documentId);
    if (!live) return refuse('unavailable', 'the document could not be loaded; try again');
    try {
      const update = make(Y.encodeStateAsUpdate(live.doc));
      if (!update) return null;
      return await new Promise<MessageAck>((resolve) => live.enqueue({ origin: null, update, ack: resolve }));
    } finally {
      this.release(live);
    }
  }

  /**
   * Stops edits of the document on this instance at once, until access is next re-read (which must then find the
   * document frozen, or restore edit): what a resolution's text goes through as its vote opens, so nothing lands
   * between the text being frozen as a version and the vote's record naming it. Resolves once the edits accepted
   * before have been applied to the document.
   */
  async holdEdits(documentId: string): Promise<void> {
    await this.holdHere(documentId);
    // What this instance accepted before is stored; then the database holds the document's edits, so nothing any
    // instance accepted after this moment can be stored (DocumentStore.append), and what the others stored before is
    // read back by storedState. The others are told at once too, so their people are refused before they type more.
    await this.writer.barrier();
    await this.store.holdEdits(documentId);
    this.relay.hold(documentId);
  }

  /** Lets the document be edited again after holdEdits (the vote did not open), unless its text is frozen for good. */
  async releaseEdits(documentId: string): Promise<void> {
    await this.store.releaseEdits(documentId);
  }

  private async holdHere(documentId: string): Promise<void> {
    const live = this.documents.get(documentId);
    if (!live) return;
    for (const participant of live.participants.values()) {
      if (participant.access === 'edit') participant.access = 'comment';
      participant.frozen = true;
      participant.checkedAt = Date.now();
    }
    // Updates taken in the current tick are applied at its end (LiveDocument.enqueue): let it pass.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /**
   * Tells everyone in the document that something outside its text changed: the sockets of every instance (through
   * DocumentEvents and its relay), each of which passed the document's access check to be in it.
   */
  announce(documentId: string, event: DocEvent): void {
    this.documentEvents.publish({ documentId, event });
  }

  /** Adds an observer of the documents' changes and unloading; returns the function that removes it. */
  observe(observer: DocumentObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** An observer's failure is logged; it never stops the document's own work. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.error(`a document observer failed: ${String(error)}`);
    }
  }

  /** Tells the sockets this instance holds in the document. */
  private announceHere(documentId: string, event: DocEvent): void {
    const live = this.documents.get(documentId);
    if (!live) return;
    for (const connection of live.participants.keys()) if (!connection.closed) connection.notice(documentId, event);
  }

  private handle(live: LiveDocument, participant: Participant, bytes: Uint8Array): Promise<MessageAck | null> | MessageAck | null {
    if (participant.until && participant.until.getTime() <= Date.now()) {
      this.remove(live, participant, { code: 'expired', message: 'your access to this document has ended' });
      return refuse('expired', 'your access to this document has ended');
    }
    let message;
    try {
      message = decodeMessage(bytes);
    } catch (error) {
      return refuse('malformed', (error as Error).message);
    }
    const connection = participant.connection;
    switch (message.type) {
      case 'sync-step-1':
        connection.send(live.id, encodeSyncStep2(live.missingFor(message.stateVector)));
        return null;
      case 'sync-step-2':
      case 'update':
        return this.applyUpdate(live, participant, message.update, connection.transport === 'socket.io');
      case 'awareness': {
        let relayed: Uint8Array | null;
        try {
          relayed = live.awareness.apply(message.update, connection, participant.identity);
        } catch (error) {
          return error instanceof AwarenessRefusal ? refuse(error.code, error.message) : refuse('malformed', 'malformed awareness update');
        }
        if (relayed) {
          live.broadcast(encodeAwareness(relayed), connection);
          this.relay.publishAwareness(live.id, [{ userId: participant.identity.userId, update: relayed }]);
        }
        return null;
      }
      case 'query-awareness': {
        const states = live.awareness.encodeAll();
        if (states) connection.send(live.id, encodeAwareness(states));
        return null;
      }
      case 'auth-denied':
        return null;
    }
  }

  /**
   * Validates an update and queues it for the end of the tick (see onTick); the acknowledgement comes after the
   * commit that stores it. y-websocket connections, which have no acknowledgements, pass `wantAck` false.
   */
  private applyUpdate(live: LiveDocument, participant: Participant, update: Uint8Array, wantAck: boolean): Promise<MessageAck> | MessageAck | null {
    if (isEmptyUpdate(update)) return { ok: true, seq: null };
    if (participant.access !== 'edit') {
      if (participant.frozen) {
        return refuse('forbidden', FROZEN_TEXT);
      }
      return refuse('forbidden', `your access to this document is ${participant.access}: updates are not accepted`);
    }
    // Decoding the whole update first means a malformed one is refused before it can touch the document, and one
    // the document schema cannot hold is refused by name (nothing of it stored or relayed).
    let problem: string | null;
    try {
      problem = live.schemaProblem(update);
    } catch {
      return refuse('malformed', 'the update is not a valid Yjs update');
    }
    if (problem) return refuse('invalid', `the update does not fit the document schema: ${problem}`);
    if (!wantAck) {
      live.enqueue({ origin: participant.connection, update, ack: null });
      return null;
    }
    return new Promise<MessageAck>((resolve) => live.enqueue({ origin: participant.connection, update, ack: resolve }));
  }

  /**
   * Everything that arrived for a document in one event-loop tick: applied in one Yjs transaction; the update Yjs
   * encodes for that transaction (only what was new) is relayed to the others and stored, and each sender is
   * acknowledged after the commit.
   */
  private onTick(live: LiveDocument, items: IncomingUpdate[]): void {
    if (this.documents.get(live.id) !== live) {
      for (const item of items) item.ack?.(refuse('unavailable', 'the document was reloaded; join again'));
      return;
    }
    // Updates other instances committed are applied and told here, but never stored or published again.
    const local = items.some((item) => item.remote) ? items.filter((item) => !item.remote) : items;
    const failed = new Set<IncomingUpdate>();
    let tickUpdate: Uint8Array | null = null;
    // Parts kept pending were checked without their place; when they land, what they put in is checked where it is.
    const pendingBefore = live.doc.store.pendingStructs !== null ? Y.decodeStateVector(Y.encodeStateVector(live.doc)) : null;
    if (items.length === 1 && local.length === 1) {
      // The common case at typing speed: one update in the tick, relayed and stored as it came (encoding the
      // transaction's update again would give the same bytes, or fewer when it repeats what the server has).
      try {
        Y.applyUpdate(live.doc, items[0].update, items[0].origin);
        tickUpdate = items[0].update;
      } catch (error) {
        failed.add(items[0]);
        this.logger.error(`an update that decoded failed to apply to ${live.id}: ${String(error)}`);
      }
    } else {
      // Several updates, or one read back from another instance: what is relayed is only what was new here.
      const capture = (update: Uint8Array) => {
        tickUpdate = tickUpdate ? mergeMany([tickUpdate, update]) : update;
      };
      live.doc.on('update', capture);
      try {
        live.doc.transact(() => {
          for (const item of items) {
            try {
              Y.applyUpdate(live.doc, item.update, item.origin);
            } catch (error) {
              failed.add(item);
              this.logger.error(`an update that decoded failed to apply to ${live.id}: ${String(error)}`);
            }
          }
        }, this);
      } finally {
        live.doc.off('update', capture);
      }
    }
    if (failed.size > 0) {
      // The document may hold part of an update: store and relay nothing of this tick but the updates that applied,
      // as they were sent, and let everyone rejoin from what is stored.
      for (const item of failed) item.ack?.(refuse('malformed', 'the update could not be applied'));
      const good = local.filter((item) => !failed.has(item));
      void this.storeAndAcknowledge(live.id, good.length ? mergeMany(good.map((i) => i.update)) : null, good).then(() => this.reload(live));
      return;
    }
    const origin = items[0].origin;
    const single = items.every((item) => item.origin === origin);
    if (tickUpdate) live.broadcast(encodeUpdate(tickUpdate), single ? origin : null);
    // Parts whose dependencies the server lacks stay pending in Yjs and are missing from the transaction's update:
    // store them as they were sent, and ask their senders for what is missing (another instance's: the database).
    const pending = live.doc.store.pendingStructs !== null || live.doc.store.pendingDs !== null;
    if (pending) {
      for (const item of local) {
        const participant = item.origin ? live.participants.get(item.origin) : undefined;
        if (participant) this.askForMissing(live, participant);
      }
      // Another instance's update that waits for something this one lacks: read the database, at most every
      // RESYNC_INTERVAL_MS (what even the database lacks waits for its sender's client, as above).
      if (local.length < items.length && Date.now() - live.pendingReadAt >= RESYNC_INTERVAL_MS) {
        live.pendingReadAt = Date.now();
        void this.catchUp(live.id);
      }
    }
    if (local.length > 0) {
      this.metrics.countCollabUpdates(local.length);
      let toStore: Uint8Array | null;
      if (local.length < items.length) toStore = mergeMany(local.map((i) => i.update));
      else toStore = pending && items.length > 1 ? mergeMany([...(tickUpdate ? [tickUpdate] : []), ...items.map((i) => i.update)]) : tickUpdate;
      void this.storeAndAcknowledge(live.id, toStore, local);
    }
    if (pendingBefore) this.removeInvalid(live, pendingBefore);
    if (tickUpdate && local.length > 0 && this.observers.size > 0) {
      const changes = local.map((item) => ({ userId: item.origin?.principal.userId ?? null, update: item.update }));
      for (const observer of this.observers) this.tell(() => observer.changed(live.id, changes));
    }
  }

  /**
   * Removes what does not fit the schema among the items integrated since `since` (parts that waited for what they
   * depend on), as a change of the server's own: applied, relayed to everyone and stored.
   */
  private removeInvalid(live: LiveDocument, since: Map<number, number>): void {
    const items = invalidItems(live.doc, since);
    if (items.length === 0) return;
    this.logger.warn(`removed ${items.length} items out of the schema from ${live.id}`);
    let removal: Uint8Array | null = null;
    const capture = (update: Uint8Array) => (removal = update);
    live.doc.on('update', capture);
    try {
      live.doc.transact((transaction) => {
        for (const item of items) item.delete(transaction);
      }, REPAIR_ORIGIN);
    } finally {
      live.doc.off('update', capture);
    }
    if (!removal) return;
    live.broadcast(encodeUpdate(removal), null);
    void this.storeAndAcknowledge(live.id, removal, []);
  }

  /** Stores an update (or, when null, waits for what is already being stored) and acknowledges the items. */
  private async storeAndAcknowledge(documentId: string, update: Uint8Array | null, items: IncomingUpdate[]): Promise<void> {
    let ack: MessageAck;
    try {
      if (update) {
        const started = performance.now();
        ack = { ok: true, seq: await this.writer.write(documentId, update) };
        this.metrics.observeCollabCommit((performance.now() - started) / 1000);
        // Committed: now the other instances may hear of it (what they miss, they read back from the database).
        this.relay.publishUpdate(documentId, update);
      } else {
        // Nothing new: the content is already in the document, but perhaps not yet stored.
        await this.writer.barrier();
        ack = { ok: true, seq: null };
      }
    } catch (error) {
      if (error instanceof EditsHeld) {
        // Another instance froze the text (a vote opening) before this update reached the database: refused. It was
        // applied here already, so everyone in the document rejoins from what is stored (the text the vote names).
        ack = refuse('forbidden', FROZEN_TEXT);
        const live = this.documents.get(documentId);
        if (live) void this.reload(live);
      } else {
        ack = refuse('unavailable', 'the update could not be stored; it will be sent again');
      }
    }
    for (const item of items) item.ack?.(ack);
  }

  /**
   * The update depends on something the server has not got (the client skipped an update, or lost one): ask the
   * client for everything the server lacks, as y-protocols does, by sending it the server's state vector (at most
   * every RESYNC_INTERVAL_MS per connection). Until the answer arrives, Yjs keeps the update pending.
   */
  private askForMissing(live: LiveDocument, participant: Participant): void {
    const now = Date.now();
    if (now - participant.lastResyncAt < RESYNC_INTERVAL_MS) return;
    participant.lastResyncAt = now;
    participant.connection.send(live.id, encodeSyncStep1(live.stateVector()));
  }

  private load(documentId: string): Promise<LiveDocument> {
    const live = this.documents.get(documentId);
    if (live) return Promise.resolve(live);
    let pending = this.loading.get(documentId);
    if (!pending) {
      // Heard before read: an update another instance publishes from now on is either heard or already stored.
      this.early.set(documentId, []);
      pending = this.relay
        .join(documentId)
        .then(() => this.store.load(documentId))
        .then((stored) => {
          const loaded = new LiveDocument(documentId, stored, (live, items) => this.onTick(live, items), this.config.collab.awareness);
          this.documents.set(documentId, loaded);
          this.metrics.setCollabOpenDocuments(this.documents.size);
          for (const update of this.early.get(documentId) ?? []) loaded.enqueue({ origin: null, update, ack: null, remote: true });
          return loaded;
        })
        .catch((error: unknown) => {
          if (!this.documents.has(documentId)) this.relay.leave(documentId);
          throw error;
        })
        .finally(() => {
          this.loading.delete(documentId);
          this.early.delete(documentId);
        });
      this.loading.set(documentId, pending);
    }
    return pending;
  }

  /** An update another instance committed: applied in the document's next tick and told to this instance's people. */
  private remoteUpdate(documentId: string, update: Uint8Array): void {
    const early = this.early.get(documentId);
    if (early) {
      early.push(update);
      return;
    }
    this.documents.get(documentId)?.enqueue({ origin: null, update, ack: null, remote: true });
  }

  /**
   * Reads the document's stored state and applies what this instance lacks of it (another instance's updates it
   * did not hear). Resolves once that is applied; one reading at a time per document, again if asked meanwhile.
   */
  private catchUp(documentId: string): Promise<void> {
    const live = this.documents.get(documentId);
    if (!live) return Promise.resolve();
    if (live.catchingUp) {
      live.catchUpAgain = true;
      return live.catchingUp;
    }
    live.catchingUp = this.readBack(live).finally(() => (live.catchingUp = null));
    return live.catchingUp;
  }

  private async readBack(live: LiveDocument): Promise<void> {
    try {
      do {
        live.catchUpAgain = false;
        const stored = await this.store.load(live.id);
        if (this.documents.get(live.id) !== live) return;
        const parts = stored.snapshot ? [stored.snapshot.data, ...stored.tail] : stored.tail;
        if (parts.length === 0) continue;
        live.enqueue({ origin: null, update: Y.diffUpdate(mergeMany(parts), live.stateVector()), ack: null, remote: true });
        // Applied at the end of this tick at the latest.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } while (live.catchUpAgain);
    } catch (error) {
      this.logger.warn(`could not read ${live.id} back: ${String(error)}`);
    }
  }

  /** Presence of another instance's connections: kept under that instance, told to this one's people. */
  private remoteAwareness(documentId: string, from: string, batches: PresenceBatch[]): void {
    const live = this.documents.get(documentId);
    if (!live) return;
    let owner = live.remoteOwners.get(from);
    if (!owner) {
      owner = { instance: from };
      live.remoteOwners.set(from, owner);
    }
    for (const batch of batches) {
      try {
        const relayed = live.awareness.applyRemote(batch.update, owner, batch.userId);
        if (relayed) live.broadcast(encodeAwareness(relayed), null);
      } catch {
        this.logger.warn(`a malformed awareness update from instance ${from} in ${documentId}`);
      }
    }
  }

  private answerAwarenessQuery(documentId: string): void {
    const live = this.documents.get(documentId);
    if (live) this.relay.publishAwareness(documentId, live.awareness.statesOf((owner) => !isRemoteOwner(owner)));
  }

  /** Another instance fell silent: its people's presence goes, and what it stored last is read back. */
  private instanceGone(documentId: string, instance: string): void {
    const live = this.documents.get(documentId);
    if (!live) return;
    const owner = live.remoteOwners.get(instance);
    live.remoteOwners.delete(instance);
    const gone = owner ? live.awareness.removeOwner(owner) : null;
    if (gone) live.broadcast(encodeAwareness(gone), null);
    void this.catchUp(documentId);
  }

  private detach(connection: CollabConnection, live: LiveDocument): void {
    const participant = live.participants.get(connection);
    if (!participant) return;
    if (participant.expiryTimer) clearTimeout(participant.expiryTimer);
    live.participants.delete(connection);
    this.metrics.setCollabConnections(--this.participantCount);
    const gone = live.awareness.removeOwned(connection);
    if (gone) {
      live.broadcast(encodeAwareness(gone.update), null);
      this.relay.publishAwareness(live.id, [gone]);
    }
    this.scheduleUnload(live);
  }

  private remove(live: LiveDocument, participant: Participant, error: SyncError): void {
    this.detach(participant.connection, live);
    if (!participant.connection.closed) participant.connection.removed(live.id, error);
  }

  private async recheck(live: LiveDocument, participant: Participant): Promise<void> {
    try {
      const session = await this.sessions.isAlive(participant.connection.principal.sessionId).catch(() => true);
      const check: AccessCheck = session
        ? await this.authorize(participant.connection.principal.userId, live.id)
        : refuse('unauthorized', 'your session has ended');
      if (!check.ok) {
        if (check.error.code !== 'unavailable') this.remove(live, participant, check.error);
        return;
      }
      participant.access = check.access;
      participant.until = check.until;
      participant.frozen = check.frozen;
      participant.identity = { ...participant.identity, organisation: check.organisation };
      participant.checkedAt = Date.now();
      this.armExpiry(live, participant);
    } finally {
      participant.gate = null;
    }
  }

  /** At the end date of the access, the connection leaves the document (also when it sends nothing). */
  private armExpiry(live: LiveDocument, participant: Participant): void {
    if (participant.expiryTimer) clearTimeout(participant.expiryTimer);
    participant.expiryTimer = null;
    if (!participant.until) return;
    const delay = Math.min(participant.until.getTime() - Date.now(), 2 ** 31 - 1);
    participant.expiryTimer = setTimeout(() => {
      if (live.participants.get(participant.connection) !== participant) return;
      if (participant.until && participant.until.getTime() <= Date.now()) {
        this.remove(live, participant, { code: 'expired', message: 'your access to this document has ended' });
      } else {
        this.armExpiry(live, participant);
      }
    }, Math.max(0, delay));
    participant.expiryTimer.unref();
  }

  /** Re-checks at once every open connection the change may concern. */
  private accessChanged(change: AccessChange): void {
    for (const live of this.documents.values()) {
      if (change.documentId && change.documentId !== live.id) continue;
      for (const participant of live.participants.values()) {
        if (change.userId && change.userId !== participant.connection.principal.userId) continue;
        participant.checkedAt = 0;
        participant.gate ??= this.recheck(live, participant);
      }
    }
  }

  private stored(documentId: string, bytes: number): void {
    const live = this.documents.get(documentId);
    if (!live) return;
    live.tailRows++;
    live.tailBytes += bytes;
    const { compactRows, compactBytes } = this.config.collab;
    if (!live.compacting && (live.tailRows >= compactRows || live.tailBytes >= compactBytes)) void this.compact(live);
  }

  private async compact(live: LiveDocument): Promise<void> {
    live.compacting = true;
    try {
      const merged = await this.store.compact(live.id);
      // Rows stored while compacting were not merged and stay in the tail.
      live.tailRows = Math.max(0, live.tailRows - merged.rows);
      live.tailBytes = Math.max(0, live.tailBytes - merged.bytes);
    } catch (error) {
      this.logger.error(`compaction of ${live.id} failed: ${String(error)}`);
    } finally {
      live.compacting = false;
    }
  }

  private scheduleUnload(live: LiveDocument): void {
    if (!live.idle || live.unloadTimer || this.shuttingDown) return;
    live.unloadTimer = setTimeout(() => void this.unload(live), this.config.collab.idleUnloadMs);
    live.unloadTimer.unref();
  }

  /** Unloads an idle document once everything written to it is stored (and its log compacted). */
  private async unload(live: LiveDocument): Promise<void> {
    live.unloadTimer = null;
    if (!live.idle || this.documents.get(live.id) !== live) return;
    if (this.writer.busy(live.id)) await this.writer.drain();
    if (live.tailRows > 0 && !live.compacting) await this.compact(live);
    if (!live.idle || this.documents.get(live.id) !== live) return;
    for (const observer of this.observers) this.tell(() => observer.unloading(live.id, () => Y.encodeStateAsUpdate(live.doc)));
    this.documents.delete(live.id);
    this.metrics.setCollabOpenDocuments(this.documents.size);
    if (!this.loading.has(live.id)) this.relay.leave(live.id);
    live.destroy();
  }

  /** After an update failed half-way: forget the in-memory state and let everyone rejoin from what is stored. */
  private async reload(live: LiveDocument): Promise<void> {
    if (this.documents.get(live.id) !== live) return;
    this.documents.delete(live.id);
    await this.writer.drain();
    for (const participant of [...live.participants.values()]) {
      this.remove(live, participant, { code: 'unavailable', message: 'the document was reloaded; join again' });
    }
    live.destroy();
  }
}
