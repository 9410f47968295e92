import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { WorkspaceDetailsDto, WorkspaceOfUserDto } from './dto/workspace-responses.dto';
import { WorkspacesRepository } from './workspaces.repository';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesRepository) {}

  /** The caller's workspaces with the role held in each. */
  @SignedIn()
  @Get()
  @ApiOkResponse({ type: [WorkspaceOfUserDto] })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.workspaces.forUser(principal.userId);
  }

  @WorkspaceCapability('workspace.read')
  @Get(':workspaceId')
  @ApiOkResponse({ type: WorkspaceDetailsDto })
  async one(@UuidParam('workspaceId') workspaceId: string, @CurrentMember() member: WorkspaceMember) {
    const workspace = await this.workspaces.findById(workspaceId);
    if (!workspace) throw new NotFoundException('workspace not found');
    return {
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      shortName: workspace.shortName,
      createdAt: workspace.createdAt,
      you: { membershipId: member.membershipId, role: member.role, organisationId: member.organisationId },
      summary: await this.workspaces.summary(workspaceId),
    };
  }
}
