import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { anchorPassage, editorSchema, RICH_TEXT_FIELD } from '@commonplan/editor';
import { COLLAB_EVENTS } from '@commonplan/sync';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, stockProvider, whenSynced, type StockProvider } from './support/collab-clients';

describe('comments: threads anchored to passages, replies, mentions, resolve and reopen, live', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let observer: string;
  let expert: string;
  let expertId: string;
  let observerId: string;
  let documentId: string;
  let anchor: { start: string; end: string };
  const providers: StockProvider[] = [];

  const api = (path: string, token: string, body?: unknown) => server.request(`/api/documents/${documentId}/comments${path}`, { token, body });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    observer = await server.login('obserwator@som.example');
    expert = await server.login('ekspert@som.example');
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ userId: string; email: string }>;
    expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    observerId = people.find((p) => p.email === 'obserwator@som.example')!.userId;
    documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: 'Plan powietrza', kind: 'sector_plan' } })).body.id;
    // The expert comments on this document (experts edit only documents they are added to).
    await server.request(`/api/documents/${documentId}/access/${expertId}`, { token: coordinator, method: 'PUT', body: { access: 'comment' } });

    const provider = stockProvider(server, documentId, coordinator, 1);
    providers.push(provider);
    await whenSynced(provider);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Cel 2. Gospodarka niskoemisyjna.');
    paragraph.insert(0, [text]);
    provider.doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
    const { mapping } = initProseMirrorDoc(provider.doc.getXmlFragment(RICH_TEXT_FIELD), editorSchema());
    anchor = anchorPassage(provider.doc.getXmlFragment(RICH_TEXT_FIELD), 1 + 'Cel 2. '.length, 1 + 'Cel 2. Gospodarka niskoemisyjna'.length, mapping);
  });
  afterAll(async () => {
    for (const provider of providers) {
      provider.destroy();
      provider.doc.destroy();
    }
    await server?.close();
  });

  it('starts a thread, replies with a mention that notifies, resolves and reopens, and tells everyone in the document', async () => {
    // Someone with the document open over socket.io hears of every change to the comments.
    const socket = ioClient(server, observer);
    await connected(socket);
    expect(await emitAck(socket, 'join', documentId)).toMatchObject({ ok: true, access: 'read' });
    const events: unknown[] = [];
    socket.on(COLLAB_EVENTS.docEvent, (id: string, event: unknown) => id === documentId && events.push(event));

    const created = await api('', expert, { anchor, quote: 'Gospodarka niskoemisyjna', body: '  Czy obejmuje to ciepłownictwo?  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      documentId,
      anchor,
      quote: 'Gospodarka niskoemisyjna',
      status: 'open',
      createdBy: { id: expertId, displayName: 'Ekspert SSOM' },
      comments: [{ body: 'Czy obejmuje to ciepłownictwo?', mentions: [] }],
    });
    const threadId = created.body.id;
    await eventually(() => events.length === 1, 5_000, 'doc-event after the thread');
    expect(events[0]).toEqual({ type: 'comments' });

    const reply = await api(`/${threadId}/replies`, coordinator, { body: 'Tak. @Obserwator SSOM, proszę o dane.', mentions: [observerId, observerId] });
    expect(reply.status).toBe(201);
    expect(reply.body.comments).toHaveLength(2);
    expect(reply.body.comments[1]).toMatchObject({ author: { displayName: 'Koordynator Biura SSOM' }, mentions: [{ id: observerId, displayName: 'Obserwator SSOM' }] });

    const inbox = await server.request(`/api/workspaces/${ws}/notifications`, { token: observer });
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'mention',
      actor: { displayName: 'Koordynator Biura SSOM' },
      document: { id: documentId, title: 'Plan powietrza' },
      threadId,
      excerpt: 'Tak. @Obserwator SSOM, proszę o dane.',
      read: false,
    });
    // Nobody else's notification can be read by someone else; one's own can.
    expect((await server.request(`/api/notifications/${inbox.body.items[0].id}/read`, { token: expert, body: {} })).status).toBe(404);
    expect((await server.request(`/api/notifications/${inbox.body.items[0].id}/read`, { token: observer, body: {} })).status).toBe(204);
    expect((await server.request(`/api/workspaces/${ws}/notifications`, { token: observer })).body.unread).toBe(0);
    expect((await server.request(`/api/workspaces/${ws}/notifications`, { token: coordinator })).body.items).toEqual([]);

    const resolved = await api(`/${threadId}/resolve`, expert, {});
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { displayName: 'Ekspert SSOM' } });
    const reopened = await api(`/${threadId}/reopen`, coordinator, {});
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    await eventually(() => events.length === 4, 5_000, 'a doc-event for each change');

    const list = await api('', observer);
    expect(list.status).toBe(200);
    expect(list.body.map((t: { id: string; comments: unknown[] }) => [t.id, t.comments.length])).toEqual([[threadId, 2]]);

    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=10`, { token: coordinator });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 4)).toEqual(['comment.reopened', 'comment.resolved', 'comment.replied', 'comment.created']);
    socket.disconnect();
  });

  it('refuses readers, strangers and bad input with clear errors', async () => {
    const threadId = (await api('', coordinator, { anchor, quote: 'Gospodarka', body: 'Uwaga' })).body.id;
    // A reader reads but does not comment.
    expect((await api('', observer, { anchor, quote: 'x', body: 'nie mogę' })).status).toBe(403);
    expect((await api(`/${threadId}/replies`, observer, { body: 'nie mogę' })).status).toBe(403);
    expect((await api(`/${threadId}/resolve`, observer, {})).status).toBe(403);
    expect((await server.request(`/api/documents/${documentId}/comments`)).status).toBe(401);

    const badAnchor = await api('', coordinator, { anchor: { start: 'not base64!', end: anchor.end }, quote: 'x', body: 'y' });
    expect(badAnchor.status).toBe(400);
    expect(JSON.stringify(badAnchor.body)).toContain('anchor.start');
    const truncated = await api('', coordinator, { anchor: { start: '/w==', end: anchor.end }, quote: 'x', body: 'y' });
    expect(truncated.status).toBe(400);
    expect(JSON.stringify(truncated.body)).toContain('anchor.start');
    const empty = await api('', coordinator, { anchor, quote: 'x', body: '   ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('body');
    const tooLong = await api(`/${threadId}/replies`, coordinator, { body: 'x'.repeat(10_001) });
    expect(tooLong.status).toBe(400);
    const stranger = await api(`/${threadId}/replies`, coordinator, { body: 'y', mentions: ['00000000-0000-4000-8000-000000000000'] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'mentions', code: 'mention_not_allowed' })]);
    expect((await api(`/${threadId}/replies`, coordinator, { body: 'y', mentions: ['nope'] })).status).toBe(400);
    // A person of another association is a real user, but not one who may read this document: refused, nobody notified.
    const created = await createWorkspace(server.db, server.config, {
      slug: 'kof-komentarze',
      name: 'Stowarzyszenie Koszalińskiego Obszaru Funkcjonalnego',
      shortName: 'KOF',
      coordinatorEmail: 'komentarze@kof.example',
      coordinatorName: 'Koordynator KOF',
    });
    const tokenB = (await server.request(`/api/invitations/${new URL(created.invitationLink).searchParams.get('token')}/accept`, { body: { password: 'hasło-koordynatora-kof' } })).body.token;
    const outsider = (await server.request(`/api/workspaces/${created.workspaceId}/people`, { token: tokenB })).body[0].userId as string;
    const foreign = await api(`/${threadId}/replies`, coordinator, { body: '@Koordynator KOF', mentions: [observerId, outsider] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('mentions');
    expect((await server.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [outsider]))[0].n).toBe(0);
    expect((await api('', coordinator)).body.find((t: { id: string }) => t.id === threadId).comments).toHaveLength(1);
    expect((await api(`/00000000-0000-4000-8000-000000000000/replies`, coordinator, { body: 'y' })).status).toBe(404);
    expect((await api(`/00000000-0000-4000-8000-000000000000/resolve`, coordinator, {})).status).toBe(404);
    expect((await server.request(`/api/documents/00000000-0000-4000-8000-000000000000/comments`, { token: coordinator })).status).toBe(404);
  });
});
