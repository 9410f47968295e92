import { createHmac } from 'node:crypto';
import type Redis from 'ioredis';
import type { RateCounter, SlidingWindowCounter } from './rate-limit';

/** Where the counts live in Redis: `commonplan:rate:<counter name>:<key digest>`, one sorted set each. */
export const RATE_KEY_PREFIX = 'commonplan:rate:';

/**
 * One sliding window, checked and changed in one step (a script runs alone in Redis, so instances never interleave).
 * KEYS[1] is the window's sorted set: one member per event, scored by its time. ARGV: limit, window (ms), mode (peek:
 * only answer; hit: add the event when under the limit; record: add it anyway) and the event's unique member.
 * Answers the milliseconds until the key may act again, 0 when it is under its limit. The time is the Redis server's,
 * so the instances' clocks do not matter; only the last `limit` events are kept, and the set expires with its window.
 */
const SLIDING_WINDOW_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local mode = ARGV[3]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local wait = 0
if count >= limit then
  local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  wait = tonumber(oldest[2]) + window - now
  if wait < 1 then wait = 1 end
end
if mode == 'record' or (mode == 'hit' and wait == 0) then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('ZREMRANGEBYRANK', key, 0, -(limit + 1))
  redis.call('PEXPIRE', key, window)
end
return wait
`;

type WindowMode = 'peek' | 'hit' | 'record';

/** A Redis client that knows the sliding window script (withSlidingWindow). */
export interface WindowClient extends Redis {
  slidingWindow(key: string, limit: number, windowMs: number, mode: WindowMode, member: string): Promise<number>;
}

/** Teaches the client the script; ioredis sends it by its hash and loads it again where Redis has forgotten it. */
export function withSlidingWindow(redis: Redis): WindowClient {
  redis.defineCommand('slidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW_SCRIPT });
  return redis as WindowClient;
}

/**
 * The Redis key of `key` in counter `name`. The key (an address, an e-mail) is stored only as an HMAC under the
 * deployment's secret: bounded in length, the same on every instance, and no personal data in Redis.
 */
export function rateKey(secret: string, name: string, key: string): string {
  return `${RATE_KEY_PREFIX}${name}:${createHmac('sha256', secret).update(key).digest('base64url')}`;
}

/** What a Redis counter needs of the service that made it. */
export interface RedisLink {
  /** The client while Redis is believed to answer; null when counting falls back to memory. */
  usable(): WindowClient | null;
  /** Reports a command that failed (the service logs it and leaves Redis alone for a moment). */
  failed(error: Error): void;
  /** A member naming one event, unique across instances. */
  nextMember(): string;
  readonly secret: string;
}

/**
 * A counter shared by the instances through Redis. Every event is also counted in this instance's memory, which
 * answers while Redis does not: an outage degrades to per-instance limits that already know this instance's share,
 * never to no limit and never to an error.
 */
export class RedisRateCounter implements RateCounter {
  constructor(
    private readonly link: RedisLink,
    private readonly name: string,
    private readonly local: SlidingWindowCounter,
  ) {}

  async retryAfter(key: string): Promise<number> {
    const ms = await this.run(key, 'peek');
    return ms === null ? this.local.retryAfter(key) : seconds(ms);
  }

  async hit(key: string): Promise<number> {
    const ms = await this.run(key, 'hit');
    if (ms === null) return this.local.hit(key);
    if (ms === 0) this.local.record(key);
    return seconds(ms);
  }

  async record(key: string): Promise<void> {
    await this.run(key, 'record');
    this.local.record(key);
  }

  async reset(key: string): Promise<void> {
    this.local.reset(key);
    const client = this.link.usable();
    if (!client) return;
    await client.del(rateKey(this.link.secret, this.name, key)).catch((error: Error) => this.link.failed(error));
  }

  /** The script's answer in milliseconds, or null when Redis did not give one. */
  private async run(key: string, mode: WindowMode): Promise<number | null> {
    const client = this.link.usable();
    if (!client) return null;
    try {
      const ms = Number(await client.slidingWindow(rateKey(this.link.secret, this.name, key), this.local.limit, this.local.windowMs, mode, this.link.nextMember()));
      if (!Number.isFinite(ms)) throw new Error(`the rate limit script answered ${ms}`);
      return ms;
    } catch (error) {
      this.link.failed(error as Error);
      return null;
    }
  }
}

function seconds(ms: number): number {
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
}
