import { ROUND_EVENTS, ROUNDS_NAMESPACE } from '@commonplan/sync';
import type { Socket } from 'socket.io-client';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient } from './support/collab-clients';

describe('a round’s comments live for its staff (socket.io namespace /rounds)', () => {
  let server: TestServer;
  let coordinator: string;
  let partner: string;
  let roundId: string;
  const sockets: Socket[] = [];
  const DAY = 24 * 60 * 60 * 1000;

  const watcher = async (token: string | undefined) => {
    const socket = ioClient(server, token, ROUNDS_NAMESPACE);
    sockets.push(socket);
    await connected(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await TestServer.start();
    const ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    partner = await server.login('partner@som.example');
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v-live' } })).body.id;
    roundId = (await server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator, body: { documentId, versionId, title: 'Konsultacje na żywo', audiences: ['partners', 'public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() } })).body.id;
    await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  it('tells watching staff of a new comment, its withdrawal and decisions, and nothing of its content', async () => {
    const socket = await watcher(coordinator);
    expect(await emitAck(socket, ROUND_EVENTS.watch, roundId)).toEqual({ ok: true });
    const events: Array<{ roundId: string; event: Record<string, unknown> }> = [];
    socket.on(ROUND_EVENTS.event, (id: string, event: Record<string, unknown>) => events.push({ roundId: id, event }));

    const sent = await server.request(`/api/public/rounds/${roundId}/comments`, { body: { part: 'Cele', proposedWording: 'Więcej zieleni.', justification: 'Upały.', email: 'anna@example.org', submitter: { kind: 'person', name: 'Anna Nowak', type: 'resident' } } });
    expect(sent.status).toBe(201);
    await eventually(() => events.length === 1, 5_000, 'the event of a new comment');
    expect(events[0]).toEqual({ roundId, event: { type: 'comment_submitted', commentId: sent.body.id } });

    expect((await server.request(`/api/consultation-comments/${sent.body.id}/disposition`, { token: coordinator, method: 'PUT', body: { disposition: 'accepted', justification: 'Tak.' } })).status).toBe(204);
    await eventually(() => events.length === 2, 5_000, 'the event of a decision');
    expect(events[1].event).toEqual({ type: 'triage_changed', commentId: sent.body.id });
    expect(JSON.stringify(events)).not.toMatch(/Anna|anna@|zieleni/);

    socket.emit(ROUND_EVENTS.unwatch, roundId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.request(`/api/public/rounds/${roundId}/comments`, { body: { part: 'Cele', justification: 'Druga.', submitter: { kind: 'person', name: 'Jan', type: 'resident' } }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toHaveLength(2);
  });

  it('lets only the workspace’s coordinators and experts watch, and refuses the unauthenticated and bad ids', async () => {
    const socket = await watcher(partner);
    expect(await emitAck(socket, ROUND_EVENTS.watch, roundId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await emitAck(socket, ROUND_EVENTS.watch, 'not-a-uuid')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(socket, ROUND_EVENTS.watch, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const anonymous = ioClient(server, undefined, ROUNDS_NAMESPACE);
    sockets.push(anonymous);
    await expect(connected(anonymous)).rejects.toThrow('unauthorized');
  });
});
