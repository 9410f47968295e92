import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { FUNDING_SOURCES } from '@commonplan/domain';
import { IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { IdProperty, NullableStringProperty } from '../platform/http/api-properties';
import { OptionalNotNull } from '../platform/http/validation';
import { IsDay } from './project.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);


const Percent = (field: string) =>
  applyDecorators(
    IsString({ message: `${field} must be a percentage written as text, e.g. "85"` }),
    Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { message: `${field} must be a percentage from 0 to 100 with at most two decimal places` }),
  );

class FundingCallFieldsDto {
  @ApiPropertyOptional({ example: 'Działanie 6.1 Mobilność miejska (ZIT SOM)', maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'measure must be text' })
  @MaxLength(300, { message: 'measure must be at most 300 characters' })
  measure?: string;

  @ApiPropertyOptional({ description: 'who may apply', maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'eligible must be text' })
  @MaxLength(2000, { message: 'eligible must be at most 2000 characters' })
  eligible?: string;

  @ApiPropertyOptional({ type: String, description: 'the call’s allocation in złoty, as text', example: '120000000.00', nullable: true })
  @IsOptional()
  @IsString({ message: 'allocation must be an amount in złoty written as text, e.g. "1234.56"' })
  @MaxLength(40, { message: 'allocation is too long' })
  allocation?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the largest co-financing rate, percent', example: '85', nullable: true })
  @IsOptional()
  @Percent('coFinancingRate')
  coFinancingRate?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the smallest own contribution, percent', example: '15', nullable: true })
  @IsOptional()
  @Percent('minOwnContribution')
  minOwnContribution?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the call’s page', nullable: true })
  @IsOptional()
  @IsString({ message: 'url must be an http or https address' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { message: 'url must be an http or https address' })
  url?: string | null;
}

export class CreateFundingCallDto extends FundingCallFieldsDto {
  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES, { message: `source must be one of: ${FUNDING_SOURCES.join(', ')}` })
  source!: (typeof FUNDING_SOURCES)[number];

  @ApiProperty({ example: 'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027' })
  @Transform(trim)
  @IsString({ message: 'programme must be text' })
  @Length(1, 300, { message: 'programme must be 1 to 300 characters' })
  programme!: string;

  @ApiProperty({ example: '2027-01-15' })
  @IsDay('opensOn')
  opensOn!: string;

  @ApiProperty({ example: '2027-03-31' })
  @IsDay('closesOn')
  closesOn!: string;
}

export class UpdateFundingCallDto extends FundingCallFieldsDto {
  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @OptionalNotNull()
  @IsIn(FUNDING_SOURCES, { message: `source must be one of: ${FUNDING_SOURCES.join(', ')}` })
  source?: (typeof FUNDING_SOURCES)[number];

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString({ message: 'programme must be text' })
  @Length(1, 300, { message: 'programme must be 1 to 300 characters' })
  programme?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsDay('opensOn')
  opensOn?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsDay('closesOn')
  closesOn?: string;
}

export class FundingCallProjectDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() stage!: string;
}

export class FundingCallDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty({ enum: FUNDING_SOURCES }) source!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() measure!: string;
  @ApiProperty() eligible!: string;
  @NullableStringProperty() allocation!: string | null;
  @NullableStringProperty() coFinancingRate!: string | null;
  @NullableStringProperty() minOwnContribution!: string | null;
  @ApiProperty({ example: '2027-01-15' }) opensOn!: string;
  @ApiProperty({ example: '2027-03-31' }) closesOn!: string;
  @NullableStringProperty() url!: string | null;
  @ApiProperty({ enum: ['upcoming', 'open', 'closed'], description: 'by the day in Warsaw' }) status!: string;
  @ApiProperty({ type: [FundingCallProjectDto], description: 'the projects matched to it (partners: theirs)' }) projects!: FundingCallProjectDto[];
}
