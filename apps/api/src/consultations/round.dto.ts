import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsStoredDate } from '../platform/http/ranges';
import { OptionalNotNull } from '../platform/http/validation';
import { ROUND_AUDIENCES, ROUND_CHANNELS, type RoundAudience, type RoundChannel } from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value);

/** At most this many addresses of each kind (the website, BIP, a second BIP page, …). */
export const MAX_PUBLICATION_URLS = 10;

/**
 * A list of http(s) addresses where something was published, each named in a 400 by the field: "announcementUrls must
 * be http or https addresses".
 */
function PublicationUrls(field: string) {
  return applyDecorators(
    Transform(trimEach),
    IsArray({ message: `${field} must be a list of addresses` }),
    ArrayMaxSize(MAX_PUBLICATION_URLS, { message: `${field} may hold at most ${MAX_PUBLICATION_URLS} addresses` }),
    ArrayUnique({ message: `${field} must not repeat an address` }),
    IsString({ each: true, message: `${field} must be http or https addresses` }),
    MaxLength(2000, { each: true, message: `${field} must be addresses of at most 2000 characters` }),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { each: true, message: `${field} must be http or https addresses, e.g. https://bip.example.pl/konsultacje` }),
  );
}

/** The round's title: 1 to 300 characters, trimmed. */
const RoundTitle = () => applyDecorators(Transform(trim), IsString({ message: 'title must be text' }), Length(1, 300, { message: 'title must be 1 to 300 characters' }));

/** The legal basis: 1 to 2000 characters, trimmed. */
const LegalBasis = () =>
  applyDecorators(Transform(trim), IsString({ message: 'legalBasis must be text' }), Length(1, 2000, { message: 'legalBasis must be 1 to 2000 characters' }));

/** A non-empty list of distinct values out of `allowed` (who a round asks, how comments may arrive). */
function ChoiceList(field: string, allowed: readonly string[], what: string) {
  return applyDecorators(
    IsArray({ message: `${field} must be a list` }),
    ArrayMinSize(1, { message: `${field} must name at least one ${what}` }),
    ArrayUnique({ message: `${field} must not repeat a value` }),
    IsIn(allowed, { each: true, message: `${field} must be among: ${allowed.join(', ')}` }),
  );
}

/** The information clause on personal data: text of at most 10000 characters (empty: the workspace's default). */
const InformationClause = () => applyDecorators(IsString({ message: 'informationClause must be text' }), MaxLength(10_000, { message: 'informationClause must be at most 10000 characters' }));

export class CreateRoundDto {
  @ApiProperty()
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId!: string;

  @ApiProperty({ description: 'the frozen version consulted' })
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId!: string;

  @ApiProperty({ example: 'Konsultacje projektu Strategii Rozwoju SOM 2030' })
  @RoundTitle()
  title!: string;

  @ApiPropertyOptional({ description: 'by default art. 6 of the act on development policy' })
  @IsOptional()
  @LegalBasis()
  legalBasis?: string;

  @ApiProperty({ enum: ROUND_AUDIENCES, isArray: true })
  @ChoiceList('audiences', ROUND_AUDIENCES, 'audience')
  audiences!: RoundAudience[];

  @ApiProperty({ enum: ROUND_CHANNELS, isArray: true })
  @ChoiceList('channels', ROUND_CHANNELS, 'channel')
  channels!: RoundChannel[];

  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' })
  @IsStoredDate('opensAt must be a date')
  opensAt!: Date;

  @ApiPropertyOptional({ description: 'by default the end of the 35th day after the announcement (before it: after the later of now and opensAt), in Warsaw' })
  @IsOptional()
  @IsStoredDate('closesAt must be a date')
  closesAt?: Date;

  @ApiPropertyOptional({ description: 'where the announcement is published (the website, BIP): http(s) addresses', type: [String] })
  @IsOptional()
  @PublicationUrls('announcementUrls')
  announcementUrls?: string[];

  @ApiPropertyOptional({ description: 'where the report is published: http(s) addresses', type: [String] })
  @IsOptional()
  @PublicationUrls('reportUrls')
  reportUrls?: string[];

  @ApiPropertyOptional({ description: 'the information clause on personal data shown on the comment form (art. 13 GDPR)' })
  @IsOptional()
  @InformationClause()
  informationClause?: string;
}

