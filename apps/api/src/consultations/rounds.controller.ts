import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { ConsultationRoundDto, PublicRoundDto } from './consultation-responses.dto';
import { CreateRoundDto, MeetingDto, RoundPublicationDto, UpdateMeetingDto, UpdateRoundDto } from './round.dto';
import { RoundsService } from './rounds.service';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  /** A round on a frozen version (coordinators): 201, with warnings such as a timetable below 35 days. */
  @WorkspaceCapability('consultations.manage')
  @Post('workspaces/:workspaceId/rounds')
  @ApiCreatedResponse({ type: ConsultationRoundDto })
  create(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateRoundDto) {
    return this.rounds.create(member.workspaceId, principal.userId, body);
  }

  /** The workspace's rounds with their state, days left, comments and the report's due date. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/rounds')
  @ApiOkResponse({ type: [ConsultationRoundDto] })
  list(@CurrentMember() member: WorkspaceMember) {
    return this.rounds.list(member.workspaceId);
  }

  @SignedIn()
  @Get('rounds/:roundId')
  @ApiOkResponse({ type: ConsultationRoundDto })
  one(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.rounds.get(principal.userId, roundId);
  }

  /**
   * Changes a draft or announced round's title, legal basis, audiences, channels, timetable or information clause
   * (coordinators), validated as on creation; 409 once the round is open.
   */
  @SignedIn()
  @Patch('rounds/:roundId')
  @ApiOkResponse({ type: ConsultationRoundDto })
  update(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateRoundDto) {
    return this.rounds.update(principal.userId, roundId, body);
  }

  /** Deletes a draft round (coordinators); 409 once it was announced. */
  @SignedIn()
  @Delete('rounds/:roundId')
  @HttpCode(204)
  async remove(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    await this.rounds.remove(principal.userId, roundId);
  }

  /** Announces a draft round (coordinators): its public page appears. */
  @SignedIn()
  @Post('rounds/:roundId/announce')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsultationRoundDto })
  announce(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.rounds.transition(principal.userId, roundId, 'announce');
  }

  /** Opens an announced round for comments, at its opening time or later (coordinators). */
  @SignedIn()
  @Post('rounds/:roundId/open')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsultationRoundDto })
  open(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.rounds.transition(principal.userId, roundId, 'open');
  }

  /** Closes an open round, at its closing time or later (coordinators). */
  @SignedIn()
  @Post('rounds/:roundId/close')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsultationRoundDto })
  close(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.rounds.transition(principal.userId, roundId, 'close');
  }

  @SignedIn()
  @Post('rounds/:roundId/meetings')
  @ApiCreatedResponse({ type: ConsultationRoundDto })
  addMeeting(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: MeetingDto) {
    return this.rounds.addMeeting(principal.userId, roundId, body);
  }

  /** A meeting's changes (coordinators), e.g. its participants and summary once it was held; the round comes back. */
  @SignedIn()
  @Patch('rounds/:roundId/meetings/:meetingId')
  @ApiOkResponse({ type: ConsultationRoundDto })
  updateMeeting(@UuidParam('roundId') roundId: string, @UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateMeetingDto) {
    return this.rounds.updateMeeting(principal.userId, roundId, meetingId, body);
  }

  /** Where the announcement and the report were published, and the resolution that approved the report (coordinators). */
  @SignedIn()
  @Patch('rounds/:roundId/publication')
  @ApiOkResponse({ type: ConsultationRoundDto })
  publication(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: RoundPublicationDto) {
    return this.rounds.updatePublication(principal.userId, roundId, body);
  }

  /** The public announcement of a round (no sign-in): what is consulted, the text, timetable, meetings. */
  @Public()
  @Get('public/rounds/:roundId')
  @ApiOkResponse({ type: PublicRoundDto })
  publicRound(@UuidParam('roundId') roundId: string) {
    return this.rounds.publicView(roundId);
  }
}
