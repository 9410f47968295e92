import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { COLLAB_EVENTS, COLLAB_NAMESPACE, type DocEvent, type MessageAck, type SyncError } from '@commonplan/sync';
import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '../access/request-context';
import { SocketAuthentication } from '../access/socket-authentication';
import type { CollabConnection } from './collab-connection';
import { CollabEngine } from './collab-engine';

/** A socket.io connection, carrying any number of documents, each in the room named by its id. */
class SocketIoConnection implements CollabConnection {
  readonly transport = 'socket.io' as const;
  readonly documents = new Set<string>();

  constructor(
    private readonly socket: Socket,
    readonly principal: Principal,
  ) {}

  get closed(): boolean {
    return this.socket.disconnected;
  }

  send(documentId: string, message: Uint8Array): void {
    this.socket.emit(COLLAB_EVENTS.msg, documentId, message);
  }

  notice(documentId: string, event: DocEvent): void {
    this.socket.emit(COLLAB_EVENTS.docEvent, documentId, event);
  }

  removed(documentId: string, error: SyncError): void {
    this.documents.delete(documentId);
    this.socket.emit(COLLAB_EVENTS.docError, documentId, error);
    if (error.code === 'unauthorized') this.socket.disconnect(true);
  }
}

const bytesOf = (value: unknown): Uint8Array | null => {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
};

/**
 * The socket.io transport of the co-drafting engine (namespace /collab). Authenticates in the handshake; everything
 * else is the engine's. Listeners are bound directly to the socket rather than through @SubscribeMessage, which would
 * run an RxJS pipeline for every keystroke.
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('CollabGateway');
  private readonly connections = new WeakMap<Socket, SocketIoConnection>();
  private namespace: Namespace | null = null;

  constructor(
    private readonly engine: CollabEngine,
    private readonly authentication: SocketAuthentication,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use(this.authentication.middleware());
  }

  handleConnection(socket: Socket): void {
    const principal = socket.data.principal as Principal | undefined;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    const connection = new SocketIoConnection(socket, principal);
    this.connections.set(socket, connection);

    socket.on(COLLAB_EVENTS.join, (documentId: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (value: unknown) => void) : () => undefined;
      if (typeof documentId !== 'string') return reply({ ok: false, error: { code: 'bad_request', message: 'documentId must be a string' } });
      this.engine.join(connection, documentId).then(
        (result) => {
          if (result.ok) connection.documents.add(documentId);
          reply(result);
        },
        (error) => {
          this.logger.error(`join failed: ${String(error)}`);
          reply({ ok: false, error: { code: 'unavailable', message: 'joining failed; try again' } });
        },
      );
    });

    socket.on(COLLAB_EVENTS.msg, (documentId: unknown, payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (value: MessageAck) => void) : null;
      const bytes = bytesOf(payload);
      if (typeof documentId !== 'string' || !bytes) {
        reply?.({ ok: false, error: { code: 'bad_request', message: 'msg takes a document id and a binary message' } });
        return;
      }
      const result = this.engine.receive(connection, documentId, bytes);
      if (result === null || !reply) {
        if (result instanceof Promise) result.catch(() => undefined);
        return;
      }
      if (result instanceof Promise) {
        result.then(
          (ack) => {
            if (ack) reply(ack);
          },
          () => reply({ ok: false, error: { code: 'unavailable', message: 'the message could not be handled' } }),
        );
      } else {
        reply(result);
      }
    });

    socket.on(COLLAB_EVENTS.leave, (documentId: unknown) => {
      if (typeof documentId !== 'string') return;
      connection.documents.delete(documentId);
      this.engine.leave(connection, documentId);
    });
  }

  handleDisconnect(socket: Socket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    for (const documentId of connection.documents) this.engine.leave(connection, documentId);
    connection.documents.clear();
  }

  onModuleDestroy(): void {
    this.namespace?.disconnectSockets(true);
  }
}
