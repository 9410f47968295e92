import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPOSITIONS,
  type Disposition,
  DOCUMENT_KINDS,
  type DocumentKind,
  ROUND_AUDIENCES,
  ROUND_CHANNELS,
  ROUND_STATES,
  type RoundAudience,
  type RoundChannel,
  type RoundState,
} from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableStringProperty } from '../platform/http/api-properties';
import { PassageDto, SubmitterDto } from './comment.dto';
import { BULK_ACTIONS, type BulkAction } from './triage.dto';

// The answers of the consultation routes (rounds, comments, triage, proposals), for the OpenAPI document and so the
// web app's generated types; each mirrors what its service returns (rounds.service.ts, consultation-comments.service.ts,
// triage.service.ts, proposals.service.ts). Times are ISO strings.

export const DocumentKindProperty = () => ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' });
export const RoundStateProperty = () => ApiProperty({ enum: ROUND_STATES, enumName: 'RoundState' });
export const RoundChannelProperty = () => ApiProperty({ enum: ROUND_CHANNELS, enumName: 'RoundChannel' });
export const RoundAudiencesProperty = () => ApiProperty({ enum: ROUND_AUDIENCES, enumName: 'RoundAudience', isArray: true });
export const RoundChannelsProperty = () => ApiProperty({ enum: ROUND_CHANNELS, enumName: 'RoundChannel', isArray: true });
export const NullableDispositionProperty = () => ApiProperty({ enum: DISPOSITIONS, enumName: 'Disposition', nullable: true });

// ---- rounds ---------------------------------------------------------------------------------------------------------

/** The document consulted, as the public (and the report) names it. */
export class PublicRoundDocumentDto {
  @ApiProperty() title!: string;
  @DocumentKindProperty() kind!: DocumentKind;
}

/** The frozen version consulted, as the public (and the report) names it. */
export class ConsultedVersionDto {
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty() contentHash!: string;
}

export class RoundDocumentRefDto extends PublicRoundDocumentDto {
  @IdProperty() id!: string;
}

export class RoundVersionRefDto extends ConsultedVersionDto {
  @IdProperty() id!: string;
}

/** A meeting as staff see it: the notes stay internal; participants and summary go into the report. */
export class RoundMeetingDto {
  @IdProperty() id!: string;
  @DateTimeProperty() startsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ description: 'internal: never published' }) notes!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'how many took part, once counted' }) participants!: number | null;
  @ApiProperty({ description: 'what was discussed (in the report, personal data taken out)' }) summary!: string;
}

/** The adopted resolution named as approving the round's report. */
export class RoundApprovalDto {
  @IdProperty() resolutionId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ example: 'Uchwała nr 7/2026 Zarządu w sprawie …' }) title!: string;
  @ApiProperty({ description: 'the decision body' }) body!: string;
  @DateTimeProperty() adoptedAt!: string;
}

/** What every view of a round has: the facts of its announcement and where it stands. */
abstract class RoundFactsDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() legalBasis!: string;
  @RoundAudiencesProperty() audiences!: RoundAudience[];
  @RoundChannelsProperty() channels!: RoundChannel[];
  @DateTimeProperty() opensAt!: string;
  @DateTimeProperty() closesAt!: string;
  @ApiProperty() informationClause!: string;
  @RoundStateProperty() state!: RoundState;
  @DateTimeProperty({ nullable: true }) announcedAt!: string | null;
  @DateTimeProperty({ nullable: true }) openedAt!: string | null;
  @DateTimeProperty({ nullable: true }) closedAt!: string | null;
  @DateTimeProperty({ nullable: true }) reportPublishedAt!: string | null;
  @DateTimeProperty({ description: 'the close + 30 days (art. 6 ust. 6)' }) reportDueAt!: string;
  @ApiProperty({ type: 'integer' }) daysLeft!: number;
  @ApiProperty({ type: [String], description: 'where the announcement was published (the website, BIP)' }) announcementUrls!: string[];
  @ApiProperty({ type: [String], description: 'where the report is published' }) reportUrls!: string[];
}

/** A consultation round as its workspace's people read it (RoundView). */
export class ConsultationRoundDto extends RoundFactsDto {
  @IdProperty() workspaceId!: string;
  @ApiProperty({ type: RoundDocumentRefDto }) document!: RoundDocumentRefDto;
  @ApiProperty({ type: RoundVersionRefDto, description: 'the frozen version consulted' }) version!: RoundVersionRefDto;
  @ApiProperty({ type: 'integer', description: 'comments received and not withdrawn' }) commentCount!: number;
  @ApiProperty({ enum: ['shorter_than_statutory_minimum'], isArray: true, description: 'said, not enforced' }) warnings!: Array<'shorter_than_statutory_minimum'>;
  @ApiProperty({ type: [RoundMeetingDto] }) meetings!: RoundMeetingDto[];
  @ApiProperty({ type: RoundApprovalDto, nullable: true }) approval!: RoundApprovalDto | null;
}

export class PublicRoundMeetingDto {
  @IdProperty() id!: string;
  @DateTimeProperty() startsAt!: string;
  @ApiProperty() place!: string;
}

/** A round as anyone reads it without signing in (PublicRoundView): no ids of the workspace, notes or counts. */
export class PublicRoundDto extends RoundFactsDto {
  @ApiProperty() workspaceName!: string;
  @ApiProperty({ type: PublicRoundDocumentDto }) document!: PublicRoundDocumentDto;
  @ApiProperty({ type: ConsultedVersionDto }) version!: ConsultedVersionDto;
  @ApiProperty({ type: [PublicRoundMeetingDto] }) meetings!: PublicRoundMeetingDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the frozen version consulted (ProseMirror JSON)' }) content!: Record<string, unknown>;
}

