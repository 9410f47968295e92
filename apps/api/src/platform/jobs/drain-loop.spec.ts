import { Logger } from '@nestjs/common';
import { DrainLoop } from './drain-loop';

/** A promise with its resolve, to hold a run or a read where a test wants it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('DrainLoop.idle', () => {
  it('waits for a run that began while it counted: that run may hold the work the count no longer sees', async () => {
    const taken = gate();
    const sending = gate();
    let sent = false;
    const loop = new DrainLoop(
      async () => {
        taken.open(); // the work is leased: a count from now on no longer sees it as due
        await sending.promise;
        sent = true;
      },
      new Logger('test'),
      'test loop',
    );
    let resolved = false;
    let counts = 0;
    const idle = loop
      .idle(async () => {
        // A commit's wake starts a run while the first count is read; the count comes back after the run took the work.
        if (++counts === 1) loop.wake();
        await taken.promise;
        return 0;
      })
      .then(() => (resolved = true));
    await taken.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
    sending.open();
    await idle;
    expect(sent).toBe(true);
    expect(counts).toBe(2); // it looked again once the run was over
  });

  it('wakes the loop while work is due, and resolves once none is', async () => {
    let due = 3;
    const loop = new DrainLoop(
      async () => {
        while (due > 0) due--;
      },
      new Logger('test'),
      'test loop',
    );
    await loop.idle(async () => due);
    expect(due).toBe(0);
  });
});
