import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type * as Y from 'yjs';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DocSession, type DocSessionOptions } from './doc-session';
import { Emitter } from './emitter';
import { COLLAB_EVENTS, COLLAB_NAMESPACE, COLLAB_SOCKET_PATH, DEFAULT_MAX_MESSAGE_BYTES, syncError } from './protocol';
import type { SyncError } from './protocol';
import { defaultTimers, type Timers } from './timers';
import type { SessionTransport } from './transport';

export type CollabStatus = 'connecting' | 'connected' | 'disconnected';

export interface CollabClientOptions {
  /** Origin of the API, e.g. `https://commonplan.example` or `http://localhost:3000`; `''` for the page's origin. */
  url: string;
  /**
   * Bearer token from `POST /api/auth/login`, or a function giving the current one (called on every handshake).
   * Without one (the web app, whose session is an httpOnly cookie) the server takes the session cookie of a
   * same-origin handshake.
   */
  token?: string | (() => string | Promise<string>);
  /** Reconnect delays (default 250 ms to 10 s, doubling, full jitter); also paces retries of refused messages. */
  backoff?: BackoffOptions;
  /** The server's COLLAB_MAX_MESSAGE_BYTES (default 2 MiB): offline updates are merged into batches under it. */
  maxMessageBytes?: number;
  /**
   * Extra socket.io-client options (e.g. `extraHeaders`, `transportOptions`). The namespace, path, transports, auth and
   * the reconnection settings are this client's and cannot be overridden.
   */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** @internal Timer functions (tests). */
  timers?: Timers;
}

export type CollabClientEvents = {
  /** `status` changed. */
  status: [status: CollabStatus];
  /** A connection-level error; `unauthorized` (bad or expired token) stops reconnecting until `connect()`. */
  error: [error: SyncError];
};

/**
 * The co-drafting client: one socket.io connection to `/collab` carrying many documents (docs/sync-protocol.md).
 *
 * ```ts
 * const client = new CollabClient({ url: '', token });
 * client.connect();
 * const session = client.open(documentId, ydoc, { awareness });
 * await session.whenSynced();
 * session.on('saved', (saved) => showSavedBadge(saved));
 * // ...
 * session.close();
 * client.destroy();
 * ```
 *
 * It reconnects by itself after a dropped connection, with exponential backoff and jitter (socket.io's own
 * reconnection is off), re-joins every open document and resends what the server has not acknowledged. A handshake
 * refused as `unauthorized` stops reconnecting and emits `error` with code `unauthorized`; call `setToken` /
 * `connect()` after logging in again.
 */
export class CollabClient extends Emitter<CollabClientEvents> {
  private readonly options: CollabClientOptions;
  private readonly timers: Timers;
  private readonly backoff: Backoff;
  private readonly sessions = new Map<string, DocSession>();
  private readonly transport: SessionTransport;
  private socket: Socket | null = null;
  private currentStatus: CollabStatus = 'disconnected';
  private token: CollabClientOptions['token'];
  private reconnectTimer: unknown = null;
  /** True when no connection is wanted: before `connect()`, after `disconnect()`, `destroy()` or `unauthorized`. */
  private stopped = true;
  private destroyed = false;
  private connectedAt = 0;

  constructor(options: CollabClientOptions) {
    super();
    this.options = options;
    this.token = options.token;
    this.timers = options.timers ?? defaultTimers;
    this.backoff = new Backoff(options.backoff);
    this.transport = this.createTransport();
  }

  get status(): CollabStatus {
    return this.currentStatus;
  }

  /** The open session of a document, if any. */
  session(docId: string): DocSession | undefined {
    return this.sessions.get(docId);
  }

  /** Replaces the token used by the next handshakes (the current connection keeps its own). */
  setToken(token: CollabClientOptions['token']): void {
    this.token = token;
  }

  /** Connects (and keeps reconnecting until `disconnect()`, `destroy()` or an `unauthorized` refusal). */
  connect(): void {
    if (this.destroyed) throw new Error('CollabClient: destroyed');
    this.stopped = false;
    if (this.currentStatus !== 'disconnected') return;
    this.clearReconnectTimer();
    this.attempt();
  }

  /** Drops the connection and stops reconnecting; open sessions stay open and resume on `connect()`. */
  disconnect(): void {
    this.stopped = true;
    this.clearReconnectTimer();
    this.socket?.disconnect();
    this.setStatus('disconnected');
  }

  /**
   * Opens a document on this connection: joins it now if connected, else on connect. One session per document id;
   * local edits of `doc` are queued until the server has the document.
   */
  open(docId: string, doc: Y.Doc, options: DocSessionOptions = {}): DocSession {
    if (this.destroyed) throw new Error('CollabClient: destroyed');
    if (this.sessions.has(docId)) throw new Error(`CollabClient: document ${docId} is already open`);
    const session = new DocSession(docId, doc, this.transport, options, {
      backoff: this.options.backoff,
      maxMessageBytes: this.options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      timers: this.timers,
    });
    this.sessions.set(docId, session);
    if (this.transport.isConnected()) session.handleConnect();
    return session;
  }

