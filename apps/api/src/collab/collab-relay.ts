import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AppConfig } from '../platform/config/app-config';
import { closeRedis, subscribedWithin } from '../platform/redis-close';

/** The Redis channel of one document's co-drafting traffic between instances. */
export const collabChannel = (documentId: string): string => `commonplan:collab:${documentId}`;
const CHANNEL_PREFIX = 'commonplan:collab:';

/** How long a join waits for its subscription before it loads anyway (the reconnection's catch-up covers the rest). */
const SUBSCRIBE_WAIT_MS = 2_000;
/** An instance not heard from for this many heartbeats is gone (killed, partitioned). */
const HEARTBEATS_TO_GONE = 3;

enum Kind {
  Update = 1,
  Awareness = 2,
  Heartbeat = 3,
  AwarenessQuery = 4,
  Hold = 5,
}

/** What another instance's presence in a document looks like here. */
export interface PresenceBatch {
  userId: string;
  update: Uint8Array;
}

/** The engine's side of the relay: what it is told about the documents it holds. */
export interface RelayListener {
  /** An update another instance committed (stored before it was published) at `sentAt` (ms since the epoch, its clock). */
  remoteUpdate(documentId: string, update: Uint8Array, sentAt: number): void;
  /** Awareness states of another instance's connections (null states: they left). */
  remoteAwareness(documentId: string, from: string, batches: PresenceBatch[]): void;
  /** Another instance asks for the awareness states of this instance's connections. */
  awarenessQuery(documentId: string): void;
  /** Something may have been missed (a gap in an instance's sequence, a reconnection): read the stored state. */
  catchUp(documentId: string): void;
  /** An instance stopped being heard in the document: its presence goes, and what it stored last is read. */
  instanceGone(documentId: string, instance: string): void;
  /** Another instance froze the document's text (held in the database already): refuse its edits here at once. */
  hold(documentId: string): void;
}

interface Channel {
  /** This instance's last sequence number in the document (0: nothing published since it was joined). */
  seq: number;
  lastPublishedAt: number;
  /** Other instances heard in the document: their last sequence number and when they were last heard. */
  peers: Map<string, { seq: number; heardAt: number }>;
}

/**
 * Carries co-drafting between the instances of a deployment over Redis pub/sub, one channel per open document.
 *
 * Every update is committed to PostgreSQL before it is published, so Redis is only a fast path: pub/sub delivers at
 * most once, and whatever an instance misses it reads back from the database. Each message carries the sender's
 * sequence number in the document and the one before it, so a receiver sees a gap as soon as the next message comes;
 * every `heartbeatMs` each instance publishes its last sequence number in the documents it serves, so a lost last
 * message is found too, and an instance that falls silent (killed, partitioned) is noticed after a few heartbeats,
 * its presence removed and its last writes read. After Redis comes back, every open document is read again. Yjs
 * makes duplicates harmless and order irrelevant, so reading back is always safe.
 *
 * Without REDIS_URL there is one instance and the relay does nothing.
 */
@Injectable()
export class CollabRelay {
  private readonly logger = new Logger('CollabRelay');
  readonly instance = randomUUID();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private listener: RelayListener | null = null;
  private readonly channels = new Map<string, Channel>();
  private heartbeat: NodeJS.Timeout | null = null;
  private readyOnce = false;
  private serving: (documentId: string) => boolean = () => false;

  constructor(private readonly config: AppConfig) {}

  get active(): boolean {
    return this.publisher !== null;
  }

