import JSZip from 'jszip';
import { MEETING_EVENTS, MEETINGS_NAMESPACE } from '@commonplan/sync';
import type { Socket } from 'socket.io-client';
import { VotesService } from '../src/decisions/votes.service';
import { MailOutbox } from '../src/notifications/mail-outbox';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { warsawDateTime } from '../src/platform/warsaw-time';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient } from './support/collab-clients';

/** The 15 SSOM members in the seed's order, each with its representative's login. */
const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));

describe('decisions: a meeting of the general assembly with the 15 SSOM members, votes, the register', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let partner: string;
  const tokens: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  let assemblyId: string;
  let documentId: string;
  let versionHash: string;
  const sockets: Socket[] = [];

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  /** A refusal's status and stable code (problem details), which the web app translates. */
  const refusal = async (pending: Promise<{ status: number; body: { code?: string } }>) => {
    const { status, body } = await pending;
    return { status, code: body.code };
  };
  const meetingOf = async (meetingId: string) => (await api(`/meetings/${meetingId}`, coordinator)).body;

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    partner = await server.login('partner@som.example');
    for (const member of MEMBERS) tokens[member.name] = await server.login(member.email);
    const organisations = (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>;
    for (const o of organisations) orgIds[o.name] = o.id;
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string; members: unknown[] }>;
    assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    expect(bodies.find((b) => b.kind === 'general_assembly')!.members).toHaveLength(15);
    expect(bodies.find((b) => b.kind === 'board')!.members).toHaveLength(6);
    documentId = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const version = (await api(`/documents/${documentId}/versions`, coordinator, { name: 'Strategia – wersja do przyjęcia' })).body;
    versionHash = version.contentHash;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  it('checks members in with the quorum live, takes a named vote with a proxy, adopts and numbers the resolution, registers it and adopts the strategy', async () => {
    const resolution = (
      await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie przyjęcia Strategii Rozwoju SOM 2030', adoptsVersionId: (await api(`/documents/${documentId}/versions`, coordinator)).body[0].id })
    ).body;
    expect(resolution).toMatchObject({ state: 'draft', number: null, adopts: { contentHash: versionHash } });
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'XXI Walne Zebranie Członków', startsAt: new Date().toISOString(), place: 'Szczecin, Urząd Miasta', agenda: [resolution.id] })).body;
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).body.state).toBe('open');

    // Everyone in the workspace may follow the meeting live.
    const socket = ioClient(server, tokens['Gmina Police'], MEETINGS_NAMESPACE);
    sockets.push(socket);
    await connected(socket);
    expect(await emitAck(socket, MEETING_EVENTS.watch, meeting.id)).toEqual({ ok: true });
    const events: Array<{ type: string }> = [];
    socket.on(MEETING_EVENTS.event, (id: string, event: { type: string }) => id === meeting.id && events.push(event));

    // Seven of fifteen present: no quorum (at least half means 8).
    for (const member of MEMBERS.slice(0, 7)) expect((await api(`/meetings/${meeting.id}/check-in`, tokens[member.name], {})).status).toBe(200);
    expect((await meetingOf(meeting.id)).quorum).toMatchObject({ total: 15, actual: 7, minimum: 8, reached: false });
    await eventually(() => events.filter((e) => e.type === 'attendance_changed').length === 7, 5_000, 'attendance events');
    for (const member of MEMBERS.slice(7, 10)) await api(`/meetings/${meeting.id}/check-in`, tokens[member.name], {});
    expect((await meetingOf(meeting.id)).quorum).toMatchObject({ actual: 10, reached: true });
    // A partner is no member's representative.
    expect((await api(`/meetings/${meeting.id}/check-in`, partner, {})).status).toBe(403);

    // Proxies: refused under the default rules, allowed once the coordinator sets the statute's rule.
    const absent = MEMBERS[10];
    const holder = MEMBERS[0];
    const proxy = { toOrganisationId: orgIds[holder.name], authorisation: 'Pełnomocnictwo Wójta z 30 listopada 2026' };
    expect(await refusal(api(`/meetings/${meeting.id}/proxies`, tokens[absent.name], proxy))).toEqual({ status: 409, code: 'proxy_refused' });
    const body = (await api(`/bodies/${assemblyId}`, coordinator)).body;
    const allowed = await api(`/bodies/${assemblyId}`, coordinator, { rules: { ...body.rules, general: { ...body.rules.general, proxiesAllowed: true } } }, 'PATCH');
    expect(allowed.status).toBe(200);
    expect((await api(`/meetings/${meeting.id}/proxies`, tokens[absent.name], proxy)).status).toBe(201);
    // A chain (the holder's vote handed on) and a second authorisation are refused.
    expect(await refusal(api(`/meetings/${meeting.id}/proxies`, tokens[MEMBERS[11].name], { toOrganisationId: orgIds[absent.name], authorisation: 'x' }))).toEqual({ status: 409, code: 'proxy_refused' });
    expect(await refusal(api(`/meetings/${meeting.id}/proxies`, tokens[absent.name], { toOrganisationId: orgIds[MEMBERS[1].name], authorisation: 'x' }))).toEqual({ status: 409, code: 'proxy_refused' });
    const withProxy = await meetingOf(meeting.id);
    expect(withProxy.quorum.actual).toBe(11);
    expect(withProxy.members.find((m: { id: string }) => m.id === orgIds[absent.name])).toMatchObject({ presence: 'represented', representedBy: orgIds[holder.name] });

    // The vote: opened in the meeting, cast from each representative's own device.
    const vote = (await api(`/resolutions/${resolution.id}/votes`, coordinator, { meetingId: meeting.id })).body;
    expect(vote).toMatchObject({ state: 'open', ballot: 'named', castCount: 0 });
    const choices: Array<[string, string]> = [
      ...MEMBERS.slice(0, 7).map((m) => [m.name, 'for'] as [string, string]),
      [MEMBERS[7].name, 'against'],
      [MEMBERS[8].name, 'against'],
      [MEMBERS[9].name, 'abstain'],
    ];
    for (const [name, choice] of choices) expect((await api(`/votes/${vote.id}/ballots`, tokens[name], { choice })).status).toBe(201);
    // The holder votes for the member that gave the proxy.
    expect((await api(`/votes/${vote.id}/ballots`, tokens[holder.name], { choice: 'for', forOrganisationId: orgIds[absent.name] })).status).toBe(201);
    // Nobody votes twice for one member; an absent member, a partner and a stranger's proxy are refused.
    expect(await refusal(api(`/votes/${vote.id}/ballots`, tokens[MEMBERS[0].name], { choice: 'against' }))).toEqual({ status: 409, code: 'already_voted' });
    expect(await refusal(api(`/votes/${vote.id}/ballots`, tokens[MEMBERS[12].name], { choice: 'for' }))).toEqual({ status: 409, code: 'ballot_refused' });
    expect(await refusal(api(`/votes/${vote.id}/ballots`, partner, { choice: 'for' }))).toEqual({ status: 403, code: 'representatives_only' });
    expect(await refusal(api(`/votes/${vote.id}/ballots`, tokens[MEMBERS[1].name], { choice: 'for', forOrganisationId: orgIds[MEMBERS[13].name] }))).toEqual({ status: 409, code: 'ballot_refused' });
    expect((await api(`/votes/${vote.id}/ballots`, tokens[MEMBERS[2].name], { choice: 'maybe' })).status).toBe(400);
    // The tally is live on a named ballot.
    const live = (await meetingOf(meeting.id)).agenda[0].votes[0];
    expect(live.castCount).toBe(11);
    expect(live.roll.filter((r: { choice: string }) => r.choice === 'for')).toHaveLength(8);

    const closed = (await api(`/votes/${vote.id}/close`, coordinator, {})).body;
    expect(closed.state).toBe('closed');
    expect(closed.outcome).toMatchObject({ adopted: true, reason: 'adopted', quorum: { reached: true, actual: 11 }, tally: { for: { count: 8 }, against: { count: 2 }, abstain: { count: 1 } } });
    expect(await refusal(api(`/votes/${vote.id}/ballots`, tokens[MEMBERS[11].name], { choice: 'for' }))).toEqual({ status: 409, code: 'vote_closed' });
    const adopted = (await api(`/resolutions/${resolution.id}`, coordinator)).body;
    const year = new Date().getUTCFullYear();
    expect(adopted).toMatchObject({ state: 'adopted', number: `1/${year}`, fullTitle: `Uchwała nr 1/${year} Walnego Zebrania Członków w sprawie przyjęcia Strategii Rozwoju SOM 2030` });
    expect((await api(`/documents/${documentId}`, coordinator)).body.status).toBe('adopted');
    await eventually(() => ['vote_opened', 'ballot_cast', 'vote_closed'].every((type) => events.some((e) => e.type === type)), 5_000, 'vote events');

    const register = (await api(`/workspaces/${ws}/register`, coordinator)).body;
    expect(register).toEqual([expect.objectContaining({ number: `1/${year}`, body: 'Walne Zebranie Członków', versionHash, result: { for: 8, against: 2, abstain: 1, quorum: true, reason: 'adopted' } })]);
    expect((await server.request(`/api/public/registers/ssom`)).body.entries).toHaveLength(1);
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true, checkedEntries: 1, checkedVotes: 1, firstBroken: null });
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).body.state).toBe('closed');
  });

  it('keeps a secret ballot secret: only the count while open, totals after; a remote vote closes at its time', async () => {
    const election = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'election', title: 'w sprawie wyboru Przewodniczącego Walnego Zebrania' })).body;
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'XXII Walne Zebranie', startsAt: new Date().toISOString(), agenda: [election.id] })).body;
    await api(`/meetings/${meeting.id}/open`, coordinator, {});
    for (const member of MEMBERS.slice(0, 9)) await api(`/meetings/${meeting.id}/check-in`, tokens[member.name], {});
    const vote = (await api(`/resolutions/${election.id}/votes`, coordinator, { meetingId: meeting.id })).body;
    expect(vote.ballot).toBe('secret');
    for (const [index, member] of MEMBERS.slice(0, 9).entries()) await api(`/votes/${vote.id}/ballots`, tokens[member.name], { choice: index < 4 ? 'for' : 'against' });
    const open = (await meetingOf(meeting.id)).agenda[0].votes[0];
    expect(open).toMatchObject({ castCount: 9, roll: null, outcome: null });
    const closed = (await api(`/votes/${vote.id}/close`, coordinator, {})).body;
    // Absolute majority of valid votes: 4 of 9 is not more than half.
    expect(closed.outcome).toMatchObject({ adopted: false, reason: 'rejected', roll: null, tally: { for: { count: 4 }, against: { count: 5 } } });
    expect((await api(`/resolutions/${election.id}`, coordinator)).body.state).toBe('rejected');
    const audit = (await api(`/workspaces/${ws}/audit?limit=100`, coordinator)).body.entries as Array<{ action: string; details: Record<string, unknown> }>;
    expect(audit.filter((e) => e.action === 'vote.ballot_cast' && e.details['voteId'] === vote.id).every((e) => !('choice' in e.details))).toBe(true);

    // A remote vote: a window, a reminder a day before, closed by the system at its time.
    const remote = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie składki członkowskiej na 2027 rok' })).body;
    expect((await api(`/resolutions/${remote.id}/votes`, coordinator, {})).status).toBe(400);
    const closesAt = new Date(Date.now() + 60 * 60 * 1000);
    const window = (await api(`/resolutions/${remote.id}/votes`, coordinator, { closesAt: closesAt.toISOString() })).body;
    for (const member of MEMBERS.slice(0, 8)) expect((await api(`/votes/${window.id}/ballots`, tokens[member.name], { choice: 'for' })).status).toBe(201);
    // Any member of the workspace reads the resolution's votes, the remote window with its closing time among them.
    const listed = (await api(`/resolutions/${remote.id}/votes`, tokens['Gmina Police'])).body;
    expect(listed).toEqual([expect.objectContaining({ id: window.id, meetingId: null, state: 'open', closesAt: closesAt.toISOString(), castCount: 8 })]);
    expect(await refusal(api(`/votes/${window.id}/close`, coordinator, {}))).toEqual({ status: 409, code: 'remote_vote_not_over' });
    const votes = server.server.app.get(VotesService);
    await votes.sweep(new Date());
    // The reminder is a notification (vote_closing): queued with the sweep's change and sent by the mail outbox.
    await server.server.app.get(MailOutbox).idle();
    const reminded = server.outbox().filter((m) => /^(\[Commonplan\] )?Przypomnienie: głosowanie/.test(m.subject));
    expect(reminded.map((m) => m.to).sort()).toEqual(MEMBERS.slice(8).map((m) => m.email).sort());
    // The closing time in Warsaw's time ("6 grudnia 2026, 00:26"), not a UTC timestamp.
    for (const mail of reminded) expect(mail.text).toContain(`kończy się ${warsawDateTime(closesAt)}.`);
    // (Links left out: their tokens are random letters.)
    expect(reminded.filter((m) => /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}:\d{2}(\.\d+)?Z|UTC/.test(m.text.replace(/https?:\/\/\S+/g, '')))).toEqual([]);
    await votes.sweep(new Date(closesAt.getTime() + 1000));
    expect((await api(`/resolutions/${remote.id}`, coordinator)).body).toMatchObject({ state: 'adopted', number: `2/${new Date().getUTCFullYear()}` });
  });

  it('lets a member’s representative approve a version for its member, naming its hash, once', async () => {
    const versionId = (await api(`/documents/${documentId}/versions`, coordinator)).body[0].id;
    const path = `/documents/${documentId}/versions/${versionId}/approvals`;
    const approved = await api(path, tokens['Gmina Police'], {});
    expect(approved.status).toBe(201);
    expect(approved.body).toEqual([expect.objectContaining({ organisation: { id: orgIds['Gmina Police'], name: 'Gmina Police' }, contentHash: versionHash })]);
    expect(await refusal(api(path, tokens['Gmina Police'], {}))).toEqual({ status: 409, code: 'already_approved' });
    expect((await api(path, partner, {})).status).toBe(403);
    expect((await api(path, coordinator, {})).status).toBe(403);
    expect((await api(path, partner)).body).toHaveLength(1);
    const audit = (await api(`/workspaces/${ws}/audit?limit=20`, coordinator)).body.entries as Array<{ action: string; details: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'document.version_approved')?.details).toMatchObject({ versionId, contentHash: versionHash, organisationId: orgIds['Gmina Police'] });
  });

  it('refuses rules that make no sense, naming the field', async () => {
    const body = (await api(`/bodies/${assemblyId}`, coordinator)).body;
    const bad = await api(`/bodies/${assemblyId}`, coordinator, { rules: { ...body.rules, general: { ...body.rules.general, quorum: { ...body.rules.general.quorum, fraction: { numerator: 3, denominator: 0 } } } } }, 'PATCH');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('rules.general.quorum.fraction.denominator');
    expect((await api(`/bodies/${assemblyId}`, tokens[MEMBERS[0].name], { rules: body.rules }, 'PATCH')).status).toBe(403);
  });

  it('freezes a resolution’s attachments when it is voted on, seals their hashes in the register and finds a changed one', async () => {
    const resolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie planu finansowego' })).body;
    const upload = async (name: string, bytes: Buffer, type: string, token = coordinator) => {
      const form = new FormData();
      form.set('file', new Blob([bytes], { type }), name);
      const response = await fetch(`${server.url}/api/resolutions/${resolution.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      return { status: response.status, body: (await response.json().catch(() => null)) as Array<{ id: string }> };
    };
    const pdf = Buffer.from('%PDF-1.4\n% plan finansowy 2027\n%%EOF\n');
    const added = await upload('Plan finansowy 2027.pdf', pdf, 'application/pdf');
    expect(added.status).toBe(201);
    expect(added.body).toEqual([expect.objectContaining({ position: 1, name: 'Plan finansowy 2027.pdf', mediaType: 'application/pdf', size: pdf.length })]);
    expect((await upload('skrypt.exe', Buffer.from('MZ'), 'application/octet-stream')).status).toBe(415);
    expect((await upload('udawany.pdf', Buffer.from('not a pdf'), 'application/pdf')).status).toBe(422);
    expect((await upload('za-duzy.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf')).status).toBe(413);
    expect((await upload('plan.pdf', pdf, 'application/pdf', tokens['Gmina Police'])).status).toBe(403);
    const download = await fetch(`${server.url}/api/resolutions/${resolution.id}/attachments/${added.body[0].id}`, { headers: { authorization: `Bearer ${tokens['Gmina Police']}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const closesAt = new Date(Date.now() + 60_000);
    const vote = (await api(`/resolutions/${resolution.id}/votes`, coordinator, { closesAt: closesAt.toISOString() })).body;
    expect((await upload('drugi.pdf', pdf, 'application/pdf')).status).toBe(409);
    expect(await refusal(api(`/resolutions/${resolution.id}/attachments/${added.body[0].id}`, coordinator, undefined, 'DELETE'))).toEqual({ status: 409, code: 'attachments_frozen' });
    for (const member of MEMBERS.slice(0, 9)) await api(`/votes/${vote.id}/ballots`, tokens[member.name], { choice: 'for' });
    await server.server.app.get(VotesService).sweep(new Date(closesAt.getTime() + 1000));
    const adopted = (await api(`/resolutions/${resolution.id}`, coordinator)).body;
    expect(adopted.state).toBe('adopted');
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true, firstBroken: null });

    await server.db.transaction(async (m) => {
      await m.query(`ALTER TABLE resolution_attachments DISABLE TRIGGER USER`);
      await m.query(`UPDATE resolution_attachments SET content = $2 WHERE id = $1`, [added.body[0].id, Buffer.from('%PDF-1.4\n% inny plan\n')]);
      await m.query(`ALTER TABLE resolution_attachments ENABLE TRIGGER USER`);
    });
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: false, firstBroken: { kind: 'register_entry', id: adopted.number, reason: 'its attachments were changed after the adoption' } });
    // Put back, so the next test finds only what it changes.
    await server.db.transaction(async (m) => {
      await m.query(`ALTER TABLE resolution_attachments DISABLE TRIGGER USER`);
      await m.query(`UPDATE resolution_attachments SET content = $2 WHERE id = $1`, [added.body[0].id, pdf]);
      await m.query(`ALTER TABLE resolution_attachments ENABLE TRIGGER USER`);
    });
  });

  it('holds DOCX, XLSX and ODT attachments to the zip limits by their central directory, naming the file (413, 422)', async () => {
    const resolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie budżetu' })).body;
    const upload = async (name: string, bytes: Buffer) => {
      const form = new FormData();
      form.set('file', new Blob([bytes]), name);
      const response = await fetch(`${server.url}/api/resolutions/${resolution.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${coordinator}` }, body: form });
      return { status: response.status, body: (await response.json()) as any };
    };
    const zip = (entries: Record<string, string | Uint8Array>) => {
      const archive = new JSZip();
      for (const [name, content] of Object.entries(entries)) archive.file(name, content);
      return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    // An ordinary spreadsheet is stored.
    const sheet = await zip({ '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Budżet</t></is></c></row></sheetData></worksheet>' });
    expect((await upload('budzet.xlsx', sheet)).status).toBe(201);
    // 6 MB of XML packed into kilobytes.
    const dense = await upload('bomba.docx', await zip({ 'word/document.xml': '<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(180_000) }));
    expect(dense.status).toBe(413);
    expect(dense.body.errors).toEqual([{ field: 'file', message: expect.stringMatching(/unpacks to over 100 times its size/) }]);
    // Sixty entries of 1 MiB each: 60 MiB in all.
    const total = await upload('duzo.odt', await zip(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`Pictures/${i}.bin`, new Uint8Array(1024 * 1024)]))));
    expect(total.status).toBe(413);
    expect(total.body.errors).toEqual([{ field: 'file', message: 'the file unpacks to more than 50 MiB' }]);
    const many = await upload('wpisy.xlsx', await zip(Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`x${i}.xml`, '<a/>']))));
    expect(many.status).toBe(422);
    expect(many.body.errors).toEqual([{ field: 'file', message: 'the file holds 2001 entries; at most 2000 are accepted' }]);
    expect((await api(`/resolutions/${resolution.id}/attachments`, coordinator)).body).toHaveLength(1);
  });

  it('detects a vote row changed in the database', async () => {
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body.valid).toBe(true);
    await server.db.transaction(async (m) => {
      await m.query(`ALTER TABLE vote_ballots DISABLE TRIGGER USER`);
      await m.query(`UPDATE vote_ballots SET choice = 'for' WHERE choice = 'against'`);
      await m.query(`ALTER TABLE vote_ballots ENABLE TRIGGER USER`);
    });
    const report = (await api(`/workspaces/${ws}/register/verify`, coordinator)).body;
    expect(report).toMatchObject({ valid: false, auditChain: { valid: true }, firstBroken: { kind: 'vote', reason: 'its ballots were changed after the vote closed' } });
  });
});
