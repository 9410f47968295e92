import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, SignedIn } from '../access/access.decorators';
import { clientOf, CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CommentAcceptedDto, CommentReceiptDto, ConsultationCommentDto, OwnConsultationCommentDto } from './consultation-responses.dto';
import { CommentContentDto, PublicCommentDto, StaffCommentDto } from './comment.dto';
import { ConsultationCommentsService } from './consultation-comments.service';

/** The header that carries a public comment's edit secret (from its receipt). */
export const EDIT_SECRET_HEADER = 'x-comment-secret';

@ApiTags('consultations')
@ApiBearerAuth()
@ApiExtraModels(CommentReceiptDto, CommentAcceptedDto)
@Controller()
export class ConsultationCommentsController {
  constructor(private readonly comments: ConsultationCommentsService) {}

  /** The public form (no sign-in): 201 with the comment's number and the secret that edits or withdraws it. */
  @Public()
  @Post('public/rounds/:roundId/comments')
  @ApiCreatedResponse({ schema: { oneOf: [{ $ref: getSchemaPath(CommentReceiptDto) }, { $ref: getSchemaPath(CommentAcceptedDto) }] } })
  submitPublic(@UuidParam('roundId') roundId: string, @Body() body: PublicCommentDto, @Req() req: Request) {
    return this.comments.submitPublic(roundId, body, clientOf(req).ip);
  }

  /** A signed-in member representative or partner comments in their organisation's name. */
  @SignedIn()
  @Post('rounds/:roundId/comments')
  @ApiCreatedResponse({ type: CommentReceiptDto })
  submit(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: CommentContentDto) {
    return this.comments.submitSignedIn(principal.userId, roundId, body);
  }

  /** Staff enter a comment received by e-mail, post, ePUAP or in an oral protocol. */
  @SignedIn()
  @Post('rounds/:roundId/comments/entered')
  @ApiCreatedResponse({ type: CommentReceiptDto })
  enter(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Body() body: StaffCommentDto) {
    return this.comments.enterForSubmitter(principal.userId, roundId, body);
  }

  @SignedIn()
  @Get('rounds/:roundId/comments')
  @ApiOkResponse({ type: [ConsultationCommentDto] })
  list(@UuidParam('roundId') roundId: string, @CurrentPrincipal() principal: Principal) {
    return this.comments.list(principal.userId, roundId);
  }

  /** A public comment for its sender (header x-comment-secret), also after the close: 404 for a wrong secret. */
  @Public()
  @Get('public/consultation-comments/:commentId')
  @ApiOkResponse({ type: OwnConsultationCommentDto })
  readPublic(@UuidParam('commentId') commentId: string, @Headers(EDIT_SECRET_HEADER) secret: string | undefined) {
    return this.comments.readOwn(commentId, { secret });
  }

  /** Edits a public comment with its secret (header x-comment-secret) until the close. */
  @Public()
  @Patch('public/consultation-comments/:commentId')
  @ApiOkResponse({ type: OwnConsultationCommentDto })
  editPublic(@UuidParam('commentId') commentId: string, @Headers(EDIT_SECRET_HEADER) secret: string | undefined, @Body() body: CommentContentDto) {
    return this.comments.edit(commentId, body, { secret });
  }

  @Public()
  @Delete('public/consultation-comments/:commentId')
  @HttpCode(200)
  @ApiOkResponse({ type: OwnConsultationCommentDto })
  withdrawPublic(@UuidParam('commentId') commentId: string, @Headers(EDIT_SECRET_HEADER) secret: string | undefined) {
    return this.comments.withdraw(commentId, { secret });
  }

  @SignedIn()
  @Patch('consultation-comments/:commentId')
  @ApiOkResponse({ type: OwnConsultationCommentDto })
  edit(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal, @Body() body: CommentContentDto) {
    return this.comments.edit(commentId, body, { userId: principal.userId });
  }

  @SignedIn()
  @Delete('consultation-comments/:commentId')
  @HttpCode(200)
  @ApiOkResponse({ type: OwnConsultationCommentDto })
  withdraw(@UuidParam('commentId') commentId: string, @CurrentPrincipal() principal: Principal) {
    return this.comments.withdraw(commentId, { userId: principal.userId });
  }
}
