import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SEARCH_SOURCES, type SearchSource } from './search-sources';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SearchQueryDto {
  @ApiProperty({ description: 'the words sought (Polish forms, with or without diacritics; the last may be unfinished)', minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'q must be text' })
  @Length(1, 200, { message: 'q must be 1 to 200 characters' })
  q!: string;

  @ApiPropertyOptional({ enum: SEARCH_SOURCES, enumName: 'SearchKind', description: 'only this kind of result (for more of it)' })
  @IsOptional()
  @IsIn(SEARCH_SOURCES, { message: `kind must be one of: ${SEARCH_SOURCES.join(', ')}` })
  kind?: SearchSource;

  @ApiPropertyOptional({ description: 'results per kind (5 by default, 20 with kind)', minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1 or more' })
  @Max(50, { message: 'limit must be at most 50' })
  limit?: number;
}

export class SnippetPartDto {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'a word that matches the query' }) match!: boolean;
}

export class SearchHitDto {
  @ApiProperty({ enum: SEARCH_SOURCES, enumName: 'SearchKind' }) kind!: SearchSource;
  @ApiProperty({ format: 'uuid', description: 'the record found (document, version, comment thread, …)' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the heading (or quoted passage) the match stands under' }) heading!: string | null;
  @ApiProperty({ type: [SnippetPartDto] }) snippet!: SnippetPartDto[];
  @ApiProperty({ type: String, nullable: true, description: "the web app's path to the match, with its heading or comment anchor" })
  href!: string | null;
  @ApiProperty({ description: 'found by similarity of the title (a typo), not by its words' }) similar!: boolean;
}

export class SearchGroupDto {
  @ApiProperty({ enum: SEARCH_SOURCES, enumName: 'SearchKind' }) kind!: SearchSource;
  @ApiProperty({ description: 'how many results of this kind there are in all (at least this many when `more`)' }) total!: number;
  @ApiProperty({ description: 'the matches were cut short (a very common word): there may be more than `total`' }) more!: boolean;
  @ApiProperty({ type: [SearchHitDto] }) hits!: SearchHitDto[];
}

export class SearchResponseDto {
  @ApiProperty() q!: string;
  @ApiProperty({ type: [SearchGroupDto] }) groups!: SearchGroupDto[];
}
