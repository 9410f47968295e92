import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsStoredDate } from '../platform/http/ranges';
import { ROUND_AUDIENCES, ROUND_CHANNELS, type RoundAudience, type RoundChannel } from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateRoundDto {
  @ApiProperty()
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId!: string;

  @ApiProperty({ description: 'the frozen version consulted' })
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId!: string;

  @ApiProperty({ example: 'Konsultacje projektu Strategii Rozwoju SOM 2030' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ description: 'by default art. 6 of the act on development policy' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  legalBasis?: string;

  @ApiProperty({ enum: ROUND_AUDIENCES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'audiences must name at least one audience' })
  @ArrayUnique()
  @IsIn(ROUND_AUDIENCES, { each: true, message: `audiences must be among: ${ROUND_AUDIENCES.join(', ')}` })
  audiences!: RoundAudience[];

  @ApiProperty({ enum: ROUND_CHANNELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'channels must name at least one channel' })
  @ArrayUnique()
  @IsIn(ROUND_CHANNELS, { each: true, message: `channels must be among: ${ROUND_CHANNELS.join(', ')}` })
  channels!: RoundChannel[];

  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' })
  @IsStoredDate('opensAt must be a date')
  opensAt!: Date;

  @ApiPropertyOptional({ description: 'by default 35 days after opensAt' })
  @IsOptional()
  @IsStoredDate('closesAt must be a date')
  closesAt?: Date;

  @ApiPropertyOptional({ description: 'the information clause on personal data shown on the comment form (art. 13 GDPR)' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  informationClause?: string;
}

export class MeetingDto {
  @ApiProperty()
  @IsStoredDate('startsAt must be a date')
  startsAt!: Date;

  @ApiProperty({ example: 'Urząd Miasta Szczecin, sala sesyjna' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  place!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;
}
