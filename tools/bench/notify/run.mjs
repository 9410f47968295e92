// npm run bench:notify [-- --submitters=2000] [--concurrency=8] [--mail-concurrency=1,4] [--databases=embedded,postgres]
//                      [--label=TEXT] [--compare=DIR[,DIR…] --compare-label=TEXT[,TEXT…]] [--no-write]
//
// A round with many submitters publishes its report and tells them all: the time from POST …/report/publish to an
// empty outbox, and the load on the server meanwhile, for each MAIL_CONCURRENCY (1 and the default 4) on each database
// (the embedded PGlite, and PostgreSQL: a new database on DATABASE_URL's server, by default
// postgresql://postgres@127.0.0.1:5432/test). The built server (dist/api/main.js: `node tools/build-api.mjs` first)
// sends its mail to an SMTP sink in this process (smtp-server: it keeps only the recipients, subjects and arrival times).
//
// Set-up, once per database (both side by side; not measured): the server on a fresh database with the demo data;
// through the API as the demo coordinator, a document, a frozen version, a round on it open to the public, one public
// comment from each of --submitters distinct addresses (--concurrency at a time; each gets its receipt), a disposition
// for each (PUT per comment, while the round is open, which the API allows), approved in bulk (triage/bulk, 500 at a
// time); once every receipt is sent, the server is stopped and the round's closing time moved into the past in the
// database, as the API tests do (the API never closes a round early nor moves an open round's close; a close set
// ahead would have to guess how long the comments take).
// Each measured run: a copy of that database (the DATA_DIR copied, or CREATE DATABASE … TEMPLATE), a new server on it
// with MAIL_CONCURRENCY and a new sink; the round closed through the API, the staff's e-mails about it sent, the server
// quiet. Then t0 = the publish request sent: the publish answer; the time until the sink has every report e-mail
// (checked: exactly one to each submitter, to no one else); the time until GET /api/workspaces/:id/mail-deliveries says
// pending 0 (asked every 20 ms once the sink has them all, not before); the server's CPU seconds (user + system,
// /proc) over t0 → pending 0 and its RSS (sampled every 50 ms: the peak over that window, against the RSS at t0);
// PostgreSQL's CPU over the same window (every process named postgres on this machine: other clients included).
// Writes the table into docs/benchmarks.md (section "Notifications: a report to 2,000 submitters") unless --no-write.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { cpuSeconds, loadAverage, memory, postgresCpuSeconds } from '../sync/proc.mjs';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { createFreshDatabase } = require(join(root, 'tools/test-db.cjs'));
const { SMTPServer } = require('smtp-server');
const libmime = require('libmime');
const pg = require('pg');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, ...v]) => [k, v.length ? v.join('=') : true]));
const SUBMITTERS = Number(args.submitters ?? 2000);
const CONCURRENCY = Number(args.concurrency ?? 8);
const MAIL_CONCURRENCIES = String(args['mail-concurrency'] ?? '1,4').split(',').map(Number);
const DATABASES = String(args.databases ?? 'embedded,postgres').split(',');
// The server(s) measured: this tree's build, and with --compare=DIR another build of dist/api (e.g. a copy of the tree
// with a change, built with its own tools/build-api.mjs; it must have the same migrations; several: comma-separated,
// and as many --compare-label), each row run on each build in turn.
const BUILDS = [
  { label: String(args.label ?? 'this tree'), dir: join(root, 'dist/api') },
  ...(args.compare ? String(args.compare).split(',').map((dir, i) => ({ label: String(args['compare-label'] ?? '').split(',')[i] || dir, dir })) : []),
];
const POSTGRES_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const PASSWORD = 'demo-ssom-2026';
const COORDINATOR = 'koordynator@som.example';
const DOMAIN = 'notify-bench.example';
const DAY = 24 * 3600_000;
const BULK = 500; // MAX_BULK_COMMENTS
// How long to wait for the e-mails: without a connection pool a message takes ~160 ms here (a connection each).
const MAIL_WAIT_MS = Math.max(120_000, SUBMITTERS * 500);
// The round's title is ASCII, so that every subject is too (the sink reads the Subject header as it comes).
const TITLE = 'Konsultacje strategii (benchmark powiadomien)';
const REPORT_SUBJECT = new RegExp(`Sprawozdanie z konsultacji: ${TITLE.replace(/[()]/g, '\\$&')}$`);

