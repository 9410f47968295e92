import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CreateFundingCallDto, FundingCallDto, UpdateFundingCallDto } from './funding-call.dto';
import { FundingCallsService } from './funding-calls.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class FundingCallsController {
  constructor(private readonly calls: FundingCallsService) {}

  /** The funding calls the workspace follows, by closing day, with the projects matched to each. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/funding-calls')
  @ApiOkResponse({ type: [FundingCallDto] })
  list(@CurrentMember() member: WorkspaceMember) {
    return this.calls.list(member);
  }

  /** Records a funding call (coordinators). */
  @WorkspaceCapability('projects.manage')
  @Post('workspaces/:workspaceId/funding-calls')
  @ApiCreatedResponse({ type: FundingCallDto })
  create(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateFundingCallDto) {
    return this.calls.create(member, principal.userId, body);
  }

  @SignedIn()
  @Get('funding-calls/:callId')
  @ApiOkResponse({ type: FundingCallDto })
  one(@UuidParam('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    return this.calls.get(principal.userId, callId);
  }

  /** Changes a funding call (coordinators). */
  @SignedIn()
  @Patch('funding-calls/:callId')
  @ApiOkResponse({ type: FundingCallDto })
  update(@UuidParam('callId') callId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateFundingCallDto) {
    return this.calls.update(principal.userId, callId, body);
  }

  /** Deletes a funding call no project is matched to (coordinators); 409 otherwise. */
  @SignedIn()
  @Delete('funding-calls/:callId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@UuidParam('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    await this.calls.remove(principal.userId, callId);
  }
}
