import { ApiProperty } from '@nestjs/swagger';
import { BALLOTS, PROXY_REFUSALS, RESOLUTION_KINDS, VOTE_CHOICES } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableIdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { AgendaChangeViewDto, AmendmentDto } from '../assembly/assembly-responses.dto';
import { MOTION_KINDS } from '../assembly/assembly.dto';
import { BODY_KINDS, MEETING_TERMS } from '../decision.dto';
import { REGISTER_PROBLEM_CODES } from '../register.service';
import { VOTE_PROBLEMS } from '../vote-verifier';
import { AgendaRulesDto, BodyRuleBookDto, OutcomeDto, QuorumResultDto, VoteRulesDto } from './rules-responses.dto';

// What the decisions API answers (bodies, resolutions, meetings, votes, the register, sign-offs of versions), for the
// OpenAPI document and so for the web app's generated types.

export const RESOLUTION_STATES = ['draft', 'voting', 'adopted', 'rejected', 'no_quorum'] as const;
export const MEETING_STATES = ['planned', 'open', 'closed', 'cancelled'] as const;
export const PRESENCES = ['present', 'represented', 'absent'] as const;
export const CHANGE_KINDS = ['amends', 'repeals'] as const;

export class BodyMemberDto {
  @IdProperty({ description: 'the member organisation' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty() voteWeight!: number;
}

export class ElectedOrganisationDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

export class UpcomingCompositionDto {
  @IdProperty() electionId!: string;
  @NullableStringProperty({ description: 'the number of the resolution that elected them' }) resolutionNumber!: string | null;
  @ApiProperty({ description: 'YYYY-MM-DD (Warsaw): the day the new composition applies' }) from!: string;
  @ApiProperty({ enum: ['members', 'chair'] }) role!: string;
  @ApiProperty({ type: [ElectedOrganisationDto], description: 'the member organisations elected, in the order they were elected' }) elected!: ElectedOrganisationDto[];
}

/** A body with its members and its rule book. */
export class DecisionBodyDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty({ enum: BODY_KINDS }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameGenitive!: string;
  @ApiProperty({ type: BodyRuleBookDto }) rules!: BodyRuleBookDto;
  @ApiProperty({ type: [BodyMemberDto] }) members!: BodyMemberDto[];
  @NullableIdProperty({ description: 'the member whose representative chairs the body' }) chairId!: string | null;
  @ApiProperty({ description: 'whether its resolutions approve joint projects into the pipeline' }) approvesProjects!: boolean;
  @ApiProperty({ type: [UpcomingCompositionDto], description: 'compositions elected that apply from a later day' }) upcoming!: UpcomingCompositionDto[];
}

export class BodyRefDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameGenitive!: string;
}

export class AdoptedVersionDto {
  @IdProperty() versionId!: string;
  @IdProperty() documentId!: string;
  @ApiProperty() documentTitle!: string;
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'SHA-256' }) contentHash!: string;
}

/** Załącznik nr N of a resolution. */
export class ResolutionAttachmentDto {
  @IdProperty() id!: string;
  @ApiProperty({ type: 'integer', description: '"Załącznik nr N"' }) position!: number;
  @ApiProperty() name!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty() sha256!: string;
}

export class ResolutionChangeDto {
  @IdProperty() resolutionId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: CHANGE_KINDS }) kind!: string;
}

