import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { PROBLEM_JSON } from '../platform/http/error-filter';
import { ProblemDetailsDto } from '../platform/http/problem-details.dto';
import { TriageBulkResultDto, TriageRefusedCommentDto, TriageRowDto } from './consultation-responses.dto';
import { AssignDto, DispositionDto, NoteDto, TriageBulkDto, TriageQueryDto } from './triage.dto';
import { TriageService } from './triage.service';

@ApiTags('consultations')
@ApiBearerAuth()
@ApiExtraModels(TriageRefusedCommentDto)
@Controller()
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  /** `?part=&submitterType=&disposition=&assigneeId=&q=&sort=`: the round's comments with their decisions and notes. */
  @SignedIn()
  @Get('rounds/:roundId/triage')
  @ApiOkResponse({ type: [TriageRowDto] })
  table(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Query() query: TriageQueryDto) {
    return this.triage.table(principal.userId, roundId, query);
  }

  /**
   * One action on many comments of the round (coordinators): `assign` them to an expert or coordinator (assigneeId, or
   * null to unassign), or `approve` their drafted dispositions. All or nothing: 404 naming commentIds when an id is no
   * comment of this round, 409 listing the comments that cannot take the action; 200 with what changed.
   */
  @SignedIn()
  @Post('rounds/:roundId/triage/bulk')
  @HttpCode(200)
  @ApiOkResponse({ type: TriageBulkResultDto })
  @ApiConflictResponse({
    description: 'triage_bulk_refused: nothing changed; `comments` lists each comment that cannot take the action',
    content: {
      [PROBLEM_JSON]: {
        schema: {
          allOf: [
            { $ref: getSchemaPath(ProblemDetailsDto) },
            { type: 'object', required: ['comments'], properties: { comments: { type: 'array', items: { $ref: getSchemaPath(TriageRefusedCommentDto) } } } },
          ],
        },
      },
    },
  })
  bulk(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: TriageBulkDto) {
    return this.triage.bulk(principal.userId, roundId, body);
  }

  @SignedIn()
  @Put('consultation-comments/:commentId/assignee')
  @HttpCode(204)
  async assign(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal, @Body() body: AssignDto) {
    await this.triage.assign(principal.userId, commentId, body);
  }

  @SignedIn()
  @Put('consultation-comments/:commentId/disposition')
  @HttpCode(204)
  async decide(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal, @Body() body: DispositionDto) {
    await this.triage.decide(principal.userId, commentId, body);
  }

  @SignedIn()
  @Post('consultation-comments/:commentId/disposition/approve')
  @HttpCode(204)
  async approve(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal) {
    await this.triage.approve(principal.userId, commentId);
  }

  /** An internal note on a comment (staff); never published. */
  @SignedIn()
  @Post('consultation-comments/:commentId/notes')
  @HttpCode(204)
  async note(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal, @Body() body: NoteDto) {
    await this.triage.addNote(principal.userId, commentId, body.body);
  }
}
