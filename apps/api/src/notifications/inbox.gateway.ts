import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { INBOX_EVENTS, INBOX_NAMESPACE, type InboxEvent } from '@commonplan/sync';
import { MembershipLookup } from '../access/membership-lookup';
import { SocketAuthentication } from '../access/socket-authentication';
import { InboxEvents } from '../platform/events';
import { TopicGateway, type WatchRefusal } from '../platform/live/topic-gateway';

/**
 * A person's open pages hear at once when their inbox in a workspace changes (the header's unread count). The news
 * comes through InboxEvents, so a notification recorded on another instance reaches the sockets held here.
 */
@Injectable()
@WebSocketGateway({ namespace: INBOX_NAMESPACE })
export class InboxGateway extends TopicGateway<InboxEvent> implements OnModuleDestroy {
  private readonly unsubscribe: () => void;

  constructor(
    authentication: SocketAuthentication,
    private readonly memberships: MembershipLookup,
    inbox: InboxEvents,
  ) {
    super(authentication, INBOX_EVENTS, 'inbox', true);
    this.unsubscribe = inbox.subscribe((news) => this.notifyPerson(news.workspaceId, news.userId, { type: 'changed' }));
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  protected async refusal(userId: string, workspaceId: string): Promise<WatchRefusal | null> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    return member ? null : { code: 'forbidden', message: 'only a member of the workspace follows its notifications' };
  }
}
