import { createHash } from 'node:crypto';
import { canonicalJson } from '@commonplan/domain';
import { VotesService } from '../src/decisions/votes.service';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { UnsubscribeTokens } from '../src/notifications/unsubscribe-tokens';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { type ApiResponse, type RequestOptions, TestServer } from './support/test-server';

/**
 * What anyone may read without signing in. Every public route is listed here with the key paths its JSON answer may
 * hold: dotted, `[]` for the items of an array, `x.*` for a subtree that is public as a whole (the text of the version
 * consulted). A route that appears as public in the OpenAPI document and is not listed fails the first test; a key
 * that is not on its route's list fails the second, so an internal field (staff's meeting notes, internal notes,
 * e-mail addresses, assignees, staff's user ids, audit details) cannot reach the public by being added to a view.
 */
const SIGNED_IN = ['token', 'expiresAt', 'user.id', 'user.email', 'user.displayName'];
const OWN_COMMENT = [
  'id',
  'number',
  'roundId',
  'part',
  'passage.from',
  'passage.to',
  'currentWording',
  'proposedWording',
  'justification',
  'submitter.kind',
  'submitter.name',
  'submitter.type',
  'channel',
  'withdrawn',
  'editable',
  'createdAt',
  'updatedAt',
];
const counts = (name: string) => [`${name}[].key`, `${name}[].count`];

