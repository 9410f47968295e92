import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { PassageWatcher } from './passage-watcher';

/**
 * Comment threads anchored to passages and @mentions; mentions, replies and deleted passages notify their people
 * through NotificationsModule (the PassageWatcher follows the documents' changes).
 */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [CommentsController],
  providers: [CommentsService, PassageWatcher],
})
export class CommentsModule {}
