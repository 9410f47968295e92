// The web app's CollabClient, in a module of its own so that useCollab can load it (and with it Yjs and socket.io)
// only when a document is first opened.
import { CollabClient } from '@commonplan/sync';

/**
 * The web app has no bearer token: its session is the httpOnly cookie cp_session, which the server accepts in the
 * socket.io handshake of a page from its own origin (docs/sync-protocol.md, "Connecting"). So the client is made
 * without a token and sends an empty `auth`. (A token function giving '' would send `{ token: '' }`, which the server
 * also reads as no token; leaving the token out is what libs/sync documents for the web app.)
 */
export function createWebCollabClient(): CollabClient {
  return new CollabClient({ url: '' });
}
