import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { type Disposition, type RoundAudience, type RoundChannel, type RoundState, SUBMITTER_TYPES, type SubmitterType } from '@commonplan/domain';
import { DateTimeProperty, IdProperty, NullableStringProperty } from '../../platform/http/api-properties';
import { ConsultedVersionDto, NullableDispositionProperty, PublicRoundDocumentDto, RoundAudiencesProperty, RoundChannelProperty, RoundChannelsProperty, RoundStateProperty } from '../consultation-responses.dto';

// The consultation report as the API answers it (report-data.ts ReportContent and ReportContentV1, report.service.ts):
// the same data in every language; the web app adds the words.

const SubmitterTypeProperty = () => ApiProperty({ enum: SUBMITTER_TYPES, enumName: 'SubmitterType' });
const NullableDateTime = () => DateTimeProperty({ nullable: true });
const Integer = (options: { nullable?: boolean; description?: string } = {}) => ApiProperty({ type: 'integer', ...options });

export class ReportRoundDto {
  @IdProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() legalBasis!: string;
  @RoundAudiencesProperty() audiences!: RoundAudience[];
  @RoundChannelsProperty() channels!: RoundChannel[];
  @NullableDateTime() announcedAt!: string | null;
  @DateTimeProperty() opensAt!: string;
  @DateTimeProperty() closesAt!: string;
  @NullableDateTime() closedAt!: string | null;
  @DateTimeProperty() reportDueAt!: string;
}

/** A text in both languages of the report. */
export class BilingualTextDto {
  @ApiProperty() pl!: string;
  @ApiProperty() en!: string;
}

/** The statute as it stood when the report was made. */
export class ReportLawDto {
  @ApiProperty({ type: BilingualTextDto }) act!: BilingualTextDto;
  @ApiProperty({ type: BilingualTextDto }) journal!: BilingualTextDto;
  @ApiProperty({ type: BilingualTextDto }) period!: BilingualTextDto;
  @ApiProperty({ type: BilingualTextDto }) report!: BilingualTextDto;
  @Integer() minimumDays!: number;
  @Integer() reportDueDays!: number;
}

export class ReportStatutoryPeriodDto {
  @DateTimeProperty({ description: 'the announcement, which the period is counted from' }) countedFrom!: string;
  @Integer() minimumDays!: number;
  @Integer() days!: number;
  @ApiProperty() kept!: boolean;
}

export class ReportPublicationDto {
  @ApiProperty({ type: [String] }) announcement!: string[];
  @ApiProperty({ type: [String] }) report!: string[];
}

export class ReportAdoptionDto {
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @DateTimeProperty() adoptedAt!: string;
}

export class ReportDocumentDto extends PublicRoundDocumentDto {
  @ApiProperty({ type: ConsultedVersionDto }) version!: ConsultedVersionDto;
}

export class ReportMeetingDto {
  @DateTimeProperty() startsAt!: string;
  @ApiProperty() place!: string;
  @Integer({ nullable: true }) participants!: number | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String], description: 'the numbers of the oral comments made at the meeting' }) comments!: string[];
}

export class ReportCountDto {
  @ApiProperty() key!: string;
  @Integer() count!: number;
}

export class ReportSubmitterCountsDto {
  @Integer() persons!: number;
  @Integer() institutions!: number;
}

export class ReportStatisticsDto {
  @Integer({ description: 'the comments considered: every one received and not withdrawn' }) considered!: number;
  @ApiProperty({ type: ReportSubmitterCountsDto }) submitters!: ReportSubmitterCountsDto;
  @ApiProperty({ type: [ReportCountDto], description: 'keys: the dispositions, and undecided in a preview' }) byDisposition!: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto], description: 'keys: the submitter types' }) bySubmitterType!: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto], description: 'keys: the channels' }) byChannel!: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto], description: 'keys: the chapters and parts' }) byChapter!: ReportCountDto[];
}

export class ReportChangedPassageDto {
  @ApiProperty({ type: [String] }) comments!: string[];
  @ApiProperty() wording!: string;
  @ApiProperty() applied!: boolean;
}

export class ReportChapterChangesDto {
  @ApiProperty() chapter!: string;
  @Integer() accepted!: number;
  @Integer() partlyAccepted!: number;
  @ApiProperty({ type: [ReportChangedPassageDto] }) passages!: ReportChangedPassageDto[];
}

/** A private person, numbered: never named in the report. */
export class ReportPersonSubmitterDto {
  @ApiProperty({ enum: ['person'] }) kind!: 'person';
  @Integer() number!: number;
  @SubmitterTypeProperty() type!: SubmitterType;
}

export class ReportInstitutionSubmitterDto {
  @ApiProperty({ enum: ['institution'] }) kind!: 'institution';
  @ApiProperty() name!: string;
  @SubmitterTypeProperty() type!: SubmitterType;
}

@ApiExtraModels(ReportPersonSubmitterDto, ReportInstitutionSubmitterDto)
export class ReportAnnexEntryDto {
  @ApiProperty() number!: string;
  @ApiProperty() chapter!: string;
  @ApiProperty() part!: string;
  @ApiProperty() currentWording!: string;
  @ApiProperty() proposedWording!: string;
  @ApiProperty() justification!: string;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(ReportPersonSubmitterDto) }, { $ref: getSchemaPath(ReportInstitutionSubmitterDto) }] })
  submitter!: ReportPersonSubmitterDto | ReportInstitutionSubmitterDto;
  @RoundChannelProperty() channel!: RoundChannel;
  @NullableDispositionProperty() disposition!: Disposition | null;
  @NullableStringProperty() dispositionJustification!: string | null;
}

