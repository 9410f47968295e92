import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IdProperty, NullableStringProperty } from '../platform/http/api-properties';
import { OptionalNotNull } from '../platform/http/validation';
import { GoalDto } from './project.dto';
import { ProjectGoalDto } from './project-responses.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const Year = (field: string) => [IsInt({ message: `${field} must be a whole number` }), Min(1990, { message: `${field} must be from 1990 to 2100` }), Max(2100, { message: `${field} must be from 1990 to 2100` })];
const NumberText = (field: string) => [IsString({ message: `${field} must be a number written as text, e.g. "12.5"` }), MaxLength(40, { message: `${field} is too long` })];

function apply(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

class IndicatorFieldsDto {
  @ApiPropertyOptional({ type: GoalDto, nullable: true, description: 'the strategy goal it measures' })
  @IsOptional()
  @IsObject({ message: 'goal must be an object { versionId, headingId }' })
  @ValidateNested()
  @Type(() => GoalDto)
  goal?: GoalDto | null;
}

export class CreateIndicatorDto extends IndicatorFieldsDto {
  @ApiProperty({ example: 'Długość dróg rowerowych' })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @Length(1, 300, { message: 'name must be 1 to 300 characters' })
  name!: string;

  @ApiProperty({ example: 'km' })
  @Transform(trim)
  @IsString({ message: 'unit must be text' })
  @Length(1, 50, { message: 'unit must be 1 to 50 characters' })
  unit!: string;

  @ApiProperty({ example: '120.5', description: 'text with at most four decimal places' })
  @apply(NumberText('baseline'))
  baseline!: string;

  @ApiProperty({ example: 2019 })
  @apply(Year('baselineYear'))
  baselineYear!: number;

  @ApiProperty({ example: '250' })
  @apply(NumberText('target'))
  target!: string;

  @ApiProperty({ example: 2030 })
  @apply(Year('targetYear'))
  targetYear!: number;
}

export class UpdateIndicatorDto extends IndicatorFieldsDto {
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString({ message: 'name must be text' }) @Length(1, 300, { message: 'name must be 1 to 300 characters' }) name?: string;
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString({ message: 'unit must be text' }) @Length(1, 50, { message: 'unit must be 1 to 50 characters' }) unit?: string;
  @ApiPropertyOptional() @OptionalNotNull() @apply(NumberText('baseline')) baseline?: string;
  @ApiPropertyOptional() @OptionalNotNull() @apply(Year('baselineYear')) baselineYear?: number;
  @ApiPropertyOptional() @OptionalNotNull() @apply(NumberText('target')) target?: string;
  @ApiPropertyOptional() @OptionalNotNull() @apply(Year('targetYear')) targetYear?: number;
}

export class IndicatorValueInputDto {
  @ApiProperty({ example: '134.2' })
  @apply(NumberText('value'))
  value!: string;

  @ApiProperty({ example: 'GUS, Bank Danych Lokalnych' })
  @Transform(trim)
  @IsString({ message: 'source must be text' })
  @Length(1, 500, { message: 'source must be 1 to 500 characters' })
  source!: string;
}

export class IndicatorValueDto {
  @ApiProperty() year!: number;
  @ApiProperty() value!: string;
  @ApiProperty() source!: string;
}

export class IndicatorProjectDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() stage!: string;
}

export class IndicatorDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: ProjectGoalDto, nullable: true }) goal!: ProjectGoalDto | null;
  @ApiProperty() baseline!: string;
  @ApiProperty() baselineYear!: number;
  @ApiProperty() target!: string;
  @ApiProperty() targetYear!: number;
  @ApiProperty({ type: [IndicatorValueDto] }) values!: IndicatorValueDto[];
  @NullableStringProperty({ description: 'the latest value' }) latest!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'whole percent of the way from baseline to target by the latest value' }) progress!: number | null;
  @ApiProperty({ type: [IndicatorProjectDto], description: 'the projects that move it (partners: theirs)' }) projects!: IndicatorProjectDto[];
}
