import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_KINDS,
  type NotificationCategory,
  type NotificationKind,
  isDeliveryMode,
  isNotificationCategory,
} from '@commonplan/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';

/** An object whose keys are categories and whose values are delivery modes or null. */
function IsCategoryModes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCategoryModes',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(([key, mode]) => isNotificationCategory(key) && (mode === null || isDeliveryMode(mode))),
        defaultMessage: () => `modes maps categories (${NOTIFICATION_CATEGORIES.join(', ')}) to ${DELIVERY_MODES.join(', ')} or null`,
      },
    },
    options,
  );
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: ['pl', 'en'], description: 'the language of e-mails' })
  @IsOptional()
  @IsIn(['pl', 'en'], { message: 'language must be pl or en' })
  language?: 'pl' | 'en';

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...DELIVERY_MODES], nullable: true },
    description: 'per category: instant, daily, weekly, off, or null for the default',
    example: { votes: 'instant', documents: 'weekly' },
  })
  // Validated as sent: class-transformer would silently drop keys such as "toString" or "__proto__".
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj.modes, { toClassOnly: true })
  @IsOptional()
  @IsObject({ message: 'modes must be an object' })
  @IsCategoryModes()
  modes?: Partial<Record<NotificationCategory, DeliveryMode | null>>;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: Object.keys(NOTIFICATION_KINDS), enumName: 'NotificationKind', description: 'only notifications of this kind' })
  @IsOptional()
  @IsIn(Object.keys(NOTIFICATION_KINDS), { message: 'kind is not a kind of notification' })
  kind?: NotificationKind;
}