// ---- comments -------------------------------------------------------------------------------------------------------

/** The receipt of a comment: its number in the workspace's yearly series. */
export class CommentReceiptDto {
  @IdProperty() id!: string;
  @ApiProperty({ example: 'U/2026/0042' }) number!: string;
  @ApiProperty() roundTitle!: string;
  @DateTimeProperty() submittedAt!: string;
  @ApiPropertyOptional({ description: 'only for a comment sent without signing in: the secret that edits or withdraws it until the close' })
  editSecret?: string;
}

/** What the public form answers when its honeypot field was filled: nothing is stored. */
export class CommentAcceptedDto {
  @ApiProperty({ type: Boolean, enum: [true] }) accepted!: true;
}

/** A comment as staff (or its signed-in sender) read it: never its e-mail address or internal fields. */
export class ConsultationCommentDto {
  @IdProperty() id!: string;
  @ApiProperty({ example: 'U/2026/0042' }) number!: string;
  @ApiProperty() part!: string;
  @ApiProperty({ type: PassageDto, nullable: true }) passage!: PassageDto | null;
  @ApiProperty() currentWording!: string;
  @ApiProperty() proposedWording!: string;
  @ApiProperty() justification!: string;
  @ApiProperty({ type: SubmitterDto }) submitter!: SubmitterDto;
  @RoundChannelProperty() channel!: RoundChannel;
  @ApiProperty() withdrawn!: boolean;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty() updatedAt!: string;
}

/** A comment as its sender reads it on its own page: with its round and whether it can still change. */
export class OwnConsultationCommentDto extends ConsultationCommentDto {
  @IdProperty() roundId!: string;
  @ApiProperty({ description: 'not withdrawn, and the round still takes comments' }) editable!: boolean;
}

// ---- triage ---------------------------------------------------------------------------------------------------------

export class TriagePersonRefDto {
  @IdProperty() id!: string;
  @ApiProperty() displayName!: string;
}

export class TriageAppliedDto {
  @ApiProperty() text!: string;
  @DateTimeProperty() at!: string;
}

export class TriageNoteDto {
  @IdProperty() id!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'the author’s display name' }) author!: string;
  @DateTimeProperty() createdAt!: string;
}

/** A comment as staff see it in the triage table: what was sent, and the work on it. */
export class TriageRowDto extends ConsultationCommentDto {
  @ApiProperty({ type: TriagePersonRefDto, nullable: true }) assignee!: TriagePersonRefDto | null;
  @NullableDispositionProperty() disposition!: Disposition | null;
  @NullableStringProperty() dispositionJustification!: string | null;
  @ApiProperty({ type: TriagePersonRefDto, nullable: true }) dispositionBy!: TriagePersonRefDto | null;
  @ApiProperty() approved!: boolean;
  @ApiProperty({ type: TriageAppliedDto, nullable: true, description: 'the proposed wording as it went into the live draft, once applied' }) applied!: TriageAppliedDto | null;
  @ApiProperty({ type: [TriageNoteDto], description: 'internal: never published' }) notes!: TriageNoteDto[];
}

export class CommentRefDto {
  @IdProperty() id!: string;
  @ApiProperty({ example: 'U/2026/0042' }) number!: string;
}

/** What a bulk action did: the comments changed, and those that already were so. */
export class TriageBulkResultDto {
  @ApiProperty({ enum: BULK_ACTIONS }) action!: BulkAction;
  @ApiProperty({ type: [CommentRefDto] }) changed!: CommentRefDto[];
  @ApiProperty({ type: [CommentRefDto] }) unchanged!: CommentRefDto[];
}

/** A comment a bulk action refused (the 409's `comments`), with why in English. */
export class TriageRefusedCommentDto {
  @IdProperty() id!: string;
  @ApiProperty({ example: 'U/2026/0042' }) number!: string;
  @ApiProperty({ example: 'the comment was withdrawn' }) reason!: string;
}

// ---- proposals ------------------------------------------------------------------------------------------------------

/** The comment's passage in the live draft now. */
export class ProposalLivePassageDto {
  @ApiProperty({ type: 'integer' }) from!: number;
  @ApiProperty({ type: 'integer' }) to!: number;
  @ApiProperty() text!: string;
}

export class ProposalAppliedDto {
  @ApiProperty() text!: string;
  @DateTimeProperty() at!: string;
  @NullableStringProperty({ description: 'who applied it (display name)' }) by!: string | null;
}

/** A comment's proposed wording as a suggestion on the live draft. */
export class ProposalDto {
  @IdProperty() commentId!: string;
  @ApiProperty() number!: string;
  @IdProperty() documentId!: string;
  @NullableDispositionProperty() disposition!: Disposition | null;
  @ApiProperty({ description: 'the words of the consulted version the comment is about' }) currentWording!: string;
  @ApiProperty() proposedWording!: string;
  @ApiProperty({ type: ProposalLivePassageDto, nullable: true, description: 'null when the passage was deleted or the comment names none' })
  live!: ProposalLivePassageDto | null;
  @ApiProperty({ type: ProposalAppliedDto, nullable: true }) applied!: ProposalAppliedDto | null;
}
