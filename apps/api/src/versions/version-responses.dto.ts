import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { DateTimeProperty, IdProperty } from '../platform/http/api-properties';
import { PersonNameDto } from '../documents/dto/document-responses.dto';

/** A version of a document: the text frozen under a name, and the hash of that text. */
export class VersionSummaryDto {
  @IdProperty() id!: string;
  @IdProperty() documentId!: string;
  @ApiProperty({ type: 'integer', description: '1, 2, 3… in the order the versions were frozen' }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "SHA-256 (hex) of the canonical JSON of the version's content: the same text always has the same hash" })
  contentHash!: string;
  @DateTimeProperty() createdAt!: string;
  @ApiProperty({ type: PersonNameDto, nullable: true, description: 'who froze it (null when the account is gone)' }) createdBy!: PersonNameDto | null;
}

/** A version with its content. */
export class VersionDetailsDto extends VersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the content as ProseMirror (Tiptap) JSON, in the schema of libs/editor' })
  content!: Record<string, unknown>;
  @ApiProperty({ description: 'the content rendered as HTML' }) html!: string;
}

export class RestoredVersionDto {
  @ApiProperty({ description: 'false: the live text already read as the version' }) changed!: boolean;
}

/** The live text as a side of a comparison. */
export class LiveSideDto {
  @ApiProperty({ enum: ['live'] }) kind!: 'live';
}

/** A version as a side of a comparison. */
export class VersionSideDto {
  @ApiProperty({ enum: ['version'] }) kind!: 'version';
  @IdProperty() id!: string;
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty() contentHash!: string;
}

export class DiffPartDto {
  @ApiProperty({ enum: ['=', '+', '-'], description: 'unchanged, inserted or deleted' }) op!: '=' | '+' | '-';
  @ApiProperty() text!: string;
}

/** One block of a comparison: unchanged, only in the newer text, only in the older, or changed word by word. */
export class DiffBlockDto {
  @ApiProperty({ enum: ['same', 'added', 'removed', 'changed'] }) kind!: 'same' | 'added' | 'removed' | 'changed';
  @ApiProperty({ description: 'heading, paragraph, listItem, blockquote, tableCell, tableHeader or pageBreak' }) type!: string;
  @ApiPropertyOptional({ type: 'integer', description: "a heading's level" }) level?: number;
  @ApiProperty({ type: [DiffPartDto] }) parts!: DiffPartDto[];
}

const SIDE = {
  oneOf: [{ $ref: getSchemaPath(LiveSideDto) }, { $ref: getSchemaPath(VersionSideDto) }],
  discriminator: { propertyName: 'kind', mapping: { live: getSchemaPath(LiveSideDto), version: getSchemaPath(VersionSideDto) } },
};

/** The changes from one side to the other, block by block and word by word. */
@ApiExtraModels(LiveSideDto, VersionSideDto)
export class ComparisonDto {
  @ApiProperty(SIDE) from!: LiveSideDto | VersionSideDto;
  @ApiProperty(SIDE) to!: LiveSideDto | VersionSideDto;
  @ApiProperty({ type: [DiffBlockDto] }) blocks!: DiffBlockDto[];
  @ApiProperty({ type: 'integer', description: 'words inserted in all' }) insertedWords!: number;
  @ApiProperty({ type: 'integer', description: 'words deleted in all' }) deletedWords!: number;
}
