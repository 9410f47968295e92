import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { type DeliveryStatus, DeliveriesService } from './deliveries.service';
import { InboxService } from './inbox.service';
import { MailDeliveriesDto, NotificationPreferencesDto, NotificationsDto } from './inbox-responses.dto';
import { PreferencesService } from './preferences.service';
import { InboxQueryDto, UpdatePreferencesDto } from './preferences.dto';

const STATUSES = ['pending', 'sent', 'failed', 'bounced'] as const;

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'only e-mails in this state (pending includes those being sent)' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
    private readonly deliveries: DeliveriesService,
  ) {}

  /** The caller's notifications in the workspace, newest first, with the unread count and the counts by kind. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/notifications')
  @ApiOkResponse({ type: NotificationsDto })
  list(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Query() query: InboxQueryDto) {
    return this.inbox.list(principal.userId, member.workspaceId, query.kind ?? null);
  }

  /** Marks all of the caller's notifications in the workspace read (`?kind=`: of one kind). */
  @WorkspaceCapability('workspace.read')
  @Post('workspaces/:workspaceId/notifications/read-all')
  @HttpCode(204)
  async readAll(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Query() query: InboxQueryDto) {
    await this.inbox.markAllRead(principal.userId, member.workspaceId, query.kind ?? null);
  }

  @SignedIn()
  @Post('notifications/:notificationId/read')
  @HttpCode(204)
  async read(@UuidParam('notificationId') notificationId: string, @CurrentPrincipal() principal: Principal) {
    await this.inbox.markRead(principal.userId, notificationId);
  }

  /** How the caller is notified: the language of e-mails and, per category, at once, daily, weekly or off. */
  @SignedIn()
  @Get('me/notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  getPreferences(@CurrentPrincipal() principal: Principal) {
    return this.preferences.get(principal.userId);
  }

  @SignedIn()
  @Put('me/notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  setPreferences(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePreferencesDto) {
    return this.preferences.update(principal.userId, body);
  }

  /** The workspace's e-mails (coordinators): counts by state and the newest 200, with why a failed one failed. */
  @WorkspaceCapability('people.manage')
  @Get('workspaces/:workspaceId/mail-deliveries')
  @ApiOkResponse({ type: MailDeliveriesDto })
  listDeliveries(@CurrentMember() member: WorkspaceMember, @Query() query: DeliveriesQueryDto) {
    return this.deliveries.list(member.workspaceId, query.status ?? null);
  }

  /** Sends a failed or bounced e-mail again (409 for any other). */
  @WorkspaceCapability('people.manage')
  @Post('workspaces/:workspaceId/mail-deliveries/:deliveryId/retry')
  @HttpCode(204)
  async retry(@CurrentMember() member: WorkspaceMember, @Param('deliveryId') deliveryId: string) {
    await this.deliveries.retry(member.workspaceId, deliveryId);
  }
}
