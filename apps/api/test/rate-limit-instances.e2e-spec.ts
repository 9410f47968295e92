import { randomInt, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RateLimits } from '../src/platform/rate-limits';
import { RATE_KEY_PREFIX, rateKey } from '../src/platform/redis-rate-counter';
import { type ApiResponse, DEMO_PASSWORD, type TestPeer, TestServer } from './support/test-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** An address of this run alone (the counts in Redis outlive a test file, and other files sign in from 127.0.0.1). */
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

type Target = { request: TestServer['request'] };

const login = (at: Target, email: string, password: string, ip: string): Promise<ApiResponse> =>
  at.request('/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

const requestReset = (at: Target, email: string, ip: string): Promise<ApiResponse> =>
  at.request('/api/auth/password-reset', { body: { email }, headers: { 'x-forwarded-for': ip } });

/**
 * Behind a balancer, the sign-in limits hold for the deployment, not for each instance: with REDIS_URL every
 * instance counts against the same counts in Redis.
 */
describe('sign-in limits shared by the instances through Redis', () => {
  const run = randomUUID().slice(0, 8);
  let server: TestServer;
  let peer: TestPeer;
  let admin: Redis;
  /** The Redis keys this file's requests created, deleted at the end. */
  const used: Array<{ name: string; key: string }> = [];

  beforeAll(async () => {
    admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await admin.connect().catch((error: Error) => {
      throw new Error(`these tests need Redis at ${REDIS_URL} (set REDIS_URL): ${error.message}`);
    });
    server = await TestServer.start({ env: { REDIS_URL, TRUST_PROXY: 'true', LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '6' } });
    peer = await server.startPeer();
  });
  afterAll(async () => {
    if (server && admin?.status === 'ready') {
      const secret = server.server.app.get(RateLimits).secret;
      const keys = used.map(({ name, key }) => rateKey(secret, name, key));
      if (keys.length > 0) await admin.del(...keys);
    }
    await admin?.quit().catch(() => undefined);
    await peer?.close();
    await server?.close();
  });

  it('locks an account after failures spread over both instances, on both', async () => {
    const email = `nobody-${run}@som.example`;
    const ip = randomIp();
    used.push({ name: 'login-failures', key: email }, { name: 'login-ip', key: ip });
    for (const at of [server, peer, server]) expect((await login(at, email, 'wrong-password', ip)).status).toBe(401);
    // Each instance has seen at most two of the three failures: only the shared count reaches the limit.
    for (const at of [peer, server]) {
      const locked = await login(at, email, 'wrong-password', ip);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('limits the attempts of one address across accounts and instances', async () => {
    const ip = randomIp();
    used.push({ name: 'login-ip', key: ip });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const email = `someone-${run}-${i}@som.example`;
      used.push({ name: 'login-failures', key: email });
      statuses.push((await login(i % 2 ? peer : server, email, 'wrong-password', ip)).status);
    }
    expect(statuses).toEqual(Array(6).fill(401));
    for (const at of [server, peer]) {
      const refused = await login(at, `someone-${run}-late@som.example`, DEMO_PASSWORD, ip);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Another address is not limited by it.
    const other = randomIp();
    used.push({ name: 'login-ip', key: other });
    expect((await login(peer, 'partner@som.example', DEMO_PASSWORD, other)).status).toBe(200);
  });

  it('limits reset e-mails to one account across instances', async () => {
    const email = `reset-${run}@som.example`;
    const ip = randomIp();
    used.push({ name: 'reset-account', key: email }, { name: 'login-ip', key: ip });
    for (const at of [server, peer, server]) expect((await requestReset(at, email, ip)).status).toBe(202);
    expect((await requestReset(peer, email, ip)).status).toBe(429);
  });

  it('keeps no e-mail or address in Redis', async () => {
    const secret = server.server.app.get(RateLimits).secret;
    let stored = 0;
    for (const { name, key } of used) {
      const redisKey = rateKey(secret, name, key);
      if (!(await admin.exists(redisKey))) continue;
      stored++;
      expect(redisKey.startsWith(RATE_KEY_PREFIX)).toBe(true);
      expect([redisKey, ...(await admin.zrange(redisKey, 0, -1))].join(' ')).not.toContain(key);
    }
    // The e-mails and addresses above, each under its digest.
    expect(stored).toBeGreaterThan(5);
  });
});

/**
 * A Redis that cannot be reached degrades the limits to each instance's own counts: requests are still limited, and
 * are never refused with a server error. (A Redis that takes connections and never answers is covered by
 * rate-limit.spec.ts for the counters alone.)
 */
describe('sign-in limits while Redis cannot be reached', () => {
  let server: TestServer;
  const statuses: number[] = [];

  beforeAll(async () => {
    server = await TestServer.start({ env: { REDIS_URL: 'redis://127.0.0.1:1', TRUST_PROXY: 'true', LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '5' } });
  });
  afterAll(() => server?.close());

  const attempt = async (email: string, password: string, ip: string) => {
    const response = await login(server, email, password, ip);
    statuses.push(response.status);
    return response;
  };

  it('locks an account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('ekspert@som.example', `guess-number-${i}`, randomIp())).status).toBe(401);
    const locked = await attempt('ekspert@som.example', DEMO_PASSWORD, randomIp());
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('partner@som.example', DEMO_PASSWORD, randomIp())).status).toBe(200);
  });

  it('limits the attempts of one address', async () => {
    const ip = randomIp();
    for (let i = 0; i < 5; i++) expect((await attempt(`someone${i}@som.example`, 'wrong-password', ip)).status).toBe(401);
    expect((await attempt('koordynator@som.example', DEMO_PASSWORD, ip)).status).toBe(429);
  });

  it('limits reset e-mails, and never answered with a server error', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) statuses.push((await requestReset(server, 'obserwator@som.example', ip)).status);
    statuses.push((await requestReset(server, 'obserwator@som.example', ip)).status);
    expect(statuses.slice(-4)).toEqual([202, 202, 202, 429]);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});
