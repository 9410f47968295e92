import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from './spawned-server';

/**
 * A Redis server of the test's own (the machine's `redis-server`), on a free port with nothing persisted, so that a
 * test can stop it and start it again (an outage) without touching the Redis other suites share.
 */
export class RedisProcess {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisProcess> {
    if (spawnSync('redis-server', ['--version']).status !== 0) {
      throw new Error('these tests start their own Redis and need `redis-server` (Debian: apt-get install redis-server)');
    }
    const port = await freePort();
    const redis = new RedisProcess(port);
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again, after stop) on the same port, and waits until it answers. */
  async resume(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.child = child;
    // A test process that ends without its afterAll (killed, timed out) takes its Redis with it.
    const orphaned = () => child.kill('SIGKILL');
    process.once('exit', orphaned);
    child.once('exit', () => process.off('exit', orphaned));
    const deadline = Date.now() + 15_000;
    for (;;) {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      const answered = await client.connect().then(() => client.ping(), () => null);
      client.disconnect();
      if (answered === 'PONG') return;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Kills the server at once (SIGKILL), as a crash or a partition looks to its clients. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
