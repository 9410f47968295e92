// The benchmark's own Redis: a redis-server process on a free port, without persistence, so that its CPU can be read
// from /proc/<pid>/stat like the servers' (a shared Redis would mix in other people's traffic).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../sync/servers.mjs';

/** Starts redis-server in a directory of its own (removed on stop); resolves once it accepts connections. */
export async function startRedis({ logFile } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cp-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    let seen = '';
    child.stdout.on('data', (chunk) => {
      log?.write(chunk);
      seen += chunk.toString();
      if (/Ready to accept connections/.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => log?.write(chunk));
    child.on('error', reject);
    exited.then(({ code }) => reject(new Error(`redis-server exited (${code}) before it was ready`)));
  });
  return {
    pid: child.pid,
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      log?.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
