import { SlidingWindowCounter } from './rate-limit';

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
});
