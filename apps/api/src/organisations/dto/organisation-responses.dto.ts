import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_TYPES, type OrganisationKind, type OrganisationType, PARTNER_TYPES } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, OrganisationKindProperty } from '../../platform/http/api-properties';

/** A member or partner organisation of a workspace. */
export class OrganisationDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @OrganisationKindProperty() kind!: OrganisationKind;
  @ApiProperty({ enum: [...MEMBER_TYPES, ...PARTNER_TYPES], enumName: 'OrganisationType' }) type!: OrganisationType;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty({ type: Number, nullable: true }) populationYear!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'members only' }) voteWeight!: number | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() updatedAt!: string;
}
