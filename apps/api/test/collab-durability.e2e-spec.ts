import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeUpdate } from '@commonplan/sync';
import { loadTrace } from './support/editing-trace';
import { plain, textOf, withTimeout } from './support/collab-clients';
import { SpawnedServer } from './support/spawned-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WebsocketProvider } = require('y-websocket');

/**
 * Replays part of a real editing trace through the built server, kills the server with SIGKILL in mid-stream, starts
 * it again on the same storage, and checks that every acknowledged update is there.
 */
describe('durability of acknowledged updates across a crash', () => {
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | null;
  let server: SpawnedServer | undefined;

  /** The built server on this suite's storage (a new process each time, on a new port). */
  const start = async () => {
    server = await SpawnedServer.start({ DATA_DIR: dataDir, SEED_DEMO: 'true', COLLAB_COMPACT_ROWS: '50', ...(database ? { DATABASE_URL: database.url } : {}) });
    return server;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'commonplan-durability-'));
    database = await createFreshDatabase(process.env.DATABASE_URL);
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged keystroke of the automerge-paper trace after SIGKILL', async () => {
    const crashing = await start();
    const api = `${crashing.url}/api`;
    const login: any = await (await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'koordynator@som.example', password: 'demo-ssom-2026' }) })).json();
    const token = login.token as string;
    const me: any = await (await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    const created: any = await (await fetch(`${api}/workspaces/${me.workspaces[0].id}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'Artykuł', kind: 'other' }),
    })).json();
    const documentId = created.id as string;

    const socket: Socket = io(`${crashing.url}/collab`, { transports: ['websocket'], auth: { token }, reconnection: false });
    await withTimeout(new Promise<void>((r) => socket.once('connect', () => r())), 10_000, 'connect');
    expect(await withTimeout(new Promise((r) => socket.emit('join', documentId, r)), 10_000, 'join')).toMatchObject({ ok: true });

    const { edits } = loadTrace('automerge-paper');
    const doc = new Y.Doc();
    let pending: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => pending.push(update));
    const text = textOf(doc);
    const clocks: number[] = []; // the writer's clock after each edit
    let acked = -1; // the index of the last acknowledged edit (acks come in order)
    let unordered = false;
    const refusals: unknown[] = [];
    const flushPending = (index: number) => {
      const update = pending.length === 1 ? pending[0] : Y.mergeUpdates(pending);
      pending = [];
      socket.emit('msg', documentId, encodeUpdate(update), (ack: { ok: boolean }) => {
        if (!ack.ok) {
          refusals.push(ack);
          return;
        }
        if (index < acked) unordered = true;
        acked = Math.max(acked, index);
      });
    };
    let sent = 0;
    // Mid-stream: after 2.5 s of typing and once the server has acknowledged a good part (on a loaded machine the first
    // acknowledgements can take longer than that: the state is waited for, not a time).
    const killAt = Date.now() + 2500;
    for (; sent < edits.length && (Date.now() < killAt || acked <= 100); sent++) {
      const edit = edits[sent];
      if (edit.remove) text.delete(edit.at, edit.remove);
      if (edit.insert) text.insert(edit.at, edit.insert);
      clocks.push(Y.getState(doc.store, doc.clientID));
      flushPending(sent);
      if (sent % 200 === 199) await new Promise((r) => setImmediate(r));
    }
    await crashing.kill();
    socket.disconnect();
    expect(refusals).toEqual([]);
    expect(unordered).toBe(false);
    expect(acked).toBeGreaterThan(100); // the server did acknowledge a good part before the crash
    expect(acked).toBeLessThan(sent); // and the crash came in mid-stream

    const restarted = await start();
    const reader = new Y.Doc();
    const provider = new WebsocketProvider(`${restarted.url.replace('http', 'ws')}/collab`, documentId, reader, {
      WebSocketPolyfill: WebSocket,
      params: { token },
      disableBc: true,
    });
    try {
      await withTimeout(new Promise<void>((r) => provider.on('sync', (s: boolean) => s && r())), 30_000, 'sync after restart');
      const storedClock = Y.decodeStateVector(Y.encodeStateVector(reader)).get(doc.clientID) ?? 0;
      expect(storedClock).toBeGreaterThanOrEqual(clocks[acked]);
      // And what is stored is exactly the text after some prefix of the edits, no shorter than the acknowledged one.
      const storedText = plain(reader);
      let replay = '';
      let match = -1;
      for (let i = 0; i < sent; i++) {
        const edit = edits[i];
        replay = replay.slice(0, edit.at) + edit.insert + replay.slice(edit.at + edit.remove);
        if (i >= acked && replay === storedText) {
          match = i;
          break;
        }
      }
      expect(match).toBeGreaterThanOrEqual(acked);
    } finally {
      provider.destroy();
      reader.destroy();
    }
    expect(plain(doc).length).toBeGreaterThan(0);
  }, 240_000);
});