const freePort = () => new Promise((resolve) => { const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...parts) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);

/** The SMTP sink: accepts everything, keeps the recipients, the decoded subject and the arrival time of each message. */
async function startSink() {
  const received = [];
  let onMessage = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of 127.0.0.1 (no resolver to ask here); it keeps smtp-server's 100 ms pause before the greeting
    // (early talkers), as mail servers do: a connection costs that much, a message on an open connection does not.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.slice(0, raw.search(/\r?\n\r?\n/) >>> 0).replace(/\r?\n[ \t]+/g, ' ');
        const subject = libmime.decodeWords(/^subject:\s*(.*)$/im.exec(head)?.[1] ?? '');
        const message = { at: performance.now(), to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject };
        received.push(message);
        onMessage(message);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /**
     * Resolves when `done(message)`, called once for each message received from the `from`th on (stateful: it counts),
     * returns true; rejects after `ms`.
     */
    until(done, ms, what, from = 0) {
      return new Promise((resolve, reject) => {
        if (received.slice(from).some((m) => done(m))) return resolve();
        const timer = setTimeout(() => reject(new Error(`the SMTP sink did not get ${what} in ${ms / 1000} s (${received.length} messages)`)), ms);
        onMessage = (m) => {
          if (!done(m)) return;
          clearTimeout(timer);
          onMessage = () => {};
          resolve();
        };
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Runs `work(i)` for i in [0, n), `limit` at a time. */
async function inParallel(n, limit, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => { while (next < n) await work(next++); }));
}

/**
 * The built server on a database: `database` is { dataDir } for the embedded PGlite (persisted under that DATA_DIR)
 * or { dataDir, url } for a database on the PostgreSQL server. Stopping it (SIGTERM) lets it finish its work and
 * close the database, so that the data can be copied.
 */
async function startServer(database, env, build = BUILDS[0]) {
  const port = await freePort();
  const childEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    SEED_DEMO: 'true',
    PUBLIC_COMMENTS_PER_IP: '100000',
    LOGIN_LIMIT_PER_IP: '100000',
    LOGIN_LIMIT_PER_ACCOUNT: '10000',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  if (database.url) childEnv.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [join(build.dir, 'main.js')], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; ; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 600 || child.exitCode !== null) {
      await stop();
      throw new Error(`the server did not start: ${stderr.slice(-2000)}`);
    }
    await sleep(200);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  /** An API call; throws unless the answer is `expected` (any 2xx by default). */
  const call = async (token, method, path, body, expected) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => null);
    if (expected ? response.status !== expected : !response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  };
  const login = async () => {
    const token = (await call(null, 'POST', '/auth/login', { email: COORDINATOR, password: PASSWORD }, 200)).token;
    const me = await call(token, 'GET', '/auth/me');
    return { token, ws: (me.workspaces.find((w) => w.slug === 'ssom') ?? me.workspaces[0]).id };
  };
  /** Waits until the workspace's outbox has nothing pending (pending or being sent). */
  const outboxEmpty = async (token, ws, maxMs = MAIL_WAIT_MS) => {
    const deadline = Date.now() + maxMs;
    for (;;) {
      const { counts } = await call(token, 'GET', `/workspaces/${ws}/mail-deliveries?status=failed`);
      if (counts.pending === 0) return counts;
      if (Date.now() > deadline) throw new Error(`the outbox did not empty in ${maxMs / 1000} s: ${JSON.stringify(counts)}`);
      await sleep(250);
    }
  };
  return { baseUrl, pid: child.pid, call, login, outboxEmpty, stop, stderr: () => stderr };
}

const address = (i) => `osoba.${String(i + 1).padStart(4, '0')}@${DOMAIN}`;

