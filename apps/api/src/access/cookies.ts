import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/** The session cookie (httpOnly) and the CSRF cookie the web app reads and echoes in the x-csrf-token header. */
export const SESSION_COOKIE = 'cp_session';
export const CSRF_COOKIE = 'cp_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie is httpOnly; the CSRF cookie is readable so the web app can echo it in a header. */
export function setSessionCookies(res: Response, signedIn: { token: string; expiresAt: Date }, secure: boolean): void {
  const common = { sameSite: 'lax' as const, secure, path: '/', expires: signedIn.expiresAt };
  res.cookie(SESSION_COOKIE, signedIn.token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, httpOnly: false });
}
