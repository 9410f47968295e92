import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

/**
 * Joint procurement (issue 15): what each member taking part would pay buying alone, against its share of the joint
 * price (the project's cost shared by its key), and the saving; on the project, and in the member's statement.
 */
describe('joint procurement', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let outsider: string;
  let energy: string;
  const org: Record<string, string> = {};

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    outsider = (await otherAssociation(server)).token;
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) org[o.name] = o.id;
    energy = ((await api(`/workspaces/${ws}/projects`, coordinator)).body as Array<{ id: string; title: string }>).find((p) => p.title.startsWith('Wspólny zakup energii'))!.id;
  });
  afterAll(() => server?.close());

  it('shows the demo’s joint purchase of energy: the price of 24,000 zł shared equally saves each member against buying alone', async () => {
    const project = (await api(`/projects/${energy}`, expert)).body;
    expect(project.procurement).toEqual({
      jointTotal: '24000.00',
      members: [
        { organisationId: org['Gmina Goleniów'], name: 'Gmina Goleniów', alone: '7200.00', joint: '6000.00', saving: '1200.00' },
        { organisationId: org['Gmina Stepnica'], name: 'Gmina Stepnica', alone: '6900.00', joint: '6000.00', saving: '900.00' },
        { organisationId: org['Gmina Nowe Warpno'], name: 'Gmina Nowe Warpno', alone: '6800.00', joint: '6000.00', saving: '800.00' },
        { organisationId: org['Gmina Kobylanka'], name: 'Gmina Kobylanka', alone: '7100.00', joint: '6000.00', saving: '1100.00' },
      ],
      totalSaving: '4000.00',
      problem: null,
    });
    const statement = (await api(`/workspaces/${ws}/members/${org['Gmina Stepnica']}/statement`, expert)).body;
    expect(statement.savings).toEqual([{ projectId: energy, title: project.title, alone: '6900.00', joint: '6000.00', saving: '900.00' }]);
  });

  it('records the costs alone for coordinators only, every member once, naming each bad field, audited; an empty list clears', async () => {
    const path = `/projects/${energy}/procurement`;
    const all = (amounts: string[]) => ({ aloneCosts: ['Gmina Goleniów', 'Gmina Stepnica', 'Gmina Nowe Warpno', 'Gmina Kobylanka'].map((name, i) => ({ organisationId: org[name], amount: amounts[i] })) });
    expect((await api(path, expert, all(['1', '1', '1', '1']), 'PUT')).status).toBe(403);
    expect((await api(path, outsider, all(['1', '1', '1', '1']), 'PUT')).status).toBe(403);

    const bad = await api(
      path,
      coordinator,
      { aloneCosts: [{ organisationId: org['Uniwersytet Szczeciński'], amount: '1' }, { organisationId: org['Gmina Goleniów'], amount: '-5' }, { organisationId: org['Gmina Goleniów'], amount: '1,001' }] },
      'PUT',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['aloneCosts.0.organisationId', 'aloneCosts.1.amount', 'aloneCosts.2.organisationId', 'aloneCosts.2.amount', 'aloneCosts']);
    expect(bad.body.errors[0].code).toBe('organisation_wrong_kind');
    expect((await api(path, coordinator, { aloneCosts: 'dużo' }, 'PUT')).body.errors).toContainEqual({ field: 'aloneCosts', message: 'aloneCosts must be a list' });

    // Buying together costs Nowe Warpno more than alone: a negative saving, said as it is.
    const set = await api(path, coordinator, all(['6500', '6000.01', '5999.99', '8000']), 'PUT');
    expect(set.status).toBe(200);
    expect(set.body.procurement.members.map((m: { saving: string }) => m.saving)).toEqual(['500.00', '0.01', '-0.01', '2000.00']);
    expect(set.body.procurement.totalSaving).toBe('2500.00');
    const [entry] = await server.db.query(`SELECT details FROM audit_entries WHERE action = 'project.procurement_set' AND target_id = $1`, [energy]);
    expect(entry.details.aloneCosts[org['Gmina Kobylanka']]).toBe('8000.00');

    const cleared = await api(path, coordinator, { aloneCosts: [] }, 'PUT');
    expect(cleared.status).toBe(200);
    expect(cleared.body.procurement).toBeNull();
    expect((await api(`/workspaces/${ws}/members/${org['Gmina Stepnica']}/statement`, expert)).body.savings).toEqual([]);
  });
});
