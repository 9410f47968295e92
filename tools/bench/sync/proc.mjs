// Readers of /proc: CPU time and memory of a process (the servers under test) and of the local PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64 and arm64

function statFields(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid) {
  const f = statFields(pid); // f[0] is field 3 (state): utime is field 14, stime 15
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}

/** User and system CPU seconds separately (system: the kernel's work for it, e.g. socket writes). */
export function cpuSplit(pid) {
  const f = statFields(pid);
  return { user: Number(f[11]) / CLK_TCK, system: Number(f[12]) / CLK_TCK };
}

/** Now on the monotonic clock that V8's CPU profiles use (microseconds), to cut a profile to a time window. */
export function monotonicMicros() {
  return Number(process.hrtime.bigint() / 1000n);
}

/** VmRSS and VmHWM (peak RSS) in bytes. */
export function memory(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/**
 * CPU seconds of every process named postgres on this machine, including those that have exited (their time is in
 * the postmaster's cutime/cstime). Includes any other client of that server: compare deltas over quiet periods only.
 */
export function postgresCpuSeconds() {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const f = statFields(entry);
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / CLK_TCK;
}

/** The 1-minute load average of the machine (what else was running). */
export function loadAverage() {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/**
 * Waits until the process has used (almost) no CPU for `quietMs`, i.e. until deferred work (persistence, compaction)
 * has finished; returns its CPU seconds then. Gives up after `maxMs`.
 */
export async function cpuWhenQuiet(pid, { quietMs = 1000, maxMs = 60_000, threshold = 0.05 } = {}) {
  const deadline = Date.now() + maxMs;
  let last = cpuSeconds(pid);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = cpuSeconds(pid);
    if (now - last <= (threshold * quietMs) / 1000 || Date.now() > deadline) return now;
    last = now;
  }
}

/** CPU seconds the whole machine has been busy (all cores, all processes) since boot. */
export function machineBusySeconds() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / CLK_TCK;
}

/**
 * A snapshot of who used CPU: the server, PostgreSQL, this process (the clients) and the machine as a whole. The
 * difference of two snapshots tells how much CPU others (not the server, the clients or PostgreSQL) took meanwhile.
 */
export function cpuSnapshot(serverPid) {
  const { user, system } = process.cpuUsage();
  const split = cpuSplit(serverPid);
  return { at: performance.now(), mono: monotonicMicros(), server: split.user + split.system, serverSystem: split.system, postgres: postgresCpuSeconds(), client: (user + system) / 1e6, machine: machineBusySeconds() };
}

export function cpuDelta(a, b) {
  const wall = (b.at - a.at) / 1000;
  const d = { wall, window: [a.mono, b.mono], serverSystem: b.serverSystem - a.serverSystem, server: b.server - a.server, postgres: b.postgres - a.postgres, client: b.client - a.client, machine: b.machine - a.machine };
  d.others = Math.max(0, d.machine - d.server - d.postgres - d.client);
  d.othersCores = d.others / wall;
  return d;
}

/**
 * Waits until the machine is quiet (other processes use under `maxCores` of a core over one second), so that a
 * concurrent test run does not disturb the measurement; gives up after `maxMs` and says how busy it was.
 */
export async function waitForQuietMachine({ maxCores = 0.15, maxMs = 180_000 } = {}) {
  const start = Date.now();
  for (;;) {
    const a = machineBusySeconds();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = machineBusySeconds() - a;
    if (busy <= maxCores) return { waitedMs: Date.now() - start, busyCores: busy, quiet: true };
    if (Date.now() - start > maxMs) return { waitedMs: Date.now() - start, busyCores: busy, quiet: false };
  }
}
