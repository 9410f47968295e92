// npm run bench:scale [-- --quick] [--only=many,saturation,idle] [--systems=commonplan,hocuspocus] [--write | --no-write]
//                    [--quiet-wait=90 --quiet-budget=300] [--retries=2 --retry-budget=600] [--seconds=N --warmup=N --rate=N --docs=20,200 --editors=N]
//                    [--satDocs=N --satRates=2,3,4,... --satSeconds=N] [--idleDocs=N --idleConnections=N]
//
// Co-drafting on several instances (issue 16): Commonplan's instances share each document's updates over Redis
// (apps/api/src/collab/collab-relay.ts). This runner reuses the sync harness (../sync: its server launcher, /proc
// readers, quiet-machine wait and client workloads) to measure, with each server instance, the benchmark's own
// redis-server and the clients in separate processes:
//   many        the many-documents workload with each document's editors split over two instances, against all of
//               them on one instance; delivery times across and within instances, CPU of instances, Redis, PostgreSQL;
//               the same for Hocuspocus 3.4.4 (its Redis extension on two instances); and, for Commonplan, two
//               instances with COLLAB_COMMIT_DELAY_MS=0 (what the commit window costs deliveries across instances)
//               and with each document on one instance (a balancer with document affinity);
//   saturation  the rate raised until delivery p99 exceeds 1 s or edits/s stop following it, on one and on two instances;
//   idle        memory per idle connection on each of two instances, Commonplan and Hocuspocus with its extension.
// Prints the tables and (full runs, or --write) writes the section "Several instances (bench:scale)" of
// docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startDriver } from '../sync/client/ipc.mjs';
import { loadAverage, memory } from '../sync/proc.mjs';
import { parseArgs, quietMachineWait } from '../sync/runner.mjs';
import { startCpuMeter } from './cpu-meter.mjs';
import { SYSTEMS, startInstances, stopInstances, targetOf } from './instances.mjs';
import { startRedis } from './redis.mjs';
import { renderMarkdown, writeSection } from './report.mjs';

const here = import.meta.dirname;
const root = join(here, '../../..');
const require = createRequire(import.meta.url);
const { createFreshDatabase } = require(join(root, 'tools/test-db.cjs'));

const args = parseArgs();
const quick = Boolean(args.quick);
const only = new Set(String(args.only ?? 'many,saturation,idle').split(','));
const systems = String(args.systems ?? 'commonplan,hocuspocus').split(',');
for (const s of systems) if (!SYSTEMS[s]) throw new Error(`unknown system ${s}`);
const list = (v) => String(v).split(',').filter(Boolean).map(Number);
const sizes = quick
  ? { docs: [5, 20], editors: 5, rate: 5, seconds: 3, warmup: 1, satDocs: 20, satRates: [5, 20], satSeconds: 3, satWarmup: 1, idleDocs: 100, idleConnections: 1000 }
  : { docs: [20, 200], editors: 5, rate: 5, seconds: 12, warmup: 2, satDocs: 200, satRates: [2, 3, 4, 5, 6, 7, 8, 10, 12], satSeconds: 8, satWarmup: 2, idleDocs: 1000, idleConnections: 10_000 };
