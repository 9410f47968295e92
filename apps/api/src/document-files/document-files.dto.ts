import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DOCUMENT_KINDS, type DocumentKind } from '@commonplan/domain';
import { DocumentDto } from '../documents/dto/document-responses.dto';
import { EXPORT_FORMATS, type ExportFormat } from './document-files.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;

  @ApiPropertyOptional({ description: 'a version id, or "live" (the default)', example: 'live' })
  @IsOptional()
  @Matches(/^(live|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'version must be a version id or "live"' })
  version?: string;

  @ApiPropertyOptional({ enum: ['pl', 'en'], description: 'language of the cover page (Polish by default)' })
  @IsOptional()
  @IsIn(['pl', 'en'], { message: 'lang must be pl or en' })
  lang?: 'pl' | 'en';
}

export class ImportDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` })
  kind!: DocumentKind;

  @ApiPropertyOptional({ description: 'the title; by default the title in the file, or its name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;
}

/** The document a file became. */
export class ImportedDocumentDto extends DocumentDto {
  @ApiProperty({ type: 'integer', description: 'how many top-level blocks the file gave (headings, paragraphs, lists, tables…)' })
  importedBlocks!: number;
}
