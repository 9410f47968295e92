import { mkdtempSync, rmSync } from 'node:fs';
import { type ClientRequest, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeUpdate, WS_CLOSE_RESTARTING } from '@commonplan/sync';
import { connected, emitAck, eventually, ioClient, textOf, withTimeout } from './support/collab-clients';
import { SpawnedServer } from './support/spawned-server';
import { TestServer } from './support/test-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

/**
 * An instance that stops (a restart, a rollout) lets its clients go so they connect again elsewhere: y-websocket
 * connections are closed with 1012 (service restart), socket.io ones disconnected by the server; what it acknowledged
 * is stored, and the instance started again serves it.
 */
describe('stopping an instance', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('closes y-websocket connections with 1012, disconnects socket.io ones, and keeps what it acknowledged', async () => {
    server = await TestServer.start();
    const token = await server.login('koordynator@som.example');
    const workspaceId = await server.demoWorkspaceId();
    const created = await server.request(`/api/workspaces/${workspaceId}/documents`, { token, body: { title: 'Restart', kind: 'other' } });
    const documentId = created.body.id as string;

    const yws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`);
    yws.on('error', () => undefined);
    await withTimeout(new Promise((resolve, reject) => (yws.once('open', resolve), yws.once('error', reject))), 10_000, 'y-websocket open');
    const closedWith = new Promise<number>((resolve) => yws.once('close', resolve));

    const socket = ioClient(server, token);
    await connected(socket);
    expect((await emitAck(socket, 'join', documentId)).ok).toBe(true);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const doc = new Y.Doc();
    textOf(doc).insert(0, 'zapisane przed restartem');
    expect(await emitAck(socket, 'msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(doc)))).toMatchObject({ ok: true });

    await server.restart();
    expect(await withTimeout(closedWith, 10_000, 'the y-websocket close')).toBe(WS_CLOSE_RESTARTING);
    expect(await withTimeout(disconnected, 10_000, 'the socket.io disconnect')).toMatch(/^(io server disconnect|transport close)$/);
    socket.disconnect();

    const text = await server.request(`/api/documents/${documentId}/text`, { token });
    expect(text.body.text).toBe('zapisane przed restartem');
  });
});

/** The answer to one request on a connection of its own (no pooled keep-alive connection to be cut mid-probe). */
interface Answer {
  status: number;
  body: string;
}

function send(url: string, path: string, options: { method?: string; headers?: Record<string, string | number> } = {}): { request: ClientRequest; answer: Promise<Answer> } {
  const request = httpRequest(`${url}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent: false });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.once('error', reject);
    });
  });
  return { request, answer };
}

/** The status a GET answers with, or null when the server no longer takes connections. */
async function probe(url: string, path: string): Promise<number | null> {
  const { request, answer } = send(url, path);
  request.end();
  return answer.then(
    (a) => a.status,
    () => null,
  );
}

/**
 * SIGTERM as an orchestrator sends it to an instance behind a balancer: readiness turns 503 while the instance serves
 * on for SHUTDOWN_DRAIN_MS, then it closes, finishing the requests under way.
 */
describe('stopping an instance behind a balancer (SIGTERM)', () => {
  const DRAIN_MS = 2_000;
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | null;
  let server: SpawnedServer | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'commonplan-drain-'));
    database = await createFreshDatabase(process.env.DATABASE_URL);
  });
  afterEach(() => server?.kill());
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (drainMs: number) => {
    server = await SpawnedServer.start({ DATA_DIR: dataDir, SEED_DEMO: 'true', SHUTDOWN_DRAIN_MS: String(drainMs), ...(database ? { DATABASE_URL: database.url } : {}) });
    const spawned = server;
    return { url: spawned.url, signal: () => spawned.signal('SIGTERM'), exitCode: spawned.exited() };
  };

  it('turns readiness 503 and serves on for the drain, then finishes a slow upload under way', async () => {
    const instance = await start(DRAIN_MS);
    expect(await probe(instance.url, '/api/health/ready')).toBe(200);

    // A sign-in whose body arrives slowly, as from a client on a poor connection: the server has the request (it
    // answered 100 Continue) and waits for the rest of the body, which the test sends only once the HTTP server closes.
    const body = JSON.stringify({ email: 'koordynator@som.example', password: 'demo-ssom-2026' });
    const upload = send(instance.url, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue', connection: 'close' },
    });
    const continued = new Promise((resolve) => upload.request.once('continue', resolve));
    upload.request.flushHeaders();
    await withTimeout(continued, 15_000, '100 Continue');
    upload.request.write(body.slice(0, 10));

    const signalled = Date.now();
    instance.signal();
    await eventually(async () => (await probe(instance.url, '/api/health/ready')) === 503, 15_000, 'readiness 503');
    // Not ready, yet serving: the balancer has time to notice.
    expect(await probe(instance.url, '/api/health/live')).toBe(200);

    await eventually(async () => (await probe(instance.url, '/api/health/live')) === null, DRAIN_MS + 15_000, 'the server to stop taking connections');
    // Served on for the whole drain: a server that closed at once would have refused connections well before.
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(DRAIN_MS);

    upload.request.end(body.slice(10));
    const answer = await withTimeout(upload.answer, 15_000, 'the slow sign-in');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ token: expect.any(String), user: { email: 'koordynator@som.example' } });
    expect(await withTimeout(instance.exitCode, 30_000, 'the exit')).toBe(0);
  });

  it('closes at once on a second SIGTERM during the drain', async () => {
    const longDrainMs = 120_000;
    const instance = await start(longDrainMs);
    instance.signal();
    await eventually(async () => (await probe(instance.url, '/api/health/ready')) === 503, 15_000, 'readiness 503');
    expect(await probe(instance.url, '/api/health/live')).toBe(200);
    instance.signal();
    expect(await withTimeout(instance.exitCode, 30_000, 'the exit on the second SIGTERM')).toBe(0);
  });
});
