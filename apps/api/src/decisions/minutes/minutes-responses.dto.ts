import { ApiProperty } from '@nestjs/swagger';
import { BALLOTS, MAJORITY_BASES, MAJORITY_KINDS, OUTCOME_REASONS, QUORUM_BASES, QUORUM_COUNTS, RESOLUTION_KINDS, VOTE_CHOICES } from '@commonplan/domain';
import { MinutesElectionDto } from './election-minutes.dto';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { PRESENCES } from '../dto/decisions-responses.dto';
import { MINUTES_LANGUAGES } from './minutes-labels';

// The minutes as data (GET /api/meetings/:id/minutes, MinutesContent of minutes-data.ts): figures and codes, and the
// same in words for printing, in one language.

export class MinutesQuorumDto {
  @ApiProperty({ enum: QUORUM_BASES }) basis!: string;
  @ApiProperty({ enum: QUORUM_COUNTS }) among!: string;
  @ApiProperty() actual!: number;
  @ApiProperty() total!: number;
  @ApiProperty() minimum!: number;
  @ApiProperty() reached!: boolean;
  @ApiProperty() text!: string;
}

export class MinutesMemberRefDto {
  @IdProperty() memberId!: string;
  @ApiProperty() name!: string;
}

export class MinutesProxyRefDto extends MinutesMemberRefDto {
  @ApiProperty() authorisation!: string;
}

export class MinutesMemberDto {
  @IdProperty() memberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRESENCES }) presence!: string;
  @ApiProperty() presenceText!: string;
  @DateTimeProperty({ nullable: true }) checkedInAt!: string | null;
  @ApiProperty({ type: MinutesProxyRefDto, nullable: true }) representedBy!: MinutesProxyRefDto | null;
  @ApiProperty() details!: string;
}

export class MinutesFigureDto {
  @ApiProperty() count!: number;
  @ApiProperty() weight!: number;
  @ApiProperty({ description: '"8", or "8 (waga 1234)" when votes are weighed' }) text!: string;
}

export class MinutesRollEntryDto {
  @IdProperty() memberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: VOTE_CHOICES, nullable: true, description: 'null: no vote cast' }) choice!: string | null;
  @ApiProperty() choiceText!: string;
  @ApiProperty({ type: MinutesMemberRefDto }) castBy!: MinutesMemberRefDto;
  @ApiProperty() byProxy!: boolean;
  @ApiProperty() text!: string;
}

export class MinutesMajorityDto {
  @ApiProperty({ enum: MAJORITY_KINDS }) kind!: string;
  @ApiProperty({ enum: [...MAJORITY_BASES, 'against'] }) of!: string;
  @ApiProperty() minimum!: number;
  @ApiProperty() text!: string;
}

export class MinutesTallyDto {
  @ApiProperty({ type: MinutesFigureDto }) for!: MinutesFigureDto;
  @ApiProperty({ type: MinutesFigureDto }) against!: MinutesFigureDto;
  @ApiProperty({ type: MinutesFigureDto }) abstain!: MinutesFigureDto;
  @ApiProperty({ type: MinutesFigureDto }) valid!: MinutesFigureDto;
  @ApiProperty({ type: MinutesFigureDto }) cast!: MinutesFigureDto;
}

export class MinutesResultDto {
  @ApiProperty({ enum: [...OUTCOME_REASONS, 'open'] }) reason!: string;
  @ApiProperty({ type: Boolean, nullable: true }) adopted!: boolean | null;
  @ApiProperty() text!: string;
  @ApiProperty() sentence!: string;
}

export class MinutesVoteDto {
  @IdProperty() id!: string;
  @ApiProperty() heading!: string;
  @ApiProperty({ enum: BALLOTS }) ballot!: string;
  @ApiProperty() ballotText!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state!: string;
  @DateTimeProperty() openedAt!: string;
  @DateTimeProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: MinutesQuorumDto, nullable: true }) quorum!: MinutesQuorumDto | null;
  @ApiProperty({ type: MinutesMajorityDto, nullable: true }) majority!: MinutesMajorityDto | null;
  @ApiProperty({ type: MinutesTallyDto, nullable: true }) tally!: MinutesTallyDto | null;
  @ApiProperty({ type: MinutesResultDto }) result!: MinutesResultDto;
  @ApiProperty({ type: [MinutesRollEntryDto], nullable: true, description: 'named ballot: every member entitled to vote; secret ballot: null' }) roll!: MinutesRollEntryDto[] | null;
  @NullableStringProperty() secretNote!: string | null;
  @NullableStringProperty() castingVote!: string | null;
  @NullableStringProperty() secondTerm!: string | null;
  @NullableStringProperty() ballotsDigest!: string | null;
  @NullableStringProperty() textHash!: string | null;
  @NullableStringProperty({ description: 'the warning printed before the figures of a vote that does not verify' }) unverified!: string | null;
}

export class MinutesAdoptedVersionDto {
  @ApiProperty() documentTitle!: string;
  @ApiProperty({ type: 'integer' }) versionNumber!: number;
  @ApiProperty() versionName!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty() text!: string;
}

export class MinutesAdoptionDto {
  @ApiProperty() number!: string;
  @ApiProperty() fullTitle!: string;
  @ApiProperty({ type: MinutesAdoptedVersionDto, nullable: true }) adopts!: MinutesAdoptedVersionDto | null;
}

