import type { Logger } from '@nestjs/common';

/**
 * One runner per instance for a queue in a table (JobQueue, MailOutbox): `wake()` runs `drain` unless it is running
 * already, in which case it runs once more when done (so nothing woken during a run waits for the next poll); a timer
 * wakes it every `pollMs` for work of other instances and retries; `stop()` waits for the run in progress.
 */
export class DrainLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly drain: () => Promise<void>,
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  start(pollMs: number): void {
    this.timer = setInterval(() => this.wake(), pollMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /**
   * Resolves once nothing is due (`countDue`, work this instance may take now) and no run is in progress here (what
   * tests and benchmarks wait for). A run that begins while `countDue` reads (a commit's wake) may have taken the work
   * already, so that reading counts only when no run began meanwhile.
   */
  async idle(countDue: () => Promise<number>): Promise<void> {
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      const due = await countDue();
      if (this.running) continue;
      if (due === 0) return;
      this.wake();
    }
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.logger.error(`${this.what} stopped: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }
}
