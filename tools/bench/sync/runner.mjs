// What the benchmark runners share (bench:sync and bench:scale): their command line and the wait for a quiet machine.
import { waitForQuietMachine } from './proc.mjs';

/** `--name=value` → { name: 'value' } and a bare `--flag` → { flag: true }. */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((a) => {
      const [k, ...v] = a.replace(/^--/, '').split('=');
      return [k, v.length ? v.join('=') : true];
    }),
  );
}

/**
 * Returns quietMachine(what), to call before each measurement: waits for other processes (someone's test run) to leave
 * the machine alone, at most `waitSeconds` each time and, with a `budgetSeconds`, at most that long over all calls
 * (so that a busy machine cannot stretch a run for hours; each wait then still gets at least 2 s). Says through `warn`
 * when the machine stayed busy and through `log` when it had to wait; returns waitForQuietMachine's answer.
 */
export function quietMachineWait({ log, warn = (text) => log(`WARNING: ${text}`), waitSeconds, budgetSeconds = Infinity }) {
  let waited = 0;
  return async function quietMachine(what) {
    const left = budgetSeconds - waited;
    const maxMs = (left === Infinity ? waitSeconds : Math.max(2, Math.min(waitSeconds, left))) * 1000;
    const q = await waitForQuietMachine({ maxMs });
    waited += q.waitedMs / 1000;
    if (!q.quiet) warn(`the machine was still busy (${q.busyCores.toFixed(2)} cores) after ${(q.waitedMs / 1000).toFixed(0)} s before ${what}; measured anyway`);
    else if (q.waitedMs > 2000) log(`waited ${(q.waitedMs / 1000).toFixed(0)} s for the machine to be quiet before ${what}`);
    return q;
  };
}
