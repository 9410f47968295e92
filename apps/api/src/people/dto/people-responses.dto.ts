import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OrganisationKind, Role } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty, OrganisationKindProperty, RoleProperty } from '../../platform/http/api-properties';

export class PersonOrganisationDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
  @OrganisationKindProperty() kind!: OrganisationKind;
}

/** A person in a workspace: role, organisation, and the e-mail address only for those who may read contacts. */
export class PersonDto {
  @IdProperty() membershipId!: string;
  @IdProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ description: 'only for coordinators' }) email?: string;
  @RoleProperty() role!: Role;
  @ApiProperty({ type: PersonOrganisationDto, nullable: true }) organisation!: PersonOrganisationDto | null;
  @ApiProperty() active!: boolean;
  @DateTimeProperty({ description: 'when the membership began' }) since!: string;
}

/** A membership after a change of role or of its being active. */
export class MembershipDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @IdProperty() userId!: string;
  @RoleProperty() role!: Role;
  @NullableIdProperty() organisationId!: string | null;
  @ApiProperty() active!: boolean;
  @DateTimeProperty({ nullable: true }) deactivatedAt!: string | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() updatedAt!: string;
}

/** An invitation that is neither accepted nor withdrawn. */
export class InvitationDto {
  @IdProperty() id!: string;
  @ApiProperty() email!: string;
  @NullableStringProperty() displayName!: string | null;
  @RoleProperty() role!: Role;
  @NullableIdProperty() organisationId!: string | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() expiresAt!: string;
  @ApiProperty() expired!: boolean;
}

export class NamedRefDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

/** What the invitation page shows before the person accepts. */
export class InvitationPreviewDto {
  @ApiProperty({ type: NamedRefDto }) workspace!: NamedRefDto;
  @ApiProperty() email!: string;
  @NullableStringProperty() displayName!: string | null;
  @RoleProperty() role!: Role;
  @ApiProperty({ type: NamedRefDto, nullable: true }) organisation!: NamedRefDto | null;
  @ApiProperty({ description: 'the address already has an account: accept signed in as it' }) accountExists!: boolean;
  @DateTimeProperty() expiresAt!: string;
}

/** An existing account accepted an invitation: the membership, no new session. */
export class JoinedWorkspaceDto {
  @IdProperty() workspaceId!: string;
  @RoleProperty() role!: Role;
}
