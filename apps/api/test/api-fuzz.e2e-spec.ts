import { request as httpRequest } from 'node:http';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { anchorPassage, documentFromJson, editorSchema, RICH_TEXT_FIELD } from '@commonplan/editor';
import { CollabEngine } from '../src/collab/collab-engine';
import {
  type BodySpec,
  Big,
  jsonBody,
  multipartBody,
  type OpenApiDocument,
  pathSegments,
  queryString,
  realBody,
  realQuery,
  realSegments,
  type Route,
  routesOf,
  toJsonText,
  unwrap,
  type Hints,
  type RealFile,
} from './support/openapi-arbitrary';
import { TestServer } from './support/test-server';

/**
 * The API fuzz test: every route of the OpenAPI document (GET /api/docs-json), called by fast-check with requests
 * generated from its schemas (path parameters, query, JSON or multipart body) as four callers: anonymous, an
 * observer, a member's representative and a coordinator. Path parameters are mostly real ids of the demo data (and
 * of the rounds, comments, meetings, votes... made below), else ids of other kinds, random UUIDs and hostile
 * segments; bodies are values of the operation's schema, the same mutated (fields missing, added, of the wrong type,
 * NUL and lone surrogates, 1e±308, dates outside 1970..2200, nesting, 10 KB..1 MB strings, arrays of thousands) or
 * not JSON at all. For every request:
 *
 * - the answer is below 500 (a 5xx fails with the route, caller and request; fast-check shrinks it first);
 * - an anonymous caller of a route whose `x-access` is not `public` gets 401 (or the refusal of what runs before
 *   routing: the input guard, the body parser, Node's HTTP limits, an address that names no route);
 * - stored documents: around each request the test reads a fingerprint of every document from the database (title,
 *   kind, status, updated_at, the number of frozen versions, and the newest update its stored state covers:
 *   max(document_updates.id) or its snapshot's upto_id, which compaction keeps). A refused request (any answer but
 *   2xx) must leave every fingerprint as it was; a 2xx may change a document's text only on the routes whose purpose
 *   that is (restoring a version, applying a proposal). This is checked on every request rather than by excluding those
 *   routes, so they are fuzzed like the others.
 *
 * Afterwards every document still loads, reads as before unless one of those routes changed it, exports (md, pdf,
 * docx) and freezes.
 *
 * Runs: RUNS per route and caller (fewer for file renderings and uploads), about 3,500 requests. Seeds are random and
 * printed by fast-check on failure; to look again, API_FUZZ_ONLY=<part of a route id> restricts the run to matching
 * routes and API_FUZZ_SEED=<seed> replays their generation (the server's state may differ from the failing run's).
 * API_FUZZ_RUNS=<factor> multiplies the runs for a deeper fuzz (or a shallower one: CI's second pass, on the embedded
 * database after the first on PostgreSQL, fuzzes every route and caller at half depth, 0.5, for CI's time; at least one
 * run each); API_FUZZ_VERBOSE=1 prints the answers per route,
 * API_FUZZ_VERBOSE=requests every request.
 */

type Caller = 'anonymous' | 'observer' | 'representative' | 'coordinator';

const CALLERS: Record<Exclude<Caller, 'anonymous'>, string> = {
  observer: 'obserwator@som.example',
  representative: 'przedstawiciel.police@som.example',
  coordinator: 'koordynator@som.example',
};

/** Runs per route and caller; routes that render files (PDF, Word, spreadsheets) or parse uploads get fewer. */
const FACTOR = Number(process.env.API_FUZZ_RUNS ?? 1);
const RUNS: Record<Caller, number> = { anonymous: 2, observer: 5, representative: 5, coordinator: 11 };
const SLOW_RUNS: Record<Caller, number> = { anonymous: 1, observer: 2, representative: 2, coordinator: 4 };
const isSlow = (route: Route) => /export|minutes\.\{format\}|report\.\{format\}|\/import$|attachments$/.test(route.template);

/** Routes that take an upload without documenting its body in OpenAPI. */
const MULTIPART = new Set(['POST /api/resolutions/{resolutionId}/attachments']);

/** The routes whose purpose is to change a document's text: the only ones whose 2xx may. */
const CONTENT_ROUTES = new Set(['POST /api/documents/{documentId}/versions/{versionId}/restore', 'POST /api/consultation-comments/{commentId}/proposal/apply']);

/**
 * The fuzz's time: about 21 s on PostgreSQL and 26 s on PGlite for its 3,540 requests, alone on 2 cores (2026-12-07), twice
 * that beside CI's other suites. Past it, as on a much slower machine, the remaining routes run once per caller; one
 * route and caller (shrinking a failure included) gets at most 30 s. The runs per route were cut by a third when the
 * routes had grown to 5,380 requests a run, which took the whole budget in both of CI's passes; seeds differ each run.
 */
