import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeUpdate } from '@commonplan/sync';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, plain, stockProvider, textOf, whenSynced, withTimeout } from './support/collab-clients';

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('default') as unknown as { insert(index: number, content: unknown[]): void; length: number };

/**
 * The document schema holds on the server: an update that would put content the schema cannot hold into a document is
 * refused by name and neither stored nor relayed; and whatever is already stored never makes a reader fail.
 */
describe('the document schema on the server', () => {
  let server: TestServer;
  let coordinator: string;
  let workspaceId: string;
  let documentId: string;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    workspaceId = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
  });
  beforeEach(async () => {
    documentId = (await server.request(`/api/workspaces/${workspaceId}/documents`, { token: coordinator, body: { title: 'Schemat', kind: 'other' } })).body.id;
  });
  afterEach(() => {
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(() => server?.close());

  const provider = async (version: 1 | 3 = 3) => {
    const p = stockProvider(server, documentId, coordinator, version);
    cleanup.push(() => {
      p.destroy();
      p.doc.destroy();
    });
    await whenSynced(p);
    return p;
  };
  const storedRows = async () => Number((await server.db.query(`SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1`, [documentId]))[0].n);
  /** The document as the database holds it (its log; nothing is compacted while the test runs). */
  const storedDoc = async () => {
    const doc = new Y.Doc();
    const rows = await server.db.query(`SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id`, [documentId]);
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  };

  it('refuses a plain value or an unknown node in the rich text by name over socket.io, storing and relaying nothing', async () => {
    const witness = await provider();
    textOf(witness.doc).insert(0, 'tekst');
    await eventually(async () => (await storedRows()) > 0, 10_000, 'the first edit to be stored');

    const socket = ioClient(server, coordinator);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    expect((await emitAck(socket, 'join', documentId)).ok).toBe(true);
    for (const [insert, reason] of [
      [(doc: Y.Doc) => fragmentOf(doc).insert(0, [{ evil: true }]), /plain value/],
      [(doc: Y.Doc) => fragmentOf(doc).insert(0, [new Y.XmlElement('script')]), /unknown node "script"/],
      [(doc: Y.Doc) => doc.getMap('obce').set('x', 1), /no shared type but "default"/],
    ] as const) {
      const attacker = new Y.Doc();
      Y.applyUpdate(attacker, Y.encodeStateAsUpdate(witness.doc));
      const updates: Uint8Array[] = [];
      attacker.on('update', (u: Uint8Array) => updates.push(u));
      insert(attacker);
      const ack = await emitAck(socket, 'msg', documentId, encodeUpdate(Y.mergeUpdates(updates)));
      expect(ack).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringMatching(reason) } });
    }
    // A valid edit after them goes through; the refused ones were never stored nor reached the witness.
    textOf(witness.doc).insert(5, '!');
    await eventually(async () => plain(await storedDoc()) === 'tekst!', 10_000, 'the valid edit to be stored');
    const stored = await storedDoc();
    expect(fragmentOf(stored).length).toBe(1);
    expect(stored.share.has('obce')).toBe(false);
    expect(fragmentOf(witness.doc).length).toBe(1);
    expect(witness.doc.share.has('obce')).toBe(false);
  });

  it('closes a stock y-websocket client that sends such an update with 1007 and the reason', async () => {
    const witness = await provider();
    const attacker = await provider(1);
    await eventually(() => attacker.wsconnected, 10_000, 'connected');
    const ws = attacker.ws!;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
    fragmentOf(attacker.doc).insert(0, [42]);
    const { code, reason } = await withTimeout(closed, 10_000, 'the close');
    expect(code).toBe(1007);
    expect(reason).toMatch(/does not fit the document schema: a plain value/);
    expect(fragmentOf(witness.doc).length).toBe(0);
    expect(await storedRows()).toBe(0);
  });

  it('reads, exports, freezes, compares and restores a document whatever its stored state holds', async () => {
    // Content stored before the schema was enforced (or written past the server): a plain value, an unknown node,
    // text at block level, a paragraph inside a paragraph, a foreign shared type.
    const garbage = new Y.Doc();
    const fragment = garbage.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Akapit, który zostaje.')]);
    const nested = new Y.XmlElement('paragraph');
    nested.insert(0, [new Y.XmlText('w środku')]);
    const outer = new Y.XmlElement('paragraph');
    outer.insert(0, [nested]);
    fragmentOf(garbage).insert(0, [paragraph, 'zwykła wartość', new Y.XmlElement('widget'), new Y.XmlText('luzem'), outer, { a: 1 }]);
    garbage.getMap('obce').set('x', new Uint8Array([1, 2]));
    expect(fragment.length).toBe(6);
    await server.db.query(`INSERT INTO document_updates (document_id, data) VALUES ($1, $2)`, [documentId, Buffer.from(Y.encodeStateAsUpdate(garbage))]);

    const text = await server.request(`/api/documents/${documentId}/text`, { token: coordinator });
    expect(text.status).toBe(200);
    expect(text.body.text).toContain('Akapit, który zostaje.');
    for (const format of ['pdf', 'docx', 'md']) {
      const exported = await server.request(`/api/documents/${documentId}/export?format=${format}`, { token: coordinator });
      expect([format, exported.status]).toEqual([format, 200]);
    }
    const markdown = (await server.request(`/api/documents/${documentId}/export?format=md`, { token: coordinator })).body as string;
    expect(markdown).toContain('Akapit, który zostaje.');
    expect(markdown).not.toContain('zwykła wartość');
    const version = await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'mimo wszystko' } });
    expect(version.status).toBe(201);
    const read = await server.request(`/api/documents/${documentId}/versions/${version.body.id}`, { token: coordinator });
    expect(read.status).toBe(200);
    expect(read.body.html).toContain('Akapit, który zostaje.');
    expect((await server.request(`/api/documents/${documentId}/compare?from=${version.body.id}&to=live`, { token: coordinator })).status).toBe(200);
    expect((await server.request(`/api/documents/${documentId}/versions/${version.body.id}/restore`, { token: coordinator, body: {} })).status).toBe(200);

    // A client joining gets the document, and the editor's reading of it (what the browser repairs) has no garbage.
    const reader = await provider();
    expect(plain(reader.doc)).toContain('Akapit, który zostaje.');
  });

  it('answers a malformed update as malformed, not invalid', async () => {
    const socket = ioClient(server, coordinator);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    await emitAck(socket, 'join', documentId);
    const ack = await emitAck(socket, 'msg', documentId, encodeUpdate(new Uint8Array([1, 2, 3, 4, 5])));
    expect(ack.error.code).toBe('malformed');
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${documentId}?token=${coordinator}`);
    cleanup.push(() => raw.terminate());
    await withTimeout(new Promise((resolve) => raw.once('open', resolve)), 10_000, 'open');
  });
});
