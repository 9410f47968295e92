import { randomUUID } from 'node:crypto';
import { register as globalRegistry } from 'prom-client';
import { HealthChecks } from '../src/health/health-checks';
import { eventually } from './support/collab-clients';
import { type TestPeer, TestServer } from './support/test-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** GET `path` (outside the API's /api prefix too), giving up after 10 s so that a hang fails rather than waits. */
async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** The value of one sample of the exposition text, or undefined. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

/**
 * What a load balancer and Prometheus ask of each instance: liveness (the process answers), readiness (its database
 * and Redis answer in time, and it is not shutting down), and GET /metrics, which only the METRICS_TOKEN or, without
 * one, a direct request from the same host may read.
 */
describe('health and metrics, with METRICS_TOKEN and without Redis', () => {
  let server: TestServer;
  let peer: TestPeer | undefined;
  const scrape = () => get(server.url, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });

  beforeAll(async () => {
    server = await TestServer.start({ seedDemo: false, env: { METRICS_TOKEN } });
  });
  afterAll(async () => {
    await peer?.close();
    await server?.close();
  });

  it('is live, and ready with its database and no Redis to check', async () => {
    const live = await server.request('/api/health/live');
    expect({ status: live.status, body: live.body }).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await server.request('/api/health/ready');
    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', redis: 'off', shuttingDown: false },
    });
    // The older health check answers as before.
    const health = await server.request('/api/health');
    expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { status: 'ok', database: server.config.databaseKind } });
  });

  it('times requests by route pattern, with no id of anything in the metrics', async () => {
    const documentId = randomUUID();
    expect((await server.request(`/api/documents/${documentId}/text`)).status).toBe(401);
    expect((await server.request(`/api/no-such-thing/${documentId}`)).status).toBe(404);
    for (let i = 0; i < 3; i++) expect((await server.request('/api/health/ready')).status).toBe(200);

    // A request is counted once its response is sent, which the client may see first.
    let text = '';
    await eventually(
      async () => {
        text = (await scrape()).text;
        return (sample(text, 'http_request_duration_seconds_count', 'route="/api/health/ready"') ?? 0) >= 3 && text.includes('route="unmatched"');
      },
      15_000,
      'the requests in the metrics',
    );
    expect(sample(text, 'http_request_duration_seconds_count', 'method="GET",route="/api/health/ready",status_code="200"')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'http_request_duration_seconds_count', 'method="GET",route="/api/documents/:documentId/text",status_code="401"')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', 'method="GET",route="unmatched",status_code="404"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain('no-such-thing');
    expect(text).not.toContain('{*path}');
    // Each app has its own registry: prom-client's global one holds none of its metrics.
    expect(globalRegistry.getSingleMetric('http_request_duration_seconds')).toBeUndefined();
  });

  it('serves the process metrics and the co-drafting ones in the Prometheus text format', async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    for (const name of ['process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds', 'collab_updates_total', 'collab_commit_seconds_count', 'collab_open_documents', 'collab_connections', 'collab_fanout_lag_seconds_count']) {
      expect({ name, present: response.text.split('\n').some((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`)) }).toEqual({ name, present: true });
    }
  });

  it('reads job_queue_depth from the jobs table, the mail outbox and the search index at each scrape', async () => {
    expect(sample((await scrape()).text, 'job_queue_depth', 'queue="mail_outbox"')).toBe(0);
    // A job for later (so that no worker takes it), and one given up, which waits for nothing.
    await server.db.query(`INSERT INTO jobs (kind, payload, run_at) VALUES ('metrics-test', '{}', now() + interval '1 hour'), ('metrics-test', '{}', now() + interval '1 hour')`);
    await server.db.query(`INSERT INTO jobs (kind, payload, run_at) VALUES ('metrics-test', '{}', 'infinity')`);
    expect(sample((await scrape()).text, 'job_queue_depth', 'queue="metrics-test"')).toBe(2);
    // Once drained, the queue says 0 rather than vanishing.
    await server.db.query(`DELETE FROM jobs WHERE kind = 'metrics-test'`);
    expect(sample((await scrape()).text, 'job_queue_depth', 'queue="metrics-test"')).toBe(0);
    // Records waiting for the search index (marked for later, so that the indexer leaves them; a record given up has no
    // row, search/search-indexer.ts).
    await server.db.query(`INSERT INTO search_pending (source, source_id, marked_at) VALUES ('document', gen_random_uuid(), now() + interval '1 hour'), ('person', gen_random_uuid(), now() + interval '1 hour')`);
    expect(sample((await scrape()).text, 'job_queue_depth', 'queue="search_index"')).toBe(2);
    await server.db.query(`DELETE FROM search_pending WHERE marked_at > now()`);
    expect(sample((await scrape()).text, 'job_queue_depth', 'queue="search_index"')).toBe(0);
  });

  it('refuses /metrics without the token, with a wrong one, and as /api/metrics', async () => {
    const missing = await get(server.url, '/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.text).not.toContain('http_request_duration_seconds');
    for (const authorization of [`Bearer ${METRICS_TOKEN}x`, `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Basic ${METRICS_TOKEN}`]) {
      const wrong = await get(server.url, '/metrics', { authorization });
      expect({ authorization, status: wrong.status, leaked: wrong.text.includes('http_request_duration_seconds') }).toEqual({ authorization, status: 401, leaked: false });
    }
    expect((await get(server.url, '/api/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(404);
  });

  it('answers 503 to readiness once the instance begins to shut down, while still live', async () => {
    peer = await server.startPeer();
    expect((await get(peer.url, '/api/health/ready')).status).toBe(200);
    // The hook app.close() calls first, while the HTTP server still serves.
    peer.server.app.get(HealthChecks).onModuleDestroy();
    const ready = await get(peer.url, '/api/health/ready');
    expect({ status: ready.status, body: ready.json() }).toEqual({ status: 503, body: { status: 'error', database: 'ok', redis: 'off', shuttingDown: true } });
    expect((await get(peer.url, '/api/health/live')).status).toBe(200);
    // The other instance is not shutting down.
    expect((await get(server.url, '/api/health/ready')).status).toBe(200);
  });

  it('is ready with a Redis that answers', async () => {
    await server.restart({ REDIS_URL });
    const ready = await get(server.url, '/api/health/ready');
    expect({ status: ready.status, body: ready.json() }).toEqual({ status: 200, body: { status: 'ok', database: 'ok', redis: 'ok', shuttingDown: false } });
  });
});

describe('health and metrics, without METRICS_TOKEN, behind a proxy, with a Redis that does not answer', () => {
  let server: TestServer;

  beforeAll(async () => {
    // Nothing listens on port 1. TRUST_PROXY: the client's address comes from X-Forwarded-For, which anyone may send.
    server = await TestServer.start({ seedDemo: false, env: { REDIS_URL: 'redis://127.0.0.1:1', TRUST_PROXY: 'true' } });
  });
  afterAll(() => server?.close());

  it('is not ready while Redis does not answer, and says so at once rather than hanging', async () => {
    for (let i = 0; i < 2; i++) {
      const ready = await get(server.url, '/api/health/ready');
      expect({ status: ready.status, body: ready.json() }).toEqual({ status: 503, body: { status: 'error', database: 'ok', redis: 'error', shuttingDown: false } });
    }
    expect((await get(server.url, '/api/health/live')).status).toBe(200);
  });

  it('serves /metrics to a direct request from this host only: not to one relayed or claiming to be local', async () => {
    const direct = await get(server.url, '/metrics');
    expect(direct.status).toBe(200);
    expect(direct.text).toContain('job_queue_depth{queue="mail_outbox"}');
    const relayedHeaders: Array<Record<string, string>> = [{ 'x-forwarded-for': '203.0.113.7' }, { 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }, { 'x-real-ip': '::1' }];
    for (const headers of relayedHeaders) {
      const relayed = await get(server.url, '/metrics', headers);
      expect({ headers, status: relayed.status, leaked: relayed.text.includes('job_queue_depth') }).toEqual({ headers, status: 404, leaked: false });
    }
    // Without a token configured, a token opens nothing either.
    expect((await get(server.url, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.7' })).status).toBe(404);
  });
});
