// npm run bench:search [-- --documents=500 --paragraphs=200 --comments=20000 --rounds=10]
//                      [--databases=embedded,postgres] [--no-write] [--profile=DIR] [--keep]
//
// Search (issue 17): the time to index a workspace of --documents documents of --paragraphs paragraphs each (a heading
// every tenth) plus --comments document comments, and the time of queries over it, on each database (the embedded
// PGlite, and PostgreSQL: a new database on DATABASE_URL's server, by default postgresql://postgres@127.0.0.1:5432/test).
//
// Set-up (not measured): the built server (dist/api/main.js; built first when missing) on a fresh database with the
// demo data; the documents imported through the API (Markdown, 4 at a time) and indexed; the server stopped; the
// comments written straight into the database (threads of four comments on random documents: the API would need each
// passage's Yjs anchor, and the index reads only the text), the index emptied and every record marked, as after a restore.
// Text: Polish sentences drawn at random (Zipf-weighted words) from corpus-pl.txt, the public description of the SSOM
// practice, so that word frequencies are those of real Polish text rather than uniform.
// Measured: (1) indexing: the server started again, from its start to job_queue_depth{queue="search_index"} 0 (read from
// GET /metrics every 250 ms), records and rows per second; (2) queries: --rounds rounds of the query set (inflected
// forms, unaccented words, prefixes, two-word queries, typos in titles, names), one at a time as the coordinator, each
// timed from the request to the parsed answer (HTTP included): p50, p95, max, per database. While indexing, the longest
// event-loop delay of the server (nodejs_eventloop_lag_max_seconds at each scrape): what indexing costs live editing.
// Writes the table into docs/benchmarks.md (section "Search (bench:search)") unless --no-write.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { createFreshDatabase } = require(join(root, 'tools/test-db.cjs'));
const pg = require('pg');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, ...v]) => [k, v.length ? v.join('=') : true]));
const DOCUMENTS = Number(args.documents ?? 500);
const PARAGRAPHS = Number(args.paragraphs ?? 200);
const COMMENTS = Number(args.comments ?? 20_000);
const ROUNDS = Number(args.rounds ?? 10);
const DATABASES = String(args.databases ?? 'embedded,postgres').split(',');
const WRITE = !args['no-write'];
/** --keep: leave the databases (printed) for EXPLAIN after the run. */
const KEEP = Boolean(args.keep);
/** --profile=DIR: each server process writes a V8 CPU profile there (summarise with tools/bench/sync/profile-summary.mjs). */
const PROFILE = typeof args.profile === 'string' ? args.profile : null;
const POSTGRES_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const PASSWORD = 'demo-ssom-2026';
const COORDINATOR = 'koordynator@som.example';
const QUERIES = [
  'strategii', 'strategią rozwoju', 'rozwoju lokalnego', 'współpracy', 'wspolpraca miedzysamorzadowa', 'mieszkańców',
  'partycypacyjnego planowania', 'gmin', 'gminami', 'obszaru metropolitalnego', 'szczecinskiego', 'metrop', 'plan',
  'planowania zintegrowanego', 'dokumentów', 'konsultacji społecznych', 'transport', 'projektów', 'part', 'samorzad',
  'stratgia rozwju', 'dokumnt', 'police', 'gmina dobra', 'uniwersytet szczecinski', 'rozdział 3', 'kompetencji',
  'diagnoza', 'wdrażania', 'zespołu roboczego',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);

// ---- text ----------------------------------------------------------------------------------------------------------
const corpus = readFileSync(join(import.meta.dirname, 'corpus-pl.txt'), 'utf8');
const vocabulary = (() => {
  const counts = new Map();
  for (const w of corpus.match(/[\p{L}]{2,}/gu) ?? []) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
})();
let seed = 20261207;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
/** A word by Zipf's law over the corpus's words, most frequent first. */
const word = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length ** random()) - 1)];
const sentence = (min, max) => {
  const n = min + Math.floor(random() * (max - min + 1));
  const s = Array.from({ length: n }, word).join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(6, 16)).join(' ');
function markdown(i) {
  const lines = [];
  for (let p = 0; p < PARAGRAPHS; p++) lines.push(p % 10 === 0 ? `## Rozdział ${p / 10 + 1}. ${sentence(2, 5).slice(0, -1)}` : paragraph());
  return { title: `Dokument ${i + 1}: ${sentence(3, 6).slice(0, -1)}`, text: lines.join('\n\n') };
}

