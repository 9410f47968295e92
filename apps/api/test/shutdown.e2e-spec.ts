import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeUpdate, WS_CLOSE_RESTARTING } from '@commonplan/sync';
import { connected, emitAck, ioClient, textOf, withTimeout } from './support/collab-clients';
import { TestServer } from './support/test-server';

/**
 * An instance that stops (a restart, a rollout) lets its clients go so they connect again elsewhere: y-websocket
 * connections are closed with 1012 (service restart), socket.io ones disconnected by the server; what it acknowledged
 * is stored, and the instance started again serves it.
 */
describe('stopping an instance', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('closes y-websocket connections with 1012, disconnects socket.io ones, and keeps what it acknowledged', async () => {
    server = await TestServer.start();
    const token = await server.login('koordynator@som.example');
    const workspaceId = await server.demoWorkspaceId();
    const created = await server.request(`/api/workspaces/${workspaceId}/documents`, { token, body: { title: 'Restart', kind: 'other' } });
    const documentId = created.body.id as string;

    const yws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`);
    yws.on('error', () => undefined);
    await withTimeout(new Promise((resolve, reject) => (yws.once('open', resolve), yws.once('error', reject))), 10_000, 'y-websocket open');
    const closedWith = new Promise<number>((resolve) => yws.once('close', resolve));

    const socket = ioClient(server, token);
    await connected(socket);
    expect((await emitAck(socket, 'join', documentId)).ok).toBe(true);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const doc = new Y.Doc();
    textOf(doc).insert(0, 'zapisane przed restartem');
    expect(await emitAck(socket, 'msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(doc)))).toMatchObject({ ok: true });

    await server.restart();
    expect(await withTimeout(closedWith, 10_000, 'the y-websocket close')).toBe(WS_CLOSE_RESTARTING);
    expect(await withTimeout(disconnected, 10_000, 'the socket.io disconnect')).toMatch(/^(io server disconnect|transport close)$/);
    socket.disconnect();

    const text = await server.request(`/api/documents/${documentId}/text`, { token });
    expect(text.body.text).toBe('zapisane przed restartem');
  });
});
