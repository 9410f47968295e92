import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { SearchQueryDto, SearchResponseDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Everything of the workspace the caller may read that matches the words, grouped by kind. */
  @WorkspaceCapability('workspace.read')
  @Get()
  @ApiOkResponse({ type: SearchResponseDto })
  find(
    @UuidParam('workspaceId') workspaceId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentMember() member: WorkspaceMember,
    @Query() query: SearchQueryDto,
  ) {
    return this.search.search(workspaceId, { userId: principal.userId, role: member.role }, query);
  }
}