// ---- the server ----------------------------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer(database) {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: database.dataDir, SEED_DEMO: 'true', LOGIN_LIMIT_PER_IP: '100000' };
  delete env.DATABASE_URL;
  if (database.url) env.DATABASE_URL = database.url;
  const started = performance.now();
  const profiling = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [];
  const child = spawn(process.execPath, [...profiling, join(root, 'dist/api/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; ; i++) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 600 || child.exitCode !== null) {
      await stop();
      throw new Error(`the server did not start: ${stderr.slice(-2000)}`);
    }
    await sleep(100);
  }
  const call = async (token, method, path, body) => {
    const isForm = body instanceof FormData;
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  };
  const login = async () => {
    const token = (await call(null, 'POST', '/auth/login', { email: COORDINATOR, password: PASSWORD })).token;
    const me = await call(token, 'GET', '/auth/me');
    return { token, ws: (me.workspaces.find((w) => w.slug === 'ssom') ?? me.workspaces[0]).id };
  };
  /** A sample of /metrics (loopback needs no token): the first series whose line starts with `prefix`. */
  const sample = (text, prefix) => {
    const line = text.split('\n').find((l) => l.startsWith(prefix));
    return line ? Number(line.split(' ').pop()) : Number.NaN;
  };
  /**
   * Waits until no record waits for the index; returns the longest event-loop delay seen meanwhile (prom-client's
   * nodejs_eventloop_lag_max_seconds, reset at each scrape, so each reading covers the 250 ms before it).
   */
  const drained = async () => {
    let stall = 0;
    for (;;) {
      const text = await (await fetch(`${baseUrl}/metrics`)).text();
      stall = Math.max(stall, sample(text, 'nodejs_eventloop_lag_max_seconds') || 0);
      if (sample(text, 'job_queue_depth{queue="search_index"}') === 0) return stall;
      await sleep(250);
    }
  };
  return { baseUrl, call, login, drained, stop, startedAt: started, stderr: () => stderr };
}

/** SQL on the stopped server's database: the PostgreSQL one, or the embedded one opened from its DATA_DIR. */
async function withDatabase(database, work) {
  if (database.url) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work((sql, params) => client.query(sql, params).then((r) => r.rows));
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create(join(database.dataDir, 'pgdata'), { extensions: { pg_trgm } });
  try {
    return await work((sql, params) => db.query(sql, params).then((r) => r.rows));
  } finally {
    await db.close();
  }
}

