import JSZip from 'jszip';
import { adoptByBoard } from './support/decisions';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';
import { parseXml } from './support/xml';

const DAY = 24 * 3600 * 1000;
/** BIP exports one address may ask for per window, in this server. */
const EXPORTS_PER_IP = 5;


/**
 * The public site of an association: what it publishes (adopted documents, consultations past their draft, the
 * register, approved projects), its Atom feed, each record's BIP metadata and export, the accessibility statement;
 * nothing unpublished and no personal data reachable; the details kept by coordinators only.
 */
describe('the public site (publication)', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let observer: string;
  let roundId: string;
  let draftRoundId: string;
  let versionHash: string;
  let position: number;
  let approvedProjectId: string;
  let ideaProjectId: string;

  const file = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await TestServer.start({ env: { PUBLIC_EXPORTS_PER_IP: String(EXPORTS_PER_IP) } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    observer = await server.login('obserwator@som.example');
    const api = async (path: string, body?: unknown, method?: string) => {
      const response = await server.request(`/api${path}`, { token: coordinator, body, method });
      if (response.status >= 300) throw new Error(`${method ?? 'POST'} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };

    // A document frozen as a version, consulted publicly, its report published in two editions.
    const documentId = (await api(`/workspaces/${ws}/documents`, { title: 'Plan mobilności SOM', kind: 'sector_plan' })).id;
    const version = await api(`/documents/${documentId}/versions`, { name: 'Projekt do konsultacji' });
    versionHash = version.contentHash;
    const round = await api(`/workspaces/${ws}/rounds`, {
      documentId,
      versionId: version.id,
      title: 'Konsultacje planu mobilności',
      audiences: ['public'],
      channels: ['online_form'],
      opensAt: new Date(Date.now() - DAY).toISOString(),
    });
    roundId = round.id;
    await api(`/rounds/${roundId}/announce`, {});
    await api(`/rounds/${roundId}/open`, {});
    const comment = await server.request(`/api/public/rounds/${roundId}/comments`, {
      body: { part: 'Rozdział 1', proposedWording: 'Dodać rowery miejskie.', justification: 'Mało dróg rowerowych.', submitter: { kind: 'person', name: 'Zofia Publiczna', type: 'resident' }, email: 'zofia.publiczna@example.pl' },
    });
    expect(comment.status).toBe(201);
    await server.db.query(`UPDATE consultation_rounds SET announced_at = now() - interval '40 days', closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    await api(`/rounds/${roundId}/close`, {});
    for (const justification of ['Uwzględniono w rozdziale 3.', 'Uwzględniono w rozdziale 3 i 4.']) {
      await api(`/consultation-comments/${comment.body.id}/disposition`, { disposition: 'accepted', justification }, 'PUT');
      await api(`/consultation-comments/${comment.body.id}/disposition/approve`, {});
      await api(`/rounds/${roundId}/report/publish`, {});
    }
    // A round still in its draft: never public.
    draftRoundId = (await api(`/workspaces/${ws}/rounds`, { documentId, versionId: version.id, title: 'Szkic konsultacji niepublicznych', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() + 10 * DAY).toISOString() })).id;

    // The board adopts the version.
    await adoptByBoard(server, ws, coordinator, 'w sprawie przyjęcia Planu mobilności SOM', { adoptsVersionId: version.id });
    const register = (await server.request(`/api/public/registers/ssom`)).body as { entries: Array<{ position: number; title: string }> };
    const entry = register.entries.find((e) => e.title.includes('Planu mobilności SOM'));
    if (!entry) throw new Error(`not in the register: ${JSON.stringify(register)}`);
    position = entry.position;

    // Projects: one the board approved (public), one still an idea (not).
    approvedProjectId = (await api(`/workspaces/${ws}/projects`, { title: 'Wspólny zakup autobusów' })).id;
    ideaProjectId = (await api(`/workspaces/${ws}/projects`, { title: 'Pomysł na kolejkę linową' })).id;
    await server.db.query(`UPDATE projects SET stage = 'approved' WHERE id = $1`, [approvedProjectId]);
  });
  afterAll(() => server?.close());

  it('shows anyone what is published, and nothing unpublished or personal', async () => {
    const site = await server.request('/api/public/sites/ssom');
    expect(site.status).toBe(200);
    expect(site.body.association).toMatchObject({ slug: 'ssom', shortName: 'SSOM', email: 'biuro@som.example' });
    expect(site.body.association).not.toHaveProperty('id');
    expect(site.body.documents).toContainEqual(
      expect.objectContaining({ position, title: 'Plan mobilności SOM', versionName: 'Projekt do konsultacji', contentHash: versionHash, bodyName: expect.stringMatching(/Zarząd/) }),
    );
    const consultation = site.body.consultations.find((c: { id: string }) => c.id === roundId);
    expect(consultation).toMatchObject({ title: 'Konsultacje planu mobilności', state: 'report_published', reportEditions: 2, documentTitle: 'Plan mobilności SOM' });
    expect(site.body.consultations.map((c: { id: string }) => c.id)).not.toContain(draftRoundId);
    expect(site.body.register.total).toBeGreaterThanOrEqual(1);
    expect(site.body.register.latest[0]).toMatchObject({ position, title: expect.stringMatching(/^Uchwała nr \S+ Zarządu w sprawie przyjęcia Planu mobilności SOM$/) });
    expect(site.body.register.latest[0]).not.toHaveProperty('resolutionId');
    const projects = site.body.projects.map((p: { id: string }) => p.id);
    expect(projects).toContain(approvedProjectId);
    expect(projects).not.toContain(ideaProjectId);
    expect(site.body.privacy).toEqual({ clause: expect.stringContaining('są usuwane 90 dni po opublikowaniu sprawozdania'), contactRetentionDays: 90 });
    const text = JSON.stringify(site.body);
    for (const secret of ['zofia.publiczna@example.pl', 'Zofia Publiczna', 'Szkic konsultacji niepublicznych', 'Pomysł na kolejkę linową']) expect(text).not.toContain(secret);

    for (const slug of ['nie-ma-takiego', 'ssom%2F..', 'SSOM', 'a'.repeat(200)]) {
      const missing = await server.request(`/api/public/sites/${slug}`);
      expect([slug, missing.status]).toEqual([slug, 404]);
    }
    // A NUL byte is refused before any lookup, as everywhere in the API.
    expect((await server.request('/api/public/sites/ssom%00')).status).toBe(400);
  });

  it('publishes an Atom feed of new publications, well formed, without drafts', async () => {
    const feed = await file('/api/public/sites/ssom/feed.atom');
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^application\/atom\+xml/);
    const doc = parseXml(feed.body.toString('utf8'));
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    const titles = Array.from(doc.getElementsByTagName('entry')).map((entry) => entry.getElementsByTagName('title')[0].textContent);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Uchwała nr \S+ Zarządu w sprawie przyjęcia Planu mobilności SOM$/),
        'Konsultacje: Konsultacje planu mobilności',
        'Sprawozdanie z konsultacji: Konsultacje planu mobilności',
        'Sprawozdanie z konsultacji: Konsultacje planu mobilności (wydanie 2)',
        'Projekt: Wspólny zakup autobusów',
      ]),
    );
    expect(titles.join('\n')).not.toMatch(/Szkic konsultacji|kolejkę linową/);
    const summaryOf = (title: string) => Array.from(doc.getElementsByTagName('entry')).find((entry) => entry.getElementsByTagName('title')[0].textContent === title)?.getElementsByTagName('summary')[0].textContent;
    expect(summaryOf('Projekt: Wspólny zakup autobusów')).toMatch(/^Etap: zatwierdzony do realizacji \(od \d{4}-\d{2}-\d{2}\)\.$/);
    expect(summaryOf('Konsultacje: Konsultacje planu mobilności')).toMatch(/^Uwagi można zgłaszać od \d{1,2} \p{L}+ \d{4} do \d{1,2} \p{L}+ \d{4}\.$/u);
    // Newest first, each with a link to its page.
    const updated = Array.from(doc.getElementsByTagName('entry')).map((entry) => Date.parse(entry.getElementsByTagName('updated')[0].textContent ?? ''));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect((await file('/api/public/sites/nie-ma/feed.atom')).status).toBe(404);
  });

  it('gives each published record its BIP metadata: producer, who entered it and when, its history and files', async () => {
    const resolution = await server.request(`/api/public/sites/ssom/records/resolution/${position}`);
    expect(resolution.status).toBe(200);
    expect(resolution.body).toMatchObject({ kind: 'resolution', key: String(position), producer: expect.stringMatching(/^Zarząd.*\(Stowarzyszenie/), enteredBy: expect.any(String) });
    expect(resolution.body.history[0]).toMatchObject({ change: 'adopted' });
    // A later resolution that amends it joins its history, with who entered it.
    const adoptedId = (await server.db.query(`SELECT resolution_id FROM decision_register WHERE workspace_id = $1 ORDER BY id OFFSET $2 LIMIT 1`, [ws, position - 1]))[0].resolution_id;
    await adoptByBoard(server, ws, coordinator, 'zmieniająca uchwałę w sprawie Planu mobilności', { changesResolutionId: adoptedId, changeKind: 'amends' });
    const amended = await server.request(`/api/public/sites/ssom/records/resolution/${position}`);
    expect(amended.body.history.map((h: { change: string; by: string | null }) => [h.change, typeof h.by])).toEqual([
      ['adopted', 'string'],
      ['amended', 'string'],
    ]);
    expect(resolution.body.files.map((f: { href: string }) => f.href.replace(/^.*\//, ''))).toEqual(['text.pdf', 'adopted.pdf', 'adopted.docx']);
    for (const f of resolution.body.files as Array<{ href: string; mediaType: string }>) {
      const got = await file(f.href);
      expect([f.href, got.status, got.type]).toEqual([f.href, 200, f.mediaType]);
    }

    const report = await server.request(`/api/public/sites/ssom/records/report/${roundId}`);
    expect(report.status).toBe(200);
    expect(report.body.history.map((h: { change: string; detail: string }) => [h.change, h.detail.split(' ')[0]])).toEqual([
      ['edition', '1'],
      ['edition', '2'],
    ]);
    expect(report.body.enteredBy).toBe(report.body.history[0].by);

    const consultation = await server.request(`/api/public/sites/ssom/records/consultation/${roundId}`);
    expect(consultation.status).toBe(200);
    expect(consultation.body.history.map((h: { change: string }) => h.change)).toEqual(expect.arrayContaining(['announced', 'opened', 'closed', 'report_published']));
    const consulted = await file(consultation.body.files[0].href);
    expect(consulted.status).toBe(200);
    expect(consulted.body.subarray(0, 5).toString()).toBe('%PDF-');

    // Nothing unpublished, nothing of another association, nothing malformed.
    const kof = await otherAssociation(server);
    const otherDoc = (await server.request(`/api/workspaces/${kof.workspaceId}/documents`, { token: kof.token, body: { title: 'Dokument KOF', kind: 'strategy' } })).body.id;
    const otherVersion = (await server.request(`/api/documents/${otherDoc}/versions`, { token: kof.token, body: { name: 'v1' } })).body.id;
    const otherRound = (
      await server.request(`/api/workspaces/${kof.workspaceId}/rounds`, {
        token: kof.token,
        body: { documentId: otherDoc, versionId: otherVersion, title: 'Konsultacje KOF', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() + DAY).toISOString() },
      })
    ).body.id;
    expect((await server.request(`/api/rounds/${otherRound}/announce`, { token: kof.token, body: {} })).status).toBe(200);
    expect((await server.request(`/api/public/sites/kof/records/consultation/${otherRound}`)).status).toBe(200);
    for (const path of [
      `consultation/${draftRoundId}`,
      `consultation/${otherRound}`,
      `report/${draftRoundId}`,
      `resolution/999999`,
      `resolution/0`,
      `resolution/01`,
      `resolution/abc`,
      `unknown/${roundId}`,
      `consultation/not-a-uuid`,
      `consultation/${draftRoundId}/document.pdf`,
      `consultation/${otherRound}/document.pdf`,
    ]) {
      const refused = await server.request(`/api/public/sites/ssom/records/${path}`);
      expect([path, refused.status]).toEqual([path, 404]);
    }
  });

  it('exports a record for a BIP system: its files with metryka.json and metryka.xml', async () => {
    const exported = await file(`/api/public/sites/ssom/records/resolution/${position}/export.zip`);
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('application/zip');
    const zip = await JSZip.loadAsync(exported.body);
    const names = Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name).sort();
    const metadata = JSON.parse(await zip.file('metryka.json')!.async('string'));
    expect(names).toEqual(['metryka.json', 'metryka.xml', ...metadata.files.map((f: { name: string }) => `pliki/${f.name}`)].sort());
    expect(metadata).toMatchObject({ kind: 'resolution', producer: expect.stringMatching(/^Zarząd/) });
    for (const f of metadata.files as Array<{ name: string }>) {
      const bytes = await zip.file(`pliki/${f.name}`)!.async('nodebuffer');
      expect([f.name, bytes.subarray(0, 2).toString('latin1')]).toEqual([f.name, f.name.endsWith('.pdf') ? '%P' : 'PK']);
    }
    const xml = await zip.file('metryka.xml')!.async('string');
    const doc = parseXml(xml);
    expect(doc.documentElement.getAttribute('rodzaj')).toBe('resolution');
    expect(doc.getElementsByTagName('wytworzyl')[0].textContent).toBe(metadata.producer);
    expect(doc.getElementsByTagName('plik')).toHaveLength(metadata.files.length);

    const report = await JSZip.loadAsync((await file(`/api/public/sites/ssom/records/report/${roundId}/export.zip`)).body);
    expect(Object.values(report.files).filter((entry) => !entry.dir && entry.name.startsWith('pliki/')).map((entry) => entry.name).sort()).toEqual([
      'pliki/sprawozdanie-wydanie-1.pdf',
      'pliki/sprawozdanie-wydanie-2.docx',
      'pliki/sprawozdanie-wydanie-2.pdf',
      'pliki/uwagi-wydanie-2.csv',
    ]);
    // The report's files carry no contact data of the public commenter.
    const csv = await report.file('pliki/uwagi-wydanie-2.csv')!.async('string');
    expect(csv).toContain('Dodać rowery miejskie.');
    expect(csv).not.toContain('zofia.publiczna@example.pl');
    expect(csv).not.toContain('Zofia Publiczna');
    expect((await file(`/api/public/sites/ssom/records/report/${draftRoundId}/export.zip`)).status).toBe(404);
  });

  it('gives one address a limited number of BIP exports, then 429 with the time to wait', async () => {
    // Within one more than the limit, the exports turn into 429 and stay so (earlier tests here used some of them).
    const answers: number[] = [];
    for (let i = 0; i <= EXPORTS_PER_IP; i++) answers.push((await file(`/api/public/sites/ssom/records/resolution/${position}/export.zip`)).status);
    const first = answers.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(answers.slice(0, first).every((status) => status === 200)).toBe(true);
    expect(answers.slice(first).every((status) => status === 429)).toBe(true);
    const refused = await fetch(`${server.url}/api/public/sites/ssom/records/resolution/${position}/export.zip`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The site itself and its other files are not limited by it.
    expect((await server.request('/api/public/sites/ssom')).status).toBe(200);
  });

  it('fills the accessibility statement from the association’s details and the measured state', async () => {
    const statement = await server.request('/api/public/sites/ssom/accessibility');
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({
      association: { accessibilityContact: expect.stringContaining('dostepnosc@som.example') },
      siteUrl: `${server.config.publicUrl}/p/ssom`,
      status: expect.stringMatching(/^(compliant|partially_compliant)$/),
      audit: { standard: 'WCAG 2.1 AA', checks: expect.any(Number) },
    });
    expect(statement.body.audit.checks).toBeGreaterThan(0);
    expect(statement.body.preparedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await server.request('/api/public/sites/nie-ma/accessibility')).status).toBe(404);
  });

  it('lets coordinators alone change the details, audited, and the site shows them', async () => {
    expect((await server.request(`/api/workspaces/${ws}/publication`, { token: observer })).status).toBe(200);
    const put = (token: string, body: unknown, workspaceId = ws) => server.request(`/api/workspaces/${workspaceId}/publication`, { token, body, method: 'PUT' });
    expect((await put(expert, { phone: '+48 91 111 11 11' })).status).toBe(403);
    expect((await put(observer, { phone: '+48 91 111 11 11' })).status).toBe(403);
    const kof = await server.login('biuro@kof.example', 'hasło-koordynatora-kof');
    expect((await put(kof, { phone: '+48 91 111 11 11' })).status).toBe(403);
    expect((await server.request(`/api/workspaces/${ws}/publication`)).status).toBe(401);

    const bad = await put(coordinator, { email: 'nie-adres', phone: 'x'.repeat(41) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'phone']);
    expect((await put(coordinator, { unknown: 1 })).status).toBe(400);
    expect((await put(coordinator, { address: 'ul. Próbna 1\u0000' })).status).toBe(400);

    const saved = await put(coordinator, { phone: ' +48 91 111 11 11 ', accessibilityContact: 'Anna Dostępna, dostepnosc@som.example' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ phone: '+48 91 111 11 11', accessibilityContact: 'Anna Dostępna, dostepnosc@som.example', email: 'biuro@som.example' });
    const [entry] = await server.db.query(`SELECT details FROM audit_entries WHERE workspace_id = $1 AND action = 'publication.settings_changed' ORDER BY seq DESC LIMIT 1`, [ws]);
    expect(entry.details).toEqual({ fields: ['phone', 'accessibilityContact'] });
    expect((await server.request('/api/public/sites/ssom')).body.association.phone).toBe('+48 91 111 11 11');

    // Sent empty, a field is cleared; sent unchanged, nothing is audited.
    const before = (await server.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'publication.settings_changed'`))[0].n;
    expect((await put(coordinator, { phone: '' })).body.phone).toBeNull();
    expect((await put(coordinator, { phone: null, email: 'biuro@som.example' })).status).toBe(200);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'publication.settings_changed'`))[0].n).toBe(before + 1);
  });
});
