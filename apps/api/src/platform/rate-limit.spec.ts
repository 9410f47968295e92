import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { loadConfig } from './config/app-config';
import { SlidingWindowCounter } from './rate-limit';
import { RateLimits } from './rate-limits';
import { RATE_KEY_PREFIX, rateKey } from './redis-rate-counter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Polls until `check` holds; the deadline is a ceiling for a loaded machine, never what the test asserts. */
async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SlidingWindowCounter', () => {
  it('allows the limit within a window, then tells how long to wait', () => {
    let now = 1_000_000;
    const counter = new SlidingWindowCounter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(counter.retryAfter('a')).toBe(0);
      counter.record('a');
      now += 1000;
    }
    expect(counter.retryAfter('a')).toBe(57);
    expect(counter.retryAfter('b')).toBe(0);
    now += 57_000;
    expect(counter.retryAfter('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const counter = new SlidingWindowCounter(1, 60_000);
    counter.record('a');
    expect(counter.retryAfter('a')).toBeGreaterThan(0);
    counter.reset('a');
    expect(counter.retryAfter('a')).toBe(0);
  });

  it('counts a hit only under the limit', () => {
    let now = 1_000_000;
    const counter = new SlidingWindowCounter(2, 10_000, () => now);
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(10);
    now += 10_000;
    // The refused hit was not counted: both places are free again once the first two leave the window.
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(0);
  });

  it('keeps waiting from the latest events when more are recorded past the limit', () => {
    let now = 1_000_000;
    const counter = new SlidingWindowCounter(2, 10_000, () => now);
    for (let i = 0; i < 5; i++) {
      counter.record('a');
      now += 1000;
    }
    // The last two events were at +3 s and +4 s; now is +5 s.
    expect(counter.retryAfter('a')).toBe(8);
  });
});

describe('RateLimits without Redis', () => {
  it('counts in memory, one counter per name', async () => {
    const limits = new RateLimits(loadConfig({}));
    const counter = limits.counter('test-memory', 2, 60_000);
    expect(limits.counter('test-memory', 2, 60_000)).toBe(counter);
    expect(() => limits.counter('test-memory', 3, 60_000)).toThrow(/another limit/);
    expect(() => limits.counter('Test memory', 2, 60_000)).toThrow(/lower-case/);
    expect(await counter.hit('a')).toBe(0);
    await counter.record('a');
    expect(await counter.hit('a')).toBe(60);
    expect(await counter.retryAfter('a')).toBe(60);
    expect(await counter.retryAfter('b')).toBe(0);
    await counter.reset('a');
    expect(await counter.retryAfter('a')).toBe(0);
  });
});

