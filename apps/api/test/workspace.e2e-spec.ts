import { TestServer } from './support/test-server';

describe('the demo workspace, its organisations and documents', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
  });
  afterAll(() => server?.close());

  it('seeds SSOM: 15 voting members, 12 partners, one account per role and a representative per member', async () => {
    const workspace = await server.request(`/api/workspaces/${ws}`, { token: coordinator });
    expect(workspace.status).toBe(200);
    expect(workspace.body).toMatchObject({ shortName: 'SSOM', you: { role: 'coordinator' } });
    expect(workspace.body.summary).toEqual({ members: 15, partners: 12, people: 19, documents: 4 });

    const members = await server.request(`/api/workspaces/${ws}/organisations?kind=member`, { token: coordinator });
    expect(members.body).toHaveLength(15);
    expect(members.body.every((m: { voteWeight: number }) => m.voteWeight === 1)).toBe(true);
    const szczecin = members.body.find((m: { name: string }) => m.name === 'Gmina Miasto Szczecin');
    expect(szczecin).toMatchObject({ type: 'gmina_miejska', population: 390300, populationYear: 2023 });
    const partners = await server.request(`/api/workspaces/${ws}/organisations?kind=partner`, { token: coordinator });
    expect(partners.body).toHaveLength(12);
    expect(partners.body.every((p: { voteWeight: number | null }) => p.voteWeight === null)).toBe(true);

    for (const [email, role] of [
      ['ekspert@som.example', 'expert'],
      ['partner@som.example', 'partner'],
      ['obserwator@som.example', 'observer'],
      ['przedstawiciel.szczecin@som.example', 'representative'],
      ['przedstawiciel.stepnica@som.example', 'representative'],
    ]) {
      const me = await server.request('/api/auth/me', { token: await server.login(email) });
      expect(me.body.workspaces[0].role).toBe(role);
    }
    const documents = await server.request(`/api/workspaces/${ws}/documents`, { token: await server.login('obserwator@som.example') });
    expect(documents.body.map((d: { title: string }) => d.title)).toContain('Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego 2020');
    const strategy = documents.body.find((d: { kind: string }) => d.kind === 'strategy');
    expect(strategy).toMatchObject({ status: 'drafting', access: 'read' });
    const text = await server.request(`/api/documents/${strategy.id}/text`, { token: coordinator });
    expect(text.body.text.split('\n').slice(0, 3)).toEqual([
      'Strategia Rozwoju Szczecińskiego Obszaru Metropolitalnego',
      'Projekt roboczy przygotowany przez Biuro Stowarzyszenia do wspólnej pracy członków, ekspertów i partnerów.',
      '1. Wnioski z diagnozy',
    ]);
  });

  it('does not seed again when the database already holds a workspace', async () => {
    const { seedDemoIfEmpty } = await import('../src/demo/demo-seeder');
    const { PasswordHasher } = await import('../src/platform/security/password-hasher');
    const { AuditService } = await import('../src/audit/audit.service');
    const seeded = await seedDemoIfEmpty(server.db, server.server.app.get(PasswordHasher), server.server.app.get(AuditService));
    expect(seeded).toBe(false);
    const [{ count }] = await server.db.query(`SELECT count(*)::int AS count FROM workspaces`);
    expect(count).toBe(1);
  });

  it('creates and edits organisations, with clear errors for bad input', async () => {
    const created = await server.request(`/api/workspaces/${ws}/organisations`, {
      token: coordinator,
      body: { kind: 'member', type: 'gmina_wiejska', name: 'Gmina Przykładowa', population: 8000, populationYear: 2024 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ voteWeight: 1, kind: 'member' });

    const weighted = await server.request(`/api/workspaces/${ws}/organisations/${created.body.id}`, {
      method: 'PATCH',
      token: coordinator,
      body: { voteWeight: 2.5, population: 8100 },
    });
    expect(weighted.status).toBe(200);
    expect(weighted.body).toMatchObject({ voteWeight: 2.5, population: 8100 });

    const cases: [unknown, number, string][] = [
      [{ kind: 'member', type: 'university', name: 'X' }, 422, 'type'],
      [{ kind: 'partner', type: 'university', name: 'X', voteWeight: 1 }, 422, 'voteWeight'],
      [{ kind: 'club', type: 'other', name: 'X' }, 400, 'kind'],
      [{ kind: 'partner', type: 'other', name: '' }, 400, 'name'],
      [{ kind: 'member', type: 'powiat', name: 'X', population: -1 }, 400, 'population'],
      [{ kind: 'member', type: 'powiat', name: 'X', population: 'many' }, 400, 'population'],
      [{ kind: 'partner', type: 'other', name: 'X', extra: true }, 400, 'extra'],
    ];
    for (const [body, status, field] of cases) {
      const response = await server.request(`/api/workspaces/${ws}/organisations`, { token: coordinator, body });
      expect({ body, status: response.status }).toEqual({ body, status });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const duplicate = await server.request(`/api/workspaces/${ws}/organisations`, {
      token: coordinator,
      body: { kind: 'member', type: 'gmina_wiejska', name: 'Gmina Przykładowa' },
    });
    expect(duplicate.status).toBe(409);
    const toPartnerType = await server.request(`/api/workspaces/${ws}/organisations/${created.body.id}`, {
      method: 'PATCH',
      token: coordinator,
      body: { type: 'consultancy' },
    });
    expect(toPartnerType.status).toBe(422);
    const expert = await server.login('ekspert@som.example');
    expect((await server.request(`/api/workspaces/${ws}/organisations`, { token: expert, body: { kind: 'partner', type: 'other', name: 'Y' } })).status).toBe(403);
  });
});
