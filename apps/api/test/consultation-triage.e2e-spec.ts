import { TestServer } from './support/test-server';

describe('consultation triage: filters and search, assignment, dispositions with justification, approval, internal notes', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let partner: string;
  let expertId: string;
  let partnerId: string;
  let roundId: string;
  const numbers: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const DAY = 24 * 60 * 60 * 1000;
  const table = async (query = '', token = coordinator) => (await server.request(`/api/rounds/${roundId}/triage${query}`, { token })).body as Array<Record<string, any>>;

  beforeAll(async () => {
    server = await TestServer.start({ env: { TRUST_PROXY: 'true' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    partner = await server.login('partner@som.example');
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: coordinator })).body as Array<{ email: string; userId: string }>;
    expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    partnerId = people.find((p) => p.email === 'partner@som.example')!.userId;
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1.0' } })).body.id;
    roundId = (await server.request(`/api/workspaces/${ws}/rounds`, { token: coordinator, body: { documentId, versionId, title: 'Konsultacje', audiences: ['partners', 'public'], channels: ['online_form', 'post'], opensAt: new Date(Date.now() - DAY).toISOString() } })).body.id;
    await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });
    const send = async (key: string, body: Record<string, unknown>, token?: string) => {
      const path = token ? `/api/rounds/${roundId}/comments` : `/api/public/rounds/${roundId}/comments`;
      const response = await server.request(path, { token, body, headers: { 'x-forwarded-for': `198.51.100.${Object.keys(ids).length + 1}` } });
      numbers[key] = response.body.number;
      ids[key] = response.body.id;
    };
    await send('transport', { part: 'Rozdział 2. Cele', proposedWording: 'Dodać kolej aglomeracyjną do Goleniowa.', justification: 'Dojazdy do pracy.', submitter: { kind: 'person', name: 'Anna Nowak', type: 'resident' } });
    await send('air', { part: 'Rozdział 1. Diagnoza', proposedWording: 'Uwzględnić smog zimowy.', justification: 'Dane WIOŚ 100% przekroczeń.', submitter: { kind: 'institution', name: 'Stowarzyszenie Czyste Powietrze', type: 'other' } });
    await send('partner', { part: 'Rozdział 2. Cele', proposedWording: 'Cel: innowacje w portach.', justification: 'Gospodarka morska.' }, partner);
  });
  afterAll(() => server?.close());

  it('filters by part, submitter type, disposition and assignee, searches the text, and sorts', async () => {
    expect((await table()).map((row) => row.number)).toEqual([numbers.transport, numbers.air, numbers.partner]);
    expect((await table('?part=Cele')).map((row) => row.number)).toEqual([numbers.transport, numbers.partner]);
    expect((await table('?submitterType=partner_organisation')).map((row) => row.number)).toEqual([numbers.partner]);
    expect((await table('?q=goleniowa')).map((row) => row.number)).toEqual([numbers.transport]);
    expect((await table('?q=100%25')).map((row) => row.number)).toEqual([numbers.air]); // a literal %, not a wildcard
    expect((await table('?q=Czyste')).map((row) => row.number)).toEqual([numbers.air]);
    expect((await table('?sort=part')).map((row) => row.number)).toEqual([numbers.air, numbers.transport, numbers.partner]);
    expect((await table('?disposition=none')).length).toBe(3);
    const bad = await server.request(`/api/rounds/${roundId}/triage?disposition=maybe`, { token: coordinator });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('disposition');
  });

  it('lets a coordinator assign, the assigned expert draft the response, and a coordinator approve it; notes stay internal', async () => {
    // Unassigned, the expert may not decide.
    expect((await server.request(`/api/consultation-comments/${ids.transport}/disposition`, { method: 'PUT', token: expert, body: { disposition: 'accepted', justification: 'x' } })).status).toBe(403);
    expect((await server.request(`/api/consultation-comments/${ids.transport}/assignee`, { method: 'PUT', token: expert, body: { assigneeId: expertId } })).status).toBe(403);
    const toPartner = await server.request(`/api/consultation-comments/${ids.transport}/assignee`, { method: 'PUT', token: coordinator, body: { assigneeId: partnerId } });
    expect(toPartner.status).toBe(400);
    expect(JSON.stringify(toPartner.body)).toContain('assigneeId');
    expect((await server.request(`/api/consultation-comments/${ids.transport}/assignee`, { method: 'PUT', token: coordinator, body: { assigneeId: expertId } })).status).toBe(204);
    expect((await table(`?assigneeId=${expertId}`)).map((row) => row.number)).toEqual([numbers.transport]);
    expect((await table('?assigneeId=none')).length).toBe(2);

    const noReason = await server.request(`/api/consultation-comments/${ids.transport}/disposition`, { method: 'PUT', token: expert, body: { disposition: 'partly_accepted', justification: '  ' } });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('justification');
    expect((await server.request(`/api/consultation-comments/${ids.transport}/disposition`, { method: 'PUT', token: expert, body: { disposition: 'partly_accepted', justification: 'Kolej do Goleniowa jest w celu 1; harmonogram zależy od PKP PLK.' } })).status).toBe(204);
    expect((await server.request(`/api/consultation-comments/${ids.transport}/disposition/approve`, { method: 'POST', token: expert, body: {} })).status).toBe(403);
    expect((await server.request(`/api/consultation-comments/${ids.air}/disposition/approve`, { method: 'POST', token: coordinator, body: {} })).status).toBe(409);
    expect((await server.request(`/api/consultation-comments/${ids.transport}/disposition/approve`, { method: 'POST', token: coordinator, body: {} })).status).toBe(204);
    expect((await server.request(`/api/consultation-comments/${ids.transport}/notes`, { token: expert, body: { body: 'Zapytać PKP PLK o termin.' } })).status).toBe(204);

    const [row] = await table(`?q=${encodeURIComponent(numbers.transport)}`);
    expect(row).toMatchObject({
      disposition: 'partly_accepted',
      dispositionJustification: 'Kolej do Goleniowa jest w celu 1; harmonogram zależy od PKP PLK.',
      dispositionBy: { id: expertId },
      assignee: { id: expertId },
      approved: true,
      notes: [{ body: 'Zapytać PKP PLK o termin.', author: 'Ekspert SSOM' }],
    });
    expect((await table('?disposition=partly_accepted')).map((r) => r.number)).toEqual([numbers.transport]);
    // A new draft needs approval again.
    await server.request(`/api/consultation-comments/${ids.transport}/disposition`, { method: 'PUT', token: coordinator, body: { disposition: 'accepted', justification: 'Przyjęto w całości.' } });
    expect((await table(`?q=${encodeURIComponent(numbers.transport)}`))[0].approved).toBe(false);

    // Partners see neither the triage table nor the notes; their own comments carry no internal notes.
    expect((await server.request(`/api/rounds/${roundId}/triage`, { token: partner })).status).toBe(403);
    const own = await server.request(`/api/rounds/${roundId}/comments`, { token: partner });
    expect(JSON.stringify(own.body)).not.toContain('PKP PLK o termin');
    expect((await server.request(`/api/consultation-comments/${ids.partner}/notes`, { token: partner, body: { body: 'x' } })).status).toBe(403);

    // Withdrawn comments take no decision.
    const withdrawn = await server.request(`/api/consultation-comments/${ids.partner}`, { method: 'DELETE', token: partner });
    expect(withdrawn.body.withdrawn).toBe(true);
    expect((await server.request(`/api/consultation-comments/${ids.partner}/disposition`, { method: 'PUT', token: coordinator, body: { disposition: 'rejected', justification: 'x' } })).status).toBe(409);
    expect((await server.request(`/api/consultation-comments/00000000-0000-4000-8000-000000000000/disposition`, { method: 'PUT', token: coordinator, body: { disposition: 'rejected', justification: 'x' } })).status).toBe(404);

    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=10`, { token: coordinator });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['consultation.comment_assigned', 'consultation.comment_decided', 'consultation.comment_approved']));
  });
});
