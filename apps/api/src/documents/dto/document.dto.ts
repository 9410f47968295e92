import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { IsStoredDate } from '../../platform/http/ranges';
import { OptionalNotNull } from '../../platform/http/validation';
import {
  DOCUMENT_ACCESS_LEVELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentAccess,
  type DocumentKind,
  type DocumentStatus,
} from '@commonplan/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateDocumentDto {
  @ApiProperty({ example: 'Strategia Rozwoju SOM 2030' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` })
  kind!: DocumentKind;
}

export class UpdateDocumentDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @OptionalNotNull()
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` })
  kind?: DocumentKind;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES, description: 'coordinators only' })
  @OptionalNotNull()
  @IsIn(DOCUMENT_STATUSES, { message: `status must be one of: ${DOCUMENT_STATUSES.join(', ')}` })
  status?: DocumentStatus;
}

export class GrantAccessDto {
  @ApiProperty({ enum: DOCUMENT_ACCESS_LEVELS })
  @IsIn(DOCUMENT_ACCESS_LEVELS, { message: `access must be one of: ${DOCUMENT_ACCESS_LEVELS.join(', ')}` })
  access!: DocumentAccess;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the access ends (ad-hoc experts); null or absent: no end',
    example: '2027-03-31T23:59:59Z',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsStoredDate('expiresAt must be a date-time (ISO 8601)')
  expiresAt?: Date | null;
}
