import { COLLAB_EVENTS, MEETINGS_NAMESPACE, ROUNDS_NAMESPACE } from '@commonplan/sync';
import Redis from 'ioredis';
import type { Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { LiveConnections } from '../src/access/live-connections';
import { connected, emitAck, ioClient, withTimeout } from './support/collab-clients';
import { type TestPeer, TestServer } from './support/test-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A session ends everywhere at once: at sign-out, at a password reset (every session of the person), when its owner
 * ends it from another device, and at its absolute or idle lifetime. Its open sockets on every transport and every
 * instance close with it, so nothing more is received or written through them.
 */
describe('sessions end with their sockets, on every instance', () => {
  let server: TestServer;
  let peer: TestPeer;
  let documentId: string;
  const opened: Array<Socket | WebSocket> = [];

  beforeAll(async () => {
    // Two instances hear each other through Redis (CI runs one on 127.0.0.1:6379; REDIS_URL points elsewhere).
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await redis.connect().catch((error: Error) => {
      throw new Error(`these tests need Redis at ${REDIS_URL} (set REDIS_URL): ${error.message}`);
    });
    await redis.quit();
    server = await TestServer.start({ env: { REDIS_URL } });
    peer = await server.startPeer();
    const ws = await server.demoWorkspaceId();
    const coordinator = await server.login('koordynator@som.example');
    documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
  });
  afterAll(async () => {
    for (const socket of opened) {
      if (socket instanceof WebSocket) socket.terminate();
      else socket.disconnect();
    }
    await peer?.close();
    await server?.close();
  });

  /** Every kind of socket a signed-in person can hold: the document over socket.io and y-websocket, round and meeting news. */
  async function socketsOf(token: string, at: { url: string } = server) {
    const target = { url: at.url } as TestServer;
    const collab = ioClient(target, token);
    const rounds = ioClient(target, token, ROUNDS_NAMESPACE);
    const meetings = ioClient(target, token, MEETINGS_NAMESPACE);
    opened.push(collab, rounds, meetings);
    await Promise.all([connected(collab), connected(rounds), connected(meetings)]);
    expect((await emitAck(collab, COLLAB_EVENTS.join, documentId)).ok).toBe(true);
    const yws = new WebSocket(`${at.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`);
    yws.on('error', () => undefined);
    opened.push(yws);
    await withTimeout(new Promise((resolve, reject) => (yws.once('open', resolve), yws.once('error', reject))), 10_000, 'y-websocket open');
    const closed = {
      collab: new Promise<string>((resolve) => collab.once('disconnect', resolve)),
      rounds: new Promise<string>((resolve) => rounds.once('disconnect', resolve)),
      meetings: new Promise<string>((resolve) => meetings.once('disconnect', resolve)),
      yws: new Promise<number>((resolve) => yws.once('close', resolve)),
    };
    return { collab, rounds, meetings, yws, closed };
  }

  const allClosed = (closed: Awaited<ReturnType<typeof socketsOf>>['closed']) =>
    withTimeout(Promise.all([closed.collab, closed.rounds, closed.meetings, closed.yws]), 10_000, 'the sockets to close');

  it('closes the session’s sockets at sign-out, on this instance and on the other, and not those of other sessions', async () => {
    const token = await server.login('ekspert@som.example');
    const other = await server.login('ekspert@som.example');
    const here = await socketsOf(token);
    const there = await socketsOf(token, peer);
    const otherSession = await socketsOf(other);

    expect((await server.request('/api/auth/logout', { method: 'POST', token })).status).toBe(204);
    const [reason, , , code] = await allClosed(here.closed);
    expect(reason).toBe('io server disconnect');
    expect(code).toBe(4401);
    await allClosed(there.closed);
    expect(otherSession.collab.connected && otherSession.rounds.connected && otherSession.yws.readyState === WebSocket.OPEN).toBe(true);
  });

  it('ends every session of the person and their sockets at a password reset', async () => {
    const email = 'obserwator@som.example';
    const first = await server.login(email);
    const second = await server.login(email);
    const a = await socketsOf(first);
    const b = await socketsOf(second, peer);
    await server.request('/api/auth/password-reset', { body: { email } });
    const link = await server.waitForLinkToken(email, '/reset-password');
    expect((await server.request('/api/auth/password-reset/confirm', { body: { token: link, password: 'zupełnie-nowe-hasło' } })).status).toBe(204);
    await allClosed(a.closed);
    await allClosed(b.closed);
    expect((await server.request('/api/auth/me', { token: first })).status).toBe(401);
    expect((await peer.request('/api/auth/me', { token: second })).status).toBe(401);
  });

  it('lets a person see their sessions and end the others, which closes their sockets', async () => {
    const current = await server.login('partner@som.example');
    const laptop = await server.login('partner@som.example');
    const sockets = await socketsOf(laptop, peer);
    const stranger = await server.login('koordynator@som.example');

    const list = await server.request('/api/auth/sessions', { token: current });
    expect(list.status).toBe(200);
    const mine = list.body as Array<{ id: string; current: boolean; createdAt: string; lastSeenAt: string; expiresAt: string; ip: string; userAgent: string | null }>;
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(mine[0]).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'ip', 'lastSeenAt', 'userAgent']);
    const other = mine.find((s) => !s.current)!;

    const strangers = (await server.request('/api/auth/sessions', { token: stranger })).body as Array<{ id: string }>;
    expect((await server.request(`/api/auth/sessions/${strangers[0].id}`, { method: 'DELETE', token: current })).status).toBe(404);
    expect((await server.request('/api/auth/me', { token: stranger })).status).toBe(200);

    expect((await server.request(`/api/auth/sessions/${other.id}`, { method: 'DELETE', token: current })).status).toBe(204);
    await allClosed(sockets.closed);
    expect((await server.request('/api/auth/me', { token: laptop })).status).toBe(401);
    expect((await server.request('/api/auth/me', { token: current })).status).toBe(200);

    const phone = await server.login('partner@som.example');
    const ended = await server.request('/api/auth/sessions/end-others', { method: 'POST', token: current });
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(1);
    expect((await server.request('/api/auth/me', { token: phone })).status).toBe(401);
    expect((await server.request('/api/auth/me', { token: current })).status).toBe(200);
    const actions = await server.db.query(`SELECT action FROM audit_entries WHERE chain = 'system' AND action = 'auth.session_ended'`);
    expect(actions.length).toBeGreaterThanOrEqual(2);
  });

  it('ends a session at its absolute lifetime even while it is used, closing its sockets', async () => {
    const token = await server.login('przedstawiciel.police@som.example');
    const sockets = await socketsOf(token);
    const [session] = await server.db.query(
      `SELECT id, EXTRACT(EPOCH FROM expires_at - created_at)::float AS seconds FROM sessions WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    );
    expect(Math.abs(session.seconds - 12 * 3600)).toBeLessThan(5);
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = $1`, [session.id]);
    await server.server.app.get(LiveConnections).sweep();
    await allClosed(sockets.closed);
    expect((await server.request('/api/auth/me', { token })).status).toBe(401);
  });

  it('ends a session left idle longer than the idle limit, but an open live connection keeps it in use', async () => {
    const idle = await server.login('przedstawiciel.dobra@som.example');
    const live = await server.login('przedstawiciel.gryfino@som.example');
    const sockets = await socketsOf(live);
    const age = (minutes: number) => server.db.query(`UPDATE sessions SET last_seen_at = last_seen_at - make_interval(mins => $1) WHERE revoked_at IS NULL AND expires_at > now()`, [minutes]);
    // 59 minutes pass; the sweep finds the live connection and marks its session used, then 2 more minutes pass.
    await age(59);
    await server.server.app.get(LiveConnections).sweep();
    await age(2);
    expect((await server.request('/api/auth/me', { token: idle })).status).toBe(401);
    expect((await server.request('/api/auth/me', { token: live })).status).toBe(200);
    expect(sockets.collab.connected).toBe(true);
  });

  it('refuses a signed-out token on every socket endpoint', async () => {
    const token = await server.login('ekspert@som.example');
    await server.request('/api/auth/logout', { method: 'POST', token });
    const collab = ioClient(server, token);
    opened.push(collab);
    await expect(connected(collab)).rejects.toThrow(/unauthorized/);
    const yws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`);
    yws.on('error', () => undefined);
    const status = await withTimeout(new Promise<number>((resolve) => yws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))), 10_000, 'refusal');
    expect(status).toBe(401);
    yws.terminate();
  });
});
