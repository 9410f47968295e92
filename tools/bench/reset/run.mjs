// npm run bench:reset [-- --requests=400] [--ref=<git commit>] [--no-write]
//
// How long POST /api/auth/password-reset takes for an address with an account and one without, measured from a
// separate process against the built server (dist/api/main.js) on a fresh database (the embedded one, or a new
// database on DATABASE_URL's server). Requests alternate between the two kinds so that both see the same machine.
// --ref runs the same measurement against another commit too (built in a temporary git worktree), side by side:
// before the reset queue the known address answered later than the unknown one (accounts could be told by timing).
// Writes the table into docs/benchmarks.md unless --no-write.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { createFreshDatabase } = require(join(root, 'tools/test-db.cjs'));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, ...v]) => [k, v.length ? v.join('=') : true]));
const requests = Number(args.requests ?? 400);
const KNOWN = ['koordynator', 'ekspert', 'partner', 'obserwator', 'przedstawiciel.police', 'przedstawiciel.dobra', 'przedstawiciel.szczecin'].map((n) => `${n}@som.example`);
// As many addresses without accounts, of the same lengths, asked as often (the rate limit keeps a count per address).
const UNKNOWN = KNOWN.map((address) => address.replace(/^[^@]+/, (name) => 'x'.repeat(name.length)));

const freePort = () => new Promise((resolve) => { const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); }); });

async function measure(label, dir) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'commonplan-bench-reset-'));
  const database = await createFreshDatabase(process.env.DATABASE_URL);
  const env = { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', LOGIN_LIMIT_PER_IP: '100000', LOGIN_LIMIT_PER_ACCOUNT: '10000' };
  delete env.DATABASE_URL;
  if (database) env.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [join(dir, 'dist/api/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
      if (i > 600 || child.exitCode !== null) throw new Error(`${label}: the server did not start: ${stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const times = { known: [], unknown: [] };
    const once = async (email) => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      await response.arrayBuffer();
      if (response.status !== 202) throw new Error(`${label}: ${response.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 40; i++) await once(i % 2 ? KNOWN[i % KNOWN.length] : UNKNOWN[i % UNKNOWN.length]);
    for (let i = 0; i < requests; i++) {
      if (i % 2 === 0) times.known.push(await once(KNOWN[(i / 2) % KNOWN.length]));
      else times.unknown.push(await once(UNKNOWN[((i - 1) / 2) % UNKNOWN.length]));
    }
    return { label, known: stats(times.known), unknown: stats(times.unknown) };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9) };
}

function worktree(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'commonplan-bench-ref-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(dir, 'tools/build-api.mjs')], { cwd: dir, stdio: 'ignore' });
  return { dir, remove: () => execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' }) };
}

const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const results = [await measure(`${head} (this tree)`, root)];
if (args.ref) {
  const other = worktree(String(args.ref));
  try {
    results.push(await measure(`${String(args.ref).slice(0, 10)}`, other.dir));
  } finally {
    other.remove();
  }
}
const ms = (v) => v.toFixed(2);
const table = [
  '| server | known address: median / p90 (ms) | unknown address: median / p90 (ms) | known ÷ unknown (median) |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.label} | ${ms(r.known.median)} / ${ms(r.known.p90)} | ${ms(r.unknown.median)} / ${ms(r.unknown.p90)} | ${(r.known.median / r.unknown.median).toFixed(2)} |`),
].join('\n');
console.log(table);
if (!args['no-write']) {
  const docs = join(root, 'docs/benchmarks.md');
  const section = `## Password reset: answer time by address (${new Date().toISOString().slice(0, 10)})\n\n` +
    `\`npm run bench:reset -- --requests=${requests}${args.ref ? ` --ref=${args.ref}` : ''}\`: ${requests / 2} requests of each kind, alternating, from a separate process; ` +
    `${process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded PostgreSQL'}, no SMTP (mail to the outbox); ${cpus().length} cores.\n\n${table}\n`;
  const text = readFileSync(docs, 'utf8');
  const start = text.indexOf('## Password reset: answer time by address');
  const next = start === -1 ? -1 : text.indexOf('\n## ', start + 1);
  writeFileSync(docs, start === -1 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next === -1 ? '' : text.slice(next)}`);
  console.log('written to docs/benchmarks.md');
}
