import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiClient, call, readCookie, setUnauthorizedHandler, toApiError } from './client';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('cp_csrf', 'a=1; cp_csrf=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCookie('cp_csrf', 'cp_csrf_x=1')).toBeNull();
    expect(readCookie('cp_csrf', '')).toBeNull();
  });
});

describe('toApiError', () => {
  it('reads the message, field errors and retry time of an error body', () => {
    const error = toApiError(429, {
      statusCode: 429,
      message: 'too many sign-in attempts',
      retryAfterSeconds: 30,
      errors: [{ field: 'email', message: 'bad' }, { nonsense: true }],
    });
    expect(error.status).toBe(429);
    expect(error.message).toBe('too many sign-in attempts');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'bad' }]);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('reads problem details: the code, the detail as the message, and the field problems with their codes', () => {
    const error = toApiError(400, {
      type: 'urn:commonplan:problem:validation_failed',
      title: 'Some fields are not valid',
      status: 400,
      detail: 'email must be an e-mail address',
      code: 'validation_failed',
      errors: [{ field: 'email', message: 'email must be an e-mail address', code: 'invalid_email' }],
      statusCode: 400,
      message: 'older wording',
    });
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('email must be an e-mail address');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'email must be an e-mail address', code: 'invalid_email' }]);
  });

  it('copes with a body that is not JSON', () => {
    const error = toApiError(502, null);
    expect(error.message).toBe('');
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('the typed client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(null);
    document.cookie = 'cp_csrf=; max-age=0';
  });

  const answer = (status: number, body: unknown) =>
    new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

  it('sends a write with the CSRF header, its path parameters filled in and its JSON body, through the fetch of the moment', async () => {
    document.cookie = 'cp_csrf=token-123';
    const seen: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return answer(200, { ended: 2 });
    });
    await expect(call(apiClient.POST('/api/auth/sessions/end-others'))).resolves.toEqual({ ended: 2 });
    await call(apiClient.PATCH('/api/workspaces/{workspaceId}/people/{membershipId}', { params: { path: { workspaceId: 'w1', membershipId: 'm1' } }, body: { role: 'expert', organisationId: null } }));
    expect(seen.map((s) => [s.init.method, s.url, (s.init.headers as Record<string, string>)['x-csrf-token'], s.init.body])).toEqual([
      ['POST', '/api/auth/sessions/end-others', 'token-123', undefined],
      ['PATCH', '/api/workspaces/w1/people/m1', 'token-123', JSON.stringify({ role: 'expert', organisationId: null })],
    ]);
  });

  it('turns problem details into ApiError, and a 401 of a workspace route signs the app out', async () => {
    const signedOut = vi.fn();
    setUnauthorizedHandler(signedOut);
    vi.stubGlobal('fetch', async () => answer(409, { status: 409, code: 'last_coordinator', detail: 'the workspace must keep at least one active coordinator' }));
    const refused = await call(apiClient.POST('/api/workspaces/{workspaceId}/people/{membershipId}/deactivate', { params: { path: { workspaceId: 'w1', membershipId: 'm1' } } })).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect([refused.status, refused.code, refused.message]).toEqual([409, 'last_coordinator', 'the workspace must keep at least one active coordinator']);
    expect(signedOut).not.toHaveBeenCalled();

    vi.stubGlobal('fetch', async () => answer(401, { status: 401, code: 'session_invalid', detail: 'ended' }));
    await expect(call(apiClient.GET('/api/workspaces/{workspaceId}/people', { params: { path: { workspaceId: 'w1' } } }))).rejects.toMatchObject({ status: 401, code: 'session_invalid' });
    expect(signedOut).toHaveBeenCalledTimes(1);
    await expect(call(apiClient.GET('/api/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('says status 0 when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(call(apiClient.GET('/api/auth/me'))).rejects.toMatchObject({ status: 0 });
  });
});
