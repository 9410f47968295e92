import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { SearchController } from './search.controller';
import { SearchIndexer } from './search-indexer';
import { SearchService } from './search.service';

/** Search over a workspace (search.service.ts) and the index behind it (search-indexer.ts, search-sources.ts). */
@Module({
  imports: [DocumentsModule, CollabModule],
  controllers: [SearchController],
  providers: [SearchService, SearchIndexer],
  exports: [SearchIndexer],
})
export class SearchModule {}
