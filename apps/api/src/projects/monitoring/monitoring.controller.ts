import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../../access/request-context';
import { ApiFileResponse, fileDownload } from '../../platform/http/file-download';
import { IntParam } from '../../platform/http/params';
import { AdoptMonitoringDto, FrozenMonitoringDto, MonitoringEditionDto, MonitoringPreviewDto, MonitoringQueryDto } from './monitoring.dto';
import { MONITORING_FORMATS, type MonitoringFormat, MonitoringService } from './monitoring.service';

const Year = () => IntParam('year', 2000, 2100);
const Edition = () => IntParam('edition', 1, 1_000_000);
const FORMAT_PARAM = { name: 'format', enum: MONITORING_FORMATS };
const FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function formatOf(value: string): MonitoringFormat {
  if (!(MONITORING_FORMATS as readonly string[]).includes(value)) throw new NotFoundException(`the monitoring report comes as ${MONITORING_FORMATS.join(', ')}`);
  return value as MonitoringFormat;
}

/** The strategy's annual monitoring report: the draft from the data, and the editions adopted by resolution. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  /** The year's report from the data as it is now, with the editions adopted so far (not for partners). */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/monitoring/:year')
  @ApiOkResponse({ type: MonitoringPreviewDto })
  preview(@CurrentMember() member: WorkspaceMember, @Year() year: number) {
    return this.monitoring.preview(member, year);
  }

  /** The draft as a file: pdf, docx or xlsx, Polish by default (`?lang=en`). */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/monitoring/:year/report.:format')
  @ApiParam(FORMAT_PARAM)
  @ApiFileResponse('the draft report as a file', FILE_TYPES)
  async previewFile(@CurrentMember() member: WorkspaceMember, @Year() year: number, @Param('format') format: string, @Query() query: MonitoringQueryDto) {
    return fileDownload(await this.monitoring.previewFile(member, year, formatOf(format), query.lang ?? 'pl'));
  }

  /** Freezes the report as its next edition, adopted by the named resolution (coordinators). */
  @WorkspaceCapability('projects.manage')
  @Post('workspaces/:workspaceId/monitoring/:year/editions')
  @ApiCreatedResponse({ type: MonitoringEditionDto })
  adopt(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Year() year: number, @Body() body: AdoptMonitoringDto) {
    return this.monitoring.adopt(member, principal.userId, year, body.resolutionId);
  }

  /** An adopted edition as frozen, with its SHA-256. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/monitoring/:year/editions/:edition')
  @ApiOkResponse({ type: FrozenMonitoringDto })
  edition(@CurrentMember() member: WorkspaceMember, @Year() year: number, @Edition() edition: number) {
    return this.monitoring.edition(member, year, edition);
  }

  /** An adopted edition as a file. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/monitoring/:year/editions/:edition/report.:format')
  @ApiParam(FORMAT_PARAM)
  @ApiFileResponse('the adopted edition as a file', FILE_TYPES)
  async editionFile(
    @CurrentMember() member: WorkspaceMember,
    @Year() year: number,
    @Edition() edition: number,
    @Param('format') format: string,
    @Query() query: MonitoringQueryDto,
  ) {
    return fileDownload(await this.monitoring.editionFile(member, year, edition, formatOf(format), query.lang ?? 'pl'));
  }
}
