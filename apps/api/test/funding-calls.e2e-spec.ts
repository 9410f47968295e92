import ICAL from 'ical.js';
import { otherAssociation } from './support/other-association';
import { TestServer } from './support/test-server';

/**
 * Funding calls (nabory) of joint projects (issue 15): recorded by coordinators, read by every member with the projects
 * matched to them, a project's rate held to the call's rules, a call in use kept, and each call's last day in the
 * members' calendar feeds as a whole-day event.
 */
describe('funding calls', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let partner: string;
  let outsider: string;
  let kofCall: string;
  const org: Record<string, string> = {};
  const year = new Date().getUTCFullYear() + 1;

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const zit = () => ({
    source: 'zit',
    programme: 'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027',
    measure: 'Działanie 6.1 Mobilność miejska (ZIT SOM)',
    eligible: 'Jednostki samorządu terytorialnego Szczecińskiego Obszaru Metropolitalnego i ich związki',
    allocation: '120000000.00',
    coFinancingRate: '85',
    minOwnContribution: '15',
    opensOn: `${year}-01-15`,
    closesOn: `${year}-03-31`,
    url: 'https://funduszeeuropejskie.example/nabor-6-1',
  });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    partner = await server.login('partner@som.example');
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) org[o.name] = o.id;
    const other = await otherAssociation(server);
    outsider = other.token;
    kofCall = (await api(`/workspaces/${other.workspaceId}/funding-calls`, outsider, { source: 'national', programme: 'Program KOF', opensOn: `${year}-01-01`, closesOn: `${year}-02-01` })).body.id;
  });
  afterAll(() => server?.close());

  it('records a call, matches projects to it within its rules, and keeps a call that projects use', async () => {
    const created = await api(`/workspaces/${ws}/funding-calls`, coordinator, zit());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...zit(), status: 'upcoming', projects: [] });
    const call = created.body.id as string;

    const project = (b: Record<string, unknown>) =>
      api(`/workspaces/${ws}/projects`, coordinator, {
        title: 'Węzeł przesiadkowy w Policach',
        leaderId: org['Gmina Police'],
        participants: [{ organisationId: org['Gmina Police'] }, { organisationId: org['Uniwersytet Szczeciński'] }],
        budget: [{ year, category: 'works', amount: '1000.00' }],
        callId: call,
        ...b,
      });
    const tooHigh = await project({ coFinancingRate: '90' });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.errors).toEqual([{ field: 'coFinancingRate', message: 'must not exceed the call’s largest rate, 85%', code: 'rate_outside_call' }]);
    const foreign = await project({ coFinancingRate: '80', callId: kofCall });
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'callId', code: 'call_not_found' })]);
    const matched = await project({ coFinancingRate: '85' });
    expect(matched.status).toBe(201);
    expect(matched.body.call).toEqual({ id: call, programme: zit().programme, measure: zit().measure, closesOn: `${year}-03-31` });
    expect(matched.body.years[0]).toMatchObject({ total: '1000.00', grant: '850.00', own: '150.00' });
    // A change of the rate alone is held to the call too.
    const raised = await api(`/projects/${matched.body.id}`, coordinator, { coFinancingRate: '85.01' }, 'PATCH');
    expect(raised.body.errors).toEqual([expect.objectContaining({ field: 'coFinancingRate', code: 'rate_outside_call' })]);

    // Every member reads the call with its projects; the partner sees those it takes part in.
    const asExpert = (await api(`/funding-calls/${call}`, expert)).body;
    expect(asExpert.projects).toEqual([{ id: matched.body.id, title: 'Węzeł przesiadkowy w Policach', stage: 'idea' }]);
    expect((await api(`/funding-calls/${call}`, partner)).body.projects).toHaveLength(1);
    const unmatchedForPartner = await api(`/projects/${matched.body.id}`, coordinator, { participants: [{ organisationId: org['Gmina Police'] }] }, 'PATCH');
    expect(unmatchedForPartner.status).toBe(200);
    expect((await api(`/funding-calls/${call}`, partner)).body.projects).toEqual([]);
    expect(((await api(`/workspaces/${ws}/funding-calls`, expert)).body as Array<{ id: string }>).map((c) => c.id)).toContain(call);

    const inUse = await api(`/funding-calls/${call}`, coordinator, undefined, 'DELETE');
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('call_in_use');
    expect((await api(`/projects/${matched.body.id}`, coordinator, { callId: null }, 'PATCH')).body.call).toBeNull();
    expect((await api(`/funding-calls/${call}`, coordinator, undefined, 'DELETE')).status).toBe(204);
    expect((await api(`/funding-calls/${call}`, coordinator)).status).toBe(404);
    const trail = await server.db.query(`SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY seq`, [call]);
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['funding_call.created', 'funding_call.deleted']);
  });

  it('answers bad input with 400 naming the field, and lets only coordinators of the workspace change calls', async () => {
    const bad = async (change: Record<string, unknown>, field: string) => {
      const response = await api(`/workspaces/${ws}/funding-calls`, coordinator, { ...zit(), ...change });
      expect(response.status).toBe(400);
      expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    };
    await bad({ closesOn: `${year}-01-14` }, 'closesOn');
    await bad({ opensOn: `${year}-02-30` }, 'opensOn');
    await bad({ allocation: '-1' }, 'allocation');
    await bad({ allocation: '1.001' }, 'allocation');
    await bad({ coFinancingRate: '101' }, 'coFinancingRate');
    await bad({ minOwnContribution: 15 }, 'minOwnContribution');
    await bad({ url: 'javascript:alert(1)' }, 'url');
    await bad({ source: 'lottery' }, 'source');
    await bad({ programme: '' }, 'programme');
    await bad({ programme: 'x'.repeat(301) }, 'programme');

    const call = (await api(`/workspaces/${ws}/funding-calls`, coordinator, zit())).body.id as string;
    const late = await api(`/funding-calls/${call}`, coordinator, { closesOn: `${year}-01-01` }, 'PATCH');
    expect(late.body.errors).toEqual([expect.objectContaining({ field: 'closesOn' })]);
    expect((await api(`/funding-calls/${call}`, coordinator, { allocation: '99.5', url: null }, 'PATCH')).body).toMatchObject({ allocation: '99.50', url: null });

    expect((await api(`/workspaces/${ws}/funding-calls`, expert, zit())).status).toBe(403);
    expect((await api(`/funding-calls/${call}`, expert, { programme: 'x' }, 'PATCH')).status).toBe(403);
    expect((await api(`/funding-calls/${call}`, partner, undefined, 'DELETE')).status).toBe(403);
    expect((await api(`/funding-calls/${call}`, outsider)).status).toBe(403);
    expect((await api(`/workspaces/${ws}/funding-calls`, outsider)).status).toBe(403);
    expect((await api(`/funding-calls/${kofCall}`, coordinator)).status).toBe(403);
    expect((await api('/funding-calls/00000000-0000-4000-8000-000000000000', coordinator)).status).toBe(404);
  });

  it('puts each call’s last day in the members’ calendar feeds as a whole day, with a link to the calls', async () => {
    const call = (await api(`/workspaces/${ws}/funding-calls`, coordinator, { ...zit(), measure: 'Działanie 6.2 Drogi rowerowe' })).body.id as string;
    const feedUrl = (await api('/me/calendar-feed', expert, {})).body.url as string;
    const text = await (await fetch(`${server.url}${new URL(feedUrl).pathname}`)).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `call-${call}-closes@commonplan.test`);
    expect(event?.getFirstPropertyValue('uid')).toBe(`call-${call}-closes@commonplan.test`);
    const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe(`${year}-03-31`);
    expect(event!.getFirstPropertyValue('summary')).toBe('Koniec naboru: Fundusze Europejskie dla Pomorza Zachodniego 2021–2027, Działanie 6.2 Drogi rowerowe');
    expect(event!.getFirstPropertyValue('url')).toBe(`http://commonplan.test/w/${ws}/projects/calls`);
    // Another association's member does not see it.
    const kofFeed = (await api('/me/calendar-feed', outsider, {})).body.url as string;
    expect(await (await fetch(`${server.url}${new URL(kofFeed).pathname}`)).text()).not.toContain(call);
  });
});
