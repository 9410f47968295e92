import { io, type Socket } from 'socket.io-client';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '@commonplan/sync';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, plain, stockProvider, textOf, whenSynced } from './support/collab-clients';

describe('co-drafting sync: socket.io and y-websocket on one engine', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let observer: string;
  let docId: string;
  const cleanup: (() => void)[] = [];

  const newDocument = async (title: string) =>
    (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title, kind: 'concept' } })).body.id as string;
  const provider = (documentId: string, token: string, version: 1 | 3, doc?: Y.Doc) => {
    const p = stockProvider(server, documentId, token, version, doc);
    cleanup.push(() => {
      p.destroy();
      p.doc.destroy(); // also stops the provider's Awareness timer
    });
    return p;
  };
  const socket = async (token: string) => {
    const s = ioClient(server, token);
    cleanup.push(() => s.disconnect());
    await connected(s);
    return s;
  };
  /** Joins over raw socket.io and completes the sync handshake into `doc`; collects incoming messages. */
  const joinRaw = async (s: Socket, documentId: string, doc = new Y.Doc()) => {
    const received: Uint8Array[] = [];
    s.on('msg', (id: string, bytes: ArrayBuffer) => {
      if (id !== documentId) return;
      const message = decodeMessage(new Uint8Array(bytes));
      received.push(new Uint8Array(bytes));
      if (message.type === 'sync-step-2' || message.type === 'update') Y.applyUpdate(doc, message.update, 'server');
    });
    const ack = await emitAck(s, 'join', documentId);
    s.emit('msg', documentId, encodeSyncStep1(Y.encodeStateVector(doc)));
    return { ack, doc, received };
  };

  /** The document's text as stored: its snapshot and log rows merged, read straight from the database. */
  const storedText = async (documentId: string) => {
    const rows = await server.db.query(
      `SELECT data FROM document_snapshots WHERE document_id = $1
       UNION ALL SELECT data FROM (SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id) u`,
      [documentId],
    );
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return plain(doc);
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    observer = await server.login('obserwator@som.example');
  });
  beforeEach(async () => {
    docId = await newDocument(`Koncepcja ${Math.random()}`);
  });
  afterEach(() => {
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(() => server?.close());

  it('syncs stock y-websocket 1.x and 3.x providers with each other, and GET /text follows', async () => {
    const a = provider(docId, coordinator, 1);
    const b = provider(docId, coordinator, 3);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    textOf(a.doc).insert(0, 'Cel 1: transport');
    await eventually(() => plain(b.doc) === 'Cel 1: transport', 10_000, 'v3 to receive');
    textOf(b.doc).insert(0, '» ');
    await eventually(() => plain(a.doc) === '» Cel 1: transport', 10_000, 'v1 to receive');
    await eventually(async () => (await server.request(`/api/documents/${docId}/text`, { token: observer })).body.text === '» Cel 1: transport');
  });

  it('acknowledges an update over socket.io only once it is stored, and relays it to y-websocket clients', async () => {
    const watcher = provider(docId, observer, 3);
    await whenSynced(watcher);
    const s = await socket(coordinator);
    const { ack, doc } = await joinRaw(s, docId);
    expect(ack).toEqual({ ok: true, access: 'edit' });

    const local: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') local.push(u);
    });
    textOf(doc).insert(0, 'Wskaźniki');
    const stored = await emitAck(s, 'msg', docId, encodeUpdate(Y.mergeUpdates(local)));
    expect(stored).toEqual({ ok: true, seq: expect.any(Number) });
    const [row] = await server.db.query(`SELECT document_id FROM document_updates WHERE id = $1`, [stored.seq]);
    expect(row.document_id).toBe(docId);
    await eventually(() => plain(watcher.doc) === 'Wskaźniki', 10_000, 'the y-websocket observer');
  });

  it('asks a client that skipped an update for what is missing, and then holds the whole text', async () => {
    const s = await socket(coordinator);
    const { doc } = await joinRaw(s, docId);
    const local: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') local.push(u);
    });
    // The client answers the server's sync step 1 as every y-protocols client does.
    const stepOnes: Uint8Array[] = [];
    s.on('msg', (id: string, bytes: ArrayBuffer) => {
      const message = decodeMessage(new Uint8Array(bytes));
      if (id === docId && message.type === 'sync-step-1') {
        stepOnes.push(message.stateVector);
        s.emit('msg', docId, encodeSyncStep2(Y.encodeStateAsUpdate(doc, message.stateVector)), () => undefined);
      }
    });
    await eventually(() => plain(doc) === '', 5000, 'the initial sync');
    textOf(doc).insert(0, 'akapit');
    local.length = 0;
    textOf(doc).insert(6, ' drugi');
    // Only the second update is sent: it depends on the first, which the server never got.
    expect(await emitAck(s, 'msg', docId, encodeUpdate(local[0]))).toMatchObject({ ok: true });
    await eventually(() => stepOnes.length === 1, 5000, 'a request for the missing update');
    await eventually(async () => (await server.request(`/api/documents/${docId}/text`, { token: coordinator })).body.text === 'akapit drugi', 10_000, 'the whole text');
  });

  it("refuses a reader's update without applying, relaying or storing it; the reader still receives", async () => {
    const editor = provider(docId, coordinator, 1);
    await whenSynced(editor);
    textOf(editor.doc).insert(0, 'Tekst koordynatora');
    await eventually(async () => (await server.request(`/api/documents/${docId}/text`, { token: observer })).body.text === 'Tekst koordynatora');

    // socket.io reader
    const s = await socket(observer);
    const { ack, doc } = await joinRaw(s, docId);
    expect(ack).toEqual({ ok: true, access: 'read' });
    await eventually(() => plain(doc) === 'Tekst koordynatora', 10_000, 'the reader to sync');
    const before = Y.encodeStateVector(doc);
    textOf(doc).insert(0, 'WŁAMANIE ');
    const refused = await emitAck(s, 'msg', docId, encodeUpdate(Y.encodeStateAsUpdate(doc, before)));
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/read/) } });

    // y-websocket reader: told permission-denied, nothing applied
    const reader = provider(docId, observer, 3);
    await whenSynced(reader);
    const denied: string[] = [];
    reader.ws!.addEventListener('message', (event: { data: unknown }) => {
      const d = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(d) === 2 && decoding.readVarUint(d) === 0) denied.push(decoding.readVarString(d));
    });
    textOf(reader.doc).insert(0, 'INNE WŁAMANIE ');
    await eventually(() => denied.length > 0, 10_000, 'permission-denied');

    textOf(editor.doc).insert(textOf(editor.doc).length, '.');
    await eventually(() => plain(reader.doc).endsWith('Tekst koordynatora.') && plain(doc).endsWith('Tekst koordynatora.'), 10_000, 'readers to receive');
    expect((await server.request(`/api/documents/${docId}/text`, { token: observer })).body.text).toBe('Tekst koordynatora.');
    expect(plain(editor.doc)).toBe('Tekst koordynatora.');
    // What is stored holds the editor's text and nothing of the readers'.
    await eventually(async () => (await storedText(docId)) === 'Tekst koordynatora.', 10_000, 'the stored state');
  });

  it('refuses connections without a token, with a bad one, and to documents of another workspace or none', async () => {
    const anonymous = ioClient(server, undefined);
    cleanup.push(() => anonymous.disconnect());
    await expect(connected(anonymous)).rejects.toThrow('unauthorized');
    const forged = ioClient(server, 'x'.repeat(43));
    cleanup.push(() => forged.disconnect());
    await expect(connected(forged)).rejects.toThrow('unauthorized');

    const status = async (path: string) =>
      new Promise<number>((resolve) => {
        const client = new WebSocket(server.url.replace('http', 'ws') + path);
        client.on('unexpected-response', (_req: unknown, res: { statusCode: number }) => resolve(res.statusCode));
        client.on('open', () => {
          client.close();
          resolve(101);
        });
        client.on('error', () => undefined);
      });
    expect(await status(`/collab/${docId}`)).toBe(401);
    expect(await status(`/collab/${docId}?token=${'x'.repeat(43)}`)).toBe(401);
    expect(await status(`/collab/00000000-0000-4000-8000-000000000000?token=${coordinator}`)).toBe(404);
    expect(await status(`/collab/not-a-uuid?token=${coordinator}`)).toBe(404);
    expect(await status(`/collab/${docId}?token=${coordinator}`)).toBe(101);

    // A second association with its own coordinator: no way into SSOM's document.
    const { createWorkspace } = await import('../src/workspaces/create-workspace');
    const other = await createWorkspace(server.db, server.config, {
      slug: `kof-${Date.now()}`,
      name: 'KOF',
      shortName: 'KOF',
      coordinatorEmail: `biuro${Date.now()}@kof.example`,
      coordinatorName: 'KOF',
    });
    const accepted = await server.request(`/api/invitations/${new URL(other.invitationLink).searchParams.get('token')}/accept`, {
      body: { password: 'hasło-koordynatora-kof' },
    });
    const outsider = accepted.body.token as string;
    expect(await status(`/collab/${docId}?token=${outsider}`)).toBe(403);
    const s = await socket(outsider);
    expect(await emitAck(s, 'join', docId)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(await emitAck(s, 'join', '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await emitAck(s, 'join', 'nonsense')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(s, 'msg', docId, encodeUpdate(new Uint8Array([0, 0])))).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect((await server.request(`/api/documents/${docId}/text`, { token: outsider })).status).toBe(403);
  });

  it("accepts the web app's session cookie in the handshake from the server's own origin only", async () => {
    const login = await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: 'demo-ssom-2026' } });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const host = new URL(server.url).host;
    const withCookie = (origin: string) => {
      const client = io(`${server.url}/collab`, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie, origin },
      });
      cleanup.push(() => client.disconnect());
      return client;
    };
    const own = withCookie(`http://${host}`);
    await connected(own);
    expect(await emitAck(own, 'join', docId)).toEqual({ ok: true, access: 'read' });
    await expect(connected(withCookie('https://evil.example'))).rejects.toThrow('unauthorized');
  });

  it('lets an ad-hoc expert edit until the end date, then refuses and removes them on both transports', async () => {
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body;
    const expertId = people.find((p: { email: string }) => p.email === 'ekspert@som.example').userId;
    const until = new Date(Date.now() + 2500);
    const grant = await server.request(`/api/documents/${docId}/access/${expertId}`, {
      method: 'PUT',
      token: coordinator,
      body: { access: 'edit', expiresAt: until.toISOString() },
    });
    expect(grant.status).toBe(200);
    const s = await socket(expert);
    const errors: unknown[] = [];
    s.on('doc-error', (id: string, error: unknown) => errors.push(error));
    const { ack, doc } = await joinRaw(s, docId);
    expect(ack).toEqual({ ok: true, access: 'edit' });
    const yws = provider(docId, expert, 1);
    await whenSynced(yws);
    const closed = new Promise<number>((resolve) => yws.ws!.addEventListener('close', (e: { code: number }) => resolve(e.code)));
    let before = Y.encodeStateVector(doc);
    textOf(doc).insert(0, 'ekspert');
    expect(await emitAck(s, 'msg', docId, encodeUpdate(Y.encodeStateAsUpdate(doc, before)))).toMatchObject({ ok: true });

    await eventually(() => errors.length > 0, 8000, 'the expiry');
    expect(errors[0]).toMatchObject({ code: 'expired' });
    expect(await closed).toBe(4403);
    before = Y.encodeStateVector(doc);
    textOf(doc).insert(0, 'po terminie ');
    const late = await emitAck(s, 'msg', docId, encodeUpdate(Y.encodeStateAsUpdate(doc, before)));
    expect(late).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await emitAck(s, 'join', docId)).toMatchObject({ ok: false, error: { code: 'expired' } });
    expect((await server.request(`/api/documents/${docId}/text`, { token: coordinator })).body.text).toBe('ekspert');
    expect((await server.request(`/api/documents/${docId}`, { token: expert })).status).toBe(403);
  });

  it('applies a revoked grant to open connections at once', async () => {
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body;
    const expertId = people.find((p: { email: string }) => p.email === 'ekspert@som.example').userId;
    await server.request(`/api/documents/${docId}/access/${expertId}`, { method: 'PUT', token: coordinator, body: { access: 'edit' } });
    const s = await socket(expert);
    const { ack, doc } = await joinRaw(s, docId);
    expect(ack).toMatchObject({ access: 'edit' });
    expect((await server.request(`/api/documents/${docId}/access/${expertId}`, { method: 'DELETE', token: coordinator })).status).toBe(204);
    // Back to the default: read.
    const before = Y.encodeStateVector(doc);
    textOf(doc).insert(0, 'bez prawa');
    const refused = await emitAck(s, 'msg', docId, encodeUpdate(Y.encodeStateAsUpdate(doc, before)));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shuts out a deactivated member on an open connection', async () => {
    const s = await socket(observer);
    const errors: any[] = [];
    s.on('doc-error', (_id: string, error: unknown) => errors.push(error));
    await joinRaw(s, docId);
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body;
    const membership = people.find((p: { email: string }) => p.email === 'obserwator@som.example').membershipId;
    await server.request(`/api/workspaces/${ws}/people/${membership}/deactivate`, { method: 'POST', token: coordinator });
    try {
      await eventually(() => errors.length > 0, 5000, 'removal');
      expect(errors[0].code).toBe('forbidden');
    } finally {
      await server.request(`/api/workspaces/${ws}/people/${membership}/reactivate`, { method: 'POST', token: coordinator });
    }
  });

  it('relays awareness between transports and removes a departed client', async () => {
    const a = provider(docId, coordinator, 1);
    const b = provider(docId, observer, 3);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    // The name others see is the session's, whatever the client says.
    a.awareness.setLocalStateField('user', { name: 'Koordynator' });
    await eventually(() => [...b.awareness.getStates().values()].some((s: any) => s?.user?.name === 'Koordynator Biura SSOM'), 10_000, 'awareness');
    a.destroy();
    await eventually(() => ![...b.awareness.getStates().values()].some((s: any) => s?.user?.name === 'Koordynator Biura SSOM'), 10_000, 'awareness removal');
  });
});