const PUBLIC_ROUTES: Record<string, { json: readonly string[] } | { file: true } | { empty: true }> = {
  'GET /api/health': { json: ['status', 'database'] },
  'GET /api/health/live': { json: ['status'] },
  'GET /api/health/ready': { json: ['status', 'database', 'redis', 'shuttingDown'] },
  'POST /api/auth/login': { json: SIGNED_IN },
  'POST /api/auth/password-reset': { json: ['message'] },
  'POST /api/auth/password-reset/confirm': { empty: true },
  'GET /api/invitations/{token}': {
    json: ['workspace.id', 'workspace.name', 'email', 'displayName', 'role', 'organisation.id', 'organisation.name', 'accountExists', 'expiresAt'],
  },
  // A new account is signed in; an existing one (signed in already) just joins.
  'POST /api/invitations/{token}/accept': { json: [...SIGNED_IN, 'workspaceId', 'role'] },
  'GET /api/public/rounds/{roundId}': {
    json: [
      'id',
      'title',
      'workspaceName',
      'document.title',
      'document.kind',
      'version.number',
      'version.name',
      'version.contentHash',
      'legalBasis',
      'audiences[]',
      'channels[]',
      'opensAt',
      'closesAt',
      'informationClause',
      'state',
      'announcedAt',
      'openedAt',
      'closedAt',
      'reportPublishedAt',
      'reportDueAt',
      'daysLeft',
      'meetings[].id',
      'meetings[].startsAt',
      'meetings[].place',
      'announcementUrls[]',
      'reportUrls[]',
      'content.*',
    ],
  },
  // The receipt (or, for a filled honeypot, only that it was accepted).
  'POST /api/public/rounds/{roundId}/comments': { json: ['id', 'number', 'roundTitle', 'submittedAt', 'editSecret', 'accepted'] },
  'GET /api/public/consultation-comments/{commentId}': { json: OWN_COMMENT },
  'PATCH /api/public/consultation-comments/{commentId}': { json: OWN_COMMENT },
  'DELETE /api/public/consultation-comments/{commentId}': { json: OWN_COMMENT },
  'GET /api/public/rounds/{roundId}/report': {
    json: [
      'roundId',
      'edition',
      'sha256',
      'publishedAt',
      'editions[].edition',
      'editions[].sha256',
      'editions[].publishedAt',
      'content.format',
      'content.edition',
      'content.publishedAt',
      'content.organiser',
      ...['id', 'title', 'legalBasis', 'audiences[]', 'channels[]', 'announcedAt', 'opensAt', 'closesAt', 'closedAt', 'reportDueAt'].map((k) => `content.round.${k}`),
      ...['title', 'kind', 'version.number', 'version.name', 'version.contentHash'].map((k) => `content.document.${k}`),
      ...['act', 'journal', 'period', 'report'].flatMap((k) => [`content.law.${k}.pl`, `content.law.${k}.en`]),
      'content.law.minimumDays',
      'content.law.reportDueDays',
      ...['countedFrom', 'minimumDays', 'days', 'kept'].map((k) => `content.statutoryPeriod.${k}`),
      'content.publication.announcement[]',
      'content.publication.report[]',
      ...['number', 'title', 'body', 'adoptedAt'].map((k) => `content.adoption.${k}`),
      ...['startsAt', 'place', 'participants', 'summary', 'comments[]'].map((k) => `content.meetings[].${k}`),
      ...['considered', 'submitters.persons', 'submitters.institutions'].map((k) => `content.statistics.${k}`),
      ...['byDisposition', 'bySubmitterType', 'byChannel', 'byChapter'].flatMap((k) => counts(`content.statistics.${k}`)),
      ...['chapter', 'accepted', 'partlyAccepted', 'passages[].comments[]', 'passages[].wording', 'passages[].applied'].map((k) => `content.mainChanges[].${k}`),
      'content.withdrawn[]',
      ...[
        'number',
        'chapter',
        'part',
        'currentWording',
        'proposedWording',
        'justification',
        'submitter.kind',
        'submitter.number',
        'submitter.name',
        'submitter.type',
        'channel',
        'disposition',
        'dispositionJustification',
      ].map((k) => `content.annex[].${k}`),
    ],
  },
  'GET /api/public/rounds/{roundId}/report.{format}': { file: true },
  'GET /api/public/registers/{slug}': {
    json: [
      'workspace',
      ...['number', 'title', 'body', 'adoptedAt', 'result.for', 'result.against', 'result.abstain', 'result.quorum', 'position', 'result.reason', 'versionHash', 'textHash', 'ballotsDigest', 'verified'].map(
        (k) => `entries[].${k}`,
      ),
    ],
  },
  'GET /api/public/registers/{slug}/entries/{position}': {
    json: [
      'workspace',
      ...['number', 'title', 'body', 'adoptedAt', 'result.for', 'result.against', 'result.abstain', 'result.quorum', 'position', 'result.reason', 'versionHash', 'textHash', 'ballotsDigest', 'verified'].map(
        (k) => `entry.${k}`,
      ),
      'text.content.*',
      'text.contentHash',
      ...['documentTitle', 'number', 'name', 'contentHash'].map((k) => `adopts.${k}`),
      'minutes.title',
      'minutes.startsAt',
      ...['number', 'kind', 'position'].map((k) => `changes.${k}`),
      ...['number', 'kind', 'position'].map((k) => `changedBy[].${k}`),
    ],
  },
  'GET /api/public/registers/{slug}/entries/{position}/text.pdf': { file: true },
  'GET /api/public/registers/{slug}/entries/{position}/adopted.pdf': { file: true },
  'GET /api/public/registers/{slug}/entries/{position}/adopted.docx': { file: true },
  // The association's public site (publication/): no personal data of commenters, no ids of members' records.
  'GET /api/public/sites/{slug}': {
    json: [
      ...['slug', 'name', 'shortName', 'email', 'phone', 'address', 'accessibilityContact'].map((k) => `association.${k}`),
      ...['position', 'resolutionNumber', 'bodyName', 'title', 'versionNumber', 'versionName', 'contentHash', 'adoptedAt'].map((k) => `documents[].${k}`),
      ...['id', 'title', 'documentTitle', 'state', 'opensAt', 'closesAt', 'reportEditions', 'reportPublishedAt'].map((k) => `consultations[].${k}`),
      'register.total',
      ...['number', 'title', 'body', 'adoptedAt', 'result.for', 'result.against', 'result.abstain', 'result.quorum', 'position', 'result.reason', 'versionHash', 'textHash', 'ballotsDigest', 'verified'].map(
        (k) => `register.latest[].${k}`,
      ),
      ...['id', 'title', 'scope', 'expectedResults', 'stage', 'stageOn', 'leader', 'participants[]', 'startsOn', 'endsOn', 'coFinancingRate'].map((k) => `projects[].${k}`),
      'privacy.clause',
      'privacy.contactRetentionDays',
    ],
  },
  'GET /api/public/sites/{slug}/feed.atom': { file: true },
  'GET /api/public/sites/{slug}/accessibility': {
    json: [
      ...['slug', 'name', 'shortName', 'email', 'phone', 'address', 'accessibilityContact'].map((k) => `association.${k}`),
      'siteUrl',
      'publishedOn',
      'preparedOn',
      'status',
      ...['checkedAt', 'standard', 'tool', 'checks', 'pages[].path', 'pages[].checks', 'pages[].violations.*'].map((k) => `audit.${k}`),
    ],
  },
  // A published record's BIP metadata: the names of the staff who entered it, as BIP requires, and nothing else of theirs.
  'GET /api/public/sites/{slug}/records/{kind}/{key}': {
    json: [
      ...['kind', 'key', 'title', 'association', 'producer', 'producedAt', 'responsible', 'enteredBy', 'publishedAt', 'page'],
      ...['at', 'change', 'by', 'detail'].map((k) => `history[].${k}`),
      ...['name', 'href', 'mediaType'].map((k) => `files[].${k}`),
    ],
  },
  'GET /api/public/sites/{slug}/records/{kind}/{key}/export.zip': { file: true },
  'GET /api/public/sites/{slug}/records/consultation/{roundId}/document.pdf': { file: true },
  'GET /api/public/registers/{slug}/entries/{position}/minutes.{format}': { file: true },
  // A person's calendar feed (iCalendar), by the secret address made for them.
  'GET /api/public/calendar/{token}.ics': { file: true },
  // What an unsubscribe link stops (categories only: no address, no name), and stopping it.
  'GET /api/public/unsubscribe': { json: ['categories', 'categories[]', 'account', 'unsubscribed'] },
  'POST /api/public/unsubscribe': { json: ['categories', 'categories[]', 'account', 'unsubscribed'] },
};

