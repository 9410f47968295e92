import ICAL from 'ical.js';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { type ApiResponse, TestServer } from './support/test-server';

/** A parsed event of a feed: what a calendar application reads of it. */
interface FeedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date | null;
  status: string | null;
  url: string | null;
  description: string;
  location: string | null;
  sequence: number | null;
}

/** Parses a feed with ical.js (a standard iCalendar parser): the calendar's name and its events. */
function parseFeed(text: string): { name: string | null; events: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const time = (name: string) => {
      const value = vevent.getFirstPropertyValue(name) as ICAL.Time | null;
      return value ? value.toJSDate() : null;
    };
    const text = (name: string) => {
      const value = vevent.getFirstPropertyValue(name);
      return value === null || value === undefined ? null : String(value);
    };
    const sequence = vevent.getFirstPropertyValue('sequence');
    return {
      uid: text('uid') ?? '',
      summary: text('summary') ?? '',
      start: time('dtstart') as Date,
      end: time('dtend'),
      status: text('status'),
      url: text('url'),
      description: text('description') ?? '',
      location: text('location'),
      sequence: sequence === null || sequence === undefined ? null : Number(sequence),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname') as string | null, events };
}

/** A moment as a Warsaw wall clock reads it: "2027-03-10 10:00". */
const warsaw = (at: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

const HOST = 'commonplan.test';
const REPRESENTATIVES = Object.values(REPRESENTATIVE_LOGINS).map((slug) => `przedstawiciel.${slug}@som.example`);
/** Next year, so that the meetings and rounds of this test lie ahead whenever it runs. */
const YEAR = new Date().getUTCFullYear() + 1;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('calendar feed: a secret iCalendar address with a person’s meetings, vote deadlines and round deadlines', () => {
  let server: TestServer;
  let ws: string;
  let kofWs: string;
  const tokens: Record<string, string> = {};
  let kof: string;
  let winterMeeting: { id: string; title: string };
  let summerMeeting: { id: string };
  let cancelledMeeting: { id: string };
  let kofMeeting: { id: string };
  let assemblyVote: { id: string; closesAt: Date; resolutionId: string };
  let committeeVote: { id: string };
  let committeeMembers: string[];
  let membersRound: { id: string; opensAt: Date; closesAt: Date };
  let partnersRound: { id: string };
  let draftRound: { id: string };

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const ok = async <T = any>(pending: Promise<ApiResponse<T>>, status = [200, 201]): Promise<T> => {
    const response = await pending;
    if (!status.includes(response.status)) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  /** Makes a new feed address for a person and reads it. */
  const newFeed = async (token: string): Promise<string> => (await ok(api('/me/calendar-feed', token, {}))).url as string;
  /** The path of a feed address on the test server (the address names PUBLIC_URL). */
  const feedPath = (url: string) => {
    expect(url.startsWith(`http://${HOST}/api/public/calendar/`)).toBe(true);
    return url.slice(`http://${HOST}`.length);
  };
  const readFeed = async (url: string) => {
    const response = await server.request(feedPath(url));
    if (response.status !== 200) throw new Error(`feed: ${response.status} ${JSON.stringify(response.body)}`);
    return { response, ...parseFeed(response.body as string) };
  };
  const feedOf = async (token: string) => (await readFeed(await newFeed(token))).events;
  const uids = (events: FeedEvent[]) => events.map((e) => e.uid);

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    for (const email of ['koordynator@som.example', 'ekspert@som.example', 'partner@som.example', 'obserwator@som.example', ...REPRESENTATIVES]) {
      tokens[email] = await server.login(email);
    }
    const coordinator = tokens['koordynator@som.example'];

    // Meetings of the general assembly: one in winter (CET), one in summer (CEST), one cancelled.
    const bodies = await ok(api(`/workspaces/${ws}/bodies`, coordinator));
    const assembly = bodies.find((b: { kind: string }) => b.kind === 'general_assembly');
    winterMeeting = await ok(api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'XXII Walne Zebranie Członków', startsAt: `${YEAR}-03-10T09:00:00.000Z`, place: 'Szczecin, Urząd Miasta, sala sesyjna', agenda: [] }));
    summerMeeting = await ok(api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'XXIII Walne Zebranie Członków', startsAt: `${YEAR}-06-15T15:30:00.000Z`, agenda: [] }));
    cancelledMeeting = await ok(api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'Nadzwyczajne Walne Zebranie', startsAt: `${YEAR}-04-20T08:00:00.000Z`, agenda: [] }));
    await ok(api(`/meetings/${cancelledMeeting.id}/cancel`, coordinator, { reason: 'Brak sali; nowy termin wkrótce.' }));

    // Remote votes: one of the assembly (every member), one of a committee of three members.
    const closesAt = new Date(Math.ceil((Date.now() + 3 * DAY) / 60_000) * 60_000);
    const resolution = await ok(api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assembly.id, kind: 'ordinary', title: 'w sprawie składki członkowskiej na kolejny rok' }));
    const vote = await ok(api(`/resolutions/${resolution.id}/votes`, coordinator, { closesAt: closesAt.toISOString() }));
    assemblyVote = { id: vote.id, closesAt, resolutionId: resolution.id };
    const organisations = (await ok(api(`/workspaces/${ws}/organisations`, coordinator))) as Array<{ id: string; kind: string; name: string }>;
    const members = organisations.filter((o) => o.kind === 'member');
    committeeMembers = members.slice(0, 3).map((m) => `przedstawiciel.${REPRESENTATIVE_LOGINS[m.name]}@som.example`);
    const committee = await ok(api(`/workspaces/${ws}/bodies`, coordinator, { kind: 'other', name: 'Komisja Rewizyjna', nameGenitive: 'Komisji Rewizyjnej', memberIds: members.slice(0, 3).map((m) => m.id), rules: assembly.rules }));
    const committeeResolution = await ok(api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: committee.id, kind: 'ordinary', title: 'w sprawie kontroli finansów' }));
    committeeVote = await ok(api(`/resolutions/${committeeResolution.id}/votes`, coordinator, { closesAt: closesAt.toISOString() }));

    // Consultation rounds: one asking the members, one asking the partners and the public, one still a draft.
    const documents = await ok(api(`/workspaces/${ws}/documents`, coordinator));
    const documentId = documents.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await ok(api(`/documents/${documentId}/versions`, coordinator, { name: 'v1.0 do konsultacji' }))).id;
    const round = async (title: string, audiences: string[], announce: boolean) => {
      const created = await ok(
        api(`/workspaces/${ws}/rounds`, coordinator, { documentId, versionId, title, audiences, channels: ['online_form'], opensAt: `${YEAR}-01-15T08:00:00.000Z`, closesAt: `${YEAR}-02-28T22:59:00.000Z` }),
      );
      if (announce) await ok(api(`/rounds/${created.id}/announce`, coordinator, {}));
      return { id: created.id as string, opensAt: new Date(created.opensAt), closesAt: new Date(created.closesAt) };
    };
    membersRound = await round('Konsultacje Strategii z gminami', ['members'], true);
    partnersRound = await round('Konsultacje Strategii z partnerami', ['partners', 'public'], true);
    draftRound = await round('Konsultacje w przygotowaniu', ['members', 'partners'], false);

    // Another association with a meeting of its own, whose coordinator is a stranger to SSOM.
    const other = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'Koszalińsko-Kołobrzesko-Białogardzki Obszar Funkcjonalny', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
    kofWs = other.workspaceId;
    kof = (await ok(server.request(`/api/invitations/${new URL(other.invitationLink).searchParams.get('token')}/accept`, { body: { password: 'hasło koordynatora kof' } }))).token;
    const kofAssembly = await ok(api(`/workspaces/${kofWs}/bodies`, kof, { kind: 'general_assembly', name: 'Walne Zgromadzenie KOF', nameGenitive: 'Walnego Zgromadzenia KOF', memberIds: [] }));
    kofMeeting = await ok(api(`/workspaces/${kofWs}/meetings`, kof, { bodyId: kofAssembly.id, title: 'Zgromadzenie KOF', startsAt: `${YEAR}-03-11T10:00:00.000Z`, agenda: [] }));
  });
  afterAll(() => server?.close());

  it('refuses the feed’s settings to anyone not signed in', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await server.request('/api/me/calendar-feed', { method, body: method === 'POST' ? {} : undefined });
      expect({ method, status: response.status }).toEqual({ method, status: 401 });
    }
  });

  it('makes a secret address shown once, says whether one is active, and serves the meetings in Warsaw time', async () => {
    const token = tokens['przedstawiciel.police@som.example'];
    expect(await ok(api('/me/calendar-feed', token))).toEqual({ active: false, createdAt: null });
    const url = await newFeed(token);
    expect(url).toMatch(new RegExp(`^http://${HOST.replace('.', '\\.')}/api/public/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const status = await ok(api('/me/calendar-feed', token));
    expect(status.active).toBe(true);
    expect(Math.abs(Date.parse(status.createdAt) - Date.now())).toBeLessThan(60_000);
    // Only its HMAC is stored, never the secret.
    const secret = /calendar\/(.+)\.ics$/.exec(url)![1];
    const stored = await server.db.query(`SELECT token_hash FROM calendar_feeds WHERE revoked_at IS NULL`);
    expect(stored.some((row: { token_hash: string }) => row.token_hash.includes(secret))).toBe(false);

    const { response, name, events } = await readFeed(url);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(name).toBe('Commonplan');

    const winter = events.find((e) => e.uid === `meeting-${winterMeeting.id}@${HOST}`)!;
    expect(winter).toMatchObject({ summary: 'XXII Walne Zebranie Członków', location: 'Szczecin, Urząd Miasta, sala sesyjna', status: 'CONFIRMED', url: `http://${HOST}/w/${ws}/meetings/${winterMeeting.id}` });
    expect(warsaw(winter.start)).toBe(`${YEAR}-03-10 10:00`);
    expect(winter.end!.getTime() - winter.start.getTime()).toBe(2 * HOUR);
    expect(winter.description).toContain(`http://${HOST}/w/${ws}/meetings/${winterMeeting.id}`);
    // In summer time Warsaw is two hours ahead of UTC.
    const summer = events.find((e) => e.uid === `meeting-${summerMeeting.id}@${HOST}`)!;
    expect(warsaw(summer.start)).toBe(`${YEAR}-06-15 17:30`);
    // A cancelled meeting stays, marked cancelled, under the UID and the raised SEQUENCE of its invitations.
    const cancelled = events.find((e) => e.uid === `meeting-${cancelledMeeting.id}@${HOST}`)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(cancelled.description).toContain('Brak sali; nowy termin wkrótce.');
    // Nothing of the other association.
    expect(events.some((e) => e.uid.includes(kofMeeting.id))).toBe(false);
  });

  it('gives a remote vote’s deadline to the coordinators and to the representatives of the body’s members only', async () => {
    const voteUid = `vote-${assemblyVote.id}@${HOST}`;
    const committeeUid = `vote-${committeeVote.id}@${HOST}`;
    const police = await feedOf(tokens['przedstawiciel.police@som.example']);
    const deadline = police.find((e) => e.uid === voteUid)!;
    expect(deadline.start.toISOString()).toBe(assemblyVote.closesAt.toISOString());
    expect(deadline.url).toBe(`http://${HOST}/w/${ws}/resolutions/${assemblyVote.resolutionId}`);
    expect(deadline.summary).toBe('Koniec głosowania: w sprawie składki członkowskiej na kolejny rok');

    const holders: string[] = [];
    for (const email of Object.keys(tokens)) {
      const events = await feedOf(tokens[email]);
      if (uids(events).includes(committeeUid)) holders.push(email);
      const seesAssemblyVote = uids(events).includes(voteUid);
      expect({ email, seesAssemblyVote }).toEqual({ email, seesAssemblyVote: email === 'koordynator@som.example' || REPRESENTATIVES.includes(email) });
    }
    expect(holders.sort()).toEqual(['koordynator@som.example', ...committeeMembers].sort());
  });

  it('gives a round’s period, close and report due date to its staff and the audiences it asks, never a draft', async () => {
    const roundUids = (id: string) => [`round-${id}@${HOST}`, `round-${id}-closes@${HOST}`, `round-${id}-report@${HOST}`];
    const expert = await feedOf(tokens['ekspert@som.example']);
    const [period, closes, report] = roundUids(membersRound.id).map((uid) => expert.find((e) => e.uid === uid)!);
    expect(period.start.toISOString()).toBe(membersRound.opensAt.toISOString());
    expect(period.end!.toISOString()).toBe(membersRound.closesAt.toISOString());
    expect(closes.start.toISOString()).toBe(membersRound.closesAt.toISOString());
    expect(warsaw(closes.start)).toBe(`${YEAR}-02-28 23:59`);
    // The report is due 30 days after the close.
    expect(report.start.getTime() - membersRound.closesAt.getTime()).toBe(30 * DAY);
    for (const event of [period, closes, report]) expect(event.url).toBe(`http://${HOST}/w/${ws}/rounds/${membersRound.id}`);

    const sees = async (email: string) => {
      const mine = uids(await feedOf(tokens[email]));
      return { members: roundUids(membersRound.id).every((u) => mine.includes(u)), partners: roundUids(partnersRound.id).every((u) => mine.includes(u)), any: mine.filter((u) => u.startsWith('round-')).length };
    };
    expect(await sees('koordynator@som.example')).toEqual({ members: true, partners: true, any: 6 });
    expect(await sees('ekspert@som.example')).toEqual({ members: true, partners: true, any: 6 });
    expect(await sees('przedstawiciel.szczecin@som.example')).toEqual({ members: true, partners: false, any: 3 });
    expect(await sees('partner@som.example')).toEqual({ members: false, partners: true, any: 3 });
    expect(await sees('obserwator@som.example')).toEqual({ members: false, partners: false, any: 0 });
    expect(uids(await feedOf(tokens['koordynator@som.example'])).some((u) => u.includes(draftRound.id))).toBe(false);
  });

  it('shows a stranger only their own association', async () => {
    const stranger = await feedOf(kof);
    expect(uids(stranger)).toEqual([`meeting-${kofMeeting.id}@${HOST}`]);
    const ssom = uids(await feedOf(tokens['koordynator@som.example']));
    expect(ssom).toContain(`meeting-${winterMeeting.id}@${HOST}`);
    expect(ssom).not.toContain(`meeting-${kofMeeting.id}@${HOST}`);
  });

  it('answers 404 to a revoked, an unknown or a malformed address alike, and a new address works', async () => {
    const token = tokens['partner@som.example'];
    const first = await newFeed(token);
    expect((await server.request(feedPath(first))).status).toBe(200);
    // A new address replaces the old one.
    const second = await newFeed(token);
    expect((await server.request(feedPath(first))).status).toBe(404);
    expect((await server.request(feedPath(second))).status).toBe(200);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE u.email = 'partner@som.example' AND f.revoked_at IS NULL`))[0].n).toBe(1);

    expect((await api('/me/calendar-feed', token, undefined, 'DELETE')).status).toBe(204);
    expect(await ok(api('/me/calendar-feed', token))).toEqual({ active: false, createdAt: null });
    const revoked = await server.request(feedPath(second));
    const unknown = await server.request(`/api/public/calendar/${'A'.repeat(43)}.ics`);
    const malformed = await server.request('/api/public/calendar/not-a-token.ics');
    for (const answer of [revoked, unknown, malformed]) {
      expect(answer.status).toBe(404);
      expect({ code: answer.body.code, detail: answer.body.detail }).toEqual({ code: revoked.body.code, detail: revoked.body.detail });
    }
    // Revoking again changes nothing.
    expect((await api('/me/calendar-feed', token, undefined, 'DELETE')).status).toBe(204);

    const third = await newFeed(token);
    expect((await server.request(feedPath(third))).status).toBe(200);
    expect((await server.request(feedPath(second))).status).toBe(404);
  });

  it('drops a workspace from the feed once the person’s membership there is deactivated', async () => {
    // The SSOM observer joins KOF too.
    expect((await api(`/workspaces/${kofWs}/invitations`, kof, { email: 'obserwator@som.example', role: 'observer' })).status).toBe(201);
    const invitation = await server.waitForLinkToken('obserwator@som.example', '/invitation');
    await ok(server.request(`/api/invitations/${invitation}/accept`, { token: tokens['obserwator@som.example'], body: {} }));
    const observer = tokens['obserwator@som.example'];
    const url = await newFeed(observer);
    const both = uids((await readFeed(url)).events);
    expect(both).toEqual(expect.arrayContaining([`meeting-${winterMeeting.id}@${HOST}`, `meeting-${kofMeeting.id}@${HOST}`]));

    const people = (await ok(api(`/workspaces/${ws}/people`, tokens['koordynator@som.example']))) as Array<{ email: string; membershipId: string }>;
    const membership = people.find((p) => p.email === 'obserwator@som.example')!.membershipId;
    await ok(api(`/workspaces/${ws}/people/${membership}/deactivate`, tokens['koordynator@som.example'], {}));
    const after = uids((await readFeed(url)).events);
    expect(after).toEqual([`meeting-${kofMeeting.id}@${HOST}`]);
  });
});
