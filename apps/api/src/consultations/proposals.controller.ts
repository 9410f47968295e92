import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { ProposalDto } from './consultation-responses.dto';
import { ApplyProposalDto } from './proposal.dto';
import { ProposalsService } from './proposals.service';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  /** The comment's proposed wording against its passage in the live draft (coordinators and the assigned expert). */
  @SignedIn()
  @Get('consultation-comments/:commentId/proposal')
  @ApiOkResponse({ type: ProposalDto })
  suggestion(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal) {
    return this.proposals.suggestion(principal.userId, commentId);
  }

  /** Applies the (edited) wording to the live draft at the passage: 409 when the passage changed or is gone. */
  @SignedIn()
  @Post('consultation-comments/:commentId/proposal/apply')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDto })
  apply(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal, @Body() body: ApplyProposalDto) {
    return this.proposals.apply(principal.userId, commentId, body);
  }
}