/** Every key path of a JSON value: `a.b`, `list[].c`; containers are listed as well as their contents. */
function keyPaths(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (path) out.add(path);
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${path}[]`, out);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) keyPaths(item, path ? `${path}.${key}` : key, out);
  return out;
}

/** Whether a key path is on the allow-list: listed, a container of something listed, or inside a `x.*` subtree. */
function allowed(path: string, list: readonly string[]): boolean {
  return list.some((entry) => {
    if (entry.endsWith('.*')) {
      const base = entry.slice(0, -2);
      return path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[]`);
    }
    return entry === path || entry.startsWith(`${path}.`) || entry.startsWith(`${path}[]`);
  });
}

const DAY = 24 * 60 * 60 * 1000;
const NOTES = 'Notatka wewnętrzna: salę rezerwuje Jan z biura, klucz u portiera';
const INTERNAL_NOTE = 'Uwaga do sprawdzenia z radcą prawnym przed odpowiedzią';
const SUBMITTER_EMAILS = ['ewa.mieszkanka@example.pl', 'biuro@zielony-szczecin.example'];

describe('public surfaces: every route open without sign-in answers only its declared public shape', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  const staffIds: string[] = [];
  /** Every answer of a public route, by route. */
  const answers = new Map<string, Array<{ path: string; response: ApiResponse }>>();

  const template = (route: string) => new RegExp(`^${route.split(' ')[1].replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);
  /** A call to a public route: anonymous unless a token is given (a person signed in on a public route), recorded. */
  const call = async (route: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> => {
    const [method] = route.split(' ');
    if (!PUBLIC_ROUTES[route] || !template(route).test(path)) throw new Error(`${path} is not ${route}`);
    const response = await server.request(path, { method, ...options });
    if (response.status >= 300) throw new Error(`${route} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    answers.set(route, [...(answers.get(route) ?? []), { path, response }]);
    return response;
  };
  const staff = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    for (const token of [coordinator, expert]) staffIds.push((await staff('/auth/me', token)).body.id);
    const documentId = (await staff(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy').id;
    const versionId = (await staff(`/documents/${documentId}/versions`, coordinator, { name: 'v1.0 do konsultacji' })).body.id;
    const newRound = async (title: string) => {
      const round = (
        await staff(`/workspaces/${ws}/rounds`, coordinator, {
          documentId,
          versionId,
          title,
          audiences: ['partners', 'public'],
          channels: ['online_form', 'post', 'oral_protocol'],
          opensAt: new Date(Date.now() - DAY).toISOString(),
          announcementUrls: ['https://bip.som.example/ogloszenia/1'],
          reportUrls: ['https://bip.som.example/sprawozdania/1'],
        })
      ).body;
      const meeting = await staff(`/rounds/${round.id}/meetings`, coordinator, { startsAt: new Date(Date.now() + DAY).toISOString(), place: 'Szczecin, Urząd Miasta, sala sesyjna', notes: NOTES, participants: 30, summary: 'Rozmowa o kolei.' });
      expect(meeting.status).toBe(201);
      expect((await staff(`/rounds/${round.id}/announce`, coordinator, {})).status).toBe(200);
      return round.id as string;
    };
    const comment = async (roundId: string, body: Record<string, unknown>) => {
      const sent = await call('POST /api/public/rounds/{roundId}/comments', `/api/public/rounds/${roundId}/comments`, { body });
      // Staff work on it: an assignee and an internal note, neither of which is the sender's business.
      expect((await staff(`/consultation-comments/${sent.body.id}/assignee`, coordinator, { assigneeId: staffIds[1] }, 'PUT')).status).toBe(204);
      expect((await staff(`/consultation-comments/${sent.body.id}/notes`, expert, { body: INTERNAL_NOTE })).status).toBe(204);
      return sent.body as { id: string; editSecret: string };
    };
    const person = {
      part: 'Rozdział 2. Cele strategiczne',
      passage: { from: 10, to: 20 },
      currentWording: 'Cel 1.',
      proposedWording: 'Cel 1. Kolej aglomeracyjna do Goleniowa.',
      justification: 'Dojazdy do pracy trwają zbyt długo.',
      submitter: { kind: 'person', name: 'Ewa Mieszkanka', type: 'resident' },
      email: SUBMITTER_EMAILS[0],
    };
    const institution = {
      part: 'Rozdział 1. Diagnoza',
      passage: { from: 30, to: 40 },
      proposedWording: 'Dodać wnioski o smogu zimowym.',
      justification: 'Dane o przekroczeniach norm pyłu PM10.',
      submitter: { kind: 'institution', name: 'Stowarzyszenie Zielony Szczecin', type: 'other' },
      email: SUBMITTER_EMAILS[1],
    };

    // An open round: announced, then opened, with comments read, changed and withdrawn by their senders.
    const open = await newRound('Konsultacje otwarte');
    await call('GET /api/public/rounds/{roundId}', `/api/public/rounds/${open}`);
    expect((await staff(`/rounds/${open}/open`, coordinator, {})).status).toBe(200);
    const own = await comment(open, person);
    const secret = { 'x-comment-secret': own.editSecret };
    await call('GET /api/public/consultation-comments/{commentId}', `/api/public/consultation-comments/${own.id}`, { headers: secret });
    await call('PATCH /api/public/consultation-comments/{commentId}', `/api/public/consultation-comments/${own.id}`, { headers: secret, body: { ...person, email: undefined, submitter: undefined, justification: 'Dojazdy trwają godzinę.' } });
    const gone = await comment(open, institution);
    await call('DELETE /api/public/consultation-comments/{commentId}', `/api/public/consultation-comments/${gone.id}`, { headers: { 'x-comment-secret': gone.editSecret } });
    await call('GET /api/public/consultation-comments/{commentId}', `/api/public/consultation-comments/${gone.id}`, { headers: { 'x-comment-secret': gone.editSecret } });
    await call('POST /api/public/rounds/{roundId}/comments', `/api/public/rounds/${open}/comments`, { body: { ...person, website: 'http://spam.example' } });
    await call('GET /api/public/rounds/{roundId}', `/api/public/rounds/${open}`);

    // A round after its report: comments decided and approved, closed at its time, the report published.
    const reported = await newRound('Konsultacje zakończone');
    expect((await staff(`/rounds/${reported}/open`, coordinator, {})).status).toBe(200);
    const meetingId = (await staff(`/rounds/${reported}`, coordinator)).body.meetings[0].id;
    const oral = await staff(`/rounds/${reported}/comments/entered`, coordinator, { ...institution, email: undefined, channel: 'oral_protocol', meetingId });
    expect(oral.status).toBe(201);
    const decided = [await comment(reported, person), await comment(reported, institution), oral.body];
    const withdrawn = await comment(reported, person);
    await call('DELETE /api/public/consultation-comments/{commentId}', `/api/public/consultation-comments/${withdrawn.id}`, { headers: { 'x-comment-secret': withdrawn.editSecret } });
    for (const [index, { id }] of decided.entries()) {
      expect((await staff(`/consultation-comments/${id}/disposition`, coordinator, { disposition: index === 0 ? 'accepted' : 'rejected', justification: 'Uzasadnienie stanowiska.' }, 'PUT')).status).toBe(204);
      expect((await staff(`/consultation-comments/${id}/disposition/approve`, coordinator, {})).status).toBe(204);
    }
    await server.db.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [reported]);
    expect((await staff(`/rounds/${reported}/close`, coordinator, {})).status).toBe(200);
    expect((await staff(`/rounds/${reported}/report/publish`, coordinator, {})).status).toBe(201);
    await call('GET /api/public/rounds/{roundId}', `/api/public/rounds/${reported}`);
    await call('GET /api/public/rounds/{roundId}/report', `/api/public/rounds/${reported}/report`);
    for (const format of ['csv', 'pdf']) await call('GET /api/public/rounds/{roundId}/report.{format}', `/api/public/rounds/${reported}/report.${format}`);

    // An adopted resolution in the register: a remote vote of the general assembly, closed at its time.
    const assembly = (await staff(`/workspaces/${ws}/bodies`, coordinator)).body.find((b: { kind: string }) => b.kind === 'general_assembly').id;
    const resolution = (await staff(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assembly, kind: 'ordinary', title: 'w sprawie składki członkowskiej' })).body;
    const closesAt = new Date(Date.now() + 60 * 60 * 1000);
    const vote = (await staff(`/resolutions/${resolution.id}/votes`, coordinator, { closesAt: closesAt.toISOString() })).body;
    for (const slug of Object.values(REPRESENTATIVE_LOGINS).slice(0, 8)) {
      expect((await staff(`/votes/${vote.id}/ballots`, await server.login(`przedstawiciel.${slug}@som.example`), { choice: 'for' })).status).toBe(201);
    }
    await server.server.app.get(VotesService).sweep(new Date(closesAt.getTime() + 1000));
    expect((await staff(`/resolutions/${resolution.id}`, coordinator)).body.state).toBe('adopted');
    // It is amended by a resolution adopting the strategy version at a meeting of the assembly, which has minutes.
    const members = await Promise.all(Object.values(REPRESENTATIVE_LOGINS).map((slug) => server.login(`przedstawiciel.${slug}@som.example`)));
    const amending = (
      await staff(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assembly, kind: 'ordinary', title: 'zmieniająca uchwałę w sprawie składki', adoptsVersionId: versionId, changesResolutionId: resolution.id, changeKind: 'amends' })
    ).body;
    const sitting = (await staff(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly, title: 'Walne Zebranie Członków', startsAt: new Date().toISOString(), agenda: [amending.id] })).body;
    expect((await staff(`/meetings/${sitting.id}/open`, coordinator, {})).status).toBe(200);
    for (const token of members) expect((await staff(`/meetings/${sitting.id}/check-in`, token, {})).status).toBe(200);
    const sittingVote = (await staff(`/resolutions/${amending.id}/votes`, coordinator, { meetingId: sitting.id })).body;
    for (const token of members) expect((await staff(`/votes/${sittingVote.id}/ballots`, token, { choice: 'for' })).status).toBe(201);
    expect((await staff(`/votes/${sittingVote.id}/close`, coordinator, {})).status).toBe(200);
    expect((await staff(`/meetings/${sitting.id}/close`, coordinator, {})).status).toBe(200);
    const register = (await call('GET /api/public/registers/{slug}', '/api/public/registers/ssom')).body.entries as Array<{ position: number }>;
    for (const { position } of register) {
      const entry = (await call('GET /api/public/registers/{slug}/entries/{position}', `/api/public/registers/ssom/entries/${position}`)).body;
      const files = `/api/public/registers/ssom/entries/${position}`;
      await call('GET /api/public/registers/{slug}/entries/{position}/text.pdf', `${files}/text.pdf`);
      if (entry.adopts) await call('GET /api/public/registers/{slug}/entries/{position}/adopted.pdf', `${files}/adopted.pdf?lang=en`);
      if (entry.adopts) await call('GET /api/public/registers/{slug}/entries/{position}/adopted.docx', `${files}/adopted.docx`);
      if (entry.minutes) for (const format of ['pdf', 'docx']) await call('GET /api/public/registers/{slug}/entries/{position}/minutes.{format}', `${files}/minutes.${format}`);
      await call('GET /api/public/sites/{slug}/records/{kind}/{key}', `/api/public/sites/ssom/records/resolution/${position}`);
      await call('GET /api/public/sites/{slug}/records/{kind}/{key}/export.zip', `/api/public/sites/ssom/records/resolution/${position}/export.zip`);
    }
    // The resolution named as approving the report: the next edition states it.
    expect((await staff(`/rounds/${reported}/publication`, coordinator, { approvedByResolutionId: resolution.id }, 'PATCH')).status).toBe(200);
    expect((await staff(`/rounds/${reported}/report/publish`, coordinator, {})).status).toBe(201);
    await call('GET /api/public/rounds/{roundId}/report', `/api/public/rounds/${reported}/report`);

    // A joint project the board approved (public, every field filled), beside an idea (not public).
    const organisations = (await staff(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; kind: string }>;
    const [leader, partner] = organisations.filter((o) => o.kind === 'member');
    const project = await staff(`/workspaces/${ws}/projects`, coordinator, {
      title: 'Wspólny zakup autobusów',
      scope: 'Zakup 40 autobusów elektrycznych.',
      expectedResults: 'Mniej spalin.',
      leaderId: leader.id,
      participants: [{ organisationId: leader.id }, { organisationId: partner.id }],
      coFinancingRate: '85',
      startsOn: '2027-01-01',
      endsOn: '2028-12-31',
    });
    expect(project.status).toBe(201);
    await server.db.query(`UPDATE projects SET stage = 'approved' WHERE id = $1`, [project.body.id]);

    // The association's public site: its front, feed and accessibility statement, each record's metadata and export.
    await call('GET /api/public/sites/{slug}', '/api/public/sites/ssom');
    await call('GET /api/public/sites/{slug}/feed.atom', '/api/public/sites/ssom/feed.atom');
    await call('GET /api/public/sites/{slug}/accessibility', '/api/public/sites/ssom/accessibility');
    for (const [kind, key] of [
      ['report', reported],
      ['consultation', reported],
      ['consultation', open],
    ]) {
      await call('GET /api/public/sites/{slug}/records/{kind}/{key}', `/api/public/sites/ssom/records/${kind}/${key}`);
      await call('GET /api/public/sites/{slug}/records/{kind}/{key}/export.zip', `/api/public/sites/ssom/records/${kind}/${key}/export.zip`);
    }
    await call('GET /api/public/sites/{slug}/records/consultation/{roundId}/document.pdf', `/api/public/sites/ssom/records/consultation/${open}/document.pdf`);

    // Invitations: to a new account (a representative, with its organisation), and to an existing one in another
    // workspace, accepted by the invited person signed in.
    const organisation = (await staff(`/workspaces/${ws}/organisations`, coordinator)).body.find((o: { kind: string }) => o.kind === 'member');
    await staff(`/workspaces/${ws}/invitations`, coordinator, { email: 'nowa.osoba@police.example', role: 'representative', organisationId: organisation.id, displayName: 'Nowa Osoba' });
    const invitation = server.linkToken('nowa.osoba@police.example', '/invitation');
    await call('GET /api/invitations/{token}', `/api/invitations/${invitation}`);
    await call('POST /api/invitations/{token}/accept', `/api/invitations/${invitation}/accept`, { body: { password: 'hasło nowej osoby' } });
    const other = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'KOF', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
    const kof = (await server.request(`/api/invitations/${new URL(other.invitationLink).searchParams.get('token')}/accept`, { body: { password: 'hasło koordynatora kof' } })).body.token;
    expect((await staff(`/workspaces/${other.workspaceId}/invitations`, kof, { email: 'ekspert@som.example', role: 'observer' })).status).toBe(201);
    const existing = server.linkToken('ekspert@som.example', '/invitation');
    await call('GET /api/invitations/{token}', `/api/invitations/${existing}`);
    await call('POST /api/invitations/{token}/accept', `/api/invitations/${existing}/accept`, { token: expert, body: {} });

    // Signing in, a password reset, health.
    await call('POST /api/auth/login', '/api/auth/login', { body: { email: 'nowa.osoba@police.example', password: 'hasło nowej osoby' } });
    await call('POST /api/auth/password-reset', '/api/auth/password-reset', { body: { email: 'obserwator@som.example' } });
    await call('POST /api/auth/password-reset/confirm', '/api/auth/password-reset/confirm', { body: { token: await server.waitForLinkToken('obserwator@som.example', '/reset-password'), password: 'nowe hasło obserwatora' } });
    await call('GET /api/health', '/api/health');
    await call('GET /api/health/live', '/api/health/live');
    await call('GET /api/health/ready', '/api/health/ready');

    // The coordinator's calendar feed, by its secret address.
    const feed = (await staff('/me/calendar-feed', coordinator, {})).body.url as string;
    await call('GET /api/public/calendar/{token}.ics', new URL(feed).pathname);

    // An unsubscribe link as every e-mail carries it, and an address's (a consultation's submitter).
    const unsubscribe = server.server.app.get(UnsubscribeTokens);
    const [observerRow] = await server.db.query(`SELECT id FROM users WHERE email = 'obserwator@som.example'`);
    for (const token of [unsubscribe.issue({ userId: observerRow.id, categories: ['votes', 'meetings'] }), unsubscribe.issue({ address: 'jan.kowalski@example.com', category: 'reports' })]) {
      await call('GET /api/public/unsubscribe', `/api/public/unsubscribe?token=${encodeURIComponent(token)}`);
      await call('POST /api/public/unsubscribe', `/api/public/unsubscribe?token=${encodeURIComponent(token)}`);
    }
  });
  afterAll(() => server?.close());

  it('knows every public route: the OpenAPI document marks exactly the listed ones, and every other route refuses an anonymous caller', async () => {
    const docs = await server.request('/api/docs-json');
    expect(docs.status).toBe(200);
    const marked: string[] = [];
    const refused: Array<{ route: string; status: number }> = [];
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [path, operations] of Object.entries<Record<string, { 'x-access'?: string }>>(docs.body.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (operation['x-access'] === 'public') {
          marked.push(route);
          continue;
        }
        const response = await server.request(path.replace(/\{[^}]+\}/g, id), { method: method.toUpperCase(), body: method === 'get' ? undefined : {} });
        if (response.status !== 401) refused.push({ route, status: response.status });
      }
    }
    expect(marked.sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
    expect(refused).toEqual([]);
  });

  it('answers each public route with its allow-listed keys only, and shows every one of them', () => {
    const unexpected: Array<{ route: string; path: string; key: string }> = [];
    const unseen: Array<{ route: string; key: string }> = [];
    for (const [route, shape] of Object.entries(PUBLIC_ROUTES)) {
      const calls = answers.get(route) ?? [];
      expect({ route, called: calls.length > 0 }).toEqual({ route, called: true });
      const seen = new Set<string>();
      for (const { path, response } of calls) {
        if ('empty' in shape) {
          expect({ route, status: response.status, body: response.body }).toEqual({ route, status: 204, body: null });
        } else if ('file' in shape) {
          expect({ route, json: /json/.test(response.headers.get('content-type') ?? '') }).toEqual({ route, json: false });
        } else {
          for (const key of keyPaths(response.body)) {
            seen.add(key);
            if (!allowed(key, shape.json) && !unexpected.some((u) => u.route === route && u.key === key)) unexpected.push({ route, path, key });
          }
        }
      }
      if ('json' in shape) for (const key of shape.json) if (!seen.has(key.replace(/\.\*$/, ''))) unseen.push({ route, key });
    }
    expect(unexpected).toEqual([]);
    // Each key on a list is shown by some answer, so the lists stay what the routes really answer.
    expect(unseen).toEqual([]);
  });

  it('says nothing internal in any value: no meeting notes, internal notes, submitters’ e-mail addresses or staff’s ids', () => {
    const secrets = [NOTES, INTERNAL_NOTE, ...SUBMITTER_EMAILS, ...staffIds];
    const found: Array<{ route: string; path: string; secret: string }> = [];
    for (const [route, calls] of answers) {
      for (const { path, response } of calls) {
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        // Signing in and accepting answer the person's own account; that is theirs to see.
        if (route === 'POST /api/auth/login' || route === 'POST /api/invitations/{token}/accept') continue;
        for (const secret of secrets) if (text.includes(secret) && !found.some((f) => f.route === route && f.secret === secret)) found.push({ route, path, secret });
      }
    }
    expect(found).toEqual([]);
  });

  it('serves the published report as sealed: its content hashes to the SHA-256 in the audit trail', () => {
    const served = answers.get('GET /api/public/rounds/{roundId}/report') ?? [];
    expect(served.map(({ response }) => response.body.edition)).toEqual([1, 2]);
    for (const { response } of served) expect(createHash('sha256').update(canonicalJson(response.body.content)).digest('hex')).toBe(response.body.sha256);
  });

  it('keeps the meeting notes on the round as its staff see it', async () => {
    const [{ response }] = answers.get('GET /api/public/rounds/{roundId}') ?? [];
    const round = await server.request(`/api/rounds/${response.body.id}`, { token: coordinator });
    expect(round.body.meetings).toEqual([expect.objectContaining({ place: 'Szczecin, Urząd Miasta, sala sesyjna', notes: NOTES })]);
  });
});