/** What every edition's content has, whatever its format. */
abstract class ReportContentBaseDto {
  @Integer() edition!: number;
  @NullableDateTime() publishedAt!: string | null;
  @ApiProperty() organiser!: string;
  @ApiProperty({ type: ReportRoundDto }) round!: ReportRoundDto;
  @ApiProperty({ type: ReportDocumentDto }) document!: ReportDocumentDto;
}

/** The report as data, format 2. */
export class ReportContentDto extends ReportContentBaseDto {
  @ApiProperty({ enum: [2], type: 'integer' }) format!: 2;
  @ApiProperty({ type: ReportLawDto }) law!: ReportLawDto;
  @ApiProperty({ type: ReportStatutoryPeriodDto, nullable: true, description: 'null before the announcement' }) statutoryPeriod!: ReportStatutoryPeriodDto | null;
  @ApiProperty({ type: ReportPublicationDto }) publication!: ReportPublicationDto;
  @ApiProperty({ type: ReportAdoptionDto, nullable: true }) adoption!: ReportAdoptionDto | null;
  @ApiProperty({ type: [ReportMeetingDto] }) meetings!: ReportMeetingDto[];
  @ApiProperty({ type: ReportStatisticsDto }) statistics!: ReportStatisticsDto;
  @ApiProperty({ type: [ReportChapterChangesDto] }) mainChanges!: ReportChapterChangesDto[];
  @ApiProperty({ type: [ReportAnnexEntryDto], description: 'every comment considered (not withdrawn), anonymised' }) annex!: ReportAnnexEntryDto[];
  @ApiProperty({ type: [String], description: 'the numbers of the withdrawn comments' }) withdrawn!: string[];
}

// ---- editions of format 1 ----------------------------------------------------------------------------------------

export class ReportMeetingV1Dto {
  @DateTimeProperty() startsAt!: string;
  @ApiProperty() place!: string;
}

export class ReportStatisticsV1Dto extends ReportStatisticsDto {
  @Integer() received!: number;
  @Integer() withdrawn!: number;
}

export class ReportMainChangeV1Dto {
  @ApiProperty() number!: string;
  @ApiProperty() chapter!: string;
  @ApiProperty() part!: string;
  @ApiProperty({ enum: ['accepted', 'partly_accepted'] }) disposition!: 'accepted' | 'partly_accepted';
  @ApiProperty() proposedWording!: string;
  @ApiProperty() dispositionJustification!: string;
  @NullableStringProperty() appliedWording!: string | null;
}

export class ReportAnnexEntryV1Dto extends ReportAnnexEntryDto {
  @ApiProperty() withdrawn!: boolean;
}

/** An edition published before format 2: one main change per comment, withdrawn comments in the annex, fewer facts. */
export class ReportContentV1Dto extends ReportContentBaseDto {
  @ApiProperty({ enum: [1], type: 'integer' }) format!: 1;
  @ApiProperty({ type: [ReportMeetingV1Dto] }) meetings!: ReportMeetingV1Dto[];
  @ApiProperty({ type: ReportStatisticsV1Dto }) statistics!: ReportStatisticsV1Dto;
  @ApiProperty({ type: [ReportMainChangeV1Dto] }) mainChanges!: ReportMainChangeV1Dto[];
  @ApiProperty({ type: [ReportAnnexEntryV1Dto] }) annex!: ReportAnnexEntryV1Dto[];
}

// ---- editions, preview, publication -------------------------------------------------------------------------------

export class ReportEditionDto {
  @Integer() edition!: number;
  @ApiProperty({ description: 'the SHA-256 of the content’s canonical JSON' }) sha256!: string;
  @DateTimeProperty() publishedAt!: string;
}

/** A published edition for anyone: its frozen content as sealed (format 1 or 2) and every edition. */
@ApiExtraModels(ReportContentDto, ReportContentV1Dto)
export class PublishedReportDto extends ReportEditionDto {
  @IdProperty() roundId!: string;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(ReportContentDto) }, { $ref: getSchemaPath(ReportContentV1Dto) }], description: 'as sealed: an edition of format 1 keeps its own shape' })
  content!: ReportContentDto | ReportContentV1Dto;
  @ApiProperty({ type: [ReportEditionDto], description: 'oldest first' }) editions!: ReportEditionDto[];
}

export class ReportBlockersDto {
  @ApiProperty({ type: [String], description: 'comments without a disposition' }) undecided!: string[];
  @ApiProperty({ type: [String], description: 'comments whose disposition is not approved' }) unapproved!: string[];
}

export const PUBLISH_REFUSALS = ['round_not_closed', 'undecided_comments', 'unchanged'] as const;

export class ReportPublishableDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ enum: PUBLISH_REFUSALS, nullable: true }) reason!: (typeof PUBLISH_REFUSALS)[number] | null;
}

/** The report as it would be published now, for the round's staff. */
export class ReportPreviewDto {
  @IdProperty() roundId!: string;
  @RoundStateProperty() state!: RoundState;
  @ApiProperty({ type: ReportContentDto }) content!: ReportContentDto;
  @ApiProperty({ type: ReportBlockersDto }) blockers!: ReportBlockersDto;
  @ApiProperty({ type: [ReportEditionDto] }) editions!: ReportEditionDto[];
  @ApiProperty({ type: Boolean, nullable: true, description: 'whether the data differs from the latest edition; null when none is published' })
  changedSinceLatest!: boolean | null;
  @ApiProperty({ type: ReportPublishableDto }) publishable!: ReportPublishableDto;
}
