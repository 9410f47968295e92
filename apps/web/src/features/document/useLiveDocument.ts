// A document opened on the app's CollabClient for as long as the page shows it: its text as blocks (updated as
// others edit), the connection and saved state, and who else is here (awareness).
import { useEffect, useRef, useState } from 'react';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '@commonplan/editor';
import type { Access, CollabClient, CollabStatus, SyncError } from '@commonplan/sync';
import { type Block, fragmentToBlocks } from './blocks';

export type ConnectionState = 'connecting' | 'connected' | 'offline';
export type SavedState = 'saved' | 'saving' | 'unsaved';

/** What the page needs of a CollabClient (a fake in the component tests). */
export type CollabClientLike = Pick<CollabClient, 'open' | 'connect' | 'status' | 'on'>;

export interface LiveDocument {
  connection: ConnectionState;
  saved: SavedState;
  /** The server's state has arrived on the current connection. */
  synced: boolean;
  blocks: Block[];
  /** The names of the others who have the document open, sorted, each once. */
  peers: string[];
  /** The access from the last join, null before the first. */
  access: Access | null;
  /** Why the document is not live: the session ended, no access, access ended, no such document. */
  refusal: SyncError | null;
}

/** Errors after which the server will not send the document until something changes (sign-in, access). */
const REFUSALS = new Set(['unauthorized', 'forbidden', 'expired', 'not_found', 'bad_request']);

/** The connection indicator: live once the server's state has arrived; offline when disconnected or refused. */
export function connectionState(status: CollabStatus, synced: boolean, refused: boolean): ConnectionState {
  if (refused || status === 'disconnected') return 'offline';
  return status === 'connected' && synced ? 'connected' : 'connecting';
}

/** The saved indicator: everything acknowledged, or on its way, or stuck until the connection is back. */
export function savedState(saved: boolean, connection: ConnectionState): SavedState {
  if (saved) return 'saved';
  return connection === 'connected' ? 'saving' : 'unsaved';
}

/** The others' names in an Awareness: states with `user.name`, except this client's own. */
export function peerNames(awareness: Awareness): string[] {
  const names = new Set<string>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const name = (state as { user?: { name?: unknown } } | null)?.user?.name;
    if (typeof name === 'string' && name.trim()) names.add(name.trim());
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

const INITIAL: LiveDocument = {
  connection: 'connecting',
  saved: 'saved',
  synced: false,
  blocks: [],
  peers: [],
  access: null,
  refusal: null,
};

/**
 * Opens `docId` on `client` (when both are there) with a fresh Y.Doc and Awareness whose local state is
 * `{ user: { name } }`; closes the session and destroys both when the page leaves the document.
 */
export function useLiveDocument(client: CollabClientLike | null, docId: string | null, name: string): LiveDocument {
  const [live, setLive] = useState<LiveDocument>(INITIAL);
  const awarenessRef = useRef<Awareness | null>(null);
  const nameRef = useRef(name);
  nameRef.current = name;

  useEffect(() => {
    if (!client || !docId) return;
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: nameRef.current } });
    awarenessRef.current = awareness;
    const fragment = doc.getXmlFragment(RICH_TEXT_FIELD);
    const session = client.open(docId, doc, { awareness });

    let status = client.status;
    let refusal: SyncError | null = null;
    const refresh = () => {
      const connection = connectionState(status, session.synced, refusal !== null);
      setLive((previous) => ({
        ...previous,
        connection,
        saved: savedState(session.saved, connection),
        synced: session.synced,
        access: session.access,
        refusal,
      }));
    };
    const showBlocks = () => setLive((previous) => ({ ...previous, blocks: fragmentToBlocks(fragment) }));
    const showPeers = () => setLive((previous) => ({ ...previous, peers: peerNames(awareness) }));

    setLive({ ...INITIAL, blocks: fragmentToBlocks(fragment) });
    fragment.observeDeep(showBlocks);
    awareness.on('change', showPeers);
    const offs = [
      client.on('status', (next) => {
        status = next;
        refresh();
      }),
      client.on('error', (error) => {
        if (error.code === 'unauthorized') refusal = error;
        refresh();
      }),
      session.on('synced', (synced) => {
        if (synced) refusal = null;
        refresh();
      }),
      session.on('saved', refresh),
      session.on('access', refresh),
      session.on('error', (error) => {
        if (REFUSALS.has(error.code)) refusal = error;
        refresh();
      }),
    ];
    client.connect();
    status = client.status;
    refresh();

    return () => {
      for (const off of offs) off();
      fragment.unobserveDeep(showBlocks);
      awareness.off('change', showPeers);
      session.close();
      awareness.destroy();
      doc.destroy();
      if (awarenessRef.current === awareness) awarenessRef.current = null;
    };
  }, [client, docId]);

  useEffect(() => {
    const awareness = awarenessRef.current;
    if (awareness && awareness.getLocalState()?.user?.name !== name) awareness.setLocalStateField('user', { name });
  }, [name]);

  return live;
}
