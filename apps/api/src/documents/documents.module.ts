import { Module } from '@nestjs/common';
import { DocumentAccessService } from './document-access.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentAccessService],
  exports: [DocumentsService, DocumentAccessService],
})
export class DocumentsModule {}
