import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_TEXT_POSITION } from '../platform/http/ranges';
import { ROUND_CHANNELS, type RoundChannel, SUBMITTER_KINDS, SUBMITTER_TYPES } from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);


/** Where in the frozen version the comment's passage is (ProseMirror positions: the version never changes). */
export class PassageDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_TEXT_POSITION)
  from!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_TEXT_POSITION)
  to!: number;
}

export class SubmitterDto {
  @ApiProperty({ enum: SUBMITTER_KINDS })
  @IsIn(SUBMITTER_KINDS, { message: `submitter.kind must be one of: ${SUBMITTER_KINDS.join(', ')}` })
  kind!: (typeof SUBMITTER_KINDS)[number];

  @ApiProperty({ description: 'the person’s name, or the institution’s' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: SUBMITTER_TYPES })
  @IsIn(SUBMITTER_TYPES, { message: `submitter.type must be one of: ${SUBMITTER_TYPES.join(', ')}` })
  type!: (typeof SUBMITTER_TYPES)[number];
}

/** The comment itself, as the form in Polish practice has it. */
export class CommentContentDto {
  @ApiProperty({ description: 'part of the document: chapter, point or page', example: 'Rozdział 2. Cele strategiczne' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  part!: string;

  @ApiPropertyOptional({ type: PassageDto })
  @IsOptional()
  // ValidateNested alone lets a list of passages through.
  @IsObject({ message: 'passage must be an object { from, to }' })
  @ValidateNested()
  @Type(() => PassageDto)
  passage?: PassageDto;

  @ApiPropertyOptional({ description: 'the current wording (filled from the selected passage)' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  currentWording?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  proposedWording?: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 20_000)
  justification!: string;
}

/** A comment from the public form: the submitter says who they are; the e-mail gets the receipt and is never published. */
export class PublicCommentDto extends CommentContentDto {
  @ApiProperty({ type: SubmitterDto })
  // ValidateNested alone lets a missing submitter (or a list) through.
  @IsObject({ message: 'submitter must be an object { kind, name, type }' })
  @ValidateNested()
  @Type(() => SubmitterDto)
  submitter!: SubmitterDto;

  @ApiPropertyOptional({ description: 'for the receipt; never published' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: 'leave empty (a field people do not see)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  website?: string;
}

/** A comment staff enter on a submitter's behalf (it came by e-mail, post, ePUAP or was said at a meeting). */
export class StaffCommentDto extends PublicCommentDto {
  @ApiProperty({ enum: ROUND_CHANNELS })
  @IsIn(ROUND_CHANNELS, { message: `channel must be one of: ${ROUND_CHANNELS.join(', ')}` })
  channel!: RoundChannel;

  @ApiPropertyOptional({ description: 'for a comment made orally (oral_protocol): the meeting of this round it was made at' })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a UUID' })
  meetingId?: string;
}
