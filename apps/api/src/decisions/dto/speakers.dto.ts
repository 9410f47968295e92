import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateTimeProperty, IdProperty, NullableIdProperty } from '../../platform/http/api-properties';
import { OptionalNotNull } from '../../platform/http/validation';

// The speakers' list of a meeting (speakers.controller.ts): what is asked and what is answered.

export const SPEAKER_KINDS = ['speech', 'point_of_order'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];
export const SPEAKER_STATES = ['waiting', 'speaking', 'done', 'withdrawn'] as const;
export type SpeakerState = (typeof SPEAKER_STATES)[number];
export const SPEAKING_SECONDS = { min: 30, max: 3600 } as const;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CurrentItemDto {
  @ApiProperty({ description: 'the agenda item of this meeting the discussion moves to' })
  @IsUUID('all', { message: 'itemId must be an agenda item id' })
  itemId!: string;
}

export class SpeakingTimeDto {
  @ApiProperty({ type: 'integer', minimum: SPEAKING_SECONDS.min, maximum: SPEAKING_SECONDS.max, description: 'the time each speaker is given from now on, in seconds' })
  @IsInt({ message: 'seconds must be a whole number' })
  @Min(SPEAKING_SECONDS.min, { message: `seconds must be from ${SPEAKING_SECONDS.min} to ${SPEAKING_SECONDS.max}` })
  @Max(SPEAKING_SECONDS.max, { message: `seconds must be from ${SPEAKING_SECONDS.min} to ${SPEAKING_SECONDS.max}` })
  seconds!: number;
}

export class RequestFloorDto {
  @ApiProperty({ enum: SPEAKER_KINDS, description: 'a speech, or a point of order (wniosek formalny), heard before the speeches' })
  @IsIn(SPEAKER_KINDS, { message: `kind must be one of: ${SPEAKER_KINDS.join(', ')}` })
  kind!: SpeakerKind;

  @ApiPropertyOptional({ description: 'the chair only: someone who speaks without being a member’s representative (a guest, an expert), by name' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString({ message: 'name must be a text' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;
}

/** One request for the floor on an agenda item. */
export class SpeakerDto {
  @IdProperty() id!: string;
  @IdProperty({ description: 'the agenda item it is about' }) itemId!: string;
  @ApiProperty({ enum: SPEAKER_KINDS }) kind!: SpeakerKind;
  @ApiProperty({ enum: SPEAKER_STATES }) state!: SpeakerState;
  @NullableIdProperty({ description: 'the member whose representative speaks; null for someone the chair added by name' }) organisationId!: string | null;
  @ApiProperty({ description: 'the member’s name, or the name the chair entered' }) name!: string;
  @DateTimeProperty() requestedAt!: string;
  @DateTimeProperty({ nullable: true, description: 'when the floor was given' }) startedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the time given, in seconds (the meeting’s limit when the floor was given)' }) seconds!: number | null;
  @DateTimeProperty({ nullable: true, description: 'startedAt + seconds' }) endsAt!: string | null;
  @DateTimeProperty({ nullable: true, description: 'when it was done or withdrawn' }) endedAt!: string | null;
}

export class SpeakersItemDto {
  @IdProperty({ description: 'the agenda item' }) itemId!: string;
  @ApiProperty({ type: [SpeakerDto], description: 'points of order first, then speeches, each by the time asked' }) speakers!: SpeakerDto[];
}

/** GET /api/meetings/:id/speakers: the item under discussion, the one speaking and each item's list. */
export class SpeakersDto {
  @IdProperty() meetingId!: string;
  @NullableIdProperty({ description: 'the agenda item under discussion' }) currentItemId!: string | null;
  @ApiProperty({ type: 'integer', description: 'the time each speaker is given, in seconds' }) speakingSeconds!: number;
  @ApiProperty({ type: SpeakerDto, nullable: true, description: 'who has the floor now' }) speaking!: SpeakerDto | null;
  @ApiProperty({ type: [SpeakersItemDto], description: 'every agenda item in the agenda’s order' }) items!: SpeakersItemDto[];
  @DateTimeProperty({ description: 'the server’s clock when the list was read (a page counts a speech down against it)' }) serverTime!: string;
}