export class ResolutionDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty({ type: BodyRefDto }) body!: BodyRefDto;
  @ApiProperty({ enum: RESOLUTION_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() justification!: string;
  @IdProperty({ description: 'the resolution’s text: a document of kind resolution_draft' }) documentId!: string;
  @ApiProperty({ type: AdoptedVersionDto, nullable: true }) adopts!: AdoptedVersionDto | null;
  @ApiProperty({ enum: RESOLUTION_STATES }) state!: string;
  @NullableStringProperty({ description: '"7/2026", once adopted' }) number!: string | null;
  @NullableStringProperty({ description: '"Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie …", once adopted' }) fullTitle!: string | null;
  @DateTimeProperty({ nullable: true }) decidedAt!: string | null;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty({ type: [ResolutionAttachmentDto] }) attachments!: ResolutionAttachmentDto[];
  @ApiProperty({ type: ResolutionChangeDto, nullable: true, description: 'the adopted resolution this one amends or repeals' }) changes!: ResolutionChangeDto | null;
  @ApiProperty({ type: [ResolutionChangeDto], description: 'adopted resolutions that amend or repeal this one' }) changedBy!: ResolutionChangeDto[];
}

export class RollEntryDto {
  @IdProperty() memberId!: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice!: string;
  @ApiProperty() byProxy!: boolean;
}

/** Whether a closed vote verifies against its seals and ballots; when not, the code and reason of the first problem. */
export class VoteVerificationDto {
  @ApiProperty() verified!: boolean;
  @ApiProperty({ enum: VOTE_PROBLEMS, nullable: true }) code!: string | null;
  @NullableStringProperty() reason!: string | null;
}

export class VoteDto {
  @IdProperty() id!: string;
  @NullableIdProperty({ description: 'the resolution voted on; null for a vote on a motion of a meeting' }) resolutionId!: string | null;
  @NullableIdProperty({ description: 'the motion voted on (the agenda, its change, minutes, an amendment); null for a resolution' }) motionId!: string | null;
  @NullableIdProperty({ description: 'null: a remote vote' }) meetingId!: string | null;
  @ApiProperty({ enum: BALLOTS }) ballot!: string;
  @ApiProperty({ type: VoteRulesDto }) rules!: VoteRulesDto;
  @ApiProperty({ enum: ['open', 'closed'] }) state!: string;
  @DateTimeProperty() opensAt!: string;
  @DateTimeProperty({ nullable: true }) closesAt!: string | null;
  @DateTimeProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'how many members have voted (also on a secret ballot)' }) castCount!: number;
  @ApiProperty({ type: [RollEntryDto], nullable: true, description: 'named ballot: who voted how; secret ballot: null' }) roll!: RollEntryDto[] | null;
  @ApiProperty({ type: [String], description: 'members who voted' }) voted!: string[];
  @ApiProperty({ type: OutcomeDto, nullable: true, description: 'once closed' }) outcome!: OutcomeDto | null;
  @ApiProperty({ type: VoteVerificationDto, nullable: true, description: 'once closed' }) verification!: VoteVerificationDto | null;
  @NullableIdProperty({ description: 'the version of the resolution’s text voted on (null for older votes)' }) textVersionId!: string | null;
  @NullableStringProperty({ description: 'its SHA-256' }) textHash!: string | null;
}

/** A meeting as listed. */
export class DecisionMeetingSummaryDto {
  @IdProperty() id!: string;
  @IdProperty() workspaceId!: string;
  @ApiProperty({ type: BodyRefDto }) body!: BodyRefDto;
  @ApiProperty() title!: string;
  @DateTimeProperty() startsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ enum: MEETING_STATES }) state!: string;
  @DateTimeProperty({ nullable: true }) openedAt!: string | null;
  @DateTimeProperty({ nullable: true }) closedAt!: string | null;
  @DateTimeProperty({ nullable: true, description: 'when it was cancelled (null unless cancelled)' }) cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it was cancelled (null unless cancelled)' }) cancelReason!: string | null;
  @DateTimeProperty({ nullable: true, description: 'when the meeting reconvenes in its second term, if the notice names one' }) secondTermAt!: string | null;
  @ApiProperty({ enum: MEETING_TERMS, nullable: true, description: 'the term it was opened in (null until opened)' }) term!: string | null;
  @DateTimeProperty({ nullable: true, description: 'when the meeting adopted its agenda by a vote (null until then)' }) agendaAdoptedAt!: string | null;
  @NullableIdProperty({ description: 'the agenda item under discussion, null before the first' }) currentItemId!: string | null;
  @ApiProperty({ type: 'integer', description: 'the time each speaker has, in seconds' }) speakingSeconds!: number;
}

export class MeetingMemberDto extends BodyMemberDto {
  @ApiProperty({ enum: PRESENCES }) presence!: string;
  @DateTimeProperty({ nullable: true }) checkedInAt!: string | null;
  @NullableIdProperty({ description: 'the member whose representative casts this member’s vote by proxy' }) representedBy!: string | null;
}

export class MeetingProxyDto {
  @IdProperty() from!: string;
  @IdProperty() to!: string;
  @ApiProperty() authorisation!: string;
  @ApiProperty() accepted!: boolean;
  @ApiProperty({ enum: PROXY_REFUSALS, nullable: true }) refusal!: string | null;
}

