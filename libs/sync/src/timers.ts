/**
 * Timers without depending on DOM or Node typings (the lib compiles with `types: []`); looked up on globalThis at
 * call time so that test fake timers apply.
 */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const defaultTimers: Timers = {
  set: (callback, ms) => (globalThis as unknown as TimerGlobals).setTimeout(callback, ms),
  clear: (handle) => (globalThis as unknown as TimerGlobals).clearTimeout(handle),
};
