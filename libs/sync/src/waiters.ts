/** Promises waiting for a boolean state to become true (`whenSynced`, `whenSaved`). */
export class Waiters {
  private waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  /** Resolved at once when `ready`, rejected at once when `closed`, else on the next resolveAll / rejectAll. */
  wait(ready: boolean, closed: boolean): Promise<void> {
    if (ready) return Promise.resolve();
    if (closed) return Promise.reject(new Error('closed'));
    return new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  resolveAll(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) waiter.resolve();
  }

  rejectAll(error: Error): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) waiter.reject(error);
  }

  get size(): number {
    return this.waiting.length;
  }
}
