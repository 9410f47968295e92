import { Controller, Get, NotFoundException, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorators';
import { PublicRegisterDto, PublicRegisterEntryDetailsDto } from './dto/decisions-responses.dto';
import { ApiFileResponse, ApiPdfResponse, DOCX_MEDIA_TYPE, fileDownload } from '../platform/http/file-download';
import { ApiMinutesFileResponse, MINUTES_FORMAT_PARAM, minutesFormat, MinutesQueryDto } from './minutes/minutes.http';
import { PublicRegisterService } from './public-register.service';
import { RegisterService } from './register.service';

/**
 * A register entry's place in an address: a whole number from 1 with at most 9 digits, else no such entry (a longer
 * one would overflow the database's integer comparison).
 */
// The parameter is declared a string in the handlers: typed as a number, the global validation pipe would convert it
// first (implicit conversion), and "01" would reach this check as 1.
const POSITION: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw new NotFoundException('no such entry in this register');
    return value;
  },
};

/** The decision register as published, without signing in: the list, each entry's page, and its files. */
@ApiTags('decisions')
@Controller('public/registers/:slug')
export class PublicRegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly published: PublicRegisterService,
  ) {}

  /** The register by the workspace's slug. */
  @Public()
  @Get()
  @ApiOkResponse({ type: PublicRegisterDto })
  list(@Param('slug') slug: string) {
    return this.register.publicList(slug);
  }

  /** An entry with the text it was adopted in, the document it adopts and the minutes that record it. */
  @Public()
  @Get('entries/:position')
  @ApiOkResponse({ type: PublicRegisterEntryDetailsDto })
  entry(@Param('slug') slug: string, @Param('position', POSITION) position: string) {
    return this.published.entry(slug, Number(position));
  }

  /** The resolution's text as voted, as PDF (its SHA-256 on the cover). */
  @Public()
  @Get('entries/:position/text.pdf')
  @ApiPdfResponse('the resolution’s text as voted')
  async text(@Param('slug') slug: string, @Param('position', POSITION) position: string, @Query() query: MinutesQueryDto) {
    return fileDownload(await this.published.textPdf(slug, Number(position), query.lang ?? 'pl'));
  }

  /** The document version the resolution adopts, as PDF. */
  @Public()
  @Get('entries/:position/adopted.pdf')
  @ApiPdfResponse('the document version the resolution adopts')
  async adopted(@Param('slug') slug: string, @Param('position', POSITION) position: string, @Query() query: MinutesQueryDto) {
    return fileDownload(await this.published.adoptedPdf(slug, Number(position), query.lang ?? 'pl'));
  }

  /** The document version the resolution adopts, as DOCX. */
  @Public()
  @Get('entries/:position/adopted.docx')
  @ApiFileResponse('the document version the resolution adopts', [DOCX_MEDIA_TYPE])
  async adoptedDocx(@Param('slug') slug: string, @Param('position', POSITION) position: string, @Query() query: MinutesQueryDto) {
    return fileDownload(await this.published.adoptedDocx(slug, Number(position), query.lang ?? 'pl'));
  }

  /** The minutes of the meeting that adopted the resolution: pdf or docx. */
  @Public()
  @Get('entries/:position/minutes.:format')
  @ApiParam(MINUTES_FORMAT_PARAM)
  @ApiMinutesFileResponse()
  async minutes(@Param('slug') slug: string, @Param('position', POSITION) position: string, @Param('format') format: string, @Query() query: MinutesQueryDto) {
    return fileDownload(await this.published.minutesFile(slug, Number(position), minutesFormat(format), query.lang ?? 'pl'));
  }
}
