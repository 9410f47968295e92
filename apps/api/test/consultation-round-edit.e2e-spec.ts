import { ROUND_EVENTS, ROUNDS_NAMESPACE } from '@commonplan/sync';
import { connected, emitAck, eventually, ioClient } from './support/collab-clients';
import { TestServer } from './support/test-server';

describe('consultation rounds: changing a draft or announced round, deleting a draft', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let observer: string;
  let documentId: string;
  let versionId: string;

  const DAY = 24 * 60 * 60 * 1000;
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  const create = async (opensInDays: number, closesInDays?: number) => {
    const response = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: coordinator,
      body: { documentId, versionId, title: 'Konsultacje projektu strategii', audiences: ['members'], channels: ['online_form'], opensAt: at(opensInDays), ...(closesInDays ? { closesAt: at(closesInDays) } : {}) },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const patch = (id: string, body: unknown, token = coordinator) => server.request(`/api/rounds/${id}`, { method: 'PATCH', token, body });
  const remove = (id: string, token = coordinator) => server.request(`/api/rounds/${id}`, { method: 'DELETE', token });
  const step = (id: string, action: 'announce' | 'open' | 'close') => server.request(`/api/rounds/${id}/${action}`, { token: coordinator, body: {} });
  const auditActions = async (limit: number) =>
    ((await server.request(`/api/workspaces/${ws}/audit?limit=${limit}`, { token: coordinator })).body.entries as Array<{ action: string; targetId: string; details: Record<string, unknown> }>);

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    observer = await server.login('obserwator@som.example');
    const documents = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body as Array<{ id: string; kind: string }>;
    documentId = documents.find((d) => d.kind === 'strategy')!.id;
    versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0 — do konsultacji' } })).body.id;
  });
  afterAll(() => server?.close());

  it('changes a draft’s terms, audiences, channels, title and clause, audits it, and warns of a short strategy round', async () => {
    const id = await create(2);
    const [opensAt, closesAt] = [at(3), at(20)];
    const changed = await patch(id, {
      title: '  Konsultacje Strategii SOM 2030  ',
      audiences: ['members', 'public'],
      channels: ['online_form', 'post'],
      opensAt,
      closesAt,
      informationClause: 'Administratorem danych jest Stowarzyszenie SOM.',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id,
      state: 'draft',
      title: 'Konsultacje Strategii SOM 2030',
      audiences: ['members', 'public'],
      channels: ['online_form', 'post'],
      informationClause: 'Administratorem danych jest Stowarzyszenie SOM.',
      // A strategy consulted for 17 days is below the statutory 35: said, not refused, as on creation.
      warnings: ['shorter_than_statutory_minimum'],
    });
    expect([changed.body.opensAt, changed.body.closesAt]).toEqual([opensAt, closesAt]);
    expect((await server.request(`/api/rounds/${id}`, { token: expert })).body.title).toBe('Konsultacje Strategii SOM 2030');

    // What is left out stays; an empty clause brings back the workspace's default.
    const again = await patch(id, { closesAt: at(60), informationClause: '' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ title: 'Konsultacje Strategii SOM 2030', channels: ['online_form', 'post'], warnings: [] });
    expect(again.body.informationClause).toContain('Administratorem danych osobowych zgłaszających uwagi jest Stowarzyszenie');

    const [latest, earlier] = await auditActions(2);
    expect(latest).toMatchObject({ action: 'consultation.changed', targetId: id, details: { state: 'draft', changed: ['closesAt', 'informationClause'] } });
    expect(earlier).toMatchObject({ action: 'consultation.changed', details: { changed: ['title', 'audiences', 'channels', 'opensAt', 'closesAt', 'informationClause'] } });

    // Nothing sent: nothing changed, nothing audited.
    expect((await patch(id, {})).status).toBe(200);
    expect((await auditActions(1))[0].details).toMatchObject({ changed: ['closesAt', 'informationClause'] });
  });

  it('refuses bad input with a 400 naming the field, a close before the opening included', async () => {
    const id = await create(2);
    const refused = async (body: Record<string, unknown>, field: string) => {
      const response = await patch(id, body);
      expect({ body, status: response.status, fields: (response.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ body, status: 400, fields: expect.arrayContaining([field]) });
    };
    await refused({ title: '   ' }, 'title');
    await refused({ title: null }, 'title');
    await refused({ legalBasis: '' }, 'legalBasis');
    await refused({ audiences: [] }, 'audiences');
    await refused({ audiences: ['members', 'members'] }, 'audiences');
    await refused({ audiences: ['robots'] }, 'audiences');
    await refused({ channels: 'post' }, 'channels');
    await refused({ channels: null }, 'channels');
    await refused({ opensAt: 'jutro' }, 'opensAt');
    await refused({ opensAt: null }, 'opensAt');
    await refused({ closesAt: at(1) }, 'closesAt'); // before the opening in 2 days
    await refused({ opensAt: at(400) }, 'opensAt'); // after the close
    await refused({ opensAt: at(5), closesAt: at(4) }, 'closesAt');
    await refused({ informationClause: 'x'.repeat(10_001) }, 'informationClause');
    const unknown = await patch(id, { versionId });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('versionId');
    expect((await patch('not-a-round', { title: 'x' })).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { title: 'x' })).status).toBe(404);
  });

  it('changes an announced round until it opens, then refuses with 409; only coordinators change it', async () => {
    const id = await create(-1);
    expect((await patch(id, { title: 'Ekspert zmienia' }, expert)).status).toBe(403);
    expect((await patch(id, { title: 'Obserwator zmienia' }, observer)).status).toBe(403);
    expect((await step(id, 'announce')).status).toBe(200);
    const announced = await patch(id, { channels: ['online_form', 'email'], closesAt: at(45) });
    expect(announced.status).toBe(200);
    expect(announced.body).toMatchObject({ state: 'announced', channels: ['online_form', 'email'] });
    // The public announcement shows the change at once.
    expect((await server.request(`/api/public/rounds/${id}`)).body.channels).toEqual(['online_form', 'email']);

    expect((await step(id, 'open')).status).toBe(200);
    const open = await patch(id, { closesAt: at(50) });
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({ code: 'round_not_editable', message: 'a round that is open cannot be changed: only a draft or announced round can' });
    expect((await server.request(`/api/rounds/${id}`, { token: coordinator })).body.closesAt).toBe(announced.body.closesAt);
    // A refused change is not audited.
    expect((await auditActions(1))[0].action).toBe('consultation.opened');
  });

  it('deletes a draft only, with its meetings, and audits it; an announced round stays', async () => {
    const draft = await create(2);
    expect((await server.request(`/api/rounds/${draft}/meetings`, { token: coordinator, body: { startsAt: at(10), place: 'Urząd Miasta Police' } })).status).toBe(201);
    expect((await remove(draft, expert)).status).toBe(403);
    expect((await remove(draft, observer)).status).toBe(403);
    expect((await remove(draft)).status).toBe(204);
    expect((await server.request(`/api/rounds/${draft}`, { token: coordinator })).status).toBe(404);
    expect((await server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator })).body.map((r: { id: string }) => r.id)).not.toContain(draft);
    expect((await auditActions(1))[0]).toMatchObject({ action: 'consultation.deleted', targetId: draft, details: { title: 'Konsultacje projektu strategii', documentId, versionId } });
    expect((await remove(draft)).status).toBe(404);

    const announced = await create(2);
    expect((await step(announced, 'announce')).status).toBe(200);
    const refused = await remove(announced);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'round_not_deletable', message: 'a round that is announced cannot be deleted: only a draft round can' });
    expect((await server.request(`/api/public/rounds/${announced}`)).status).toBe(200);
  });

  it('tells staff watching the round of a change and of the deletion', async () => {
    const id = await create(2);
    const socket = ioClient(server, expert, ROUNDS_NAMESPACE);
    try {
      await connected(socket);
      expect(await emitAck(socket, ROUND_EVENTS.watch, id)).toEqual({ ok: true });
      const events: Array<Record<string, unknown>> = [];
      socket.on(ROUND_EVENTS.event, (roundId: string, event: Record<string, unknown>) => {
        if (roundId === id) events.push(event);
      });
      expect((await patch(id, { title: 'Konsultacje po zmianie' })).status).toBe(200);
      await eventually(() => events.length === 1, 5_000, 'the event of the change');
      expect((await remove(id)).status).toBe(204);
      await eventually(() => events.length === 2, 5_000, 'the event of the deletion');
      expect(events).toEqual([{ type: 'round_changed' }, { type: 'round_deleted' }]);
    } finally {
      socket.disconnect();
    }
  });
});
