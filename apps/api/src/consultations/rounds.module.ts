import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { ConsultationCommentsController } from './consultation-comments.controller';
import { ConsultationCommentsService } from './consultation-comments.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { RoundEventsGateway } from './round-events.gateway';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/**
 * Consultation rounds: timetable, audience, channels, meetings, states, the public announcement, their comments,
 * decisions on them, and accepted proposed wording applied to the live draft.
 */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [RoundsController, ConsultationCommentsController, TriageController, ProposalsController],
  providers: [RoundsService, ConsultationCommentsService, TriageService, ProposalsService, RoundEventsGateway],
})
export class RoundsModule {}
