import { documentFromJson, documentOutline } from '@commonplan/editor';
import { adoptByBoard } from './support/decisions';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

/**
 * Joint projects (issue 15): a project serving a goal of the adopted strategy, its participants and budget, each
 * member's own contribution computed exactly and recomputed on change, the pipeline's dated steps with the resolution
 * that approves a project, and who may read and change what.
 */
describe('joint projects', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let observer: string;
  let partner: string;
  let mayor: string;
  let outsider: string;
  let kofWorkspace: string;
  const org: Record<string, string> = {};
  let adoptedVersion: { id: string; headingId: string; heading: string };
  let draftVersionId: string;
  let approvingResolution: string;
  let draftResolution: string;

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const grosze = (text: string) => BigInt(text.replace('.', ''));

  const adopt = (title: string, adoptsVersionId?: string) => adoptByBoard(server, ws, coordinator, title, adoptsVersionId ? { adoptsVersionId } : {});

  /** The cycle-path project as a coordinator enters it: Szczecin leads (listed second, put first), a partner takes part. */
  const cyclePaths = () => ({
    title: 'Trasy rowerowe SOM – etap I',
    scope: 'Połączenie tras rowerowych Szczecina, Polic i Dobrej.',
    leaderId: org['Gmina Miasto Szczecin'],
    participants: [
      { organisationId: org['Gmina Police'] },
      { organisationId: org['Gmina Miasto Szczecin'] },
      { organisationId: org['Gmina Dobra'] },
      { organisationId: org['Uniwersytet Szczeciński'] },
    ],
    sharingKey: 'population',
    coFinancingRate: '85',
    startsOn: '2027-03-01',
    endsOn: '2028-12-31',
    goal: { versionId: adoptedVersion.id, headingId: adoptedVersion.headingId },
    budget: [
      { year: 2027, category: 'works', amount: '1000000.01' },
      { year: 2027, category: 'services', amount: '120 000,00' },
      { year: 2028, category: 'works', amount: '2500000.00', eurAmount: '586785.59', eurRate: '4.2605', eurRateOn: '2026-11-30' },
    ],
    ideaOn: '2026-10-01',
  });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    observer = await server.login('obserwator@som.example');
    partner = await server.login('partner@som.example');
    mayor = await server.login('przedstawiciel.police@som.example');
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) org[o.name] = o.id;
    const kof = await otherAssociation(server);
    outsider = kof.token;
    kofWorkspace = kof.workspaceId;

    // The strategy, frozen and adopted by the board; a goal is one of its headings.
    const strategy = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy');
    const version = (await api(`/documents/${strategy.id}/versions`, coordinator, { name: 'Strategia – tekst przyjęty' })).body;
    const content = (await server.db.query(`SELECT content FROM document_versions WHERE id = $1`, [version.id]))[0].content;
    const heading = documentOutline(documentFromJson(content)).find((entry) => entry.level >= 2) ?? documentOutline(documentFromJson(content))[0];
    expect(heading.id).toMatch(/^h-[a-z0-9-]+$/);
    adoptedVersion = { id: version.id, headingId: heading.id, heading: heading.text };
    await adopt('w sprawie przyjęcia Strategii SOM', version.id);
    // A frozen version no resolution adopted: of a sector plan.
    const plan = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'sector_plan');
    draftVersionId = (await api(`/documents/${plan.id}/versions`, coordinator, { name: 'Plan – wersja robocza' })).body.id;
    expect(draftVersionId).toMatch(/^[0-9a-f-]{36}$/);
    approvingResolution = await adopt('w sprawie wpisania projektu tras rowerowych do listy projektów wspólnych');
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string }>;
    draftResolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: bodies.find((b) => b.kind === 'board')!.id, kind: 'ordinary', title: 'projekt uchwały' })).body.id;
  });
  afterAll(() => server?.close());

  it('the demo association has the cycle-path concept as a joint project, labelled as demo data, its shares reconciled', async () => {
    const list = (await api(`/workspaces/${ws}/projects`, mayor)).body as Array<{ id: string; title: string; stage: string }>;
    const demo = list.find((p) => p.title.startsWith('Zintegrowany system ścieżek rowerowych SOM'))!;
    expect(demo).toMatchObject({ stage: 'concept' });
    expect(demo.title).toContain('(dane przykładowe)');
    const project = (await api(`/projects/${demo.id}`, partner)).body;
    expect(project.participants).toHaveLength(6);
    // Matched to the demo's co-financed call of the regional programme.
    expect(project.call).toMatchObject({ programme: 'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027 (dane przykładowe)', closesOn: '2027-04-30' });
    expect(project.steps.map((s: { stage: string }) => s.stage)).toEqual(['idea', 'concept']);
    expect(project.totals).toEqual({ total: '24080000.00', grant: '20468000.00', own: '3612000.00' });
    for (const year of project.years as Array<{ own: string; shares: Array<{ amount: string }> }>) {
      expect(year.shares).toHaveLength(5);
      expect(year.shares.reduce((sum, s) => sum + grosze(s.amount), 0n)).toBe(grosze(year.own));
    }
  });

  it('shares each year’s own contribution among the members by population, exactly, the leader first; totals reconcile', async () => {
    const created = await api(`/workspaces/${ws}/projects`, coordinator, cyclePaths());
    expect(created.status).toBe(201);
    const project = created.body;
    expect(project).toMatchObject({ stage: 'idea', stageOn: '2026-10-01', nextStages: ['concept', 'withdrawn'], coFinancingRate: '85', sharingKey: 'population' });
    expect(project.leader).toEqual({ id: org['Gmina Miasto Szczecin'], name: 'Gmina Miasto Szczecin' });
    expect(project.goal).toMatchObject({ versionId: adoptedVersion.id, headingId: adoptedVersion.headingId, heading: adoptedVersion.heading, versionName: 'Strategia – tekst przyjęty' });
    expect(project.participants.map((p: { name: string }) => p.name)).toEqual(['Gmina Miasto Szczecin', 'Gmina Police', 'Gmina Dobra', 'Uniwersytet Szczeciński']);
    expect(project.budget[2]).toEqual({ year: 2028, category: 'works', amount: '2500000.00', eurAmount: '586785.59', eurRate: '4.2605', eurRateOn: '2026-11-30' });
    // 2027: 1,120,000.01 zł; the grant 85% rounded down to the grosz, the rest is the members'.
    const [y2027, y2028] = project.years;
    expect(y2027).toMatchObject({ year: 2027, total: '1120000.01', grant: '952000.00', own: '168000.01' });
    expect(y2028).toMatchObject({ year: 2028, total: '2500000.00', grant: '2125000.00', own: '375000.00' });
    const members = (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; population: number }>;
    const population = (id: string) => BigInt(members.find((m) => m.id === id)!.population);
    for (const year of project.years as Array<{ own: string; shares: Array<{ organisationId: string; amount: string }> }>) {
      // The partner takes part without a share; the shares sum to the own contribution, each its exact share rounded.
      expect(year.shares.map((s) => s.organisationId)).toEqual([org['Gmina Miasto Szczecin'], org['Gmina Police'], org['Gmina Dobra']]);
      const own = grosze(year.own);
      expect(year.shares.reduce((sum, s) => sum + grosze(s.amount), 0n)).toBe(own);
      const weightSum = year.shares.reduce((sum, s) => sum + population(s.organisationId), 0n);
      for (const share of year.shares) {
        const exact = own * population(share.organisationId);
        expect(grosze(share.amount) * weightSum <= exact + weightSum && grosze(share.amount) * weightSum >= exact - weightSum).toBe(true);
      }
    }
    expect(project.totals).toEqual({ total: '3620000.01', grant: '3077000.00', own: '543000.01' });
    expect(project.steps).toEqual([expect.objectContaining({ stage: 'idea', takenOn: '2026-10-01', resolution: null, actorName: 'Koordynator Biura SSOM' })]);

    const list = (await api(`/workspaces/${ws}/projects`, observer)).body;
    expect(list.find((p: { id: string }) => p.id === project.id)).toMatchObject({ title: 'Trasy rowerowe SOM – etap I', stage: 'idea', totals: project.totals, coFinancingRate: '85' });
    const audit = (await api(`/workspaces/${ws}/audit?limit=5`, coordinator)).body;
    expect(JSON.stringify(audit)).toContain('project.created');
  });

  it('recomputes the shares when participants, key or budget change, and keeps the before and after in the audit trail', async () => {
    const project = (await api(`/workspaces/${ws}/projects`, coordinator, { ...cyclePaths(), title: 'Trasy rowerowe – zmiany' })).body;
    const changed = await api(
      `/projects/${project.id}`,
      coordinator,
      {
        sharingKey: 'custom',
        participants: [
          { organisationId: org['Gmina Miasto Szczecin'], customWeight: '2' },
          { organisationId: org['Gmina Police'], customWeight: '1' },
        ],
        budget: [{ year: 2027, category: 'works', amount: '100.00' }],
        coFinancingRate: null,
      },
      'PATCH',
    );
    expect(changed.status).toBe(200);
    expect(changed.body.years).toEqual([
      {
        year: 2027,
        total: '100.00',
        grant: '0.00',
        own: '100.00',
        shares: [
          { organisationId: org['Gmina Miasto Szczecin'], amount: '66.67' },
          { organisationId: org['Gmina Police'], amount: '33.33' },
        ],
      },
    ]);
    expect(changed.body.participants.map((p: { customWeight: string }) => p.customWeight)).toEqual(['2', '1']);
    const entries = await server.db.query(`SELECT details FROM audit_entries WHERE action = 'project.updated' AND target_id = $1`, [project.id]);
    expect(entries).toHaveLength(1);
    const details = typeof entries[0].details === 'string' ? JSON.parse(entries[0].details) : entries[0].details;
    expect(details.before.totals.own).toBe('543000.01');
    expect(details.after.shares).toEqual({ '2027': { [org['Gmina Miasto Szczecin']]: '66.67', [org['Gmina Police']]: '33.33' } });

    // The list shows the totals the project's page shows: grants rounded year by year (half of 0.01 zł is 0.00, twice).
    const small = await api(`/projects/${project.id}`, coordinator, { coFinancingRate: '50', budget: [{ year: 2027, category: 'works', amount: '0.01' }, { year: 2028, category: 'works', amount: '0.01' }] }, 'PATCH');
    expect(small.body.totals).toEqual({ total: '0.02', grant: '0.00', own: '0.02' });
    const listed = ((await api(`/workspaces/${ws}/projects`, coordinator)).body as Array<{ id: string; totals: unknown }>).find((p) => p.id === project.id);
    expect(listed?.totals).toEqual(small.body.totals);
  });

  it('answers bad input with 400 naming the field: amounts, duplicates, EUR without its rate, organisations, the key, dates, the goal', async () => {
    const bad = async (change: Record<string, unknown>, field: string, message?: RegExp) => {
      const response = await api(`/workspaces/${ws}/projects`, coordinator, { ...cyclePaths(), ...change });
      expect(response.status).toBe(400);
      const errors = response.body.errors as Array<{ field: string; message: string }>;
      expect(errors.map((e) => e.field)).toContain(field);
      const problem = errors.find((e) => e.field === field);
      if (message) expect(problem!.message).toMatch(message);
      return response.body;
    };
    const line = (amount: string) => ({ budget: [{ year: 2027, category: 'works', amount }] });
    await bad(line('-5.00'), 'budget.0.amount', /negative/);
    await bad(line('12.345'), 'budget.0.amount', /two decimal places/);
    await bad(line('1e9'), 'budget.0.amount', /amount in złoty/);
    await bad(line('99999999999999999'), 'budget.0.amount', /too large/);
    await bad({ budget: [{ year: 2027, category: 'works', amount: 1000 }] }, 'budget.0.amount');
    await bad({ budget: [{ year: 2027, category: 'works', amount: '1' }, { year: 2027, category: 'works', amount: '2' }] }, 'budget.1.category', /once/);
    await bad({ budget: [{ year: 2027, category: 'works', amount: '1', eurAmount: '1' }] }, 'budget.0.eurRate', /exchange rate/);
    await bad({ budget: [{ year: 1999, category: 'works', amount: '1' }] }, 'budget.0.year');
    await bad({ budget: [{ year: 2027, category: 'bribes', amount: '1' }] }, 'budget.0.category');
    await bad({ participants: [{ organisationId: '00000000-0000-4000-8000-000000000000' }], leaderId: null }, 'participants.0.organisationId');
    await bad({ participants: [{ organisationId: org['Gmina Police'] }, { organisationId: org['Gmina Police'] }], leaderId: null }, 'participants.1.organisationId', /twice/);
    await bad({ participants: [{ organisationId: org['Gmina Police'] }] }, 'leaderId', /one of the participants/);
    await bad({ leaderId: org['Uniwersytet Szczeciński'] }, 'leaderId', /member or by the association/);
    const custom = await bad({ sharingKey: 'custom' }, 'participants.1.customWeight', /weight/);
    expect(custom.errors.map((e: { field: string }) => e.field)).toEqual(['participants.1.customWeight', 'participants.0.customWeight', 'participants.2.customWeight']);
    await bad({ endsOn: '2027-02-28' }, 'endsOn', /before startsOn/);
    await bad({ startsOn: '2027-02-30' }, 'startsOn', /YYYY-MM-DD/);
    await bad({ coFinancingRate: '100.5' }, 'coFinancingRate');
    await bad({ coFinancingRate: 85 }, 'coFinancingRate');
    await bad({ sharingKey: 'by_mood' }, 'sharingKey');
    await bad({ title: '   ' }, 'title');
    await bad({ goal: { versionId: draftVersionId, headingId: adoptedVersion.headingId } }, 'goal.versionId', /adopted/);
    await bad({ goal: { versionId: adoptedVersion.id, headingId: 'h-no-such-heading' } }, 'goal.headingId', /no such heading/);
    await bad({ goal: [adoptedVersion.id] }, 'goal');
    // Nothing of the refused requests was stored.
    const titles = ((await api(`/workspaces/${ws}/projects`, coordinator)).body as Array<{ title: string }>).map((p) => p.title);
    expect(titles.filter((t) => t === 'Trasy rowerowe SOM – etap I')).toHaveLength(1);
  });

  it('moves along the pipeline with dated steps, approved only by an adopted resolution, and stops changing once withdrawn', async () => {
    const project = (await api(`/workspaces/${ws}/projects`, coordinator, { ...cyclePaths(), title: 'Trasy rowerowe – ścieżka' })).body;
    const step = (body: Record<string, unknown>, token = coordinator) => api(`/projects/${project.id}/steps`, token, body);
    expect((await step({ stage: 'concept', takenOn: '2026-10-15', note: 'Koncepcja w dokumencie.' })).status).toBe(201);

    const skipped = await step({ stage: 'submitted', takenOn: '2026-11-01' });
    expect(skipped.status).toBe(400);
    expect(skipped.body.errors).toEqual([expect.objectContaining({ field: 'stage', code: 'stage_not_allowed' })]);
    const back = await step({ stage: 'approved', takenOn: '2026-10-14', resolutionId: approvingResolution });
    expect(back.body.errors).toEqual([expect.objectContaining({ field: 'date', code: 'date_before_previous' })]);
    const noResolution = await step({ stage: 'approved', takenOn: '2026-11-01' });
    expect(noResolution.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_required' })]);
    const notAdopted = await step({ stage: 'approved', takenOn: '2026-11-01', resolutionId: draftResolution });
    expect(notAdopted.status).toBe(400);
    expect(notAdopted.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_not_adopted', message: 'the resolution is not adopted' })]);
    const forged = await step({ stage: 'approved', takenOn: '2026-11-01', resolutionId: '00000000-0000-4000-8000-000000000000' });
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_not_adopted', message: 'no such resolution in this workspace' })]);
    expect((await step({ stage: 'approved', takenOn: '2026-12-31' }, expert)).status).toBe(403);
    // The statute names the body whose resolution approves projects: the board by default; not once it is taken away.
    const board = ((await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string; approvesProjects: boolean }>).find((b) => b.kind === 'board')!;
    expect(board.approvesProjects).toBe(true);
    expect((await api(`/bodies/${board.id}`, coordinator, { approvesProjects: 'tak' }, 'PATCH')).body.errors).toEqual([expect.objectContaining({ field: 'approvesProjects' })]);
    expect((await api(`/bodies/${board.id}`, coordinator, { approvesProjects: false }, 'PATCH')).body.approvesProjects).toBe(false);
    const wrongBody = await step({ stage: 'approved', takenOn: '2026-11-01', resolutionId: approvingResolution });
    expect(wrongBody.status).toBe(400);
    expect(wrongBody.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_wrong_body' })]);
    expect((await api(`/bodies/${board.id}`, coordinator, { approvesProjects: true }, 'PATCH')).body.approvesProjects).toBe(true);

    const approved = await step({ stage: 'approved', takenOn: '2026-11-01', resolutionId: approvingResolution });
    expect(approved.status).toBe(201);
    expect(approved.body.steps.at(-1)).toMatchObject({ stage: 'approved', takenOn: '2026-11-01', resolution: { id: approvingResolution, title: 'w sprawie wpisania projektu tras rowerowych do listy projektów wspólnych' } });
    expect((await step({ stage: 'submitted', takenOn: '2026-11-20' })).status).toBe(201);
    expect((await step({ stage: 'granted', takenOn: '2027-02-01' })).body).toMatchObject({ stage: 'granted', stageOn: '2027-02-01', nextStages: ['implementation', 'withdrawn'] });
    const withdrawn = await step({ stage: 'withdrawn', takenOn: '2027-02-02', note: 'Zmiana priorytetów.' });
    expect(withdrawn.body).toMatchObject({ stage: 'withdrawn', nextStages: [] });
    expect(withdrawn.body.steps.map((s: { stage: string }) => s.stage)).toEqual(['idea', 'concept', 'approved', 'submitted', 'granted', 'withdrawn']);
    const frozen = await api(`/projects/${project.id}`, coordinator, { title: 'Nowy tytuł' }, 'PATCH');
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('project_closed');
    expect((await step({ stage: 'implementation', takenOn: '2027-03-01' })).body.errors).toEqual([expect.objectContaining({ field: 'stage', message: 'a project withdrawn goes no further' })]);
  });

  it('lets every member read, coordinators alone change, partners see only the projects they take part in, and no one from outside', async () => {
    const withPartner = (await api(`/workspaces/${ws}/projects`, coordinator, { ...cyclePaths(), title: 'Z partnerem' })).body;
    const withoutPartner = (
      await api(`/workspaces/${ws}/projects`, coordinator, {
        title: 'Bez partnera',
        leaderId: null,
        participants: [{ organisationId: org['Gmina Goleniów'] }, { organisationId: org['Gmina Stepnica'] }],
      })
    ).body;
    expect(withoutPartner).toMatchObject({ leader: null, sharingKey: 'equal', years: [], totals: { total: '0.00', grant: '0.00', own: '0.00' } });

    for (const reader of [expert, observer, mayor]) {
      expect((await api(`/projects/${withoutPartner.id}`, reader)).status).toBe(200);
      expect((await api(`/workspaces/${ws}/projects`, reader, { title: 'x' })).status).toBe(403);
      expect((await api(`/projects/${withoutPartner.id}`, reader, { title: 'x' }, 'PATCH')).status).toBe(403);
      expect((await api(`/projects/${withoutPartner.id}/steps`, reader, { stage: 'concept', takenOn: '2027-01-01' })).status).toBe(403);
    }
    expect((await api(`/projects/${withPartner.id}`, partner)).status).toBe(200);
    expect((await api(`/projects/${withoutPartner.id}`, partner)).status).toBe(403);
    const partnerList = ((await api(`/workspaces/${ws}/projects`, partner)).body as Array<{ id: string }>).map((p) => p.id);
    expect(partnerList).toContain(withPartner.id);
    expect(partnerList).not.toContain(withoutPartner.id);

    expect((await api(`/projects/${withPartner.id}`, outsider)).status).toBe(403);
    expect((await api(`/workspaces/${ws}/projects`, outsider)).status).toBe(403);
    expect((await api(`/projects/${withPartner.id}`, outsider, { title: 'x' }, 'PATCH')).status).toBe(403);
    // Another workspace's organisations cannot be brought in.
    const kofProjects = await api(`/workspaces/${ws}/projects`, outsider, { title: 'Cudzy', participants: [{ organisationId: org['Gmina Police'] }] });
    expect(kofProjects.status).toBe(403);
    expect((await api('/projects/00000000-0000-4000-8000-000000000000', coordinator)).status).toBe(404);
    expect((await api('/projects/not-a-uuid', coordinator)).status).toBe(400);
    expect((await server.request(`/api/projects/${withPartner.id}`, {})).status).toBe(401);
  });

  it('names the document its concept is co-drafted in, with the consultation rounds held on it; never another workspace’s', async () => {
    const concept = (await api(`/workspaces/${ws}/documents`, coordinator, { title: 'Koncepcja ścieżki nad Odrą', kind: 'concept' })).body.id as string;
    const created = await api(`/workspaces/${ws}/projects`, coordinator, { title: 'Ścieżka nad Odrą', participants: [{ organisationId: org['Gmina Police'] }], conceptDocumentId: concept });
    expect(created.status).toBe(201);
    expect(created.body.concept).toEqual({ documentId: concept, title: 'Koncepcja ścieżki nad Odrą', rounds: [] });
    const foreign = (await api(`/workspaces/${kofWorkspace}/documents`, outsider, { title: 'Koncepcja KOF', kind: 'concept' })).body.id as string;
    const refused = await api(`/projects/${created.body.id}`, coordinator, { conceptDocumentId: foreign }, 'PATCH');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'conceptDocumentId', code: 'document_not_in_workspace' })]);
    expect((await api(`/projects/${created.body.id}`, coordinator, { conceptDocumentId: 'koncepcja' }, 'PATCH')).body.errors).toEqual([expect.objectContaining({ field: 'conceptDocumentId' })]);
    // A partner taking part reads the project, not the association's concept document.
    const shared = await api(`/projects/${created.body.id}`, coordinator, { participants: [{ organisationId: org['Gmina Police'] }, { organisationId: org['Uniwersytet Szczeciński'] }] }, 'PATCH');
    expect(shared.body.concept).toMatchObject({ documentId: concept });
    expect((await api(`/projects/${created.body.id}`, partner)).body.concept).toBeNull();
    const cleared = await api(`/projects/${created.body.id}`, coordinator, { conceptDocumentId: null }, 'PATCH');
    expect(cleared.body.concept).toBeNull();
  });
});
