import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { MyTasksDto } from './tasks-responses.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /**
   * What waits for the caller in the workspace, by kind, the most urgent first: ballots to cast and meetings to attend
   * (members' representatives), versions to sign off for their member, consultation comments to decide, approve or
   * assign (staff), unread mentions, and consultation deadlines of the next 14 days (staff).
   */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/my-tasks')
  @ApiOkResponse({ type: MyTasksDto })
  mine(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal) {
    return this.tasks.mine(principal.userId, member);
  }
}
