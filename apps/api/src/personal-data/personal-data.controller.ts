import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { ApiFileResponse, fileDownload } from '../platform/http/file-download';
import { UuidParam } from '../platform/http/params';
import { PersonalDataExportQueryDto, PersonalDataSettingsDto } from './personal-data.dto';
import { PersonalDataService } from './personal-data.service';
import { RetentionService } from './retention.service';

@ApiTags('personal-data')
@ApiBearerAuth()
@Controller()
export class PersonalDataController {
  constructor(
    private readonly retention: RetentionService,
    private readonly exports: PersonalDataService,
  ) {}

  /** The workspace's retention of public commenters' contact data: any member may read it. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/personal-data/settings')
  @ApiOkResponse({ type: PersonalDataSettingsDto })
  settings(@UuidParam('workspaceId') workspaceId: string) {
    return this.retention.settings(workspaceId);
  }

  /** Changes it (coordinators); audited with the old and the new value. */
  @WorkspaceCapability('people.manage')
  @Put('workspaces/:workspaceId/personal-data/settings')
  @ApiOkResponse({ type: PersonalDataSettingsDto })
  update(@UuidParam('workspaceId') workspaceId: string, @CurrentPrincipal() principal: Principal, @Body() body: PersonalDataSettingsDto) {
    return this.retention.update(workspaceId, principal.userId, { contactRetentionDays: body.contactRetentionDays });
  }

  /** Everything this workspace holds about the person with this address (coordinators), as a JSON attachment; audited. */
  @WorkspaceCapability('people.manage')
  @Get('workspaces/:workspaceId/personal-data/export')
  @ApiFileResponse('everything the workspace holds about the person, as JSON', ['application/json'])
  async export(@UuidParam('workspaceId') workspaceId: string, @CurrentPrincipal() principal: Principal, @Query() query: PersonalDataExportQueryDto) {
    return fileDownload(await this.exports.exportForWorkspace(workspaceId, principal.userId, query.email));
  }

  /** Everything held about the signed-in person across their workspaces, as a JSON attachment; audited. */
  @SignedIn()
  @Get('account/personal-data')
  @ApiFileResponse('everything held about the signed-in person, as JSON', ['application/json'])
  async own(@CurrentPrincipal() principal: Principal) {
    return fileDownload(await this.exports.exportOwn(principal.userId));
  }
}
