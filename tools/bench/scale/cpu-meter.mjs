// CPU of every process of a measurement over the workload's own window: the instances, Redis, the PostgreSQL backends
// serving the benchmark's database, all postgres processes, the machine and this runner. The client process measures
// its window in monotonic time (proc.mjs monotonicMicros, the clock of process.hrtime in every process); this meter
// samples cumulative counters every `everyMs` and interpolates them at the window's ends.
import pg from 'pg';
import { cpuSeconds, machineBusySeconds, monotonicMicros, postgresCpuSeconds } from '../sync/proc.mjs';

/**
 * `pids`: { name: pid } of the processes to follow (instances, Redis). `pgServerUrl` and `dbName`: the backends whose
 * `datname` is the benchmark's database are found in pg_stat_activity (once a second) and followed too; a backend
 * that ends keeps its last reading, one that starts counts from its start.
 */
export async function startCpuMeter({ pids, pgServerUrl, dbName, everyMs = 250 }) {
  const samples = [];
  const backends = new Map(); // pid -> last CPU seconds read
  let admin = null;
  if (pgServerUrl && dbName) {
    admin = new pg.Client({ connectionString: pgServerUrl });
    await admin.connect();
  }
  const refreshBackends = async () => {
    if (!admin) return;
    const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName]);
    for (const { pid } of rows) if (!backends.has(pid)) backends.set(pid, 0);
  };
  const sample = () => {
    const s = { mono: monotonicMicros(), machine: machineBusySeconds(), postgresAll: postgresCpuSeconds() };
    for (const [name, pid] of Object.entries(pids)) {
      try {
        s[name] = cpuSeconds(pid);
      } catch {
        s[name] = samples.at(-1)?.[name] ?? 0; // exited: its last reading
      }
    }
    let pgSum = 0;
    for (const pid of backends.keys()) {
      try {
        backends.set(pid, cpuSeconds(pid));
      } catch {
        // ended: keeps its last reading
      }
      pgSum += backends.get(pid);
    }
    s.postgres = pgSum;
    const { user, system } = process.cpuUsage();
    s.runner = (user + system) / 1e6;
    samples.push(s);
  };
  await refreshBackends();
  sample();
  let refreshing = false;
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % Math.max(1, Math.round(1000 / everyMs)) === 0 && !refreshing) {
      refreshing = true;
      refreshBackends()
        .catch(() => undefined)
        .finally(() => (refreshing = false));
    }
    sample();
  }, everyMs);

  const at = (mono, key) => {
    if (mono <= samples[0].mono) return samples[0][key];
    for (let i = 1; i < samples.length; i++) {
      const b = samples[i];
      if (mono <= b.mono) {
        const a = samples[i - 1];
        return a[key] + ((b[key] - a[key]) * (mono - a.mono)) / (b.mono - a.mono);
      }
    }
    return samples.at(-1)[key];
  };

  return {
    /** Stops sampling (after one last sample). */
    async stop() {
      clearInterval(timer);
      await refreshBackends().catch(() => undefined);
      sample();
      await admin?.end();
    },
    /** CPU seconds of each followed process over [from, to] (monotonic µs), and the window's length in seconds. */
    window([from, to]) {
      const out = { wall: (to - from) / 1e6 };
      for (const key of Object.keys(samples[0])) if (key !== 'mono') out[key] = at(to, key) - at(from, key);
      return out;
    },
  };
}
