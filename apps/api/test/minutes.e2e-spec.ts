import JSZip from 'jszip';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;

/** The 15 SSOM members in the seed's order, each with its representative's login. */
const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));
const PRESENT = MEMBERS.slice(0, 10);
const ABSENT = MEMBERS[10];
const HOLDER = MEMBERS[0];
/** The named ballot: seven for, two against, one abstaining, and the holder's vote for the absent member. */
const NAMED: Record<string, 'for' | 'against' | 'abstain'> = Object.fromEntries([
  ...PRESENT.slice(0, 7).map((m) => [m.name, 'for']),
  [PRESENT[7].name, 'against'],
  [PRESENT[8].name, 'against'],
  [PRESENT[9].name, 'abstain'],
  [ABSENT.name, 'for'],
]);
const WORDS = { pl: { for: 'za', against: 'przeciw', abstain: 'wstrzymuje się' }, en: { for: 'for', against: 'against', abstain: 'abstains' } } as const;
const MEETING_TITLE = 'XXI Walne Zebranie Członków';
const STRATEGY = 'w sprawie przyjęcia Strategii Rozwoju SOM 2030';
const ELECTION = 'w sprawie wyboru Przewodniczącego Walnego Zebrania';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One line of text per file, whitespace collapsed. */
async function textOf(format: 'pdf' | 'docx', body: Buffer): Promise<string> {
  if (format === 'pdf') return (await pdfParse(body)).text.replace(/\s+/g, ' ');
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('minutes (protokół) of a meeting: attendance, quorum, each vote and its result, as data, PDF and DOCX', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let observer: string;
  let outsider: string;
  const tokens: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  let meetingId: string;
  let versionHash: string;
  const year = new Date().getUTCFullYear();

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  /** A file download: the raw bytes and the headers. */
  const download = async (path: string, token: string) => {
    const response = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    observer = await server.login('obserwator@som.example');
    for (const member of [...PRESENT, ABSENT]) tokens[member.name] = await server.login(member.email);
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) orgIds[o.name] = o.id;

    // Someone from another association: the coordinator of a second workspace.
    const other = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'Stowarzyszenie KOF', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
    const invitation = new URL(other.invitationLink).searchParams.get('token');
    outsider = (await server.request(`/api/invitations/${invitation}/accept`, { body: { password: 'hasło-koordynatora-kof' } })).body.token;

    // The assembly allows proxies (the statute's rule); the strategy's version to adopt.
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string; rules: { general: object } }>;
    const assembly = bodies.find((b) => b.kind === 'general_assembly')!;
    expect((await api(`/bodies/${assembly.id}`, coordinator, { rules: { ...assembly.rules, general: { ...assembly.rules.general, proxiesAllowed: true } } }, 'PATCH')).status).toBe(200);
    const documentId = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const version = (await api(`/documents/${documentId}/versions`, coordinator, { name: 'Strategia – wersja do przyjęcia' })).body;
    versionHash = version.contentHash;

    const strategy = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assembly.id, kind: 'ordinary', title: STRATEGY, adoptsVersionId: version.id })).body;
    const election = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assembly.id, kind: 'election', title: ELECTION })).body;
    meetingId = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: MEETING_TITLE, startsAt: new Date().toISOString(), place: 'Szczecin, Urząd Miasta', agenda: [strategy.id, election.id] })).body.id;
    await api(`/meetings/${meetingId}/open`, coordinator, {});

    // Ten representatives check in; the eleventh member hands its vote to the first.
    for (const member of PRESENT) expect((await api(`/meetings/${meetingId}/check-in`, tokens[member.name], {})).status).toBe(200);
    const authorisation = 'Pełnomocnictwo Prezydenta Miasta z 30 listopada';
    expect((await api(`/meetings/${meetingId}/proxies`, tokens[ABSENT.name], { toOrganisationId: orgIds[HOLDER.name], authorisation })).status).toBe(201);

    // A named vote, adopted with the proxy's vote.
    const named = (await api(`/resolutions/${strategy.id}/votes`, coordinator, { meetingId })).body;
    for (const member of PRESENT) expect((await api(`/votes/${named.id}/ballots`, tokens[member.name], { choice: NAMED[member.name] })).status).toBe(201);
    expect((await api(`/votes/${named.id}/ballots`, tokens[HOLDER.name], { choice: NAMED[ABSENT.name], forOrganisationId: orgIds[ABSENT.name] })).status).toBe(201);
    expect((await api(`/votes/${named.id}/close`, coordinator, {})).body.outcome).toMatchObject({ adopted: true, tally: { for: { count: 8 }, against: { count: 2 }, abstain: { count: 1 } } });

    // A secret vote (an election): four for, seven against, rejected.
    const secret = (await api(`/resolutions/${election.id}/votes`, coordinator, { meetingId })).body;
    expect(secret.ballot).toBe('secret');
    for (const [index, member] of PRESENT.entries()) expect((await api(`/votes/${secret.id}/ballots`, tokens[member.name], { choice: index < 3 ? 'for' : 'against' })).status).toBe(201);
    expect((await api(`/votes/${secret.id}/ballots`, tokens[HOLDER.name], { choice: 'for', forOrganisationId: orgIds[ABSENT.name] })).status).toBe(201);
    expect((await api(`/votes/${secret.id}/close`, coordinator, {})).body.outcome).toMatchObject({ adopted: false, reason: 'rejected', tally: { for: { count: 4 }, against: { count: 7 } } });
    expect((await api(`/meetings/${meetingId}/close`, coordinator, {})).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('gives the minutes as data to any member of the workspace', async () => {
    const response = await api(`/meetings/${meetingId}/minutes`, observer);
    expect(response.status).toBe(200);
    const minutes = response.body;
    expect(minutes).toMatchObject({ language: 'pl', meetingId, heading: 'Protokół z posiedzenia Walnego Zebrania Członków', title: MEETING_TITLE, draft: false });
    expect(minutes.attendance.counts).toEqual({ statutory: 15, present: 10, represented: 1, absent: 4 });
    expect(minutes.attendance.quorum).toMatchObject({ actual: 11, total: 15, minimum: 8, reached: true });
    const represented = minutes.attendance.members.find((m: { memberId: string }) => m.memberId === orgIds[ABSENT.name]);
    expect(represented).toMatchObject({ presence: 'represented', representedBy: { name: HOLDER.name, authorisation: 'Pełnomocnictwo Prezydenta Miasta z 30 listopada' } });
    const [strategy, election] = minutes.agenda;
    const named = strategy.votes[0];
    expect(named).toMatchObject({ ballot: 'named', quorum: { actual: 11, total: 15, reached: true }, result: { reason: 'adopted', text: 'podjęta' }, tally: { for: { count: 8 }, against: { count: 2 }, abstain: { count: 1 }, valid: { count: 11 } } });
    expect(named.majority.text).toContain('zwykła większość głosów');
    expect(named.ballotsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(named.roll).toHaveLength(11);
    expect(named.roll.find((r: { memberId: string }) => r.memberId === orgIds[ABSENT.name])).toMatchObject({ choice: 'for', byProxy: true, castBy: { name: HOLDER.name }, text: `za (przez pełnomocnika: ${HOLDER.name})` });
    expect(strategy.adopted).toMatchObject({ number: `1/${year}`, fullTitle: `Uchwała nr 1/${year} Walnego Zebrania Członków ${STRATEGY}`, adopts: { contentHash: versionHash, versionName: 'Strategia – wersja do przyjęcia' } });
    expect(election.votes[0]).toMatchObject({ ballot: 'secret', roll: null, result: { reason: 'rejected', text: 'odrzucona' }, tally: { for: { count: 4 }, against: { count: 7 } } });
    expect(election.votes[0].majority.text).toContain('bezwzględna większość ważnie oddanych głosów');
    expect(minutes.adopted.map((a: { number: string }) => a.number)).toEqual([`1/${year}`]);
    // The register's digest of the ballots is the one in the minutes.
    const register = (await api(`/workspaces/${ws}/register`, coordinator)).body;
    expect(register[0].ballotsDigest).toBe(named.ballotsDigest);
    // So is the SHA-256 of the text put to the vote (frozen when it opened).
    expect(named.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(register[0].textHash).toBe(named.textHash);

    const english = (await api(`/meetings/${meetingId}/minutes?lang=en`, observer)).body;
    expect(english).toMatchObject({ language: 'en', heading: 'Minutes of the meeting of the Walne Zebranie Członków' });
    expect(english.agenda[0].votes[0].result.text).toBe('adopted');
  });

  for (const format of ['pdf', 'docx'] as const) {
    it(`prints the minutes as ${format.toUpperCase()}: attendance, quorum, the resolution adopted, each member's vote on the named ballot and none on the secret one`, async () => {
      const response = await download(`/meetings/${meetingId}/minutes.${format}`, tokens[MEMBERS[5].name]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(format === 'pdf' ? 'application/pdf' : DOCX);
      expect(response.headers.get('content-disposition')).toContain(`filename="protokol-xxi-walne-zebranie-czlonkow.${format}"`);
      const text = await textOf(format, response.body);
      const textHash = (await api(`/meetings/${meetingId}/minutes`, observer)).body.agenda[0].votes[0].textHash as string;
      for (const expected of [
        'Protokół z posiedzenia Walnego Zebrania Członków',
        textHash,
        MEETING_TITLE,
        'Szczecin, Urząd Miasta',
        'Lista obecności',
        'Skład statutowy: 15. Obecni: 10, reprezentowani przez pełnomocnika: 1, nieobecni: 4.',
        '11 z 15 członków',
        'tj. 8): kworum jest',
        `Uchwała nr 1/${year} Walnego Zebrania Członków ${STRATEGY}`,
        versionHash,
        'Uchwała została podjęta.',
        'Uchwała została odrzucona.',
        'Głosowanie tajne: protokół podaje wyłącznie sumy głosów.',
        `przez pełnomocnika: ${HOLDER.name}`,
      ]) {
        expect({ format, expected, found: text.includes(expected) }).toEqual({ format, expected, found: true });
      }
      // Every member in the attendance list, absent ones too.
      for (const member of MEMBERS) expect({ format, member: member.name, found: text.includes(member.name) }).toEqual({ format, member: member.name, found: true });
      // The named ballot: each member's choice next to its name (pdf-parse joins a table row's cells without a space).
      const parts = text.split(`2. ${ELECTION} Rodzaj`);
      // Exactly one heading of the second item: what comes before is the named ballot, after it the secret one.
      expect(parts).toHaveLength(2);
      const [beforeSecret, secretPart] = parts;
      const namedPart = beforeSecret.slice(beforeSecret.lastIndexOf(`1. ${STRATEGY}`));
      for (const [name, choice] of Object.entries(NAMED)) {
        expect({ format, name, found: new RegExp(`${name}\\s*${WORDS.pl[choice]}`).test(namedPart) }).toEqual({ format, name, found: true });
      }
      // The secret ballot: totals, and no member named at all.
      const secretOnly = secretPart.split('Podjęte uchwały')[0];
      expect(secretOnly).toContain('tajne');
      expect(secretOnly).toMatch(/Za\s*Przeciw\s*Wstrzymujące się\s*Ważne\s*Oddane\s*4\s*7\s*0\s*11\s*11/);
      for (const member of MEMBERS) expect({ format, member: member.name, inSecret: secretOnly.includes(member.name) }).toEqual({ format, member: member.name, inSecret: false });
    });
  }

  it('speaks English with lang=en', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const response = await download(`/meetings/${meetingId}/minutes.${format}?lang=en`, coordinator);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(`filename="minutes-xxi-walne-zebranie-czlonkow.${format}"`);
      const text = await textOf(format, response.body);
      for (const expected of ['Minutes of the meeting of the Walne Zebranie Członków', 'Attendance', '11 of 15 members', 'quorum reached', `by proxy: ${HOLDER.name}`, 'The resolution was adopted.', `Uchwała nr 1/${year}`, 'Secret ballot: the minutes give the totals only.']) {
        expect({ format, expected, found: text.includes(expected) }).toEqual({ format, expected, found: true });
      }
      expect(text).not.toContain('Protokół z posiedzenia');
    }
  });

  it('refuses someone outside the workspace (403), an unknown meeting or format (404), another language (400) and an anonymous caller (401)', async () => {
    for (const path of [`/meetings/${meetingId}/minutes`, `/meetings/${meetingId}/minutes.pdf`, `/meetings/${meetingId}/minutes.docx`]) {
      expect({ path, status: (await api(path, outsider)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await server.request(`/api${path}`)).status }).toEqual({ path, status: 401 });
      expect({ path, status: (await api(`${path}?lang=de`, coordinator)).status }).toEqual({ path, status: 400 });
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/meetings/${unknown}/minutes`, `/meetings/${unknown}/minutes.pdf`, `/meetings/${unknown}/minutes.docx`, `/meetings/${meetingId}/minutes.txt`]) {
      expect({ path, status: (await api(path, coordinator)).status }).toEqual({ path, status: 404 });
    }
    expect((await api(`/meetings/not-a-uuid/minutes.pdf`, coordinator)).status).toBe(400);
  });
});