export class MinutesSpeakerDto {
  @ApiProperty({ description: 'the member’s name, or the person’s the chair entered' }) name!: string;
  @ApiProperty({ enum: ['speech', 'point_of_order'] }) kind!: string;
  @ApiProperty() kindText!: string;
  @DateTimeProperty({ description: 'when the floor was given' }) startedAt!: string;
  @ApiProperty({ description: 'the time of day in Warsaw, e.g. "10:05"' }) time!: string;
  @ApiProperty({ description: '"10:05 – Gmina Police (wniosek formalny)"' }) text!: string;
}

export class MinutesAmendmentDto {
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ description: '"Poprawka nr 1"' }) heading!: string;
  @ApiProperty() proposer!: string;
  @ApiProperty() currentText!: string;
  @ApiProperty({ description: 'the wording proposed, or "(skreślenie)" for a deletion' }) proposedText!: string;
  @ApiProperty() justification!: string;
  @ApiProperty({ enum: ['proposed', 'withdrawn', 'voting', 'adopted', 'rejected', 'dropped'] }) state!: string;
  @ApiProperty({ description: 'what became of it, in words' }) stateText!: string;
  @ApiProperty({ type: [MinutesVoteDto] }) votes!: MinutesVoteDto[];
}

export class MinutesAgendaEntryDto {
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty() title!: string;
}

export class MinutesMotionDto {
  @ApiProperty({ description: 'what was voted, in words (the agenda, its change, minutes)' }) title!: string;
  @ApiProperty({ type: [MinutesVoteDto] }) votes!: MinutesVoteDto[];
}

export class MinutesProcedureDto {
  @ApiProperty({ description: 'when the agenda was adopted by a vote, or that it was not' }) agendaAdopted!: string;
  @ApiProperty({ type: [MinutesAgendaEntryDto], description: 'every agenda item, in order' }) items!: MinutesAgendaEntryDto[];
  @ApiProperty({ type: [MinutesMotionDto] }) motions!: MinutesMotionDto[];
  @ApiProperty({ type: [String], description: 'the chair’s changes of the adopted agenda, where the rule book gives them to the chair' }) chairChanges!: string[];
}

export class MinutesItemDto {
  @NullableIdProperty({ description: 'the agenda item' }) agendaItemId!: string | null;
  @ApiProperty({ type: 'integer' }) position!: number;
  @IdProperty() resolutionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: RESOLUTION_KINDS }) kind!: string;
  @ApiProperty() kindText!: string;
  @ApiProperty({ type: [MinutesVoteDto] }) votes!: MinutesVoteDto[];
  @NullableStringProperty() noVoteText!: string | null;
  @ApiProperty({ type: MinutesAdoptionDto, nullable: true }) adopted!: MinutesAdoptionDto | null;
  @ApiProperty({ type: [MinutesSpeakerDto], description: 'who spoke on the item, in the order they were given the floor' }) speakers!: MinutesSpeakerDto[];
  @ApiProperty({ type: [MinutesAmendmentDto], description: 'the resolution’s amendments, each with its votes and what became of it' }) amendments!: MinutesAmendmentDto[];
}

export class MinutesFactDto {
  @ApiProperty() label!: string;
  @ApiProperty() value!: string;
}

export class MinutesBodyDto {
  @ApiProperty() name!: string;
  @ApiProperty() nameGenitive!: string;
}

export class MinutesCountsDto {
  @ApiProperty({ type: 'integer' }) statutory!: number;
  @ApiProperty({ type: 'integer' }) present!: number;
  @ApiProperty({ type: 'integer' }) represented!: number;
  @ApiProperty({ type: 'integer' }) absent!: number;
}

export class MinutesAttendanceDto {
  @ApiProperty({ type: MinutesCountsDto }) counts!: MinutesCountsDto;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [MinutesMemberDto] }) members!: MinutesMemberDto[];
  @ApiProperty({ type: MinutesQuorumDto }) quorum!: MinutesQuorumDto;
}

export class MinutesContentDto {
  @ApiProperty({ enum: MINUTES_LANGUAGES }) language!: string;
  @IdProperty() meetingId!: string;
  @ApiProperty({ description: '"Protokół z posiedzenia Walnego Zebrania Członków"' }) heading!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: MinutesBodyDto }) body!: MinutesBodyDto;
  @ApiProperty({ description: 'the meeting is not closed: the minutes are a draft' }) draft!: boolean;
  @NullableStringProperty() draftText!: string | null;
  @ApiProperty({ type: [MinutesFactDto] }) facts!: MinutesFactDto[];
  @ApiProperty({ type: MinutesAttendanceDto }) attendance!: MinutesAttendanceDto;
  @ApiProperty({ type: [MinutesItemDto] }) agenda!: MinutesItemDto[];
  @ApiProperty({ type: [MinutesElectionDto], description: 'the elections held at the meeting, round by round' }) elections!: MinutesElectionDto[];
  @ApiProperty({ type: MinutesProcedureDto, nullable: true, description: 'the agenda as adopted and changed, and the procedural votes (null for meetings without them)' }) procedure!: MinutesProcedureDto | null;
  @ApiProperty({ type: [MinutesAdoptionDto] }) adopted!: MinutesAdoptionDto[];
  @DateTimeProperty() generatedAt!: string;
}
