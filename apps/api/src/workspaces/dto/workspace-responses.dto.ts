import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty, RoleProperty } from '../../platform/http/api-properties';

/** A workspace the person is an active member of, with the role held there. */
export class WorkspaceOfUserDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
  @ApiProperty() slug!: string;
  @RoleProperty() role!: Role;
  @NullableIdProperty() organisationId!: string | null;
  @NullableStringProperty({ description: 'the organisation the person represents or belongs to' }) organisationName!: string | null;
}

export class WorkspaceMembershipDto {
  @IdProperty() membershipId!: string;
  @RoleProperty() role!: Role;
  @NullableIdProperty() organisationId!: string | null;
}

export class WorkspaceSummaryDto {
  @ApiProperty() members!: number;
  @ApiProperty() partners!: number;
  @ApiProperty() people!: number;
  @ApiProperty() documents!: number;
}

/** GET /api/workspaces/:id: the workspace, the caller's membership in it, and counts. */
export class WorkspaceDetailsDto {
  @IdProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty({ type: WorkspaceMembershipDto }) you!: WorkspaceMembershipDto;
  @ApiProperty({ type: WorkspaceSummaryDto }) summary!: WorkspaceSummaryDto;
}
