/**
 * Rate limits: how many events one key (an address, an account) may cause within a sliding window. Features take
 * their counters from RateLimits (rate-limits.ts): with REDIS_URL the counts live in Redis and every instance counts
 * against the same count (redis-rate-counter.ts); without it there is one instance and they live in this process's
 * memory (SlidingWindowCounter), which is also what an instance falls back to while Redis does not answer.
 */
export interface RateCounter {
  /** Seconds until the key may act again, or 0 when it is under its limit. Counts nothing. */
  retryAfter(key: string): Promise<number>;
  /**
   * Counts an event of the key if it is under its limit and answers 0; over it, counts nothing and answers the seconds
   * to wait. Checking and counting are one step, so concurrent requests never get past the limit together.
   */
  hit(key: string): Promise<number>;
  /** Counts an event of the key whatever its count (a failure that has already happened). */
  record(key: string): Promise<void>;
  /** Forgets the key's events. */
  reset(key: string): Promise<void>;
}

/** Counts events per key in a sliding window held in this process's memory. */
export class SlidingWindowCounter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may act again, or 0 when it is under its limit. Does not count anything. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit] + this.windowMs - this.now()) / 1000));
  }

  /** Counts an event when the key is under its limit (answers 0), else answers the seconds to wait. */
  hit(key: string): number {
    const wait = this.retryAfter(key);
    if (wait === 0) this.record(key);
    return wait;
  }

  record(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    // Only the last `limit` events decide when the key may act again: older ones need not be kept.
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.hits.set(key, recent);
    this.sweep();
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > since);
  }

  /** Drops keys whose hits have all left the window, at most once a window, so memory stays bounded. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= now - this.windowMs) this.hits.delete(key);
    }
  }
}

/** A RateCounter in this process's memory: the one instance's counter when there is no Redis. */
export class MemoryRateCounter implements RateCounter {
  constructor(private readonly window: SlidingWindowCounter) {}

  retryAfter(key: string): Promise<number> {
    return Promise.resolve(this.window.retryAfter(key));
  }

  hit(key: string): Promise<number> {
    return Promise.resolve(this.window.hit(key));
  }

  record(key: string): Promise<void> {
    this.window.record(key);
    return Promise.resolve();
  }

  reset(key: string): Promise<void> {
    this.window.reset(key);
    return Promise.resolve();
  }
}
