import { Global, Module } from '@nestjs/common';
import { CalendarFeedController, PublicCalendarController } from './calendar/calendar-feed.controller';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { Digests } from './digests';
import { DeliveriesService } from './deliveries.service';
import { InboxController } from './inbox.controller';
import { InboxGateway } from './inbox.gateway';
import { InboxService } from './inbox.service';
import { MailOutbox } from './mail-outbox';
import { Notifier } from './notifier';
import { PreferencesService } from './preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * Notifications that reach people: the Notifier (used by every feature inside its own transactions), the durable mail
 * outbox and its worker, digests, preferences, one-click unsubscribe, the inbox and its live count.
 */
@Global()
@Module({
  controllers: [InboxController, UnsubscribeController, CalendarFeedController, PublicCalendarController],
  providers: [Notifier, MailOutbox, Digests, InboxService, InboxGateway, PreferencesService, UnsubscribeService, UnsubscribeTokens, DeliveriesService, CalendarFeedService],
  exports: [Notifier, MailOutbox, Digests],
})
export class NotificationsModule {}