export const AGENDA_ITEM_KINDS = ['resolution', 'minutes', 'election', 'other'] as const;

export class MinutesOfDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @DateTimeProperty() startsAt!: string;
}

export class AgendaItemDto {
  @IdProperty() id!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, description: 'a resolution, the approval of an earlier meeting’s minutes, an election, or another item' }) kind!: string;
  @ApiProperty({ description: 'the resolution’s title for a resolution, else the item’s own' }) title!: string;
  @ApiProperty({ type: ResolutionDto, nullable: true }) resolution!: ResolutionDto | null;
  @ApiProperty({ type: MinutesOfDto, nullable: true, description: 'the meeting whose minutes this item approves' }) minutesOf!: MinutesOfDto | null;
  @ApiProperty({ type: [VoteDto] }) votes!: VoteDto[];
  @ApiProperty({ type: [AmendmentDto], description: 'a resolution’s amendments, in their number’s order' }) amendments!: AmendmentDto[];
  @NullableIdProperty({ description: 'an election item: the election (GET /api/elections/:electionId)' }) electionId!: string | null;
  @NullableIdProperty({ description: 'an election item: its round open now, if any' }) openElectionRoundId!: string | null;
}

/** What a meeting votes on besides resolutions. */
export class MotionDto {
  @IdProperty() id!: string;
  @IdProperty() meetingId!: string;
  @ApiProperty({ enum: MOTION_KINDS }) kind!: string;
  @NullableIdProperty({ description: 'kind minutes: the agenda item of the minutes' }) agendaItemId!: string | null;
  @NullableIdProperty({ description: 'kind amendment: the amendment' }) amendmentId!: string | null;
  @ApiProperty({ type: AgendaChangeViewDto, nullable: true, description: 'kind agenda_change: the change' }) change!: AgendaChangeViewDto | null;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty({ type: [VoteDto] }) votes!: VoteDto[];
}

/** A meeting with attendance, proxies, the quorum now, and the agenda with its votes. */
export class DecisionMeetingDto extends DecisionMeetingSummaryDto {
  @ApiProperty({ type: [MeetingMemberDto] }) members!: MeetingMemberDto[];
  @ApiProperty({ type: [MeetingProxyDto] }) proxies!: MeetingProxyDto[];
  @ApiProperty({ type: QuorumResultDto, description: 'the quorum now under the body’s general rules' }) quorum!: QuorumResultDto;
  @ApiProperty({ type: [AgendaItemDto] }) agenda!: AgendaItemDto[];
  @ApiProperty({ type: [MotionDto] }) motions!: MotionDto[];
  @ApiProperty({ type: AgendaRulesDto, description: 'who changes the agenda once adopted (the body’s rule book)' }) agendaChanges!: AgendaRulesDto;
}

export class RegisterResultDto {
  @ApiProperty({ type: 'integer' }) for!: number;
  @ApiProperty({ type: 'integer' }) against!: number;
  @ApiProperty({ type: 'integer' }) abstain!: number;
  @ApiProperty() quorum!: boolean;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String], required: false, description: 'an election’s entry (reason elected): who was elected, "person (member)"' }) elected?: string[];
}

/** A register entry as published. */
export class PublicRegisterEntryDto {
  @ApiProperty({ type: 'integer', description: 'the entry’s place in the register, 1, 2, …' }) position!: number;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @DateTimeProperty() adoptedAt!: string;
  @ApiProperty({ type: RegisterResultDto }) result!: RegisterResultDto;
  @NullableStringProperty({ description: 'SHA-256 of the version adopted' }) versionHash!: string | null;
  @NullableStringProperty({ description: 'SHA-256 of the resolution’s text as voted' }) textHash!: string | null;
  @ApiProperty() ballotsDigest!: string;
  @ApiProperty({ description: 'false when the entry or its vote does not verify' }) verified!: boolean;
}

/** A register entry, with the resolution and the audit entry behind it (members of the workspace). */
export class RegisterEntryDto extends PublicRegisterEntryDto {
  @IdProperty() resolutionId!: string;
  @ApiProperty({ type: 'integer' }) auditSeq!: number;
}

export class PublicRegisterDto {
  @ApiProperty({ description: 'the association’s name' }) workspace!: string;
  @ApiProperty({ type: [PublicRegisterEntryDto] }) entries!: PublicRegisterEntryDto[];
}

