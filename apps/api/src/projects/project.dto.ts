import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { PROJECT_STAGES, type ProjectStage, WEIGHTINGS, type Weighting } from '@commonplan/domain';
import { OptionalNotNull } from '../platform/http/validation';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const BUDGET_CATEGORIES = ['works', 'equipment', 'services', 'staff', 'promotion', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** At most this many participants (an association has tens of members and partners) and budget lines. */
export const MAX_PARTICIPANTS = 100;
export const MAX_BUDGET_LINES = 200;

/** A calendar day as YYYY-MM-DD that exists (no 2026-02-30), from 2000 to 2100. */
export function IsDay(field: string) {
  return ValidateBy({
    name: 'isDay',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2100-12-31';
      },
      defaultMessage: () => `${field} must be a day written YYYY-MM-DD, from 2000 to 2100`,
    },
  });
}

/** An amount in złoty as text ("1234.56"): checked exactly by the service (parsePln), never read as a float. */
const Amount = (field: string) =>
  applyDecorators(IsString({ message: `${field} must be an amount in złoty written as text, e.g. "1234.56"` }), MaxLength(40, { message: `${field} is too long` }));

/** A percentage with at most two decimal places, 0 to 100, as text ("85" or "85.25"). */
const Rate = (field: string) =>
  applyDecorators(
    IsString({ message: `${field} must be a percentage written as text, e.g. "85"` }),
    Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { message: `${field} must be a percentage from 0 to 100 with at most two decimal places` }),
  );

