import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { PublicationSettingsDto, PublicationSettingsResponseDto } from './publication.dto';
import { PublicationSettingsService } from './publication-settings.service';

/** The association's details on its public site: members read them, coordinators change them. */
@ApiTags('publication')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId/publication')
export class PublicationSettingsController {
  constructor(private readonly settings: PublicationSettingsService) {}

  @WorkspaceCapability('workspace.read')
  @Get()
  @ApiOkResponse({ type: PublicationSettingsResponseDto })
  get(@UuidParam('workspaceId') workspaceId: string) {
    return this.settings.get(workspaceId);
  }

  @WorkspaceCapability('publication.manage')
  @Put()
  @ApiOkResponse({ type: PublicationSettingsResponseDto })
  update(@UuidParam('workspaceId') workspaceId: string, @CurrentPrincipal() principal: Principal, @Body() body: PublicationSettingsDto) {
    return this.settings.update(principal.userId, workspaceId, body);
  }
}
