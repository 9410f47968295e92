import { Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from './cookies';
import { LiveConnections } from './live-connections';
import type { Principal } from './request-context';
import { SessionStore } from './session-store';

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
 * The authentication of every socket: the socket.io middleware of every namespace authenticates the handshake, keeps
 * the principal in `socket.data` and registers the socket with its session (LiveConnections), so that it closes when
 * the session ends; or refuses the connection with `{ code: 'unauthorized' }` (`'unavailable'` when the session store
 * cannot answer). The y-websocket endpoint registers its sockets through `register`.
 */
@Injectable()
export class SocketAuthentication {
  constructor(
    private readonly sessions: SessionStore,
    private readonly live: LiveConnections,
  ) {}

  middleware() {
    return (socket: Socket, next: (error?: Error) => void): void => {
      const fail = () => next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } }));
      const credential = handshakeCredential(socket);
      if (!credential) return fail();
      this.sessions.authenticate(credential.token, credential.via).then(
        (principal) => {
          if (!principal) return fail();
          socket.data.principal = principal;
          socket.once('disconnect', this.live.add(principal, () => socket.disconnect(true)));
          next();
        },
        () => next(Object.assign(new Error('unavailable'), { data: { code: 'unavailable' } })),
      );
    };
  }

  /** Authenticates a bearer token (the y-websocket endpoint), or null. */
  authenticate(token: string): Promise<Principal | null> {
    return this.sessions.authenticate(token, 'bearer');
  }

  /** Registers a socket with its session; returns what to call when the socket closes by itself. */
  register(principal: Principal, close: () => void): () => void {
    return this.live.add(principal, close);
  }
}
