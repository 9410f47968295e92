import { warsawDateTime } from '../src/platform/warsaw-time';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';

describe('people, roles and invitations', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let orgs: { id: string; name: string; kind: string }[];

  const memberOrg = () => orgs.find((o) => o.kind === 'member')!;
  const partnerOrg = () => orgs.find((o) => o.kind === 'partner')!;
  const personByEmail = async (email: string) => {
    const people = await server.request(`/api/workspaces/${ws}/people`, { token: coordinator });
    return people.body.find((p: { email: string }) => p.email === email);
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    orgs = (await server.request(`/api/workspaces/${ws}/organisations`, { token: coordinator })).body;
  });
  afterAll(() => server?.close());

  it('invites a new person by e-mail; the link sets a password and signs the person in', async () => {
    const invite = await server.request(`/api/workspaces/${ws}/invitations`, {
      token: coordinator,
      body: { email: 'Anna.Nowak@Police.example', role: 'representative', organisationId: memberOrg().id, displayName: 'Anna Nowak' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: 'anna.nowak@police.example', role: 'representative', expired: false });
    const mail = server.outbox().find((m) => m.to === 'anna.nowak@police.example')!;
    expect(mail.subject).toContain('Zaproszenie');
    expect(mail.text).toContain('http://commonplan.test/invitation?token=');
    // The link's expiry in Warsaw's time, in both languages of the mail, never as a UTC timestamp.
    expect(mail.text).toContain(`Link jest ważny do ${warsawDateTime(invite.body.expiresAt)}. / The link is valid until ${warsawDateTime(invite.body.expiresAt, 'en')}.`);
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}:\d{2}(\.\d+)?Z|UTC/);

    const token = server.linkToken('anna.nowak@police.example', '/invitation');
    const preview = await server.request(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email: 'anna.nowak@police.example', role: 'representative', accountExists: false });
    expect(preview.body.organisation.name).toBe(memberOrg().name);

    const noPassword = await server.request(`/api/invitations/${token}/accept`, { body: {} });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.errors[0].field).toBe('password');

    const accepted = await server.request(`/api/invitations/${token}/accept`, { body: { password: 'hasło-anny-nowak' } });
    expect(accepted.status).toBe(200);
    const me = await server.request('/api/auth/me', { token: accepted.body.token });
    expect(me.body).toMatchObject({ displayName: 'Anna Nowak' });
    expect(me.body.workspaces[0]).toMatchObject({ id: ws, role: 'representative', organisationId: memberOrg().id, organisationName: memberOrg().name });
    await server.login('anna.nowak@police.example', 'hasło-anny-nowak');

    expect((await server.request(`/api/invitations/${token}`)).status).toBe(410);
    expect((await server.request(`/api/invitations/${token}/accept`, { body: { password: 'hasło-anny-nowak' } })).status).toBe(410);
    expect((await server.request(`/api/invitations/not-a-token`)).status).toBe(404);
  });

  it('accepts an invitation to an existing account only from that person signed in, and opens no new session', async () => {
    // A second association invites SSOM's expert, who already has an account.
    const other = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'KOF', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
    const kof = (await server.request(`/api/invitations/${new URL(other.invitationLink).searchParams.get('token')}/accept`, { body: { password: 'hasło koordynatora kof' } })).body.token;
    expect((await server.request(`/api/workspaces/${other.workspaceId}/invitations`, { token: kof, body: { email: 'ekspert@som.example', role: 'observer' } })).status).toBe(201);
    const token = server.linkToken('ekspert@som.example', '/invitation');
    expect((await server.request(`/api/invitations/${token}`)).body).toMatchObject({ email: 'ekspert@som.example', accountExists: true });
    const [expert] = await server.db.query(`SELECT id FROM users WHERE email = 'ekspert@som.example'`);
    const sessions = async () => Number((await server.db.query(`SELECT count(*) AS n FROM sessions WHERE user_id = $1`, [expert.id]))[0].n);
    const memberOfKof = async () => (await server.db.query(`SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [other.workspaceId, expert.id])).length === 1;
    const before = await sessions();

    // Holding the link is not enough: no sign-in, no password set, no membership.
    for (const body of [{}, { displayName: 'Ktoś', password: 'hasło przejęcia konta' }]) {
      const anonymous = await server.request(`/api/invitations/${token}/accept`, { body });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ code: 'sign_in_required', message: expect.stringContaining('sign in') });
      expect(anonymous.body.token).toBeUndefined();
      expect(anonymous.headers.getSetCookie()).toEqual([]);
    }
    expect((await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: 'hasło przejęcia konta' } })).status).toBe(401);
    // Someone else signed in: 403.
    const wrong = await server.request(`/api/invitations/${token}/accept`, { token: coordinator, body: {} });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('wrong_account');
    expect(await memberOfKof()).toBe(false);
    expect(await sessions()).toBe(before);

    // The invited person, signed in by cookie as the web app is: the CSRF header is needed, then the membership is added.
    const login = await server.request('/api/auth/login', { body: { email: 'ekspert@som.example', password: 'demo-ssom-2026' } });
    const cookies = Object.fromEntries(login.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
    const cookie = `cp_session=${cookies.cp_session}; cp_csrf=${cookies.cp_csrf}`;
    const signedIn = await sessions();
    expect((await server.request(`/api/invitations/${token}/accept`, { headers: { cookie }, body: {} })).status).toBe(403);
    expect(await memberOfKof()).toBe(false);
    const accepted = await server.request(`/api/invitations/${token}/accept`, { headers: { cookie, 'x-csrf-token': cookies.cp_csrf }, body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ workspaceId: other.workspaceId, role: 'observer' });
    expect(accepted.headers.getSetCookie()).toEqual([]);
    expect(await sessions()).toBe(signedIn);
    expect(await memberOfKof()).toBe(true);
    const me = await server.request('/api/auth/me', { headers: { cookie } });
    expect(me.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual(expect.arrayContaining([[other.workspaceId, 'observer'], [ws, 'expert']]));
    expect((await server.request(`/api/invitations/${token}/accept`, { headers: { cookie, 'x-csrf-token': cookies.cp_csrf }, body: {} })).status).toBe(410);
    await server.login('ekspert@som.example');
  });

  it('refuses to invite someone already in the workspace, and checks the role against the organisation', async () => {
    const again = await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator, body: { email: 'ekspert@som.example', role: 'expert' } });
    expect(again.status).toBe(409);
    const repWithoutOrg = await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator, body: { email: 'x@y.pl', role: 'representative' } });
    expect(repWithoutOrg.status).toBe(422);
    expect(repWithoutOrg.body.errors[0].field).toBe('organisationId');
    const repOfPartner = await server.request(`/api/workspaces/${ws}/invitations`, {
      token: coordinator,
      body: { email: 'x@y.pl', role: 'representative', organisationId: partnerOrg().id },
    });
    expect(repOfPartner.status).toBe(422);
    const expertWithOrg = await server.request(`/api/workspaces/${ws}/invitations`, {
      token: coordinator,
      body: { email: 'x@y.pl', role: 'expert', organisationId: partnerOrg().id },
    });
    expect(expertWithOrg.status).toBe(422);
    const badRole = await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator, body: { email: 'x@y.pl', role: 'admin' } });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0]).toMatchObject({ field: 'role' });
    const unknownOrg = await server.request(`/api/workspaces/${ws}/invitations`, {
      token: coordinator,
      body: { email: 'x@y.pl', role: 'partner', organisationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownOrg.status).toBe(404);
  });

  it('lists and withdraws pending invitations; a withdrawn or expired link is gone', async () => {
    await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator, body: { email: 'late@som.example', role: 'observer' } });
    await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator, body: { email: 'gone@som.example', role: 'observer' } });
    const pending = await server.request(`/api/workspaces/${ws}/invitations`, { token: coordinator });
    const late = pending.body.find((i: { email: string }) => i.email === 'late@som.example');
    const gone = pending.body.find((i: { email: string }) => i.email === 'gone@som.example');

    expect((await server.request(`/api/workspaces/${ws}/invitations/${gone.id}`, { method: 'DELETE', token: coordinator })).status).toBe(204);
    expect((await server.request(`/api/workspaces/${ws}/invitations/${gone.id}`, { method: 'DELETE', token: coordinator })).status).toBe(404);
    expect((await server.request(`/api/invitations/${server.linkToken('gone@som.example', '/invitation')}`)).status).toBe(410);

    await server.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [late.id]);
    const expired = await server.request(`/api/invitations/${server.linkToken('late@som.example', '/invitation')}`);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('changes roles with the organisation the role needs, and keeps one coordinator', async () => {
    const expert = await personByEmail('ekspert@som.example');
    const toPartner = await server.request(`/api/workspaces/${ws}/people/${expert.membershipId}`, {
      method: 'PATCH',
      token: coordinator,
      body: { role: 'partner', organisationId: partnerOrg().id },
    });
    expect(toPartner.status).toBe(200);
    expect(toPartner.body).toMatchObject({ role: 'partner', organisationId: partnerOrg().id });
    const back = await server.request(`/api/workspaces/${ws}/people/${expert.membershipId}`, {
      method: 'PATCH',
      token: coordinator,
      body: { role: 'expert', organisationId: null },
    });
    expect(back.status).toBe(200);

    const self = await personByEmail('koordynator@som.example');
    const demoteSelf = await server.request(`/api/workspaces/${ws}/people/${self.membershipId}`, {
      method: 'PATCH',
      token: coordinator,
      body: { role: 'observer' },
    });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.message).toMatch(/at least one active coordinator/);
    const unknown = await server.request(`/api/workspaces/${ws}/people/00000000-0000-4000-8000-000000000000`, {
      method: 'PATCH',
      token: coordinator,
      body: { role: 'observer' },
    });
    expect(unknown.status).toBe(404);
    const badId = await server.request(`/api/workspaces/${ws}/people/123`, { method: 'PATCH', token: coordinator, body: { role: 'observer' } });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toBe('membershipId must be a UUID');
  });

  it('deactivation shuts the person out of the workspace at once; reactivation lets them back', async () => {
    const observerToken = await server.login('obserwator@som.example');
    expect((await server.request(`/api/workspaces/${ws}`, { token: observerToken })).status).toBe(200);
    const observer = await personByEmail('obserwator@som.example');

    const off = await server.request(`/api/workspaces/${ws}/people/${observer.membershipId}/deactivate`, { method: 'POST', token: coordinator });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await server.request(`/api/workspaces/${ws}`, { token: observerToken })).status).toBe(403);
    expect((await server.request('/api/auth/me', { token: observerToken })).body.workspaces).toEqual([]);

    const on = await server.request(`/api/workspaces/${ws}/people/${observer.membershipId}/reactivate`, { method: 'POST', token: coordinator });
    expect(on.body.active).toBe(true);
    expect((await server.request(`/api/workspaces/${ws}`, { token: observerToken })).status).toBe(200);

    const self = await personByEmail('koordynator@som.example');
    expect((await server.request(`/api/workspaces/${ws}/people/${self.membershipId}/deactivate`, { method: 'POST', token: coordinator })).status).toBe(409);
  });

  it('lets only coordinators manage people, and shows e-mail addresses only to them', async () => {
    const expertToken = await server.login('ekspert@som.example');
    const people = await server.request(`/api/workspaces/${ws}/people`, { token: expertToken });
    expect(people.status).toBe(200);
    expect(people.body.length).toBeGreaterThanOrEqual(19);
    expect(people.body.every((p: object) => !('email' in p))).toBe(true);
    const representatives = people.body.filter((p: { role: string }) => p.role === 'representative');
    expect(representatives.length).toBeGreaterThanOrEqual(8);

    for (const email of ['ekspert@som.example', 'partner@som.example', 'obserwator@som.example', 'przedstawiciel.dobra@som.example']) {
      const token = await server.login(email);
      const invite = await server.request(`/api/workspaces/${ws}/invitations`, { token, body: { email: 'z@som.example', role: 'observer' } });
      expect(invite.status).toBe(403);
      expect((await server.request(`/api/workspaces/${ws}/invitations`, { token })).status).toBe(403);
      expect((await server.request(`/api/workspaces/${ws}/audit`, { token })).status).toBe(403);
      const target = people.body[0].membershipId;
      expect((await server.request(`/api/workspaces/${ws}/people/${target}/deactivate`, { method: 'POST', token })).status).toBe(403);
    }
  });

  it('records every change of people and invitations in the workspace audit trail', async () => {
    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=200`, { token: coordinator });
    const actions = new Set(audit.body.entries.map((e: { action: string }) => e.action));
    for (const action of ['invitation.created', 'invitation.accepted', 'invitation.revoked', 'membership.role_changed', 'membership.deactivated', 'membership.reactivated']) {
      expect(actions).toContain(action);
    }
    const verify = await server.request(`/api/workspaces/${ws}/audit/verify`, { token: coordinator });
    expect(verify.body).toMatchObject({ valid: true, firstBroken: null });
  });
});
