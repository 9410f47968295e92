// npm run bench:sync [-- --only=trace,many,cold,idle] [--quick] [--servers=commonplan,hocuspocus,y-websocket]
//                    [--profile[=all]] [--worktree] [--no-write] [--write] [--quiet-wait=180] [--traceLimit=N ...]
// --windows=500,16000: extra trace replays (of the first --windowsLimit edits) with the writer at most that many
// characters ahead (the main replay: --window).
// --env=NAME=value,...: more environment for Commonplan's server, to try a setting.
// --profile: V8 CPU profiles of our server (=all: of every server), summarised over the measured window; profiling
// slows the server down, so a profiled run never writes docs/benchmarks.md.
//
// Starts each server in its own process (Commonplan from dist with PostgreSQL, Hocuspocus and the y-websocket
// reference server in memory), drives it from one separate client process (client/driver.mjs), reads the server's
// CPU and memory from /proc, prints a table and (full runs) writes it into docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startDriver as forkDriver } from './client/ipc.mjs';
import { format as formatProfile, summarise } from './profile-summary.mjs';
import { loadAverage, memory } from './proc.mjs';
import { renderMarkdown, writeDocs } from './report.mjs';
import { parseArgs, quietMachineWait } from './runner.mjs';
import { SERVERS, startServer } from './servers.mjs';

const here = import.meta.dirname;
const root = join(here, '../../..');
const require = createRequire(import.meta.url);
const { createFreshDatabase } = require(join(root, 'tools/test-db.cjs'));

const args = parseArgs();
const quick = Boolean(args.quick);
const only = new Set(String(args.only ?? 'trace,many,cold,idle').split(','));
const serverKinds = String(args.servers ?? 'commonplan,hocuspocus,y-websocket').split(',');
for (const k of serverKinds) if (!SERVERS[k]) throw new Error(`unknown server ${k}`);
const sizes = quick
  ? { traceLimit: 20_000, windowsLimit: 20_000, observers: 8, window: 4000, batch: 50, docs: 5, editors: 5, rate: 5, seconds: 5, warmup: 1, idleDocs: 50, idleChars: 100, restarts: 1, joins: 3 }
  : { traceLimit: null, windowsLimit: 100_000, observers: 8, window: 4000, batch: 50, docs: 20, editors: 5, rate: 5, seconds: 20, warmup: 2, idleDocs: 500, idleChars: 100, restarts: 3, joins: 3 };
for (const key of Object.keys(sizes)) if (args[key] !== undefined) sizes[key] = Number(args[key]);
const extraWindows = String(args.windows ?? (quick ? '' : '500,16000'))
  .split(',')
  .filter(Boolean)
  .map(Number);
