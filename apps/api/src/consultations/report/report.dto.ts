import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REPORT_LANGUAGES, type ReportLanguage } from './report-labels';

export class ReportFileQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: "the report's fixed labels (Polish by default); the data stays as entered" })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be pl or en' })
  lang?: ReportLanguage;
}

export class PublishedReportQueryDto extends ReportFileQueryDto {
  @ApiPropertyOptional({ description: 'an earlier edition (the latest by default)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'edition must be a whole number' })
  @Min(1, { message: 'edition must be 1 or more' })
  @Max(1_000_000, { message: 'edition must be at most 1000000' })
  edition?: number;
}
