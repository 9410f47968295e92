import { NotFoundException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiFileResponse } from '../../platform/http/file-download';
import { MINUTES_LANGUAGES, type MinutesLanguage } from './minutes-labels';
import { MINUTES_FORMATS, MINUTES_MEDIA_TYPES, type MinutesFormat } from './minutes.service';

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

/** The minutes as a file (pdf or docx, by the address's extension). */
export const ApiMinutesFileResponse = () => ApiFileResponse('the minutes as a file', Object.values(MINUTES_MEDIA_TYPES));
