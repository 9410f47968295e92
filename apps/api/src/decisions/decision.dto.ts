import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsStoredDate } from '../platform/http/ranges';
import { OptionalNotNull } from '../platform/http/validation';
import { RESOLUTION_KINDS, type ResolutionKind } from '@commonplan/domain';
import { BodyRuleBookDto } from './dto/rules-responses.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const BODY_KINDS = ['general_assembly', 'board', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const CHOICES = ['for', 'against', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export class CreateBodyDto {
  @ApiProperty({ enum: BODY_KINDS })
  @IsIn(BODY_KINDS, { message: `kind must be one of: ${BODY_KINDS.join(', ')}` })
  kind!: BodyKind;

  @ApiProperty({ example: 'Komisja Rewizyjna' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'the name in the genitive, as resolutions are titled: "Uchwała nr 1/2026 Komisji Rewizyjnej"', example: 'Komisji Rewizyjnej' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  nameGenitive!: string;

  @ApiProperty({ description: 'member organisations of the body (for the general assembly: leave empty for every member)', type: [String] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'memberIds must be organisation ids' })
  memberIds!: string[];

  @ApiPropertyOptional({ type: BodyRuleBookDto, description: 'the rule book { general, byKind } (libs/domain decisions/rules.ts); the statute defaults when left out' })
  @IsOptional()
  @IsObject()
  rules?: unknown;
  @ApiPropertyOptional({ description: 'the member chairing the body', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'chairId must be an organisation id' })
  chairId?: string | null;

  @ApiPropertyOptional({ description: 'whether its resolutions approve joint projects into the pipeline (false unless said)' })
  @OptionalNotNull()
  @IsBoolean({ message: 'approvesProjects must be true or false' })
  approvesProjects?: boolean;
}

export class UpdateBodyDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'memberIds must be organisation ids' })
  memberIds?: string[];

  @ApiPropertyOptional({ type: BodyRuleBookDto, description: 'the whole rule book { general, byKind }' })
  @IsOptional()
  @IsObject()
  rules?: unknown;

  @ApiPropertyOptional({ description: 'the member chairing the body (null: none)', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'chairId must be an organisation id' })
  chairId?: string | null;

  @ApiPropertyOptional({ description: 'whether its resolutions approve joint projects into the pipeline, as the statute names the body' })
  @OptionalNotNull()
  @IsBoolean({ message: 'approvesProjects must be true or false' })
  approvesProjects?: boolean;
}

export class CreateResolutionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiProperty({ enum: RESOLUTION_KINDS })
  @IsIn(RESOLUTION_KINDS, { message: `kind must be one of: ${RESOLUTION_KINDS.join(', ')}` })
  kind!: ResolutionKind;

  @ApiProperty({ example: 'w sprawie przyjęcia Strategii Rozwoju SOM 2030' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  justification?: string;

  @ApiPropertyOptional({ description: 'a frozen version of a document of the workspace that the resolution adopts' })
  @IsOptional()
  @IsUUID('all', { message: 'adoptsVersionId must be a version id' })
  adoptsVersionId?: string;

  @ApiPropertyOptional({ description: 'an adopted resolution of the workspace that this one amends or repeals (with changeKind)' })
  @IsOptional()
  @IsUUID('all', { message: 'changesResolutionId must be a resolution id' })
  changesResolutionId?: string;

  @ApiPropertyOptional({ enum: ['amends', 'repeals'] })
  @IsOptional()
  @IsIn(['amends', 'repeals'], { message: 'changeKind must be amends or repeals' })
  changeKind?: 'amends' | 'repeals';
}

export class CreateMeetingDto {
  @ApiProperty()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiProperty({ example: 'XXI Walne Zebranie Członków' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty()
  @IsStoredDate('startsAt must be a date and time')
  startsAt!: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  place?: string;

  @ApiProperty({ description: 'resolutions on the agenda, in order', type: [String] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'agenda must list resolution ids' })
  agenda!: string[];

  @ApiPropertyOptional({ description: 'when the meeting reconvenes in its second term (drugi termin), after startsAt' })
  @IsOptional()
  @IsStoredDate('secondTermAt must be a date and time')
  secondTermAt?: Date;
}

/**
 * Changes to a planned meeting (coordinators), each field validated as on creation; what is left out stays. The body
 * and the agenda do not change. Every change raises the meeting's invitation SEQUENCE and is announced to the people
 * invited, with the updated invitation.
 */
export class UpdateMeetingDto {
  @ApiPropertyOptional({ example: 'XXI Walne Zebranie Członków' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsStoredDate('startsAt must be a date and time')
  startsAt?: Date;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  place?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'when the meeting reconvenes in its second term, after startsAt; null: no second term' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsStoredDate('secondTermAt must be a date and time')
  secondTermAt?: Date | null;
}

/** Cancels a planned meeting (coordinators): the reason is told to everyone invited, with the invitation's cancellation. */
export class CancelMeetingDto {
  @ApiProperty({ example: 'Brak możliwości zapewnienia sali; nowy termin zostanie podany wkrótce.' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export const MEETING_TERMS = ['first', 'second'] as const;
export type MeetingTerm = (typeof MEETING_TERMS)[number];

export class OpenMeetingDto {
  @ApiPropertyOptional({ enum: MEETING_TERMS, description: 'the term the meeting opens in: the second only once its second term has come' })
  @IsOptional()
  @IsIn(MEETING_TERMS, { message: `term must be one of: ${MEETING_TERMS.join(', ')}` })
  term?: MeetingTerm;
}

export class ProxyDto {
  @ApiProperty({ description: 'the member whose representative receives this member’s vote for the meeting' })
  @IsUUID('all', { message: 'toOrganisationId must be an organisation id' })
  toOrganisationId!: string;

  @ApiProperty({ description: 'the authorisation presented, e.g. "pełnomocnictwo Wójta Gminy Dobra z 2 grudnia 2026"' })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  authorisation!: string;
}

export class OpenVoteDto {
  @ApiPropertyOptional({ description: 'the open meeting the vote takes place in; leave out for a remote vote with a window' })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a UUID' })
  meetingId?: string;

  @ApiPropertyOptional({ description: 'when a remote vote closes (required without a meeting)' })
  @IsOptional()
  @IsStoredDate('closesAt must be a date and time')
  closesAt?: Date;
}

export class BallotDto {
  @ApiProperty({ enum: CHOICES })
  @IsIn(CHOICES, { message: `choice must be one of: ${CHOICES.join(', ')}` })
  choice!: Choice;

  @ApiPropertyOptional({ description: 'the member voted for: one’s own by default, or one that gave a proxy for this meeting' })
  @IsOptional()
  @IsUUID('all', { message: 'forOrganisationId must be an organisation id' })
  forOrganisationId?: string;
}
