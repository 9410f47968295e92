import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CreateOrganisationDto, OrganisationListQuery, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationDto } from './dto/organisation-responses.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @WorkspaceCapability('workspace.read')
  @Get()
  @ApiOkResponse({ type: [OrganisationDto] })
  list(@UuidParam('workspaceId') workspaceId: string, @Query() query: OrganisationListQuery) {
    return this.organisations.list(workspaceId, query.kind);
  }

  @WorkspaceCapability('workspace.read')
  @Get(':organisationId')
  @ApiOkResponse({ type: OrganisationDto })
  one(@UuidParam('workspaceId') workspaceId: string, @UuidParam('organisationId') id: string) {
    return this.organisations.get(workspaceId, id);
  }

  @WorkspaceCapability('organisations.manage')
  @Post()
  @ApiCreatedResponse({ type: OrganisationDto })
  create(
    @UuidParam('workspaceId') workspaceId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOrganisationDto,
  ) {
    return this.organisations.create(workspaceId, principal.userId, body);
  }

  @WorkspaceCapability('organisations.manage')
  @Patch(':organisationId')
  @ApiOkResponse({ type: OrganisationDto })
  update(
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('organisationId') id: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateOrganisationDto,
  ) {
    return this.organisations.update(workspaceId, principal.userId, id, body);
  }
}
