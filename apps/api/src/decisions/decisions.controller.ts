import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { BodiesService } from './bodies.service';
import { BallotDto, CancelMeetingDto, CreateBodyDto, CreateMeetingDto, CreateResolutionDto, OpenMeetingDto, OpenVoteDto, ProxyDto, UpdateBodyDto, UpdateMeetingDto } from './decision.dto';
import { MeetingsService } from './meetings.service';
import { DecisionBodyDto, DecisionMeetingDto, DecisionMeetingSummaryDto, RegisterEntryDto, RegisterReportDto, ResolutionDto, VoteDto } from './dto/decisions-responses.dto';
import { fileDownload } from '../platform/http/file-download';
import { ApiMinutesFileResponse, MINUTES_FORMAT_PARAM, minutesFormat, MinutesQueryDto } from './minutes/minutes.http';
import { MinutesContentDto } from './minutes/minutes-responses.dto';
import { MinutesService } from './minutes/minutes.service';
import { RegisterService } from './register.service';
import { ResolutionsService } from './resolutions.service';
import { VotesService } from './votes.service';

/** Bodies, resolutions, meetings, votes and the decision register. */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class DecisionsController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly resolutions: ResolutionsService,
    private readonly meetings: MeetingsService,
    private readonly votes: VotesService,
    private readonly register: RegisterService,
    private readonly minutes: MinutesService,
  ) {}

  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/bodies')
  @ApiOkResponse({ type: [DecisionBodyDto] })
  listBodies(@CurrentMember() member: WorkspaceMember) {
    return this.bodies.list(member.workspaceId);
  }

  /** A body with its members and rules (coordinators); the statute defaults when no rules are given. */
  @WorkspaceCapability('decisions.manage')
  @Post('workspaces/:workspaceId/bodies')
  @ApiCreatedResponse({ type: DecisionBodyDto })
  createBody(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateBodyDto) {
    return this.bodies.create(member.workspaceId, principal.userId, body);
  }

  @SignedIn()
  @Get('bodies/:bodyId')
  @ApiOkResponse({ type: DecisionBodyDto })
  body(@UuidParam('bodyId') bodyId: string, @CurrentPrincipal() principal: Principal) {
    return this.bodies.get(principal.userId, bodyId);
  }

  /** New members or rules (the whole rule book); votes already opened keep theirs. 400 names the bad rule field. */
  @SignedIn()
  @Patch('bodies/:bodyId')
  @ApiOkResponse({ type: DecisionBodyDto })
  updateBody(@UuidParam('bodyId') bodyId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateBodyDto) {
    return this.bodies.update(principal.userId, bodyId, body);
  }

  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/resolutions')
  @ApiOkResponse({ type: [ResolutionDto] })
  listResolutions(@CurrentMember() member: WorkspaceMember) {
    return this.resolutions.list(member.workspaceId);
  }

  @WorkspaceCapability('decisions.manage')
  @Post('workspaces/:workspaceId/resolutions')
  @ApiCreatedResponse({ type: ResolutionDto })
  createResolution(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateResolutionDto) {
    return this.resolutions.create(member.workspaceId, principal.userId, body);
  }

  @SignedIn()
  @Get('resolutions/:resolutionId')
  @ApiOkResponse({ type: ResolutionDto })
  resolution(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal) {
    return this.resolutions.get(principal.userId, resolutionId);
  }

  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/meetings')
  @ApiOkResponse({ type: [DecisionMeetingSummaryDto] })
  listMeetings(@CurrentMember() member: WorkspaceMember) {
    return this.meetings.list(member.workspaceId);
  }

  @WorkspaceCapability('decisions.manage')
  @Post('workspaces/:workspaceId/meetings')
  @ApiCreatedResponse({ type: DecisionMeetingDto })
  createMeeting(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateMeetingDto) {
    return this.meetings.create(member.workspaceId, principal.userId, body);
  }

  /** The meeting with attendance, proxies, the quorum now, the agenda and its votes (a secret ballot: counts only). */
  @SignedIn()
  @Get('meetings/:meetingId')
  @ApiOkResponse({ type: DecisionMeetingDto })
  meeting(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal) {
    return this.meetings.get(principal.userId, meetingId);
  }

  /**
   * Changes a planned meeting's title, time, place or second term (coordinators; 409 meeting_state once it opened,
   * meeting_cancelled when cancelled); everyone invited gets the updated invitation (the same UID, SEQUENCE raised).
   */
  @SignedIn()
  @Patch('meetings/:meetingId')
  @ApiOkResponse({ type: DecisionMeetingDto })
  updateMeeting(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateMeetingDto) {
    return this.meetings.update(principal.userId, meetingId, body);
  }

  /** Cancels a planned meeting with a reason (coordinators); everyone invited gets the cancellation (METHOD:CANCEL). */
  @SignedIn()
  @Post('meetings/:meetingId/cancel')
  @ApiOkResponse({ type: DecisionMeetingDto })
  @HttpCode(200)
  cancelMeeting(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: CancelMeetingDto) {
    return this.meetings.cancel(principal.userId, meetingId, body);
  }

  @SignedIn()
  @Post('meetings/:meetingId/open')
  @ApiOkResponse({ type: DecisionMeetingDto })
  @HttpCode(200)
  openMeeting(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: OpenMeetingDto) {
    return this.meetings.transition(principal.userId, meetingId, 'open', body.term);
  }

  @SignedIn()
  @Post('meetings/:meetingId/close')
  @ApiOkResponse({ type: DecisionMeetingDto })
  @HttpCode(200)
  closeMeeting(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal) {
    return this.meetings.transition(principal.userId, meetingId, 'closed');
  }

  /** A member's representative checks in for the member. */
  @SignedIn()
  @Post('meetings/:meetingId/check-in')
  @ApiOkResponse({ type: DecisionMeetingDto })
  @HttpCode(200)
  checkIn(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal) {
    return this.meetings.checkIn(principal.userId, meetingId);
  }

  /** A member's representative hands the member's vote to another member's representative for this meeting. */
  @SignedIn()
  @Post('meetings/:meetingId/proxies')
  @ApiCreatedResponse({ type: DecisionMeetingDto })
  grantProxy(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: ProxyDto) {
    return this.meetings.grantProxy(principal.userId, meetingId, body);
  }

  /** The minutes (protokół) as data: attendance, quorum, each vote and its result, in words (`?lang=en`); any member of the workspace. */
  @SignedIn()
  @Get('meetings/:meetingId/minutes')
  @ApiOkResponse({ type: MinutesContentDto })
  minutesContent(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Query() query: MinutesQueryDto) {
    return this.minutes.content(principal.userId, meetingId, query.lang ?? 'pl');
  }

  /** The minutes as a file: pdf or docx, Polish by default (`?lang=en`). */
  @SignedIn()
  @Get('meetings/:meetingId/minutes.:format')
  @ApiMinutesFileResponse()
  @ApiParam(MINUTES_FORMAT_PARAM)
  async minutesFile(@UuidParam('meetingId') meetingId: string, @Param('format') format: string, @CurrentPrincipal() principal: Principal, @Query() query: MinutesQueryDto) {
    return fileDownload(await this.minutes.file(principal.userId, meetingId, minutesFormat(format), query.lang ?? 'pl'));
  }

  /** Opens a vote on a resolution: in an open meeting, or remotely until `closesAt` (coordinators). */
  @SignedIn()
  @Post('resolutions/:resolutionId/votes')
  @ApiCreatedResponse({ type: VoteDto })
  openVote(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal, @Body() body: OpenVoteDto) {
    return this.votes.open(principal.userId, resolutionId, body);
  }

  /** The resolution's votes (in a meeting or remote windows), oldest first; any member of the workspace. */
  @SignedIn()
  @Get('resolutions/:resolutionId/votes')
  @ApiOkResponse({ type: [VoteDto] })
  votesOf(@UuidParam('resolutionId') resolutionId: string, @CurrentPrincipal() principal: Principal) {
    return this.votes.ofResolution(principal.userId, resolutionId);
  }

  @SignedIn()
  @Post('votes/:voteId/ballots')
  @ApiCreatedResponse({ type: VoteDto })
  cast(@UuidParam('voteId') voteId: string, @CurrentPrincipal() principal: Principal, @Body() body: BallotDto) {
    return this.votes.cast(principal.userId, voteId, body);
  }

  @SignedIn()
  @Post('votes/:voteId/close')
  @ApiOkResponse({ type: VoteDto })
  @HttpCode(200)
  closeVote(@UuidParam('voteId') voteId: string, @CurrentPrincipal() principal: Principal) {
    return this.votes.close(principal.userId, voteId);
  }

  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/register')
  @ApiOkResponse({ type: [RegisterEntryDto] })
  registerEntries(@CurrentMember() member: WorkspaceMember) {
    return this.register.list(member.workspaceId);
  }

  /** Recomputes the audit chain, every closed vote's ballots and every register entry's seal. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/register/verify')
  @ApiOkResponse({ type: RegisterReportDto })
  verifyRegister(@CurrentMember() member: WorkspaceMember) {
    return this.register.verify(member.workspaceId);
  }
}
