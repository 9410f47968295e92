import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { VersionsController } from './versions.controller';
import { VersionsService } from './versions.service';

/** Named, frozen versions of documents: freeze, list, open, compare, restore. */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [VersionsController],
  providers: [VersionsService],
  exports: [VersionsService],
})
export class VersionsModule {}
