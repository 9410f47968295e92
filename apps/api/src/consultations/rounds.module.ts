import { Module } from '@nestjs/common';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/** Consultation rounds: timetable, audience, channels, meetings, states, the public announcement. */
@Module({
  controllers: [RoundsController],
  providers: [RoundsService],
})
export class RoundsModule {}
