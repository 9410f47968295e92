import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SignedIn } from '../../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../../access/request-context';
import { CalendarFeedLinkDto, CalendarFeedStatusDto } from './calendar-feed.dto';
import { CalendarFeedService } from './calendar-feed.service';

/** The signed-in person's calendar feed: whether one is active, a new secret address, revoking it. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @SignedIn()
  @Get()
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  status(@CurrentPrincipal() principal: Principal) {
    return this.feeds.status(principal.userId);
  }

  /** A new secret address (shown this once), replacing the previous one, which stops working. */
  @SignedIn()
  @Post()
  @ApiCreatedResponse({ type: CalendarFeedLinkDto })
  create(@CurrentPrincipal() principal: Principal) {
    return this.feeds.create(principal.userId);
  }

  /** Revokes the active address: it answers 404 from now on. */
  @SignedIn()
  @Delete()
  @HttpCode(204)
  async revoke(@CurrentPrincipal() principal: Principal) {
    await this.feeds.revoke(principal.userId);
  }
}

/**
 * The feed itself, read by calendar applications without signing in: the secret in the address is the key. A
 * malformed, unknown or revoked secret answers the same 404.
 */
@ApiTags('notifications')
@Controller('public/calendar')
export class PublicCalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Public()
  @Get(':token.ics')
  @ApiParam({ name: 'token', description: 'the secret of the feed’s address' })
  @ApiOkResponse({ description: 'the person’s meetings, remote votes and consultation deadlines (iCalendar)', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'no such feed (malformed, unknown or revoked)' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const calendar = await this.feeds.render(token);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="commonplan.ics"');
    res.setHeader('Cache-Control', 'private, max-age=300');
    return calendar;
  }
}
