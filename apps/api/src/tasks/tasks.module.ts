import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** "Czeka na Ciebie": what waits for the caller across the features (read-only; each feature's rules decide who sees what). */
@Module({
  imports: [DecisionsModule, DocumentsModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
