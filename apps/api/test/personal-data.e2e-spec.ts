import { MailOutbox } from '../src/notifications/mail-outbox';
import { RetentionService } from '../src/personal-data/retention.service';
import { eventually } from './support/collab-clients';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

const DAY = 24 * 60 * 60 * 1000;
const ZOFIA = { name: 'Zofia Wróblewska', email: 'Zofia.Wroblewska@example.pl' };

describe('personal data: retention of commenters’ contact data, the export of everything held about a person', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let observer: string;
  let partner: string;
  let other: { workspaceId: string; token: string };
  let roundId: string;
  let publishedAt: Date;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  const retention = () => server.server.app.get(RetentionService);
  const commentRow = async (key: string) =>
    (await server.db.query(`SELECT email, edit_secret_hash, submitter_name, user_id, justification, contact_erased_at FROM consultation_comments WHERE id = $1`, [ids[key]]))[0];
  const erasures = async () => Number((await server.db.query(`SELECT count(*) FROM audit_entries WHERE action = 'personal_data.contact_erased' AND target_id = $1`, [roundId]))[0].count);
  const exportOf = async (email: string, token = coordinator, workspaceId = ws) => {
    const response = await fetch(`${server.url}/api/workspaces/${workspaceId}/personal-data/export?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, disposition: response.headers.get('content-disposition'), type: response.headers.get('content-type'), text, body: response.ok ? JSON.parse(text) : null };
  };
  const staffSearch = async (q: string) => {
    const answer = await server.request(`/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}&kind=consultation_comment&limit=50`, { token: coordinator });
    expect(answer.status).toBe(200);
    return (answer.body.groups as Array<{ kind: string; hits: Array<{ id: string }> }>).find((g) => g.kind === 'consultation_comment')?.hits ?? [];
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    observer = await server.login('obserwator@som.example');
    partner = await server.login('partner@som.example');
    other = await otherAssociation(server);

    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator })).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await server.request(`/api/documents/${documentId}/versions`, { token: coordinator, body: { name: 'v1 do konsultacji' } })).body.id;
    const created = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: coordinator,
      body: { documentId, versionId, title: 'Konsultacje z danymi osobowymi', audiences: ['partners', 'public'], channels: ['online_form', 'post'], opensAt: new Date(Date.now() - DAY).toISOString() },
    });
    expect(created.status).toBe(201);
    roundId = created.body.id;
    // The default information clause states the retention in force when the round is made.
    expect(created.body.informationClause).toContain('są usuwane 90 dni po opublikowaniu sprawozdania');
    await server.request(`/api/rounds/${roundId}/announce`, { token: coordinator, body: {} });
    await server.request(`/api/rounds/${roundId}/open`, { token: coordinator, body: {} });

    const send = async (key: string, path: string, body: Record<string, unknown>, token?: string) => {
      const response = await server.request(path, { token, body });
      expect(response.status).toBe(201);
      ids[key] = response.body.id;
      numbers[key] = response.body.number;
    };
    await send('zofia', `/api/public/rounds/${roundId}/comments`, {
      part: 'Rozdział 2',
      proposedWording: 'Dodać ścieżki rowerowe.',
      justification: 'Piszę jako mieszkanka; Zofia Wróblewska, tel. 601 234 567.',
      submitter: { kind: 'person', name: ZOFIA.name, type: 'resident' },
      email: ZOFIA.email,
    });
    await send('institution', `/api/public/rounds/${roundId}/comments`, {
      part: 'Rozdział 1',
      proposedWording: 'Dodać dane o smogu.',
      justification: 'Popieramy uwagę p. Wróblewskiej.',
      submitter: { kind: 'institution', name: 'Fundacja Zielony Szczecin', type: 'other' },
      email: 'biuro@zielony.example',
    });
    await send('jan', `/api/rounds/${roundId}/comments/entered`, { part: 'Załącznik', proposedWording: 'Mapa.', justification: 'Brak granic.', submitter: { kind: 'person', name: 'Jan Kowalczyk', type: 'resident' }, channel: 'post' }, coordinator);
    await send('partner', `/api/rounds/${roundId}/comments`, { part: 'Rozdział 3', proposedWording: 'Cel morski.', justification: 'Porty.' }, partner);

    await server.db.query(`UPDATE consultation_rounds SET announced_at = now() - interval '40 days', closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    expect((await server.request(`/api/rounds/${roundId}/close`, { token: coordinator, body: {} })).status).toBe(200);
    for (const key of Object.keys(ids)) {
      expect((await server.request(`/api/consultation-comments/${ids[key]}/disposition`, { method: 'PUT', token: coordinator, body: { disposition: 'explanation', justification: 'Wyjaśniono.' } })).status).toBe(204);
      expect((await server.request(`/api/consultation-comments/${ids[key]}/disposition/approve`, { token: coordinator, body: {} })).status).toBe(204);
    }
    const published = await server.request(`/api/rounds/${roundId}/report/publish`, { token: coordinator, body: {} });
    expect(published.status).toBe(201);
    publishedAt = new Date(published.body.publishedAt);
  }, 120_000);
  afterAll(() => server?.close());

  it('lets any member read the retention setting and only this workspace’s coordinators change it, naming a bad field', async () => {
    const path = `/api/workspaces/${ws}/personal-data/settings`;
    for (const token of [coordinator, expert, observer]) {
      expect(await server.request(path, { token })).toMatchObject({ status: 200, body: { contactRetentionDays: 90 } });
    }
    expect((await server.request(path, { token: other.token })).status).toBe(403);
    for (const token of [expert, observer, partner, other.token]) {
      expect((await server.request(path, { method: 'PUT', token, body: { contactRetentionDays: 30 } })).status).toBe(403);
    }
    for (const bad of [0, 3651, 1.5, '30', null, -1]) {
      const refused = await server.request(path, { method: 'PUT', token: coordinator, body: { contactRetentionDays: bad } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('contactRetentionDays');
    }
    expect((await server.request(path, { method: 'PUT', token: coordinator, body: {} })).status).toBe(400);
    expect(await server.request(path, { method: 'PUT', token: coordinator, body: { contactRetentionDays: 120 } })).toMatchObject({ status: 200, body: { contactRetentionDays: 120 } });
    expect(await server.request(path, { token: expert })).toMatchObject({ status: 200, body: { contactRetentionDays: 120 } });
    expect(await server.request(path, { method: 'PUT', token: coordinator, body: { contactRetentionDays: 90 } })).toMatchObject({ status: 200, body: { contactRetentionDays: 90 } });
    const changes = await server.db.query(
      `SELECT actor_id, target_id, details FROM audit_entries WHERE action = 'personal_data.settings_changed' AND workspace_id = $1 ORDER BY seq`,
      [ws],
    );
    expect(changes.map((c: { details: unknown }) => c.details)).toEqual([{ contactRetentionDays: { from: 90, to: 120 } }, { contactRetentionDays: { from: 120, to: 90 } }]);
    expect(changes[0].target_id).toBe(ws);
  });

  it('exports everything the workspace holds about an address to its coordinators only, audited without the address', async () => {
    // Another association holds the same address: nothing of it comes into this workspace's export.
    expect((await server.request(`/api/workspaces/${other.workspaceId}/invitations`, { token: other.token, body: { email: ZOFIA.email.toLowerCase(), role: 'observer' } })).status).toBe(201);

    const found = await exportOf(ZOFIA.email);
    expect(found.status).toBe(200);
    expect(found.type).toMatch(/^application\/json/);
    expect(found.disposition).toMatch(/^attachment; filename="dane-osobowe-[a-z0-9-]+\.json"/);
    expect(found.body.subject).toEqual({ email: ZOFIA.email.toLowerCase(), hasAccount: false });
    expect(found.body.account).toBeNull();
    expect(found.body.workspaces).toHaveLength(1);
    const section = found.body.workspaces[0];
    expect(section.workspace.id).toBe(ws);
    expect(section.consultationComments).toEqual([
      expect.objectContaining({ id: ids.zofia, number: numbers.zofia, round_title: 'Konsultacje z danymi osobowymi', submitter_name: ZOFIA.name, email: ZOFIA.email, edit_secret_held: true }),
    ]);
    expect(section.invitations).toEqual([]);
    expect(section.mailDeliveries.map((m: { kind: string }) => m.kind)).toEqual(expect.arrayContaining(['receipt', 'report_published']));
    expect(found.text).not.toContain(other.workspaceId);
    expect(found.body.notIncluded.map((n: { what: string }) => n.what).join(' ')).toContain('secret ballots');

    // The other association's coordinator finds its invitation and none of this workspace's comments.
    const there = await exportOf(ZOFIA.email, other.token, other.workspaceId);
    expect(there.status).toBe(200);
    expect(there.body.workspaces[0].invitations).toHaveLength(1);
    expect(there.body.workspaces[0].consultationComments).toEqual([]);
    expect(there.text).not.toContain(ids.zofia);

    // A member's account and what it did here, by its address.
    const member = await exportOf('partner@som.example');
    expect(member.body.subject.hasAccount).toBe(true);
    expect(member.body.account).toMatchObject({ email: 'partner@som.example' });
    expect(member.body.workspaces[0].membership).toMatchObject({ role: 'partner', active: true });
    expect(member.body.workspaces[0].consultationComments.map((c: { id: string }) => c.id)).toContain(ids.partner);
    expect(member.body.workspaces[0].auditEntries.length).toBeGreaterThan(0);
    expect(member.body.sessions).toBeUndefined();

    for (const token of [expert, observer, partner]) expect((await exportOf(ZOFIA.email, token)).status).toBe(403);
    expect((await exportOf(ZOFIA.email, other.token)).status).toBe(403);
    for (const bad of ['', 'not-an-address', 'a'.repeat(320) + '@example.pl']) {
      const refused = await exportOf(bad);
      expect(refused.status).toBe(400);
    }
    const missing = await fetch(`${server.url}/api/workspaces/${ws}/personal-data/export`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('email');
    const nul = await fetch(`${server.url}/api/workspaces/${ws}/personal-data/export?email=zofia%00@example.pl`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(nul.status).toBe(400);
    expect((await fetch(`${server.url}/api/workspaces/${ws}/personal-data/export?email=x@example.pl`)).status).toBe(401);

    const audited = await server.db.query(`SELECT actor_id, target_type, target_id, details FROM audit_entries WHERE action = 'personal_data.exported' AND workspace_id = $1`, [ws]);
    expect(audited.length).toBe(2);
    expect(JSON.stringify(audited)).not.toMatch(/@/);
    expect(audited[0]).toMatchObject({ target_type: 'email_hmac', target_id: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('gives every signed-in person their own data across their workspaces', async () => {
    const response = await fetch(`${server.url}/api/account/personal-data`, { headers: { authorization: `Bearer ${partner}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="moje-dane-osobowe\.json"/);
    const own = (await response.json()) as any;
    expect(own.account).toMatchObject({ email: 'partner@som.example' });
    expect(own.workspaces.map((w: { workspace: { id: string } }) => w.workspace.id)).toEqual([ws]);
    expect(own.workspaces[0].consultationComments.map((c: { id: string }) => c.id)).toContain(ids.partner);
    expect(own.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(own)).not.toMatch(/token_hash|password_hash/);
    expect((await fetch(`${server.url}/api/account/personal-data`)).status).toBe(401);
    const [me] = await server.db.query(`SELECT id FROM users WHERE email = 'partner@som.example'`);
    const audited = await server.db.query(`SELECT actor_id, target_type, target_id FROM audit_entries WHERE action = 'personal_data.exported' AND chain = 'system'`);
    expect(audited).toEqual([{ actor_id: me.id, target_type: 'user', target_id: me.id }]);
  });

  it('erases the contact data once the retention period after the report has passed, once, with the report’s pseudonym', async () => {
    // Staff find the comment by its author's name before the erasure (the index has caught up).
    await eventually(async () => (await staffSearch('Wróblewska')).some((h) => h.id === ids.zofia), 15_000, 'the comment indexed under its author');

    // The receipts and the report's notice have gone out (a message still being sent is left for its worker).
    await server.server.app.get(MailOutbox).idle();
    // Not yet: 89 days after the publication.
    expect(await retention().sweep(new Date(publishedAt.getTime() + 89 * DAY))).toBe(0);
    expect(await commentRow('zofia')).toMatchObject({ email: ZOFIA.email, submitter_name: ZOFIA.name, contact_erased_at: null });
    expect(await erasures()).toBe(0);

    const report = await server.request(`/api/public/rounds/${roundId}/report`);
    const annex = report.body.content.annex as Array<{ number: string; submitter: { kind: string; number?: number } }>;
    const zofiaNumber = annex.find((e) => e.number === numbers.zofia)?.submitter.number;
    const janNumber = annex.find((e) => e.number === numbers.jan)?.submitter.number;
    expect([zofiaNumber, janNumber].sort()).toEqual([1, 2]);

    const at = new Date(publishedAt.getTime() + 90 * DAY + 1000);
    expect(await retention().sweep(at)).toBe(4);
    const zofia = await commentRow('zofia');
    expect(zofia).toMatchObject({ email: null, edit_secret_hash: null, submitter_name: `Osoba fizyczna nr ${zofiaNumber}` });
    expect(zofia.contact_erased_at).not.toBeNull();
    expect(zofia.justification).not.toContain('Wróblewska');
    expect((await commentRow('jan')).submitter_name).toBe(`Osoba fizyczna nr ${janNumber}`);
    expect(await commentRow('institution')).toMatchObject({ email: null, submitter_name: 'Fundacja Zielony Szczecin' });
    expect((await commentRow('institution')).justification).not.toContain('Wróblewskiej');
    // The signed-in partner's account stays linked: it is not the contact data of a public commenter.
    expect((await commentRow('partner')).user_id).not.toBeNull();

    const entries = await server.db.query(`SELECT actor_id, target_type, details FROM audit_entries WHERE action = 'personal_data.contact_erased' AND target_id = $1`, [roundId]);
    expect(entries).toEqual([{ actor_id: null, target_type: 'consultation_round', details: { comments: 4, retentionDays: 90 } }]);

    // Idempotent: a second sweep, and two at once, erase nothing more and write no second entry.
    expect(await Promise.all([retention().sweep(at), retention().sweep(new Date(at.getTime() + DAY))])).toEqual([0, 0]);
    expect(await erasures()).toBe(1);

    // The report built again numbers the people as before.
    const preview = await server.request(`/api/rounds/${roundId}/report`, { token: coordinator });
    expect(preview.body.content.annex.find((e: { number: string }) => e.number === numbers.zofia).submitter).toMatchObject({ kind: 'person', number: zofiaNumber });

    // The old address no longer finds the comment, nor the mail sent to it about the round.
    const after = await exportOf(ZOFIA.email);
    expect(after.body.workspaces[0].consultationComments).toEqual([]);
    expect(after.body.workspaces[0].mailDeliveries).toEqual([]);

    // Staff's search no longer finds the comment by the name.
    await eventually(async () => !(await staffSearch('Wróblewska')).some((h) => h.id === ids.zofia), 15_000, 'the erased name gone from the index');
  });
});
