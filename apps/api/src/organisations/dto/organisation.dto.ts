import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { MaxDecimalPlaces } from '../../platform/http/ranges';
import { OptionalNotNull } from '../../platform/http/validation';
import { MEMBER_TYPES, ORGANISATION_KINDS, type OrganisationKind, PARTNER_TYPES } from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ALL_TYPES = [...MEMBER_TYPES, ...PARTNER_TYPES];

export class CreateOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of: ${ORGANISATION_KINDS.join(', ')}` })
  kind!: OrganisationKind;

  @ApiProperty({ enum: ALL_TYPES })
  @IsIn(ALL_TYPES, { message: `type must be one of: ${ALL_TYPES.join(', ')}` })
  type!: string;

  @ApiProperty({ example: 'Gmina Dobra' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 25643 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  population?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2023 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  populationYear?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'members only; default 1', example: 1 })
  @IsOptional()
  @IsNumber()
  @MaxDecimalPlaces(4, 'voteWeight must have at most 4 decimal places')
  @Min(0.0001)
  @Max(1_000_000)
  voteWeight?: number | null;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ enum: ALL_TYPES })
  @OptionalNotNull()
  @IsIn(ALL_TYPES, { message: `type must be one of: ${ALL_TYPES.join(', ')}` })
  type?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  population?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  populationYear?: number | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsNumber()
  @MaxDecimalPlaces(4, 'voteWeight must have at most 4 decimal places')
  @Min(0.0001)
  @Max(1_000_000)
  voteWeight?: number;
}

export class OrganisationListQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of: ${ORGANISATION_KINDS.join(', ')}` })
  kind?: OrganisationKind;
}
