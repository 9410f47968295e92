import type { DocEvent, SyncError } from '@commonplan/sync';
import type { Principal } from '../access/request-context';

/**
 * One client connection as the engine sees it, whatever its transport (socket.io or y-websocket). A socket.io
 * connection carries many documents; a y-websocket connection exactly one.
 */
export interface CollabConnection {
  readonly principal: Principal;
  readonly transport: 'socket.io' | 'y-websocket';
  /** Set once the connection is gone; the engine stops sending to it. */
  readonly closed: boolean;
  send(documentId: string, message: Uint8Array): void;
  /**
   * The connection no longer belongs to the document (access revoked or ended, session ended, document reloaded):
   * tell the client why. The engine has already removed it from the document.
   */
  removed(documentId: string, error: SyncError): void;
  /** Tells the client that something about the document outside its text changed (socket.io only). */
  notice(documentId: string, event: DocEvent): void;
}