export class RegisterChainBreakDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ type: 'integer', nullable: true }) id!: number | null;
  @ApiProperty() reason!: string;
}

export class RegisterChainDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer' }) checkedEntries!: number;
  @ApiProperty({ type: RegisterChainBreakDto, nullable: true }) firstBroken!: RegisterChainBreakDto | null;
}

export class RegisterProblemDto {
  @ApiProperty({ enum: ['audit_chain', 'vote', 'register_entry', 'election'] }) kind!: string;
  @ApiProperty({ description: 'the audit entry’s number, the vote’s id, the register entry’s number or an election round’s id' }) id!: string;
  @ApiProperty({ enum: REGISTER_PROBLEM_CODES }) code!: string;
  @ApiProperty() reason!: string;
}

export class RegisterReportDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer' }) checkedEntries!: number;
  @ApiProperty({ type: 'integer' }) checkedVotes!: number;
  @ApiProperty({ type: RegisterChainDto }) auditChain!: RegisterChainDto;
  @ApiProperty({ type: RegisterProblemDto, nullable: true }) firstBroken!: RegisterProblemDto | null;
  @ApiProperty({ type: [RegisterProblemDto] }) problems!: RegisterProblemDto[];
}

export class VotedTextDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the frozen version’s content as editor (ProseMirror) JSON' }) content!: Record<string, unknown>;
  @ApiProperty() contentHash!: string;
}

export class PublicAdoptedVersionDto {
  @ApiProperty() documentTitle!: string;
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty() contentHash!: string;
}

export class PublicMinutesRefDto {
  @ApiProperty() title!: string;
  @DateTimeProperty() startsAt!: string;
}

export class PublicChangeDto {
  @ApiProperty() number!: string;
  @ApiProperty({ enum: CHANGE_KINDS }) kind!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'its place in the register' }) position!: number | null;
}

export class PublicChangedByDto {
  @ApiProperty() number!: string;
  @ApiProperty({ enum: CHANGE_KINDS }) kind!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

/** A published entry with the text voted, the document it adopts and the minutes that record it. */
export class PublicRegisterEntryDetailsDto {
  @ApiProperty() workspace!: string;
  @ApiProperty({ type: PublicRegisterEntryDto }) entry!: PublicRegisterEntryDto;
  @ApiProperty({ type: VotedTextDto, nullable: true, description: 'null for entries from before texts were frozen' }) text!: VotedTextDto | null;
  @ApiProperty({ type: PublicAdoptedVersionDto, nullable: true }) adopts!: PublicAdoptedVersionDto | null;
  @ApiProperty({ type: PublicMinutesRefDto, nullable: true, description: 'null for a remote vote or a meeting not closed' }) minutes!: PublicMinutesRefDto | null;
  @ApiProperty({ type: PublicChangeDto, nullable: true }) changes!: PublicChangeDto | null;
  @ApiProperty({ type: [PublicChangedByDto] }) changedBy!: PublicChangedByDto[];
}

export class ApprovingOrganisationDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

/** A member's sign-off of a version, naming the hash it approved. */
export class VersionApprovalDto {
  @ApiProperty({ type: ApprovingOrganisationDto }) organisation!: ApprovingOrganisationDto;
  @ApiProperty({ description: 'SHA-256 of the version as approved' }) contentHash!: string;
  @NullableStringProperty({ description: 'who approved (display name)' }) approvedBy!: string | null;
  @DateTimeProperty() approvedAt!: string;
}

export class ApprovalDocumentDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
}

export class ApprovalVersionDto {
  @IdProperty() id!: string;
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty() name!: string;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty() contentHash!: string;
}

export class ApprovalBodyDto {
  @IdProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ApprovalResolutionDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: RESOLUTION_STATES }) state!: string;
  @NullableStringProperty() number!: string | null;
  @NullableStringProperty() fullTitle!: string | null;
  @DateTimeProperty({ nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: ApprovalBodyDto }) body!: ApprovalBodyDto;
}

/** What a sign-off is about: the document, the version with its SHA-256, and the resolutions that adopt it. */
export class ApprovalSubjectDto {
  @ApiProperty({ type: ApprovalDocumentDto }) document!: ApprovalDocumentDto;
  @ApiProperty({ type: ApprovalVersionDto }) version!: ApprovalVersionDto;
  @ApiProperty({ type: [ApprovalResolutionDto] }) resolutions!: ApprovalResolutionDto[];
}
