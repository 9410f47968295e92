import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { builtServer } from './built-server';

/** A free loopback port (taken by the next listener, as the probe closes). */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The built server as a process of its own (test/support/global-setup.mjs builds it), for tests that kill it with
 * SIGKILL as a crash would. `env` is added to the test's environment (NODE_OPTIONS cleared; DATABASE_URL only if given).
 */
export class SpawnedServer {
  private stderr = '';
  /** What the server wrote to stdout (its log), when started with `captureStdout`. */
  stdout = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stderr?.on('data', (chunk) => (this.stderr += chunk));
    child.stdout?.on('data', (chunk) => (this.stdout += chunk));
  }

  static async start(env: Record<string, string>, options: { captureStdout?: boolean } = {}): Promise<SpawnedServer> {
    const port = await freePort();
    const full: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), ...env };
    if (!env.DATABASE_URL) delete full.DATABASE_URL;
    const server = new SpawnedServer(spawn(process.execPath, [builtServer()], { env: full, stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'] }), `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (server.child.exitCode !== null) throw new Error(`the server exited: ${server.stderr}`);
      if (await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false)) return server;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await server.kill();
    throw new Error(`the server did not start: ${server.stderr}`);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends a signal, as an orchestrator does (SIGTERM: shut down gracefully). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resolves with the exit code once the process has exited (null when a signal ended it). */
  exited(): Promise<number | null> {
    if (!this.running) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** SIGKILL: nothing is stored or closed on the way out. */
  async kill(): Promise<void> {
    if (this.running) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGKILL');
      await exited;
    }
    this.child.stderr?.destroy();
    this.child.stdout?.destroy();
  }
}
