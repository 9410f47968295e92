import { Injectable } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { ROUND_EVENTS, ROUNDS_NAMESPACE, type RoundEvent } from '@commonplan/sync';
import { DataSource } from 'typeorm';
import { MembershipLookup } from '../access/membership-lookup';
import { SocketAuthentication } from '../access/socket-authentication';
import { TopicGateway, type WatchRefusal } from '../platform/live/topic-gateway';

/**
 * Staff watching a round (its page, the triage table) hear at once when a comment arrives, changes or is decided.
 * Only coordinators and experts of the round's workspace may watch; the events name what changed, never its content.
 */
@Injectable()
@WebSocketGateway({ namespace: ROUNDS_NAMESPACE })
export class RoundEventsGateway extends TopicGateway<RoundEvent> {
  constructor(
    authentication: SocketAuthentication,
    private readonly memberships: MembershipLookup,
    private readonly dataSource: DataSource,
  ) {
    super(authentication, ROUND_EVENTS, 'round');
  }

  protected async refusal(userId: string, roundId: string): Promise<WatchRefusal | null> {
    const [round] = await this.dataSource.query(`SELECT workspace_id FROM consultation_rounds WHERE id = $1`, [roundId]);
    if (!round) return { code: 'not_found', message: 'consultation round not found' };
    const member = await this.memberships.activeMember(round.workspace_id, userId);
    if (!member || (member.role !== 'coordinator' && member.role !== 'expert')) return { code: 'forbidden', message: 'only the workspace’s coordinators and experts follow a round’s comments' };
    return null;
  }
}
