import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CompareQueryDto, FreezeVersionDto } from './version.dto';
import { ComparisonDto, RestoredVersionDto, VersionDetailsDto, VersionSummaryDto } from './version-responses.dto';
import { VersionsService } from './versions.service';

@ApiTags('versions')
@ApiBearerAuth()
@Controller('documents/:documentId')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  /** Freezes the document as it is now under a name: 201 with the version's number and content hash. */
  @SignedIn()
  @Post('versions')
  @ApiCreatedResponse({ type: VersionSummaryDto })
  freeze(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal, @Body() body: FreezeVersionDto) {
    return this.versions.freeze(principal.userId, documentId, body.name);
  }

  /** The document's versions, newest first. */
  @SignedIn()
  @Get('versions')
  @ApiOkResponse({ type: [VersionSummaryDto] })
  list(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal) {
    return this.versions.list(principal.userId, documentId);
  }

  /** One version with its content (ProseMirror JSON) and rendered HTML. */
  @SignedIn()
  @Get('versions/:versionId')
  @ApiOkResponse({ type: VersionDetailsDto })
  one(@UuidParam('documentId') documentId: string, @UuidParam('versionId') versionId: string, @CurrentPrincipal() principal: Principal) {
    return this.versions.get(principal.userId, documentId, versionId);
  }

  /** Puts a version's content back as a new change on top of the live text. */
  @SignedIn()
  @Post('versions/:versionId/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: RestoredVersionDto })
  restore(@UuidParam('documentId') documentId: string, @UuidParam('versionId') versionId: string, @CurrentPrincipal() principal: Principal) {
    return this.versions.restore(principal.userId, documentId, versionId);
  }

  /** `?from=<version id|live>&to=<version id|live>`: the changes from one to the other, block by block and word by word. */
  @SignedIn()
  @Get('compare')
  @ApiOkResponse({ type: ComparisonDto })
  compare(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal, @Query() query: CompareQueryDto) {
    return this.versions.compare(principal.userId, documentId, query.from, query.to);
  }
}
