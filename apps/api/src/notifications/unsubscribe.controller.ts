import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../access/access.decorators';
import { UnsubscribeSubjectDto } from './inbox-responses.dto';
import { UnsubscribeService } from './unsubscribe.service';

export class UnsubscribeQueryDto {
  @ApiPropertyOptional({ description: 'the token of the link in the e-mail' })
  @IsOptional()
  @IsString({ message: 'token must be text' })
  @MaxLength(1024, { message: 'token is too long' })
  token?: string;
}

/**
 * One-click unsubscribe (RFC 8058): the link in every e-mail's footer and List-Unsubscribe header, without signing in.
 * A mail client posts `List-Unsubscribe=One-Click` as a form (the one form body the cross-site guard lets through,
 * on this route only); the web page reads what the link stops and posts the same.
 */
@ApiTags('notifications')
@Controller('public/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: UnsubscribeSubjectDto })
  describe(@Query() query: UnsubscribeQueryDto) {
    return this.unsubscribe.describe(query.token);
  }

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: UnsubscribeSubjectDto })
  confirm(@Query() query: UnsubscribeQueryDto) {
    return this.unsubscribe.unsubscribe(query.token);
  }
}
