import { act, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '@commonplan/editor';
import { type CollabClientEvents, type CollabStatus, type DocSession, type DocSessionEvents, Emitter } from '@commonplan/sync';
import { createI18n } from '../../i18n';
import { LiveState } from './DocumentPage';
import { DocumentEditor } from '../editor/DocumentEditor';
import type { OfflineCopy } from './offline-copy';
import { PresenceList } from './PresenceList';
import { type CollabClientLike, type PresenceUser, presenceColor, useLiveDocument } from './useLiveDocument';
import { useVersionsChanged } from '../versions/versions-api';

/** A DocSession as the hook sees it, driven by the test. */
class FakeSession extends Emitter<DocSessionEvents> {
  synced = false;
  saved = true;
  pendingCount = 0;
  access: 'edit' | 'comment' | 'read' | null = null;
  closed = false;
  constructor(
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
  ) {
    super();
  }
  fire<K extends keyof DocSessionEvents>(event: K, ...args: DocSessionEvents[K]) {
    this.emit(event, ...args);
  }
  close() {
    this.closed = true;
  }
}

class FakeClient extends Emitter<CollabClientEvents> implements CollabClientLike {
  status: CollabStatus = 'disconnected';
  sessions: FakeSession[] = [];
  connects = 0;
  open = ((_docId: string, doc: Y.Doc, options?: { awareness?: Awareness }) => {
    const session = new FakeSession(doc, options!.awareness!);
    this.sessions.push(session);
    return session as unknown as DocSession;
  }) as CollabClientLike['open'];
  connect() {
    this.connects++;
    this.setStatus('connecting');
  }
  setStatus(status: CollabStatus) {
    this.status = status;
    this.emit('status', status);
  }
  fire<K extends keyof CollabClientEvents>(event: K, ...args: CollabClientEvents[K]) {
    this.emit(event, ...args);
  }
}

const ME: PresenceUser = { name: 'Anna Koordynator', organisation: 'Biuro SSOM', color: presenceColor('u1') };

/** The offline copy: an earlier page's state of the document (or nothing), recorded calls. */
function fakeOfflineCopy(stored: Uint8Array | null = null) {
  const calls: Array<{ userId: string; docId: string; stopped: boolean }> = [];
  const copy: OfflineCopy = async (userId, docId, doc) => {
    const call = { userId, docId, stopped: false };
    calls.push(call);
    if (stored) Y.applyUpdate(doc, stored, 'offline-copy');
    return () => {
      call.stopped = true;
    };
  };
  return { copy, calls };
}

function Probe({ client, offlineCopy }: { client: FakeClient; offlineCopy: OfflineCopy }) {
  const live = useLiveDocument(client, 'd1', { userId: 'u1', user: ME, offlineCopy });
  return (
    <>
      <LiveState live={live} />
      {live.doc && live.awareness && <DocumentEditor doc={live.doc} awareness={live.awareness} user={ME} mode={live.access ?? 'read'} loaded={live.synced} />}
      <PresenceList peers={live.peers} />
    </>
  );
}

async function renderProbe(client: FakeClient, offline = fakeOfflineCopy()) {
  const i18n = createI18n('pl');
  const view = render(<Probe client={client} offlineCopy={offline.copy} />, {
    wrapper: ({ children }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>,
  });
  await act(async () => undefined); // the offline copy has loaded; the session opens
  return view;
}

/** The server's copy: the seeded outline, sent to the page's Y.Doc as a sync step 2 would. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  const heading = (text: string, level: number) => {
    const element = new Y.XmlElement('heading');
    element.setAttribute('level', level as unknown as string);
    const content = new Y.XmlText();
    content.insert(0, text);
    element.insert(0, [content]);
    return element;
  };
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [heading('Strategia', 1), heading('1. Wnioski z diagnozy', 2), paragraph]);
  return doc;
}

const statuses = () => screen.getAllByRole('status').map((s) => s.textContent);

describe('useLiveDocument', () => {
  it('opens the document after its offline copy with my name and organisation, connects, and shows the text as it arrives and changes', async () => {
    const client = new FakeClient();
    const offline = fakeOfflineCopy();
    const { unmount } = await renderProbe(client, offline);
    expect(offline.calls).toEqual([{ userId: 'u1', docId: 'd1', stopped: false }]);
    expect(client.sessions).toHaveLength(1);
    expect(client.connects).toBe(1);
    const session = client.sessions[0];
    expect(session.awareness.getLocalState()).toEqual({ user: ME });
    expect(statuses()).toEqual(['Łączenie z serwerem…', 'Wszystkie moje zmiany są zapisane na serwerze']);
    expect(screen.getByRole('region', { name: 'Treść dokumentu' }).getAttribute('aria-busy')).toBe('true');

    const server = serverDoc();
    act(() => {
      client.setStatus('connected');
      Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(server), session);
      session.synced = true;
      session.fire('synced', true);
    });
    expect(statuses()[0]).toBe('Połączono: zmiany innych osób widać na bieżąco');
    const text = screen.getByRole('region', { name: 'Treść dokumentu' });
    expect(text.getAttribute('aria-busy')).toBe('false');
    // Under the page's h1: the document's level 1 is announced as 2, its level 2 as 3.
    expect(within(text).getByRole('heading', { level: 2 }).textContent).toBe('Strategia');
    expect(within(text).getByRole('heading', { level: 3 }).textContent).toBe('1. Wnioski z diagnozy');
    // The table of contents links to both headings by their anchors.
    const contents = screen.getByRole('navigation', { name: 'Spis treści' });
    expect(within(contents).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Strategia', '#h-strategia'],
      ['1. Wnioski z diagnozy', '#h-1-wnioski-z-diagnozy'],
    ]);
    expect(within(text).getByRole('heading', { level: 3 }).id).toBe('h-1-wnioski-z-diagnozy');
    // Edit access (not yet granted: no join) decides whether the text can be typed in.
    expect(within(text).getByRole('textbox').getAttribute('contenteditable')).toBe('false');
    act(() => {
      session.access = 'edit';
      session.fire('access', 'edit');
    });
    expect(within(text).getByRole('textbox').getAttribute('contenteditable')).toBe('true');
    expect(screen.getByRole('toolbar', { name: 'Formatowanie tekstu' })).toBeTruthy();

    // Someone else types into the empty paragraph: the page follows.
    server.on('update', (update: Uint8Array) => Y.applyUpdate(session.doc, update, session));
    act(() => {
      const paragraph = server.getXmlFragment(RICH_TEXT_FIELD).get(2) as Y.XmlElement;
      const content = new Y.XmlText();
      content.insert(0, 'Nowy akapit od eksperta');
      paragraph.insert(0, [content]);
    });
    expect(within(text).getByText('Nowy akapit od eksperta').tagName).toBe('P');

    unmount();
    expect(session.closed).toBe(true);
    expect(session.doc.isDestroyed).toBe(true);
    expect(offline.calls[0].stopped).toBe(true);
  });

  it('starts from what the offline copy kept, before the server has answered', async () => {
    const client = new FakeClient();
    const earlier = serverDoc();
    await renderProbe(client, fakeOfflineCopy(Y.encodeStateAsUpdate(earlier)));
    const text = screen.getByRole('region', { name: 'Treść dokumentu' });
    expect(within(text).getByRole('heading', { level: 2 }).textContent).toBe('Strategia');
    expect(client.sessions[0].doc.getXmlFragment(RICH_TEXT_FIELD).length).toBe(3);
  });

  it('passes the server’s news of versions frozen or restored on to whoever lists the document’s versions', async () => {
    const client = new FakeClient();
    const heard = vi.fn();
    const other = vi.fn();
    function Listeners() {
      useVersionsChanged('d1', heard);
      useVersionsChanged('d2', other);
      return null;
    }
    render(<Listeners />);
    await renderProbe(client);
    act(() => client.sessions[0]!.fire('event', { type: 'comments' }));
    expect(heard).not.toHaveBeenCalled();
    act(() => client.sessions[0]!.fire('event', { type: 'versions' }));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('lists the others who are here by name and organisation, once each, without me and without nameless clients', async () => {
    const client = new FakeClient();
    await renderProbe(client);
    const session = client.sessions[0];
    expect(screen.getByText('Nikt poza Tobą nie ma teraz otwartego tego dokumentu.')).toBeTruthy();

    const others = [
      ['Ekspert SSOM', new Awareness(new Y.Doc())],
      ['Ekspert SSOM', new Awareness(new Y.Doc())],
      ['Ania z Dobrej', new Awareness(new Y.Doc())],
      [null, new Awareness(new Y.Doc())],
    ] as const;
    act(() => {
      for (const [name, awareness] of others) {
        if (name) awareness.setLocalState({ user: { name, organisation: name === 'Ania z Dobrej' ? 'Gmina Dobra' : null, color: '#1b6e3a' } });
        applyAwarenessUpdate(session.awareness, encodeAwarenessUpdate(awareness, [awareness.clientID]), session);
      }
    });
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ania z Dobrej · Gmina Dobra', 'Ekspert SSOM']);

    act(() => {
      const leaving = others[2][1];
      leaving.setLocalState(null);
      applyAwarenessUpdate(session.awareness, encodeAwarenessUpdate(leaving, [leaving.clientID]), session);
    });
    expect(within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ekspert SSOM']);
  });

  it('shows saving while my changes are unacknowledged, how many wait while offline, and the reason when the server refuses', async () => {
    const client = new FakeClient();
    await renderProbe(client);
    const session = client.sessions[0];
    act(() => {
      client.setStatus('connected');
      session.synced = true;
      session.fire('synced', true);
      session.saved = false;
      session.fire('saved', false);
    });
    expect(statuses()).toEqual(['Połączono: zmiany innych osób widać na bieżąco', 'Zapisywanie moich zmian…']);

    act(() => {
      session.synced = false;
      session.fire('synced', false);
      client.setStatus('disconnected');
    });
    expect(statuses()).toEqual(['Brak połączenia z serwerem (offline)', 'Moje zmiany nie są jeszcze zapisane na serwerze']);
    expect(screen.getByRole('alert').textContent).toBe('');

    // Typing offline: each local change counts until the server acknowledges it.
    (session as unknown as { pendingCount: number }).pendingCount = 2;
    act(() => {
      const paragraph = new Y.XmlElement('paragraph');
      session.doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
    });
    expect(statuses()[1]).toBe('Bez połączenia: zmiany czekające na zapis: 2');

    act(() => client.fire('error', { code: 'unauthorized', message: 'unauthorized' }));
    expect(screen.getByRole('alert').textContent).toMatch(/nie rozpoznał Twojej sesji/);
  });
});
