import { Injectable } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { MEETING_EVENTS, MEETINGS_NAMESPACE, type MeetingEvent } from '@commonplan/sync';
import { DataSource } from 'typeorm';
import { MembershipLookup } from '../access/membership-lookup';
import { SocketAuthentication } from '../access/socket-authentication';
import { TopicGateway, type WatchRefusal } from '../platform/live/topic-gateway';

/** Everyone in the workspace following a meeting hears when someone checks in, a vote opens, a ballot is cast or a vote closes. */
@Injectable()
@WebSocketGateway({ namespace: MEETINGS_NAMESPACE })
export class MeetingEventsGateway extends TopicGateway<MeetingEvent> {
  constructor(
    authentication: SocketAuthentication,
    private readonly memberships: MembershipLookup,
    private readonly dataSource: DataSource,
  ) {
    super(authentication, MEETING_EVENTS, 'meeting');
  }

  protected async refusal(userId: string, meetingId: string): Promise<WatchRefusal | null> {
    const [meeting] = await this.dataSource.query(`SELECT workspace_id FROM decision_meetings WHERE id = $1`, [meetingId]);
    if (!meeting) return { code: 'not_found', message: 'meeting not found' };
    if (!(await this.memberships.activeMember(meeting.workspace_id, userId))) return { code: 'forbidden', message: 'you are not a member of the workspace of this meeting' };
    return null;
  }
}
