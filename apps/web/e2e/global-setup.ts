// Starts the built server once for all browser tests: a free port, a fresh DATA_DIR and a fresh database
// (PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR), with the SSOM demo data.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../../..');

type FreshDatabase = { url: string; drop: () => Promise<void> } | null;

/** tools/accessibility-audit.mjs: the axe checks of the run, summarised. */
async function summariseChecks(): Promise<void> {
  const tool = (await import(pathToFileURL(join(root, 'tools/accessibility-audit.mjs')).href)) as { summariseChecks: () => unknown };
  tool.summariseChecks();
}

/** tools/test-db.mjs, shared with the API suites (loaded by path: it is a workspace tool, not a library). */
async function createFreshDatabase(): Promise<FreshDatabase> {
  const tool = (await import(pathToFileURL(join(root, 'tools/test-db.mjs')).href)) as { createFreshDatabase: () => Promise<FreshDatabase> };
  return tool.createFreshDatabase();
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function ensureBuilt(): void {
  if (existsSync(join(root, 'dist/api/main.js')) && existsSync(join(root, 'dist/web/index.html'))) return;
  console.log('browser tests: dist/api or dist/web is missing; building them first');
  const built = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build for the browser tests failed');
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /api/health within 90 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  ensureBuilt();
  // This run's axe checks only (support/axe.ts appends to it; summarised at the end for the accessibility statement).
  rmSync(join(root, 'reports/axe-checks.jsonl'), { force: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'commonplan-e2e-'));
  const database = await createFreshDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    SEED_DEMO: 'true',
    // Many sign-ins from one address in a few minutes are the tests, not an attack.
    LOGIN_LIMIT_PER_IP: '1000',
    // The public comment forms of every browser test come from this one address.
    PUBLIC_COMMENTS_PER_IP: '1000',
  };
  delete env.SMTP_URL;
  delete env.WEB_DIST;
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  let output = '';
  const server = spawn(process.execPath, [join(root, 'dist/api/main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // The server's log is kept in reports/e2e-server.log, and its warnings and errors are printed at the end: a failure
  // on a CI machine is read from its output alone.
  async function keepLog() {
    mkdirSync(join(root, 'reports'), { recursive: true });
    await summariseChecks();
    writeFileSync(join(root, 'reports/e2e-server.log'), output);
    const notable = output.split('\n').filter((line) => /\b(WARN|ERROR)\b/i.test(line));
    if (notable.length > 0) console.log(['browser tests: the server warned or failed:', ...notable.slice(-40)].join('\n'));
  }

  async function teardown() {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await keepLog();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitForHealth(baseUrl, server, () => output);
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(`browser tests: server on ${baseUrl} (${database ? 'PostgreSQL' : 'embedded PGlite'})`);
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return teardown;
}