/**
 * Once per database: the round with its comments and approved dispositions, made through the API, its closing time
 * then moved into the past in the database (the server stopped), as the API tests do: the API never closes a round
 * early nor moves an open round's close, and waiting out a close set ahead would have to guess how long 2,000
 * comments take. The result is a stopped database that each measured run copies.
 */
async function setUp(kind) {
  const name = kind === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)';
  const dataDir = mkdtempSync(join(tmpdir(), 'commonplan-bench-notify-'));
  const fresh = kind === 'postgres' ? await createFreshDatabase(POSTGRES_URL) : null;
  const database = { kind, dataDir, url: fresh?.url ?? null, drop: async () => { await fresh?.drop(); rmSync(dataDir, { recursive: true, force: true }); } };
  const sink = await startSink();
  let server;
  try {
    server = await startServer(database, { SMTP_URL: sink.url });
    const { call } = server;
    const started = performance.now();
    const { token, ws } = await server.login();
    const document = await call(token, 'POST', `/workspaces/${ws}/documents`, { title: 'Strategia (benchmark powiadomien)', kind: 'strategy' }, 201);
    const version = await call(token, 'POST', `/documents/${document.id}/versions`, { name: 'v1.0 do konsultacji' }, 201);
    const round = await call(token, 'POST', `/workspaces/${ws}/rounds`, {
      documentId: document.id,
      versionId: version.id,
      title: TITLE,
      audiences: ['public'],
      channels: ['online_form'],
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    }, 201);
    await call(token, 'POST', `/rounds/${round.id}/announce`, {});
    await call(token, 'POST', `/rounds/${round.id}/open`, {});

    const ids = new Array(SUBMITTERS);
    let t = performance.now();
    await inParallel(SUBMITTERS, CONCURRENCY, async (i) => {
      const comment = await call(null, 'POST', `/public/rounds/${round.id}/comments`, {
        part: `Rozdział ${(i % 5) + 1}`,
        proposedWording: `Proponowany zapis nr ${i + 1}: doprecyzować wskaźniki dla gmin.`,
        justification: `Uzasadnienie uwagi nr ${i + 1}: brak danych o dojazdach do pracy.`,
        submitter: { kind: 'person', name: `Mieszkaniec ${i + 1}`, type: 'resident' },
        email: address(i),
      }, 201);
      ids[i] = comment.id;
    });
    const submitSeconds = (performance.now() - t) / 1000;
    log(`${name}: ${SUBMITTERS} public comments in ${submitSeconds.toFixed(1)} s`);
    // Dispositions while the round is open (the API allows it), then approved in bulk.
    t = performance.now();
    await inParallel(SUBMITTERS, CONCURRENCY, async (i) => {
      const disposition = ['accepted', 'partly_accepted', 'rejected', 'explanation'][i % 4];
      await call(token, 'PUT', `/consultation-comments/${ids[i]}/disposition`, { disposition, justification: `Rozstrzygnięcie uwagi nr ${i + 1}.` }, 204);
    });
    for (let from = 0; from < SUBMITTERS; from += BULK) {
      await call(token, 'POST', `/rounds/${round.id}/triage/bulk`, { commentIds: ids.slice(from, from + BULK), action: 'approve' }, 200);
    }
    const decideSeconds = (performance.now() - t) / 1000;
    log(`${name}: ${SUBMITTERS} dispositions decided and approved in ${decideSeconds.toFixed(1)} s`);
    // Every receipt sent before the data is copied (a copy must not send them again).
    const receipts = new Set();
    await sink.until((m) => (m.to.forEach((a) => a.endsWith(`@${DOMAIN}`) && receipts.add(a)), receipts.size >= SUBMITTERS), MAIL_WAIT_MS, 'every receipt');
    await server.outboxEmpty(token, ws);
    await server.stop();
    server = null;

    // The closing time comes.
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [round.id]);
      } finally {
        await client.end();
      }
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
      const db = await PGlite.create(join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
      try {
        await db.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [round.id]);
      } finally {
        await db.close();
      }
    }
    const setupSeconds = (performance.now() - started) / 1000;
    return { ...database, name, roundId: round.id, submitSeconds, decideSeconds, setupSeconds };
  } catch (error) {
    if (server) log(`${name}: server stderr: ${server.stderr().slice(-3000)}`);
    await server?.stop();
    await database.drop();
    throw error;
  } finally {
    await sink.close();
  }
}

