import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { JobQueue } from '../src/platform/jobs/job-queue';
import { eventually } from './support/collab-clients';
import { TestServer } from './support/test-server';

interface Received {
  to: string[];
  text: string;
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
async function startSmtp(port = 0): Promise<{ url: string; port: number; received: Received[]; nextMessage(): Promise<Received>; close(): Promise<void> }> {
  const received: Received[] = [];
  const waiting: Array<(message: Received) => void> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = { to: session.envelope.rcptTo.map((r) => r.address), text: Buffer.concat(chunks).toString('utf8') };
        received.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', () => resolve()));
  const listening = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${listening}`,
    port: listening,
    received,
    nextMessage: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}

/**
 * A password reset answers at once and the same way for any address, so that neither its answer nor its time tells
 * which addresses have accounts: the request is recorded and the link is sent after the response, by the job queue.
 */
describe('password reset requests', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await TestServer.start({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('answers before the e-mail is sent, then sends the link through SMTP', async () => {
    const mail = smtp.nextMessage();
    const response = server.request('/api/auth/password-reset', { body: { email: 'ekspert@som.example' } });
    const first = await Promise.race([response.then(() => 'the answer'), mail.then(() => 'the e-mail')]);
    expect(first).toBe('the answer');
    expect((await response).status).toBe(202);
    const message = await mail;
    expect(message.to).toEqual(['ekspert@som.example']);
    // The body is quoted-printable: soft line breaks and "=3D" for "=".
    const body = message.text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(body)?.[1];
    expect(token).toBeDefined();
    expect((await server.request('/api/auth/password-reset/confirm', { body: { token, password: 'nowe hasło eksperta' } })).status).toBe(204);
    await server.login('ekspert@som.example', 'nowe hasło eksperta');
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const known = await server.request('/api/auth/password-reset', { body: { email: 'partner@som.example' } });
    const unknown = await server.request('/api/auth/password-reset', { body: { email: 'nie.ma.takiego@som.example' } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await eventually(() => smtp.received.some((m) => m.to.includes('partner@som.example')), 15_000, 'the known address’s e-mail');
    await server.server.app.get(JobQueue).idle();
    expect(smtp.received.some((m) => m.to.includes('nie.ma.takiego@som.example'))).toBe(false);
    // Nothing of either request is kept once done (the unknown address least of all).
    expect(await server.db.query(`SELECT kind FROM jobs`)).toEqual([]);
  });

  it('keeps a request whose e-mail could not be sent and sends it when SMTP answers again', async () => {
    await smtp.close();
    await server.request('/api/auth/password-reset', { body: { email: 'obserwator@som.example' } });
    await eventually(async () => (await server.db.query(`SELECT last_error FROM jobs WHERE last_error IS NOT NULL`)).length === 1, 15_000, 'a failed attempt');
    const [job] = await server.db.query(`SELECT attempts, run_at > now() AS later FROM jobs`);
    expect(job).toEqual({ attempts: 1, later: true });

    // SMTP is back; the retry's time comes (made now rather than waited for).
    smtp = await startSmtp(smtp.port);
    const mail = smtp.nextMessage();
    await server.db.query(`UPDATE jobs SET run_at = now()`);
    server.server.app.get(JobQueue).wake();
    expect((await mail).to).toEqual(['obserwator@som.example']);
    await server.server.app.get(JobQueue).idle();
    expect(await server.db.query(`SELECT kind FROM jobs`)).toEqual([]);
  });
});
