// Scenario 2: many documents, several editors each, typing at a steady rate on evenly spread phases; the latency
// from an edit to its arrival at each other editor of the document.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { cpuDelta, cpuSnapshot } from '../proc.mjs';
import { pgCounters, pgDelta } from './pg-stats.mjs';
import { connect, existingText, pool, sleep, textOf, until } from './providers.mjs';

/** A small deterministic PRNG (mulberry32), so every server gets the same edits. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function runMany(session, { target, serverPid, dbUrl, docIds, editors = 5, rate = 5, seconds = 20, warmupSeconds = 2 }) {
  const period = 1000 / rate;
  // Send times of measured edits: clientID -> (clock -> performance.now()). All clients are in this process, so one
  // clock serves senders and receivers.
  const sent = new Map();
  const latencies = [];
  let received = 0;

  const docs = await pool(docIds, 10, async (docId) => {
    const clients = [];
    for (let e = 0; e < editors; e++) {
      const client = connect(target, docId);
      await client.whenSynced();
      clients.push(client);
    }
    textOf(clients[0].doc);
    return clients;
  });
  const all = docs.flat();
  session.clients.push(...all);
  await until(() => all.every((c) => existingText(c.doc)), 30_000, 'every editor to receive the paragraph');

  for (const client of all) {
    client.doc.on('afterTransaction', (tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const [id, after] of tr.afterState) {
        const before = tr.beforeState.get(id) ?? 0;
        if (after <= before) continue;
        const times = sent.get(id);
        if (!times) continue;
        for (let clock = before; clock < after; clock++) {
          const t = times.get(clock);
          if (t !== undefined) {
            latencies.push(now - t);
            received++;
          }
        }
      }
    });
  }

  let measuring = false;
  let measuredEdits = 0;
  let totalEdits = 0;
  let running = true;
  const start = performance.now() + 100;
  const stopAt = start + (warmupSeconds + seconds) * 1000;
  const timers = [];
  all.forEach((client, index) => {
    const random = prng(index + 1);
    const phase = (index / all.length) * period; // evenly spread over the period
    const text = existingText(client.doc);
    const id = client.doc.clientID;
    const times = new Map();
    sent.set(id, times);
    let k = 0;
    const fire = () => {
      if (!running) return;
      const clock = Y.getState(client.doc.store, id);
      const pos = Math.floor(random() * (text.length + 1));
      const char = String.fromCharCode(97 + Math.floor(random() * 26));
      if (measuring) {
        times.set(clock, performance.now());
        measuredEdits++;
      }
      totalEdits++;
      text.insert(pos, char); // one transaction, one update, one clock
      k++;
      const next = start + phase + k * period;
      if (next < stopAt) timers[index] = setTimeout(fire, Math.max(0, next - performance.now()));
    };
    timers[index] = setTimeout(fire, Math.max(0, start + phase - performance.now()));
  });

  await sleep(start + warmupSeconds * 1000 - performance.now());
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const pg0 = await pgCounters(dbUrl);
  const snap0 = cpuSnapshot(serverPid);
  const cpu0 = snap0.server;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  measuring = true;
  await sleep(stopAt - performance.now());
  measuring = false;
  const t1 = performance.now();
  const snap1 = cpuSnapshot(serverPid);
  const cpu1 = snap1.server;
  const cpu = cpuDelta(snap0, snap1);
  const clientCpu = process.cpuUsage(client0);
  loop.disable();
  running = false;
  for (const t of timers) clearTimeout(t);
  const expected = measuredEdits * (editors - 1);
  const drainDeadline = performance.now() + 10_000;
  while (received < expected && performance.now() < drainDeadline) await sleep(20);

  const pgStats = pgDelta(pg0, await pgCounters(dbUrl));
  const sorted = Float64Array.from(latencies).sort();
  const wall = (t1 - t0) / 1000;
  return {
    documents: docIds.length,
    editors,
    rate,
    seconds: wall,
    edits: measuredEdits,
    editsPerSec: measuredEdits / wall,
    deliveries: received,
    expectedDeliveries: expected,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    serverCpu: cpu1 - cpu0,
    serverCpuPer1000: ((cpu1 - cpu0) / measuredEdits) * 1000,
    clientCpu: (clientCpu.user + clientCpu.system) / 1e6,
    clientCores: (clientCpu.user + clientCpu.system) / 1e6 / wall,
    pgStats,
    postgresCpuPer1000: (cpu.postgres / measuredEdits) * 1000,
    othersCores: cpu.othersCores,
    cpu,
    clientLoopDelayP99: loop.percentile(99) / 1e6,
    clientLoopDelayMax: loop.max / 1e6,
    totalEdits,
  };
}
