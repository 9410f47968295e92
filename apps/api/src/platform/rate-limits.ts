import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from './config/app-config';
import { closeRedis } from './redis-close';
import { MemoryRateCounter, type RateCounter, SlidingWindowCounter } from './rate-limit';
import { type RedisLink, RedisRateCounter, type WindowClient, withSlidingWindow } from './redis-rate-counter';

/** A command Redis has not answered in this long counts as failed: the request is limited in memory instead. */
const COMMAND_TIMEOUT_MS = 1_000;
/** How long the start waits for Redis; until it answers, counters count in memory. */
const CONNECT_WAIT_MS = 2_000;
/** After a failed command, Redis is left alone this long, so an outage does not slow every request by a timeout. */
const PAUSE_AFTER_FAILURE_MS = 5_000;
/** At most one warning about Redis in this long. */
const WARNING_INTERVAL_MS = 60_000;

/**
 * Hands out rate counters by name. With REDIS_URL the counts are held in Redis, so every instance behind the balancer
 * counts against one count; without it, in memory (one instance). While Redis does not answer (not reached yet, down,
 * too slow) each instance counts on its own, and says so in the log at most once a minute: requests are never
 * refused with an error, never wait long, and never go unlimited.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnApplicationShutdown, RedisLink {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: WindowClient | null;
  private readonly counters = new Map<string, { limit: number; windowMs: number; counter: RateCounter }>();
  private readonly instance = randomUUID();
  private counted = 0;
  private pausedUntil = 0;
  private lastWarning = 0;
  private degraded = false;
  /** The HMAC key of the keys stored in Redis: derived from AUTH_SECRET, so the same on every instance. */
  readonly secret: string;

  constructor(config: AppConfig) {
    this.secret = `commonplan rate limits\0${config.authSecret}`;
    if (!config.redisUrl) {
      this.redis = null;
      return;
    }
    this.redis = withSlidingWindow(
      new Redis(config.redisUrl, {
        lazyConnect: true,
        // Fail at once while disconnected instead of queueing: the request is then limited in memory.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: COMMAND_TIMEOUT_MS,
        connectTimeout: CONNECT_WAIT_MS,
        // A connection that is already broken is not waited for at shutdown.
        disconnectTimeout: 500,
        retryStrategy: (times) => Math.min(times * 200, 5_000),
      }),
    );
    this.redis.on('error', (error: Error) => this.failed(error));
    this.redis.on('ready', () => {
      if (this.degraded) this.logger.log('Redis answers again: rate limits are shared by the instances');
      this.degraded = false;
      this.pausedUntil = 0;
    });
  }

  /**
   * The counter `name` (lower-case letters, digits and dashes; unique in the app): at most `limit` events per key in
   * any `windowMs`.
   */
  counter(name: string, limit: number, windowMs: number): RateCounter {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`rate counter name "${name}" must be lower-case letters, digits and dashes`);
    const known = this.counters.get(name);
    if (known) {
      if (known.limit !== limit || known.windowMs !== windowMs) throw new Error(`rate counter "${name}" exists with another limit or window`);
      return known.counter;
    }
    const local = new SlidingWindowCounter(limit, windowMs);
    const counter = this.redis ? new RedisRateCounter(this, name, local) : new MemoryRateCounter(local);
    this.counters.set(name, { limit, windowMs, counter });
    return counter;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_WAIT_MS} ms`)), CONNECT_WAIT_MS)));
    // A Redis that does not answer does not keep the server from starting: ioredis goes on trying in the background.
    await Promise.race([this.redis.connect(), gaveUp]).catch((error: Error) => this.failed(error));
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    await closeRedis(this.redis);
  }

  usable(): WindowClient | null {
    if (!this.redis || this.redis.status !== 'ready' || Date.now() < this.pausedUntil) return null;
    return this.redis;
  }

  failed(error: Error): void {
    const now = Date.now();
    this.pausedUntil = now + PAUSE_AFTER_FAILURE_MS;
    this.degraded = true;
    if (now - this.lastWarning < WARNING_INTERVAL_MS) return;
    this.lastWarning = now;
    this.logger.warn(`Redis did not answer (${error.message}): rate limits count on this instance alone until it does`);
  }

  nextMember(): string {
    return `${this.instance}:${++this.counted}`;
  }
}
