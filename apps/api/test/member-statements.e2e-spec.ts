import { Workbook } from 'exceljs';
import { adoptByBoard } from './support/decisions';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

/**
 * A member's financial statement (issue 15): the membership fee, its own contribution to each joint project, its part of
 * each grant obtained, and the leverage, year by year, as data, PDF and XLSX; fees set by coordinators.
 */
describe('member statements', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let partner: string;
  let mayor: string;
  let outsider: string;
  const org: Record<string, string> = {};

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
    partner = await server.login('partner@som.example');
    mayor = await server.login('przedstawiciel.stare-czarnowo@som.example');
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) org[o.name] = o.id;
    outsider = (await otherAssociation(server)).token;

    // Stare Czarnowo and Stargard build a path together: 85% granted, the rest shared equally.
    const approval = await adoptByBoard(server, ws, coordinator, 'w sprawie projektu ścieżki nad Płonią');
    const project = (
      await api(`/workspaces/${ws}/projects`, coordinator, {
        title: 'Ścieżka nad Płonią',
        leaderId: org['Gmina Stare Czarnowo'],
        participants: [{ organisationId: org['Gmina Miasto Stargard'] }, { organisationId: org['Gmina Stare Czarnowo'] }, { organisationId: org['Uniwersytet Szczeciński'] }],
        coFinancingRate: '85',
        budget: [
          { year: 2027, category: 'works', amount: '1000000.01' },
          { year: 2028, category: 'promotion', amount: '20000.00' },
        ],
        ideaOn: '2026-01-10',
      })
    ).body;
    for (const step of [
      { stage: 'concept', takenOn: '2026-02-01' },
      { stage: 'approved', takenOn: '2026-03-01', resolutionId: approval },
      { stage: 'submitted', takenOn: '2026-04-01' },
      { stage: 'granted', takenOn: '2026-09-01' },
    ]) {
      expect((await api(`/projects/${project.id}/steps`, coordinator, step)).status).toBe(201);
    }
    // A project still waiting for its funder: its contribution is committed, no external funds yet.
    await api(`/workspaces/${ws}/projects`, coordinator, {
      title: 'Przystań kajakowa',
      participants: [{ organisationId: org['Gmina Stare Czarnowo'] }],
      coFinancingRate: '50',
      budget: [{ year: 2027, category: 'works', amount: '300.00' }],
    });
  });
  afterAll(() => server?.close());

  it('sets the year’s fees, naming each bad field, and only for coordinators', async () => {
    const set = await api(`/workspaces/${ws}/membership-fees/2027`, coordinator, { fees: [{ organisationId: org['Gmina Stare Czarnowo'], amount: '12 500,00' }, { organisationId: org['Gmina Miasto Stargard'], amount: '31000' }] }, 'PUT');
    expect(set.status).toBe(200);
    expect(set.body).toEqual([
      { organisationId: org['Gmina Miasto Stargard'], name: 'Gmina Miasto Stargard', year: 2027, amount: '31000.00' },
      { organisationId: org['Gmina Stare Czarnowo'], name: 'Gmina Stare Czarnowo', year: 2027, amount: '12500.00' },
    ]);
    const bad = await api(
      `/workspaces/${ws}/membership-fees/2027`,
      coordinator,
      { fees: [{ organisationId: org['Uniwersytet Szczeciński'], amount: '1' }, { organisationId: org['Gmina Police'], amount: '-1' }, { organisationId: org['Gmina Police'], amount: '1' }] },
      'PUT',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['fees.0.organisationId', 'fees.1.amount', 'fees.2.organisationId']);
    expect((await api(`/workspaces/${ws}/membership-fees/1999`, coordinator, { fees: [] }, 'PUT')).body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    expect((await api(`/workspaces/${ws}/membership-fees/dwa`, coordinator)).status).toBe(400);
    expect((await api(`/workspaces/${ws}/membership-fees/2027`, expert, { fees: [] }, 'PUT')).status).toBe(403);
    expect((await api(`/workspaces/${ws}/membership-fees/2027`, outsider)).status).toBe(403);
    // Nothing of the refused change was stored.
    expect((await api(`/workspaces/${ws}/membership-fees/2027`, mayor)).body).toHaveLength(2);
  });

  it('states a member’s fee, contributions, external funds and leverage year by year, to the grosz', async () => {
    const statement = await api(`/workspaces/${ws}/members/${org['Gmina Stare Czarnowo']}/statement`, mayor);
    expect(statement.status).toBe(200);
    expect(statement.body.member).toEqual({ id: org['Gmina Stare Czarnowo'], name: 'Gmina Stare Czarnowo' });
    const years = statement.body.years as Array<{ year: number }>;
    // The demo's fees of 2025 and 2026 come first.
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
    expect(years[0]).toMatchObject({ fee: '4000.00', contributions: [], leverage: '0.00' });
    const [y2027, y2028] = years.slice(2);
    // 2027: 1,000,000.01 zł, grant 850,000.00; own 150,000.01 shared equally, the odd grosz to Stare Czarnowo (the leader, first).
    expect(y2027).toEqual({
      year: 2027,
      fee: '12500.00',
      contributions: [
        { projectId: expect.any(String), title: 'Przystań kajakowa', stage: 'idea', amount: '150.00' },
        { projectId: expect.any(String), title: 'Ścieżka nad Płonią', stage: 'granted', amount: '75000.01' },
      ],
      external: [{ projectId: expect.any(String), title: 'Ścieżka nad Płonią', stage: 'granted', amount: '425000.00' }],
      ownTotal: '87650.01',
      externalTotal: '425000.00',
      leverage: '4.84',
    });
    expect(y2028).toMatchObject({ year: 2028, fee: '0.00', ownTotal: '1500.00', externalTotal: '8500.00', leverage: '5.66' });
    const stargard = (await api(`/workspaces/${ws}/members/${org['Gmina Miasto Stargard']}/statement`, expert)).body.years.find((y: { year: number }) => y.year === 2027);
    // The two members' contributions and grants add up to the project's year.
    expect(stargard.contributions[0].amount).toBe('75000.00');
    expect(stargard.external[0].amount).toBe('425000.00');
  });

  it('gives the statement as XLSX with numbers a treasurer can add, and as a PDF, in Polish or English', async () => {
    const xlsx = await download(`/workspaces/${ws}/members/${org['Gmina Stare Czarnowo']}/statement.xlsx`, coordinator);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain('zestawienie-gmina-stare-czarnowo.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('Zestawienie')!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    const row2027 = rows.find((row) => row[1] === 2027)!;
    expect(row2027.slice(1)).toEqual([2027, 12500, 75150.01, 87650.01, 425000, 4.84]);
    const lines = workbook.getWorksheet('Projekty')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(lines.map((row) => row.slice(1))).toContainEqual([2027, 'środki zewnętrzne', 'Ścieżka nad Płonią', 'dofinansowanie przyznane', 425000]);

    const pdf = await download(`/workspaces/${ws}/members/${org['Gmina Stare Czarnowo']}/statement.pdf?lang=en`, mayor);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.toString('latin1')).toContain('/Lang (en)');
  });

  it('refuses partners, outsiders, non-members, unknown formats and languages', async () => {
    const path = `/workspaces/${ws}/members/${org['Gmina Stare Czarnowo']}/statement`;
    expect((await api(path, partner)).status).toBe(403);
    expect((await api(path, outsider)).status).toBe(403);
    expect((await api(`/workspaces/${ws}/members/${org['Uniwersytet Szczeciński']}/statement`, coordinator)).status).toBe(404);
    expect((await api(`/workspaces/${ws}/members/00000000-0000-4000-8000-000000000000/statement`, coordinator)).status).toBe(404);
    expect((await api(`${path}.docx`, coordinator)).status).toBe(404);
    expect((await api(`${path}?lang=de`, coordinator)).status).toBe(400);
    expect((await server.request(`/api${path}.pdf`, {})).status).toBe(401);
  });
});
