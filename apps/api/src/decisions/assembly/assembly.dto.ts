import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ProposeAmendmentDto {
  @ApiProperty({ type: 'integer', description: 'where the passage begins in the resolution’s text as the proposer sees it (ProseMirror position)' })
  @IsInt({ message: 'from must be a whole number' })
  @Min(0)
  @Max(10_000_000)
  from!: number;

  @ApiProperty({ type: 'integer', description: 'where the passage ends (after from)' })
  @IsInt({ message: 'to must be a whole number' })
  @Min(1)
  @Max(10_000_000)
  to!: number;

  @ApiProperty({ description: 'the passage’s words as the proposer sees them; when the text changed meanwhile nothing is stored (409 passage_changed)' })
  @IsString()
  @Length(1, 20_000)
  expectedText!: string;

  @ApiProperty({ description: 'the wording proposed in place of the passage; empty deletes it' })
  @IsString()
  @MaxLength(20_000)
  proposedText!: string;

  @ApiPropertyOptional({ description: 'why' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  justification?: string;

  @ApiPropertyOptional({ description: 'staff only: the body or committee on whose behalf the amendment is proposed, e.g. "Komisja Rewizyjna"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  proposerName?: string;
}

export class ArrangeAmendmentsDto {
  @ApiProperty({ type: [String], description: 'every amendment still to be voted, in the order of voting (the furthest-reaching first)' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'order must list amendment ids' })
  order!: string[];

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 2, maxItems: 2 }, description: 'pairs of amendments that exclude each other: adopting one drops the other' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsArray({ each: true, message: 'conflicts must be pairs of amendment ids' })
  conflicts!: string[][];
}

export const NEW_AGENDA_ITEM_KINDS = ['resolution', 'minutes', 'other'] as const;

/** An item to put on the agenda: a resolution of the body, an earlier meeting's minutes to approve, or another item. */
export class NewAgendaItemDto {
  @ApiProperty({ enum: NEW_AGENDA_ITEM_KINDS })
  @IsIn(NEW_AGENDA_ITEM_KINDS, { message: `kind must be one of: ${NEW_AGENDA_ITEM_KINDS.join(', ')}` })
  kind!: (typeof NEW_AGENDA_ITEM_KINDS)[number];

  @ApiPropertyOptional({ description: 'kind resolution: an undecided resolution of the meeting’s body' })
  @ValidateIf((o: NewAgendaItemDto) => o.kind === 'resolution')
  @IsUUID('all', { message: 'resolutionId must be a UUID' })
  resolutionId?: string;

  @ApiPropertyOptional({ description: 'kind minutes: a closed earlier meeting of the same body whose minutes are not approved yet' })
  @ValidateIf((o: NewAgendaItemDto) => o.kind === 'minutes')
  @IsUUID('all', { message: 'minutesOf must be a UUID' })
  minutesOf?: string;

  @ApiPropertyOptional({ description: 'kind other: the item’s title, e.g. "Wolne wnioski"' })
  @ValidateIf((o: NewAgendaItemDto) => o.kind === 'other')
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'where it goes (1 first); at the end when left out' })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(1)
  @Max(1000)
  position?: number;
}

export class MoveAgendaItemDto {
  @ApiProperty({ type: 'integer', description: 'the item’s new position (1 first)' })
  @IsInt({ message: 'position must be a whole number' })
  @Min(1)
  @Max(1000)
  position!: number;
}

export const AGENDA_CHANGE_ACTIONS = ['add', 'move'] as const;

/** A change of an adopted agenda, voted as a motion: an item added, or one moved. */
export class AgendaChangeDto {
  @ApiProperty({ enum: AGENDA_CHANGE_ACTIONS })
  @IsIn(AGENDA_CHANGE_ACTIONS, { message: `action must be one of: ${AGENDA_CHANGE_ACTIONS.join(', ')}` })
  action!: (typeof AGENDA_CHANGE_ACTIONS)[number];

  @ApiPropertyOptional({ type: NewAgendaItemDto, description: 'action add: the item' })
  @ValidateIf((o: AgendaChangeDto) => o.action === 'add')
  @ValidateNested()
  @Type(() => NewAgendaItemDto)
  item?: NewAgendaItemDto;

  @ApiPropertyOptional({ description: 'action move: the item moved' })
  @ValidateIf((o: AgendaChangeDto) => o.action === 'move')
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'action move: its new position; action add: where it goes (at the end when left out)' })
  @ValidateIf((o: AgendaChangeDto) => o.action === 'move' || o.position !== undefined)
  @IsInt({ message: 'position must be a whole number' })
  @Min(1)
  @Max(1000)
  position?: number;
}

export const MOTION_KINDS = ['agenda', 'agenda_change', 'minutes', 'amendment'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];

/** What the chair puts to the vote of the meeting besides resolutions. */
export class OpenMotionDto {
  @ApiProperty({ enum: MOTION_KINDS, description: 'agenda: adopt the agenda; agenda_change: change the adopted agenda; minutes: approve an earlier meeting’s minutes (an agenda item); amendment: an amendment to a resolution on the agenda' })
  @IsIn(MOTION_KINDS, { message: `kind must be one of: ${MOTION_KINDS.join(', ')}` })
  kind!: MotionKind;

  @ApiPropertyOptional({ description: 'kind minutes: the agenda item of the minutes' })
  @ValidateIf((o: OpenMotionDto) => o.kind === 'minutes')
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string;

  @ApiPropertyOptional({ description: 'kind amendment: the amendment' })
  @ValidateIf((o: OpenMotionDto) => o.kind === 'amendment')
  @IsUUID('all', { message: 'amendmentId must be a UUID' })
  amendmentId?: string;

  @ApiPropertyOptional({ type: AgendaChangeDto, description: 'kind agenda_change: the change' })
  @ValidateIf((o: OpenMotionDto) => o.kind === 'agenda_change')
  @ValidateNested()
  @Type(() => AgendaChangeDto)
  change?: AgendaChangeDto;
}
