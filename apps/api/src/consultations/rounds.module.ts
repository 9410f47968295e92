import { Module } from '@nestjs/common';
import { ConsultationCommentsController } from './consultation-comments.controller';
import { ConsultationCommentsService } from './consultation-comments.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/** Consultation rounds: timetable, audience, channels, meetings, states, the public announcement, and their comments. */
@Module({
  controllers: [RoundsController, ConsultationCommentsController, TriageController],
  providers: [RoundsService, ConsultationCommentsService, TriageService],
})
export class RoundsModule {}
