import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  AGENDA_CHANGERS,
  BALLOTS,
  COMPARISONS,
  MAJORITY_BASES,
  MAJORITY_KINDS,
  OUTCOME_REASONS,
  PROXY_REFUSALS,
  QUORUM_BASES,
  QUORUM_COUNTS,
  SITTINGS,
  VOTE_CHOICES,
  VOTE_REFUSALS,
  WEIGHTINGS,
} from '@commonplan/domain';
import { IdProperty } from '../../platform/http/api-properties';

// A body's voting rules (as the API takes and sends them) and a vote's outcome: the shapes of libs/domain decisions (rules.ts,
// outcome.ts), described for the OpenAPI document. The web app reads them with the domain's own types.

export class RationalDto {
  @ApiProperty({ type: 'integer' }) numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
}

/** "At least half of the members present": { basis: members, among: present, fraction: 1/2, comparison: at_least }. */
export class QuorumRuleDto {
  @ApiProperty({ enum: QUORUM_BASES }) basis!: string;
  @ApiProperty({ enum: QUORUM_COUNTS }) among!: string;
  @ApiProperty({ type: RationalDto }) fraction!: RationalDto;
  @ApiProperty({ enum: COMPARISONS }) comparison!: string;
}

/** simple; absolute `of` a base; qualified: at least `fraction` `of` a base. */
export class MajorityRuleDto {
  @ApiProperty({ enum: MAJORITY_KINDS }) kind!: string;
  @ApiPropertyOptional({ enum: MAJORITY_BASES, description: 'absolute and qualified majorities' }) of?: string;
  @ApiPropertyOptional({ type: RationalDto, description: 'qualified majorities' }) fraction?: RationalDto;
}

export class SecondTermRuleDto {
  @ApiProperty({ type: QuorumRuleDto, nullable: true, description: 'null: no quorum in the second term' }) quorum!: QuorumRuleDto | null;
}

export class RemoteVotingRuleDto {
  @ApiProperty({ type: QuorumRuleDto }) quorum!: QuorumRuleDto;
  @ApiProperty({ type: MajorityRuleDto, nullable: true, description: 'null: the body’s majority' }) majority!: MajorityRuleDto | null;
  @ApiProperty({ description: 'the statute’s provision remote voting rests on' }) basis!: string;
}

export class BodyRulesDto {
  @ApiProperty({ type: QuorumRuleDto }) quorum!: QuorumRuleDto;
  @ApiProperty({ type: MajorityRuleDto }) majority!: MajorityRuleDto;
  @ApiProperty({ enum: WEIGHTINGS }) weighting!: string;
  @ApiProperty() abstentionsCount!: boolean;
  @ApiProperty() proxiesAllowed!: boolean;
  @ApiProperty({ enum: BALLOTS }) ballot!: string;
  @ApiPropertyOptional({ type: SecondTermRuleDto, nullable: true }) secondTerm?: SecondTermRuleDto | null;
  @ApiPropertyOptional() castingVote?: boolean;
  @ApiPropertyOptional({ type: RemoteVotingRuleDto, nullable: true, description: 'absent or null: only in meetings' }) remote?: RemoteVotingRuleDto | null;
}

/** What differs from the general rules for one kind of resolution. */
export class BodyRulesOverrideDto extends PartialType(BodyRulesDto) {}

export class RulesByKindDto {
  @ApiPropertyOptional({ type: BodyRulesOverrideDto }) ordinary?: BodyRulesOverrideDto;
  @ApiPropertyOptional({ type: BodyRulesOverrideDto }) election?: BodyRulesOverrideDto;
  @ApiPropertyOptional({ type: BodyRulesOverrideDto }) statute_change?: BodyRulesOverrideDto;
  @ApiPropertyOptional({ type: BodyRulesOverrideDto, description: 'procedural votes at a meeting: the agenda, its changes, minutes, amendments' }) procedural?: BodyRulesOverrideDto;
}

/** Who changes an adopted agenda: the meeting by a vote on the change, or the chair (libs/domain AgendaRules). */
export class AgendaRulesDto {
  @ApiProperty({ enum: AGENDA_CHANGERS, description: 'an item added' }) add!: string;
  @ApiProperty({ enum: AGENDA_CHANGERS, description: 'an item moved' }) move!: string;
}

export class BodyRuleBookDto {
  @ApiProperty({ type: BodyRulesDto }) general!: BodyRulesDto;
  @ApiProperty({ type: RulesByKindDto }) byKind!: RulesByKindDto;
  @ApiPropertyOptional({ type: AgendaRulesDto, description: 'absent: every change of an adopted agenda is voted on' }) agenda?: AgendaRulesDto;
}

