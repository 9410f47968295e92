import { ApiProperty } from '@nestjs/swagger';
import {
  DOCUMENT_ACCESS_LEVELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentAccess,
  type DocumentKind,
  type DocumentStatus,
  type OrganisationKind,
  ROLES,
  type Role,
} from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableIdProperty, OrganisationKindProperty } from '../../platform/http/api-properties';

export const DocumentKindProperty = () => ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' });
export const DocumentStatusProperty = () => ApiProperty({ enum: DOCUMENT_STATUSES, enumName: 'DocumentStatus' });
export const DocumentAccessProperty = (options: { description?: string } = {}) =>
  ApiProperty({ enum: DOCUMENT_ACCESS_LEVELS, enumName: 'DocumentAccess', ...options });

/** A person named in an answer: who wrote, gave, froze or mentioned (the name is empty when the account is gone). */
export class PersonNameDto {
  @IdProperty() id!: string;
  @ApiProperty() displayName!: string;
}

/** A document with the caller's access to it (DocumentsService's DocumentView). */
export class DocumentDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty() title!: string;
  @DocumentKindProperty() kind!: DocumentKind;
  @DocumentStatusProperty() status!: DocumentStatus;
  @NullableIdProperty({ description: 'who created it (null when the account is gone)' }) createdBy!: string | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() updatedAt!: string;
  @DocumentAccessProperty({ description: "the caller's access" }) access!: DocumentAccess;
  @DateTimeProperty({ nullable: true, description: "when the caller's access changes or ends because a grant ends; null: it stays" })
  accessUntil!: string | null;
}

/** What every grant says: the level, its end, and who gave it when. */
abstract class GrantFactsDto {
  @DocumentAccessProperty() access!: DocumentAccess;
  @DateTimeProperty({ nullable: true, description: 'when the grant ends; null: no end' }) expiresAt!: string | null;
  @ApiProperty({ description: 'the end has passed: the grant gives nothing any more' }) expired!: boolean;
  @ApiProperty({ type: PersonNameDto, nullable: true }) grantedBy!: PersonNameDto | null;
  @DateTimeProperty() grantedAt!: string;
}

/** A person's own grant on a document. */
export class PersonGrantDto extends GrantFactsDto {
  @IdProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', nullable: true, description: 'null: no longer a member' })
  role!: Role | null;
  @ApiProperty({ description: 'false: the membership is deactivated and the grant gives nothing while it is' }) active!: boolean;
}

/** A grant to every active member of an organisation of the workspace. */
export class OrganisationGrantDto extends GrantFactsDto {
  @IdProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @OrganisationKindProperty() kind!: OrganisationKind;
  @ApiProperty({ type: 'integer', description: 'active members of the workspace who represent the organisation' }) members!: number;
}

/** Who was given access to a document besides what roles give. */
export class SharingDto {
  @ApiProperty({ type: [PersonGrantDto] }) people!: PersonGrantDto[];
  @ApiProperty({ type: [OrganisationGrantDto] }) organisations!: OrganisationGrantDto[];
}
