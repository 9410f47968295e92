import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../../access/request-context';
import { UuidParam } from '../../platform/http/params';
import { CreateElectionDto, ElectionBallotDto, ElectionDto, LotDrawDto, NominateDto } from './election.dto';
import { ElectionsService } from './elections.service';

/** Elections of persons at a meeting: candidates, rounds, ballots (see ElectionsService). */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  /**
   * An election on the meeting's agenda (the chair or coordinators): the seats, the body whose composition it fills,
   * the rules (400 names the field) and the resolution it decides, created with it.
   */
  @SignedIn()
  @Post('meetings/:meetingId/elections')
  @ApiCreatedResponse({ type: ElectionDto })
  create(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: CreateElectionDto) {
    return this.elections.create(principal.userId, meetingId, body);
  }

  /** The election with its candidates and rounds (a secret round: who voted and, once closed, the totals only). */
  @SignedIn()
  @Get('elections/:electionId')
  @ApiOkResponse({ type: ElectionDto })
  get(@UuidParam('electionId') electionId: string, @CurrentPrincipal() principal: Principal) {
    return this.elections.get(principal.userId, electionId);
  }

  /** A candidate nominated by a member's representative or the chair, before the first round. */
  @SignedIn()
  @Post('elections/:electionId/candidates')
  @ApiCreatedResponse({ type: ElectionDto })
  nominate(@UuidParam('electionId') electionId: string, @CurrentPrincipal() principal: Principal, @Body() body: NominateDto) {
    return this.elections.nominate(principal.userId, electionId, body);
  }

  /** The candidate's consent (the candidate member's representative, or the chair recording written consent). */
  @SignedIn()
  @Post('elections/:electionId/candidates/:candidateId/consent')
  @ApiOkResponse({ type: ElectionDto })
  @HttpCode(200)
  consent(@UuidParam('electionId') electionId: string, @UuidParam('candidateId') candidateId: string, @CurrentPrincipal() principal: Principal) {
    return this.elections.consent(principal.userId, electionId, candidateId);
  }

  /** A candidacy withdrawn (the candidate member's representative, the nominating member's, or the chair). */
  @SignedIn()
  @Post('elections/:electionId/candidates/:candidateId/withdraw')
  @ApiOkResponse({ type: ElectionDto })
  @HttpCode(200)
  withdraw(@UuidParam('electionId') electionId: string, @UuidParam('candidateId') candidateId: string, @CurrentPrincipal() principal: Principal) {
    return this.elections.withdraw(principal.userId, electionId, candidateId);
  }

  /** Opens the next round (the chair, in the open meeting). */
  @SignedIn()
  @Post('elections/:electionId/rounds')
  @ApiCreatedResponse({ type: ElectionDto })
  openRound(@UuidParam('electionId') electionId: string, @CurrentPrincipal() principal: Principal) {
    return this.elections.openRound(principal.userId, electionId);
  }

  /** A ballot for one's member or for a member whose proxy one holds; once; a ballot the rules find invalid counts as invalid. */
  @SignedIn()
  @Post('election-rounds/:roundId/ballots')
  @ApiCreatedResponse({ type: ElectionDto })
  cast(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: ElectionBallotDto) {
    return this.elections.cast(principal.userId, roundId, body);
  }

  /** Closes the round (the chair); the last round concludes the election. */
  @SignedIn()
  @Post('election-rounds/:roundId/close')
  @ApiOkResponse({ type: ElectionDto })
  @HttpCode(200)
  close(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.elections.closeRound(principal.userId, roundId);
  }

  /**
   * Records the draw by lot a closed round asked for (the chair, in the open meeting): the candidates it gave the last
   * seats to; the election concludes. 400 names `drawn` when they are not as many as the seats or not among the tied.
   */
  @SignedIn()
  @Post('election-rounds/:roundId/lot')
  @ApiOkResponse({ type: ElectionDto })
  @HttpCode(200)
  recordLot(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: LotDrawDto) {
    return this.elections.recordLot(principal.userId, roundId, body.drawn);
  }
}
