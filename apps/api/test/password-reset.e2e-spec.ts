import { JobQueue } from '../src/platform/jobs/job-queue';
import { eventually } from './support/collab-clients';
import { startSmtp, type TestSmtp } from './support/smtp';
import { TestServer } from './support/test-server';

/**
 * A password reset answers at once and the same way for any address, so that neither its answer nor its time tells
 * which addresses have accounts: the request is recorded and the link is sent after the response, by the job queue.
 */
describe('password reset requests', () => {
  let smtp: TestSmtp;
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
    // How many e-mails had arrived when the answer came: none, the link leaves after the response.
    const response = server.request('/api/auth/password-reset', { body: { email: 'ekspert@som.example' } }).then((answer) => ({ answer, mailsBefore: smtp.received.length }));
    const { answer, mailsBefore } = await response;
    expect(answer.status).toBe(202);
    expect(mailsBefore).toBe(0);
    await smtp.waitFor((received) => received.length > 0, 'the e-mail');
    const [message] = smtp.received;
    expect(message.to).toEqual(['ekspert@som.example']);
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    expect(token).toBeDefined();
    expect((await server.request('/api/auth/password-reset/confirm', { body: { token, password: 'nowe hasło eksperta' } })).status).toBe(204);
    await server.login('ekspert@som.example', 'nowe hasło eksperta');
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const known = await server.request('/api/auth/password-reset', { body: { email: 'partner@som.example' } });
    const unknown = await server.request('/api/auth/password-reset', { body: { email: 'nie.ma.takiego@som.example' } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await smtp.waitFor((received) => received.some((m) => m.to.includes('partner@som.example')), 'the known address’s e-mail');
    await server.server.app.get(JobQueue).idle();
    expect(smtp.received.some((m) => m.to.includes('nie.ma.takiego@som.example'))).toBe(false);
    // Nothing of either request is kept once done (the unknown address least of all).
    expect(await server.db.query(`SELECT kind FROM jobs`)).toEqual([]);
  });

  it('keeps a request whose e-mail could not be sent and sends it when SMTP answers again', async () => {
    await smtp.close(); // also ends the connection the app's mail pool keeps open
    await server.request('/api/auth/password-reset', { body: { email: 'obserwator@som.example' } });
    await eventually(async () => (await server.db.query(`SELECT last_error FROM jobs WHERE last_error IS NOT NULL`)).length === 1, 15_000, 'a failed attempt');
    const [job] = await server.db.query(`SELECT attempts, run_at > now() AS later FROM jobs`);
    expect(job).toEqual({ attempts: 1, later: true });

    // SMTP is back; the retry's time comes (made now rather than waited for).
    smtp = await startSmtp({ port: smtp.port });
    await server.db.query(`UPDATE jobs SET run_at = now()`);
    server.server.app.get(JobQueue).wake();
    await smtp.waitFor((received) => received.length > 0, 'the e-mail sent again');
    expect(smtp.received.map((m) => m.to)).toEqual([['obserwator@som.example']]);
    await server.server.app.get(JobQueue).idle();
    expect(await server.db.query(`SELECT kind FROM jobs`)).toEqual([]);
  });
});
