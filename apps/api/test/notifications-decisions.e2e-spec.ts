import ICAL from 'ical.js';
import { VotesService } from '../src/decisions/votes.service';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { MailOutbox } from '../src/notifications/mail-outbox';
import { expectEveryNotificationReadable } from './support/notification-access';
import { type ReceivedMail, type TestSmtp, startSmtp } from './support/smtp';
import { TestServer } from './support/test-server';

/** The 15 SSOM members in the seed's order, each with its representative's login. */
const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));
const ALL_REPRESENTATIVES = MEMBERS.map((m) => m.email).sort();
const PUBLIC_URL = 'http://commonplan.test';

/** The parts of an invitation a calendar acts on, read with ical.js. */
function invitation(mail: ReceivedMail) {
  expect(mail.calendar).not.toBeNull();
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar as string));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    status: event.component.getFirstPropertyValue('status'),
    organizer: String(event.organizer).toLowerCase(),
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
    summary: event.summary,
    location: event.location,
    description: event.description,
  };
}

/**
 * The decisions' notifications with a real SMTP server: a meeting called, changed and cancelled (with an iCalendar
 * invitation that keeps its UID, raises its SEQUENCE and is cancelled with METHOD:CANCEL), a proxy given, a vote
 * opened, closing (once) and closed with its result, and a version adopted that waits for the members' sign-off. Each
 * reaches exactly the people it concerns, in their language, with a link to a page they can open.
 */
