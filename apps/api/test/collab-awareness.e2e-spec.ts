import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { encodeAwareness } from '@commonplan/sync';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, type StockProvider, stockProvider, whenSynced } from './support/collab-clients';

/** An awareness update of raw entries, as any client could send it. */
function awarenessUpdate(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, typeof entry.state === 'string' ? entry.state : JSON.stringify(entry.state));
  }
  return encodeAwareness(encoding.toUint8Array(encoder));
}

/**
 * Presence is tied to its sender: a connection sets only its own client ids, within limits of size and count, and the
 * name and organisation others see come from the server's session, whatever the client claims.
 */
describe('awareness (presence) is bound to its sender and limited', () => {
  let server: TestServer;
  let documentId: string;
  let representative: string;
  let coordinator: string;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    const ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    representative = await server.login('przedstawiciel.police@som.example');
    documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
  });
  afterEach(() => {
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(() => server?.close());

  const joined = async (token: string): Promise<Socket> => {
    const socket = ioClient(server, token);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    expect((await emitAck(socket, 'join', documentId)).ok).toBe(true);
    return socket;
  };
  const watcher = async (): Promise<StockProvider> => {
    const provider = stockProvider(server, documentId, coordinator, 3);
    cleanup.push(() => {
      provider.destroy();
      provider.doc.destroy();
    });
    await whenSynced(provider);
    return provider;
  };
  const stateOf = (provider: StockProvider, clientId: number) => provider.awareness.getStates().get(clientId) as Record<string, any> | undefined;

  it('shows others the name and organisation of the session, not the ones the client claims', async () => {
    const seen = await watcher();
    const socket = await joined(representative);
    socket.emit('msg', documentId, awarenessUpdate([{ clientId: 7001, clock: 1, state: { user: { name: 'Prezydent Miasta', organisation: 'Urząd Wojewódzki', color: '#ff0000' }, cursor: null } }]));
    await eventually(() => stateOf(seen, 7001) !== undefined, 10_000, 'the presence to arrive');
    expect(stateOf(seen, 7001)).toEqual({ user: { name: 'Przedstawiciel – Gmina Police', organisation: 'Gmina Police', color: '#ff0000' }, cursor: null });

    // A colour that is not one, and a user that is not an object, are replaced too.
    socket.emit('msg', documentId, awarenessUpdate([{ clientId: 7001, clock: 2, state: { user: 'Prezydent', extra: 1 } }]));
    await eventually(() => stateOf(seen, 7001)?.extra === 1, 10_000, 'the second state');
    expect(stateOf(seen, 7001)!.user).toEqual({ name: 'Przedstawiciel – Gmina Police', organisation: 'Gmina Police', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it('refuses a state under another connection’s client id, and the owner’s state stays', async () => {
    const seen = await watcher();
    const owner = await joined(coordinator);
    owner.emit('msg', documentId, awarenessUpdate([{ clientId: 8001, clock: 1, state: { user: { name: 'x', color: '#123456' } } }]));
    await eventually(() => stateOf(seen, 8001) !== undefined, 10_000, 'the owner’s presence');

    const forger = await joined(representative);
    const refused = await emitAck(forger, 'msg', documentId, awarenessUpdate([{ clientId: 8001, clock: 5, state: { user: { name: 'x', color: '#000000' } } }]));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error.message).toMatch(/client id/);
    // The owner's next change arrives; the forger's never did.
    owner.emit('msg', documentId, awarenessUpdate([{ clientId: 8001, clock: 2, state: { user: { name: 'x', color: '#654321' } } }]));
    await eventually(() => stateOf(seen, 8001)?.user?.color === '#654321', 10_000, 'the owner’s second state');
    expect(stateOf(seen, 8001)!.user.name).toBe('Koordynator Biura SSOM');
    // Nor can the forger remove it.
    expect(await emitAck(forger, 'msg', documentId, awarenessUpdate([{ clientId: 8001, clock: 9, state: null }]))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(stateOf(seen, 8001)).toBeDefined();
  });

  it('limits the size of a state and the client ids of a connection; nothing refused reaches a new joiner', async () => {
    const socket = await joined(representative);
    const big = { user: { name: 'x' }, padding: 'x'.repeat(64 * 1024) };
    expect(await emitAck(socket, 'msg', documentId, awarenessUpdate([{ clientId: 9001, clock: 1, state: big }]))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    const many = Array.from({ length: 50 }, (_, i) => ({ clientId: 9100 + i, clock: 1, state: { user: { name: 'x' } } }));
    expect(await emitAck(socket, 'msg', documentId, awarenessUpdate(many))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(await emitAck(socket, 'msg', documentId, awarenessUpdate([{ clientId: 9001, clock: 1, state: '[not json' }]))).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(await emitAck(socket, 'msg', documentId, awarenessUpdate([{ clientId: 9001, clock: 1, state: 42 }]))).toMatchObject({ ok: false, error: { code: 'malformed' } });
    // Within the limits: accepted.
    socket.emit('msg', documentId, awarenessUpdate([{ clientId: 9001, clock: 1, state: { user: { name: 'x' } } }]));

    const joiner = await watcher();
    await eventually(() => stateOf(joiner, 9001) !== undefined, 10_000, 'the accepted state');
    for (let i = 0; i < 50; i++) expect(stateOf(joiner, 9100 + i)).toBeUndefined();
    expect(JSON.stringify(stateOf(joiner, 9001))).not.toContain('xxxx');
  });
});
