import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { DocumentFilesController } from './document-files.controller';
import { DocumentFilesService } from './document-files.service';
import { ImportParser } from './import-parser';

/** Documents as files: export (PDF, Word, Markdown) and import (Word, Markdown, read in worker threads). */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [DocumentFilesController],
  providers: [DocumentFilesService, ImportParser],
})
export class DocumentFilesModule {}