/**
 * Changes to a draft or announced round's announcement (coordinators), each field validated as on creation; what is
 * left out stays. The document and version consulted do not change (a round on another version is a new round), and
 * the publication addresses have their own form (RoundPublicationDto).
 */
export class UpdateRoundDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @RoundTitle()
  title?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @LegalBasis()
  legalBasis?: string;

  @ApiPropertyOptional({ enum: ROUND_AUDIENCES, isArray: true })
  @OptionalNotNull()
  @ChoiceList('audiences', ROUND_AUDIENCES, 'audience')
  audiences?: RoundAudience[];

  @ApiPropertyOptional({ enum: ROUND_CHANNELS, isArray: true })
  @OptionalNotNull()
  @ChoiceList('channels', ROUND_CHANNELS, 'channel')
  channels?: RoundChannel[];

  @ApiPropertyOptional({ example: '2026-12-01T08:00:00.000Z' })
  @OptionalNotNull()
  @IsStoredDate('opensAt must be a date')
  opensAt?: Date;

  @ApiPropertyOptional({ description: 'after opensAt; a strategy’s round shorter than 35 days from the announcement is warned about, not refused' })
  @OptionalNotNull()
  @IsStoredDate('closesAt must be a date')
  closesAt?: Date;

  @ApiPropertyOptional({ description: 'empty: the default clause of the workspace' })
  @OptionalNotNull()
  @InformationClause()
  informationClause?: string;
}

/** Where the round's announcement and report were published, and the resolution that approved the report (coordinators). */
export class RoundPublicationDto {
  @ApiPropertyOptional({ description: 'where the announcement is published (the website, BIP): http(s) addresses', type: [String] })
  @OptionalNotNull()
  @PublicationUrls('announcementUrls')
  announcementUrls?: string[];

  @ApiPropertyOptional({ description: 'where the report is published: http(s) addresses', type: [String] })
  @OptionalNotNull()
  @PublicationUrls('reportUrls')
  reportUrls?: string[];

  @ApiPropertyOptional({ description: 'an adopted resolution of this workspace that approved the report; null to name none', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'approvedByResolutionId must be a UUID or null' })
  approvedByResolutionId?: string | null;
}

const PARTICIPANTS = { min: 0, max: 1_000_000 };

export class MeetingDto {
  @ApiProperty()
  @IsStoredDate('startsAt must be a date')
  startsAt!: Date;

  @ApiProperty({ example: 'Urząd Miasta Szczecin, sala sesyjna' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  place!: string;

  @ApiPropertyOptional({ description: 'internal: never published' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'how many took part (published in the report); null when not counted', nullable: true, minimum: PARTICIPANTS.min, maximum: PARTICIPANTS.max })
  @IsOptional()
  @IsInt({ message: 'participants must be a whole number' })
  @Min(PARTICIPANTS.min, { message: 'participants must be 0 or more' })
  @Max(PARTICIPANTS.max, { message: `participants must be at most ${PARTICIPANTS.max}` })
  participants?: number | null;

  @ApiPropertyOptional({ description: 'what was discussed (published in the report, personal data taken out)' })
  @IsOptional()
  @IsString({ message: 'summary must be text' })
  @MaxLength(20_000, { message: 'summary must be at most 20000 characters' })
  summary?: string;
}

/** A meeting's changes, e.g. its participants and summary after it was held (coordinators). */
export class UpdateMeetingDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsStoredDate('startsAt must be a date')
  startsAt?: Date;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString({ message: 'place must be text' })
  @Length(1, 500, { message: 'place must be 1 to 500 characters' })
  place?: string;

  @ApiPropertyOptional({ description: 'internal: never published' })
  @OptionalNotNull()
  @IsString({ message: 'notes must be text' })
  @MaxLength(10_000, { message: 'notes must be at most 10000 characters' })
  notes?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: PARTICIPANTS.min, maximum: PARTICIPANTS.max })
  @IsOptional()
  @IsInt({ message: 'participants must be a whole number' })
  @Min(PARTICIPANTS.min, { message: 'participants must be 0 or more' })
  @Max(PARTICIPANTS.max, { message: `participants must be at most ${PARTICIPANTS.max}` })
  participants?: number | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString({ message: 'summary must be text' })
  @MaxLength(20_000, { message: 'summary must be at most 20000 characters' })
  summary?: string;
}