// ---- one database --------------------------------------------------------------------------------------------------
async function run(kind) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const fresh = kind === 'postgres' ? await createFreshDatabase(POSTGRES_URL) : null;
  const database = { dataDir, url: fresh?.url };
  try {
    log(`${kind}: setting up ${DOCUMENTS} documents of ${PARAGRAPHS} paragraphs`);
    let server = await startServer(database);
    const { token, ws } = await server.login();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < DOCUMENTS) {
          const i = next++;
          const { title, text } = markdown(i);
          const form = new FormData();
          form.append('kind', 'other');
          form.append('title', title);
          form.append('file', new Blob([text]), `dokument-${i + 1}.md`);
          await server.call(token, 'POST', `/workspaces/${ws}/documents/import`, form);
          if ((i + 1) % 100 === 0) log(`${kind}: ${i + 1} documents imported`);
        }
      }),
    );
    await server.drained();
    await server.stop();

    log(`${kind}: writing ${COMMENTS} comments, emptying the index`);
    const counts = await withDatabase(database, async (query) => {
      const [{ coordinator }] = await query(`SELECT id AS coordinator FROM users WHERE email = $1`, [COORDINATOR]);
      const documents = (await query(`SELECT id FROM documents WHERE workspace_id = $1`, [ws])).map((r) => r.id);
      const threads = Math.ceil(COMMENTS / 4);
      for (let start = 0; start < threads; start += 1000) {
        const n = Math.min(1000, threads - start);
        const docs = Array.from({ length: n }, () => documents[Math.floor(random() * documents.length)]);
        const quotes = Array.from({ length: n }, () => sentence(2, 5));
        const ids = (
          await query(
            `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by)
             SELECT d, 'bench', 'bench', q, $3 FROM unnest($1::uuid[], $2::text[]) AS t (d, q) RETURNING id`,
            [docs, quotes, coordinator],
          )
        ).map((r) => r.id);
        const threadIds = [];
        const bodies = [];
        for (const id of ids) for (let c = 0; c < 4 && threadIds.length + start * 4 < COMMENTS; c++) {
          threadIds.push(id);
          bodies.push(sentence(8, 30));
        }
        await query(`INSERT INTO comments (thread_id, author_id, body) SELECT t, $3, b FROM unnest($1::uuid[], $2::text[]) AS c (t, b)`, [threadIds, bodies, coordinator]);
      }
      await query(`DELETE FROM search_entries`);
      await query(`DELETE FROM search_pending`);
      // As after a restore (search/search-marks.ts): every record of every indexed table.
      const marks = await query(
        `SELECT c.relname AS table, encode(t.tgargs, 'escape') AS args FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND t.tgfoid = to_regproc('search_mark')`,
      );
      for (const mark of marks) {
        const [source, column] = mark.args.split('\\000');
        await query(`INSERT INTO search_pending (source, source_id) SELECT DISTINCT $1::text, "${column}" FROM "${mark.table}" WHERE "${column}" IS NOT NULL ON CONFLICT DO NOTHING`, [source]);
      }
      const [row] = await query(`SELECT count(*)::int AS records FROM search_pending`);
      const [para] = await query(`SELECT count(*)::int AS threads FROM comment_threads`);
      return { records: row.records, threads: para.threads };
    });

    log(`${kind}: indexing ${counts.records} records`);
    server = await startServer(database);
    const stallSeconds = await server.drained();
    const indexSeconds = (performance.now() - server.startedAt) / 1000;
    log(`${kind}: indexed in ${indexSeconds.toFixed(1)} s`);

    const session = await server.login();
    for (const q of QUERIES) await server.call(session.token, 'GET', `/workspaces/${session.ws}/search?q=${encodeURIComponent(q)}`); // warm-up
    const times = [];
    const found = new Map();
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of QUERIES) {
        const t0 = performance.now();
        const answer = await server.call(session.token, 'GET', `/workspaces/${session.ws}/search?q=${encodeURIComponent(q)}`);
        times.push(performance.now() - t0);
        found.set(q, answer.groups.reduce((sum, g) => sum + g.total, 0));
      }
    }
    await server.stop();
    const [entries] = await withDatabase(database, (query) =>
      query(
        `SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('search_entries')) AS size,
                (SELECT greatest(last_analyze, last_autoanalyze) FROM pg_stat_user_tables WHERE relname = 'search_entries') AS analyzed
         FROM search_entries`,
      ),
    );
    log(`${kind}: search_entries last analysed ${entries.analyzed ?? 'never'}`);
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    const result = {
      kind,
      records: counts.records,
      entries: entries.n,
      size: entries.size,
      indexSeconds,
      stallMs: stallSeconds * 1000,
      queries: times.length,
      p50: at(0.5),
      p95: at(0.95),
      max: times[times.length - 1],
      found: Object.fromEntries(found),
    };
    log(`${kind}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms over ${times.length} queries`);
    return result;
  } finally {
    if (KEEP) log(`${kind}: kept ${fresh?.url ?? dataDir}`);
    else {
      rmSync(dataDir, { recursive: true, force: true });
      await fresh?.drop();
    }
  }
}

// ---- main ----------------------------------------------------------------------------------------------------------
if (!existsSync(join(root, 'dist/api/main.js'))) execFileSync(process.execPath, [join(root, 'tools/build-api.mjs')], { stdio: 'inherit', cwd: root });
const results = [];
for (const kind of DATABASES) results.push(await run(kind));
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.versions.node}`;
const table = [
  `## Search (bench:search)`,
  '',
  `${date}, ${machine}. \`npm run bench:search\`: ${DOCUMENTS} documents × ${PARAGRAPHS} paragraphs (${DOCUMENTS * PARAGRAPHS} paragraphs) and ` +
    `${COMMENTS} document comments, plus the demo data; ${ROUNDS} rounds of ${QUERIES.length} queries, one at a time as the coordinator (every ` +
    'kind searched, five results per kind, HTTP included). Indexing: from the server\'s start to an empty index queue, every record marked as after a restore.',
  '',
  '| database | records | index rows (size) | indexing | records/s | longest event-loop stall while indexing | query p50 | query p95 | max |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.kind} | ${r.records} | ${r.entries} (${r.size}) | ${r.indexSeconds.toFixed(1)} s | ${Math.round(r.records / r.indexSeconds)} | ${r.stallMs.toFixed(0)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`,
  ),
  '',
  `Matches per query (${results[0]?.kind}): ${Object.entries(results[0]?.found ?? {}).map(([q, n]) => `"${q}" ${n}`).join(', ')}.`,
  '',
].join('\n');
console.log(`\n${table}`);
if (WRITE) {
  const file = join(root, 'docs/benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('## Search (bench:search)');
  const end = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${text.trimEnd()}\n\n${table}` : `${text.slice(0, start)}${table}${end < 0 ? '' : text.slice(end + 1)}`;
  writeFileSync(file, updated);
  log('wrote docs/benchmarks.md');
}
