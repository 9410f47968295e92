import { Controller, Get, Header, NotFoundException, Param, type PipeTransform, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorators';
import { clientOf } from '../access/request-context';
import { AppConfig } from '../platform/config/app-config';
import { ApiFileResponse, ApiPdfResponse, fileDownload } from '../platform/http/file-download';
import { UuidParam } from '../platform/http/params';
import { accessibilityStatement } from './accessibility-statement';
import { PublicFeedService } from './public-feed.service';
import { RECORD_KINDS, type RecordKind, PublicRecordsService } from './public-records.service';
import { PublicSiteService } from './public-site.service';
import { AccessibilityStatementDto, PublicRecordDto, PublicSiteDto } from './publication-responses.dto';

/** A kind of record in an address: one of RECORD_KINDS, else no such record. */
const KIND: PipeTransform<string, RecordKind> = {
  transform(value: string): RecordKind {
    if (!(RECORD_KINDS as readonly string[]).includes(value)) throw new NotFoundException('no such kind of record');
    return value as RecordKind;
  },
};

/**
 * The association's public site (no sign-in): what it adopted, consulted and approved, its Atom feed, each published
 * record's BIP metadata and export, and its accessibility statement.
 */
@ApiTags('publication')
@Controller('public/sites/:slug')
export class PublicSiteController {
  constructor(
    private readonly site: PublicSiteService,
    private readonly feeds: PublicFeedService,
    private readonly records: PublicRecordsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: PublicSiteDto })
  front(@Param('slug') slug: string) {
    return this.site.site(slug);
  }

  /** New publications as an Atom feed. */
  @Public()
  @Get('feed.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'an Atom 1.0 feed', schema: { type: 'string' } })
  feed(@Param('slug') slug: string) {
    return this.feeds.feed(slug);
  }

  /** The accessibility statement's facts: the association's contacts and the product's measured state. */
  @Public()
  @Get('accessibility')
  @ApiOkResponse({ type: AccessibilityStatementDto })
  async accessibility(@Param('slug') slug: string) {
    const association = await this.site.association(slug);
    const { id: _id, contactRetentionDays: _days, ...details } = association;
    return accessibilityStatement(details, `${this.config.publicUrl}/p/${encodeURIComponent(association.slug)}`);
  }

  /** A published record's BIP metadata: producer, responsible, entered by, dates, history of changes, files. */
  @Public()
  @Get('records/:kind/:key')
  @ApiParam({ name: 'kind', enum: RECORD_KINDS })
  @ApiOkResponse({ type: PublicRecordDto })
  record(@Param('slug') slug: string, @Param('kind', KIND) kind: RecordKind, @Param('key') key: string) {
    return this.records.record(slug, kind, key);
  }

  /** The record for a BIP system: its files with metryka.json and metryka.xml, zipped (PUBLIC_EXPORTS_PER_IP per address). */
  @Public()
  @Get('records/:kind/:key/export.zip')
  @ApiParam({ name: 'kind', enum: RECORD_KINDS })
  @ApiFileResponse('the record’s files with its metadata', ['application/zip'])
  async export(@Param('slug') slug: string, @Param('kind', KIND) kind: RecordKind, @Param('key') key: string, @Req() req: Request) {
    return fileDownload(await this.records.export(slug, kind, key, clientOf(req).ip));
  }

  /** The version a consultation asked about, as PDF with its SHA-256 on the cover. */
  @Public()
  @Get('records/consultation/:roundId/document.pdf')
  @ApiPdfResponse('the consulted version')
  async consulted(@Param('slug') slug: string, @UuidParam('roundId') roundId: string) {
    return fileDownload(await this.records.consultedPdf(slug, roundId));
  }
}
