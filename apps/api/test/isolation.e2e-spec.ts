import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';

/** A person of workspace A can neither read nor change anything of workspace B, by any route. */
describe('workspace isolation', () => {
  let server: TestServer;
  let a: string; // SSOM (demo)
  let b: string; // a second association
  let coordinatorA: string;
  let coordinatorB: string;
  let orgB: string;
  let membershipB: string;
  let invitationB: string;

  beforeAll(async () => {
    server = await TestServer.start();
    a = await server.demoWorkspaceId();
    coordinatorA = await server.login('koordynator@som.example');
    const created = await createWorkspace(server.db, server.config, {
      slug: 'kom',
      name: 'Stowarzyszenie Koszalińskiego Obszaru Funkcjonalnego',
      shortName: 'KOF',
      coordinatorEmail: 'biuro@kof.example',
      coordinatorName: 'Koordynator KOF',
    });
    b = created.workspaceId;
    const token = new URL(created.invitationLink).searchParams.get('token');
    const accepted = await server.request(`/api/invitations/${token}/accept`, { body: { password: 'hasło-koordynatora-kof' } });
    coordinatorB = accepted.body.token;
    const org = await server.request(`/api/workspaces/${b}/organisations`, {
      token: coordinatorB,
      body: { kind: 'member', type: 'gmina_miejska', name: 'Gmina Miasto Koszalin', population: 105000 },
    });
    orgB = org.body.id;
    const people = await server.request(`/api/workspaces/${b}/people`, { token: coordinatorB });
    membershipB = people.body[0].membershipId;
    const invite = await server.request(`/api/workspaces/${b}/invitations`, { token: coordinatorB, body: { email: 'ekspert@kof.example', role: 'expert' } });
    invitationB = invite.body.id;
  });
  afterAll(() => server?.close());

  it("refuses every route of workspace B to A's coordinator", async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/workspaces/${b}`],
      ['GET', `/api/workspaces/${b}/organisations`],
      ['GET', `/api/workspaces/${b}/organisations/${orgB}`],
      ['POST', `/api/workspaces/${b}/organisations`, { kind: 'partner', type: 'other', name: 'Intruz' }],
      ['PATCH', `/api/workspaces/${b}/organisations/${orgB}`, { name: 'Przejęta' }],
      ['GET', `/api/workspaces/${b}/people`],
      ['PATCH', `/api/workspaces/${b}/people/${membershipB}`, { role: 'observer' }],
      ['POST', `/api/workspaces/${b}/people/${membershipB}/deactivate`],
      ['GET', `/api/workspaces/${b}/invitations`],
      ['POST', `/api/workspaces/${b}/invitations`, { email: 'intruz@som.example', role: 'coordinator' }],
      ['DELETE', `/api/workspaces/${b}/invitations/${invitationB}`],
      ['GET', `/api/workspaces/${b}/documents`],
      ['GET', `/api/workspaces/${b}/audit`],
      ['GET', `/api/workspaces/${b}/audit/verify`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await server.request(path, { method, token: coordinatorA, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
  });

  it("does not reach B's records through A's routes", async () => {
    const viaA: [string, string, unknown?][] = [
      ['GET', `/api/workspaces/${a}/organisations/${orgB}`],
      ['PATCH', `/api/workspaces/${a}/organisations/${orgB}`, { name: 'Przejęta' }],
      ['PATCH', `/api/workspaces/${a}/people/${membershipB}`, { role: 'observer' }],
      ['POST', `/api/workspaces/${a}/people/${membershipB}/deactivate`],
      ['DELETE', `/api/workspaces/${a}/invitations/${invitationB}`],
      ['POST', `/api/workspaces/${a}/invitations`, { email: 'rep@som.example', role: 'representative', organisationId: orgB }],
    ];
    for (const [method, path, body] of viaA) {
      const response = await server.request(path, { method, token: coordinatorA, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
    }
    const stillThere = await server.request(`/api/workspaces/${b}/organisations/${orgB}`, { token: coordinatorB });
    expect(stillThere.body.name).toBe('Gmina Miasto Koszalin');
    const stillActive = await server.request(`/api/workspaces/${b}/people`, { token: coordinatorB });
    expect(stillActive.body[0]).toMatchObject({ role: 'coordinator', active: true });
  });

  it("refuses B's documents, their text, versions, comments and notifications to A's coordinator", async () => {
    const documentB = (await server.request(`/api/workspaces/${b}/documents`, { token: coordinatorB, body: { title: 'Strategia KOF', kind: 'strategy' } })).body.id;
    const versionB = (await server.request(`/api/documents/${documentB}/versions`, { token: coordinatorB, body: { name: 'v1' } })).body.id;
    expect(versionB).toMatch(/^[0-9a-f-]{36}$/);
    const roundB = (await server.request(`/api/workspaces/${b}/rounds`, { token: coordinatorB, body: { documentId: documentB, versionId: versionB, title: 'Konsultacje KOF', audiences: ['public'], channels: ['online_form'], opensAt: new Date().toISOString() } })).body.id;
    expect(roundB).toMatch(/^[0-9a-f-]{36}$/);
    // An open round of B with a comment, for the routes that name a comment.
    await server.request(`/api/rounds/${roundB}/announce`, { token: coordinatorB, body: {} });
    await server.request(`/api/rounds/${roundB}/open`, { token: coordinatorB, body: {} });
    const commentB = (await server.request(`/api/public/rounds/${roundB}/comments`, { body: { part: 'Cele', justification: 'x', submitter: { kind: 'person', name: 'Jan', type: 'resident' } } })).body.id;
    expect(commentB).toMatch(/^[0-9a-f-]{36}$/);
    // B's own body, resolution and meeting.
    const bodyB = (await server.request(`/api/workspaces/${b}/bodies`, { token: coordinatorB, body: { kind: 'board', name: 'Zarząd KOF', nameGenitive: 'Zarządu KOF', memberIds: [orgB] } })).body.id;
    const resolutionB = (await server.request(`/api/workspaces/${b}/resolutions`, { token: coordinatorB, body: { bodyId: bodyB, kind: 'ordinary', title: 'w sprawie budżetu' } })).body.id;
    const meetingB = (await server.request(`/api/workspaces/${b}/meetings`, { token: coordinatorB, body: { bodyId: bodyB, title: 'Posiedzenie Zarządu', startsAt: new Date().toISOString(), agenda: [resolutionB] } })).body.id;
    expect([bodyB, resolutionB, meetingB].every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    const threadB = (await server.request(`/api/documents/${documentB}/comments`, { token: coordinatorB, body: { anchor: { start: 'AAAA', end: 'AAAA' }, quote: 'Strategia', body: 'Uwaga KOF' } })).body.id;
    expect(threadB).toMatch(/^[0-9a-f-]{36}$/);
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/documents/${documentB}`],
      ['PATCH', `/api/documents/${documentB}`, { title: 'Przejęta' }],
      ['GET', `/api/documents/${documentB}/text`],
      ['GET', `/api/documents/${documentB}/access`],
      ['GET', `/api/documents/${documentB}/versions`],
      ['POST', `/api/documents/${documentB}/versions`, { name: 'intruz' }],
      ['GET', `/api/documents/${documentB}/versions/${versionB}`],
      ['POST', `/api/documents/${documentB}/versions/${versionB}/restore`],
      ['GET', `/api/documents/${documentB}/compare?from=${versionB}&to=live`],
      ['GET', `/api/documents/${documentB}/comments`],
      ['POST', `/api/documents/${documentB}/comments`, { anchor: { start: 'AAAA', end: 'AAAA' }, quote: 'x', body: 'intruz' }],
      ['POST', `/api/documents/${documentB}/comments/${threadB}/replies`, { body: 'intruz' }],
      ['POST', `/api/documents/${documentB}/comments/${threadB}/resolve`],
      ['GET', `/api/documents/${documentB}/export?format=md`],
      ['GET', `/api/documents/${documentB}/export?format=pdf&version=${versionB}`],
      ['POST', `/api/workspaces/${b}/documents/import`, { kind: 'other' }],
      ['GET', `/api/workspaces/${b}/notifications`],
      ['GET', `/api/workspaces/${b}/rounds`],
      ['POST', `/api/workspaces/${b}/rounds`, { documentId: documentB, versionId: versionB, title: 'x', audiences: ['public'], channels: ['email'], opensAt: new Date().toISOString() }],
      ['GET', `/api/rounds/${roundB}`],
      ['POST', `/api/rounds/${roundB}/announce`],
      ['POST', `/api/rounds/${roundB}/meetings`, { startsAt: new Date().toISOString(), place: 'x' }],
      ['GET', `/api/rounds/${roundB}/comments`],
      ['GET', `/api/rounds/${roundB}/triage`],
      ['PUT', `/api/consultation-comments/${commentB}/assignee`, { assigneeId: null }],
      ['PUT', `/api/consultation-comments/${commentB}/disposition`, { disposition: 'accepted', justification: 'intruz' }],
      ['POST', `/api/consultation-comments/${commentB}/disposition/approve`],
      ['POST', `/api/consultation-comments/${commentB}/notes`, { body: 'intruz' }],
      ['GET', `/api/consultation-comments/${commentB}/proposal`],
      ['POST', `/api/consultation-comments/${commentB}/proposal/apply`, { text: 'intruz', expectedText: '' }],
      ['GET', `/api/rounds/${roundB}/report`],
      ['GET', `/api/rounds/${roundB}/report.pdf`],
      ['POST', `/api/rounds/${roundB}/report/publish`],
      ['POST', `/api/workspaces/${b}/notifications/read-all`],
      ['GET', `/api/workspaces/${b}/bodies`],
      ['POST', `/api/workspaces/${b}/bodies`, { kind: 'other', name: 'intruz', nameGenitive: 'intruza', memberIds: [orgB] }],
      ['GET', `/api/bodies/${bodyB}`],
      ['PATCH', `/api/bodies/${bodyB}`, { memberIds: [orgB] }],
      ['GET', `/api/workspaces/${b}/resolutions`],
      ['POST', `/api/workspaces/${b}/resolutions`, { bodyId: bodyB, kind: 'ordinary', title: 'intruz' }],
      ['GET', `/api/resolutions/${resolutionB}`],
      ['GET', `/api/resolutions/${resolutionB}/attachments`],
      ['DELETE', `/api/resolutions/${resolutionB}/attachments/${resolutionB}`],
      ['POST', `/api/resolutions/${resolutionB}/votes`, { meetingId: meetingB }],
      ['GET', `/api/resolutions/${resolutionB}/votes`],
      ['GET', `/api/workspaces/${b}/meetings`],
      ['POST', `/api/workspaces/${b}/meetings`, { bodyId: bodyB, title: 'intruz', startsAt: new Date().toISOString(), agenda: [] }],
      ['GET', `/api/meetings/${meetingB}`],
      ['POST', `/api/meetings/${meetingB}/open`],
      ['POST', `/api/meetings/${meetingB}/check-in`],
      ['POST', `/api/meetings/${meetingB}/proxies`, { toOrganisationId: orgB, authorisation: 'intruz' }],
      ['GET', `/api/meetings/${meetingB}/minutes`],
      ['GET', `/api/meetings/${meetingB}/minutes.pdf`],
      ['GET', `/api/meetings/${meetingB}/minutes.docx`],
      ['GET', `/api/workspaces/${b}/register`],
      ['GET', `/api/workspaces/${b}/register/verify`],
      ['GET', `/api/documents/${documentB}/versions/${versionB}/approvals`],
      ['POST', `/api/documents/${documentB}/versions/${versionB}/approvals`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await server.request(path, { method, token: coordinatorA, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
    const versions = await server.request(`/api/documents/${documentB}/versions`, { token: coordinatorB });
    expect(versions.body.map((v: { name: string }) => v.name)).toEqual(['v1']);
  });

  it('answers 404 for a workspace that does not exist and keeps lists and audit chains apart', async () => {
    expect((await server.request('/api/workspaces/00000000-0000-4000-8000-000000000000', { token: coordinatorA })).status).toBe(404);
    const orgsA = await server.request(`/api/workspaces/${a}/organisations`, { token: coordinatorA });
    expect(orgsA.body.map((o: { id: string }) => o.id)).not.toContain(orgB);
    const auditA = await server.request(`/api/workspaces/${a}/audit?limit=200`, { token: coordinatorA });
    expect(auditA.body.entries.every((e: { targetId: string }) => e.targetId !== orgB && e.targetId !== b)).toBe(true);
    const auditB = await server.request(`/api/workspaces/${b}/audit/verify`, { token: coordinatorB });
    // B's own entries only: its set-up, then the round announced and opened, its document into consultation, a comment,
    // a body, a resolution (with its text's document) and a meeting.
    expect(auditB.body).toMatchObject({ valid: true, checkedEntries: 16 });
  });

  it('lets one person belong to two workspaces with a different role in each', async () => {
    const invite = await server.request(`/api/workspaces/${b}/invitations`, {
      token: coordinatorB,
      body: { email: 'ekspert@som.example', role: 'observer' },
    });
    expect(invite.status).toBe(201);
    const token = server.linkToken('ekspert@som.example', '/invitation');
    const preview = await server.request(`/api/invitations/${token}`);
    expect(preview.body.accountExists).toBe(true);
    // An existing account accepts signed in as itself (see people.e2e-spec.ts).
    const expert = await server.login('ekspert@som.example');
    const accepted = await server.request(`/api/invitations/${token}/accept`, { token: expert, body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ workspaceId: b, role: 'observer' });
    const me = await server.request('/api/auth/me', { token: expert });
    const roles = Object.fromEntries(me.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role]));
    expect(roles).toEqual({ [a]: 'expert', [b]: 'observer' });
    // The old password still works: joining did not change it.
    await server.login('ekspert@som.example');
  });
});