describe('RateLimits with Redis', () => {
  // Every counter of this run is named after it, so its keys are its own and are deleted afterwards.
  const run = `test-${randomUUID().slice(0, 8)}`;
  let admin: Redis;
  const started: RateLimits[] = [];
  const servers: Array<{ server: Server; sockets: Set<Socket> }> = [];

  async function service(url = REDIS_URL): Promise<RateLimits> {
    const limits = new RateLimits(loadConfig({ REDIS_URL: url }));
    started.push(limits);
    await limits.onModuleInit();
    return limits;
  }

  /** A service known to count in Redis (not in its memory fallback), so a test cannot pass without Redis. */
  async function shared(): Promise<RateLimits> {
    const limits = await service();
    expect(limits.usable()).not.toBeNull();
    return limits;
  }

  /** A TCP server that takes connections and never answers: a Redis that hangs. */
  async function silentRedis(): Promise<{ url: string }> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    servers.push({ server, sockets });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `redis://127.0.0.1:${(server.address() as { port: number }).port}` };
  }

  /** A TCP relay to the real Redis that the test can cut, or freeze (Redis then seems to hang). */
  async function proxy(): Promise<{ url: string; cut(): void; freeze(): void }> {
    const target = new URL(REDIS_URL);
    const sockets = new Set<Socket>();
    const pairs: Array<[Socket, Socket]> = [];
    const server = createServer((client) => {
      const upstream = createConnection(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => (client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream).pipe(client);
      pairs.push([client, upstream]);
    });
    servers.push({ server, sockets });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(REDIS_URL);
    url.hostname = '127.0.0.1';
    url.port = String((server.address() as { port: number }).port);
    return {
      url: url.toString(),
      cut: () => {
        server.close();
        for (const socket of sockets) socket.destroy();
      },
      freeze: () => {
        for (const [client, upstream] of pairs) client.unpipe(upstream);
      },
    };
  }

  beforeAll(async () => {
    // The warnings of the fallback tests are expected; errors still show.
    Logger.overrideLogger(['error']);
    admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await admin.connect().catch((error: Error) => {
      throw new Error(`these tests need Redis at ${REDIS_URL} (set REDIS_URL): ${error.message}`);
    });
  });

  afterAll(async () => {
    await Promise.all(started.map((limits) => limits.onApplicationShutdown()));
    for (const { server, sockets } of servers) {
      server.close();
      for (const socket of sockets) socket.destroy();
    }
    if (admin?.status === 'ready') {
      const keys = await ownKeys();
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    }
  });

  async function ownKeys(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await admin.scan(cursor, 'MATCH', `${RATE_KEY_PREFIX}${run}-*`, 'COUNT', 1000);
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  }

  it('holds the limit, says how long to wait, and keeps the window in one expiring key', async () => {
    const limits = await shared();
    const counter = limits.counter(`${run}-limit`, 3, 60_000);
    for (let i = 0; i < 3; i++) expect(await counter.hit('198.51.100.1')).toBe(0);
    const wait = await counter.hit('198.51.100.1');
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await counter.retryAfter('198.51.100.1')).toBe(wait);
    expect(await counter.retryAfter('198.51.100.2')).toBe(0);
    const key = rateKey(limits.secret, `${run}-limit`, '198.51.100.1');
    expect(await admin.zcard(key)).toBe(3);
    const ttl = await admin.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('lets the window slide: a key over its limit may act again once its oldest events leave the window', async () => {
    const limits = await shared();
    const counter = limits.counter(`${run}-slide`, 2, 1500);
    expect(await counter.hit('a')).toBe(0);
    expect(await counter.hit('a')).toBe(0);
    expect(await counter.hit('a')).toBeGreaterThan(0);
    await until(async () => (await counter.retryAfter('a')) === 0, 'the window to slide');
    expect(await counter.hit('a')).toBe(0);
  });

  it('forgets a key on reset', async () => {
    const limits = await shared();
    const counter = limits.counter(`${run}-reset`, 1, 60_000);
    expect(await counter.hit('a')).toBe(0);
    expect(await counter.retryAfter('a')).toBeGreaterThan(0);
    await counter.reset('a');
    expect(await admin.exists(rateKey(limits.secret, `${run}-reset`, 'a'))).toBe(0);
    expect(await counter.retryAfter('a')).toBe(0);
  });

  it('records past the limit, keeping only the events that decide the wait', async () => {
    const limits = await shared();
    const counter = limits.counter(`${run}-record`, 3, 60_000);
    for (let i = 0; i < 10; i++) await counter.record('a');
    expect(await counter.retryAfter('a')).toBeGreaterThan(0);
    expect(await admin.zcard(rateKey(limits.secret, `${run}-record`, 'a'))).toBe(3);
  });

  it('shares one count between two services, each with its own client, and never lets concurrent hits past the limit', async () => {
    const [one, two] = [await shared(), await shared()];
    const a = one.counter(`${run}-shared`, 3, 60_000);
    const b = two.counter(`${run}-shared`, 3, 60_000);
    expect(await a.hit('k')).toBe(0);
    expect(await b.hit('k')).toBe(0);
    expect(await a.hit('k')).toBe(0);
    expect(await b.hit('k')).toBeGreaterThan(0);
    expect(await a.retryAfter('k')).toBeGreaterThan(0);
    await b.reset('k');
    expect(await a.retryAfter('k')).toBe(0);

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).hit('race')));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(3);
  });

  it('stores no address or e-mail in Redis, and bounded keys however long the key', async () => {
    const limits = await shared();
    const counter = limits.counter(`${run}-private`, 5, 60_000);
    const email = `${'jan.kowalski'.repeat(20)}@example.com`;
    await counter.hit(email);
    await counter.record('203.0.113.7');
    const keys = await ownKeys();
    const mine = keys.filter((key) => key.startsWith(`${RATE_KEY_PREFIX}${run}-private:`));
    expect(mine).toHaveLength(2);
    for (const key of mine) {
      expect(key.length).toBeLessThan(100);
      const stored = [key, ...(await admin.zrange(key, 0, -1))].join(' ');
      expect(stored).not.toContain('kowalski');
      expect(stored).not.toContain('203.0.113.7');
    }
  });

  it('limits in memory, without errors, where Redis does not answer', async () => {
    const limits = await service('redis://127.0.0.1:1');
    expect(limits.usable()).toBeNull();
    const counter = limits.counter(`${run}-down`, 2, 60_000);
    expect(await counter.hit('a')).toBe(0);
    await counter.record('a');
    expect(await counter.hit('a')).toBeGreaterThan(0);
    expect(await counter.retryAfter('a')).toBeGreaterThan(0);
    await counter.reset('a');
    expect(await counter.retryAfter('a')).toBe(0);
  });

  it('limits in memory, and neither hangs nor fails, where Redis takes connections and never answers', async () => {
    const silent = await silentRedis();
    const limits = await service(silent.url);
    expect(limits.usable()).toBeNull();
    const counter = limits.counter(`${run}-silent`, 1, 60_000);
    expect(await counter.hit('a')).toBe(0);
    expect(await counter.hit('a')).toBeGreaterThan(0);
    await limits.onApplicationShutdown();
  });

  it('goes on counting this instance’s events in memory when Redis goes away', async () => {
    const relay = await proxy();
    const limits = await service(relay.url);
    expect(limits.usable()).not.toBeNull();
    const counter = limits.counter(`${run}-outage`, 3, 60_000);
    expect(await counter.hit('a')).toBe(0);
    expect(await counter.hit('a')).toBe(0);
    expect(await admin.zcard(rateKey(limits.secret, `${run}-outage`, 'a'))).toBe(2);

    relay.cut();
    await until(() => limits.usable() === null, 'the service to notice the outage');
    // This instance remembers its two events: one more is allowed, then the key is refused, as with Redis.
    expect(await counter.hit('a')).toBe(0);
    expect(await counter.hit('a')).toBeGreaterThan(0);
    expect(await admin.zcard(rateKey(limits.secret, `${run}-outage`, 'a'))).toBe(2);
  });

  it('answers from memory, not with an error, when Redis stops answering mid-way', async () => {
    const relay = await proxy();
    const limits = await service(relay.url);
    expect(limits.usable()).not.toBeNull();
    const counter = limits.counter(`${run}-frozen`, 2, 60_000);
    expect(await counter.hit('a')).toBe(0);
    relay.freeze();
    // The command times out; the event is counted in memory, where the first one was counted too.
    expect(await counter.hit('a')).toBe(0);
    expect(limits.usable()).toBeNull();
    expect(await counter.hit('a')).toBeGreaterThan(0);
    expect(await admin.zcard(rateKey(limits.secret, `${run}-frozen`, 'a'))).toBe(1);
  });
});
