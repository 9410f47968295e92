import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CreateOrganisationDto, OrganisationListQuery, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @WorkspaceCapability('workspace.read')
  @Get()
  list(@UuidParam('workspaceId') workspaceId: string, @Query() query: OrganisationListQuery) {
    return this.organisations.list(workspaceId, query.kind);
  }

  @WorkspaceCapability('workspace.read')
  @Get(':organisationId')
  one(@UuidParam('workspaceId') workspaceId: string, @UuidParam('organisationId') id: string) {
    return this.organisations.get(workspaceId, id);
  }

  @WorkspaceCapability('organisations.manage')
  @Post()
  create(
    @UuidParam('workspaceId') workspaceId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOrganisationDto,
  ) {
    return this.organisations.create(workspaceId, principal.userId, body);
  }

  @WorkspaceCapability('organisations.manage')
  @Patch(':organisationId')
  update(
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('organisationId') id: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateOrganisationDto,
  ) {
    return this.organisations.update(workspaceId, principal.userId, id, body);
  }
}