const BUDGET_MS = 60_000 * FACTOR;
const PROPERTY_LIMIT_MS = 30_000;

/** How long one request may take (a PDF of a long report included) before it counts as a hang. */
const REQUEST_TIMEOUT_MS = 20_000;

const DAY = 24 * 60 * 60 * 1000;

interface Answer {
  status: number;
  text: string;
}

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Input {
  /** HEAD instead of GET now and then. */
  method: string;
  segments: unknown[];
  /** Appended to the path: mostly nothing; a slash, an encoded one, a matrix parameter, an extension. */
  suffix: string;
  query: string;
  body: BodySpec;
  secret: string | null;
  client: Client;
}

/** How the caller presents itself: its token as a bearer (mostly), as a cookie, or something broken; and its headers. */
interface Client {
  auth: 'bearer' | 'cookie' | 'cookie-with-csrf' | 'none' | 'bad-bearer' | 'basic';
  userAgent: string | null;
  forwardedFor: string | null;
  origin: string | null;
}

/** A value once in `every` requests, null otherwise. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, every: number) => fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** Header values a client may send (visible Latin-1: Node refuses anything else in a header). */
const headerText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', ' ', '::1', '127.0.0.1, 10.0.0.1', 'unknown', '999.999.999.999', '[::ffff:1.2.3.4]', 'ÿþ', 'a'.repeat(2000)))
  .map((text) => text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, ''));

const client: fc.Arbitrary<Client> = fc.record({
  auth: fc.oneof(
    { weight: 20, arbitrary: fc.constant<Client['auth']>('bearer') },
    { weight: 1, arbitrary: fc.constantFrom<Client['auth']>('cookie', 'cookie-with-csrf', 'none', 'bad-bearer', 'basic') },
  ),
  userAgent: sometimes(headerText, 4),
  forwardedFor: sometimes(headerText, 4),
  origin: sometimes(fc.constantFrom('http://evil.example', 'null', 'http://commonplan.test'), 10),
});

interface DocumentPrint {
  meta: string;
  content: string;
}

