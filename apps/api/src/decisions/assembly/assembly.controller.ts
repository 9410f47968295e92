import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../../access/request-context';
import { UuidParam } from '../../platform/http/params';
import { DecisionMeetingDto, VoteDto } from '../dto/decisions-responses.dto';
import { AgendaService } from './agenda.service';
import { AmendmentsService } from './amendments.service';
import { AmendmentDto, ResolutionLiveTextDto } from './assembly-responses.dto';
import { ArrangeAmendmentsDto, MoveAgendaItemDto, NewAgendaItemDto, OpenMotionDto, ProposeAmendmentDto } from './assembly.dto';
import { MotionsService } from './motions.service';

/**
 * A meeting as it runs: the chair prepares the agenda (until it is adopted), puts motions to the vote (the agenda, its
 * changes, minutes, amendments); members' representatives propose amendments to draft resolutions, which the chair
 * orders. Ballots on motions are cast and votes closed as any vote (`/votes/:voteId/ballots`, `/votes/:voteId/close`).
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class AssemblyController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly motions: MotionsService,
    private readonly amendments: AmendmentsService,
  ) {}

  /** The chair adds an item before the agenda is adopted (409 agenda_adopted after: vote on the change instead). */
  @SignedIn()
  @Post('meetings/:meetingId/agenda')
  @ApiCreatedResponse({ type: DecisionMeetingDto })
  addItem(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: NewAgendaItemDto) {
    return this.agenda.add(principal.userId, meetingId, body);
  }

  /** The chair moves an item before the agenda is adopted. */
  @SignedIn()
  @Post('meetings/:meetingId/agenda/:itemId/move')
  @ApiOkResponse({ type: DecisionMeetingDto })
  @HttpCode(200)
  moveItem(@UuidParam('meetingId') meetingId: string, @UuidParam('itemId') itemId: string, @CurrentPrincipal() principal: Principal, @Body() body: MoveAgendaItemDto) {
    return this.agenda.move(principal.userId, meetingId, itemId, body);
  }

  /** The chair takes an item off the agenda before it is adopted, unless something was voted on it. */
  @SignedIn()
  @Delete('meetings/:meetingId/agenda/:itemId')
  @ApiOkResponse({ type: DecisionMeetingDto })
  removeItem(@UuidParam('meetingId') meetingId: string, @UuidParam('itemId') itemId: string, @CurrentPrincipal() principal: Principal) {
    return this.agenda.remove(principal.userId, meetingId, itemId);
  }

  /** The chair opens a vote on a motion in the open meeting (one vote at a time); answers the vote. */
  @SignedIn()
  @Post('meetings/:meetingId/motions')
  @ApiCreatedResponse({ type: VoteDto })
  openMotion(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: OpenMotionDto) {
    return this.motions.open(principal.userId, meetingId, body);
  }

  /** A resolution's text as it is now (editor JSON), in which a passage is picked for an amendment. */
  @SignedIn()
  @Get('resolutions/:resolutionId/text')
  @ApiOkResponse({ type: ResolutionLiveTextDto })
  liveText(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal) {
    return this.amendments.liveText(principal.userId, resolutionId);
  }

  /** A resolution's amendments, in their number's order, each with where its passage stands in the live text. */
  @SignedIn()
  @Get('resolutions/:resolutionId/amendments')
  @ApiOkResponse({ type: [AmendmentDto] })
  listAmendments(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal) {
    return this.amendments.list(principal.userId, resolutionId);
  }

  /** A member's representative (or staff, naming the body) proposes new wording for a passage of a draft resolution. */
  @SignedIn()
  @Post('resolutions/:resolutionId/amendments')
  @ApiCreatedResponse({ type: AmendmentDto })
  propose(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal, @Body() body: ProposeAmendmentDto) {
    return this.amendments.propose(principal.userId, resolutionId, body);
  }

  /** The chair orders the amendments still to be voted and marks the ones that exclude each other. */
  @SignedIn()
  @Put('resolutions/:resolutionId/amendments/arrangement')
  @ApiOkResponse({ type: [AmendmentDto] })
  arrange(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal, @Body() body: ArrangeAmendmentsDto) {
    return this.amendments.arrange(principal.userId, resolutionId, body);
  }

  /** Its proposer or the chair withdraws an amendment before its vote. */
  @SignedIn()
  @Post('amendments/:amendmentId/withdraw')
  @ApiOkResponse({ type: AmendmentDto })
  @HttpCode(200)
  withdraw(@UuidParam('amendmentId') amendmentId: string, @CurrentPrincipal() principal: Principal) {
    return this.amendments.withdraw(principal.userId, amendmentId);
  }

  /** An adopted amendment whose wording could not go into the text is applied again (the chair). */
  @SignedIn()
  @Post('amendments/:amendmentId/apply')
  @ApiOkResponse({ type: AmendmentDto })
  @HttpCode(200)
  apply(@UuidParam('amendmentId') amendmentId: string, @CurrentPrincipal() principal: Principal) {
    return this.amendments.applyAgain(principal.userId, amendmentId);
  }
}
