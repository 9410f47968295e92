import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FUNDING_SOURCES, PROJECT_STAGES } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { MONITORING_LANGUAGES, type MonitoringLanguage } from './monitoring-labels';

export class MonitoringQueryDto {
  @ApiPropertyOptional({ enum: MONITORING_LANGUAGES, description: 'the report’s fixed words (Polish by default); names and titles stay as entered' })
  @IsOptional()
  @IsIn(MONITORING_LANGUAGES, { message: 'lang must be pl or en' })
  lang?: MonitoringLanguage;
}

export class AdoptMonitoringDto {
  @ApiProperty({ format: 'uuid', description: 'the adopted resolution of this workspace that approved the report' })
  @IsUUID('all', { message: 'resolutionId must be a UUID' })
  resolutionId!: string;
}

class IndicatorValueDto {
  @ApiProperty() year!: number;
  @ApiProperty({ example: '12.5' }) value!: string;
  @ApiProperty() source!: string;
}

class MonitoringIndicatorDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ example: '10' }) baseline!: string;
  @ApiProperty() baselineYear!: number;
  @ApiProperty({ example: '30' }) target!: string;
  @ApiProperty() targetYear!: number;
  @ApiProperty({ type: IndicatorValueDto, nullable: true, description: 'the latest value of the year or before' }) latest!: IndicatorValueDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'whole percent from the baseline to the target' }) progress!: number | null;
}

class GoalProjectDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: string;
}

class MonitoringGoalDto {
  @NullableStringProperty({ description: 'the heading of the adopted strategy; null for indicators and projects naming none' }) goal!: string | null;
  @ApiProperty({ type: [MonitoringIndicatorDto] }) indicators!: MonitoringIndicatorDto[];
  @ApiProperty({ type: [GoalProjectDto] }) projects!: GoalProjectDto[];
}

class MonitoringProjectDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: string;
  @NullableStringProperty() goal!: string | null;
  @ApiProperty({ enum: FUNDING_SOURCES, nullable: true }) source!: string | null;
  @ApiProperty({ description: 'the year’s cost in złoty' }) cost!: string;
  @ApiProperty({ description: 'the grant obtained for the year (granted, in implementation, settled)' }) grant!: string;
  @ApiProperty({ description: 'the own contribution at the planned co-financing rate' }) own!: string;
}

class SourceFundsDto {
  @ApiProperty({ enum: [...FUNDING_SOURCES, 'none'] }) source!: string;
  @ApiProperty() amount!: string;
}

class MemberFundsDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty() fee!: string;
  @ApiProperty() own!: string;
  @ApiProperty() external!: string;
  @NullableStringProperty() leverage!: string | null;
  @ApiProperty({ description: 'population below the members’ median' }) smaller!: boolean;
}

class MonitoringFundsDto {
  @ApiProperty({ type: [SourceFundsDto] }) bySource!: SourceFundsDto[];
  @ApiProperty({ type: [MemberFundsDto] }) byMember!: MemberFundsDto[];
  @ApiProperty({ description: 'grants of projects without member participants' }) association!: string;
  @ApiProperty() total!: string;
}

class SmallerMembersDto {
  @ApiProperty({ type: Number, nullable: true }) medianPopulation!: number | null;
  @ApiProperty({ type: [String] }) members!: string[];
  @ApiProperty() external!: string;
  @NullableStringProperty({ description: 'percent of the members’ external funds, one decimal' }) fundsShare!: string | null;
  @NullableStringProperty({ description: 'percent of the members’ population, one decimal' }) populationShare!: string | null;
}

class AdoptionDto {
  @IdProperty() resolutionId!: string;
  @ApiProperty() title!: string;
  @DateTimeProperty() adoptedAt!: string;
}

class StageCountsDto {
  @ApiProperty() idea!: number;
  @ApiProperty() concept!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty() granted!: number;
  @ApiProperty() refused!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() implementation!: number;
  @ApiProperty() settled!: number;
}

export class MonitoringContentDto {
  @ApiProperty({ enum: [1] }) format!: 1;
  @ApiProperty() workspaceName!: string;
  @ApiProperty() year!: number;
  @DateTimeProperty() generatedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) edition!: number | null;
  @ApiProperty({ type: AdoptionDto, nullable: true }) adoption!: AdoptionDto | null;
  @ApiProperty({ type: [MonitoringGoalDto] }) goals!: MonitoringGoalDto[];
  @ApiProperty({ type: StageCountsDto }) stages!: StageCountsDto;
  @ApiProperty({ type: [MonitoringProjectDto] }) projects!: MonitoringProjectDto[];
  @ApiProperty({ type: MonitoringFundsDto }) funds!: MonitoringFundsDto;
  @ApiProperty({ type: SmallerMembersDto }) smaller!: SmallerMembersDto;
}

class EditionResolutionDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
}

export class MonitoringEditionDto {
  @ApiProperty() edition!: number;
  @ApiProperty({ description: 'SHA-256 of the edition’s canonical JSON' }) sha256!: string;
  @DateTimeProperty() adoptedAt!: string;
  @ApiProperty({ type: EditionResolutionDto }) resolution!: EditionResolutionDto;
}

export class MonitoringPreviewDto {
  @ApiProperty({ type: MonitoringContentDto }) content!: MonitoringContentDto;
  @ApiProperty({ type: [MonitoringEditionDto] }) editions!: MonitoringEditionDto[];
}

export class FrozenMonitoringDto extends MonitoringEditionDto {
  @ApiProperty({ type: MonitoringContentDto }) content!: MonitoringContentDto;
}
