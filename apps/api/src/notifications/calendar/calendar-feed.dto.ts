import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty } from '../../platform/http/api-properties';

/** Whether the caller has a calendar feed (its address is never shown again after it was made). */
export class CalendarFeedStatusDto {
  @ApiProperty({ description: 'whether a feed address is active' }) active!: boolean;
  @DateTimeProperty({ nullable: true, description: 'when the active address was made' }) createdAt!: string | null;
}

/** A new calendar feed address, shown this once: whoever has it reads the caller's calendar, until it is revoked. */
export class CalendarFeedLinkDto {
  @ApiProperty({ description: 'the secret address of the iCalendar feed, to subscribe to in a calendar application' }) url!: string;
}
