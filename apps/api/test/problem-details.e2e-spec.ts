import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ApiResponse, TestServer } from './support/test-server';

// Every error of the API is RFC 9457 problem details with a stable code (platform/http/problem-codes.ts), which the
// web app translates instead of the English detail.
describe('errors as problem details', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;

  /** Checks the media type and the members every problem has, and returns the body. */
  const problemOf = (response: ApiResponse, status: number, code: string) => {
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(response.body).toMatchObject({
      type: `urn:commonplan:problem:${code}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
      statusCode: status,
    });
    expect(response.body.message).toBe(response.body.detail);
    return response.body;
  };

  beforeAll(async () => {
    server = await TestServer.start({ env: { LOGIN_LIMIT_PER_ACCOUNT: '3' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
  });
  afterAll(() => server?.close());

  it('400: names the fields, with their codes, under errors', async () => {
    const body = problemOf(await server.request('/api/auth/login', { body: { email: 'not-an-address', password: 'x' } }), 400, 'validation_failed');
    expect(body.errors).toEqual([{ field: 'email', message: 'email must be an e-mail address', code: 'invalid_email' }]);
    expect(body.instance).toBe('/api/auth/login');

    const unknownField = problemOf(await server.request('/api/auth/login', { body: { email: 'a@b.pl', password: 'x', extra: 1 } }), 400, 'validation_failed');
    expect(unknownField.errors).toEqual([{ field: 'extra', message: 'property extra should not exist' }]);

    const reset = problemOf(await server.request('/api/auth/password-reset/confirm', { body: { token: 'no-such-token', password: 'a-good-long-password' } }), 400, 'reset_token_invalid');
    expect(reset.errors).toEqual([{ field: 'token', message: 'token is invalid, used or expired', code: 'reset_token_invalid' }]);

    problemOf(await server.request('/api/auth/login', { body: '{"email": ', headers: { 'content-type': 'application/json' } }), 400, 'bad_request');
  });

  it('401: not signed in, a session that ended, wrong credentials', async () => {
    problemOf(await server.request('/api/auth/me'), 401, 'unauthorized');
    problemOf(await server.request('/api/auth/me', { token: 'a'.repeat(43) }), 401, 'session_invalid');
    const wrong = problemOf(await server.request('/api/auth/login', { body: { email: 'obserwator@som.example', password: 'not-the-password' } }), 401, 'wrong_credentials');
    expect(wrong.detail).toBe('wrong e-mail or password');
  });

  it('403: a role that may not, and a write from another site', async () => {
    problemOf(await server.request(`/api/workspaces/${ws}/invitations`, { token: expert }), 403, 'forbidden');
    const crossSite = await server.request('/api/auth/login', { body: { email: 'a@b.pl', password: 'x' }, headers: { origin: 'https://elsewhere.example' } });
    expect(problemOf(crossSite, 403, 'forbidden').instance).toBe('/api/auth/login');
  });

  it('404: an unknown route, and a person who is not in the workspace', async () => {
    problemOf(await server.request('/api/nothing-here?x=1'), 404, 'not_found');
    const missing = '00000000-0000-4000-8000-000000000000';
    const person = problemOf(await server.request(`/api/workspaces/${ws}/people/${missing}`, { method: 'PATCH', token: coordinator, body: { role: 'expert' } }), 404, 'person_not_found');
    expect(person.instance).toBe(`/api/workspaces/${ws}/people/${missing}`);
    problemOf(await server.request('/api/invitations/not-a-token'), 404, 'invitation_not_found');
  });

  it('409: the rules of memberships, each with its own code', async () => {
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as { membershipId: string; email?: string }[];
    const self = people.find((p) => p.email === 'koordynator@som.example')!;
    problemOf(await server.request(`/api/workspaces/${ws}/people/${self.membershipId}/deactivate`, { method: 'POST', token: coordinator }), 409, 'deactivate_self');
    problemOf(await server.request(`/api/workspaces/${ws}/people/${self.membershipId}`, { method: 'PATCH', token: coordinator, body: { role: 'expert' } }), 409, 'last_coordinator');
    problemOf(await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator, body: { email: 'ekspert@som.example', role: 'expert' } }), 409, 'already_member');
  });

  it('413 and 415: bodies the server does not take', async () => {
    problemOf(await server.request('/api/auth/login', { body: { email: 'a@b.pl', password: 'x'.repeat(1_100_000) } }), 413, 'payload_too_large');
    problemOf(await server.request('/api/auth/login', { body: 'email=a', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
  });

  it('429: says how long to wait, in the header and the body', async () => {
    for (let i = 0; i < 3; i++) await server.request('/api/auth/login', { body: { email: 'partner@som.example', password: `guess-${i}` } });
    const locked = problemOf(await server.request('/api/auth/login', { body: { email: 'partner@som.example', password: 'guess' } }), 429, 'too_many_requests');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document the web app is generated from', async () => {
    const served = await server.request('/api/docs-json');
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../web/src/api/openapi.json'), 'utf8'));
    expect(served.body).toEqual(committed);
  });
});