const write = args.write ? true : args['no-write'] || args.profile || args.env ? false : !quick && only.size === 4 && serverKinds.length === 3;

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = join(root, 'tmp/bench-sync', stamp);
mkdirSync(outDir, { recursive: true });
const log = (...a) => console.log(`[bench ${((performance.now() - t00) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const t00 = performance.now();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Before each measurement: wait for other processes (a concurrent test run, say) to leave the machine alone. */
const quietMachine = quietMachineWait({ log, waitSeconds: Number(args['quiet-wait'] ?? 180) });

// ---------------------------------------------------------------- the client process
const startDriver = () => forkDriver(join(here, 'client/driver.mjs'));

/** Samples the process's VmRSS every 100 ms; stop() returns the highest seen. */
function rssSampler(pid) {
  let max = 0;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, memory(pid).rss);
    } catch {
      // exited
    }
  }, 100);
  return () => {
    clearInterval(timer);
    return max;
  };
}

// ---------------------------------------------------------------- building and the database
/**
 * Builds the server under test into this run's own directory, so that nobody's build of dist/api (a test run, say)
 * can swap it in the middle of a run: by default from the committed HEAD (git archive of the sources, the
 * repository's node_modules linked in), with --worktree from the working tree as it is. Returns the main.js path.
 */
function buildServer() {
  const dir = join(outDir, 'server');
  mkdirSync(dir, { recursive: true });
  if (args.worktree) {
    log('building the API from the working tree');
    execFileSync(process.execPath, [join(root, 'tools/build-api.mjs')], { cwd: root, stdio: 'inherit' });
    cpSync(join(root, 'dist/api'), join(dir, 'dist/api'), { recursive: true });
  } else {
    log('building the API from the committed HEAD');
    const paths = ['apps/api', 'libs', 'tools/build-api.mjs', 'tsconfig.base.json', 'package.json'];
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', ...paths], { cwd: root, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, [join(dir, 'tools/build-api.mjs')], { cwd: dir, stdio: 'inherit' });
  }
  return join(dir, 'dist/api/main.js');
}

async function machine(dbUrl) {
  let postgres = 'n/a';
  if (dbUrl) {
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    postgres = (await client.query('SHOW server_version')).rows[0].server_version;
    await client.end();
  }
  let commit = 'unknown';
  let dirty = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    dirty = args.worktree ? execFileSync('git', ['status', '--porcelain', 'apps/api/src', 'libs'], { cwd: root }).toString().trim() : '';
  } catch {
    // not a git checkout
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    kernel: release(),
    loadAtStart: loadAverage(),
    commit,
    serverSourcesDirty: dirty !== '',
  };
}

// ---------------------------------------------------------------- scenarios (one fresh server process each)
async function withServer(kind, ctx, label, fn) {
  const profile = ctx.profile === 'all' || (ctx.profile && kind === 'commonplan') ? ctx.profileDir : null;
  const server = await startServer(kind, {
    db: ctx.db?.url,
    dataDir: ctx.dataDir,
    logFile: join(outDir, `${kind}-${label}.log`),
    profile,
    profileName: `${kind}-${label}.cpuprofile`,
    extraEnv: ctx.extraEnv,
    main: ctx.serverMain,
  });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

const targetOf = (server) => ({ client: server.client, url: server.url, token: server.token });
const dbOf = (server, ctx) => (server.kind === 'commonplan' ? ctx.db?.url : undefined);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * The trace replay with the writer at most `window` inserted characters ahead of the slowest observer. The main run
 * (window = sizes.window) also measures joins and, for Commonplan, cold loads; the extra windows only the replay.
 */
async function traceScenario(kind, ctx, window = sizes.window) {
  const main = window === sizes.window;
  const driver = startDriver();
  await driver.ready;
  try {
    // The extra windows replay the first sizes.windowsLimit edits only (the full trace at 16,000 takes minutes).
    const traceLimit = (main ? sizes.traceLimit : sizes.windowsLimit) ?? null;
    const out = {};
    let docId;
    await withServer(kind, ctx, main ? 'trace' : `trace-w${window}`, async (server) => {
      [docId] = await server.createDocuments(1);
      const quiet = await quietMachine(`${kind} trace`);
      const target = targetOf(server);
      const before = memory(server.pid);
      const stopSampler = rssSampler(server.pid);
      log(`${kind}: trace replay (${traceLimit ?? 'all'} edits, ${sizes.observers} observers, writer at most ${window} characters ahead)`);
      out.trace = await driver.call('trace', { target, serverPid: server.pid, dbUrl: dbOf(server, ctx), docId, observers: sizes.observers, limit: traceLimit ?? Infinity, window, batch: sizes.batch });
      out.trace.window = window;
      out.trace.rssBefore = before.rss;
      out.trace.quiet = quiet;
      out.trace.peakRssSampled = stopSampler();
      out.trace.peakRss = Math.max(memory(server.pid).hwm, out.trace.peakRssSampled);
      log(`${kind}: ${out.trace.opsPerSec.toFixed(0)} edits/s, ${out.trace.serverCpuPer1000.toFixed(3)} s CPU/1000 edits, peak RSS ${(out.trace.peakRss / 2 ** 20).toFixed(0)} MiB`);
      if (!main) return;
      const warm = [];
      let stateBytes;
      for (let j = 0; j < sizes.joins; j++) {
        const join = await driver.call('join', { target, docId, traceLimit });
        warm.push(join.ms);
        stateBytes = join.stateBytes;
      }
      out.warmJoin = { ms: median(warm), all: warm, stateBytes };
      log(`${kind}: warm join ${warm.map((x) => x.toFixed(1)).join(', ')} ms`);
      await driver.call('closeAll');
    });
    if (main && kind === 'commonplan' && only.has('cold')) {
      const cold = [];
      const opened = [];
      const after = [];
      for (let r = 0; r < sizes.restarts; r++) {
        await withServer(kind, ctx, `cold-${r + 1}`, async (server) => {
          await quietMachine(`${kind} cold load`);
          const target = targetOf(server);
          const join = await driver.call('join', { target, docId, traceLimit });
          cold.push(join.ms);
          opened.push(join.openMs);
          after.push((await driver.call('join', { target, docId, traceLimit })).ms);
          await driver.call('closeAll');
        });
        log(`${kind}: cold load after restart ${r + 1}: ${cold.at(-1).toFixed(1)} ms (then a second client: ${after.at(-1).toFixed(1)} ms)`);
      }
      out.cold = { ms: median(cold), all: cold, openMs: median(opened), openAll: opened, secondJoin: after };
    }
    return out;
  } finally {
    await driver.stop();
  }
}

async function manyScenario(kind, ctx) {
  const driver = startDriver();
  await driver.ready;
  try {
    return await withServer(kind, ctx, 'many', async (server) => {
      const docIds = await server.createDocuments(sizes.docs);
      const quiet = await quietMachine(`${kind} many documents`);
      log(`${kind}: many documents (${sizes.docs} × ${sizes.editors} editors at ${sizes.rate}/s for ${sizes.seconds} s)`);
      const result = await driver.call('many', {
        target: targetOf(server),
        serverPid: server.pid,
        dbUrl: dbOf(server, ctx),
        docIds,
        editors: sizes.editors,
        rate: sizes.rate,
        seconds: sizes.seconds,
        warmupSeconds: sizes.warmup,
      });
      result.quiet = quiet;
      log(`${kind}: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, server CPU ${result.serverCpu.toFixed(2)} s, client ${(result.clientCores * 100).toFixed(0)}% of a core`);
      await driver.call('closeAll');
      return result;
    });
  } finally {
    await driver.stop();
  }
}

async function idleScenario(kind, ctx) {
  const driver = startDriver();
  await driver.ready;
  try {
    // Commonplan's documents are created over its REST API first, and that burst of requests would leave garbage and
    // grown heaps in the process; so it is restarted on the same database and measured fresh, like the peers.
    let docIds;
    if (kind === 'commonplan') await withServer(kind, ctx, 'idle-setup', async (server) => (docIds = await server.createDocuments(sizes.idleDocs)));
    return await withServer(kind, ctx, 'idle', async (server) => {
      docIds ??= await server.createDocuments(sizes.idleDocs);
      const measure = async () => {
        await sleep(3000);
        const rssNoGc = memory(server.pid).rss;
        const usage = await server.gcAndMeasure();
        await sleep(1000);
        return { rssNoGc, rss: memory(server.pid).rss, heapUsed: usage.heapUsed, external: usage.external, arrayBuffers: usage.arrayBuffers };
      };
      const quiet = await quietMachine(`${kind} idle memory`);
      const base = await measure();
      const n = sizes.idleDocs;
      const half = Math.floor(n / 2);
      log(`${kind}: idle memory, baseline RSS ${(base.rss / 2 ** 20).toFixed(1)} MiB; opening ${half} + ${n - half} documents`);
      const target = targetOf(server);
      const opened1 = await driver.call('idleOpen', { target, docIds: docIds.slice(0, half), chars: sizes.idleChars });
      const halfway = await measure();
      const opened2 = await driver.call('idleOpen', { target, docIds: docIds.slice(half), chars: sizes.idleChars });
      const loaded = await measure();
      const result = {
        documents: n,
        quiet,
        openSeconds: opened1.seconds + opened2.seconds,
        base,
        halfway,
        loaded,
        perDocRss: (loaded.rss - base.rss) / n,
        perDocRssNoGc: (loaded.rssNoGc - base.rssNoGc) / n,
        perDocRssMarginal: (loaded.rss - halfway.rss) / (n - half),
        perDocHeap: (loaded.heapUsed - base.heapUsed) / n,
        perDocExternal: (loaded.external - base.external) / n,
      };
      log(`${kind}: ${(result.perDocRss / 1024).toFixed(1)} KiB RSS per document (second half: ${(result.perDocRssMarginal / 1024).toFixed(1)} KiB; heap ${(result.perDocHeap / 1024).toFixed(1)} KiB)`);
      await driver.call('closeAll');
      return result;
    });
  } finally {
    await driver.stop();
  }
}

/**
 * Runs a measurement again (at most `retries` more times) when other processes took more than `maxOthers` of a core
 * during it, e.g. a test run that started meanwhile; keeps the least disturbed result.
 */
async function undisturbed(what, run, othersOf, retries = Number(args.retries ?? 2), maxOthers = 0.25) {
  let best = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const result = await run();
    const others = othersOf(result) ?? 0;
    if (!best || others < best.others) best = { result, others, attempts: attempt + 1 };
    if (others <= maxOthers) break;
    log(`${what}: other processes took ${others.toFixed(2)} cores during the measurement${attempt < retries ? '; measuring again' : ''}`);
  }
  if (best.result && typeof best.result === 'object') best.result.attempts = best.attempts;
  return best.result;
}

// ---------------------------------------------------------------- main
async function main() {
  // --env=NAME=value,NAME=value: more settings for Commonplan (an experiment; such a run does not write the docs).
  const extraEnv = args.env ? Object.fromEntries(String(args.env).split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : {};
  const ctx = { extraEnv, profile: args.profile ?? false, profileDir: join(outDir, 'profiles'), db: null, dataDir: null };
  if (ctx.profile) mkdirSync(ctx.profileDir, { recursive: true });
  const results = { date: new Date().toISOString(), quick, profiled: ctx.profile, env: extraEnv, sizes, only: [...only], servers: {}, labels: {} };
  try {
    if (serverKinds.includes('commonplan')) {
      ctx.serverMain = buildServer();
      ctx.db = await createFreshDatabase(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
      ctx.dataDir = mkdtempSync(join(tmpdir(), 'cp-bench-'));
    }
    results.machine = await machine(ctx.db?.url);
    log(`machine: ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres}, load ${results.machine.loadAtStart}`);
    for (const kind of serverKinds) {
      results.servers[kind] = {};
      results.labels[kind] = SERVERS[kind].label;
    }
    if (only.has('trace') || only.has('cold')) {
      for (const kind of serverKinds) {
        if (!only.has('trace') && kind !== 'commonplan') continue;
        Object.assign(results.servers[kind], await undisturbed(`${kind} trace`, () => traceScenario(kind, ctx), (r) => r.trace?.othersCores));
        if (!only.has('trace')) delete results.servers[kind].trace;
      }
    }
    // How the cost depends on how far the writer runs ahead (how many edits arrive per event-loop tick).
    if (only.has('trace')) {
      for (const window of extraWindows) {
        for (const kind of serverKinds) {
          results.servers[kind][`trace_w${window}`] = (
            await undisturbed(`${kind} trace (window ${window})`, () => traceScenario(kind, ctx, window), (r) => r.trace?.othersCores)
          ).trace;
        }
      }
    }
    if (only.has('many')) {
      for (const kind of serverKinds) results.servers[kind].many = await undisturbed(`${kind} many documents`, () => manyScenario(kind, ctx), (r) => r.othersCores);
    }
    if (only.has('idle')) for (const kind of serverKinds) results.servers[kind].idle = await idleScenario(kind, ctx);
    results.loadAtEnd = loadAverage();
    results.elapsedSeconds = (performance.now() - t00) / 1000;

    if (ctx.profile) {
      results.profiles = [];
      for (const file of readdirSync(ctx.profileDir).filter((f) => /-(trace|many)\.cpuprofile$/.test(f))) {
        const [kind, scenario] = file.replace('.cpuprofile', '').split(/-(?=trace|many)/);
        const r = results.servers[kind]?.[scenario];
        const window = scenario === 'trace' ? r?.cpuUntilQuiet?.window : r?.cpu?.window;
        const summary = summarise(join(ctx.profileDir, file), 30, window ?? null);
        results.profiles.push(summary);
        console.log(`\n${formatProfile(summary)}`);
      }
    }
    const markdown = renderMarkdown(results);
    console.log(`\n${markdown}`);
    writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
    writeFileSync(join(outDir, 'results.md'), markdown);
    if (write) {
      writeDocs(join(root, 'docs/benchmarks.md'), markdown);
      log('wrote docs/benchmarks.md');
    }
    log(`done in ${results.elapsedSeconds.toFixed(0)} s; results and server logs in ${outDir}`);
  } finally {
    if (ctx.db) await ctx.db.drop().catch((e) => console.error(`could not drop the database: ${e}`));
    if (ctx.dataDir) rmSync(ctx.dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
