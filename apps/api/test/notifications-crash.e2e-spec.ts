import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { anchorPassage, editorSchema, RICH_TEXT_FIELD } from '@commonplan/editor';
import { DEMO_PASSWORD } from '../src/demo/demo-seeder';
import { type TestSmtp, startSmtp } from './support/smtp';
import { builtServer } from './support/built-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

const freePort = () =>
  new Promise<number>((resolvePort) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });

/**
 * The outbox across a crash: the built server records notifications with the changes that cause them, is killed with
 * SIGKILL while the SMTP server holds every message unanswered (so none was accepted), and is started again on the
 * same storage: every message then arrives, and none twice.
 */
describe('notifications across a crash (kill -9 between the change and the sending)', () => {
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | null;
  let port: number;
  let child: ChildProcess | null = null;
  let smtp: TestSmtp;
  let holding = true;

  /**
   * The first server leases each message for 3 s, so that those it holds at the crash are due soon after. The restarted
   * one leases for 30 s: its SMTP timeout is a third of the lease, and 1 s was too short for a loaded machine, where
   * the test's SMTP server accepted a message after the sender had given up on it and sent it again.
   */
  const start = async (leaseSeconds = 3) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      PUBLIC_URL: 'http://commonplan.test',
      SMTP_URL: smtp.url,
      MAIL_LEASE_SECONDS: String(leaseSeconds),
      LOGIN_LIMIT_PER_IP: '10000',
    };
    delete env.DATABASE_URL;
    if (database) env.DATABASE_URL = database.url;
    child = spawn(process.execPath, [builtServer()], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the server did not start');
  };

  const api = async (path: string, options: { token?: string; body?: unknown; method?: string } = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const login = async (email: string) => (await api('/api/auth/login', { body: { email, password: DEMO_PASSWORD } })).body.token as string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'commonplan-mail-crash-'));
    database = await createFreshDatabase(process.env.DATABASE_URL);
    port = await freePort();
    // Every connection of the first server is held; the restarted server's are answered.
    smtp = await startSmtp({ holdConnections: () => holding });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    await smtp?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and sends nothing twice', async () => {
    await start();
    const coordinator = await login('koordynator@som.example');
    const [workspace] = (await api('/api/workspaces', { token: coordinator })).body as Array<{ id: string }>;
    const people = (await api(`/api/workspaces/${workspace.id}/people`, { token: coordinator })).body as Array<{ userId: string; email: string; role: string }>;
    const mentioned = people.filter((p) => p.role === 'coordinator' || p.role === 'expert' || p.role === 'observer').filter((p) => p.email !== 'koordynator@som.example');
    expect(mentioned.length).toBeGreaterThanOrEqual(2);
    const documentId = (await api(`/api/workspaces/${workspace.id}/documents`, { token: coordinator, body: { title: 'Strategia po awarii', kind: 'sector_plan' } })).body.id as string;

    // Anchors as an editor makes them (the server only checks that they are relative positions).
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Cel 1. Transport publiczny.');
    paragraph.insert(0, [text]);
    doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
    const { mapping } = initProseMirrorDoc(doc.getXmlFragment(RICH_TEXT_FIELD), editorSchema());
    const anchor = anchorPassage(doc.getXmlFragment(RICH_TEXT_FIELD), 1, 7, mapping);

    // Ten comments, each mentioning the others: every one of them commits an e-mail per person in the outbox.
    const comments = 10;
    for (let i = 0; i < comments; i++) {
      const created = await api(`/api/documents/${documentId}/comments`, {
        token: coordinator,
        body: { anchor, quote: 'Cel 1.', body: `Uwaga ${i} @wszyscy`, mentions: mentioned.map((p) => p.userId) },
      });
      expect(created.status).toBe(201);
    }
    const expected = comments * mentioned.length;
    // The SMTP server has the first messages in hand and answers none of them.
    await smtp.waitFor(() => smtp.held() > 0, 'the first message at the SMTP server', 30_000);
    expect(smtp.received).toHaveLength(0);

    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGKILL');
    await exited;

    holding = false;
    await start(30);
    // Every message arrives (those in hand at the crash once their lease of 3 s is over) …
    await smtp.waitFor((r) => r.length >= expected, `${expected} messages after the restart`, 60_000);
    // … and none twice: wait until the outbox is empty, then count each (recipient, comment) once.
    const coordinatorAgain = await login('koordynator@som.example');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const counts = (await api(`/api/workspaces/${workspace.id}/mail-deliveries`, { token: coordinatorAgain })).body.counts;
      if (counts.pending === 0) {
        expect(counts.sent).toBe(expected);
        break;
      }
      if (Date.now() > deadline) throw new Error(`the outbox did not empty: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const deliveries = smtp.received.map((m) => `${m.to.join(',')} ${/Uwaga \d+/.exec(m.text)?.[0]}`);
    expect(deliveries).toHaveLength(expected);
    expect(new Set(deliveries).size).toBe(expected);
  }, 240_000);
});
