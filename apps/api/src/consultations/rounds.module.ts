import { Module } from '@nestjs/common';
import { ConsultationCommentsController } from './consultation-comments.controller';
import { ConsultationCommentsService } from './consultation-comments.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/** Consultation rounds: timetable, audience, channels, meetings, states, the public announcement, and their comments. */
@Module({
  controllers: [RoundsController, ConsultationCommentsController],
  providers: [RoundsService, ConsultationCommentsService],
})
export class RoundsModule {}
