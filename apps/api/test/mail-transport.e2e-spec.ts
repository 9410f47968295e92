import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { MailOutbox } from '../src/notifications/mail-outbox';
import { Notifier } from '../src/notifications/notifier';
import { eventually } from './support/collab-clients';
import { type TestSmtp, startSmtp } from './support/smtp';
import { TestServer } from './support/test-server';

/**
 * How the outbox talks to SMTP: through a pool of MAIL_CONCURRENCY connections (not one per message), and giving up on a
 * silent server well within the lease, so that no other worker can take a message that is still being sent.
 */
describe('the mail transport', () => {
  const notifyAll = async (server: TestServer, key: string, count: number) => {
    const ws = await server.demoWorkspaceId();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [user] = await server.db.query(`INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id`, [`${key}.${i}@gmina.example`, `Osoba ${i}`]);
      await server.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'expert')`, [ws, user.id]);
      ids.push(user.id);
    }
    await server.db.transaction((manager) =>
      server.server.app.get(Notifier).notify(manager, { kind: 'vote_opened', workspaceId: ws, key: `vote_opened:${key}`, recipients: ids, link: `/w/${ws}/decisions`, params: { resolution: 'Uchwała', closesAt: null } }),
    );
  };

  describe('with a working SMTP server', () => {
    let smtp: TestSmtp;
    let server: TestServer;
    beforeAll(async () => {
      smtp = await startSmtp();
      server = await TestServer.start({ env: { SMTP_URL: smtp.url, MAIL_CONCURRENCY: '2' } });
    });
    afterAll(async () => {
      await server?.close();
      await smtp?.close();
    });

    it('sends many messages over at most MAIL_CONCURRENCY pooled connections', async () => {
      await notifyAll(server, 'pool', 20);
      await smtp.waitFor((r) => r.length >= 20, 'twenty messages');
      await server.server.app.get(MailOutbox).idle();
      expect(smtp.received).toHaveLength(20);
      expect(smtp.connections()).toBeLessThanOrEqual(2);
    });
  });

  describe('with an SMTP server that never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    let server: TestServer;
    beforeAll(async () => {
      silent = createServer((socket) => sockets.push(socket)); // accepts, never greets
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
      const port = (silent.address() as AddressInfo).port;
      // A 3 s lease: SMTP must give up after a third of it.
      server = await TestServer.start({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_LEASE_SECONDS: '3', MAIL_MAX_ATTEMPTS: '1' } });
    });
    afterAll(async () => {
      await server?.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up within the lease, after one attempt, and records why', async () => {
      await notifyAll(server, 'silent', 1);
      await eventually(
        async () => (await server.db.query(`SELECT status FROM mail_outbox WHERE event_key = 'vote_opened:silent'`))[0]?.status === 'failed',
        10_000,
        'the message to fail',
      );
      // Given up by SMTP's own timeout (a third of the lease, smtpTimeoutMs), not by a lease running out: one attempt.
      const [row] = await server.db.query(`SELECT attempts, last_error FROM mail_outbox WHERE event_key = 'vote_opened:silent'`);
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/timeout/i);
    });
  });
});
