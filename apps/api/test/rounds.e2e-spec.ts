import { TestServer } from './support/test-server';

describe('consultation rounds: create on a frozen version, announce, open, close; meetings; the public announcement', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let partner: string;
  let documentId: string;
  let versionId: string;

  const DAY = 24 * 60 * 60 * 1000;
  const round = (body: Record<string, unknown>) => server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator, body });
  const base = () => ({ documentId, versionId, title: 'Konsultacje projektu strategii', audiences: ['members', 'partners', 'public'], channels: ['online_form', 'email'] });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    partner = await server.login('partner@som.example');
    const documents = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body as Array<{ id: string; kind: string }>;
    documentId = documents.find((d) => d.kind === 'strategy')!.id;
    versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0 — do konsultacji' } })).body.id;
  });
  afterAll(() => server?.close());

  it('creates a round with the defaults of the act, warns below 35 days for a strategy, and lists it', async () => {
    const opensAt = new Date(Date.now() + 2 * DAY);
    const created = await round({ ...base(), opensAt: opensAt.toISOString() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'draft',
      document: { id: documentId, kind: 'strategy' },
      version: { id: versionId, number: 1, name: 'v1.0 — do konsultacji' },
      audiences: ['members', 'partners', 'public'],
      channels: ['online_form', 'email'],
      warnings: [],
      commentCount: 0,
      meetings: [],
    });
    expect(created.body.legalBasis).toContain('art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju');
    expect(created.body.informationClause).toContain('Administratorem danych osobowych zgłaszających uwagi jest Stowarzyszenie');
    expect(new Date(created.body.closesAt).getTime() - opensAt.getTime()).toBe(35 * DAY);
    expect(new Date(created.body.reportDueAt).getTime() - new Date(created.body.closesAt).getTime()).toBe(30 * DAY);
    expect(created.body.daysLeft).toBe(37);

    const short = await round({ ...base(), opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 20 * DAY).toISOString() });
    expect(short.status).toBe(201);
    expect(short.body.warnings).toEqual(['shorter_than_statutory_minimum']);

    const list = await server.request(`/api/workspaces/${ws}/rounds`, { token: partner });
    expect(list.status).toBe(200);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([short.body.id, created.body.id]);
    expect((await server.request(`/api/rounds/${created.body.id}`, { token: partner })).status).toBe(200);
  });

  it('goes through its states at their times, puts the document into consultation, and shows the announcement publicly', async () => {
    const opensAt = new Date(Date.now() - 40 * DAY);
    const closesAt = new Date(Date.now() - DAY);
    const id = (await round({ ...base(), opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() })).body.id;
    expect((await server.request(`/api/public/rounds/${id}`)).status).toBe(404);

    const meeting = await server.request(`/api/rounds/${id}/meetings`, { token: coordinator, body: { startsAt: new Date(Date.now() - 20 * DAY).toISOString(), place: 'Urząd Miasta Szczecin, sala sesyjna', notes: 'Spotkanie z mieszkańcami' } });
    expect(meeting.status).toBe(201);
    expect(meeting.body.meetings).toHaveLength(1);

    const announced = await server.request(`/api/rounds/${id}/announce`, { token: coordinator, body: {} });
    expect(announced.status).toBe(200);
    expect(announced.body.state).toBe('announced');
    const publicPage = await server.request(`/api/public/rounds/${id}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body).toMatchObject({ state: 'announced', title: 'Konsultacje projektu strategii', workspaceName: expect.stringContaining('Szczeciński Obszar Metropolitalny') });
    expect(JSON.stringify(publicPage.body.content)).toContain('Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego');
    expect(publicPage.body.meetings[0].place).toBe('Urząd Miasta Szczecin, sala sesyjna');
    // Staff's notes on the meeting stay on the staff's view of the round, never on the public one.
    expect(publicPage.body.meetings[0]).not.toHaveProperty('notes');
    expect(JSON.stringify(publicPage.body)).not.toContain('Spotkanie z mieszkańcami');
    expect((await server.request(`/api/rounds/${id}`, { token: coordinator })).body.meetings[0].notes).toBe('Spotkanie z mieszkańcami');

    const opened = await server.request(`/api/rounds/${id}/open`, { token: coordinator, body: {} });
    expect(opened.body.state).toBe('open');
    expect((await server.request(`/api/documents/${documentId}`, { token: coordinator })).body.status).toBe('in_consultation');
    const closed = await server.request(`/api/rounds/${id}/close`, { token: coordinator, body: {} });
    expect(closed.body).toMatchObject({ state: 'closed', daysLeft: 0 });
    expect(closed.body.closedAt).not.toBeNull();

    const again = await server.request(`/api/rounds/${id}/open`, { token: coordinator, body: {} });
    expect(again.status).toBe(409);
    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=10`, { token: coordinator });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 6)).toEqual(['consultation.closed', 'consultation.opened', 'document.status_changed', 'consultation.announced', 'consultation.meeting_added', 'consultation.created']);
  });

  it('never opens early or closes early, and refuses partners, strangers and bad input', async () => {
    const future = (await round({ ...base(), opensAt: new Date(Date.now() + DAY).toISOString() })).body.id;
    await server.request(`/api/rounds/${future}/announce`, { token: coordinator, body: {} });
    const early = await server.request(`/api/rounds/${future}/open`, { token: coordinator, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('the round opens at its opening time, not before');
    expect((await server.request(`/api/rounds/${future}/close`, { token: coordinator, body: {} })).status).toBe(409);

    expect((await server.request(`/api/workspaces/${ws}/rounds`, { token: partner, body: { ...base(), opensAt: new Date().toISOString() } })).status).toBe(403);
    expect((await server.request(`/api/rounds/${future}/announce`, { token: partner, body: {} })).status).toBe(403);
    expect((await server.request(`/api/rounds/${future}/meetings`, { token: partner, body: { startsAt: new Date().toISOString(), place: 'x' } })).status).toBe(403);
    expect((await server.request(`/api/rounds/00000000-0000-4000-8000-000000000000`, { token: coordinator })).status).toBe(404);
    expect((await server.request(`/api/public/rounds/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await server.request(`/api/rounds/${future}`)).status).toBe(401);

    const fields = async (body: Record<string, unknown>) => {
      const response = await round(body);
      return [response.status, JSON.stringify(response.body)] as const;
    };
    const now = new Date().toISOString();
    let [status, text] = await fields({ ...base(), audiences: [], opensAt: now });
    expect([status, text.includes('audiences')]).toEqual([400, true]);
    [status, text] = await fields({ ...base(), channels: ['fax'], opensAt: now });
    expect([status, text.includes('channels')]).toEqual([400, true]);
    [status, text] = await fields({ ...base(), opensAt: 'jutro' });
    expect([status, text.includes('opensAt')]).toEqual([400, true]);
    [status, text] = await fields({ ...base(), opensAt: now, closesAt: new Date(Date.now() - DAY).toISOString() });
    expect([status, text.includes('closesAt')]).toEqual([400, true]);
    const otherDocument = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: 'Inny', kind: 'concept' } })).body.id;
    [status, text] = await fields({ ...base(), documentId: otherDocument, opensAt: now });
    expect([status, text.includes('versionId')]).toEqual([404, true]);
  });
});
