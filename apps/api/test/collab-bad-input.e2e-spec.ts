import fc from 'fast-check';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '@commonplan/sync';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, plain, stockProvider, textOf, whenSynced } from './support/collab-clients';

const LIMIT = 64 * 1024;

/** Malformed, truncated, random and oversized input: refused with a reason, never touching the document or others. */
describe('co-drafting under bad input', () => {
  let server: TestServer;
  let coordinator: string;
  let documentId: string;
  let workspaceId: string;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    server = await TestServer.start({ env: { COLLAB_MAX_MESSAGE_BYTES: String(LIMIT) } });
    const ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    workspaceId = ws;
  });
  // A document of its own for each test: random bytes that happen to form a valid update may add odd content.
  beforeEach(async () => {
    documentId = (await server.request(`/api/workspaces/${workspaceId}/documents`, { token: coordinator, body: { title: 'Odporność', kind: 'other' } })).body.id;
  });
  afterEach(() => {
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(() => server?.close());

  const witness = async () => {
    const provider = stockProvider(server, documentId, coordinator, 3);
    cleanup.push(() => {
      provider.destroy();
      provider.doc.destroy();
    });
    await whenSynced(provider);
    return provider;
  };
  const storedText = async () => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text;

  it('refuses truncated, random and non-binary socket.io messages with a reason, and others sync on', async () => {
    const other = await witness();
    textOf(other.doc).insert(0, 'stan wyjściowy');
    await eventually(async () => (await storedText()) === 'stan wyjściowy');

    const socket = ioClient(server, coordinator);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    await emitAck(socket, 'join', documentId);

    const donor = new Y.Doc();
    textOf(donor).insert(0, 'prawidłowa aktualizacja');
    const valid = encodeUpdate(Y.encodeStateAsUpdate(donor));
    for (let cut = 1; cut < valid.length; cut += Math.max(1, Math.floor(valid.length / 12))) {
      const ack = await emitAck(socket, 'msg', documentId, valid.subarray(0, cut));
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe('malformed');
    }
    expect(await emitAck(socket, 'msg', documentId, 'tekst zamiast bajtów')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(socket, 'msg', 42, valid)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(socket, 'msg', documentId, encodeAwareness(new Uint8Array([5, 1, 2])))).toMatchObject({ ok: false, error: { code: 'malformed' } });

    // Random bytes, and valid messages with random bytes flipped: refused or harmless, never a crash.
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
        const copy = valid.slice();
        copy[i] ^= x;
        return copy;
      })), async (bytes) => {
        socket.emit('msg', documentId, bytes, () => undefined);
      }),
      { numRuns: 300 },
    );
    // Whatever those did, the server still serves, the stored text starts as it did, and a normal edit goes through.
    textOf(other.doc).insert(textOf(other.doc).length, '!');
    await eventually(async () => (await storedText()).includes('stan wyjściowy!'), 10_000, 'the witness edit');
    expect(socket.connected).toBe(true);
    const fresh = await witness();
    expect(plain(fresh.doc)).toBe(await storedText());
  });

  it('refuses a message over the limit and keeps the connection and the document', async () => {
    const socket = ioClient(server, coordinator);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    await emitAck(socket, 'join', documentId);
    const before = await storedText();
    const huge = new Y.Doc();
    textOf(huge).insert(0, 'x'.repeat(LIMIT + 100));
    const ack = await emitAck(socket, 'msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(huge)));
    expect(ack).toEqual({ ok: false, error: { code: 'too_large', message: expect.stringContaining(String(LIMIT)) } });
    expect(socket.connected).toBe(true);
    expect(await storedText()).toBe(before);
    // Messages within the limit still work on the same connection.
    const small = new Y.Doc();
    textOf(small).insert(0, 'mała zmiana');
    expect(await emitAck(socket, 'msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(small)))).toMatchObject({ ok: true });
    expect(await storedText()).toContain('mała zmiana');
  });

  it('closes a y-websocket connection on oversized (1009) and malformed (1007) messages, without harm to others', async () => {
    const other = await witness();
    textOf(other.doc).insert(0, 'przed');
    await eventually(async () => (await storedText()) === 'przed');
    const before = await storedText();
    const url = `${server.url.replace('http', 'ws')}/collab/${documentId}?token=${coordinator}`;
    const closeCode = (payload: Buffer | string) =>
      new Promise<number>((resolve) => {
        const client = new WebSocket(url);
        client.on('open', () => client.send(payload));
        client.on('close', (code) => resolve(code));
        client.on('error', () => undefined);
      });
    expect(await closeCode(Buffer.alloc(LIMIT + 1, 7))).toBe(1009);
    expect(await closeCode(Buffer.from([0, 2, 200, 1, 2]))).toBe(1007); // an update longer than the message
    expect(await closeCode(Buffer.from([9, 9, 9]))).toBe(1007); // an unknown message type
    expect(await closeCode('{"not":"binary"}')).toBe(1007);
    textOf(other.doc).insert(0, '+');
    await eventually(async () => (await storedText()) === `+${before}`, 10_000, 'the witness edit');
  });

  it('answers unknown and malformed document ids on both transports', async () => {
    const socket = ioClient(server, coordinator);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    expect(await emitAck(socket, 'join', '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await emitAck(socket, 'join', "'; DROP TABLE documents; --")).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(socket, 'join', { id: documentId })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(socket, 'msg', '00000000-0000-4000-8000-000000000000', encodeSyncStep1(new Uint8Array([0])))).toMatchObject({
      ok: false,
      error: { code: 'not_joined' },
    });
  });
});
