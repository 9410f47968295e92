import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_MODES, NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS, type DeliveryMode, type NotificationCategory, type NotificationKind } from '@commonplan/domain';
import { PersonNameDto } from '../documents/dto/document-responses.dto';
import { DateTimeProperty, IdProperty, NullableIdProperty } from '../platform/http/api-properties';

const KINDS = Object.keys(NOTIFICATION_KINDS);

export class NotificationDocumentDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
}

/** One notification in a person's inbox. */
export class NotificationDto {
  @IdProperty() id!: string;
  @ApiProperty({ enum: KINDS, enumName: 'NotificationKind' }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES, enumName: 'NotificationCategory' }) category!: NotificationCategory;
  @ApiProperty({ type: PersonNameDto, nullable: true, description: 'who caused it' }) actor!: PersonNameDto | null;
  @ApiProperty({ type: NotificationDocumentDto, nullable: true }) document!: NotificationDocumentDto | null;
  @NullableIdProperty() threadId!: string | null;
  @ApiProperty({ description: 'the page it is about, a path of the web app' }) link!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    description: 'what happened, as the message says it (libs/domain NotificationParams of its kind)',
  })
  params!: Record<string, string | number | boolean | null>;
  @ApiProperty({ description: 'the first words of the comment or passage it is about' }) excerpt!: string;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty() read!: boolean;
}

export class NotificationKindCountDto {
  @ApiProperty({ enum: KINDS, enumName: 'NotificationKind' }) kind!: NotificationKind;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) unread!: number;
}

/** The caller's newest notifications in a workspace (at most 100), how many are unread, and the counts by kind. */
export class NotificationsDto {
  @ApiProperty({ type: 'integer' }) unread!: number;
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: [NotificationKindCountDto] }) kinds!: NotificationKindCountDto[];
}

export class CategoryPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES, enumName: 'NotificationCategory' }) category!: NotificationCategory;
  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode', nullable: true, description: 'the person’s choice; null: the default' })
  chosen!: DeliveryMode | null;
  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode', description: 'the default of the person’s roles' }) default!: DeliveryMode;
  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode', description: 'what applies' }) mode!: DeliveryMode;
}

/** How the caller is notified: the language of e-mails and, per category, at once, in a digest or not by e-mail. */
export class NotificationPreferencesDto {
  @ApiProperty({ enum: ['pl', 'en'] }) language!: 'pl' | 'en';
  @ApiProperty({ type: [CategoryPreferenceDto] }) categories!: CategoryPreferenceDto[];
  @ApiProperty({ type: 'integer', description: 'the Warsaw hour of the digests (weekly ones on Mondays)' }) digestHour!: number;
}

/** What an unsubscribe link is about (shown before and after the one click). */
export class UnsubscribeSubjectDto {
  @ApiProperty({ enum: [...NOTIFICATION_CATEGORIES, 'reports'], isArray: true }) categories!: Array<NotificationCategory | 'reports'>;
  @ApiProperty({ description: 'whether the link is for an account (its settings can be changed after signing in)' }) account!: boolean;
  @ApiProperty({ description: 'whether these e-mails are already stopped' }) unsubscribed!: boolean;
}

/** One queued e-mail, as coordinators see the delivery of their workspace's messages. */
export class MailDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() address!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed', 'bounced'] }) status!: 'pending' | 'sending' | 'sent' | 'failed' | 'bounced';
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty({ nullable: true }) sentAt!: string | null;
  @DateTimeProperty({ nullable: true, description: 'when it is tried again (pending after a failure)' }) nextAttemptAt!: string | null;
}

export class MailDeliveryCountsDto {
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) sent!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: 'integer' }) bounced!: number;
}

/** The workspace's e-mails: counts by status and the newest ones (failures and bounces first when asked). */
export class MailDeliveriesDto {
  @ApiProperty({ type: MailDeliveryCountsDto }) counts!: MailDeliveryCountsDto;
  @ApiProperty({ type: [MailDeliveryDto] }) items!: MailDeliveryDto[];
}
