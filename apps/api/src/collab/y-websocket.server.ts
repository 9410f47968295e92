import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  encodePermissionDenied,
  type SyncError,
  WS_CLOSE_ACCESS_ENDED,
  WS_CLOSE_MALFORMED,
  WS_CLOSE_RESTARTING,
  WS_CLOSE_SESSION_ENDED,
} from '@commonplan/sync';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Principal } from '../access/request-context';
import { SocketAuthentication } from '../access/socket-authentication';
import { AppConfig } from '../platform/config/app-config';
import type { CollabConnection } from './collab-connection';
import { CollabEngine } from './collab-engine';

const PATH = /^\/collab\/([^/]+)\/?$/;
const PING_INTERVAL_MS = 30_000;

const STATUS: Record<string, [number, string]> = {
  unauthorized: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  expired: [403, 'Forbidden'],
  not_found: [404, 'Not Found'],
  bad_request: [404, 'Not Found'],
  unavailable: [503, 'Service Unavailable'],
  malformed_path: [400, 'Bad Request'],
};

/** A y-websocket connection: exactly one document. */
class WsConnection implements CollabConnection {
  readonly transport = 'y-websocket' as const;
  alive = true;

  constructor(
    readonly socket: WebSocket,
    readonly principal: Principal,
  ) {}

  get closed(): boolean {
    return this.socket.readyState !== this.socket.OPEN;
  }

  send(_documentId: string, message: Uint8Array): void {
    this.socket.send(message);
  }

  /** The y-websocket protocol has no such message: stock Yjs clients see only the text. */
  notice(): void {}

  removed(_documentId: string, error: SyncError): void {
    this.socket.close(error.code === 'unavailable' ? 1011 : WS_CLOSE_ACCESS_ENDED, closeReason(error.message));
  }
}

/**
 * The plain y-websocket protocol at ws://HOST:PORT/collab/<documentId>?token=<bearer token>, so that any stock
 * WebsocketProvider (y-websocket 1.x or 3.x) syncs the same documents as the socket.io clients, under the same
 * authentication, permissions, persistence and limits.
 */
@Injectable()
export class YWebsocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('YWebsocket');
  private wss: WebSocketServer | null = null;
  private httpServer: Server | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private readonly connections = new Set<WsConnection>();
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly engine: CollabEngine,
    private readonly authentication: SocketAuthentication,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.config.collab.maxMessageBytes, perMessageDeflate: false });
    this.httpServer.on('upgrade', this.onUpgrade);
    this.pingTimer = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  /**
   * At shutdown, before the HTTP server closes: no new connections, and every open one is closed with 1012 (service
   * restart), which y-websocket clients answer by connecting again, through the balancer to another instance. Those
   * that do not finish the closing handshake within a second are cut.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.httpServer?.off('upgrade', this.onUpgrade);
    const clients = [...(this.wss?.clients ?? [])];
    const closed = clients.map((client) => new Promise((resolve) => (client.readyState === client.CLOSED ? resolve(null) : client.once('close', resolve))));
    for (const client of clients) client.close(WS_CLOSE_RESTARTING, 'the server is restarting: connect again');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
    for (const client of this.wss?.clients ?? []) client.terminate();
  }

  onApplicationShutdown(): void {
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return; // not ours to answer
    }
    const match = PATH.exec(url.pathname);
    if (!match) return; // socket.io's, or nobody's
    socket.on('error', () => socket.destroy());
    let documentId: string;
    try {
      documentId = decodeURIComponent(match[1]);
    } catch {
      return reject(socket, 'malformed_path');
    }
    try {
      const token = url.searchParams.get('token');
      const principal = token ? await this.authentication.authenticate(token) : null;
      if (!principal) return reject(socket, 'unauthorized');
      const check = await this.engine.authorize(principal.userId, documentId);
      if (!check.ok) return reject(socket, check.error.code);
      const live = await this.engine.open(documentId);
      if (!live) return reject(socket, 'unavailable');
      if (socket.destroyed) {
        this.engine.release(live);
        return;
      }
      this.wss?.handleUpgrade(req, socket, head, (ws) => {
        const connection = new WsConnection(ws, principal);
        ws.once('close', this.authentication.register(principal, () => ws.close(WS_CLOSE_SESSION_ENDED, 'your session has ended')));
        try {
          this.engine.attach(connection, live, check);
        } finally {
          this.engine.release(live);
        }
        this.serve(connection, documentId);
      });
    } catch (error) {
      this.logger.error(`upgrade failed: ${String(error)}`);
      reject(socket, 'unavailable');
    }
  }

  private serve(connection: WsConnection, documentId: string): void {
    const ws = connection.socket;
    this.connections.add(connection);
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        ws.close(WS_CLOSE_MALFORMED, 'binary messages only');
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      const result = this.engine.receive(connection, documentId, bytes);
      if (result instanceof Promise) {
        result.then((ack) => this.answer(connection, ack), () => undefined);
      } else {
        this.answer(connection, result);
      }
    });
    ws.on('close', () => {
      this.connections.delete(connection);
      this.engine.leave(connection, documentId);
    });
    ws.on('error', () => ws.terminate());
  }

  /** y-websocket has no acknowledgements: only refusals are answered. */
  private answer(connection: WsConnection, ack: { ok: boolean; error?: SyncError } | null): void {
    if (!ack || ack.ok || !ack.error || connection.closed) return;
    switch (ack.error.code) {
      case 'forbidden':
        connection.socket.send(encodePermissionDenied(ack.error.message));
        return;
      case 'malformed':
      case 'invalid':
        connection.socket.close(WS_CLOSE_MALFORMED, closeReason(ack.error.message));
        return;
      case 'too_large':
        connection.socket.close(1009, 'message too big');
        return;
      case 'unavailable':
        connection.socket.close(1011, 'try again');
        return;
      default:
        // expired and unauthorized: the engine has removed the connection and closed it.
        return;
    }
  }

  private ping(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
}

function reject(socket: Duplex, code: string): void {
  const [status, text] = STATUS[code] ?? [400, 'Bad Request'];
  if (!socket.destroyed) {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
  }
}

/** A close frame's reason: at most 123 bytes of UTF-8. */
function closeReason(message: string): string {
  let reason = message.slice(0, 123);
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}
