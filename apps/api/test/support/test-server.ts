import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/bootstrap';
import { readEml } from './eml';
import { embeddedTemplate } from './embedded-template';
import { entities } from '../../src/entities';
import { type AppConfig, loadConfig } from '../../src/platform/config/app-config';
import { Database } from '../../src/platform/database/database';

// The shared test-database helper lives in tools/ (also used by the browser suite), outside every Nx project.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

export const DEMO_PASSWORD = 'demo-ssom-2026';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/**
 * The server's environment in a test: loopback on a free port, `dataDir` as DATA_DIR, the demo seeded, login limits a
 * test does not reach, and the database at `databaseUrl` (none: the embedded one); `env` adds or overrides variables.
 */
export function testServerEnv(dataDir: string, databaseUrl: string | undefined, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://commonplan.test',
    SEED_DEMO: 'true',
    LOGIN_LIMIT_PER_IP: '10000',
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  };
}

/**
 * The whole server on a real database of its own: a fresh database on the PostgreSQL of DATABASE_URL when it is set,
 * otherwise the embedded PostgreSQL (PGlite) in memory. Listens on a free loopback port; DATA_DIR is a new
 * temporary folder (the mail outbox lands there).
 */
export class TestServer {
  private constructor(
    public server: RunningServer,
    public config: AppConfig,
    readonly dataDir: string,
    private readonly dropDatabase: (() => Promise<void>) | null,
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: { seedDemo?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'commonplan-test-'));
    const fresh = await createFreshDatabase(process.env.DATABASE_URL);
    const env = testServerEnv(dataDir, fresh?.url, { ...(options.seedDemo === false ? { SEED_DEMO: 'false' } : {}), ...options.env });
    const config = loadConfig(env);
    const database = await Database.open(config, entities, { embeddedDataDir: null, embeddedTemplate: await embeddedTemplate() });
    try {
      const server = await startServer(config, { database, logLevels: ['error'] });
      return new TestServer(server, config, dataDir, fresh ? () => fresh.drop() : null, env);
    } catch (error) {
      await database.close();
      await fresh?.drop();
      throw error;
    }
  }

  /**
   * Stops the server (storing and compacting what it holds, as at a shutdown) and starts a new one on the same
   * database, listening on a new port; with `env`, configured with those variables changed.
   */
  async restart(env: Record<string, string> = {}): Promise<void> {
    const database = this.server.database;
    if (Object.keys(env).length > 0) this.config = loadConfig({ ...this.env, ...env });
    await this.server.close();
    this.server = await startServer(this.config, { database, logLevels: ['error'] });
  }

  get url(): string {
    return this.server.url;
  }

  /**
   * A second instance of the app on the same database (as behind a load balancer): its own engine, sockets and
   * memory; with REDIS_URL in both configurations the instances hear each other's events.
   */
  async startPeer(): Promise<TestPeer> {
    const peer = await startServer(this.config, { database: this.server.database, logLevels: ['error'] });
    return {
      url: peer.url,
      server: peer,
      close: () => peer.close(),
      request: (path, options) => requestAt(peer.url, path, options),
    };
  }

  get db() {
    return this.server.database.dataSource;
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.server.database.close();
    await this.dropDatabase?.();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  request<T = any>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return requestAt<T>(this.url, path, options);
  }

  /** Signs in and returns the bearer token. */
  async login(email: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await this.request('/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.token;
  }

  /** The demo workspace's id (the seeded SSOM association). */
  async demoWorkspaceId(): Promise<string> {
    const [row] = await this.db.query(`SELECT id FROM workspaces WHERE slug = 'ssom'`);
    return row.id;
  }

  /** The e-mails written to DATA_DIR/outbox/, oldest first. */
  outbox(): { to: string; subject: string; text: string }[] {
    const dir = join(this.dataDir, 'outbox');
    let files: string[];
    try {
      files = readdirSync(dir).sort();
    } catch {
      return [];
    }
    return files.map((file) => {
      const mail = readEml(readFileSync(join(dir, file), 'utf8'));
      return { to: mail.to, subject: mail.subject, text: mail.text };
    });
  }

  /** The token of the last link to `path` mailed to `to`. */
  linkToken(to: string, path: '/invitation' | '/reset-password'): string {
    const mails = this.outbox().filter((m) => m.to === to);
    for (const mail of mails.reverse()) {
      const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
      if (match) return match[1];
    }
    throw new Error(`no ${path} link mailed to ${to}`);
  }

  /** The e-mails to `to` holding a link to `path` (invitations, resets). */
  linksMailed(to: string, path: '/invitation' | '/reset-password'): number {
    return this.outbox().filter((mail) => mail.to === to && mail.text.includes(`${path}?token=`)).length;
  }

  /**
   * The token of the last link to `path` mailed to `to`, once more than `after` such mails have arrived: mail leaves
   * from the job queue after the response, so a test waits for it.
   */
  async waitForLinkToken(to: string, path: '/invitation' | '/reset-password', after = 0, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.linksMailed(to, path) <= after) {
      if (Date.now() > deadline) throw new Error(`no ${path} link mailed to ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.linkToken(to, path);
  }
}

/** Another instance of the app on a TestServer's database (TestServer.startPeer). */
export interface TestPeer {
  url: string;
  server: RunningServer;
  request<T = any>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

async function requestAt<T = any>(base: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${base}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}
