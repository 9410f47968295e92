import { defaultClosesAt, warsawDay } from '@commonplan/domain';
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
    // Before the announcement the statutory days count from the later of now and the opening: the close is the end
    // (23:59 in Warsaw) of the 35th day after the opening's day.
    expect(created.body.closesAt).toBe(defaultClosesAt(opensAt).toISOString());
    expect(warsawDay(new Date(created.body.closesAt))).toBe(warsawDay(new Date(opensAt.getTime() + 35 * DAY)));
    expect(new Intl.DateTimeFormat('pl-PL', { timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(created.body.closesAt))).toBe('23:59');
    expect(new Date(created.body.reportDueAt).getTime() - new Date(created.body.closesAt).getTime()).toBe(30 * DAY);
    expect([37, 38]).toContain(created.body.daysLeft);

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

  it('counts the 35 days from the announcement: a round opened an hour ago with the default close does not warn once announced', async () => {
    const created = await round({ ...base(), opensAt: new Date(Date.now() - 60 * 60 * 1000).toISOString() });
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([]);
    const announced = await server.request(`/api/rounds/${created.body.id}/announce`, { token: coordinator, body: {} });
    expect(announced.status).toBe(200);
    expect(announced.body.warnings).toEqual([]);
    // Counted from now (the earliest it can be announced), not from the opening an hour ago.
    expect(warsawDay(new Date(created.body.closesAt))).toBe(warsawDay(new Date(Date.now() + 35 * DAY)));
    // A close at the same time as the announcement, 35 days on, cuts the 35th day short: warned.
    const now = new Date();
    const cut = await round({ ...base(), opensAt: now.toISOString(), closesAt: new Date(now.getTime() + 35 * DAY - 60 * 60 * 1000).toISOString() });
    expect(cut.body.warnings).toEqual(['shorter_than_statutory_minimum']);
  });

  it('keeps where the announcement and the report were published and the approving resolution, refusing bad input by its field', async () => {
    const urls = ['https://som.example/konsultacje/plan', 'http://bip.som.example/ogloszenie/7'];
    const created = await round({ ...base(), opensAt: new Date(Date.now() + DAY).toISOString(), announcementUrls: urls });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ announcementUrls: urls, reportUrls: [], approval: null });
    const id = created.body.id;
    const refused = async (body: Record<string, unknown>, field: string, status = 400) => {
      const response = body.documentId ? await round(body) : await server.request(`/api/rounds/${id}/publication`, { method: 'PATCH', token: coordinator, body });
      expect({ body, status: response.status, names: JSON.stringify(response.body).includes(field) }).toEqual({ body, status, names: true });
    };
    await refused({ ...base(), opensAt: new Date().toISOString(), announcementUrls: ['ftp://som.example/plik'] }, 'announcementUrls');
    await refused({ ...base(), opensAt: new Date().toISOString(), reportUrls: 'https://bip.som.example' }, 'reportUrls');
    await refused({ announcementUrls: ['javascript:alert(1)'] }, 'announcementUrls');
    await refused({ announcementUrls: ['bip.som.example/bez-protokolu'] }, 'announcementUrls');
    await refused({ reportUrls: Array.from({ length: 11 }, (_, i) => `https://bip.som.example/${i}`) }, 'reportUrls');
    await refused({ reportUrls: null }, 'reportUrls');
    await refused({ approvedByResolutionId: 'uchwała 7' }, 'approvedByResolutionId');
    await refused({ approvedByResolutionId: '00000000-0000-4000-8000-000000000000' }, 'approvedByResolutionId', 404);
    const bodies = (await server.request(`/api/workspaces/${ws}/bodies`, { token: coordinator })).body as Array<{ id: string; kind: string }>;
    const draft = (await server.request(`/api/workspaces/${ws}/resolutions`, { token: coordinator, body: { bodyId: bodies.find((b) => b.kind === 'board')!.id, kind: 'ordinary', title: 'w sprawie przyjęcia sprawozdania' } })).body;
    await refused({ approvedByResolutionId: draft.id }, 'approvedByResolutionId');
    expect((await server.request(`/api/rounds/${id}/publication`, { method: 'PATCH', token: partner, body: { reportUrls: [] } })).status).toBe(403);

    const changed = await server.request(`/api/rounds/${id}/publication`, { method: 'PATCH', token: coordinator, body: { announcementUrls: [urls[1]], reportUrls: [' https://bip.som.example/sprawozdanie '], approvedByResolutionId: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ announcementUrls: [urls[1]], reportUrls: ['https://bip.som.example/sprawozdanie'], approval: null });
    await server.request(`/api/rounds/${id}/announce`, { token: coordinator, body: {} });
    expect((await server.request(`/api/public/rounds/${id}`)).body).toMatchObject({ announcementUrls: [urls[1]], reportUrls: ['https://bip.som.example/sprawozdanie'] });
    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=5`, { token: coordinator });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('consultation.publication_changed');
  });

  it('records a meeting’s participants and summary, and lets an oral comment name the meeting it was made at', async () => {
    const id = (await round({ ...base(), channels: ['online_form', 'oral_protocol', 'email'], opensAt: new Date(Date.now() - DAY).toISOString() })).body.id;
    const other = (await round({ ...base(), channels: ['oral_protocol'], opensAt: new Date(Date.now() - DAY).toISOString() })).body.id;
    const added = await server.request(`/api/rounds/${id}/meetings`, { token: coordinator, body: { startsAt: new Date().toISOString(), place: 'Police, ratusz', participants: 12 } });
    expect(added.status).toBe(201);
    expect(added.body.meetings[0]).toMatchObject({ participants: 12, summary: '' });
    const meetingId = added.body.meetings[0].id;
    const otherMeeting = (await server.request(`/api/rounds/${other}/meetings`, { token: coordinator, body: { startsAt: new Date().toISOString(), place: 'Gryfino' } })).body.meetings[0].id;

    const patch = (roundId: string, meeting: string, body: Record<string, unknown>, token = coordinator) => server.request(`/api/rounds/${roundId}/meetings/${meeting}`, { method: 'PATCH', token, body });
    for (const [body, field] of [
      [{ participants: -1 }, 'participants'],
      [{ participants: 2.5 }, 'participants'],
      [{ summary: 7 }, 'summary'],
      [{ place: '' }, 'place'],
      [{ place: null }, 'place'],
      [{ startsAt: 'jutro' }, 'startsAt'],
    ] as const) {
      const response = await patch(id, meetingId, body);
      expect({ body, status: response.status, names: JSON.stringify(response.body).includes(field) }).toEqual({ body, status: 400, names: true });
    }
    expect((await patch(id, otherMeeting, { participants: 3 })).status).toBe(404);
    expect((await patch(id, meetingId, { participants: 3 }, partner)).status).toBe(403);
    const recorded = await patch(id, meetingId, { participants: 31, summary: '  Rozmowa o buspasach.  ' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.meetings[0]).toMatchObject({ participants: 31, summary: 'Rozmowa o buspasach.', place: 'Police, ratusz' });
    // Staff's view has them; the public page shows the meeting's time and place only.
    await server.request(`/api/rounds/${id}/announce`, { token: coordinator, body: {} });
    expect(Object.keys((await server.request(`/api/public/rounds/${id}`)).body.meetings[0]).sort()).toEqual(['id', 'place', 'startsAt']);
    await server.request(`/api/rounds/${id}/open`, { token: coordinator, body: {} });

    const oral = (extra: Record<string, unknown>) =>
      server.request(`/api/rounds/${id}/comments/entered`, {
        token: coordinator,
        body: { part: 'Rozdział 1', justification: 'Powiedziane na spotkaniu.', submitter: { kind: 'person', name: 'Jan Nowak', type: 'resident' }, channel: 'oral_protocol', ...extra },
      });
    for (const [extra, field, status] of [
      [{ meetingId, channel: 'email' }, 'meetingId', 400],
      [{ meetingId: otherMeeting }, 'meetingId', 404],
      [{ meetingId: 'spotkanie 1' }, 'meetingId', 400],
    ] as const) {
      const response = await oral(extra);
      expect({ extra, status: response.status, names: JSON.stringify(response.body).includes(field) }).toEqual({ extra, status, names: true });
    }
    const entered = await oral({ meetingId });
    expect(entered.status).toBe(201);
    expect((await oral({})).status).toBe(201);
    const [row] = await server.db.query(`SELECT meeting_id FROM consultation_comments WHERE id = $1`, [entered.body.id]);
    expect(row.meeting_id).toBe(meetingId);
    const preview = await server.request(`/api/rounds/${id}/report`, { token: coordinator });
    expect(preview.body.content.meetings).toEqual([{ startsAt: expect.any(String), place: 'Police, ratusz', participants: 31, summary: 'Rozmowa o buspasach.', comments: [entered.body.number] }]);
  });

  it('never opens early or closes early, and refuses partners, strangers and bad input', async () => {
    const future = (await round({ ...base(), opensAt: new Date(Date.now() + DAY).toISOString() })).body.id;
    await server.request(`/api/rounds/${future}/announce`, { token: coordinator, body: {} });
    const early = await server.request(`/api/rounds/${future}/open`, { token: coordinator, body: {} });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'round_not_yet_open', message: 'the round opens at its opening time, not before' });
    const closing = await server.request(`/api/rounds/${future}/close`, { token: coordinator, body: {} });
    expect(closing.status).toBe(409);
    expect(closing.body.code).toBe('round_wrong_state');

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