describe('notifications of the decisions', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  const tokens: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  let board: { id: string; members: Array<{ id: string; name: string }> };
  let assemblyId: string;
  let boardEmails: string[];
  /** Two representatives who read their e-mail in English. */
  const english = new Set<string>();

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const idle = () => server.server.app.get(MailOutbox).idle();
  const tokenOf = (email: string) => tokens[email]!;
  /** The messages whose subject matches, and to whom (sorted), once everything queued has been sent. */
  const delivered = async (subject: RegExp) => {
    await idle();
    const mails = smtp.received.filter((m) => subject.test(m.subject));
    return { mails, to: mails.flatMap((m) => m.to).sort() };
  };
  /** The link in a message's text, on the test's public address, as a path of the web app. */
  const linkIn = (mail: ReceivedMail, pattern: RegExp) => {
    const match = new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}(${pattern.source})`).exec(mail.text);
    expect(match).not.toBeNull();
    return match![1]!;
  };
  /** Each recipient gets the subject of their language. */
  const expectLanguages = (mails: ReceivedMail[], pl: RegExp, en: RegExp) => {
    for (const mail of mails) expect(mail.subject).toMatch(english.has(mail.to[0]!) ? en : pl);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await TestServer.start({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    for (const member of MEMBERS) tokens[member.email] = await server.login(member.email);
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) orgIds[o.name] = o.id;
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string; members: Array<{ id: string; name: string }>; rules: { general: Record<string, unknown> } }>;
    const boardBody = bodies.find((b) => b.kind === 'board')!;
    board = boardBody;
    assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    boardEmails = MEMBERS.filter((m) => board.members.some((b) => b.name === m.name)).map((m) => m.email).sort();
    expect(boardEmails).toHaveLength(6);
    // The board allows proxies (the statute's rule), for the proxy's notice.
    expect((await api(`/bodies/${board.id}`, coordinator, { rules: { ...boardBody.rules, general: { ...boardBody.rules.general, proxiesAllowed: true } } }, 'PATCH')).status).toBe(200);
    // One board member's representative and one of the assembly only read English.
    for (const email of [boardEmails[0]!, MEMBERS.find((m) => !boardEmails.includes(m.email))!.email]) {
      expect((await api('/me/notification-preferences', tokenOf(email), { language: 'en' }, 'PUT')).status).toBe(200);
      english.add(email);
    }
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('invites the board’s representatives to a meeting, updates the same calendar event on a change and cancels it', async () => {
    const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    startsAt.setUTCSeconds(0, 0);
    const created = await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: board.id, title: 'Posiedzenie Zarządu nr 12', startsAt: startsAt.toISOString(), place: 'Szczecin, ul. Wały Chrobrego 4', agenda: [] });
    expect(created.status).toBe(201);
    const meeting = created.body as { id: string };
    const uid = `meeting-${meeting.id}@commonplan.test`;

    // Called: the six board members' representatives, nobody else (not the other members, not the coordinator).
    await smtp.waitFor((r) => r.filter((m) => /Posiedzenie Zarządu nr 12/.test(m.subject)).length >= 6, 'the invitations');
    const called = await delivered(/^\[Commonplan\] (Zwołano posiedzenie|Meeting called): Posiedzenie Zarządu nr 12/);
    expect(called.to).toEqual(boardEmails);
    expectLanguages(called.mails, /^\[Commonplan\] Zwołano posiedzenie: /, /^\[Commonplan\] Meeting called: /);
    for (const mail of called.mails) {
      const ics = invitation(mail);
      expect(ics).toMatchObject({ method: 'REQUEST', uid, sequence: 0, start: startsAt.toISOString(), status: 'CONFIRMED', summary: 'Posiedzenie Zarządu nr 12', location: 'Szczecin, ul. Wały Chrobrego 4' });
      expect(ics.organizer).toBe('mailto:no-reply@commonplan.invalid');
      expect(ics.attendees).toEqual([`mailto:${mail.to[0]}`]);
      expect(ics.description).toContain(`${PUBLIC_URL}/w/${ws}/meetings/${meeting.id}`);
      expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      // The link opens the meeting for the person it was sent to.
      const link = linkIn(mail, /\/w\/[0-9a-f-]+\/meetings\/[0-9a-f-]+/);
      expect(link).toBe(`/w/${ws}/meetings/${meeting.id}`);
      expect((await api(`/meetings/${meeting.id}`, tokenOf(mail.to[0]!))).status).toBe(200);
    }
    const plMail = called.mails.find((m) => !english.has(m.to[0]!))!;
    expect(plMail.text).toContain('Miejsce: Szczecin, ul. Wały Chrobrego 4.');
    expect(invitation(plMail).description).toContain('Termin: ');
    const enMail = called.mails.find((m) => english.has(m.to[0]!))!;
    expect(enMail.text).toContain('Where: Szczecin, ul. Wały Chrobrego 4.');
    expect(invitation(enMail).description).toContain('When: ');

    // A proxy: only the holder's representatives hear of it.
    const [giver, holder] = [boardEmails[1]!, boardEmails[2]!];
    const holderOrg = orgIds[MEMBERS.find((m) => m.email === holder)!.name]!;
    expect((await api(`/meetings/${meeting.id}/proxies`, tokenOf(giver), { toOrganisationId: holderOrg, authorisation: 'Pełnomocnictwo z 1 grudnia' })).status).toBe(201);
    await smtp.waitFor((r) => r.some((m) => m.to.includes(holder) && /Pełnomocnictwo na posiedzenie/.test(m.subject)), 'the proxy’s notice');
    const proxy = await delivered(/(Pełnomocnictwo na posiedzenie|Proxy for the meeting): Posiedzenie Zarządu nr 12/);
    expect(proxy.to).toEqual([holder]);
    const giverName = MEMBERS.find((m) => m.email === giver)!.name;
    expect(proxy.mails[0]!.text).toContain(`do reprezentowania: ${giverName} na posiedzeniu „Posiedzenie Zarządu nr 12”`);
    expect(linkIn(proxy.mails[0]!, /\/w\/[0-9a-f-]+\/meetings\/[0-9a-f-]+/)).toBe(`/w/${ws}/meetings/${meeting.id}`);

    // Changes: coordinators only, validated as when called; nothing changed announces nothing.
    expect((await api(`/meetings/${meeting.id}`, tokenOf(giver), { place: 'x' }, 'PATCH')).status).toBe(403);
    const badSecond = await api(`/meetings/${meeting.id}`, coordinator, { secondTermAt: new Date(startsAt.getTime() - 60_000).toISOString() }, 'PATCH');
    expect(badSecond.status).toBe(400);
    expect(badSecond.body.errors[0]).toMatchObject({ field: 'secondTermAt' });
    expect((await api(`/meetings/${meeting.id}`, coordinator, { title: '' }, 'PATCH')).status).toBe(400);
    expect((await api(`/meetings/${meeting.id}`, coordinator, { place: 'Szczecin, ul. Wały Chrobrego 4' }, 'PATCH')).status).toBe(200);

    const later = new Date(startsAt.getTime() + 90 * 60 * 1000);
    const changed = await api(`/meetings/${meeting.id}`, coordinator, { startsAt: later.toISOString(), place: 'Police, Urząd Miejski' }, 'PATCH');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ state: 'planned', startsAt: later.toISOString(), place: 'Police, Urząd Miejski', title: 'Posiedzenie Zarządu nr 12' });
    await smtp.waitFor((r) => r.filter((m) => /(Zmiana posiedzenia|Meeting changed): /.test(m.subject)).length >= 6, 'the updated invitations');
    const update = await delivered(/^\[Commonplan\] (Zmiana posiedzenia|Meeting changed): Posiedzenie Zarządu nr 12/);
    expect(update.to).toEqual(boardEmails);
    expectLanguages(update.mails, /Zmiana posiedzenia/, /Meeting changed/);
    for (const mail of update.mails) {
      // The same event (UID), a higher SEQUENCE, the new time and place: a calendar replaces what it has.
      expect(invitation(mail)).toMatchObject({ method: 'REQUEST', uid, sequence: 1, start: later.toISOString(), location: 'Police, Urząd Miejski' });
      expect(linkIn(mail, /\/w\/[0-9a-f-]+\/meetings\/[0-9a-f-]+/)).toBe(`/w/${ws}/meetings/${meeting.id}`);
    }
    // The unchanged PATCH before raised nothing: only one update was sent.
    expect(smtp.received.filter((m) => /Zmiana posiedzenia|Meeting changed/.test(m.subject))).toHaveLength(6);

    // Cancelled with a reason: METHOD:CANCEL, the same UID.
    expect((await api(`/meetings/${meeting.id}/cancel`, tokenOf(giver), { reason: 'x' })).status).toBe(403);
    expect((await api(`/meetings/${meeting.id}/cancel`, coordinator, { reason: '  ' })).status).toBe(400);
    const cancelled = await api(`/meetings/${meeting.id}/cancel`, coordinator, { reason: 'Brak sali; nowy termin podamy wkrótce.' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: 'Brak sali; nowy termin podamy wkrótce.' });
    expect(cancelled.body.cancelledAt).toEqual(expect.any(String));
    await smtp.waitFor((r) => r.filter((m) => /(Odwołano posiedzenie|Meeting cancelled): /.test(m.subject)).length >= 6, 'the cancellations');
    const cancellation = await delivered(/^\[Commonplan\] (Odwołano posiedzenie|Meeting cancelled): Posiedzenie Zarządu nr 12/);
    expect(cancellation.to).toEqual(boardEmails);
    expectLanguages(cancellation.mails, /Odwołano posiedzenie/, /Meeting cancelled/);
    for (const mail of cancellation.mails) {
      const ics = invitation(mail);
      expect(ics).toMatchObject({ method: 'CANCEL', uid, status: 'CANCELLED', start: later.toISOString() });
      expect(ics.sequence).toBeGreaterThan(1);
      expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
      expect(mail.text).toContain(english.has(mail.to[0]!) ? 'Reason: Brak sali; nowy termin podamy wkrótce.' : 'Powód: Brak sali; nowy termin podamy wkrótce.');
    }

    // Nothing is done at a cancelled meeting.
    const code = async (pending: Promise<{ status: number; body: { code?: string } }>) => {
      const { status, body } = await pending;
      return { status, code: body.code };
    };
    const refusal = { status: 409, code: 'meeting_cancelled' };
    expect(await code(api(`/meetings/${meeting.id}/check-in`, tokenOf(holder), {}))).toEqual(refusal);
    expect(await code(api(`/meetings/${meeting.id}/proxies`, tokenOf(boardEmails[3]!), { toOrganisationId: holderOrg, authorisation: 'x' }))).toEqual(refusal);
    expect(await code(api(`/meetings/${meeting.id}/open`, coordinator, {}))).toEqual(refusal);
    expect(await code(api(`/meetings/${meeting.id}`, coordinator, { place: 'gdzie indziej' }, 'PATCH'))).toEqual(refusal);
    expect(await code(api(`/meetings/${meeting.id}/cancel`, coordinator, { reason: 'jeszcze raz' }))).toEqual(refusal);
    expect(await code(api(`/meetings/${meeting.id}/minutes`, coordinator))).toEqual(refusal);
    expect((await api(`/workspaces/${ws}/meetings`, coordinator)).body.find((m: { id: string }) => m.id === meeting.id)).toMatchObject({ state: 'cancelled' });

    // An open meeting no longer changes or is cancelled.
    const open = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: board.id, title: 'Posiedzenie Zarządu nr 13', startsAt: new Date().toISOString(), agenda: [] })).body;
    expect((await api(`/meetings/${open.id}/open`, coordinator, {})).status).toBe(200);
    expect(await code(api(`/meetings/${open.id}`, coordinator, { place: 'x' }, 'PATCH'))).toEqual({ status: 409, code: 'meeting_state' });
    expect(await code(api(`/meetings/${open.id}/cancel`, coordinator, { reason: 'x' }))).toEqual({ status: 409, code: 'meeting_state' });

    // Both are in the audit trail.
    const audit = (await api(`/workspaces/${ws}/audit?limit=50`, coordinator)).body.entries as Array<{ action: string; targetId: string; details: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'meeting.changed' && e.targetId === meeting.id)?.details).toMatchObject({
      sequence: 1,
      changes: { startsAt: { from: startsAt.toISOString(), to: later.toISOString() }, place: { from: 'Szczecin, ul. Wały Chrobrego 4', to: 'Police, Urząd Miejski' } },
    });
    expect(audit.find((e) => e.action === 'meeting.cancelled' && e.targetId === meeting.id)?.details).toMatchObject({ reason: 'Brak sali; nowy termin podamy wkrótce.' });
  });

  it('announces a remote vote, reminds once those who have not voted, tells everyone the result and asks for the sign-off', async () => {
    const documentId = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy').id as string;
    const version = (await api(`/documents/${documentId}/versions`, coordinator, { name: 'Strategia – wersja do przyjęcia' })).body as { id: string };
    const resolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie przyjęcia Strategii', adoptsVersionId: version.id })).body as { id: string };
    // One member signs off before the vote; another's representative may no longer read the document (their grant ended).
    const early = MEMBERS[14]!;
    expect((await api(`/documents/${documentId}/versions/${version.id}/approvals`, tokenOf(early.email), {})).status).toBe(201);
    const shut = MEMBERS[13]!;
    const [shutUser] = await server.db.query(`SELECT id FROM users WHERE email = $1`, [shut.email]);
    await server.db.query(`INSERT INTO document_access (document_id, user_id, access, expires_at) VALUES ($1, $2, 'read', now() - interval '1 day')`, [documentId, shutUser.id]);
    expect((await api(`/documents/${documentId}`, tokenOf(shut.email))).status).toBe(403);

    const closesAt = new Date(Date.now() + 60 * 60 * 1000);
    const vote = (await api(`/resolutions/${resolution.id}/votes`, coordinator, { closesAt: closesAt.toISOString() })).body as { id: string };
    // Opened: every member of the assembly votes, so each representative hears of it, with the resolution's page.
    await smtp.waitFor((r) => r.filter((m) => /(Głosowanie otwarte|Vote open): w sprawie przyjęcia Strategii/.test(m.subject)).length >= 15, 'the vote’s announcement');
    const opened = await delivered(/(Głosowanie otwarte|Vote open): w sprawie przyjęcia Strategii/);
    expect(opened.to).toEqual(ALL_REPRESENTATIVES);
    expectLanguages(opened.mails, /Głosowanie otwarte/, /Vote open/);
    for (const mail of opened.mails) {
      expect(linkIn(mail, /\/w\/[0-9a-f-]+\/resolutions\/[0-9a-f-]+/)).toBe(`/w/${ws}/resolutions/${resolution.id}`);
      expect(mail.calendar).toBeNull();
    }
    expect((await api(`/resolutions/${resolution.id}`, tokenOf(MEMBERS[0]!.email))).status).toBe(200);

    const voters = MEMBERS.slice(0, 8);
    for (const member of voters) expect((await api(`/votes/${vote.id}/ballots`, tokenOf(member.email), { choice: 'for' })).status).toBe(201);

    // A day before the close: those who have not voted, once however often the sweep runs.
    const votes = server.server.app.get(VotesService);
    await votes.sweep(new Date());
    await votes.sweep(new Date());
    const waiting = MEMBERS.slice(8).map((m) => m.email).sort();
    await smtp.waitFor((r) => r.filter((m) => /(Przypomnienie: głosowanie|Reminder: the vote)/.test(m.subject)).length >= waiting.length, 'the reminders');
    await votes.sweep(new Date());
    const reminded = await delivered(/(Przypomnienie: głosowanie nad uchwałą|Reminder: the vote on) w sprawie przyjęcia Strategii/);
    expect(reminded.to).toEqual(waiting);
    expectLanguages(reminded.mails, /Przypomnienie/, /Reminder/);
    const [{ n }] = await server.db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_key = $1`, [`vote_closing:${vote.id}`]);
    expect(n).toBe(waiting.length);

    // Closed by the system at its time: the result to everyone, and the adopted version to sign off.
    await votes.sweep(new Date(closesAt.getTime() + 1000));
    await smtp.waitFor((r) => r.filter((m) => /(Wynik głosowania|Vote result): w sprawie przyjęcia Strategii/.test(m.subject)).length >= 15, 'the results');
    const result = await delivered(/(Wynik głosowania|Vote result): w sprawie przyjęcia Strategii/);
    expect(result.to).toEqual(ALL_REPRESENTATIVES);
    for (const mail of result.mails) {
      expect(mail.text).toContain(english.has(mail.to[0]!) ? 'has closed: the resolution was adopted.' : 'zakończone: uchwała podjęta.');
      expect(mail.text).toContain(english.has(mail.to[0]!) ? 'For: 8, against: 0, abstaining: 0.' : 'Za: 8, przeciw: 0, wstrzymało się: 0.');
      expect(linkIn(mail, /\/w\/[0-9a-f-]+\/resolutions\/[0-9a-f-]+/)).toBe(`/w/${ws}/resolutions/${resolution.id}`);
    }

    // The sign-off: every member's representative but the one that approved already and the one who cannot read the document.
    await smtp.waitFor((r) => r.filter((m) => /(Wersja czeka na zatwierdzenie|A version awaits sign-off)/.test(m.subject)).length >= 13, 'the sign-off requests');
    const signoff = await delivered(/(Wersja czeka na zatwierdzenie|A version awaits sign-off)/);
    expect(signoff.to).toEqual(ALL_REPRESENTATIVES.filter((e) => e !== early.email && e !== shut.email));
    expectLanguages(signoff.mails, /Wersja czeka na zatwierdzenie/, /A version awaits sign-off/);
    for (const mail of signoff.mails) {
      const member = MEMBERS.find((m) => m.email === mail.to[0])!;
      // Each is asked on behalf of their own member.
      expect(mail.text).toContain(english.has(member.email) ? `awaits sign-off on behalf of ${member.name}.` : `czeka na zatwierdzenie w imieniu: ${member.name}.`);
      const link = linkIn(mail, /\/w\/[0-9a-f-]+\/d\/[0-9a-f-]+\/v\/[0-9a-f-]+/);
      expect(link).toBe(`/w/${ws}/d/${documentId}/v/${version.id}`);
      expect((await api(`/documents/${documentId}/versions/${version.id}`, tokenOf(member.email))).status).toBe(200);
    }
    // The same asks wait in "what waits for me".
    const tasks = (await api(`/workspaces/${ws}/my-tasks`, tokenOf(MEMBERS[0]!.email))).body;
    expect(tasks.approvals).toEqual([expect.objectContaining({ versionId: version.id })]);
  });

  it('announces a vote at a meeting and its secret result (the totals only) to the members and the proxy holders, with the meeting’s page', async () => {
    const election = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: board.id, kind: 'election', title: 'w sprawie wyboru Skarbnika' })).body as { id: string };
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: board.id, title: 'Posiedzenie Zarządu nr 14', startsAt: new Date().toISOString(), agenda: [election.id] })).body as { id: string };
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    const present = boardEmails.slice(0, 4);
    for (const email of present) expect((await api(`/meetings/${meeting.id}/check-in`, tokenOf(email), {})).status).toBe(200);
    const vote = (await api(`/resolutions/${election.id}/votes`, coordinator, { meetingId: meeting.id })).body as { id: string; ballot: string };
    expect(vote.ballot).toBe('secret');
    await smtp.waitFor((r) => r.filter((m) => /(Głosowanie otwarte|Vote open): w sprawie wyboru Skarbnika/.test(m.subject)).length >= 6, 'the vote’s announcement');
    const opened = await delivered(/(Głosowanie otwarte|Vote open): w sprawie wyboru Skarbnika/);
    expect(opened.to).toEqual(boardEmails);
    for (const mail of opened.mails) {
      expect(mail.text).toContain(english.has(mail.to[0]!) ? 'is open at the meeting' : 'Na posiedzeniu otwarto głosowanie');
      expect(linkIn(mail, /\/w\/[0-9a-f-]+\/meetings\/[0-9a-f-]+/)).toBe(`/w/${ws}/meetings/${meeting.id}`);
    }
    for (const [index, email] of present.entries()) expect((await api(`/votes/${vote.id}/ballots`, tokenOf(email), { choice: index < 3 ? 'for' : 'against' })).status).toBe(201);
    expect((await api(`/votes/${vote.id}/close`, coordinator, {})).status).toBe(200);
    await smtp.waitFor((r) => r.filter((m) => /(Wynik głosowania|Vote result): w sprawie wyboru Skarbnika/.test(m.subject)).length >= 6, 'the results');
    const result = await delivered(/(Wynik głosowania|Vote result): w sprawie wyboru Skarbnika/);
    expect(result.to).toEqual(boardEmails);
    for (const mail of result.mails) {
      expect(mail.text).toContain(english.has(mail.to[0]!) ? 'For: 3, against: 1, abstaining: 0.' : 'Za: 3, przeciw: 1, wstrzymało się: 0.');
      // No member's choice: no member is named.
      for (const member of board.members) expect(mail.text).not.toContain(member.name);
    }
    // A resolution that adopts no version asks for no sign-off.
    const [{ n }] = await server.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'approval_requested' AND link LIKE $1`, [`%${election.id}%`]);
    expect(n).toBe(0);
  });

  it('links every notification of the decisions to a page its recipient may open', async () => {
    const kinds = await expectEveryNotificationReadable(server);
    for (const kind of ['meeting_called', 'meeting_changed', 'meeting_cancelled', 'proxy_given', 'vote_opened', 'vote_closing', 'vote_closed', 'approval_requested']) expect(kinds).toContain(kind);
  });
});