/** The rules a vote is decided by, frozen as it opens (older votes have neither sitting nor chairId). */
export class VoteRulesDto extends BodyRulesDto {
  @ApiPropertyOptional({ enum: SITTINGS }) sitting?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) chairId?: string | null;
}

export class FigureDto {
  @ApiProperty() count!: number;
  @ApiProperty() weight!: number;
}

export class QuorumResultDto extends QuorumRuleDto {
  @ApiProperty({ description: 'the statutory membership, in members or weight' }) total!: number;
  @ApiProperty() actual!: number;
  @ApiProperty() minimum!: number;
  @ApiProperty() reached!: boolean;
}

export class ThresholdResultDto {
  @ApiProperty({ type: MajorityRuleDto }) majority!: MajorityRuleDto;
  @ApiProperty({ enum: ['against', ...MAJORITY_BASES] }) of!: string;
  @ApiProperty({ type: RationalDto }) fraction!: RationalDto;
  @ApiProperty({ enum: COMPARISONS }) comparison!: string;
  @ApiProperty() base!: number;
  @ApiProperty() minimum!: number;
  @ApiProperty() met!: boolean;
}

export class TallyDto {
  @ApiProperty({ type: FigureDto }) for!: FigureDto;
  @ApiProperty({ type: FigureDto }) against!: FigureDto;
  @ApiProperty({ type: FigureDto }) abstain!: FigureDto;
  @ApiProperty({ type: FigureDto }) valid!: FigureDto;
  @ApiProperty({ type: FigureDto }) cast!: FigureDto;
}

export class OutcomeAttendanceDto {
  @ApiProperty({ type: FigureDto }) statutory!: FigureDto;
  @ApiProperty({ type: FigureDto }) present!: FigureDto;
  @ApiProperty({ type: FigureDto }) represented!: FigureDto;
  @ApiProperty({ type: FigureDto }) attending!: FigureDto;
}

export class OutcomeRollEntryDto {
  @IdProperty() memberId!: string;
  @IdProperty() castBy!: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice!: string;
}

export class RefusedBallotDto {
  @IdProperty() memberId!: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) castBy?: string;
}

export class RefusedVoteDto {
  @ApiProperty({ type: RefusedBallotDto }) vote!: RefusedBallotDto;
  @ApiProperty({ enum: VOTE_REFUSALS }) reason!: string;
}

export class ProxyAuthorisationDto {
  @IdProperty() from!: string;
  @IdProperty() to!: string;
}

export class RefusedProxyDto {
  @ApiProperty({ type: ProxyAuthorisationDto }) proxy!: ProxyAuthorisationDto;
  @ApiProperty({ enum: PROXY_REFUSALS }) reason!: string;
}

export class CastingVoteDto {
  @IdProperty() memberId!: string;
  @ApiProperty({ enum: ['for', 'against'] }) choice!: string;
}

/** A vote's outcome with the figures behind it (libs/domain decide()). */
export class OutcomeDto {
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: no outcome (no quorum)' }) adopted!: boolean | null;
  @ApiProperty({ enum: OUTCOME_REASONS }) reason!: string;
  @ApiProperty({ type: QuorumResultDto }) quorum!: QuorumResultDto;
  @ApiProperty({ type: ThresholdResultDto }) threshold!: ThresholdResultDto;
  @ApiProperty() moreForThanAgainst!: boolean;
  @ApiProperty({ type: TallyDto }) tally!: TallyDto;
  @ApiProperty({ type: OutcomeAttendanceDto }) attendance!: OutcomeAttendanceDto;
  @ApiProperty({ enum: WEIGHTINGS }) weighting!: string;
  @ApiProperty() abstentionsCount!: boolean;
  @ApiProperty({ enum: BALLOTS }) ballot!: string;
  @ApiProperty({ type: [OutcomeRollEntryDto], nullable: true, description: 'named ballots only' }) roll!: OutcomeRollEntryDto[] | null;
  @ApiProperty({ type: [RefusedVoteDto] }) refusedVotes!: RefusedVoteDto[];
  @ApiProperty({ type: [RefusedProxyDto] }) refusedProxies!: RefusedProxyDto[];
  @ApiPropertyOptional({ type: CastingVoteDto, description: 'only when the chair’s casting vote decided a tie' }) castingVote?: CastingVoteDto;
}
