import { afterEach, describe, expect, it, vi } from 'vitest';
import { toUint8Array } from './binary';
import { Emitter } from './emitter';
import { Waiters } from './waiters';

class Probe extends Emitter<{ change: [value: number, label: string]; done: [] }> {
  fire(value: number): void {
    this.emit('change', value, `#${value}`);
  }
  finish(): void {
    this.emit('done');
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Emitter', () => {
  it('calls listeners with typed arguments until they are removed', () => {
    const probe = new Probe();
    const seen: string[] = [];
    const off = probe.on('change', (value, label) => seen.push(`${value}${label}`));
    probe.once('change', (value) => seen.push(`once ${value}`));
    probe.fire(1);
    probe.fire(2);
    off();
    probe.fire(3);
    expect(seen).toEqual(['1#1', 'once 1', '2#2']);
    expect(probe.listenerCount('change')).toBe(0);
  });

  it('keeps calling the other listeners when one throws, and rethrows asynchronously', () => {
    vi.useFakeTimers();
    const probe = new Probe();
    const calls: number[] = [];
    probe.on('done', () => {
      throw new Error('listener bug');
    });
    probe.on('done', () => calls.push(1));
    probe.finish();
    expect(calls).toEqual([1]);
    expect(() => vi.runAllTimers()).toThrow('listener bug');
  });
});

describe('toUint8Array', () => {
  it('views ArrayBuffers, typed arrays and Uint8Array subclasses without copying', () => {
    const buffer = new ArrayBuffer(8);
    const fromBuffer = toUint8Array(buffer);
    expect(fromBuffer?.buffer).toBe(buffer);
    expect(fromBuffer?.length).toBe(8);

    const plain = new Uint8Array(buffer, 2, 4);
    expect(toUint8Array(plain)).toBe(plain);

    class BufferLike extends Uint8Array {}
    const sub = new BufferLike(buffer, 3, 2);
    const view = toUint8Array(sub);
    expect(view?.constructor).toBe(Uint8Array);
    expect([view?.buffer === buffer, view?.byteOffset, view?.length]).toEqual([true, 3, 2]);

    const words = new Uint16Array(buffer, 2, 2);
    expect([toUint8Array(words)?.byteOffset, toUint8Array(words)?.length]).toEqual([2, 4]);
  });

  it('gives null for non-binary data', () => {
    expect(toUint8Array('bytes')).toBeNull();
    expect(toUint8Array(null)).toBeNull();
    expect(toUint8Array([1, 2])).toBeNull();
  });
});

describe('Waiters', () => {
  it('resolves when ready, rejects when closed', async () => {
    const waiters = new Waiters();
    await expect(waiters.wait(true, false)).resolves.toBeUndefined();
    await expect(waiters.wait(false, true)).rejects.toThrow('closed');
    const first = waiters.wait(false, false);
    const second = waiters.wait(false, false);
    expect(waiters.size).toBe(2);
    waiters.resolveAll();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    const third = waiters.wait(false, false);
    waiters.rejectAll(new Error('gone'));
    await expect(third).rejects.toThrow('gone');
    expect(waiters.size).toBe(0);
  });
});