  /** Closes every session and the connection, for good. */
  destroy(): void {
    if (this.destroyed) return;
    for (const session of [...this.sessions.values()]) session.close();
    this.disconnect();
    this.destroyed = true;
    this.socket?.removeAllListeners();
    this.socket = null;
    this.removeAllListeners();
  }

  private attempt(): void {
    if (this.stopped) return;
    this.socket ??= this.createSocket();
    this.setStatus('connecting');
    this.socket.connect();
  }

  private createSocket(): Socket {
    const url = this.options.url.replace(/\/+$/, '') + COLLAB_NAMESPACE;
    const socket = io(url, {
      ...this.options.socketOptions,
      path: COLLAB_SOCKET_PATH,
      transports: ['websocket'],
      auth: (callback: (data: object) => void) => this.provideToken(callback),
      reconnection: false,
      autoConnect: false,
      forceNew: true,
    });
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    socket.on(COLLAB_EVENTS.msg, (docId: unknown, message: unknown) => {
      if (typeof docId === 'string') this.sessions.get(docId)?.handleMessage(message);
    });
    socket.on(COLLAB_EVENTS.docError, (docId: unknown, error: unknown) => {
      if (typeof docId === 'string') this.sessions.get(docId)?.handleDocError(error);
    });
    socket.on(COLLAB_EVENTS.docEvent, (docId: unknown, event: unknown) => {
      if (typeof docId === 'string') this.sessions.get(docId)?.handleDocEvent(event);
    });
    return socket;
  }

  private provideToken(callback: (data: object) => void): void {
    const token = this.token;
    if (token === undefined || token === '') {
      callback({});
      return;
    }
    if (typeof token === 'string') {
      callback({ token });
      return;
    }
    // A token source that fails or gives nothing sends no token: the server then takes a same-origin session cookie,
    // and refuses the handshake as unauthorized where there is none.
    Promise.resolve()
      .then(token)
      .then(
        (value) => callback(value ? { token: value } : {}),
        () => callback({}),
      );
  }

  private readonly onConnect = (): void => {
    this.connectedAt = Date.now();
    this.setStatus('connected');
    for (const session of [...this.sessions.values()]) {
      if (this.currentStatus !== 'connected') return; // a listener or a session dropped the connection
      session.handleConnect();
    }
  };

  private readonly onDisconnect = (reason: string): void => {
    // Packets emitted while disconnected would be sent on reconnect by socket.io, before the re-join: never keep any.
    if (this.socket) this.socket.sendBuffer.length = 0;
    // A connection that held for a while proves the server healthy: start the delays from the beginning again.
    if (Date.now() - this.connectedAt >= (this.options.backoff?.maxMs ?? DEFAULT_BACKOFF.maxMs)) this.backoff.reset();
    for (const session of [...this.sessions.values()]) session.handleDisconnect();
    if (reason === 'io client disconnect') return; // our own disconnect() or destroy()
    this.scheduleReconnect();
  };

  private readonly onConnectError = (error: Error & { data?: unknown }): void => {
    if (isUnauthorized(error)) {
      this.stopped = true;
      this.clearReconnectTimer();
      this.setStatus('disconnected');
      this.emit('error', syncError('unauthorized', error.message));
      return;
    }
    this.scheduleReconnect();
  };

  private scheduleReconnect(): void {
    this.setStatus('disconnected');
    if (this.stopped || this.reconnectTimer !== null) return;
    this.reconnectTimer = this.timers.set(() => {
      this.reconnectTimer = null;
      this.attempt();
    }, this.backoff.next());
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer === null) return;
    this.timers.clear(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private setStatus(status: CollabStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private createTransport(): SessionTransport {
    const socket = (): Socket => {
      if (!this.socket) throw new Error('CollabClient: not connected');
      return this.socket;
    };
    return {
      isConnected: () => this.currentStatus === 'connected' && this.socket?.connected === true,
      join: (docId, ack) => socket().emit(COLLAB_EVENTS.join, docId, ack),
      send: (docId, message, ack) => {
        if (ack) socket().emit(COLLAB_EVENTS.msg, docId, message, ack);
        else socket().emit(COLLAB_EVENTS.msg, docId, message);
      },
      leave: (docId) => socket().emit(COLLAB_EVENTS.leave, docId),
      release: (session) => {
        if (this.sessions.get(session.docId) === session) this.sessions.delete(session.docId);
      },
    };
  }
}

function isUnauthorized(error: Error & { data?: unknown }): boolean {
  const data = error.data;
  const code = typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : undefined;
  return error.message === 'unauthorized' || code === 'unauthorized';
}
