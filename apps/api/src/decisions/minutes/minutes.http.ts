import { NotFoundException, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MINUTES_LANGUAGES, type MinutesLanguage } from './minutes-labels';
import { MINUTES_FORMATS, MINUTES_MEDIA_TYPES, type MinutesFile, type MinutesFormat } from './minutes.service';

export class MinutesQueryDto {
  @ApiPropertyOptional({ enum: MINUTES_LANGUAGES, description: "the minutes' fixed words (Polish by default); names and titles stay as entered" })
  @IsOptional()
  @IsIn(MINUTES_LANGUAGES, { message: 'lang must be pl or en' })
  lang?: MinutesLanguage;
}

export const MINUTES_FORMAT_PARAM = { name: 'format', enum: MINUTES_FORMATS };

export function minutesFormat(value: string): MinutesFormat {
  if (!(MINUTES_FORMATS as readonly string[]).includes(value)) throw new NotFoundException(`the minutes come as ${MINUTES_FORMATS.join(', ')}`);
  return value as MinutesFormat;
}

/** A download: its media type and a file name (ASCII slug, and the same as UTF-8 for clients that read it). */
export function minutesDownload(file: MinutesFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.mediaType,
    length: file.body.length,
    disposition: `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

/** Documents a download: the file's bytes in one of `mediaTypes`. */
export const ApiFileResponse = (description: string, mediaTypes: readonly string[]) =>
  ApiOkResponse({ description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) });

/** The minutes as a file (pdf or docx, by the address's extension). */
export const ApiMinutesFileResponse = () => ApiFileResponse('the minutes as a file', Object.values(MINUTES_MEDIA_TYPES));

/** A PDF download. */
export const ApiPdfResponse = (description: string) => ApiFileResponse(description, ['application/pdf']);
