import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/collab-clients';
import { SpawnedServer } from './support/spawned-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

/**
 * The server's log as a deployment reads it (LOG_FORMAT=json): one JSON object per line, each request's lines with its
 * id (the one the balancer sent, or a new one, answered in X-Request-Id), an access line per API request naming the
 * route as declared, and nothing that names a person: no e-mail address, no token.
 */
describe('structured logs', () => {
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | null;
  let server: SpawnedServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'commonplan-logs-'));
    database = await createFreshDatabase(process.env.DATABASE_URL);
    server = await SpawnedServer.start({ LOG_FORMAT: 'json', DATA_DIR: dataDir, SEED_DEMO: 'true', ...(database ? { DATABASE_URL: database.url } : {}) }, { captureStdout: true });
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const lines = () =>
    server.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes JSON lines with the request id and the declared route, and no e-mail address or token', async () => {
    const email = 'koordynator@som.example';
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'balancer-req-000001' },
      body: JSON.stringify({ email, password: 'demo-ssom-2026' }),
    });
    expect(login.headers.get('x-request-id')).toBe('balancer-req-000001');
    const token = ((await login.json()) as { token: string }).token;
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { workspaces: { id: string }[] };
    const workspaceId = me.workspaces[0].id;
    // A request id that is not one (spaces, too long) is replaced by a new one.
    const listed = await fetch(`${server.url}/api/workspaces/${workspaceId}/documents?token=${token}`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'x y'.repeat(80) } });
    expect(listed.status).toBe(200);
    const listedId = listed.headers.get('x-request-id');
    expect(listedId).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(() => lines().some((l) => l.requestId === listedId), 15_000, 'the access line of the listing');
    const all = lines();
    expect(all.find((l) => l.requestId === 'balancer-req-000001')).toMatchObject({ level: 'log', context: 'Http', message: { method: 'POST', route: '/api/auth/login', status: 200 } });
    expect(all.find((l) => l.requestId === listedId)).toMatchObject({ message: { method: 'GET', route: '/api/workspaces/:workspaceId/documents', status: 200 } });
    expect(all.some((l) => l.context === 'Commonplan' && typeof l.message === 'string')).toBe(true);
    // (The demo's seeding names its public demo account once at start-up, as the README does.)
    const text = all.filter((l) => l.context !== 'Demo').map((l) => JSON.stringify(l)).join('\n');
    expect(text).not.toContain(email);
    expect(text).not.toContain(token);
    expect(text).not.toContain(workspaceId);
  });

  it('names a request no route answered "unmatched", never the catch-all Nest mounts its middleware as', async () => {
    const unknown = await fetch(`${server.url}/api/no-such-thing/42`, { headers: { 'x-request-id': 'balancer-req-unmatched' } });
    expect(unknown.status).toBe(404);
    await eventually(() => lines().some((l) => l.requestId === 'balancer-req-unmatched'), 15_000, 'the access line of the unknown address');
    expect(lines().find((l) => l.requestId === 'balancer-req-unmatched')).toMatchObject({ context: 'Http', message: { method: 'GET', route: 'unmatched', status: 404 } });
  });
});