/** A copy of the set-up database for one run: a copy of the DATA_DIR, or a database made from it as a template. */
async function copyOf(setup) {
  const dataDir = mkdtempSync(join(tmpdir(), 'commonplan-bench-notify-'));
  if (setup.kind === 'embedded') {
    cpSync(setup.dataDir, dataDir, { recursive: true });
    return { dataDir, url: null, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const source = new URL(setup.url).pathname.slice(1);
  const copy = `${source}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${source}`);
  } finally {
    await admin.end();
  }
  const url = new URL(setup.url);
  url.pathname = `/${copy}`;
  return {
    dataDir,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
      } finally {
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function measure(setup, mailConcurrency, build) {
  const label = `${BUILDS.length > 1 ? `${build.label}: ` : ''}${setup.name}, MAIL_CONCURRENCY=${mailConcurrency}`;
  const database = await copyOf(setup);
  const sink = await startSink();
  let server;
  try {
    server = await startServer(database, { SMTP_URL: sink.url, MAIL_CONCURRENCY: String(mailConcurrency) }, build);
    const { call } = server;
    const { token, ws } = await server.login();
    const roundId = setup.roundId;
    await call(token, 'POST', `/rounds/${roundId}/close`, {});
    const preview = await call(token, 'GET', `/rounds/${roundId}/report`);
    if (!preview.publishable?.ok) throw new Error(`the report cannot be published: ${JSON.stringify(preview.publishable)} ${JSON.stringify(preview.blockers).slice(0, 500)}`);
    // The staff's notifications of the close sent; the server quiet (its outbox poll aside) before t0.
    await server.outboxEmpty(token, ws);
    let last = cpuSeconds(server.pid);
    for (let i = 0; i < 20; i++) {
      await sleep(500);
      const now = cpuSeconds(server.pid);
      if (now - last < 0.02) break;
      last = now;
    }
    const before = sink.received.length;
    const load = loadAverage();

    // ---- the measurement
    const rssBefore = memory(server.pid).rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => { try { rssPeak = Math.max(rssPeak, memory(server.pid).rss); } catch { /* exited */ } }, 50);
    const cpu0 = cpuSeconds(server.pid);
    const pg0 = setup.kind === 'postgres' ? postgresCpuSeconds() : 0;
    const t0 = performance.now();
    const reportMails = () => sink.received.slice(before).filter((m) => REPORT_SUBJECT.test(m.subject));
    let count = 0;
    const allReceived = sink.until((m) => REPORT_SUBJECT.test(m.subject) && ++count >= SUBMITTERS, MAIL_WAIT_MS, `${SUBMITTERS} report e-mails`, before);
    const published = await call(token, 'POST', `/rounds/${roundId}/report/publish`, {}, 201);
    const publishMs = performance.now() - t0;
    // Nothing asks the server anything until the sink has every e-mail (the outbox cannot be empty before); then
    // the deliveries' counts every 20 ms until nothing is pending (`status=failed` lists no rows, only the counts).
    await allReceived;
    const receivedAt = performance.now();
    let emptyAt;
    for (;;) {
      const { counts } = await call(token, 'GET', `/workspaces/${ws}/mail-deliveries?status=failed`);
      if (counts.pending === 0) {
        emptyAt = performance.now();
        if (counts.failed || counts.bounced) throw new Error(`some e-mails were not sent: ${JSON.stringify(counts)}`);
        break;
      }
      if (performance.now() - t0 > MAIL_WAIT_MS) throw new Error(`the outbox did not empty in ${MAIL_WAIT_MS / 1000} s: ${JSON.stringify(counts)}`);
      await sleep(20);
    }
    const cpu = cpuSeconds(server.pid) - cpu0;
    const postgresCpu = setup.kind === 'postgres' ? postgresCpuSeconds() - pg0 : null;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, memory(server.pid).rss);

    // Exactly one report e-mail to each submitter, to no one else.
    const mails = reportMails();
    const recipients = mails.flatMap((m) => m.to);
    const expected = new Set(Array.from({ length: SUBMITTERS }, (_, i) => address(i)));
    if (recipients.length !== SUBMITTERS || new Set(recipients).size !== SUBMITTERS || !recipients.every((a) => expected.has(a))) {
      throw new Error(`the report e-mails went to ${recipients.length} recipients (${new Set(recipients).size} distinct), not to the ${SUBMITTERS} submitters once each`);
    }
    const receivedSeconds = (receivedAt - t0) / 1000;
    const result = {
      label,
      build: build.label,
      database: setup.kind,
      mailConcurrency,
      edition: published.edition,
      load,
      publishMs,
      firstSeconds: (mails[0].at - t0) / 1000,
      receivedSeconds,
      emptySeconds: (emptyAt - t0) / 1000,
      perSecond: SUBMITTERS / receivedSeconds,
      cpu,
      postgresCpu,
      rssBefore,
      rssPeak,
    };
    log(`${label}: ${JSON.stringify(result)}`);
    return result;
  } catch (error) {
    if (server) log(`${label}: server stderr: ${server.stderr().slice(-3000)}`);
    throw new Error(`${label}: ${error.message}`, { cause: error });
  } finally {
    await server?.stop();
    await sink.close();
    await database.drop();
  }
}