for (const key of Object.keys(sizes)) if (args[key] !== undefined) sizes[key] = Array.isArray(sizes[key]) ? list(args[key]) : Number(args[key]);
const write = args.write ? true : args['no-write'] ? false : !quick && only.size === 3 && systems.length === 2;
const quietWaitSeconds = Number(args['quiet-wait'] ?? (quick ? 30 : 90));
/** All waits for a quiet machine together take at most this long, so that a busy machine cannot stretch a run for hours. */
const quietBudgetSeconds = Number(args['quiet-budget'] ?? (quick ? 60 : 300));
const retries = Number(args.retries ?? (quick ? 0 : 2));
/** A disturbed measurement is taken again only while the run is within this share of its expected length. */
const retryBudgetSeconds = Number(args['retry-budget'] ?? 10 * 60);
/** Delivery p99 above this, or fewer deliveries than expected, is no longer "sustained". */
const P99_LIMIT_MS = 1000;
/** A saturation step holds only when the edits counted in its window fall short of the offered rate by at most this share. */
const RATE_TOLERANCE = 0.05;
const INSTANCES = 2;

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = join(root, 'tmp/bench-scale', stamp);
mkdirSync(outDir, { recursive: true });
const t00 = performance.now();
const log = (...a) => console.log(`[scale ${((performance.now() - t00) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const warnings = [];
const warn = (text) => {
  warnings.push(text);
  log(`WARNING: ${text}`);
};

/** Before each measurement: wait for other processes (someone's test run) to leave the machine alone. */
const quietMachine = quietMachineWait({ log, warn, waitSeconds: quietWaitSeconds, budgetSeconds: quietBudgetSeconds });

// ---------------------------------------------------------------- the client process
async function withDriver(fn) {
  const driver = startDriver(join(here, 'client/driver.mjs'));
  await driver.ready;
  try {
    return await fn(driver);
  } finally {
    await driver.stop();
  }
}

// ---------------------------------------------------------------- the server, the database, the machine
/**
 * The built server (dist/api), copied into the run's directory so that a rebuild of dist/api by someone else cannot
 * swap it in the middle of the run. Warns when apps/api/src has changed since it was built.
 */
function serverBuild() {
  const dist = join(root, 'dist/api');
  if (!existsSync(join(dist, 'main.js'))) throw new Error('dist/api/main.js is missing: build it first (npx nx run api:build)');
  const builtAt = statSync(join(dist, 'main.js')).mtimeMs;
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(join(dir, e.name)) : !/\.spec\.ts$/.test(e.name) && statSync(join(dir, e.name)).mtimeMs > builtAt));
  if (newer(join(root, 'apps/api/src')) || newer(join(root, 'libs'))) warn('apps/api/src or libs changed after dist/api was built: the figures are of the older build (npx nx run api:build)');
  const copy = join(outDir, 'server/dist/api');
  cpSync(dist, copy, { recursive: true });
  return { main: join(copy, 'main.js'), builtAt: new Date(builtAt).toISOString() };
}

/** The checked-out commit, read from .git without running git. */
function commit() {
  try {
    const head = readFileSync(join(root, '.git/HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 7);
    const ref = head.slice(5);
    const loose = join(root, '.git', ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim().slice(0, 7);
    const packed = readFileSync(join(root, '.git/packed-refs'), 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
    return packed ? packed.slice(0, 7) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The soft limit of open files of this process, which the servers and the client process inherit. */
function openFilesLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  return soft === undefined || soft === 'unlimited' ? Infinity : Number(soft);
}

async function machine(dbUrl) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const postgres = (await client.query('SHOW server_version')).rows[0].server_version;
  await client.end();
  let redis = 'unknown';
  try {
    redis = /v=(\S+)/.exec(execFileSync('redis-server', ['--version']).toString())?.[1] ?? 'unknown';
  } catch {
    // reported as unknown
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    redis,
    kernel: release(),
    loadAtStart: loadAverage(),
    openFiles: openFilesLimit(),
    commit: commit(),
  };
}

// ---------------------------------------------------------------- measurements
/** CPU of the whole measurement, from the meter, with the client's own figure and what others took. */
function cpuFigures(window, servers, result) {
  const serverCpu = servers.reduce((sum, s, i) => sum + window[`server${i + 1}`], 0);
  const client = result.clientCpu;
  const others = Math.max(0, window.machine - serverCpu - (window.redis ?? 0) - window.postgresAll - client - window.runner);
  return {
    wall: window.wall,
    servers: servers.map((_, i) => window[`server${i + 1}`]),
    server: serverCpu,
    redis: window.redis ?? null,
    postgres: window.postgres,
    postgresAll: window.postgresAll,
    client,
    runner: window.runner,
    machine: window.machine,
    others,
    othersCores: others / window.wall,
  };
}

/** One run of the many-documents workload on running instances, with its CPU. */
async function measureMany(driver, { servers, redis, ctx, docIds, rate, seconds, warmup, what, byDocument = false }) {
  const quiet = await quietMachine(what);
  const pids = Object.fromEntries(servers.map((s, i) => [`server${i + 1}`, s.pid]));
  if (redis) pids.redis = redis.pid;
  const isOurs = servers[0].kind === 'commonplan';
  const meter = await startCpuMeter({ pids, pgServerUrl: isOurs ? ctx.pgServerUrl : null, dbName: isOurs ? ctx.db.name : null });
  let result;
  try {
    result = await driver.call('many', {
      targets: servers.map(targetOf),
      byDocument,
      serverPid: servers[0].pid,
      dbUrl: isOurs ? ctx.db.url : undefined,
      docIds,
      editors: sizes.editors,
      rate,
      seconds,
      warmupSeconds: warmup,
    });
  } finally {
    await meter.stop();
  }
  const cpu = cpuFigures(meter.window(result.cpu.window), servers, result);
  // The latencies are kept; the rest of runMany's own CPU snapshot (one server only) is replaced by the meter's.
  delete result.cpu;
  return { ...result, cpu, quiet };
}

const sizeLabel = (docs) => `${docs} × ${sizes.editors}`;

/** Part 1: one configuration (system, instances, documents) on fresh instances. */
async function manyConfiguration(ctx, { system, instances, docs, extraEnv, note, byDocument = false }) {
  const label = `many-${instances}x-${docs}${extraEnv ? '-env' : ''}${byDocument ? '-by-document' : ''}`;
  const what = `${SYSTEMS[system].label} on ${instances} instance${instances > 1 ? 's' : ''}, ${sizeLabel(docs)}${note ? ` (${note})` : ''}`;
  let best = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const servers = await startInstances(system, instances, { ctx, redis: ctx.redis, label, extraEnv });
    try {
      const docIds = await servers[0].createDocuments(docs);
      const result = await withDriver(async (driver) => {
        log(`${what}: ${sizes.rate} edits/s per editor, ${sizes.seconds} s after ${sizes.warmup} s of warm-up`);
        const r = await measureMany(driver, { servers, redis: instances > 1 ? ctx.redis : null, ctx, docIds, rate: sizes.rate, seconds: sizes.seconds, warmup: sizes.warmup, what, byDocument });
        await driver.call('closeAll');
        return r;
      });
      logMany(what, result);
      if (!best || result.cpu.othersCores < best.cpu.othersCores) best = { ...result, attempts: attempt + 1 };
      if (!disturbedAgain(what, result, attempt)) break;
    } finally {
      await stopInstances(servers);
    }
  }
  return { system, label: SYSTEMS[system].label, instances, docs, editors: sizes.editors, rate: sizes.rate, env: extraEnv ?? null, note: note ?? null, byDocument, many: best };
}

/** True when others took over a quarter of a core during the measurement and there is time to take it again. */
function disturbedAgain(what, result, attempt) {
  if (result.cpu.othersCores <= 0.25) return false;
  const again = attempt < retries && (performance.now() - t00) / 1000 < retryBudgetSeconds;
  log(`${what}: other processes took ${result.cpu.othersCores.toFixed(2)} cores during the measurement${again ? '; measuring again' : ''}`);
  return again;
}

function logMany(what, r) {
  const { same, cross } = r.split;
  const split = cross.deliveries ? `; across instances p50 ${cross.p50.toFixed(2)} / p99 ${cross.p99.toFixed(2)} ms, within p50 ${same.p50.toFixed(2)} / p99 ${same.p99.toFixed(2)} ms` : '';
  log(
    `${what}: ${r.editsPerSec.toFixed(0)} edits/s, p50 ${r.p50.toFixed(2)} / p99 ${r.p99.toFixed(2)} ms${split}; received ${r.deliveries}/${r.expectedDeliveries}; ` +
      `CPU s: instances ${r.cpu.server.toFixed(2)}, Redis ${r.cpu.redis?.toFixed(2) ?? '–'}, PostgreSQL ${r.cpu.postgres.toFixed(2)}, client ${r.cpu.client.toFixed(2)}, others ${r.cpu.others.toFixed(2)} over ${r.cpu.wall.toFixed(1)} s`,
  );
}

/**
 * Part 2: raise the rate until delivery p99 exceeds the limit, deliveries go missing or the edits stop following the
 * offered rate, on `instances` instances (each document's editors split over them).
 */
async function saturation(ctx, instances) {
  const what = `saturation on ${instances} instance${instances > 1 ? 's' : ''}`;
  const servers = await startInstances('commonplan', instances, { ctx, redis: ctx.redis, label: `saturation-${instances}x` });
  const steps = [];
  let stopReason = `the last rate (${sizes.satRates.at(-1)} edits/s per editor) was reached`;
  try {
    const docIds = await servers[0].createDocuments(sizes.satDocs);
    await withDriver(async (driver) => {
      for (const rate of sizes.satRates) {
        const offered = sizes.satDocs * sizes.editors * rate;
        let step = null;
        for (let attempt = 0; attempt <= retries; attempt++) {
          log(`${what}: ${sizeLabel(sizes.satDocs)} at ${rate} edits/s per editor (${offered.toFixed(0)} offered)`);
          const r = await measureMany(driver, { servers, redis: instances > 1 ? ctx.redis : null, ctx, docIds, rate, seconds: sizes.satSeconds, warmup: sizes.satWarmup, what: `${what}, ${rate}/s` });
          await driver.call('closeAll');
          const received = r.deliveries / r.expectedDeliveries;
          // The edits are timed by the client's event loop: when it falls behind, fewer leave than are due (or, catching
          // up, more are counted in the window than were due in it). Falling short means the rate is not sustained.
          const kept = r.editsPerSec >= offered * (1 - RATE_TOLERANCE);
          const sustained = r.p99 <= P99_LIMIT_MS && received >= 0.99 && kept;
          const reason =
            r.p99 > P99_LIMIT_MS
              ? `delivery p99 exceeded ${P99_LIMIT_MS} ms at ${rate}/s per editor`
              : received < 0.99
                ? `deliveries were lost or late at ${rate}/s per editor`
                : `the edits no longer followed the offered rate at ${rate}/s per editor (${r.editsPerSec.toFixed(0)} of ${offered.toFixed(0)} edits/s)`;
          log(
            `${what}: ${r.editsPerSec.toFixed(0)} edits/s counted, p99 ${r.p99.toFixed(1)} ms, received ${(received * 100).toFixed(1)} %, ` +
              `client loop delay p99 ${r.clientLoopDelayP99.toFixed(0)} ms, machine ${(r.cpu.machine / r.cpu.wall).toFixed(2)} cores busy${sustained ? '' : ' (not sustained)'}`,
          );
          if (!step || r.cpu.othersCores < step.result.cpu.othersCores) step = { rate, offered, sustained, received, sustainedRate: sustained ? Math.min(offered, r.editsPerSec) : null, reason, attempts: attempt + 1, result: r };
          if (!disturbedAgain(`${what}, ${rate}/s`, r, attempt)) break;
        }
        steps.push(step);
        if (!step.sustained) {
          stopReason = step.reason;
          break;
        }
      }
    });
  } finally {
    await stopInstances(servers);
  }
  const top = steps.filter((s) => s.sustained).reduce((a, s) => (!a || s.sustainedRate > a.sustainedRate ? s : a), null);
  log(`${what}: max sustained ${top ? top.sustainedRate.toFixed(0) : '–'} edits/s; stopped: ${stopReason}`);
  return { instances, docs: sizes.satDocs, editors: sizes.editors, steps, maxSustained: top?.sustainedRate ?? null, atRate: top?.rate ?? null, stopReason };
}

/** Memory of each instance after settling and a GC (the sync harness's hook), as in its idle scenario. */
async function measureMemory(servers) {
  await sleep(3000);
  const rssNoGc = servers.map((s) => memory(s.pid).rss);
  const usage = await Promise.all(servers.map((s) => s.gcAndMeasure()));
  await sleep(1000);
  return servers.map((s, i) => ({ rssNoGc: rssNoGc[i], rss: memory(s.pid).rss, heapUsed: usage[i].heapUsed, external: usage[i].external, arrayBuffers: usage[i].arrayBuffers }));
}

/**
 * Part 3: `connections` idle connections over `docs` documents on two instances, each document's connections split
 * evenly. First one connection per document on each instance (the first types 100 characters): every instance holds
 * every document; then the rest. Per idle connection = (memory with all − memory with one each) / the connections
 * added, per instance.
 */
async function idle(ctx, system, { docs, connections }) {
  const perInstancePerDoc = connections / docs / INSTANCES;
  let docIds;
  if (system === 'commonplan') {
    // Created over the REST API by an instance that is then stopped: the measured instances start clean.
    const [setup] = await startInstances(system, 1, { ctx, label: 'idle-setup' });
    try {
      docIds = await setup.createDocuments(docs);
    } finally {
      await setup.stop();
    }
  }
  const servers = await startInstances(system, INSTANCES, { ctx, redis: ctx.redis, label: 'idle' });
  try {
    docIds ??= await servers[0].createDocuments(docs);
    return await withDriver(async (driver) => {
      const quiet = await quietMachine(`${SYSTEMS[system].label} idle connections`);
      const base = await measureMemory(servers);
      log(`${SYSTEMS[system].label}: idle connections; one per document on each of ${INSTANCES} instances (${docs} documents)`);
      const t0 = performance.now();
      for (const [i, server] of servers.entries()) {
        await driver.call('idleOpen', { target: targetOf(server), docIds, chars: i === 0 ? 100 : 0, words: i === 0 ? 10 : 0 });
      }
      const loaded = await measureMemory(servers);
      const more = perInstancePerDoc - 1;
      log(`${SYSTEMS[system].label}: ${more} more per document on each instance (${more * docs * INSTANCES} connections)`);
      const repeated = Array.from({ length: more }, () => docIds).flat();
      for (const server of servers) await driver.call('idleOpen', { target: targetOf(server), docIds: repeated, chars: 0, words: 0 });
      const openSeconds = (performance.now() - t0) / 1000;
      const full = await measureMemory(servers);
      const added = more * docs;
      const perInstance = servers.map((_, i) => ({
        connections: perInstancePerDoc * docs,
        base: base[i],
        loaded: loaded[i],
        full: full[i],
        perConnectionRss: (full[i].rss - loaded[i].rss) / added,
        perConnectionRssNoGc: (full[i].rssNoGc - loaded[i].rssNoGc) / added,
        perConnectionHeap: (full[i].heapUsed - loaded[i].heapUsed) / added,
        perConnectionAllInRss: (full[i].rss - base[i].rss) / (perInstancePerDoc * docs),
        perDocumentRss: (loaded[i].rss - base[i].rss) / docs,
      }));
      for (const [i, p] of perInstance.entries()) {
        log(
          `${SYSTEMS[system].label} instance ${i + 1}: ${(p.perConnectionRss / 1024).toFixed(1)} KiB RSS and ${(p.perConnectionHeap / 1024).toFixed(1)} KiB heap per idle connection; ` +
            `${(p.perConnectionAllInRss / 1024).toFixed(1)} KiB RSS per connection with the documents; RSS ${(p.base.rss / 2 ** 20).toFixed(0)} → ${(p.full.rss / 2 ** 20).toFixed(0)} MiB`,
        );
      }
      await driver.call('closeAll');
      return { system, label: SYSTEMS[system].label, instances: INSTANCES, docs, connections, added: added * INSTANCES, openSeconds, quiet, perInstance };
    });
  } finally {
    await stopInstances(servers);
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const pgServerUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const ctx = { pgServerUrl, logDir: outDir, db: null, dataDir: null, redis: null };
  const results = { date: new Date().toISOString(), quick, sizes, only: [...only], systems, p99LimitMs: P99_LIMIT_MS, rateTolerance: RATE_TOLERANCE, quietWaitSeconds, quietBudgetSeconds, retries, retryBudgetSeconds, many: [], saturation: [], idle: [], notes: [] };
  try {
    const build = serverBuild();
    ctx.serverMain = build.main;
    ctx.db = await createFreshDatabase(pgServerUrl);
    ctx.db.name = new URL(ctx.db.url).pathname.slice(1);
    ctx.dataDir = mkdtempSync(join(tmpdir(), 'cp-bench-scale-'));
    ctx.redis = await startRedis({ logFile: join(outDir, 'redis.log') });
    results.machine = { ...(await machine(ctx.db.url)), serverBuiltAt: build.builtAt };
    const m = results.machine;
    log(`machine: ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}, open files ${m.openFiles}, load ${m.loadAtStart}`);

    // Each idle connection is a socket in the client process and one in an instance: stay under the open-files limit.
    const needed = sizes.idleConnections + 1000;
    if (only.has('idle') && m.openFiles < needed) {
      const step = sizes.idleDocs * INSTANCES;
      const scaled = Math.max(step * 2, Math.floor((m.openFiles - 1000) / step) * step);
      const note = `the open-files limit (ulimit -n ${m.openFiles}) is below ${needed}: idle connections scaled down from ${sizes.idleConnections} to ${scaled}`;
      warn(note);
      results.notes.push(note);
      sizes.idleConnections = scaled;
    }

    if (only.has('many')) {
      for (const docs of sizes.docs) {
        for (const system of systems) {
          for (const instances of [1, INSTANCES]) results.many.push(await manyConfiguration(ctx, { system, instances, docs }));
        }
        // What the commit window costs deliveries across instances (they are published once committed).
        if (systems.includes('commonplan') && docs === sizes.docs[0]) {
          results.many.push(await manyConfiguration(ctx, { system: 'commonplan', instances: INSTANCES, docs, extraEnv: { COLLAB_COMMIT_DELAY_MS: '0' }, note: 'COLLAB_COMMIT_DELAY_MS=0' }));
        }
        // A balancer with document affinity: each instance holds only its half of the documents (the CPU it saves).
        if (systems.includes('commonplan') && docs === sizes.docs.at(-1)) {
          results.many.push(await manyConfiguration(ctx, { system: 'commonplan', instances: INSTANCES, docs, byDocument: true, note: 'each document on one instance' }));
        }
      }
    }
    if (only.has('saturation') && systems.includes('commonplan')) {
      for (const instances of [1, INSTANCES]) results.saturation.push(await saturation(ctx, instances));
    }
    if (only.has('idle')) {
      for (const system of systems) results.idle.push(await idle(ctx, system, { docs: sizes.idleDocs, connections: sizes.idleConnections }));
    }
    results.loadAtEnd = loadAverage();
    results.elapsedSeconds = (performance.now() - t00) / 1000;
    results.warnings = warnings;

    const markdown = renderMarkdown(results);
    console.log(`\n${markdown}`);
    writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
    writeFileSync(join(outDir, 'results.md'), markdown);
    if (write) {
      writeSection(join(root, 'docs/benchmarks.md'), markdown);
      log('wrote docs/benchmarks.md');
    }
    log(`done in ${results.elapsedSeconds.toFixed(0)} s; results and logs in ${outDir}`);
  } finally {
    await ctx.redis?.stop();
    if (ctx.db) await ctx.db.drop().catch((e) => console.error(`could not drop the database: ${e}`));
    if (ctx.dataDir) rmSync(ctx.dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
