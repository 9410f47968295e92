import { documentFromJson, documentOutline } from '@commonplan/editor';
import { adoptByBoard } from './support/decisions';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

/**
 * Strategy indicators (issue 15): defined against a goal of the adopted strategy, with a baseline and a target, a value
 * a year with its source, progress from the latest value, and the projects that move them.
 */
describe('strategy indicators', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let observer: string;
  let partner: string;
  let outsider: string;
  let goal: { versionId: string; headingId: string; heading: string };
  const org: Record<string, string> = {};

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const cycleLanes = () => ({ name: 'Długość dróg rowerowych', unit: 'km', baseline: '120', baselineYear: 2019, target: '250,5', targetYear: 2030, goal: { versionId: goal.versionId, headingId: goal.headingId } });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    observer = await server.login('obserwator@som.example');
    partner = await server.login('partner@som.example');
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) org[o.name] = o.id;
    outsider = (await otherAssociation(server)).token;
    const strategy = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy');
    const version = (await api(`/documents/${strategy.id}/versions`, coordinator, { name: 'Strategia przyjęta' })).body;
    const [{ content }] = await server.db.query(`SELECT content FROM document_versions WHERE id = $1`, [version.id]);
    const heading = documentOutline(documentFromJson(content)).at(-1)!;
    goal = { versionId: version.id, headingId: heading.id, heading: heading.text };
    await adoptByBoard(server, ws, coordinator, 'w sprawie przyjęcia Strategii', { adoptsVersionId: version.id });
  });
  afterAll(() => server?.close());

  it('measures progress from the baseline towards the target by the latest value, with its source', async () => {
    const created = await api(`/workspaces/${ws}/indicators`, coordinator, cycleLanes());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Długość dróg rowerowych', unit: 'km', baseline: '120', target: '250.5', values: [], latest: null, progress: null, projects: [] });
    expect(created.body.goal).toMatchObject({ versionId: goal.versionId, heading: goal.heading });
    const id = created.body.id as string;
    expect((await api(`/indicators/${id}/values/2024`, coordinator, { value: '146.1', source: 'GUS, Bank Danych Lokalnych' }, 'PUT')).status).toBe(200);
    const latest = await api(`/indicators/${id}/values/2025`, coordinator, { value: '185.25', source: 'Urzędy gmin' }, 'PUT');
    expect(latest.body).toMatchObject({ latest: '185.25', progress: 50, values: [{ year: 2024, value: '146.1' }, { year: 2025, value: '185.25', source: 'Urzędy gmin' }] });
    // A value recorded again replaces the year's.
    expect((await api(`/indicators/${id}/values/2025`, coordinator, { value: '120', source: 'korekta' }, 'PUT')).body).toMatchObject({ latest: '120', progress: 0 });

    // A project moves the indicator; every member sees it there, a partner only the projects it takes part in.
    const project = (
      await api(`/workspaces/${ws}/projects`, coordinator, { title: 'Drogi rowerowe w Policach', participants: [{ organisationId: org['Gmina Police'] }], indicatorIds: [id] })
    ).body;
    expect(project.indicators).toEqual([{ id, name: 'Długość dróg rowerowych', unit: 'km' }]);
    expect((await api(`/indicators/${id}`, observer)).body.projects).toEqual([{ id: project.id, title: 'Drogi rowerowe w Policach', stage: 'idea' }]);
    expect((await api(`/indicators/${id}`, partner)).body.projects).toEqual([]);
    expect(((await api(`/workspaces/${ws}/indicators`, observer)).body as Array<{ id: string }>).map((i) => i.id)).toContain(id);
    expect((await api(`/projects/${project.id}`, coordinator, { indicatorIds: [] }, 'PATCH')).body.indicators).toEqual([]);
    const trail = await server.db.query(`SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY seq`, [id]);
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['indicator.created', 'indicator.value_recorded', 'indicator.value_recorded', 'indicator.value_recorded']);
  });

  it('answers bad input with 400 naming the field, and lets only coordinators of the workspace change indicators', async () => {
    const bad = async (change: Record<string, unknown>, field: string) => {
      const response = await api(`/workspaces/${ws}/indicators`, coordinator, { ...cycleLanes(), ...change });
      expect(response.status).toBe(400);
      expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    };
    await bad({ baseline: '1.23456' }, 'baseline');
    await bad({ target: 250 }, 'target');
    await bad({ targetYear: 2018 }, 'targetYear');
    await bad({ baselineYear: 1989 }, 'baselineYear');
    await bad({ unit: '' }, 'unit');
    await bad({ goal: { versionId: goal.versionId, headingId: 'h-nie-ma' } }, 'goal.headingId');
    const id = (await api(`/workspaces/${ws}/indicators`, coordinator, cycleLanes())).body.id as string;
    expect((await api(`/indicators/${id}/values/2025`, coordinator, { value: 'dużo', source: 'GUS' }, 'PUT')).body.errors).toEqual([expect.objectContaining({ field: 'value' })]);
    expect((await api(`/indicators/${id}/values/2025`, coordinator, { value: '1', source: '' }, 'PUT')).body.errors).toEqual([expect.objectContaining({ field: 'source' })]);
    expect((await api(`/indicators/${id}/values/3000`, coordinator, { value: '1', source: 'GUS' }, 'PUT')).body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    expect((await api(`/indicators/${id}`, coordinator, { targetYear: 2000 }, 'PATCH')).body.errors).toEqual([expect.objectContaining({ field: 'targetYear' })]);
    expect((await api(`/workspaces/${ws}/projects`, coordinator, { title: 'x', indicatorIds: ['00000000-0000-4000-8000-000000000000'] })).body.errors).toEqual([
      expect.objectContaining({ field: 'indicatorIds.0' }),
    ]);

    expect((await api(`/workspaces/${ws}/indicators`, observer, cycleLanes())).status).toBe(403);
    expect((await api(`/indicators/${id}/values/2025`, observer, { value: '1', source: 'GUS' }, 'PUT')).status).toBe(403);
    expect((await api(`/indicators/${id}`, partner, { name: 'x' }, 'PATCH')).status).toBe(403);
    expect((await api(`/indicators/${id}`, outsider)).status).toBe(403);
    expect((await api(`/workspaces/${ws}/indicators`, outsider)).status).toBe(403);
    expect((await api('/indicators/00000000-0000-4000-8000-000000000000', coordinator)).status).toBe(404);
  });
});
