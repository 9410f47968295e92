import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { plainText } from '@commonplan/editor';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { DocumentAccessService } from '../documents/document-access.service';
import { UuidParam } from '../platform/http/params';
import { CollabEngine } from './collab-engine';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents/:documentId/text')
export class DocumentTextController {
  constructor(
    private readonly engine: CollabEngine,
    private readonly access: DocumentAccessService,
  ) {}

  /** The document's current plain text (what is in the live document, including edits not yet compacted). */
  @SignedIn()
  @Get()
  @ApiOkResponse({ schema: { example: { text: 'Diagnoza\nCele rozwoju' } } })
  async text(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal): Promise<{ text: string }> {
    await this.access.require(principal.userId, documentId, 'read');
    const text = await this.engine.read(documentId, plainText);
    if (text === null) throw new ServiceUnavailableException('the document could not be loaded; try again');
    return { text };
  }
}
