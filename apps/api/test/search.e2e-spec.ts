import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { anchorPassage, editorSchema, RICH_TEXT_FIELD } from '@commonplan/editor';
import { adoptByBoard } from './support/decisions';
import { eventually, stockProvider, whenSynced, type StockProvider } from './support/collab-clients';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

interface Hit {
  kind: string;
  id: string;
  title: string;
  heading: string | null;
  snippet: Array<{ text: string; match: boolean }>;
  href: string | null;
  similar: boolean;
}
interface Group {
  kind: string;
  total: number;
  hits: Hit[];
}

const DAY = 24 * 3600 * 1000;
const MARKDOWN = [
  '# Plan zrównoważonej mobilności',
  '## Transport publiczny',
  'Strategia zakłada kolej aglomeracyjną z Łodzi do Szczecina i nowe węzły przesiadkowe.',
  '## Środowisko',
  'Ochrona powietrza w gminach członkowskich.',
].join('\n\n');

/** Search: Polish forms, letters without diacritics, prefixes, typos, freshness, and who finds what. */
describe('search', () => {
  let server: TestServer;
  let ws: string;
  const tokens: Record<string, string> = {};
  let documentId: string;
  const providers: StockProvider[] = [];

  const search = async (token: string, q: string, extra = '', workspaceId = ws) => {
    const answer = await server.request(`/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}${extra}`, { token });
    expect(answer.status).toBe(200);
    return answer.body.groups as Group[];
  };
  const hitsOf = (groups: Group[], kind: string) => groups.find((g) => g.kind === kind)?.hits ?? [];
  /** Waits until the query finds a hit of `kind` for which `accept` holds (the index catches up after each change). */
  const found = async (token: string, q: string, kind: string, accept: (hit: Hit) => boolean = () => true, timeoutMs = 15_000) => {
    let hit: Hit | undefined;
    await eventually(async () => (hit = hitsOf(await search(token, q, `&kind=${kind}&limit=50`), kind).find(accept)) !== undefined, timeoutMs, `"${q}" to find a ${kind}`);
    return hit!;
  };
  const matches = (hit: Hit) => hit.snippet.filter((part) => part.match).map((part) => part.text);

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    for (const [role, email] of Object.entries({
      coordinator: 'koordynator@som.example',
      expert: 'ekspert@som.example',
      partner: 'partner@som.example',
      observer: 'obserwator@som.example',
      representative: 'przedstawiciel.police@som.example',
    })) {
      tokens[role] = await server.login(email);
    }
    const form = new FormData();
    form.append('kind', 'sector_plan');
    form.append('file', new Blob([MARKDOWN]), 'plan.md');
    const imported = await fetch(`${server.url}/api/workspaces/${ws}/documents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.coordinator}` },
      body: form,
    });
    expect(imported.status).toBe(201);
    documentId = ((await imported.json()) as { id: string }).id;
    const renamed = await server.request(`/api/documents/${documentId}`, { method: 'PATCH', token: tokens.coordinator, body: { title: 'Plan zrównoważonej mobilności' } });
    expect(renamed.status).toBe(200);
  });
  afterAll(async () => {
    for (const provider of providers) {
      provider.destroy();
      provider.doc.destroy();
    }
    await server?.close();
  });

  it('finds inflected Polish forms, words typed without diacritics and unfinished, and titles with a typo, linking to the heading', async () => {
    for (const q of ['strategii', 'strategią', 'Strategie', 'STRATEGIA']) {
      const hit = await found(tokens.observer, q, 'document', (h) => h.id === documentId && h.heading === 'Transport publiczny');
      expect(hit.href).toBe(`/w/${ws}/d/${documentId}#h-transport-publiczny`);
      expect(matches(hit)).toEqual(['Strategia']);
      expect(hit.title).toBe('Plan zrównoważonej mobilności');
    }
    // "lodz" finds "Łodzi", "szczecinem" finds "Szczecina", all words must match, and the last may be unfinished.
    expect(matches(await found(tokens.observer, 'lodz', 'document', (h) => h.id === documentId))).toEqual(['Łodzi']);
    expect(matches(await found(tokens.observer, 'kolei szczecinem', 'document', (h) => h.id === documentId))).toEqual(['kolej', 'Szczecina']);
    expect(matches(await found(tokens.observer, 'węzłów przesiad', 'document', (h) => h.id === documentId))).toEqual(['węzły', 'przesiadkowe']);
    expect(hitsOf(await search(tokens.observer, 'kolej tramwaj'), 'document').filter((h) => h.id === documentId)).toEqual([]);
    // Under another heading, linked to it.
    const air = await found(tokens.observer, 'powietrze gmin', 'document', (h) => h.id === documentId);
    expect(air.href).toBe(`/w/${ws}/d/${documentId}#h-srodowisko`);
    // A typo in a title: found by similarity, and said so.
    const typo = await found(tokens.observer, 'zrownowazonej mobilnsci', 'document', (h) => h.id === documentId);
    expect(typo).toMatchObject({ similar: true, title: 'Plan zrównoważonej mobilności' });
    // Words found nowhere, or nothing but punctuation: no results, no error.
    expect(await search(tokens.observer, 'xyzzyq')).toEqual([]);
    expect(await search(tokens.observer, '!!! ...')).toEqual([]);
  });

  it('finds an edit once indexed, and a comment on it with a link to its thread', async () => {
    const provider = stockProvider(server, documentId, tokens.coordinator, 1);
    providers.push(provider);
    await whenSynced(provider);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Tramwaj wodny na Odrze łączy Dąbie z Wałami Chrobrego.');
    paragraph.insert(0, [text]);
    provider.doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
    // (How soon is bench:search's to measure: a test only waits for the state.)
    const hit = await found(tokens.observer, 'tramwaju wodnego', 'document', (h) => h.id === documentId);
    expect(hit.href).toBe(`/w/${ws}/d/${documentId}`); // before the first heading: the top of the document

    const { mapping } = initProseMirrorDoc(provider.doc.getXmlFragment(RICH_TEXT_FIELD), editorSchema());
    const anchor = anchorPassage(provider.doc.getXmlFragment(RICH_TEXT_FIELD), 1, 1 + 'Tramwaj wodny'.length, mapping);
    const thread = await server.request(`/api/documents/${documentId}/comments`, {
      token: tokens.coordinator,
      body: { anchor, quote: 'Tramwaj wodny', body: 'Czy przystań w Podjuchach jest w planie?' },
    });
    expect(thread.status).toBe(201);
    const comment = await found(tokens.observer, 'przystani podjuchy', 'comment', (h) => h.id === thread.body.id);
    expect(comment).toMatchObject({ href: `/w/${ws}/d/${documentId}#thread-${thread.body.id}`, heading: 'Tramwaj wodny', title: 'Plan zrównoważonej mobilności' });

    // A frozen version is found too, linked to itself.
    const version = await server.request(`/api/documents/${documentId}/versions`, { token: tokens.coordinator, body: { name: 'v1 do konsultacji' } });
    expect(version.status).toBe(201);
    const frozen = await found(tokens.observer, 'tramwaj', 'version', (h) => h.id === version.body.id);
    expect(frozen).toMatchObject({ href: `/w/${ws}/d/${documentId}/v/${version.body.id}`, title: 'Plan zrównoważonej mobilności — v1 do konsultacji' });
  });

  it('shows nobody what they cannot read: documents by document access, consultation comments as sent to staff and their author', async () => {
    // A document whose personal grant has ended: its expert no longer finds it, nor its comments.
    const secret = (await server.request(`/api/workspaces/${ws}/documents`, { token: tokens.coordinator, body: { title: 'Poufna koncepcja przeprawy', kind: 'concept' } })).body.id as string;
    const people = (await server.request(`/api/workspaces/${ws}/people`, { token: tokens.coordinator })).body as Array<{ userId: string; email: string }>;
    const expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    // Indexed first (the coordinator finds it), so that the grant's few seconds are not spent waiting for the index.
    await found(tokens.coordinator, 'przeprawy', 'document', (h) => h.id === secret);
    const end = new Date(Date.now() + 10_000);
    expect((await server.request(`/api/documents/${secret}/access/${expertId}`, { token: tokens.coordinator, method: 'PUT', body: { access: 'edit', expiresAt: end.toISOString() } })).status).toBe(200);
    const whileGranted = hitsOf(await search(tokens.expert, 'przeprawy', '&kind=document&limit=50'), 'document').map((h) => h.id);
    // (A search slower than the grant's ten seconds would not prove the grant mattered: say so rather than pass.)
    expect(Date.now()).toBeLessThan(end.getTime());
    expect(whileGranted).toContain(secret);
    await eventually(async () => (await server.request(`/api/documents/${secret}`, { token: tokens.expert })).status === 403, 25_000, 'the end of the grant');
    expect(hitsOf(await search(tokens.expert, 'przeprawy'), 'document').map((h) => h.id)).not.toContain(secret);
    expect(hitsOf(await search(tokens.coordinator, 'przeprawy'), 'document').map((h) => h.id)).toContain(secret);

    // A consultation round with a comment from the public and one from the partner (signed in).
    const version = (await server.request(`/api/documents/${documentId}/versions`, { token: tokens.coordinator, body: { name: 'v2 konsultacje' } })).body.id as string;
    const round = await server.request(`/api/workspaces/${ws}/rounds`, {
      token: tokens.coordinator,
      body: { documentId, versionId: version, title: 'Konsultacje planu mobilności', audiences: ['partners', 'public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() },
    });
    expect(round.status).toBe(201);
    const roundId = round.body.id as string;
    expect((await server.request(`/api/rounds/${roundId}/announce`, { token: tokens.coordinator, body: {} })).status).toBe(200);
    expect((await server.request(`/api/rounds/${roundId}/open`, { token: tokens.coordinator, body: {} })).status).toBe(200);
    const resident = await server.request(`/api/public/rounds/${roundId}/comments`, {
      body: {
        part: 'Transport publiczny',
        proposedWording: 'Dodać kolej magnetyczną.',
        justification: 'Szybciej do pracy. Mój telefon 601 234 567.',
        submitter: { kind: 'person', name: 'Anna Nowak', type: 'resident' },
        email: 'anna.nowak@example.pl',
      },
    });
    expect(resident.status).toBe(201);
    const partners = await server.request(`/api/rounds/${roundId}/comments`, {
      token: tokens.partner,
      body: { part: 'Transport publiczny', proposedWording: 'Kolej magnetyczna do kampusu.', justification: 'Studenci dojeżdżają z gmin.' },
    });
    expect(partners.status).toBe(201);

    const commentsFound = async (role: string) => hitsOf(await search(tokens[role], 'kolej magnetyczna'), 'consultation_comment').map((h) => h.id).sort();
    for (const staff of ['coordinator', 'expert']) {
      await eventually(async () => (await commentsFound(staff)).length === 2, 15_000, `${staff} to find both comments`);
      expect(await commentsFound(staff)).toEqual([resident.body.id, partners.body.id].sort());
    }
    expect(await commentsFound('partner')).toEqual([partners.body.id]);
    expect(await commentsFound('representative')).toEqual([]);
    expect(await commentsFound('observer')).toEqual([]);
    const own = hitsOf(await search(tokens.partner, 'kolej magnetyczna'), 'consultation_comment')[0];
    expect(own.href).toBe(`/w/${ws}/rounds/${roundId}`);
    const forStaff = hitsOf(await search(tokens.coordinator, 'kolej magnetyczna'), 'consultation_comment')[0];
    expect(forStaff.href).toBe(`/w/${ws}/rounds/${roundId}/comments`);
    // The round itself, a draft or not, is every member's to find.
    for (const role of Object.keys(tokens)) await found(tokens[role], 'konsultacje mobilnosci', 'round', (h) => h.id === roundId);
  });

  it("finds resolutions, meetings, people, organisations and projects for every member, and nothing of another association's", async () => {
    const resolutionId = await adoptByBoard(server, ws, tokens.coordinator, 'Uchwała w sprawie roweru metropolitalnego');
    const projects = (await server.request(`/api/workspaces/${ws}/projects`, { token: tokens.coordinator })).body as Array<{ id: string; title: string }>;
    const cyclePaths = projects.find((p) => p.title.startsWith('Zintegrowany system ścieżek rowerowych'))!;
    for (const role of Object.keys(tokens)) {
      const token = tokens[role];
      const resolution = await found(token, 'uchwały rowerowi metropolitalnemu', 'resolution', (h) => h.id === resolutionId);
      expect(resolution.href).toBe(`/w/${ws}/resolutions/${resolutionId}`);
      const meeting = await found(token, 'posiedzenie roweru', 'meeting');
      expect(meeting.href).toMatch(new RegExp(`^/w/${ws}/meetings/[0-9a-f-]{36}$`));
      const person = await found(token, 'ekspertem', 'person', (h) => h.title === 'Ekspert SSOM');
      expect(person.href).toBe(role === 'coordinator' ? `/w/${ws}/people` : null);
      await found(token, 'gminie police', 'organisation', (h) => h.title === 'Gmina Police');
      const project = await found(token, 'ścieżkami rowerowymi', 'project', (h) => h.id === cyclePaths.id);
      expect(project.href).toBe(`/w/${ws}/projects/${cyclePaths.id}`);
    }
    // A person is found by the organisation they represent, too.
    await found(tokens.observer, 'przedstawiciel police', 'person', (h) => h.title.includes('Gmina Police'));

    const kof = await otherAssociation(server);
    const refused = await server.request(`/api/workspaces/${ws}/search?q=police`, { token: kof.token });
    expect(refused.status).toBe(403);
    expect(await search(kof.token, 'police', '', kof.workspaceId)).toEqual([]);
    expect(await search(kof.token, 'strategia', '', kof.workspaceId)).toEqual([]);
  });

  it('refuses bad queries with the field named, and gives more of one kind on request', async () => {
    for (const [query, field] of [
      ['', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=x&kind=secrets', 'kind'],
      ['q=x&limit=0', 'limit'],
      ['q=x&limit=51', 'limit'],
      ['q=x&limit=abc', 'limit'],
    ]) {
      const answer = await server.request(`/api/workspaces/${ws}/search?${query}`, { token: tokens.observer });
      expect({ query, status: answer.status, fields: [...new Set((answer.body.errors ?? []).map((e: { field: string }) => e.field))] }).toEqual({ query, status: 400, fields: [field] });
    }
    expect((await server.request(`/api/workspaces/${ws}/search?q=${encodeURIComponent('a\u0000b')}`, { token: tokens.observer })).status).toBe(400);
    expect((await server.request(`/api/workspaces/${ws}/search?q=gmina`, {})).status).toBe(401);
    // Gminy: more than five members match; five per kind by default, all of them with kind and limit.
    const groups = await search(tokens.observer, 'gmina');
    const organisations = groups.find((g) => g.kind === 'organisation')!;
    expect(organisations.hits).toHaveLength(5);
    expect(organisations.total).toBeGreaterThan(5);
    const more = await search(tokens.observer, 'gmina', '&kind=organisation&limit=50');
    expect(more.map((g) => g.kind)).toEqual(['organisation']);
    expect(more[0].hits).toHaveLength(organisations.total);
  });
});

/** A word in more passages than SEARCH_TEXT_CANDIDATES: ranked among the first ones, its total an "at least". */
describe('search: very common words', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ env: { SEARCH_TEXT_CANDIDATES: '3' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('cuts the matches of each text index short and says so, while titles and rarer words are counted in full', async () => {
    const ws = await server.demoWorkspaceId();
    const token = await server.login('koordynator@som.example');
    for (let i = 1; i <= 5; i++) {
      const form = new FormData();
      form.append('kind', 'other');
      form.append('title', `Analiza ${i}`);
      form.append('file', new Blob([`## Część ${i}\n\nRetencja wód opadowych w gminie ${i}.${i === 5 ? ' Zielone dachy.' : ''}`]), `a${i}.md`);
      const imported = await fetch(`${server.url}/api/workspaces/${ws}/documents/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(imported.status).toBe(201);
    }
    const groupOf = async (q: string) => {
      const answer = await server.request(`/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}&kind=document&limit=50`, { token });
      expect(answer.status).toBe(200);
      return (answer.body.groups as Group[])[0] as (Group & { more: boolean }) | undefined;
    };
    await eventually(async () => (await groupOf('zielone dachy'))?.total === 1, 15_000, 'the fifth analysis indexed');
    // Five passages hold the word: three are matched and ranked, and the total says "at least 3".
    expect(await groupOf('retencja')).toMatchObject({ total: 3, more: true });
    expect((await groupOf('retencja'))!.hits).toHaveLength(3);
    // Titles are matched in full: all five.
    expect(await groupOf('analiza')).toMatchObject({ total: 5, more: false });
    expect(await groupOf('zielone dachy')).toMatchObject({ total: 1, more: false });
  });
});

/** A record the indexer cannot read is tried again, then given up; its next change has it indexed once more. */
describe('search: a record the indexer gave up on', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is indexed again after its next change', async () => {
    const ws = await server.demoWorkspaceId();
    const token = await server.login('koordynator@som.example');
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token, body: { title: 'Plan zieleni', kind: 'other' } })).body.id as string;
    const titled = async (q: string) => {
      const answer = await server.request(`/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}&kind=document`, { token });
      return (answer.body.groups as Group[]).some((group) => group.hits.some((hit) => hit.id === documentId));
    };
    await eventually(() => titled('zieleni'), 15_000, 'the new document indexed');

    // Its stored state turns unreadable (a snapshot whose checksum does not match): every try to index it fails.
    await server.db.query(`INSERT INTO document_snapshots (document_id, upto_id, data, state_vector, checksum) VALUES ($1, 0, '\\x00', '\\x00', '\\x01')`, [documentId]);
    const rename = async (title: string) => expect((await server.request(`/api/documents/${documentId}`, { token, method: 'PATCH', body: { title } })).status).toBe(200);
    await rename('Plan błękitu');
    const pending = async () => (await server.db.query(`SELECT attempts FROM search_pending WHERE source = 'document' AND source_id = $1`, [documentId]))[0] as { attempts: number } | undefined;
    // Each failure waits longer (5 s, 25 s …); the test brings each retry forward instead of waiting for it.
    for (let attempt = 1; attempt < 5; attempt++) {
      await eventually(async () => ((await pending())?.attempts ?? 0) >= attempt, 15_000, `failed try ${attempt}`);
      await server.db.query(`UPDATE search_pending SET marked_at = now() - interval '1 second' WHERE source = 'document' AND source_id = $1`, [documentId]);
    }
    // The fifth failure gives it up.
    await eventually(async () => (await pending())?.attempts !== 4, 15_000, 'the fifth try');
    expect(await titled('błękitu')).toBe(false);

    // Readable again and changed: indexed with its new title.
    await server.db.query(`DELETE FROM document_snapshots WHERE document_id = $1`, [documentId]);
    await rename('Plan błękitno-zielony');
    await eventually(() => titled('błękitno'), 15_000, 'the renamed document indexed after it was given up');
  });
});
