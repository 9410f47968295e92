import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ELECTION_BALLOT_FORMS, ELECTION_NEXT_ROUNDS, ELECTION_TIE_RULES, VOTE_CHOICES, type VoteChoice } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { RESOLUTION_STATES } from '../dto/decisions-responses.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What an election fills: the seats of a body (its members), or the chair of a body. */
export const ELECTION_ROLES = ['members', 'chair'] as const;
export type ElectionRole = (typeof ELECTION_ROLES)[number];

export const ELECTION_STATES = ['nominating', 'voting', 'concluded', 'cancelled'] as const;
export type ElectionState = (typeof ELECTION_STATES)[number];

export class CreateElectionDto {
  @ApiProperty({ description: 'the subject of the resolution the election decides, as resolutions are titled', example: 'w sprawie wyboru członków Zarządu' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: ELECTION_ROLES, description: 'members: the elected become the target body’s members; chair: the one elected chairs it' })
  @IsIn(ELECTION_ROLES, { message: `role must be one of: ${ELECTION_ROLES.join(', ')}` })
  role!: ElectionRole;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100, description: 'seats to fill (1 for a chair)' })
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1)
  @Max(100)
  seats!: number;

  @ApiPropertyOptional({ description: 'the body whose composition the election fills; for a chair, the voting body when left out; for members, none (nothing is applied) when left out' })
  @IsOptional()
  @IsUUID('all', { message: 'targetBodyId must be a body id' })
  targetBodyId?: string;

  @ApiPropertyOptional({ description: 'the election rules (libs/domain ElectionRules: form, majority, abstentionsCount, nextRound, maxRounds, tie); the defaults with the majority of the body’s rule book for elections when left out' })
  @IsOptional()
  @IsObject()
  rules?: unknown;

  @ApiPropertyOptional({ description: 'the day (YYYY-MM-DD, Warsaw) from which the new composition applies; the day of the conclusion when left out', example: '2026-07-01' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'compositionFrom must be a date YYYY-MM-DD' })
  compositionFrom?: string;
}

export class NominateDto {
  @ApiProperty({ description: 'the member organisation whose representative stands' })
  @IsUUID('all', { message: 'organisationId must be an organisation id' })
  organisationId!: string;

  @ApiProperty({ description: 'the person standing', example: 'Anna Nowak' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  personName!: string;
}

export class ElectionBallotDto {
  @ApiPropertyOptional({ type: [String], description: 'choose_up_to: the candidates marked (none: a blank ballot); more than the seats open makes the ballot invalid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'chosen must be candidate ids' })
  chosen?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', enum: [...VOTE_CHOICES] }, description: 'per_candidate: for, against or abstain per candidate id (unmarked: no vote)' })
  @IsOptional()
  @IsObject()
  marks?: Record<string, VoteChoice>;

  @ApiPropertyOptional({ description: 'the member voted for: one’s own by default, or one that gave a proxy for this meeting' })
  @IsOptional()
  @IsUUID('all', { message: 'forOrganisationId must be an organisation id' })
  forOrganisationId?: string;
}

export class LotDrawDto {
  @ApiProperty({ type: [String], description: 'the candidates the draw by lot gave the seats to: as many as the seats drawn for, each among those tied' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'drawn must be candidate ids' })
  drawn!: string[];
}

// Answers.

export class ElectionLotDto {
  @ApiProperty({ type: [String], description: 'the candidates drawn, in the order recorded' }) drawn!: string[];
  @DateTimeProperty() recordedAt!: string;
}

export class ElectionRulesDto {
  @ApiProperty({ enum: ELECTION_BALLOT_FORMS }) form!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'a majority rule as for resolutions (kind simple, absolute or qualified)' }) majority!: Record<string, unknown>;
  @ApiProperty() abstentionsCount!: boolean;
  @ApiProperty({ enum: ELECTION_NEXT_ROUNDS }) nextRound!: string;
  @ApiProperty({ type: 'integer' }) maxRounds!: number;
  @ApiProperty({ enum: ELECTION_TIE_RULES }) tie!: string;
}

export class ElectionCandidateDto {
  @IdProperty() id!: string;
  @ApiProperty({ type: 'integer', description: 'the place on the ballot paper' }) position!: number;
  @IdProperty() organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() personName!: string;
  @NullableIdProperty({ description: 'the member whose representative nominated (null: the chair or a coordinator)' }) nominatedBy!: string | null;
  @NullableStringProperty() nominatedByName!: string | null;
  @DateTimeProperty() nominatedAt!: string;
  @DateTimeProperty({ nullable: true, description: 'when the candidate’s consent was recorded' }) consentAt!: string | null;
  @DateTimeProperty({ nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) electedInRound!: number | null;
}

export class ElectionRoundDto {
  @IdProperty() id!: string;
  @ApiProperty({ type: 'integer' }) n!: number;
  @ApiProperty({ type: 'integer' }) seatsOpen!: number;
  @ApiProperty({ type: [String], description: 'the candidates standing, in the ballot paper’s order' }) candidates!: string[];
  @ApiProperty({ type: ElectionRulesDto }) rules!: ElectionRulesDto;
  @ApiProperty() secret!: boolean;
  @ApiProperty({ enum: ['open', 'closed'] }) state!: 'open' | 'closed';
  @DateTimeProperty() openedAt!: string;
  @DateTimeProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'ballots cast (also on a secret ballot)' }) castCount!: number;
  @ApiProperty({ type: [String], description: 'members that cast a ballot (never with their marks on a secret ballot)' }) voted!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'once closed: libs/domain ElectionRoundResult' }) result!: Record<string, unknown> | null;
  @NullableStringProperty({ description: 'the SHA-256 of the ballots (and a secret round’s totals), sealed at the close' }) ballotsDigest!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'a named round once closed: each member’s ballot by organisation id' }) roll!: Record<string, unknown> | null;
  @ApiProperty({ type: ElectionLotDto, nullable: true, description: 'the draw by lot the round asked for, once the chair recorded it' }) lot!: ElectionLotDto | null;
}

export class ElectionResolutionDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: RESOLUTION_STATES }) state!: string;
  @NullableStringProperty() number!: string | null;
  @NullableStringProperty() fullTitle!: string | null;
}

export class ElectionBodyRefDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ElectionDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @IdProperty() meetingId!: string;
  @ApiProperty({ type: ElectionBodyRefDto, description: 'the body that votes' }) body!: ElectionBodyRefDto;
  @ApiProperty({ type: ElectionBodyRefDto, nullable: true, description: 'the body whose composition it fills' }) target!: ElectionBodyRefDto | null;
  @ApiProperty({ enum: ELECTION_ROLES }) role!: ElectionRole;
  @ApiProperty({ type: 'integer' }) seats!: number;
  @ApiProperty({ type: ElectionRulesDto }) rules!: ElectionRulesDto;
  @ApiProperty() secret!: boolean;
  @ApiProperty({ enum: ELECTION_STATES }) state!: ElectionState;
  @NullableStringProperty({ description: 'YYYY-MM-DD' }) compositionFrom!: string | null;
  @DateTimeProperty({ nullable: true }) compositionAppliedAt!: string | null;
  @ApiProperty({ type: ElectionResolutionDto }) resolution!: ElectionResolutionDto;
  @ApiProperty({ type: [ElectionCandidateDto] }) candidates!: ElectionCandidateDto[];
  @ApiProperty({ type: [ElectionRoundDto] }) rounds!: ElectionRoundDto[];
  @ApiProperty({ type: [String], description: 'the candidates elected so far, by the round that elected them' }) elected!: string[];
}
