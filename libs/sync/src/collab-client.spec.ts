import { describe, expect, it } from 'vitest';
import { CollabClient } from './collab-client';

/** What the client puts into the socket.io handshake's `auth`. */
async function handshakeAuth(client: CollabClient): Promise<object> {
  return new Promise((resolve) => (client as unknown as { provideToken(cb: (data: object) => void): void }).provideToken(resolve));
}

describe('CollabClient handshake', () => {
  it('sends the bearer token when it has one, and nothing for the cookie-based web app', async () => {
    expect(await handshakeAuth(new CollabClient({ url: '', token: 'abc' }))).toEqual({ token: 'abc' });
    expect(await handshakeAuth(new CollabClient({ url: '', token: async () => 'fresh' }))).toEqual({ token: 'fresh' });
    expect(await handshakeAuth(new CollabClient({ url: '' }))).toEqual({});
    expect(await handshakeAuth(new CollabClient({ url: '', token: '' }))).toEqual({});
    expect(await handshakeAuth(new CollabClient({ url: '', token: () => '' }))).toEqual({});
    expect(await handshakeAuth(new CollabClient({ url: '', token: () => Promise.reject(new Error('signed out')) }))).toEqual({});
  });
});
