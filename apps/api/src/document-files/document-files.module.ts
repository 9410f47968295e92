import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { DocumentFilesController } from './document-files.controller';
import { DocumentFilesService } from './document-files.service';

/** Documents as files: export (PDF, Word, Markdown) and import (Word, Markdown). */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [DocumentFilesController],
  providers: [DocumentFilesService],
})
export class DocumentFilesModule {}
