// A document opened on the app's CollabClient for as long as the page shows it: the live Y.Doc and Awareness the
// editor binds to, the connection and saved state (with the number of changes waiting), and who else is here.
import { useEffect, useRef, useState } from 'react';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { guardDocument } from '@commonplan/editor';
import type { Access, CollabClient, CollabStatus, DocSession, SyncError } from '@commonplan/sync';
import { useSessionCheck } from '../../session/session';
import { versionsChanged } from '../versions/versions-api';
import { indexedDbCopy, type OfflineCopy } from './offline-copy';

export type ConnectionState = 'connecting' | 'connected' | 'offline';
export type SavedState = 'saved' | 'saving' | 'unsaved';

/** What the page needs of a CollabClient (a fake in the component tests). */
export type CollabClientLike = Pick<CollabClient, 'open' | 'connect' | 'status' | 'on'>;

/** The person as others see them: in the presence list and on their caret. */
export interface PresenceUser {
  name: string;
  organisation: string | null;
  color: string;
}

export interface LiveDocument {
  /** The shared document (null until the offline copy has loaded and the session is open). */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  connection: ConnectionState;
  saved: SavedState;
  /** Local changes the server has not acknowledged yet. */
  pending: number;
  /** The server's state has arrived on the current connection. */
  synced: boolean;
  /** The others who have the document open, sorted by name, each once. */
  peers: PresenceUser[];
  /** The access from the last join, null before the first. */
  access: Access | null;
  /** Why the document is not live: the session ended, no access, access ended, no such document. */
  refusal: SyncError | null;
  /** Goes up each time the server says the document's comments changed: the comments are fetched again. */
  commentsRevision: number;
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

const PALETTE = ['#b3261e', '#1b6e3a', '#0b57d0', '#8a4b00', '#6f2da8', '#00696f', '#a0215f', '#3f5f00'];

/** A caret colour for a person: always the same for the same id, dark enough for white text on it (AA). */
export function presenceColor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] as string;
}

/** The others in an Awareness: states with `user.name`, except this client's own; one entry per name. */
export function peersOf(awareness: Awareness): PresenceUser[] {
  const peers = new Map<string, PresenceUser>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = (state as { user?: { name?: unknown; organisation?: unknown; color?: unknown } } | null)?.user;
    const name = typeof user?.name === 'string' ? user.name.trim() : '';
    if (!name || peers.has(name)) continue;
    peers.set(name, {
      name,
      organisation: typeof user?.organisation === 'string' && user.organisation.trim() ? user.organisation.trim() : null,
      color: typeof user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : PALETTE[0]!,
    });
  }
  return [...peers.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const INITIAL: LiveDocument = {
  doc: null,
  awareness: null,
  connection: 'connecting',
  saved: 'saved',
  pending: 0,
  synced: false,
  peers: [],
  access: null,
  refusal: null,
  commentsRevision: 0,
};

export interface LiveDocumentOptions {
  /** The person's id, for their offline copies. */
  userId: string;
  user: PresenceUser;
  /** Where the offline copy lives (IndexedDB in the browser; a test may give another). */
  offlineCopy?: OfflineCopy;
}

/**
 * Opens `docId` on `client` (when both are there) with a fresh Y.Doc, first filled from the offline copy, and an
 * Awareness whose local state is `{ user }`; closes the session and destroys both when the page leaves the document.
 */
export function useLiveDocument(client: CollabClientLike | null, docId: string | null, options: LiveDocumentOptions): LiveDocument {
  const [live, setLive] = useState<LiveDocument>(INITIAL);
  const awarenessRef = useRef<Awareness | null>(null);
  const userRef = useRef(options.user);
  userRef.current = options.user;
  const { userId, offlineCopy = indexedDbCopy } = options;
  const verifySession = useRef(useSessionCheck());

  useEffect(() => {
    if (!client || !docId) return;
    const doc = new Y.Doc();
    // Whatever arrives (the offline copy, the server's state, others' edits) that the schema cannot hold is removed
    // before the editor's binding sees it: no stored content can break the editor.
    const stopGuard = guardDocument(doc);
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: userRef.current });
    awarenessRef.current = awareness;
    let session: DocSession | null = null;
    let stopCopy: (() => void) | null = null;
    let ended = false;
    let status = client.status;
    let refusal: SyncError | null = null;
    const offs: Array<() => void> = [];

    const refresh = () => {
      if (!session) return;
      const connection = connectionState(status, session.synced, refusal !== null);
      const current = session;
      setLive((previous) => ({
        ...previous,
        connection,
        saved: savedState(current.saved, connection),
        pending: current.pendingCount,
        synced: current.synced,
        access: current.access,
        refusal,
      }));
    };
    const showPeers = () => setLive((previous) => ({ ...previous, peers: peersOf(awareness) }));
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== session) refresh(); // a local change: one more waiting
    };

    setLive(INITIAL);
    void offlineCopy(userId, docId, doc)
      .catch(() => () => undefined)
      .then((stop) => {
        if (ended) {
          stop();
          return;
        }
        stopCopy = stop;
        const opened = client.open(docId, doc, { awareness });
        session = opened;
        doc.on('update', onUpdate);
        awareness.on('change', showPeers);
        offs.push(
          client.on('status', (next) => {
            status = next;
            refresh();
          }),
          client.on('error', (error) => {
            if (error.code === 'unauthorized') {
              refusal = error;
              verifySession.current();
            }
            refresh();
          }),
          opened.on('synced', (synced) => {
            if (synced) refusal = null;
            refresh();
          }),
          opened.on('saved', refresh),
          opened.on('access', refresh),
          opened.on('event', (event) => {
            if (event.type === 'comments') setLive((previous) => ({ ...previous, commentsRevision: previous.commentsRevision + 1 }));
            // Someone froze or restored a version: the versions panel fetches its list again.
            if (event.type === 'versions') versionsChanged(docId);
          }),
          opened.on('error', (error) => {
            if (REFUSALS.has(error.code)) refusal = error;
            refresh();
          }),
        );
        setLive((previous) => ({ ...previous, doc, awareness }));
        client.connect();
        status = client.status;
        refresh();
      });

    return () => {
      ended = true;
      for (const off of offs) off();
      doc.off('update', onUpdate);
      awareness.off('change', showPeers);
      session?.close();
      stopCopy?.();
      stopGuard();
      awareness.destroy();
      doc.destroy();
      if (awarenessRef.current === awareness) awarenessRef.current = null;
    };
  }, [client, docId, userId, offlineCopy]);

  const { name, organisation, color } = options.user;
  useEffect(() => {
    const awareness = awarenessRef.current;
    const current = awareness?.getLocalState()?.user as PresenceUser | undefined;
    if (awareness && (current?.name !== name || current?.organisation !== organisation || current?.color !== color)) {
      awareness.setLocalStateField('user', { name, organisation, color });
    }
  }, [name, organisation, color]);

  return live;
}
