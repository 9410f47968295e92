import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { CollabEngine } from './collab-engine';
import { CollabRelay } from './collab-relay';
import { DocumentStore } from './document-store';
import { DocumentTextController } from './document-text.controller';
import { CollabGateway } from './socket-io.gateway';
import { YWebsocketServer } from './y-websocket.server';

/** Real-time co-drafting: the engine and its two transports (docs/sync-protocol.md). */
@Module({
  imports: [DocumentsModule],
  controllers: [DocumentTextController],
  providers: [DocumentStore, CollabRelay, CollabEngine, CollabGateway, YWebsocketServer],
  exports: [CollabEngine, DocumentStore],
})
export class CollabModule {}
