import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { CommentsController, NotificationsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { NotificationsService } from './notifications.service';

/** Comment threads anchored to passages, @mentions, and the in-app notifications they give. */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [CommentsController, NotificationsController],
  providers: [CommentsService, NotificationsService],
})
export class CommentsModule {}
