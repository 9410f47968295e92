/**
 * Reconnect delays: exponential growth with full jitter between a floor and a ceiling, so that a thousand clients
 * dropped by one server restart do not come back in the same millisecond nor hammer a server that is down.
 */
export interface BackoffOptions {
  /** Shortest delay, ms (default 250). */
  minMs?: number;
  /** Longest delay, ms (default 10 000). */
  maxMs?: number;
  /** Growth of the ceiling per attempt (default 2). */
  factor?: number;
  /** Uniform random number in [0, 1) (default Math.random); injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { minMs: 250, maxMs: 10_000, factor: 2 } as const;

/**
 * The delay before retry number `attempt` (0 for the first retry): uniform in
 * `[minMs, min(maxMs, minMs · factor^(attempt + 1))]`.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { minMs, maxMs, factor, random } = resolveBackoffOptions(options);
  const ceiling = Math.min(maxMs, minMs * Math.pow(factor, Math.max(0, attempt) + 1));
  const delay = minMs + random() * (ceiling - minMs);
  return Math.min(maxMs, Math.max(minMs, Math.round(delay)));
}

/** A retry counter: `next()` gives the next delay and counts the attempt, `reset()` after a success. */
export class Backoff {
  private attempt = 0;
  private readonly options: Required<BackoffOptions>;

  constructor(options: BackoffOptions = {}) {
    this.options = resolveBackoffOptions(options);
  }

  /** Attempts since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  next(): number {
    return backoffDelay(this.attempt++, this.options);
  }

  reset(): void {
    this.attempt = 0;
  }
}

function resolveBackoffOptions(options: BackoffOptions): Required<BackoffOptions> {
  const minMs = options.minMs ?? DEFAULT_BACKOFF.minMs;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const factor = options.factor ?? DEFAULT_BACKOFF.factor;
  if (!(Number.isFinite(minMs) && minMs >= 0)) throw new RangeError('backoff: minMs must be a finite number >= 0');
  if (!(Number.isFinite(maxMs) && maxMs >= minMs)) throw new RangeError('backoff: maxMs must be a finite number >= minMs');
  if (!(Number.isFinite(factor) && factor >= 1)) throw new RangeError('backoff: factor must be a finite number >= 1');
  return { minMs, maxMs, factor, random: options.random ?? Math.random };
}