// The set-ups run side by side (nothing of them is measured); the measured runs one after the other.
const setups = [];
try {
  for (const setup of await Promise.allSettled(DATABASES.map((kind) => setUp(kind)))) {
    if (setup.status === 'rejected') throw setup.reason;
    setups.push(setup.value);
  }
} catch (error) {
  for (const setup of setups) await setup.drop();
  throw error;
}
const results = [];
try {
  for (const setup of setups) for (const mailConcurrency of MAIL_CONCURRENCIES) for (const build of BUILDS) results.push(await measure(setup, mailConcurrency, build));
} finally {
  for (const setup of setups) await setup.drop();
}

const s = (v) => v.toFixed(2);
const mib = (v) => (v / 1024 / 1024).toFixed(0);
const table = [
  `|${BUILDS.length > 1 ? ' server |' : ''} database | MAIL_CONCURRENCY | publish answer (ms) | first e-mail (s) | all received (s) | outbox empty (s) | e-mails/s | server CPU (s) | server CPU per e-mail (ms) | server RSS at t0 → peak (MiB) | PostgreSQL CPU (s) | load average at t0 |`,
  `|${BUILDS.length > 1 ? '---|' : ''}---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ...results.map((r) =>
    `|${BUILDS.length > 1 ? ` ${r.build} |` : ''} ${r.database === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)'} | ${r.mailConcurrency} | ${r.publishMs.toFixed(0)} | ${s(r.firstSeconds)} | ${s(r.receivedSeconds)} | ${s(r.emptySeconds)} | ${r.perSecond.toFixed(0)} | ${s(r.cpu)} | ${((r.cpu * 1000) / SUBMITTERS).toFixed(2)} | ${mib(r.rssBefore)} → ${mib(r.rssPeak)} | ${r.postgresCpu === null ? '–' : s(r.postgresCpu)} | ${r.load.toFixed(2)} |`,
  ),
].join('\n');
console.log(table);
const setupLine = setups.map((u) => `${u.name}: ${SUBMITTERS} comments in ${u.submitSeconds.toFixed(0)} s, dispositions in ${u.decideSeconds.toFixed(0)} s`).join('; ');
console.log(`set-up (side by side): ${setupLine}`);

