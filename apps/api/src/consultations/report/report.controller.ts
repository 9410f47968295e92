import { Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public, SignedIn } from '../../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../../access/request-context';
import { fileDownload } from '../../platform/http/file-download';
import { UuidParam } from '../../platform/http/params';
import { PublishedReportQueryDto, ReportFileQueryDto } from './report.dto';
import { PublishedReportDto, ReportEditionDto, ReportPreviewDto } from './report-responses.dto';
import { MEDIA_TYPES, REPORT_FORMATS, type ReportFormat, ReportService } from './report.service';

function formatOf(value: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(value)) throw new NotFoundException(`the report comes as ${REPORT_FORMATS.join(', ')}`);
  return value as ReportFormat;
}

const FORMAT_PARAM = { name: 'format', enum: REPORT_FORMATS };

/** A report file: a download in the media type of its format. */
const FILE_RESPONSE = {
  description: 'the report as a file (Content-Disposition: attachment)',
  content: Object.fromEntries(Object.values(MEDIA_TYPES).map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }])),
};

/** The consultation report: staff preview and files, publication of editions, and the published editions for everyone. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  /** The report as it would be published now, with what holds it up (coordinators and experts). */
  @SignedIn()
  @Get('rounds/:roundId/report')
  @ApiOkResponse({ type: ReportPreviewDto })
  preview(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.reports.preview(principal.userId, roundId);
  }

  /** The preview as a file: pdf, docx, csv (the annex) or xlsx; `?lang=en` for English labels. */
  @SignedIn()
  @Get('rounds/:roundId/report.:format')
  @ApiParam(FORMAT_PARAM)
  @ApiOkResponse(FILE_RESPONSE)
  async previewFile(@UuidParam('roundId') roundId: string, @Param('format') format: string, @CurrentPrincipal() principal: Principal, @Query() query: ReportFileQueryDto) {
    return fileDownload(await this.reports.previewFile(principal.userId, roundId, formatOf(format), query.lang ?? 'pl'));
  }

  /** Publishes the next edition (coordinators; the round closed, every comment decided and approved): 201 {edition, sha256, publishedAt}. */
  @SignedIn()
  @Post('rounds/:roundId/report/publish')
  @ApiCreatedResponse({ type: ReportEditionDto })
  publish(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.reports.publish(principal.userId, roundId);
  }

  /** The published report (latest edition, or `?edition=N`), without sign-in; 404 before the first publication. */
  @Public()
  @Get('public/rounds/:roundId/report')
  @ApiOkResponse({ type: PublishedReportDto })
  published(@UuidParam('roundId') roundId: string, @Query() query: PublishedReportQueryDto) {
    return this.reports.published(roundId, query.edition);
  }

  /** A published edition as a file, rendered from its frozen content. */
  @Public()
  @Get('public/rounds/:roundId/report.:format')
  @ApiParam(FORMAT_PARAM)
  @ApiOkResponse(FILE_RESPONSE)
  async publishedFile(@UuidParam('roundId') roundId: string, @Param('format') format: string, @Query() query: PublishedReportQueryDto) {
    return fileDownload(await this.reports.publishedFile(roundId, formatOf(format), query.lang ?? 'pl', query.edition));
  }
}
