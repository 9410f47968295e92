import * as encoding from 'lib0/encoding';
import { encodeAwareness } from '@commonplan/sync';
import { connected, emitAck, eventually, ioClient, plain, type StockProvider, stockProvider, textOf, whenSynced } from './support/collab-clients';
import { loadTrace } from './support/editing-trace';
import { RedisProcess } from './support/redis-process';
import { type TestPeer, TestServer } from './support/test-server';

/**
 * Co-drafting on two instances of the app behind a balancer, sharing one database and a Redis of the test's own:
 * editors on either instance converge, presence crosses between them, and a Redis outage loses nothing, because
 * every update is stored before it is relayed and what an instance did not hear it reads back from the database.
 */
describe('co-drafting across instances', () => {
  let redis: RedisProcess;
  let a: TestServer;
  let b: TestPeer;
  let token: string;
  let workspaceId: string;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    // A short heartbeat, so that a silent instance is noticed within the test's patience.
    a = await TestServer.start({ env: { REDIS_URL: redis.url, COLLAB_RELAY_HEARTBEAT_MS: '200' } });
    b = await a.startPeer();
    token = await a.login('koordynator@som.example');
    workspaceId = await a.demoWorkspaceId();
  });
  afterEach(() => {
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  const newDocument = async (title: string): Promise<string> => {
    const created = await a.request(`/api/workspaces/${workspaceId}/documents`, { token, body: { title, kind: 'other' } });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const editor = async (at: { url: string }, documentId: string, version: 1 | 3 = 3): Promise<StockProvider> => {
    const provider = stockProvider(at as TestServer, documentId, token, version);
    cleanup.push(() => {
      provider.destroy();
      provider.doc.destroy();
    });
    await whenSynced(provider);
    return provider;
  };
  const textAt = async (at: { request: TestServer['request'] }, documentId: string): Promise<string> => {
    const response = await at.request(`/api/documents/${documentId}/text`, { token });
    expect(response.status).toBe(200);
    return response.body.text;
  };

  /** A metric's value on an instance (GET /metrics, loopback). */
  const metric = async (at: { url: string }, name: string) => {
    const text = await (await fetch(`${at.url}/metrics`)).text();
    return Number(text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm'))?.[1] ?? NaN);
  };

  it('converges when editors on two instances type into one document at once', async () => {
    const documentId = await newDocument('Dwie instancje');
    const onA = await editor(a, documentId, 3);
    const onB = await editor(b, documentId, 1);
    textOf(onA.doc).insert(0, 'start ');
    await eventually(() => plain(onB.doc).includes('start'), 15_000, 'the first words to reach the other instance');

    // Two people replay real keystrokes into the same paragraph, one through each instance.
    const { edits } = loadTrace('automerge-paper');
    const typeInto = async (provider: StockProvider, from: number, count: number) => {
      const text = textOf(provider.doc);
      for (let i = from; i < from + count; i++) {
        const edit = edits[i];
        const at = Math.min(edit.at, text.length);
        if (edit.remove) text.delete(at, Math.min(edit.remove, text.length - at));
        if (edit.insert) text.insert(at, edit.insert);
        if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([typeInto(onA, 0, 600), typeInto(onB, 600, 600)]);

    await eventually(() => plain(onA.doc) === plain(onB.doc), 20_000, 'the two editors to converge');
    const expected = plain(onA.doc);
    expect(expected.length).toBeGreaterThan(100);
    // Both instances hold what their editors see, and so does the database (read by a fresh load).
    await eventually(async () => (await textAt(a, documentId)) === expected && (await textAt(b, documentId)) === expected, 20_000, 'both instances to hold it');
    onA.destroy();
    onB.destroy();
    const reader = await editor(b, documentId, 3);
    expect(plain(reader.doc)).toBe(expected);

    // Each instance counts the updates it took and times those it heard from the other (GET /metrics, loopback).
    for (const at of [a, b]) {
      expect(await metric(at, 'collab_updates_total')).toBeGreaterThan(0);
      expect(await metric(at, 'collab_fanout_lag_seconds_count')).toBeGreaterThan(0);
      expect(await metric(at, 'collab_commit_seconds_count')).toBeGreaterThan(0);
      expect(await metric(at, 'collab_open_documents')).toBeGreaterThanOrEqual(1);
    }
  });

  it('shows presence on the other instance, with the server’s identity, and removes it when its connection goes', async () => {
    const documentId = await newDocument('Obecność');
    const watcher = await editor(b, documentId);
    const me = await a.request('/api/auth/me', { token });
    const socket = ioClient(a, token);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    expect((await emitAck(socket, 'join', documentId)).ok).toBe(true);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 424242);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, JSON.stringify({ user: { name: 'Ktoś inny', color: '#336699' }, cursor: null }));
    socket.emit('msg', documentId, encodeAwareness(encoding.toUint8Array(encoder)));
    const stateOf = () => watcher.awareness.getStates().get(424242) as { user: { name: string; color: string } } | undefined;
    await eventually(() => stateOf() !== undefined, 15_000, 'the presence to cross instances');
    expect(stateOf()!.user).toMatchObject({ name: me.body.displayName, color: '#336699' });

    // A connection that joins B later is told the presence already there on A.
    const late = await editor(b, documentId, 1);
    await eventually(() => late.awareness.getStates().has(424242), 15_000, 'the presence for a later joiner');

    socket.disconnect();
    await eventually(() => stateOf() === undefined && !late.awareness.getStates().has(424242), 15_000, 'the presence to leave with its connection');
  });

  it('loses nothing while Redis is down, and converges once it is back', async () => {
    const documentId = await newDocument('Awaria Redisa');
    const onA = await editor(a, documentId);
    const onB = await editor(b, documentId, 1);
    textOf(onA.doc).insert(0, 'przed awarią. ');
    await eventually(() => plain(onB.doc).includes('przed awarią'), 15_000, 'the edit before the outage');

    await redis.stop();
    // Each instance stores its own editor's words (the database is up) and relays none: B hears no update from A
    // (its count of relayed updates stays). Whether B holds A's words yet is not asserted: an instance not heard from
    // for a few heartbeats (800 ms here) is taken for gone and what it stored is read back from the database, so on a
    // loaded machine B may already have them, through the database.
    const heardByB = await metric(b, 'collab_fanout_lag_seconds_count');
    textOf(onA.doc).insert(0, 'A w czasie awarii. ');
    textOf(onB.doc).insert(textOf(onB.doc).length, ' B w czasie awarii.');
    await eventually(async () => (await textAt(a, documentId)).includes('A w czasie') && (await textAt(b, documentId)).includes('B w czasie'), 15_000, 'each instance to take its editor’s words');
    expect(await metric(b, 'collab_fanout_lag_seconds_count')).toBe(heardByB);
    // Redis stays away for 10 s, longer than the clients' reconnection backoff grows.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    await redis.resume();

    await eventually(() => plain(onA.doc) === plain(onB.doc) && plain(onA.doc).includes('A w czasie') && plain(onA.doc).includes('B w czasie'), 20_000, 'the copies to converge');
    // Live relaying resumes: B's edits reach A through Redis again (A's count of relayed updates grows). B's publisher
    // reconnects on its own backoff, and what it publishes before that is lost (A reads it from the database), so B
    // types every half second until A hears one relayed.
    const heardByA = await metric(a, 'collab_fanout_lag_seconds_count');
    let typedAt = 0;
    await eventually(
      async () => {
        if (Date.now() - typedAt >= 500) {
          textOf(onB.doc).insert(0, 'po awarii. ');
          typedAt = Date.now();
        }
        return (await metric(a, 'collab_fanout_lag_seconds_count')) > heardByA;
      },
      15_000,
      'an edit on B to reach A through Redis',
    );
    await eventually(() => plain(onA.doc) === plain(onB.doc) && plain(onA.doc).startsWith('po awarii.'), 15_000, 'the edits after the outage');
  }, 60_000);
});
