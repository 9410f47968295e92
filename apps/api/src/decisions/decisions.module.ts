import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { VersionsModule } from '../versions/versions.module';
import { ApprovalsController } from './approvals.controller';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ApprovalsService } from './approvals.service';
import { BodiesService } from './bodies.service';
import { DecisionNotices } from './decision-notices';
import { DecisionsAccess } from './decisions-access';
import { CollabModule } from '../collab/collab.module';
import { DecisionsController } from './decisions.controller';
import { AgendaService } from './assembly/agenda.service';
import { AmendmentsService } from './assembly/amendments.service';
import { AssemblyController } from './assembly/assembly.controller';
import { MotionsReader } from './assembly/motions-reader';
import { MotionsService } from './assembly/motions.service';
import { DecisionTasks } from './decision-tasks';
import { ElectionVerifier } from './elections/election-verifier';
import { ElectionsController } from './elections/elections.controller';
import { ElectionsService } from './elections/elections.service';
import { MeetingEventsGateway } from './meeting-events.gateway';
import { MeetingsService } from './meetings.service';
import { MinutesService } from './minutes/minutes.service';
import { PublicRegisterController } from './public-register.controller';
import { PublicRegisterService } from './public-register.service';
import { RegisterService } from './register.service';
import { ResolutionsService } from './resolutions.service';
import { SpeakersController } from './speakers.controller';
import { SpeakersService } from './speakers.service';
import { VoteVerifier } from './vote-verifier';
import { VotesReader } from './votes-reader';
import { VotesService } from './votes.service';

/** Decisions: bodies and their rules, resolutions, meetings with attendance and proxies, votes, the register. */
@Module({
  imports: [DocumentsModule, VersionsModule, CollabModule],
  controllers: [DecisionsController, ApprovalsController, AttachmentsController, PublicRegisterController, AssemblyController, SpeakersController, ElectionsController],
  providers: [DecisionNotices, ApprovalsService, AttachmentsService, DecisionsAccess, BodiesService, ResolutionsService, MeetingsService, VotesReader, VoteVerifier, VotesService, RegisterService, PublicRegisterService, MeetingEventsGateway, MinutesService, DecisionTasks, AgendaService, AmendmentsService, MotionsService, MotionsReader, SpeakersService, ElectionsService, ElectionVerifier],
  exports: [BodiesService, DecisionTasks, RegisterService, PublicRegisterService],
})
export class DecisionsModule {}
