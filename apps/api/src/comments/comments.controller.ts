import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CommentBodyDto, CreateThreadDto } from './comment.dto';
import { CommentThreadDto } from './comment-responses.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('documents/:documentId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** The document's comment threads, oldest first (read access). */
  @SignedIn()
  @Get()
  @ApiOkResponse({ type: [CommentThreadDto] })
  list(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal) {
    return this.comments.list(principal.userId, documentId);
  }

  /** Starts a thread on a passage (comment access): 201 with the thread. */
  @SignedIn()
  @Post()
  @ApiCreatedResponse({ type: CommentThreadDto })
  create(@UuidParam('documentId') documentId: string, @CurrentPrincipal() principal: Principal, @Body() body: CreateThreadDto) {
    return this.comments.create(principal.userId, documentId, body);
  }

  @SignedIn()
  @Post(':threadId/replies')
  @ApiCreatedResponse({ type: CommentThreadDto })
  reply(
    @UuidParam('documentId') documentId: string,
    @UuidParam('threadId') threadId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CommentBodyDto,
  ) {
    return this.comments.reply(principal.userId, documentId, threadId, body);
  }

  @SignedIn()
  @Post(':threadId/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommentThreadDto })
  resolve(@UuidParam('documentId') documentId: string, @UuidParam('threadId') threadId: string, @CurrentPrincipal() principal: Principal) {
    return this.comments.setStatus(principal.userId, documentId, threadId, 'resolved');
  }

  @SignedIn()
  @Post(':threadId/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: CommentThreadDto })
  reopen(@UuidParam('documentId') documentId: string, @UuidParam('threadId') threadId: string, @CurrentPrincipal() principal: Principal) {
    return this.comments.setStatus(principal.userId, documentId, threadId, 'open');
  }
}