if (!args['no-write']) {
  const docs = join(root, 'docs/benchmarks.md');
  const heading = '## Notifications: a report to 2,000 submitters';
  const MARK = '<!-- bench:notify results: begin (written by npm run bench:notify) -->';
  const END = '<!-- bench:notify results: end -->';
  const n = SUBMITTERS.toLocaleString('en');
  const options = process.argv.slice(2).filter((a) => a !== '--no-write').map((a) => (/\s/.test(a) ? `'${a}'` : a));
  const pgVersion = setups.some((u) => u.kind === 'postgres') ? await postgresVersion() : null;
  const section =
    `${heading}\n\n` +
    `\`npm run bench:notify\` ([tools/bench/notify/run.mjs](../tools/bench/notify/run.mjs)): a consultation round with ${n} ` +
    `public comments, each from its own e-mail address, every one with an approved disposition, the round closed; then ` +
    `the coordinator publishes the report. The publication's transaction queues one e-mail per submitter ` +
    `(ReportService.publish → Notifier.notifyAddresses: ${n} rows of \`mail_outbox\`), which the mail outbox sends after ` +
    `the commit: batches of 4 × MAIL_CONCURRENCY rows, MAIL_CONCURRENCY messages at a time. The built server sends to an ` +
    `SMTP sink in the benchmark's process (smtp-server, no reverse DNS; it pauses 100 ms before greeting each new ` +
    `connection, as mail servers do against clients that talk too soon).\n\n` +
    `- The data is made once per database through the API as the demo coordinator (a document, a frozen version, the ` +
    `round, the ${n} comments ${CONCURRENCY} at a time, each with its receipt, a disposition for each, approved in bulk); the ` +
    `round's closing time is then moved into the past in the database, as the API tests do (the API never closes a round ` +
    `early). Each row runs on its own copy of that database with its own server, which closes the round through the API, ` +
    `sends the staff's e-mails about it and goes quiet before the publication.\n` +
    `- **publish answer**: from sending POST /api/rounds/:id/report/publish to its answer (the report of ${n} comments ` +
    `built, the edition stored, the e-mails queued). **first e-mail / all received**: from the same t0 until the sink has ` +
    `the first / every report e-mail (checked: exactly one to each submitter, to no one else); **e-mails/s** = ${n} ÷ all ` +
    `received. **outbox empty**: until GET /api/workspaces/:id/mail-deliveries says pending 0 (asked every 20 ms once the ` +
    `sink has them all; nothing asks the server anything before).\n` +
    `- **server CPU**: user + system seconds of the server process from t0 to the empty outbox (/proc); **RSS**: at t0 and ` +
    `the peak of samples every 50 ms over that window; **PostgreSQL CPU**: every postgres process on the machine over the ` +
    `same window (other clients of that server included).\n\n` +
    `${MARK}\n`;
  const measured =
    `### Measured ${new Date().toISOString().slice(0, 10)}\n\n` +
    `\`npm run bench:notify${options.length ? ` -- ${options.join(' ')}` : ''}\`: one run per row; ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ` +
    `${Math.round(totalmem() / 1024 ** 3)} GB, Node.js ${process.versions.node}${pgVersion ? `, PostgreSQL ${pgVersion} on the same machine` : ''}; the machine is shared ` +
    `(the load average at t0 is in the table). Set-up: ${setupLine}.` +
    (BUILDS.length > 1 ? ` Servers: ${BUILDS.map((b) => `${b.label} (${b.dir === join(root, 'dist/api') ? 'dist/api' : b.dir})`).join(', ')}.` : '') +
    `\n\n${table}\n${END}\n`;
  // A new section at the end; an existing one keeps its text: only what is between the marks is replaced.
  const text = readFileSync(docs, 'utf8');
  const start = text.indexOf(heading);
  const from = start === -1 ? -1 : text.indexOf(MARK, start);
  const to = from === -1 ? -1 : text.indexOf(END, from);
  if (start === -1) writeFileSync(docs, `${text.trimEnd()}\n\n${section}${measured}`);
  else if (from === -1 || to === -1) throw new Error(`docs/benchmarks.md: the section "${heading}" has lost its marks (${MARK} … ${END})`);
  else writeFileSync(docs, `${text.slice(0, from + MARK.length)}\n${measured}${text.slice(to + END.length + 1)}`);
  console.log('written to docs/benchmarks.md');
}

async function postgresVersion() {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
  } finally {
    await client.end();
  }
}
