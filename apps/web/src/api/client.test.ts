import { describe, expect, it } from 'vitest';
import { readCookie, toApiError } from './client';

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

  it('copes with a body that is not JSON', () => {
    const error = toApiError(502, null);
    expect(error.message).toBe('');
    expect(error.fieldErrors).toEqual([]);
  });
});
