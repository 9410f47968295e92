import type { OnGatewayConnection, OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '../../access/request-context';
import type { SocketAuthentication } from '../../access/socket-authentication';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why someone may not follow a topic: the code a client gets in the `watch` acknowledgement. */
export interface WatchRefusal {
  code: 'not_found' | 'forbidden';
  message: string;
}

/** The messages of a topic namespace (libs/sync: ROUND_EVENTS, MEETING_EVENTS). */
export interface TopicEvents {
  watch: string;
  unwatch: string;
  event: string;
}

/**
 * A socket.io namespace of live news about things named by id (a consultation round, a meeting): the handshake is
 * authenticated like every namespace; a client emits `watch(id, ack)`, the subclass says whether this person may
 * follow it, and `notify(id, event)` reaches everyone following through the adapter's rooms (across instances with
 * REDIS_URL: collab-io-adapter.ts). Events carry no secrets: clients read what changed through the API, which checks access.
 */
export abstract class TopicGateway<E> implements OnGatewayInit, OnGatewayConnection {
  private namespace: Namespace | null = null;

  /**
   * @param personal each person follows their own news of a topic (their inbox in a workspace): `notifyPerson` reaches
   * only that person's sockets.
   */
  protected constructor(
    private readonly authentication: SocketAuthentication,
    private readonly events: TopicEvents,
    private readonly roomPrefix: string,
    private readonly personal = false,
  ) {}

  /** null when `userId` may follow `id`, otherwise why not. */
  protected abstract refusal(userId: string, id: string): Promise<WatchRefusal | null>;

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
    socket.on(this.events.watch, (id: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (value: unknown) => void) : () => undefined;
      if (typeof id !== 'string' || !UUID.test(id)) return reply({ ok: false, error: { code: 'bad_request', message: `${this.events.watch} takes an id` } });
      this.refusal(principal.userId, id).then(
        (refused) => {
          if (refused) return reply({ ok: false, error: refused });
          void socket.join(this.room(id, this.personal ? principal.userId : null));
          reply({ ok: true });
        },
        () => reply({ ok: false, error: { code: 'unavailable', message: 'try again' } }),
      );
    });
    socket.on(this.events.unwatch, (id: unknown) => {
      if (typeof id === 'string') void socket.leave(this.room(id, this.personal ? principal.userId : null));
    });
  }

  /** Tells everyone following `id`. */
  notify(id: string, event: E): void {
    this.namespace?.to(this.room(id, null)).emit(this.events.event, id, event);
  }

  /**
   * Tells one person following `id` (a personal topic), on this instance only: personal news reaches every instance
   * through its own relayed topic (InboxEvents), and each tells the sockets it holds.
   */
  notifyPerson(id: string, userId: string, event: E): void {
    this.namespace?.local.to(this.room(id, userId)).emit(this.events.event, id, event);
  }

  private room(id: string, userId: string | null): string {
    return userId ? `${this.roomPrefix}:${id}:${userId}` : `${this.roomPrefix}:${id}`;
  }
}
