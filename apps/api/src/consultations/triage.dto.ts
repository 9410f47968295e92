import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, isUUID, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { DISPOSITIONS, type Disposition, SUBMITTER_TYPES } from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const TRIAGE_SORTS = ['number', 'part', 'submitter', 'disposition'] as const;

export class TriageQueryDto {
  @ApiPropertyOptional({ description: 'part of the document contains this text' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  part?: string;

  @ApiPropertyOptional({ enum: SUBMITTER_TYPES })
  @IsOptional()
  @IsIn(SUBMITTER_TYPES, { message: `submitterType must be one of: ${SUBMITTER_TYPES.join(', ')}` })
  submitterType?: string;

  @ApiPropertyOptional({ enum: [...DISPOSITIONS, 'none'] })
  @IsOptional()
  @IsIn([...DISPOSITIONS, 'none'], { message: `disposition must be one of: ${[...DISPOSITIONS, 'none'].join(', ')}` })
  disposition?: Disposition | 'none';

  @ApiPropertyOptional({ description: 'a user id, or "none" for unassigned comments' })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'none')
  @IsUUID('all', { message: 'assigneeId must be a user id or "none"' })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'full-text search in the number, part, wordings, justification and submitter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TRIAGE_SORTS })
  @IsOptional()
  @IsIn(TRIAGE_SORTS, { message: `sort must be one of: ${TRIAGE_SORTS.join(', ')}` })
  sort?: (typeof TRIAGE_SORTS)[number];
}

export class AssignDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'an expert or coordinator of the workspace; null to unassign' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'assigneeId must be a user id or null' })
  assigneeId!: string | null;
}

export class DispositionDto {
  @ApiProperty({ enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS, { message: `disposition must be one of: ${DISPOSITIONS.join(', ')}` })
  disposition!: Disposition;

  @ApiProperty({ description: 'required: why (it is published in the report)' })
  @Transform(trim)
  @IsString()
  @Length(1, 20_000)
  justification!: string;
}

export class NoteDto {
  @ApiProperty({ description: 'an internal note, never published' })
  @Transform(trim)
  @IsString()
  @Length(1, 10_000)
  body!: string;
}

/** At most this many comments in one bulk action (a round's whole table, in practice). */
export const MAX_BULK_COMMENTS = 500;

/** What a coordinator does to many comments at once: assign them to one person, or approve their drafted dispositions. */
export const BULK_ACTIONS = ['assign', 'approve'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** assign: a user id or null (unassign), required; approve: none. */
const BulkAssignee = () =>
  ValidateBy({
    name: 'bulkAssignee',
    validator: {
      validate: (value: unknown, args) => ((args?.object as TriageBulkDto).action === 'assign' ? value === null || (typeof value === 'string' && isUUID(value)) : value === undefined),
      defaultMessage: () => 'assigneeId must be a user id or null with action assign, and is left out with action approve',
    },
  });

/** One action on many comments of a round, all or nothing (coordinators). */
export class TriageBulkDto {
  @ApiProperty({ type: [String], maxItems: MAX_BULK_COMMENTS, description: 'comments of this round, each once' })
  @IsArray({ message: 'commentIds must be a list of comment ids' })
  @ArrayMinSize(1, { message: 'commentIds must name at least one comment' })
  @ArrayMaxSize(MAX_BULK_COMMENTS, { message: `commentIds may name at most ${MAX_BULK_COMMENTS} comments` })
  @ArrayUnique({ message: 'commentIds must not repeat a comment' })
  @IsUUID('all', { each: true, message: 'commentIds must be comment ids (UUIDs)' })
  commentIds!: string[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS, { message: `action must be one of: ${BULK_ACTIONS.join(', ')}` })
  action!: BulkAction;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'with assign: an expert or coordinator of the workspace, or null to unassign' })
  @BulkAssignee()
  assigneeId?: string | null;
}
