import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { CurrentItemDto, RequestFloorDto, SpeakersDto, SpeakingTimeDto } from './dto/speakers.dto';
import { SpeakersService } from './speakers.service';

/**
 * The speakers' list of a meeting: the item under discussion, the time per speaker, requests for the floor, the one
 * speaking. Each answer is the whole list as it stands after the change.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  /** Per agenda item: points of order first, then speeches, each by the time asked; who speaks now and until when. */
  @SignedIn()
  @Get('meetings/:meetingId/speakers')
  @ApiOkResponse({ type: SpeakersDto })
  list(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal) {
    return this.speakers.list(principal.userId, meetingId);
  }

  /** The chair moves the discussion to an item of the agenda (open meeting; 400 naming itemId for another meeting's item). */
  @SignedIn()
  @Post('meetings/:meetingId/current-item')
  @ApiOkResponse({ type: SpeakersDto })
  @HttpCode(200)
  setCurrentItem(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: CurrentItemDto) {
    return this.speakers.setCurrentItem(principal.userId, meetingId, body);
  }

  /** The chair sets the time each speaker is given, 30 to 3600 seconds. */
  @SignedIn()
  @Put('meetings/:meetingId/speaking-time')
  @ApiOkResponse({ type: SpeakersDto })
  setSpeakingTime(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: SpeakingTimeDto) {
    return this.speakers.setSpeakingTime(principal.userId, meetingId, body);
  }

  /**
   * A member's representative asks to speak on the item under discussion for the member (409 no_current_item before
   * the chair opens one); the chair may pass a name to add someone who is no member's representative.
   */
  @SignedIn()
  @Post('meetings/:meetingId/speakers')
  @ApiCreatedResponse({ type: SpeakersDto })
  request(@UuidParam('meetingId') meetingId: string, @CurrentPrincipal() principal: Principal, @Body() body: RequestFloorDto) {
    return this.speakers.request(principal.userId, meetingId, body);
  }

  /** Who asked (or the chair) withdraws a waiting request. */
  @SignedIn()
  @Post('meetings/:meetingId/speakers/:speakerId/withdraw')
  @ApiOkResponse({ type: SpeakersDto })
  @HttpCode(200)
  withdraw(@UuidParam('meetingId') meetingId: string, @UuidParam('speakerId') speakerId: string, @CurrentPrincipal() principal: Principal) {
    return this.speakers.withdraw(principal.userId, meetingId, speakerId);
  }

  /** The chair gives the floor to a waiting speaker on the current item; whoever was speaking is done. */
  @SignedIn()
  @Post('meetings/:meetingId/speakers/:speakerId/floor')
  @ApiOkResponse({ type: SpeakersDto })
  @HttpCode(200)
  giveFloor(@UuidParam('meetingId') meetingId: string, @UuidParam('speakerId') speakerId: string, @CurrentPrincipal() principal: Principal) {
    return this.speakers.giveFloor(principal.userId, meetingId, speakerId);
  }

  /** The chair ends the speech under way. */
  @SignedIn()
  @Post('meetings/:meetingId/speakers/:speakerId/done')
  @ApiOkResponse({ type: SpeakersDto })
  @HttpCode(200)
  end(@UuidParam('meetingId') meetingId: string, @UuidParam('speakerId') speakerId: string, @CurrentPrincipal() principal: Principal) {
    return this.speakers.end(principal.userId, meetingId, speakerId);
  }
}