  /**
   * Connects to Redis (when configured) and starts the heartbeat. `serving` says whether this instance has people in
   * a document (its heartbeat is sent only then, and for a while after it last published).
   */
  start(listener: RelayListener, serving: (documentId: string) => boolean): void {
    if (!this.config.redisUrl || this.publisher) return;
    this.listener = listener;
    this.serving = serving;
    // Publishing never queues while Redis is away: the message is lost at once, and the gap it leaves is found.
    this.publisher = new Redis(this.config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(this.config.redisUrl);
    for (const client of [this.publisher, this.subscriber]) client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
    this.subscriber.on('ready', () => {
      // ioredis subscribes again by itself; what was published meanwhile is read from the database.
      if (this.readyOnce) for (const documentId of this.channels.keys()) this.listener?.catchUp(documentId);
      this.readyOnce = true;
    });
    const every = this.config.collab.relayHeartbeatMs;
    this.heartbeat = setInterval(() => this.beat(), every);
    this.heartbeat.unref();
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const clients = [this.subscriber, this.publisher];
    this.publisher = null;
    this.subscriber = null;
    this.channels.clear();
    await Promise.all(clients.map(closeRedis));
  }

  /**
   * Starts hearing the document's channel; resolves once subscribed (or after SUBSCRIBE_WAIT_MS while Redis is away),
   * so that the database is read after every message it may lack could be heard.
   */
  async join(documentId: string): Promise<void> {
    if (!this.subscriber || this.channels.has(documentId)) return;
    this.channels.set(documentId, { seq: 0, lastPublishedAt: 0, peers: new Map() });
    const subscribed = await subscribedWithin(this.subscriber, collabChannel(documentId), SUBSCRIBE_WAIT_MS);
    if (!subscribed) this.logger.warn(`not subscribed to ${documentId} yet: its updates from other instances come when Redis does`);
    else this.send(documentId, Kind.AwarenessQuery, () => undefined);
  }

  leave(documentId: string): void {
    const channel = this.channels.get(documentId);
    if (!channel || !this.subscriber) return;
    this.channels.delete(documentId);
    this.subscriber.unsubscribe(collabChannel(documentId)).catch(() => undefined);
  }

  /** Whether another instance was heard in any of these documents lately (its people get their updates through us). */
  servedElsewhere(documentIds: Iterable<string>): boolean {
    if (!this.publisher) return false;
    for (const documentId of documentIds) if ((this.channels.get(documentId)?.peers.size ?? 0) > 0) return true;
    return false;
  }

  /** Tells the other instances of an update this one has committed. */
  publishUpdate(documentId: string, update: Uint8Array): void {
    const channel = this.channels.get(documentId);
    if (!channel) return;
    const prev = channel.seq;
    channel.seq++;
    channel.lastPublishedAt = Date.now();
    const seq = channel.seq;
    this.send(documentId, Kind.Update, (encoder) => {
      encoding.writeVarUint(encoder, seq);
      encoding.writeVarUint(encoder, prev);
      encoding.writeFloat64(encoder, Date.now());
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  /** Tells the other instances of awareness states of this instance's connections. */
  publishAwareness(documentId: string, batches: PresenceBatch[]): void {
    if (batches.length === 0 || !this.channels.has(documentId)) return;
    this.send(documentId, Kind.Awareness, (encoder) => {
      encoding.writeVarUint(encoder, batches.length);
      for (const batch of batches) {
        encoding.writeVarString(encoder, batch.userId);
        encoding.writeVarUint8Array(encoder, batch.update);
      }
    });
  }

  /**
   * Tells the other instances that the document's text is frozen. Only a fast path: the hold is in the database
   * (DocumentStore.holdEdits), which refuses their later edits whatever Redis does; this spares their people typing
   * into a text that no longer takes edits.
   */
  hold(documentId: string): void {
    if (this.channels.has(documentId)) this.send(documentId, Kind.Hold, () => undefined);
  }

  private send(documentId: string, kind: Kind, write: (encoder: encoding.Encoder) => void): void {
    if (!this.publisher) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.instance);
    write(encoder);
    this.publisher.publish(collabChannel(documentId), Buffer.from(encoding.toUint8Array(encoder))).catch((error: Error) => {
      this.logger.warn(`could not publish to ${documentId}: ${error.message}`);
    });
  }

  private received(channelName: string, message: Buffer): void {
    if (!channelName.startsWith(CHANNEL_PREFIX)) return;
    const documentId = channelName.slice(CHANNEL_PREFIX.length);
    const channel = this.channels.get(documentId);
    if (!channel || !this.listener) return;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const kind = decoding.readVarUint(decoder) as Kind;
      const from = decoding.readVarString(decoder);
      if (from === this.instance) return;
      this.dispatch(documentId, channel, kind, from, decoder);
    } catch (error) {
      this.logger.warn(`a malformed relay message in ${documentId}: ${String(error)}`);
    }
  }

  private dispatch(documentId: string, channel: Channel, kind: Kind, from: string, decoder: decoding.Decoder): void {
    const listener = this.listener as RelayListener;
    switch (kind) {
      case Kind.Update: {
        const seq = decoding.readVarUint(decoder);
        const prev = decoding.readVarUint(decoder);
        const sentAt = decoding.readFloat64(decoder);
        const update = decoding.readVarUint8Array(decoder);
        const gap = this.heard(channel, from, prev, seq);
        listener.remoteUpdate(documentId, update, sentAt);
        if (gap) listener.catchUp(documentId);
        return;
      }
      case Kind.Heartbeat: {
        const seq = decoding.readVarUint(decoder);
        if (this.heard(channel, from, seq, seq)) listener.catchUp(documentId);
        return;
      }
      case Kind.Awareness: {
        this.heard(channel, from, null, null);
        const batches: PresenceBatch[] = [];
        const count = decoding.readVarUint(decoder);
        for (let i = 0; i < count; i++) batches.push({ userId: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) });
        listener.remoteAwareness(documentId, from, batches);
        return;
      }
      case Kind.AwarenessQuery:
        listener.awarenessQuery(documentId);
        return;
      case Kind.Hold:
        listener.hold(documentId);
        return;
    }
  }

  /**
   * Records that `from` was heard, at sequence `seq` after `prev` (null: a message outside the sequence). True when
   * something of it was missed: its previous message is not the last one heard here.
   */
  private heard(channel: Channel, from: string, prev: number | null, seq: number | null): boolean {
    const peer = channel.peers.get(from);
    const now = Date.now();
    if (!peer) {
      channel.peers.set(from, { seq: seq ?? 0, heardAt: now });
      return prev !== null && prev !== 0;
    }
    peer.heardAt = now;
    if (prev === null || seq === null) return false;
    const gap = prev !== peer.seq;
    peer.seq = seq;
    return gap;
  }

  /** Sends this instance's heartbeat in the documents it serves, and lets go of the instances that fell silent. */
  private beat(): void {
    const now = Date.now();
    const every = this.config.collab.relayHeartbeatMs;
    for (const [documentId, channel] of this.channels) {
      if (this.serving(documentId) || now - channel.lastPublishedAt < HEARTBEATS_TO_GONE * every) {
        const seq = channel.seq;
        this.send(documentId, Kind.Heartbeat, (encoder) => encoding.writeVarUint(encoder, seq));
      }
      for (const [instance, peer] of channel.peers) {
        if (now - peer.heardAt <= (HEARTBEATS_TO_GONE + 1) * every) continue;
        channel.peers.delete(instance);
        this.listener?.instanceGone(documentId, instance);
      }
    }
  }
}
