import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { DocumentSharingService } from './document-sharing.service';
import { DocumentsService } from './documents.service';
import { CreateDocumentDto, GrantAccessDto, UpdateDocumentDto } from './dto/document.dto';
import { DocumentDto, OrganisationGrantDto, PersonGrantDto, SharingDto } from './dto/document-responses.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly sharing: DocumentSharingService,
  ) {}

  /** The workspace's documents the caller may open, each with the caller's access. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/documents')
  @ApiOkResponse({ type: [DocumentDto] })
  list(@UuidParam('workspaceId') workspaceId: string, @CurrentPrincipal() principal: Principal) {
    return this.documents.list(workspaceId, principal.userId);
  }

  @WorkspaceCapability('documents.create')
  @Post('workspaces/:workspaceId/documents')
  @ApiCreatedResponse({ type: DocumentDto })
  create(@UuidParam('workspaceId') workspaceId: string, @CurrentPrincipal() principal: Principal, @Body() body: CreateDocumentDto) {
    return this.documents.create(workspaceId, principal.userId, body.title, body.kind);
  }

  @SignedIn()
  @Get('documents/:documentId')
  @ApiOkResponse({ type: DocumentDto })
  one(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal) {
    return this.documents.get(principal.userId, documentId);
  }

  /** Rename (edit access); change kind or status (coordinators). */
  @SignedIn()
  @Patch('documents/:documentId')
  @ApiOkResponse({ type: DocumentDto })
  update(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateDocumentDto) {
    return this.documents.update(principal.userId, documentId, body);
  }

  @SignedIn()
  @Post('documents/:documentId/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: DocumentDto })
  archive(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal) {
    return this.documents.update(principal.userId, documentId, { status: 'archived' });
  }

  /** Who was given access to the document: people and whole organisations, with level, end date and who gave it. Coordinators only. */
  @SignedIn()
  @Get('documents/:documentId/access')
  @ApiOkResponse({ type: SharingDto })
  grants(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal) {
    return this.sharing.grants(principal.userId, documentId);
  }

  /** Gives every active member of an organisation of the workspace edit, comment or read access, optionally until a date. Coordinators only. */
  @SignedIn()
  @Put('documents/:documentId/access/organisations/:organisationId')
  @ApiOkResponse({ type: OrganisationGrantDto })
  grantOrganisation(
    @UuidParam('documentId') documentId: string,
    @UuidParam('organisationId') organisationId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: GrantAccessDto,
  ) {
    return this.sharing.grantOrganisation(principal.userId, documentId, organisationId, body);
  }

  @SignedIn()
  @Delete('documents/:documentId/access/organisations/:organisationId')
  @HttpCode(204)
  async revokeOrganisation(
    @UuidParam('documentId') documentId: string,
    @UuidParam('organisationId') organisationId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.sharing.revokeOrganisation(principal.userId, documentId, organisationId);
  }

  /** Gives a member edit, comment or read access, optionally until a date. Coordinators only. */
  @SignedIn()
  @Put('documents/:documentId/access/:userId')
  @ApiOkResponse({ type: PersonGrantDto })
  grant(
    @UuidParam('documentId') documentId: string,
    @UuidParam('userId') userId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: GrantAccessDto,
  ) {
    return this.sharing.grant(principal.userId, documentId, userId, body);
  }

  @SignedIn()
  @Delete('documents/:documentId/access/:userId')
  @HttpCode(204)
  async revoke(@UuidParam('documentId') documentId: string, @UuidParam('userId') userId: string, @CurrentPrincipal() principal: Principal) {
    await this.sharing.revoke(principal.userId, documentId, userId);
  }
}
