import { Injectable } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { ROUND_EVENTS, ROUNDS_NAMESPACE, type RoundEvent } from '@commonplan/sync';
import type { Namespace, Socket } from 'socket.io';
import { MembershipLookup } from '../access/membership-lookup';
import type { Principal } from '../access/request-context';
import { SessionStore } from '../access/session-store';
import { socketAuthentication } from '../access/socket-authentication';
import { DataSource } from 'typeorm';

const room = (roundId: string) => `round:${roundId}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff watching a round (its page, the triage table) hear at once when a comment arrives, changes or is decided.
 * Only coordinators and experts of the round's workspace may watch; the events name what changed, never its content.
 */
@Injectable()
@WebSocketGateway({ namespace: ROUNDS_NAMESPACE })
export class RoundEventsGateway implements OnGatewayInit, OnGatewayConnection {
  private namespace: Namespace | null = null;

  constructor(
    private readonly sessions: SessionStore,
    private readonly memberships: MembershipLookup,
    private readonly dataSource: DataSource,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use(socketAuthentication(this.sessions));
  }

  handleConnection(socket: Socket): void {
    const principal = socket.data.principal as Principal | undefined;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    socket.on(ROUND_EVENTS.watch, (roundId: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (value: unknown) => void) : () => undefined;
      if (typeof roundId !== 'string' || !UUID.test(roundId)) return reply({ ok: false, error: { code: 'bad_request', message: 'watch takes a round id' } });
      this.mayWatch(principal.userId, roundId).then(
        (verdict) => {
          if (verdict !== 'ok') return reply({ ok: false, error: verdict });
          void socket.join(room(roundId));
          reply({ ok: true });
        },
        () => reply({ ok: false, error: { code: 'unavailable', message: 'try again' } }),
      );
    });
    socket.on(ROUND_EVENTS.unwatch, (roundId: unknown) => {
      if (typeof roundId === 'string') void socket.leave(room(roundId));
    });
  }

  /** Tells everyone watching the round (through the socket.io adapter, so across instances once Redis joins). */
  notify(roundId: string, event: RoundEvent): void {
    this.namespace?.to(room(roundId)).emit(ROUND_EVENTS.event, roundId, event);
  }

  private async mayWatch(userId: string, roundId: string): Promise<'ok' | { code: string; message: string }> {
    const [round] = await this.dataSource.query(`SELECT workspace_id FROM consultation_rounds WHERE id = $1`, [roundId]);
    if (!round) return { code: 'not_found', message: 'consultation round not found' };
    const member = await this.memberships.activeMember(round.workspace_id, userId);
    if (!member || (member.role !== 'coordinator' && member.role !== 'expert')) return { code: 'forbidden', message: 'only the workspace’s coordinators and experts follow a round’s comments' };
    return 'ok';
  }
}
