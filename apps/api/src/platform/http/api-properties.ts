import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { ORGANISATION_KINDS, ROLES } from '@commonplan/domain';

// Shorthands for response DTOs, whose classes exist only to describe the answers in the OpenAPI document (and so in
// the web app's generated types): there is no compiler plugin here, so each property is declared explicitly.

/** A time, sent as an ISO 8601 string. */
export const DateTimeProperty = (options: { nullable?: boolean; description?: string } = {}) =>
  ApiProperty({ type: String, format: 'date-time', ...options });

/** A text or null. */
export const NullableStringProperty = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: String, nullable: true, ...options } as ApiPropertyOptions);

/** A UUID or null. */
export const NullableIdProperty = (options: { description?: string } = {}) =>
  ApiProperty({ type: String, format: 'uuid', nullable: true, ...options });

export const IdProperty = (options: { description?: string } = {}) => ApiProperty({ type: String, format: 'uuid', ...options });

export const RoleProperty = () => ApiProperty({ enum: ROLES, enumName: 'Role' });

export const OrganisationKindProperty = () => ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' });
