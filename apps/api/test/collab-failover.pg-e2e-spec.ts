import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { encodeUpdate } from '@commonplan/sync';
import { eventually, plain, type StockProvider, stockProvider, textOf, whenSynced, withTimeout } from './support/collab-clients';
import { loadTrace } from './support/editing-trace';
import { RedisProcess } from './support/redis-process';
import { SpawnedServer } from './support/spawned-server';
import type { TestServer } from './support/test-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

/**
 * Two instances as two processes on one PostgreSQL and one Redis (several processes cannot share the embedded
 * database, so this suite runs where DATABASE_URL names a server: jest.config.js). An editor replays a real trace
 * through instance A, which is killed with SIGKILL in mid-stream; a reader on instance B ends up with every update A
 * acknowledged without anyone sending it again (B reads back what the silent instance stored), and once the editor
 * reconnects to B, both copies are the same.
 */
describe('an instance killed in mid-edit', () => {
  let database: { url: string; drop(): Promise<void> };
  let redis: RedisProcess;
  let a: SpawnedServer;
  let b: SpawnedServer;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL);
    if (!fresh) throw new Error('this suite needs DATABASE_URL (a PostgreSQL server both processes share)');
    database = fresh;
    redis = await RedisProcess.start();
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, COLLAB_RELAY_HEARTBEAT_MS: '200', SEED_DEMO: 'true', LOGIN_LIMIT_PER_IP: '10000' };
    // One after the other: the first migrates and seeds, the second finds the database ready.
    a = await SpawnedServer.start(env);
    b = await SpawnedServer.start(env);
  }, 180_000);

  afterAll(async () => {
    for (const close of closers) close();
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.stop();
    await database?.drop();
  });

  const post = async (url: string, path: string, body: unknown, token?: string) => {
    const response = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const joinedSocket = async (url: string, token: string, documentId: string): Promise<Socket> => {
    const socket = io(`${url}/collab`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    closers.push(() => socket.disconnect());
    await withTimeout(new Promise<void>((resolve) => socket.once('connect', () => resolve())), 10_000, 'connect');
    expect(await withTimeout(new Promise((resolve) => socket.emit('join', documentId, resolve)), 10_000, 'join')).toMatchObject({ ok: true });
    return socket;
  };

  it('keeps every acknowledged update: the other instance reads it back, and the editor carries on there', async () => {
    const login = await post(a.url, '/auth/login', { email: 'koordynator@som.example', password: 'demo-ssom-2026' });
    const token = login.body.token as string;
    const me = (await (await fetch(`${a.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { workspaces: { id: string }[] };
    const created = await post(a.url, `/workspaces/${me.workspaces[0].id}/documents`, { title: 'Awaria instancji', kind: 'other' }, token);
    expect(created.status).toBe(201);
    const documentId = created.body.id as string;

    const reader: StockProvider = stockProvider({ url: b.url } as TestServer, documentId, token, 3);
    closers.push(() => reader.destroy());
    await whenSynced(reader);

    // The editor types the trace through A, each update acknowledged once A has stored it.
    const socket = await joinedSocket(a.url, token, documentId);
    const { edits } = loadTrace('automerge-paper');
    const doc = new Y.Doc();
    let pending: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => pending.push(update));
    const text = textOf(doc);
    const clocks: number[] = [];
    let acked = -1;
    const refusals: unknown[] = [];
    let sent = 0;
    const killAfter = 400;
    for (; sent < edits.length && acked < killAfter; sent++) {
      const edit = edits[sent];
      if (edit.remove) text.delete(edit.at, edit.remove);
      if (edit.insert) text.insert(edit.at, edit.insert);
      clocks.push(Y.getState(doc.store, doc.clientID));
      const update = pending.length === 1 ? pending[0] : Y.mergeUpdates(pending);
      pending = [];
      const index = sent;
      socket.emit('msg', documentId, encodeUpdate(update), (ack: { ok: boolean }) => {
        if (ack.ok) acked = Math.max(acked, index);
        else refusals.push(ack);
      });
      // Keystrokes, not a flood: at most 200 wait for their acknowledgement at a time.
      if (sent % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
      while (sent - acked > 200 && refusals.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await a.kill();
    expect(refusals).toEqual([]);
    expect(acked).toBeGreaterThanOrEqual(killAfter);
    const ackedClock = clocks[acked];

    // Nobody sends anything again: B notices A is silent and reads what A stored.
    const readerClock = () => Y.decodeStateVector(Y.encodeStateVector(reader.doc)).get(doc.clientID) ?? 0;
    await eventually(() => readerClock() >= ackedClock, 30_000, 'the reader on B to hold every update A acknowledged');

    // The editor reconnects to B and sends what B lacks (the sync a client does on reconnecting): the copies meet.
    const again = await joinedSocket(b.url, token, documentId);
    const ack = await withTimeout(new Promise<{ ok: boolean }>((resolve) => again.emit('msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(doc)), resolve)), 15_000, 'the resent state');
    expect(ack.ok).toBe(true);
    await eventually(() => plain(reader.doc) === plain(doc), 30_000, 'the reader and the editor to converge');
    expect(plain(doc).length).toBeGreaterThan(100);
  }, 240_000);
});
