import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STAGES, WEIGHTINGS } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty, OrganisationKindProperty } from '../platform/http/api-properties';
import { ProcurementDto } from './procurement';
import { BUDGET_CATEGORIES } from './project.dto';

// What the projects API answers. Money is text in złoty with two decimal places ("1234.56"), never a float.

export class ProjectOrganisationDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ProjectParticipantDto {
  @IdProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @OrganisationKindProperty() kind!: string;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @NullableStringProperty({ description: 'its weight when the key is custom' }) customWeight!: string | null;
}

export class ProjectBudgetLineDto {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: BUDGET_CATEGORIES }) category!: string;
  @ApiProperty({ example: '1250000.00' }) amount!: string;
  @NullableStringProperty() eurAmount!: string | null;
  @NullableStringProperty() eurRate!: string | null;
  @NullableStringProperty() eurRateOn!: string | null;
}

export class ProjectShareDto {
  @IdProperty() organisationId!: string;
  @ApiProperty({ description: 'its own contribution, złoty' }) amount!: string;
}

/** A year of the budget: its cost, the grant at the project's rate, the own contribution and each member's share. */
export class ProjectYearDto {
  @ApiProperty() year!: number;
  @ApiProperty() total!: string;
  @ApiProperty() grant!: string;
  @ApiProperty() own!: string;
  @ApiProperty({ type: [ProjectShareDto] }) shares!: ProjectShareDto[];
}

export class ProjectTotalsDto {
  @ApiProperty() total!: string;
  @ApiProperty() grant!: string;
  @ApiProperty() own!: string;
}

export class ProjectGoalDto {
  @IdProperty() versionId!: string;
  @IdProperty() documentId!: string;
  @ApiProperty() documentTitle!: string;
  @ApiProperty() versionName!: string;
  @ApiProperty() headingId!: string;
  @ApiProperty({ description: 'the heading as the adopted version has it' }) heading!: string;
}

export class ProjectCallRefDto {
  @IdProperty() id!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() measure!: string;
  @ApiProperty({ example: '2027-03-31' }) closesOn!: string;
}

export class ConceptRoundDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'the round’s state' }) state!: string;
}

export class ProjectConceptDto {
  @IdProperty() documentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ConceptRoundDto], description: 'the consultation rounds held on the concept' }) rounds!: ConceptRoundDto[];
}

export class ProjectIndicatorRefDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
}

export class ProjectResolutionRefDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
}

export class ProjectStepViewDto {
  @IdProperty() id!: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: string;
  @ApiProperty({ example: '2027-01-15' }) takenOn!: string;
  @ApiProperty({ type: ProjectResolutionRefDto, nullable: true, description: 'the resolution that approved the step' }) resolution!: ProjectResolutionRefDto | null;
  @ApiProperty() note!: string;
  @NullableStringProperty() actorName!: string | null;
  @DateTimeProperty() createdAt!: string;
}

export class ProjectSummaryDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: string;
  @ApiProperty({ example: '2027-01-15' }) stageOn!: string;
  @ApiProperty({ type: ProjectOrganisationDto, nullable: true, description: 'null: the association leads' }) leader!: ProjectOrganisationDto | null;
  @ApiProperty({ type: [ProjectOrganisationDto] }) participants!: ProjectOrganisationDto[];
  @ApiProperty({ type: ProjectTotalsDto }) totals!: ProjectTotalsDto;
  @NullableStringProperty() coFinancingRate!: string | null;
  @DateTimeProperty() updatedAt!: string;
}

export class ProjectDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() scope!: string;
  @ApiProperty() expectedResults!: string;
  @ApiProperty({ type: ProjectOrganisationDto, nullable: true, description: 'null: the association leads' }) leader!: ProjectOrganisationDto | null;
  @ApiProperty({ type: ProjectGoalDto, nullable: true }) goal!: ProjectGoalDto | null;
  @ApiProperty({ type: ProjectConceptDto, nullable: true, description: 'the document its concept is co-drafted in' }) concept!: ProjectConceptDto | null;
  @ApiProperty({ type: ProjectCallRefDto, nullable: true, description: 'the funding call it is matched to' }) call!: ProjectCallRefDto | null;
  @ApiProperty({ enum: WEIGHTINGS }) sharingKey!: string;
  @NullableStringProperty({ description: 'the grant as a percentage of the costs' }) coFinancingRate!: string | null;
  @NullableStringProperty() startsOn!: string | null;
  @NullableStringProperty() endsOn!: string | null;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: string;
  @ApiProperty() stageOn!: string;
  @ApiProperty({ enum: PROJECT_STAGES, isArray: true, description: 'where it may go next' }) nextStages!: string[];
  @ApiProperty({ type: [ProjectParticipantDto] }) participants!: ProjectParticipantDto[];
  @ApiProperty({ type: [ProjectBudgetLineDto] }) budget!: ProjectBudgetLineDto[];
  @ApiProperty({ type: ProjectTotalsDto }) totals!: ProjectTotalsDto;
  @ApiProperty({ type: [ProjectYearDto] }) years!: ProjectYearDto[];
  @NullableStringProperty({ description: 'why the shares cannot be computed now (a member’s population removed since)' }) sharingProblem!: string | null;
  @ApiProperty({ type: [ProjectStepViewDto] }) steps!: ProjectStepViewDto[];
  @ApiProperty({ type: [ProjectIndicatorRefDto], description: 'the strategy indicators it moves' }) indicators!: ProjectIndicatorRefDto[];
  @ApiProperty({ type: ProcurementDto, nullable: true, description: 'joint procurement: each member’s cost alone against its share of the joint price' }) procurement!: ProcurementDto | null;
  @NullableIdProperty() createdBy!: string | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() updatedAt!: string;
}
