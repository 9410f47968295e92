import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CreateProjectDto, ProjectStepDto, UpdateProjectDto } from './project.dto';
import { ProjectDto, ProjectSummaryDto } from './project-responses.dto';
import { ProjectsService } from './projects.service';
import { PutProcurementDto } from './procurement';

@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** The workspace's joint projects, the latest changed first (partners: those they take part in). */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/projects')
  @ApiOkResponse({ type: [ProjectSummaryDto] })
  list(@CurrentMember() member: WorkspaceMember) {
    return this.projects.list(member);
  }

  /** A joint project at the idea stage (coordinators), with its participants, budget and sharing key. */
  @WorkspaceCapability('projects.manage')
  @Post('workspaces/:workspaceId/projects')
  @ApiCreatedResponse({ type: ProjectDto })
  create(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateProjectDto) {
    return this.projects.create(member, principal.userId, body);
  }

  /** A project with each year's cost, grant, own contribution and every member's share, and its steps. */
  @SignedIn()
  @Get('projects/:projectId')
  @ApiOkResponse({ type: ProjectDto })
  one(@UuidParam('projectId') projectId: string, @CurrentPrincipal() principal: Principal) {
    return this.projects.get(principal.userId, projectId);
  }

  /** Changes a project (coordinators); 409 once it is refused, withdrawn or settled. */
  @SignedIn()
  @Patch('projects/:projectId')
  @ApiOkResponse({ type: ProjectDto })
  update(@UuidParam('projectId') projectId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateProjectDto) {
    return this.projects.update(principal.userId, projectId, body);
  }

  /** Records each member participant's cost if it bought alone (coordinators): the joint procurement's savings. */
  @SignedIn()
  @Put('projects/:projectId/procurement')
  @ApiOkResponse({ type: ProjectDto })
  procurement(@UuidParam('projectId') projectId: string, @CurrentPrincipal() principal: Principal, @Body() body: PutProcurementDto) {
    return this.projects.setProcurement(principal.userId, projectId, body);
  }

  /** Moves a project to its next stage (coordinators): dated, never before the last step, approved by an adopted resolution. */
  @SignedIn()
  @Post('projects/:projectId/steps')
  @ApiCreatedResponse({ type: ProjectDto })
  step(@UuidParam('projectId') projectId: string, @CurrentPrincipal() principal: Principal, @Body() body: ProjectStepDto) {
    return this.projects.step(principal.userId, projectId, body);
  }
}
