import { JobQueue } from '../src/platform/jobs/job-queue';
import { TestServer } from './support/test-server';

describe('sign-in, sessions and password reset', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  it('signs the demo coordinator in with a bearer token, an httpOnly cookie and a CSRF cookie', async () => {
    const response = await server.request('/api/auth/login', {
      body: { email: 'Koordynator@SOM.example', password: 'demo-ssom-2026' },
    });
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.body.user).toMatchObject({ email: 'koordynator@som.example', displayName: 'Koordynator Biura SSOM' });
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('cp_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('cp_csrf='))).not.toMatch(/HttpOnly/);

    const me = await server.request('/api/auth/me', { token: response.body.token });
    expect(me.status).toBe(200);
    expect(me.body.workspaces).toEqual([
      expect.objectContaining({ name: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”', shortName: 'SSOM', role: 'coordinator' }),
    ]);
  });

  it('answers 401 to a wrong password, an unknown address and a missing or bad token, never telling which', async () => {
    const wrong = await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: 'not-the-password' } });
    const unknown = await server.request('/api/auth/login', { body: { email: 'nobody@som.example', password: 'whatever-it-is' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect((await server.request('/api/auth/me')).status).toBe(401);
    expect((await server.request('/api/auth/me', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await server.request('/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('names the field when the login body is malformed', async () => {
    const response = await server.request('/api/auth/login', { body: { email: 'not-an-address', password: '' } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    const broken = await server.request('/api/auth/login', { body: '{"email": "x' });
    expect(broken.status).toBe(400);
    const huge = await server.request('/api/auth/login', { body: { email: 'a@b.pl', password: 'x'.repeat(2_000_000) } });
    expect(huge.status).toBe(413);
  });

  it('accepts the session cookie for reads and demands the CSRF header for writes', async () => {
    const login = await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: 'demo-ssom-2026' } });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const cookieHeader = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('cp_csrf='))!.slice('cp_csrf='.length);

    const me = await server.request('/api/auth/me', { headers: { cookie: cookieHeader } });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('ekspert@som.example');

    const forged = await server.request('/api/auth/logout', { method: 'POST', headers: { cookie: cookieHeader } });
    expect(forged.status).toBe(403);
    const wrongToken = await server.request('/api/auth/logout', { method: 'POST', headers: { cookie: cookieHeader, 'x-csrf-token': 'abc' } });
    expect(wrongToken.status).toBe(403);
    const logout = await server.request('/api/auth/logout', { method: 'POST', headers: { cookie: cookieHeader, 'x-csrf-token': csrf } });
    expect(logout.status).toBe(204);
    expect((await server.request('/api/auth/me', { headers: { cookie: cookieHeader } })).status).toBe(401);
  });

  it('revokes the token at logout and refuses an expired session', async () => {
    const token = await server.login('partner@som.example');
    expect((await server.request('/api/auth/logout', { method: 'POST', token })).status).toBe(204);
    expect((await server.request('/api/auth/me', { token })).status).toBe(401);

    const other = await server.login('partner@som.example');
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL`);
    const expired = await server.request('/api/auth/me', { token: other });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('resets a password by e-mail link: once, with a decent password, signing out every session', async () => {
    const email = 'obserwator@som.example';
    const before = await server.login(email);
    const requested = await server.request('/api/auth/password-reset', { body: { email } });
    expect(requested.status).toBe(202);
    const token = await server.waitForLinkToken(email, '/reset-password');

    const weak = await server.request('/api/auth/password-reset/confirm', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/at least 10/), code: 'password_too_short' }]);

    const done = await server.request('/api/auth/password-reset/confirm', { body: { token, password: 'nowe-hasło-obserwatora' } });
    expect(done.status).toBe(204);
    expect((await server.request('/api/auth/me', { token: before })).status).toBe(401);
    expect((await server.request('/api/auth/login', { body: { email, password: 'demo-ssom-2026' } })).status).toBe(401);
    await server.login(email, 'nowe-hasło-obserwatora');

    const again = await server.request('/api/auth/password-reset/confirm', { body: { token, password: 'jeszcze-inne-hasło' } });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('token');
  });

  it('answers a reset request for an unknown address the same way and sends nothing', async () => {
    const mailsBefore = server.outbox().length;
    const response = await server.request('/api/auth/password-reset', { body: { email: 'nikt@som.example' } });
    expect(response.status).toBe(202);
    // The request is looked into after the response: once the queue has run it, nothing was sent and nothing is left.
    await server.server.app.get(JobQueue).idle();
    expect(server.outbox()).toHaveLength(mailsBefore);
    expect(await server.db.query(`SELECT * FROM jobs`)).toEqual([]);
  });

  it('refuses sign-in, sign-out and reset posted from another site, and bodies that are not JSON (login CSRF)', async () => {
    const form = 'email=koordynator%40som.example&password=demo-ssom-2026';
    const crossSiteForm = await server.request('/api/auth/login', {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(crossSiteForm.status).toBe(403);
    expect(crossSiteForm.headers.getSetCookie()).toEqual([]);
    // A form without Origin (or a same-site one) is still not JSON.
    const plainForm = await server.request('/api/auth/login', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(plainForm.status).toBe(415);
    expect(plainForm.headers.getSetCookie()).toEqual([]);
    // text/plain is what a cross-site form can send as "JSON".
    const textPlain = await server.request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'koordynator@som.example', password: 'demo-ssom-2026' }),
      headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
    });
    expect(textPlain.status).toBe(403);
    expect((await server.request('/api/auth/login', { body: { email: 'koordynator@som.example', password: 'demo-ssom-2026' }, headers: { origin: 'null' } })).status).toBe(403);

    const token = await server.login('ekspert@som.example');
    expect((await server.request('/api/auth/logout', { method: 'POST', token, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await server.request('/api/auth/me', { token })).status).toBe(200);
    expect((await server.request('/api/auth/password-reset', { body: { email: 'ekspert@som.example' }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await server.request('/api/auth/password-reset/confirm', { body: { token: 'x', password: 'y'.repeat(12) }, headers: { origin: 'https://evil.example' } })).status).toBe(403);

    // The site itself (its public address, or the address it was reached at) signs in as before.
    const own = await server.request('/api/auth/login', { body: { email: 'koordynator@som.example', password: 'demo-ssom-2026' }, headers: { origin: 'http://commonplan.test' } });
    expect(own.status).toBe(200);
    const local = await server.request('/api/auth/login', { body: { email: 'koordynator@som.example', password: 'demo-ssom-2026' }, headers: { origin: server.url, 'sec-fetch-site': 'same-origin' } });
    expect(local.status).toBe(200);
  });

  it('records sign-ins, failures and resets in the system audit chain', async () => {
    const rows = await server.db.query(`SELECT action FROM audit_entries WHERE chain = 'system' ORDER BY seq`);
    const actions = rows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.logout', 'auth.password_reset_requested', 'auth.password_reset']));
  });
});
