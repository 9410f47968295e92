import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('defaults to 250 ms .. 10 s, the ceiling doubling per attempt', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(backoffDelay(0, { random: low })).toBe(250);
    expect(backoffDelay(0, { random: high })).toBe(500);
    expect(backoffDelay(1, { random: high })).toBe(1000);
    expect(backoffDelay(2, { random: high })).toBe(2000);
    expect(backoffDelay(5, { random: high })).toBe(10_000);
    expect(backoffDelay(50, { random: high })).toBe(10_000);
    expect(backoffDelay(5000, { random: high })).toBe(10_000); // factor^attempt overflows to Infinity: still capped
    expect(backoffDelay(30, { random: low })).toBe(250);
  });

  it('spreads delays over the whole range (full jitter)', () => {
    expect(backoffDelay(2, { random: () => 0.5 })).toBe(250 + 0.5 * (2000 - 250));
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(250 + 0.5 * (4000 - 250));
    const delays = new Set(Array.from({ length: 50 }, (_, i) => backoffDelay(4, { random: () => i / 50 })));
    expect(delays.size).toBe(50);
  });

  it('stays within [min, max] for any options and attempt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.nat(200),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (minMs, extra, factor, attempt, r) => {
          const maxMs = minMs + extra;
          const delay = backoffDelay(attempt, { minMs, maxMs, factor, random: () => r });
          expect(delay).toBeGreaterThanOrEqual(minMs);
          expect(delay).toBeLessThanOrEqual(maxMs);
        },
      ),
    );
  });

  it('never shrinks its ceiling as attempts grow', () => {
    fc.assert(
      fc.property(fc.nat(100), (attempt) => {
        const ceiling = (n: number) => backoffDelay(n, { random: () => 0.999999 });
        expect(ceiling(attempt + 1)).toBeGreaterThanOrEqual(ceiling(attempt));
      }),
    );
  });

  it('refuses inconsistent options', () => {
    expect(() => backoffDelay(0, { minMs: 500, maxMs: 100 })).toThrow(RangeError);
    expect(() => backoffDelay(0, { minMs: -1 })).toThrow(RangeError);
    expect(() => backoffDelay(0, { factor: 0.5 })).toThrow(RangeError);
    expect(() => new Backoff({ maxMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('Backoff', () => {
  it('counts attempts and starts over after reset', () => {
    const backoff = new Backoff({ minMs: 100, maxMs: 1000, random: () => 0.999999 });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([200, 400, 800, 1000, 1000]);
    expect(backoff.attempts).toBe(5);
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(200);
  });

  it('uses Math.random by default and stays in range', () => {
    const backoff = new Backoff();
    for (let i = 0; i < 100; i++) {
      const delay = backoff.next();
      expect(delay).toBeGreaterThanOrEqual(250);
      expect(delay).toBeLessThanOrEqual(10_000);
    }
  });
});
