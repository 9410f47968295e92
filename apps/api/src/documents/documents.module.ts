import { Module } from '@nestjs/common';
import { DocumentAccessService } from './document-access.service';
import { DocumentSharingService } from './document-sharing.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentAccessService, DocumentSharingService],
  exports: [DocumentsService, DocumentAccessService],
})
export class DocumentsModule {}