export class ParticipantDto {
  @ApiProperty({ description: 'a member or partner organisation of the workspace' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiPropertyOptional({ type: String, description: 'its weight when the sharing key is custom, as text with at most 4 decimal places', example: '1.5', nullable: true })
  @IsOptional()
  @IsString({ message: 'customWeight must be a number written as text, e.g. "1.5"' })
  @Matches(/^\d{1,9}(\.\d{1,4})?$/, { message: 'customWeight must be a positive number with at most 4 decimal places' })
  customWeight?: string | null;
}

export class BudgetLineDto {
  @ApiProperty({ example: 2027 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year!: number;

  @ApiProperty({ enum: BUDGET_CATEGORIES })
  @IsIn(BUDGET_CATEGORIES, { message: `category must be one of: ${BUDGET_CATEGORIES.join(', ')}` })
  category!: BudgetCategory;

  @ApiProperty({ description: 'PLN, as text with at most two decimal places', example: '1250000.00' })
  @Amount('amount')
  amount!: string;

  @ApiPropertyOptional({ type: String, description: 'the amount in EUR where the programme is in EUR (with eurRate and eurRateOn)', nullable: true })
  @IsOptional()
  @Amount('eurAmount')
  eurAmount?: string | null;

  @ApiPropertyOptional({ type: String, description: 'PLN per EUR, up to 6 decimal places', example: '4.2605', nullable: true })
  @IsOptional()
  @IsString({ message: 'eurRate must be a number written as text, e.g. "4.2605"' })
  @Matches(/^\d{1,6}(\.\d{1,6})?$/, { message: 'eurRate must be a positive number with at most 6 decimal places' })
  eurRate?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the day of the exchange rate', example: '2026-11-30', nullable: true })
  @IsOptional()
  @IsDay('eurRateOn')
  eurRateOn?: string | null;
}

export class GoalDto {
  @ApiProperty({ description: 'a version of a strategy adopted by a resolution' })
  @IsUUID('all', { message: 'goal.versionId must be a UUID' })
  versionId!: string;

  @ApiProperty({ description: 'the anchor of one of its headings (the table of contents)', example: 'h-cel-1-transport' })
  @IsString({ message: 'goal.headingId must be text' })
  @Length(1, 200, { message: 'goal.headingId must be 1 to 200 characters' })
  headingId!: string;
}

/** Fields a project is created with; on change, each one given replaces what was (participants and budget whole). */
class ProjectFieldsDto {
  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString({ message: 'scope must be text' })
  @MaxLength(20_000, { message: 'scope must be at most 20000 characters' })
  scope?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString({ message: 'expectedResults must be text' })
  @MaxLength(20_000, { message: 'expectedResults must be at most 20000 characters' })
  expectedResults?: string;

  @ApiPropertyOptional({ type: String, description: 'the leading member (one of the participants); null: the association itself', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'leaderId must be a UUID' })
  leaderId?: string | null;

  @ApiPropertyOptional({ type: GoalDto, nullable: true, description: 'the strategy goal or measure the project serves' })
  @IsOptional()
  @IsObject({ message: 'goal must be an object { versionId, headingId }' })
  @ValidateNested()
  @Type(() => GoalDto)
  goal?: GoalDto | null;

  @ApiPropertyOptional({ type: String, description: 'the funding call (nabór) the project is matched to; null: none', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'callId must be a UUID' })
  callId?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the document of the workspace in which its concept is co-drafted; null: none', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'conceptDocumentId must be a UUID' })
  conceptDocumentId?: string | null;

  @ApiPropertyOptional({ enum: WEIGHTINGS, description: 'how the members share the own contribution: the decisions rules’ keys' })
  @OptionalNotNull()
  @IsIn(WEIGHTINGS, { message: `sharingKey must be one of: ${WEIGHTINGS.join(', ')}` })
  sharingKey?: Weighting;

  @ApiPropertyOptional({ type: String, description: 'the grant as a percentage of the costs ("85"); null: none yet', nullable: true })
  @IsOptional()
  @Rate('coFinancingRate')
  coFinancingRate?: string | null;

  @ApiPropertyOptional({ type: String, example: '2027-03-01', nullable: true })
  @IsOptional()
  @IsDay('startsOn')
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, example: '2029-12-31', nullable: true })
  @IsOptional()
  @IsDay('endsOn')
  endsOn?: string | null;

  @ApiPropertyOptional({ type: [ParticipantDto], description: 'in order, the leader first' })
  @OptionalNotNull()
  @IsArray({ message: 'participants must be a list' })
  @ArrayMaxSize(MAX_PARTICIPANTS, { message: `participants may hold at most ${MAX_PARTICIPANTS} organisations` })
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants?: ParticipantDto[];

  @ApiPropertyOptional({ type: [String], description: 'the strategy indicators the project moves (the list replaces what was)' })
  @OptionalNotNull()
  @IsArray({ message: 'indicatorIds must be a list' })
  @ArrayMaxSize(100, { message: 'indicatorIds may hold at most 100 indicators' })
  @IsUUID('all', { each: true, message: 'indicatorIds must be UUIDs' })
  indicatorIds?: string[];

  @ApiPropertyOptional({ type: [BudgetLineDto], description: 'one line per year and cost category' })
  @OptionalNotNull()
  @IsArray({ message: 'budget must be a list' })
  @ArrayMaxSize(MAX_BUDGET_LINES, { message: `budget may hold at most ${MAX_BUDGET_LINES} lines` })
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budget?: BudgetLineDto[];
}

export class CreateProjectDto extends ProjectFieldsDto {
  @ApiProperty({ example: 'Koncepcja tras rowerowych SOM – etap I' })
  @Transform(trim)
  @IsString({ message: 'title must be text' })
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title!: string;

  @ApiPropertyOptional({ description: 'the day the idea was recorded (by default today in Warsaw)', example: '2026-12-01' })
  @IsOptional()
  @IsDay('ideaOn')
  ideaOn?: string;
}

export class UpdateProjectDto extends ProjectFieldsDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString({ message: 'title must be text' })
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title?: string;
}

export class ProjectStepDto {
  @ApiProperty({ enum: PROJECT_STAGES })
  @IsIn(PROJECT_STAGES, { message: `stage must be one of: ${PROJECT_STAGES.join(', ')}` })
  stage!: ProjectStage;

  @ApiProperty({ description: 'the day the step was taken', example: '2027-01-15' })
  @IsDay('takenOn')
  takenOn!: string;

  @ApiPropertyOptional({ type: String, description: 'the adopted resolution that approved the project (needed to enter approved)', nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all', { message: 'resolutionId must be a UUID' })
  resolutionId?: string | null;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;
}
