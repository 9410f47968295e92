import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IdProperty, NullableIdProperty } from '../../platform/http/api-properties';
import { ProposalLivePassageDto } from '../../consultations/consultation-responses.dto';
import { AGENDA_CHANGE_ACTIONS, NEW_AGENDA_ITEM_KINDS } from './assembly.dto';

export const AMENDMENT_STATES = ['proposed', 'withdrawn', 'voting', 'adopted', 'rejected', 'dropped'] as const;

export class AmendmentProposerDto {
  @NullableIdProperty({ description: 'the member whose representative proposed it; null: staff on behalf of a body' }) organisationId!: string | null;
  @ApiProperty() name!: string;
}

export class AmendmentAppliedDto {
  @DateTimeProperty() at!: string;
  @ApiProperty() text!: string;
}

/** An amendment (poprawka) to a draft resolution's text. */
export class AmendmentDto {
  @IdProperty() id!: string;
  @IdProperty() resolutionId!: string;
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ type: AmendmentProposerDto }) proposer!: AmendmentProposerDto;
  @ApiProperty({ description: 'the passage’s words when it was proposed' }) currentText!: string;
  @ApiProperty({ description: 'the wording proposed in its place (empty: deleted)' }) proposedText!: string;
  @ApiProperty() justification!: string;
  @ApiProperty({ enum: AMENDMENT_STATES }) state!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the chair’s order of voting' }) voteOrder!: number | null;
  @ApiProperty({ type: [String], description: 'amendments adopting this one drops (and the reverse)' }) conflictsWith!: string[];
  @NullableIdProperty({ description: 'the amendment whose adoption dropped this one' }) droppedBy!: string | null;
  @ApiProperty({ type: ProposalLivePassageDto, nullable: true, description: 'where the passage stands in the live text now, while the amendment is still to be decided; null once decided or when nothing of it is left' }) live!: ProposalLivePassageDto | null;
  @ApiProperty({ type: AmendmentAppliedDto, nullable: true, description: 'when the adopted wording went into the text' }) applied!: AmendmentAppliedDto | null;
  @DateTimeProperty() createdAt!: string;
  @DateTimeProperty({ nullable: true }) decidedAt!: string | null;
}

export class AgendaChangeItemDto {
  @ApiProperty({ enum: NEW_AGENDA_ITEM_KINDS }) kind!: string;
  @ApiProperty({ required: false, format: 'uuid' }) resolutionId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) minutesOf?: string;
  @ApiProperty({ required: false }) title?: string;
}

export class AgendaChangeViewDto {
  @ApiProperty({ enum: AGENDA_CHANGE_ACTIONS }) action!: string;
  @ApiProperty({ type: AgendaChangeItemDto, required: false }) item?: AgendaChangeItemDto;
  @ApiProperty({ required: false, format: 'uuid' }) itemId?: string;
  @ApiProperty({ type: 'integer', required: false }) position?: number;
}

/** A resolution's text as it is now, in which a passage is picked for an amendment. */
export class ResolutionLiveTextDto {
  @IdProperty() documentId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the text as editor (ProseMirror) JSON' }) content!: Record<string, unknown>;
}
