import { createHash } from 'node:crypto';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { canonicalJson } from '@commonplan/domain';
import { documentFromJson, documentOutline } from '@commonplan/editor';
import { adoptByBoard } from './support/decisions';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

/**
 * The strategy's annual monitoring report (issue 15): computed from indicators, projects, calls and fees for a year,
 * read by the association's members as JSON, PDF, DOCX and XLSX in Polish or English, and frozen as numbered editions
 * when a coordinator records the adopted resolution that approved it.
 */
describe('the monitoring report', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let mayor: string;
  let partner: string;
  let outsider: string;
  let goal: { versionId: string; headingId: string; heading: string };
  let indicatorId: string;
  let approval: string;
  let draftResolution: string;
  const org: Record<string, string> = {};
  const year = 2031;

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const download = async (path: string, token: string) => {
    const response = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    mayor = await server.login('przedstawiciel.stare-czarnowo@som.example');
    partner = await server.login('partner@som.example');
    outsider = (await otherAssociation(server)).token;
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) org[o.name] = o.id;

    const strategy = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy');
    const version = (await api(`/documents/${strategy.id}/versions`, coordinator, { name: 'Strategia przyjęta' })).body;
    const [{ content }] = await server.db.query(`SELECT content FROM document_versions WHERE id = $1`, [version.id]);
    const heading = documentOutline(documentFromJson(content)).at(-1)!;
    goal = { versionId: version.id, headingId: heading.id, heading: heading.text };
    await adoptByBoard(server, ws, coordinator, 'w sprawie przyjęcia Strategii', { adoptsVersionId: version.id });
    approval = await adoptByBoard(server, ws, coordinator, 'w sprawie wpisania ścieżki do listy projektów wspólnych');
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string }>;
    draftResolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: bodies.find((b) => b.kind === 'board')!.id, kind: 'ordinary', title: 'projekt uchwały' })).body.id;

    // An indicator of the goal: 100 km in 2024 towards 300 km in 2032; 150 km in 2030, 200 km in 2031.
    const indicator = await api(`/workspaces/${ws}/indicators`, coordinator, {
      name: 'Długość dróg rowerowych',
      unit: 'km',
      baseline: '100',
      baselineYear: 2024,
      target: '300',
      targetYear: 2032,
      goal: { versionId: goal.versionId, headingId: goal.headingId },
    });
    expect(indicator.status).toBe(201);
    indicatorId = indicator.body.id;
    expect((await api(`/indicators/${indicatorId}/values/2030`, coordinator, { value: '150', source: 'GUS' }, 'PUT')).status).toBe(200);
    expect((await api(`/indicators/${indicatorId}/values/${year}`, coordinator, { value: '200', source: 'Urząd Marszałkowski' }, 'PUT')).status).toBe(200);

    // A path of Stare Czarnowo (3,828 people) and the city of Stargard (66,604) under a ZIT call: 80% granted, shared equally.
    const call = await api(`/workspaces/${ws}/funding-calls`, coordinator, { source: 'zit', programme: 'FEPZ 2021–2027, ZIT SOM', opensOn: '2030-01-01', closesOn: '2030-03-31', coFinancingRate: '80' });
    expect(call.status).toBe(201);
    const project = await api(`/workspaces/${ws}/projects`, coordinator, {
      title: 'Ścieżka Stare Czarnowo – Stargard',
      goal: { versionId: goal.versionId, headingId: goal.headingId },
      callId: call.body.id,
      participants: [{ organisationId: org['Gmina Stare Czarnowo'] }, { organisationId: org['Gmina Miasto Stargard'] }],
      sharingKey: 'equal',
      coFinancingRate: '80',
      budget: [{ year, category: 'works', amount: '1000000.00' }],
      ideaOn: '2029-01-10',
    });
    expect(project.status).toBe(201);
    for (const step of [
      { stage: 'concept', takenOn: '2029-02-01' },
      { stage: 'approved', takenOn: '2029-03-01', resolutionId: approval },
      { stage: 'submitted', takenOn: '2030-02-01' },
      { stage: 'granted', takenOn: '2030-09-01' },
    ]) {
      expect((await api(`/projects/${project.body.id}/steps`, coordinator, step)).status).toBe(201);
    }
    // Police waits for its funder: no external funds yet.
    const waiting = await api(`/workspaces/${ws}/projects`, coordinator, {
      title: 'Przystań w Policach',
      participants: [{ organisationId: org['Gmina Police'] }],
      coFinancingRate: '50',
      budget: [{ year, category: 'works', amount: '10000.00' }],
    });
    expect(waiting.status).toBe(201);
    expect((await api(`/workspaces/${ws}/membership-fees/${year}`, coordinator, { fees: [{ organisationId: org['Gmina Stare Czarnowo'], amount: '5000' }] }, 'PUT')).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('gives a mayor the year’s goals with indicators against targets, projects by stage, funds by source and member, and the smaller members’ share', async () => {
    const response = await api(`/workspaces/${ws}/monitoring/${year}`, mayor);
    expect(response.status).toBe(200);
    const { content, editions } = response.body;
    expect(editions).toEqual([]);
    expect(content).toMatchObject({ format: 1, year, edition: null, adoption: null, workspaceName: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”' });
    const served = content.goals.find((g: { goal: string | null }) => g.goal === goal.heading);
    expect(served.indicators).toEqual([
      {
        id: indicatorId,
        name: 'Długość dróg rowerowych',
        unit: 'km',
        baseline: '100',
        baselineYear: 2024,
        target: '300',
        targetYear: 2032,
        latest: { year, value: '200', source: 'Urząd Marszałkowski' },
        progress: 50,
      },
    ]);
    expect(served.projects).toEqual([expect.objectContaining({ title: 'Ścieżka Stare Czarnowo – Stargard', stage: 'granted' })]);
    // The year before reads the 2030 value: 25 %.
    const before = (await api(`/workspaces/${ws}/monitoring/2030`, mayor)).body.content;
    expect(before.goals.find((g: { goal: string | null }) => g.goal === goal.heading).indicators[0]).toMatchObject({ latest: { year: 2030, value: '150' }, progress: 25 });

    expect(content.stages.granted).toBe(1);
    expect(content.projects).toContainEqual(expect.objectContaining({ title: 'Ścieżka Stare Czarnowo – Stargard', source: 'zit', cost: '1000000.00', grant: '800000.00', own: '200000.00' }));
    expect(content.projects).toContainEqual(expect.objectContaining({ title: 'Przystań w Policach', stage: 'idea', cost: '10000.00', grant: '0.00', own: '5000.00' }));
    expect(content.funds.bySource).toEqual([{ source: 'zit', amount: '800000.00' }]);
    expect(content.funds.total).toBe('800000.00');
    expect(content.funds.association).toBe('0.00');
    const member = (name: string) => content.funds.byMember.find((m: { name: string }) => m.name === name);
    // Stare Czarnowo: fee 5,000 + own 100,000; external 400,000; leverage 3.80.
    expect(member('Gmina Stare Czarnowo')).toEqual({ id: org['Gmina Stare Czarnowo'], name: 'Gmina Stare Czarnowo', population: 3828, fee: '5000.00', own: '105000.00', external: '400000.00', leverage: '3.80', smaller: true });
    expect(member('Gmina Miasto Stargard')).toMatchObject({ external: '400000.00', smaller: false });
    expect(member('Gmina Police')).toMatchObject({ own: '5000.00', external: '0.00', smaller: false });
    // The median of the 15 members' populations is Gryfino's 29,919: seven are smaller, with 2.8 % of the people and half the funds.
    expect(content.smaller).toEqual({
      medianPopulation: 29919,
      members: expect.arrayContaining([org['Gmina Stare Czarnowo'], org['Gmina Nowe Warpno'], org['Gmina Dobra']]),
      external: '400000.00',
      fundsShare: '50.0',
      populationShare: '2.8',
    });
    expect(content.smaller.members).toHaveLength(7);
  });

  it('told the people of the organisations taking part of each step of their project, and no one else outside the office', async () => {
    const steps = async (email: string) =>
      (
        await server.db.query(
          `SELECT n.params->>'stage' AS stage FROM notifications n JOIN users u ON u.id = n.user_id
           WHERE u.email = $1 AND n.kind = 'project_stage_changed' AND n.params->>'project' = 'Ścieżka Stare Czarnowo – Stargard' ORDER BY n.created_at`,
          [email],
        )
      ).map((n: { stage: string }) => n.stage);
    expect(await steps('przedstawiciel.stare-czarnowo@som.example')).toEqual(['concept', 'approved', 'submitted', 'granted']);
    expect(await steps('przedstawiciel.stargard-miasto@som.example')).toEqual(['concept', 'approved', 'submitted', 'granted']);
    expect(await steps('przedstawiciel.police@som.example')).toEqual([]);
    // The coordinator who took the steps is not told of them.
    expect(await steps('koordynator@som.example')).toEqual([]);
  });

  it('renders the draft as PDF, DOCX and XLSX in Polish and English', async () => {
    const pdf = await download(`/workspaces/${ws}/monitoring/${year}/report.pdf`, expert);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`raport-monitorowania-${year}-projekt-`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    const docx = await download(`/workspaces/${ws}/monitoring/${year}/report.docx?lang=en`, expert);
    expect(docx.status).toBe(200);
    const text = (await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Strategy monitoring report ${year}`);
    expect(text).toContain('Długość dróg rowerowych');
    expect(text).toContain('400,000.00 zł');
    expect(text).toContain('ZIT (integrated territorial investments)');
    expect(text).toContain('draft (not adopted)');

    const xlsx = await download(`/workspaces/${ws}/monitoring/${year}/report.xlsx`, mayor);
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Podsumowanie', 'Wskaźniki', 'Projekty', 'Źródła', 'Członkowie']);
    const members = workbook.getWorksheet('Członkowie')!;
    const row = members.getSheetValues().find((values) => Array.isArray(values) && values[1] === 'Gmina Stare Czarnowo') as unknown[];
    expect(row.slice(1, 8)).toEqual(['Gmina Stare Czarnowo', 3828, 5000, 105000, 400000, 3.8, '✓']);
    const indicators = workbook.getWorksheet('Wskaźniki')!.getSheetValues().find((values) => Array.isArray(values) && values[2] === 'Długość dróg rowerowych') as unknown[];
    expect(indicators.slice(1, 12)).toEqual([goal.heading, 'Długość dróg rowerowych', 'km', 100, 2024, 300, 2032, 200, year, 'Urząd Marszałkowski', 50]);
  });

  it('freezes an edition adopted by resolution, hashed and audited, that later changes to the data leave as it was', async () => {
    const path = `/workspaces/${ws}/monitoring/${year}/editions`;
    expect((await api(path, expert, { resolutionId: approval })).status).toBe(403);
    const notAdopted = await api(path, coordinator, { resolutionId: draftResolution });
    expect(notAdopted.status).toBe(400);
    expect(notAdopted.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_not_adopted' })]);
    const adoption = await adoptByBoard(server, ws, coordinator, `w sprawie przyjęcia raportu z monitorowania Strategii za rok ${year}`);

    const adopted = await api(path, coordinator, { resolutionId: adoption });
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({ edition: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), resolution: { id: adoption, title: expect.stringContaining('raportu z monitorowania') } });
    const frozen = (await api(`${path}/1`, mayor)).body;
    expect(frozen.sha256).toBe(adopted.body.sha256);
    expect(createHash('sha256').update(canonicalJson(frozen.content)).digest('hex')).toBe(frozen.sha256);
    expect(frozen.content).toMatchObject({ edition: 1, adoption: { resolutionId: adoption, title: adopted.body.resolution.title } });
    const [entry] = await server.db.query(`SELECT action, details FROM audit_entries WHERE action = 'monitoring_report.adopted'`);
    expect(entry.details).toEqual({ year, edition: 1, sha256: frozen.sha256, resolutionId: adoption });
    // The office and the members' representatives hear of it; partners and observers not.
    const told = async (email: string) =>
      (
        await server.db.query(
          `SELECT n.params, n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1 AND n.kind = 'monitoring_report_adopted'`,
          [email],
        )
      ).map((n: { params: unknown; link: string }) => ({ params: n.params, link: n.link }));
    expect(await told('przedstawiciel.stare-czarnowo@som.example')).toEqual([
      { params: { year, edition: 1, resolution: adopted.body.resolution.title }, link: `/w/${ws}/projects/monitoring?year=${year}&edition=1` },
    ]);
    expect(await told('partner@som.example')).toEqual([]);
    expect(await told('obserwator@som.example')).toEqual([]);
    expect(await told('ekspert@som.example')).toHaveLength(1);

    // The same resolution adopts one edition only; another one with nothing changed makes no new edition.
    const again = await api(path, coordinator, { resolutionId: adoption });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_used' })]);
    const second = await adoptByBoard(server, ws, coordinator, `w sprawie korekty raportu z monitorowania za rok ${year}`);
    expect((await api(path, coordinator, { resolutionId: second })).body).toMatchObject({ code: 'report_unchanged' });

    // A corrected value: the draft follows it, edition 1 does not; edition 2 holds it.
    expect((await api(`/indicators/${indicatorId}/values/${year}`, coordinator, { value: '210', source: 'korekta' }, 'PUT')).status).toBe(200);
    expect((await api(path, coordinator, { resolutionId: second })).body).toMatchObject({ edition: 2 });
    const valueIn = (content: { goals: Array<{ goal: string | null; indicators: Array<{ latest: { value: string } }> }> }) => content.goals.find((g) => g.goal === goal.heading)!.indicators[0].latest.value;
    expect(valueIn((await api(`${path}/1`, mayor)).body.content)).toBe('200');
    expect(valueIn((await api(`${path}/2`, mayor)).body.content)).toBe('210');
    expect((await api(`/workspaces/${ws}/monitoring/${year}`, mayor)).body.editions.map((e: { edition: number }) => e.edition)).toEqual([1, 2]);

    const file = await download(`${path}/1/report.pdf?lang=en`, mayor);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`raport-monitorowania-${year}-wydanie-1-`);
    expect(file.body.toString('latin1')).toContain(`SHA-256 ${frozen.sha256}`);
    const docx = await download(`${path}/2/report.docx`, mayor);
    const text = (await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('wydanie 2, przyjęte uchwałą');
  });

  it('refuses partners, outsiders, bad years, editions, formats, languages and resolution ids', async () => {
    expect((await api(`/workspaces/${ws}/monitoring/${year}`, partner)).status).toBe(403);
    expect((await api(`/workspaces/${ws}/monitoring/${year}`, outsider)).status).toBe(403);
    expect((await download(`/workspaces/${ws}/monitoring/${year}/report.pdf`, partner)).status).toBe(403);
    expect((await api(`/workspaces/${ws}/monitoring/${year}/editions`, outsider, { resolutionId: approval })).status).toBe(403);
    for (const bad of ['abc', '1999', '2101', '2031.5']) {
      const response = await api(`/workspaces/${ws}/monitoring/${bad}`, mayor);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    }
    const edition = await api(`/workspaces/${ws}/monitoring/${year}/editions/0`, mayor);
    expect(edition.status).toBe(400);
    expect(edition.body.errors).toEqual([expect.objectContaining({ field: 'edition' })]);
    expect((await api(`/workspaces/${ws}/monitoring/${year}/editions/99`, mayor)).status).toBe(404);
    expect((await download(`/workspaces/${ws}/monitoring/${year}/report.exe`, mayor)).status).toBe(404);
    expect((await download(`/workspaces/${ws}/monitoring/${year}/report.pdf?lang=de`, mayor)).status).toBe(400);
    const id = await api(`/workspaces/${ws}/monitoring/${year}/editions`, coordinator, { resolutionId: 'uchwała\u0000' });
    expect(id.status).toBe(400);
    expect(id.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId' })]);
    const foreign = await api(`/workspaces/${ws}/monitoring/${year}/editions`, coordinator, { resolutionId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'resolutionId', code: 'resolution_not_adopted' })]);
  });
});