describe('API fuzz: every route, generated from its OpenAPI schemas, as anonymous, observer, representative and coordinator', () => {
  let server: TestServer;
  let doc: OpenApiDocument;
  let routes: Route[];
  const tokens: Partial<Record<Caller, string>> = {};
  const pools = new Map<string, string[]>();
  const related = new Map<string, string[][]>();
  const fields = new Map<string, unknown[]>();
  const secrets: string[] = [];
  const files: RealFile[] = [];
  /** The text of every document before the fuzz (coordinator's view). */
  const textsBefore = new Map<string, string>();
  /** Documents whose text a content route changed (with a 2xx). */
  const rewritten = new Set<string>();
  const statuses = new Map<string, Map<number, number>>();
  let requests = 0;

  const api = async (path: string, token: string | undefined, body?: unknown, method?: string) => {
    const response = await server.request(`/api${path}`, { token, body, method });
    if (response.status >= 300) throw new Error(`set-up: ${method ?? (body === undefined ? 'GET' : 'POST')} ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const pool = (name: string, ...ids: (string | undefined | null)[]) => {
    const list = pools.get(name) ?? [];
    for (const id of ids) if (id && !list.includes(id)) list.push(id);
    pools.set(name, list);
  };

  const hints: Hints = {
    param: (name) => pools.get(name) ?? [],
    related: (names) => related.get(names.join()) ?? [],
    field: (name) => fields.get(name) ?? [],
  };

  beforeAll(async () => {
    // Behind a proxy (TRUST_PROXY), so the fuzz's X-Forwarded-For headers reach what the server records of a client.
    // The fuzz signs in with wrong passwords too: the callers' accounts must not lock.
    server = await TestServer.start({ env: { PUBLIC_COMMENTS_PER_IP: '100000', LOGIN_LIMIT_PER_ACCOUNT: '10000', LOGIN_LIMIT_PER_IP: '100000', TRUST_PROXY: 'true' } });
    const ws = await server.demoWorkspaceId();
    for (const [caller, email] of Object.entries(CALLERS)) tokens[caller as Caller] = await server.login(email);
    const coordinator = tokens.coordinator!;
    const representative = tokens.representative!;
    doc = (await api('/docs-json', undefined)) as OpenApiDocument;
    routes = routesOf(doc, MULTIPART);
    pool('workspaceId', ws);
    pool('slug', 'ssom');

    // Documents, versions, an anchored comment thread with mentions (notifications), an approval.
    const documents = (await api(`/workspaces/${ws}/documents`, coordinator)) as Array<{ id: string; kind: string }>;
    const strategyId = documents.find((d) => d.kind === 'strategy')!.id;
    const draft = await api(`/workspaces/${ws}/documents`, coordinator, { title: 'Plan mobilności (fuzz)', kind: 'sector_plan' });
    pool('documentId', ...documents.map((d) => d.id), draft.id);
    const v1 = await api(`/documents/${strategyId}/versions`, coordinator, { name: 'v1 (fuzz)' });
    const v2 = await api(`/documents/${strategyId}/versions`, coordinator, { name: 'v2 (fuzz)' });
    const draftVersion = await api(`/documents/${draft.id}/versions`, coordinator, { name: 'pusty (fuzz)' });
    pool('versionId', v1.id, v2.id, draftVersion.id);
    await api(`/documents/${strategyId}/versions/${v1.id}/approvals`, representative, {});

    const people = (await api(`/workspaces/${ws}/people`, coordinator)) as Array<{ membershipId: string; userId: string; email: string; role: string }>;
    const callerEmails = new Set(Object.values(CALLERS));
    const userOf = (email: string) => people.find((p) => p.email === email)!.userId;
    pool('userId', ...people.map((p) => p.userId));
    // The callers' own memberships stay out of the fuzz: a coordinator who demoted the observer would fuzz the rest as someone else.
    pool('membershipId', ...people.filter((p) => !callerEmails.has(p.email)).map((p) => p.membershipId));
    const expertId = userOf('ekspert@som.example');

    const engine = server.server.app.get(CollabEngine);
    const anchor = await engine.read(strategyId, (ydoc) => {
      const fragment = ydoc.getXmlFragment(RICH_TEXT_FIELD);
      const { mapping } = initProseMirrorDoc(fragment, editorSchema());
      return anchorPassage(fragment, 2, 12, mapping);
    });
    const thread = await api(`/documents/${strategyId}/comments`, coordinator, {
      anchor,
      quote: 'Diagnoza',
      body: 'Uwaga do diagnozy.',
      mentions: [userOf(CALLERS.observer), userOf(CALLERS.representative)],
    });
    await api(`/documents/${strategyId}/comments/${thread.id}/replies`, coordinator, { body: 'Odpowiedź.', mentions: [userOf(CALLERS.observer)] });
    const resolved = await api(`/documents/${strategyId}/comments`, coordinator, { anchor, quote: 'Diagnoza', body: 'Załatwione.' });
    await api(`/documents/${strategyId}/comments/${resolved.id}/resolve`, coordinator, {});
    pool('threadId', thread.id, resolved.id);
    for (const caller of ['observer', 'representative'] as const) {
      const inbox = await api(`/workspaces/${ws}/notifications`, tokens[caller]);
      pool('notificationId', ...inbox.items.map((n: { id: string }) => n.id));
    }

    // Consultation rounds: a draft, an open one with comments of every channel (one accepted with a passage, so its
    // proposal applies), and a closed one with a published report.
    const version = await api(`/documents/${strategyId}/versions/${v1.id}`, coordinator);
    const passages: { from: number; to: number; text: string }[] = [];
    documentFromJson(version.content).descendants((node, pos) => {
      if (node.isText && (node.text?.length ?? 0) > 20) passages.push({ from: pos, to: pos + 12, text: node.text!.slice(0, 12) });
    });
    const passage = passages[0];
    const round = (body: Record<string, unknown>) => api(`/workspaces/${ws}/rounds`, coordinator, { documentId: strategyId, versionId: v1.id, audiences: ['members', 'partners', 'public'], channels: ['online_form', 'post'], ...body });
    const draftRound = await round({ title: 'Konsultacje robocze (fuzz)', opensAt: new Date(Date.now() + 10 * DAY).toISOString() });
    const openRound = await round({ title: 'Konsultacje otwarte (fuzz)', opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 40 * DAY).toISOString() });
    await api(`/rounds/${openRound.id}/meetings`, coordinator, { startsAt: new Date(Date.now() + DAY).toISOString(), place: 'Szczecin' });
    await api(`/rounds/${openRound.id}/announce`, coordinator, {});
    await api(`/rounds/${openRound.id}/open`, coordinator, {});
    const submitter = { kind: 'person', name: 'Anna Nowak', type: 'resident' };
    const accepted = await api(`/public/rounds/${openRound.id}/comments`, undefined, {
      part: 'Rozdział 1',
      passage: { from: passage.from, to: passage.to },
      currentWording: passage.text,
      proposedWording: 'Nowe brzmienie',
      justification: 'Uzasadnienie.',
      submitter,
      email: 'anna.nowak@example.pl',
    });
    secrets.push(accepted.editSecret);
    await api(`/consultation-comments/${accepted.id}/assignee`, coordinator, { assigneeId: expertId }, 'PUT');
    await api(`/consultation-comments/${accepted.id}/disposition`, coordinator, { disposition: 'accepted', justification: 'Przyjęta.' }, 'PUT');
    await api(`/consultation-comments/${accepted.id}/disposition/approve`, coordinator, {});
    await api(`/consultation-comments/${accepted.id}/notes`, coordinator, { body: 'Notatka.' });
    const publicComment = await api(`/public/rounds/${openRound.id}/comments`, undefined, { part: 'Rozdział 2', justification: 'Uwaga.', submitter });
    secrets.push(publicComment.editSecret);
    const memberComment = await api(`/rounds/${openRound.id}/comments`, representative, { part: 'Rozdział 3', proposedWording: 'Inaczej', justification: 'Gmina Police proponuje.' });
    const staffComment = await api(`/rounds/${openRound.id}/comments/entered`, coordinator, { part: 'Całość', justification: 'Pismem.', submitter: { kind: 'institution', name: 'Urząd', type: 'other' }, channel: 'post' });
    // Closed (and its report published) at the end of the set-up, once its closing time is moved into the past: a
    // round closing a few seconds after it opened had closed before a loaded machine sent its comment.
    const closingRound = await round({ title: 'Konsultacje zamknięte (fuzz)', documentId: draft.id, versionId: draftVersion.id, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() });
    await api(`/rounds/${closingRound.id}/announce`, coordinator, {});
    await api(`/rounds/${closingRound.id}/open`, coordinator, {});
    const closedComment = await api(`/public/rounds/${closingRound.id}/comments`, undefined, { part: 'Całość', justification: 'Krótko.', submitter });
    await api(`/consultation-comments/${closedComment.id}/disposition`, coordinator, { disposition: 'rejected', justification: 'Nie.' }, 'PUT');
    await api(`/consultation-comments/${closedComment.id}/disposition/approve`, coordinator, {});
    pool('roundId', draftRound.id, openRound.id, closingRound.id);
    pool('commentId', accepted.id, publicComment.id, memberComment.id, staffComment.id, closedComment.id);

    // Decisions: a body, resolutions (one with an attachment), a planned meeting, an open one with a vote, a closed one
    // with a closed vote (its minutes), and a remote vote.
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)) as Array<{ id: string; kind: string; rules: unknown }>;
    const assembly = bodies.find((b) => b.kind === 'general_assembly')!;
    const organisations = (await api(`/workspaces/${ws}/organisations`, coordinator)) as Array<{ id: string; kind: string }>;
    pool('organisationId', ...organisations.map((o) => o.id));
    const committee = await api(`/workspaces/${ws}/bodies`, coordinator, { kind: 'other', name: 'Komisja (fuzz)', nameGenitive: 'Komisji (fuzz)', memberIds: organisations.filter((o) => o.kind === 'member').slice(0, 3).map((o) => o.id) });
    pool('bodyId', ...bodies.map((b) => b.id), committee.id);
    const resolution = (title: string, kind = 'ordinary', extra: Record<string, unknown> = {}) => api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assembly.id, kind, title, ...extra });
    const adopting = await resolution('w sprawie przyjęcia strategii (fuzz)', 'ordinary', { adoptsVersionId: v1.id });
    const inMeeting = await resolution('w sprawie budżetu (fuzz)');
    // Remote voting as the demo's rule book allows it: ordinary resolutions only.
    const remote = await resolution('w sprawie terminu zebrania (fuzz)');
    const decided = await resolution('w sprawie sprawozdania (fuzz)');
    const meeting = (title: string, agenda: string[], startsAt = new Date()) => api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title, startsAt: startsAt.toISOString(), place: 'Szczecin', agenda });
    const planned = await meeting('Zebranie planowane (fuzz)', [adopting.id], new Date(Date.now() + 7 * DAY));
    const open = await meeting('Zebranie otwarte (fuzz)', [inMeeting.id]);
    await api(`/meetings/${open.id}/open`, coordinator, {});
    await api(`/meetings/${open.id}/check-in`, representative, {});
    const openVote = await api(`/resolutions/${inMeeting.id}/votes`, coordinator, { meetingId: open.id });
    await api(`/votes/${openVote.id}/ballots`, representative, { choice: 'for' });
    const remoteVote = await api(`/resolutions/${remote.id}/votes`, coordinator, { closesAt: new Date(Date.now() + 10 * DAY).toISOString() });
    const closed = await meeting('Zebranie zamknięte (fuzz)', [decided.id]);
    await api(`/meetings/${closed.id}/open`, coordinator, {});
    await api(`/meetings/${closed.id}/check-in`, representative, {});
    const closedVote = await api(`/resolutions/${decided.id}/votes`, coordinator, { meetingId: closed.id });
    await api(`/votes/${closedVote.id}/ballots`, representative, { choice: 'against' });
    await api(`/votes/${closedVote.id}/close`, coordinator, {});
    await api(`/meetings/${closed.id}/close`, coordinator, {});
    pool('resolutionId', adopting.id, inMeeting.id, remote.id, decided.id);
    pool('meetingId', planned.id, open.id, closed.id);
    pool('voteId', openVote.id, remoteVote.id, closedVote.id);

    // Real files: the strategy exported (a Word file and Markdown to import, a PDF to attach).
    for (const format of ['docx', 'md', 'pdf']) {
      const response = await fetch(`${server.url}/api/documents/${strategyId}/export?format=${format}`, { headers: { authorization: `Bearer ${coordinator}` } });
      expect(response.status).toBe(200);
      files.push({ name: `strategia.${format}`, content: new Uint8Array(await response.arrayBuffer()) });
    }
    const form = new FormData();
    form.append('file', new Blob([files[2].content]), 'uchwala.pdf');
    const attached = await fetch(`${server.url}/api/resolutions/${adopting.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${coordinator}` }, body: form });
    expect(attached.status).toBe(201);
    const attachment = ((await attached.json()) as { id: string }).id;
    pool('attachmentId', attachment);

    // Invitations (their links' tokens) and other sessions of the callers (never the ones the fuzz signs in with).
    for (const [index, role] of ['observer', 'expert'].entries()) {
      const email = `zaproszenie${index}.fuzz@example.pl`;
      const invitation = await api(`/workspaces/${ws}/invitations`, coordinator, { email, role });
      pool('invitationId', invitation.id);
      pool('token', await server.waitForLinkToken(email, '/invitation'));
    }
    for (const caller of ['observer', 'coordinator'] as const) {
      await server.login(CALLERS[caller]);
      const sessions = (await api('/auth/sessions', tokens[caller])) as Array<{ id: string; current: boolean }>;
      pool('sessionId', ...sessions.filter((s) => !s.current).map((s) => s.id));
    }

    // Query parameters and body fields named like ids draw on the same pools.
    pools.set('version', [...pools.get('versionId')!, 'live']);
    pools.set('from', [...pools.get('versionId')!, 'live']);
    pools.set('to', [...pools.get('versionId')!, 'live']);
    pools.set('assigneeId', [...pools.get('userId')!, 'none']);
    pools.set('edition', ['1', '2']);
    pools.set('*', [...new Set([...pools.values()].flat())]);
    related.set('documentId,versionId', [[strategyId, v1.id], [strategyId, v2.id], [draft.id, draftVersion.id]]);
    related.set('documentId,threadId', [[strategyId, thread.id], [strategyId, resolved.id]]);
    related.set('documentId,userId', [[strategyId, userOf(CALLERS.observer)], [draft.id, expertId], [draft.id, userOf(CALLERS.representative)]]);
    related.set('resolutionId,attachmentId', [[adopting.id, attachment]]);
    const idFields: Record<string, string> = {
      documentId: 'documentId',
      versionId: 'versionId',
      adoptsVersionId: 'versionId',
      bodyId: 'bodyId',
      meetingId: 'meetingId',
      organisationId: 'organisationId',
      toOrganisationId: 'organisationId',
      forOrganisationId: 'organisationId',
      memberIds: 'organisationId',
      agenda: 'resolutionId',
      assigneeId: 'userId',
      mentions: 'userId',
    };
    for (const [field, name] of Object.entries(idFields)) fields.set(field, pools.get(name)!);
    fields.set('start', [anchor!.start, anchor!.end]);
    fields.set('end', [anchor!.start, anchor!.end]);
    fields.set('rules', [assembly.rules]);
    fields.set('email', [...callerEmails, 'ekspert@som.example', 'nowy.fuzz@example.pl']);
    fields.set('password', ['demo-ssom-2026', 'nowe-haslo-fuzz-2026']);
    fields.set('expectedText', [passage.text]);
    // Fields the OpenAPI document types only as `object` (number | null, Date | null in the DTOs).
    fields.set('population', [25_643, 0, 1_631_784]);
    fields.set('populationYear', [2023, 1900, 2200]);
    fields.set('voteWeight', [1, 0.5, 2.25]);
    fields.set('expiresAt', [new Date(Date.now() + 30 * DAY).toISOString(), '2027-03-31T23:59:59Z']);

    await server.db.query(`UPDATE consultation_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [closingRound.id]);
    expect((await server.request(`/api/rounds/${closingRound.id}/close`, { token: coordinator, body: {} })).status).toBe(200);
    await api(`/rounds/${closingRound.id}/report/publish`, coordinator, {});

    for (const id of await allDocumentIds()) textsBefore.set(id, await textOf(id));
  });
  afterAll(() => server?.close());

  const allDocumentIds = async () => ((await server.db.query(`SELECT id FROM documents ORDER BY created_at, id`)) as Array<{ id: string }>).map((row) => row.id);

  const textOf = async (documentId: string) => {
    const response = await server.request(`/api/documents/${documentId}/text`, { token: tokens.coordinator });
    expect({ documentId, status: response.status }).toEqual({ documentId, status: 200 });
    return response.body.text as string;
  };

  /** Every document's fingerprint as stored: its row, its versions, and how far its stored text reaches. */
  const fingerprint = async (): Promise<Map<string, DocumentPrint>> => {
    const rows = (await server.db.query(
      `SELECT d.id, d.title, d.kind, d.status, d.updated_at::text AS updated_at,
              (SELECT count(*) FROM document_versions v WHERE v.document_id = d.id)::int AS versions,
              GREATEST((SELECT max(u.id) FROM document_updates u WHERE u.document_id = d.id),
                       (SELECT s.upto_id FROM document_snapshots s WHERE s.document_id = d.id))::text AS upto
       FROM documents d`,
    )) as Array<{ id: string; title: string; kind: string; status: string; updated_at: string; versions: number; upto: string | null }>;
    return new Map(rows.map((r) => [r.id, { meta: JSON.stringify([r.title, r.kind, r.status, r.updated_at, r.versions]), content: r.upto ?? '' }]));
  };

  /** Sends exactly these bytes (no URL normalisation, unlike fetch), on a fresh connection, within the time limit. */
  const send = (sent: Sent): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const url = new URL(server.url);
      const request = httpRequest(
        { host: url.hostname, port: url.port, method: sent.method, path: sent.path, headers: { ...sent.headers, connection: 'close' }, agent: false, timeout: REQUEST_TIMEOUT_MS },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(sent.body);
    });

  const multipart = (spec: Extract<BodySpec, { kind: 'multipart' }>): { contentType: string; body: Buffer } => {
    const boundary = '----commonplan-fuzz-7d1f';
    const parts: Buffer[] = [];
    const text = (value: unknown) => {
      const plain = unwrap(value);
      return typeof plain === 'string' ? plain : JSON.stringify(plain) ?? '';
    };
    for (const [name, value] of spec.fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text(value)}\r\n`));
    for (const file of spec.files) {
      const disposition = spec.malformed === 'bad-header' ? 'form-data; name=' : `form-data; name="${file.field}"; filename="${text(file.name).replace(/["\\]/g, '\\$&')}"`;
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${file.type}\r\n\r\n`));
      parts.push(Buffer.from(file.content instanceof Big ? (file.content.value as Uint8Array) : file.content));
      parts.push(Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    let body = Buffer.concat(parts);
    if (spec.malformed === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
    return { contentType: spec.malformed === 'no-boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`, body };
  };

  const build = (route: Route, caller: Caller, input: Input): Sent => {
    let index = 0;
    const path = route.template.replace(/\{[^}]+\}/g, () => String(unwrap(input.segments[index++]))) + input.suffix + input.query;
    const headers: Record<string, string> = {};
    const token = caller === 'anonymous' ? undefined : tokens[caller];
    const { auth, userAgent, forwardedFor, origin } = input.client;
    if (auth === 'bearer' && token) headers.authorization = `Bearer ${token}`;
    if (auth === 'cookie' && token) headers.cookie = `cp_session=${token}`;
    if (auth === 'cookie-with-csrf' && token) Object.assign(headers, { cookie: `cp_session=${token}; cp_csrf=fuzz-csrf`, 'x-csrf-token': 'fuzz-csrf' });
    if (auth === 'bad-bearer') headers.authorization = `Bearer ${token ? token.slice(0, -2) : 'x'}${'A'.repeat(500)}`;
    if (auth === 'basic') headers.authorization = 'Basic a29vcmR5bmF0b3I6ZGVtbw==';
    if (userAgent !== null) headers['user-agent'] = userAgent;
    if (forwardedFor !== null) headers['x-forwarded-for'] = forwardedFor;
    if (origin !== null) headers.origin = origin;
    if (input.secret !== null) headers['x-comment-secret'] = input.secret;
    let body: Buffer | undefined;
    const spec = input.body;
    if (spec.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = Buffer.from(toJsonText(spec.value));
    } else if (spec.kind === 'raw') {
      if (spec.contentType) headers['content-type'] = spec.contentType;
      Object.assign(headers, spec.headers);
      body = Buffer.from(String(unwrap(spec.text)));
    } else if (spec.kind === 'multipart') {
      const form = multipart(spec);
      headers['content-type'] = form.contentType;
      body = form.body;
    }
    if (body) headers['content-length'] = String(body.length);
    return { method: input.method, path, headers, body };
  };

  const describeRequest = (caller: Caller, sent: Sent, answer?: Answer) => {
    const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);
    const headers = Object.entries(sent.headers)
      .filter(([name]) => name !== 'authorization')
      .map(([name, value]) => `${name}: ${value}`)
      .join('; ');
    return [
      `as ${caller}: ${sent.method} ${clip(sent.path, 300)}`,
      headers && `headers: ${headers}`,
      sent.body && `body: ${clip(sent.body.toString('utf8'), 500)}`,
      answer && `answer: ${answer.status} ${clip(answer.text, 500)}`,
    ]
      .filter(Boolean)
      .join('\n');
  };

  /** What the server refuses before any route runs (so before the access guard): an anonymous caller may get these instead of 401. */
  const refusedBeforeRouting = (answer: Answer) => {
    // 404: the address names no route (a handler never runs for an anonymous caller of a non-public route).
    if ([404, 413, 414, 415, 431].includes(answer.status)) return true;
    let message = '';
    try {
      message = String(JSON.parse(answer.text).message ?? '');
    } catch {
      return answer.status === 400; // Node's HTTP parser answers a malformed request with a bare 400
    }
    if (answer.status === 403) return /must come from this site/.test(message);
    return answer.status === 400 && /percent-encoded|control character|malformed text|JSON|nested deeper|request body/.test(message);
  };

  /** Signs a caller in again when a request ended its session (sign-out, ending sessions). */
  const stillSignedIn = async (caller: Caller) => {
    if (caller === 'anonymous') return;
    const me = await server.request('/api/auth/me', { token: tokens[caller] });
    if (me.status === 401) tokens[caller] = await server.login(CALLERS[caller]);
  };

  /**
   * A request: one in four well-formed (real ids, documented query parameters, a body that fits, signed in as a
   * client would), so the fuzz reaches deep into each route; the rest hostile in every part.
   */
  const inputFor = (route: Route): fc.Arbitrary<Input> => fc.oneof({ weight: 1, arbitrary: wellFormed(route) }, { weight: 3, arbitrary: hostile(route) });

  const wellFormed = (route: Route): fc.Arbitrary<Input> =>
    fc.record({
      method: fc.constant(route.method),
      segments: realSegments(route, doc, hints),
      suffix: fc.constant(''),
      query: realQuery(route.queryParams, doc, hints),
      body: realBody(route, doc, hints, files),
      secret: route.template.includes('/public/consultation-comments/') ? fc.constantFrom(...secrets) : fc.constant(null),
      client: fc.constant<Client>({ auth: 'bearer', userAgent: null, forwardedFor: null, origin: null }),
    });

  const hostile = (route: Route): fc.Arbitrary<Input> =>
    fc.record({
      method: route.method === 'GET' ? fc.oneof({ weight: 15, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: fc.constant('HEAD') }) : fc.constant(route.method),
      segments: pathSegments(route, doc, hints),
      suffix: fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', '%2F', ';a=b', '.json', '/..', '/%00') }),
      query: queryString(route.queryParams, doc, hints),
      body: route.body?.multipart
        ? multipartBody(route.body.schema, doc, hints, files)
        : route.method === 'GET' || route.method === 'DELETE'
          ? fc.oneof({ weight: 12, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) }, { weight: 1, arbitrary: jsonBody(route.body?.schema ?? null, doc, hints) })
          : jsonBody(route.body?.schema ?? null, doc, hints),
      secret: route.template.includes('/public/consultation-comments/')
        ? fc.oneof(fc.constantFrom(...secrets), fc.constant(null), headerText)
        : fc.constant(null),
      client,
    });

  /**
   * Between routes: documents the fuzz archived or adopted go back to drafting (as a coordinator may), so that the
   * routes after POST .../archive still reach documents they may edit.
   */
  const draftAgain = async () => {
    const frozen = (await server.db.query(`SELECT id FROM documents WHERE status IN ('archived', 'adopted')`)) as Array<{ id: string }>;
    for (const { id } of frozen) expect((await server.request(`/api/documents/${id}`, { token: tokens.coordinator, method: 'PATCH', body: { status: 'drafting' } })).status).toBe(200);
  };

  /** One request, and everything that must hold about it. */
  const exercise = async (route: Route, caller: Caller, input: Input): Promise<void> => {
    const sent = build(route, caller, input);
    const before = await fingerprint();
    let answer: Answer;
    try {
      answer = await send(sent);
    } catch (error) {
      throw new Error(`${route.id}: no answer (${(error as Error).message})\n${describeRequest(caller, sent)}`);
    }
    requests++;
    const counts = statuses.get(route.id) ?? new Map<number, number>();
    counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
    statuses.set(route.id, counts);
    if (process.env.API_FUZZ_VERBOSE === 'requests') console.log(describeRequest(caller, sent, answer));
    if (answer.status >= 500) throw new Error(`${route.id} answered ${answer.status}\n${describeRequest(caller, sent, answer)}`);
    if (caller === 'anonymous' && route.access !== 'public' && answer.status !== 401 && !refusedBeforeRouting(answer)) {
      throw new Error(`${route.id} (${route.access}) answered an anonymous caller ${answer.status}, not 401\n${describeRequest(caller, sent, answer)}`);
    }
    const after = await fingerprint();
    for (const [documentId, was] of before) {
      const now = after.get(documentId);
      if (answer.status >= 200 && answer.status < 300) {
        if (now && now.content !== was.content) {
          if (!CONTENT_ROUTES.has(route.id)) throw new Error(`${route.id} changed the text of document ${documentId}\n${describeRequest(caller, sent, answer)}`);
          rewritten.add(documentId);
        }
      } else if (!now || now.meta !== was.meta || now.content !== was.content) {
        throw new Error(`${route.id} answered ${answer.status} but changed document ${documentId}: ${JSON.stringify(was)} → ${JSON.stringify(now ?? null)}\n${describeRequest(caller, sent, answer)}`);
      }
    }
    if (route.template.startsWith('/api/auth/') || route.template.startsWith('/api/invitations/')) await stillSignedIn(caller);
  };

  it('reads every route and its access rule from the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(100);
    for (const route of routes) expect({ route: route.id, access: route.access }).toEqual({ route: route.id, access: expect.stringMatching(/^(public|signedIn|workspace:[a-z.]+)$/) });
    expect(routes.filter((route) => route.body?.multipart).map((route) => route.id).sort()).toEqual(['POST /api/resolutions/{resolutionId}/attachments', 'POST /api/workspaces/{workspaceId}/documents/import']);
  });

  it('never answers 5xx, answers anonymous callers of non-public routes 401, and changes no document on a refusal', async () => {
    const only = process.env.API_FUZZ_ONLY;
    const seed = process.env.API_FUZZ_SEED === undefined ? undefined : Number(process.env.API_FUZZ_SEED);
    const failures: string[] = [];
    const deadline = Date.now() + BUDGET_MS;
    let cut = 0;
    for (const route of routes) {
      if (only && !route.id.includes(only)) continue;
      for (const caller of ['anonymous', 'observer', 'representative', 'coordinator'] as const) {
        const planned = Math.max(1, Math.round((isSlow(route) ? SLOW_RUNS : RUNS)[caller] * FACTOR));
        const numRuns = Date.now() < deadline ? planned : 1;
        if (numRuns < planned) cut++;
        const details = await fc.check(
          fc.asyncProperty(inputFor(route), (input) => exercise(route, caller, input)),
          { numRuns, seed, includeErrorInReport: true, plugins: [fc.interruptAfterTimeLimit(PROPERTY_LIMIT_MS)] },
        );
        if (details.failed) failures.push(`${route.id} as ${caller}:\n${fc.defaultReportMessage(details)}`);
      }
      await draftAgain();
    }
    if (cut > 0) console.warn(`API fuzz: past its ${BUDGET_MS / 1000} s budget, ${cut} of ${routes.length * 4} route-and-caller pairs ran once`);
    if (process.env.API_FUZZ_VERBOSE) {
      const lines = [...statuses].map(([route, counts]) => `${route}: ${[...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`);
      console.log(`${requests} requests\n${lines.join('\n')}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('leaves every document loadable, reading as before unless restored or given a proposal, exportable and freezable', async () => {
    for (const documentId of await allDocumentIds()) {
      const text = await textOf(documentId);
      if (textsBefore.has(documentId) && !rewritten.has(documentId)) expect({ documentId, text }).toEqual({ documentId, text: textsBefore.get(documentId) });
      for (const format of ['md', 'pdf', 'docx']) {
        const exported = await fetch(`${server.url}/api/documents/${documentId}/export?format=${format}`, { headers: { authorization: `Bearer ${tokens.coordinator}` } });
        await exported.arrayBuffer();
        expect({ documentId, format, status: exported.status }).toEqual({ documentId, format, status: 200 });
      }
      // The fuzz may have archived or adopted it (both leave no edit access): back to drafting, as a coordinator may.
      const { status } = (await server.request(`/api/documents/${documentId}`, { token: tokens.coordinator })).body;
      if (status === 'archived' || status === 'adopted') {
        expect((await server.request(`/api/documents/${documentId}`, { token: tokens.coordinator, method: 'PATCH', body: { status: 'drafting' } })).status).toBe(200);
      }
      // A resolution's text is frozen from the opening of its vote (unless the vote found no quorum): nobody freezes it again.
      const [resolution] = await server.db.query(`SELECT state FROM resolutions WHERE document_id = $1`, [documentId]);
      const textFrozen = resolution !== undefined && resolution.state !== 'draft' && resolution.state !== 'no_quorum';
      const frozen = await server.request(`/api/documents/${documentId}/versions`, { token: tokens.coordinator, body: { name: `po fuzzie ${Date.now()}` } });
      expect({ documentId, status: frozen.status }).toEqual({ documentId, status: textFrozen ? 403 : 201 });
    }
  }, 300_000);
});
