import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from './cookies';
import type { SessionStore } from './session-store';

/**
 * The bearer token of the handshake (`auth: { token }`), or else the web app's session cookie, which is accepted only
 * from the server's own origin: a page of another site must not ride on the person's cookie (cross-site WebSocket
 * hijacking), and SameSite=Lax already keeps the cookie off such requests.
 */
function handshakeCredential(socket: Socket): { token: string; via: 'bearer' | 'cookie' } | null {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof token === 'string' && token !== '') return { token, via: 'bearer' };
  const { origin, host, cookie } = socket.handshake.headers;
  if (!cookie || !origin || !host) return null;
  try {
    if (new URL(origin).host !== host) return null;
  } catch {
    return null;
  }
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return { token: decodeURIComponent(value.join('=')), via: 'cookie' };
  }
  return null;
}

/**
 * socket.io middleware of every namespace: authenticates the handshake and keeps the principal in `socket.data`, or
 * refuses the connection with `{ code: 'unauthorized' }` (`'unavailable'` when the session store cannot answer).
 */
export function socketAuthentication(sessions: SessionStore) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const fail = () => next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } }));
    const credential = handshakeCredential(socket);
    if (!credential) return fail();
    sessions.authenticate(credential.token, credential.via).then(
      (principal) => {
        if (!principal) return fail();
        socket.data.principal = principal;
        next();
      },
      () => next(Object.assign(new Error('unavailable'), { data: { code: 'unavailable' } })),
    );
  };
}
