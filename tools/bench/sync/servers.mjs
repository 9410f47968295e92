// Launchers of the three servers under test, each in its own process: Commonplan (the built dist, with PostgreSQL
// persistence), Hocuspocus 3.4.x in memory and the y-websocket 1.x reference server in memory. All are started with
// --expose-gc and the same memory hook (servers/mem-hook.cjs), so memory is measured the same way for each.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const here = import.meta.dirname;
const root = join(here, '../../..');
const memHook = join(here, 'servers/mem-hook.cjs');

export const SERVERS = {
  commonplan: { label: 'Commonplan', client: 'y-websocket' },
  hocuspocus: { label: 'Hocuspocus 3.4.4', client: 'hocuspocus' },
  'y-websocket': { label: 'y-websocket 1.5.4', client: 'y-websocket' },
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server. `kind`: commonplan | hocuspocus | y-websocket. For commonplan, `db` (the database URL) and
 * `dataDir` are required. `profile`: a directory to write a V8 CPU profile into when the process exits. `extraEnv`:
 * more environment for Commonplan (to try a setting, e.g. COLLAB_COMPACT_ROWS). `main`: the built server to run.
 */
export async function startServer(kind, { db, dataDir, logFile, profile, profileName, extraEnv = {}, main = join(root, 'dist/api/main.js') } = {}) {
  const port = await freePort();
  const nodeArgs = ['--expose-gc', '--require', memHook];
  if (profile) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profile}`, `--cpu-prof-name=${profileName ?? `${kind}.cpuprofile`}`);
  let args;
  let env = { ...process.env };
  delete env.NODE_OPTIONS;
  if (kind === 'commonplan') {
    args = [...nodeArgs, main];
    env = {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      DATA_DIR: dataDir,
      DATABASE_URL: db,
      LOGIN_LIMIT_PER_IP: '100000',
      LOGIN_LIMIT_PER_ACCOUNT: '10000', // the configuration's maximum
      COLLAB_IDLE_UNLOAD_SECONDS: '3600',
      ...extraEnv,
    };
  } else {
    args = [...nodeArgs, join(here, `servers/${kind}.mjs`), String(port)];
  }
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const memWaiters = [];
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    log?.write(chunk);
    buffered += chunk.toString();
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const m = /\[bench-mem\] (.*)$/.exec(line);
      if (m) memWaiters.shift()?.(JSON.parse(m[1]));
    }
  });
  child.stderr.on('data', (chunk) => log?.write(chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let dead = false;
  exited.then(() => {
    dead = true;
    log?.end();
  });

  const httpUrl = `http://127.0.0.1:${port}`;
  await waitReady(kind === 'commonplan' ? `${httpUrl}/api/health` : httpUrl, () => dead);

  const server = {
    kind,
    pid: child.pid,
    port,
    client: SERVERS[kind].client,
    url: kind === 'commonplan' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
    token: null,
    workspaceId: null,
    async createDocuments(n) {
      if (kind !== 'commonplan') return Array.from({ length: n }, () => randomUUID());
      const ids = [];
      let next = 0;
      const worker = async () => {
        while (next < n) {
          const i = next++;
          const res = await api(`/api/workspaces/${server.workspaceId}/documents`, {
            method: 'POST',
            body: { title: `bench ${i}`, kind: 'other' },
          });
          ids[i] = res.id;
        }
      };
      await Promise.all(Array.from({ length: Math.min(8, n) }, worker));
      return ids;
    },
    /** Collects garbage in the server (mem-hook) and returns its memoryUsage() and /proc RSS. */
    gcAndMeasure() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${kind}: no answer to SIGUSR2`)), 10_000);
        memWaiters.push((usage) => {
          clearTimeout(timer);
          resolve(usage);
        });
        child.kill('SIGUSR2');
      });
    },
    async stop() {
      if (dead) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    exited,
  };

  async function api(path, { method = 'GET', body } = {}) {
    const res = await fetch(httpUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(server.token ? { authorization: `Bearer ${server.token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  if (kind === 'commonplan') {
    const login = await api('/api/auth/login', { method: 'POST', body: { email: 'koordynator@som.example', password: 'demo-ssom-2026' } });
    server.token = login.token;
    const me = await api('/api/auth/me');
    server.workspaceId = me.workspaces[0].id;
  }
  return server;
}

async function waitReady(url, isDead, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`the server exited before it was ready (${url})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not become ready: ${url}`);
}
