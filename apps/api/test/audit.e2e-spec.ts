import { TestServer } from './support/test-server';

describe('the tamper-evident audit trail', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;

  const verify = async () => (await server.request(`/api/workspaces/${ws}/audit/verify`, { token: coordinator })).body;
  /** What someone with direct database access would do: switch off the append-only triggers first. */
  const tamper = async (sql: string, params: unknown[] = []) => {
    await server.db.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_entries DISABLE TRIGGER USER`);
      await m.query(sql, params);
      await m.query(`ALTER TABLE audit_entries ENABLE TRIGGER USER`);
    });
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
  });
  afterAll(() => server?.close());

  it('keeps one gap-free chain under concurrent changes', async () => {
    const creates = Array.from({ length: 20 }, (_, i) =>
      server.request(`/api/workspaces/${ws}/organisations`, {
        token: coordinator,
        body: { kind: 'partner', type: 'other', name: `Partner równoległy ${i}` },
      }),
    );
    const statuses = (await Promise.all(creates)).map((r) => r.status);
    expect(statuses).toEqual(Array(20).fill(201));
    const rows = await server.db.query(`SELECT seq FROM audit_entries WHERE workspace_id = $1 ORDER BY seq`, [ws]);
    expect(rows.map((r: { seq: string }) => Number(r.seq))).toEqual(rows.map((_: unknown, i: number) => i + 1));
    expect(await verify()).toMatchObject({ valid: true, checkedEntries: 21, headSeq: 21, firstBroken: null });
  });

  it('lists entries newest first with the actor, and pages back', async () => {
    const first = await server.request(`/api/workspaces/${ws}/audit?limit=5`, { token: coordinator });
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e: { seq: number }) => e.seq)).toEqual([21, 20, 19, 18, 17]);
    expect(first.body.entries[0]).toMatchObject({ action: 'organisation.created', actor: { displayName: 'Koordynator Biura SSOM' } });
    const older = await server.request(`/api/workspaces/${ws}/audit?limit=5&before=17`, { token: coordinator });
    expect(older.body.entries[0].seq).toBe(16);
    const bad = await server.request(`/api/workspaces/${ws}/audit?limit=5000`, { token: coordinator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('limit');
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(server.db.query(`UPDATE audit_entries SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(server.db.query(`DELETE FROM audit_entries WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(server.db.query(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry and names it', async () => {
    await tamper(`UPDATE audit_entries SET details = '{"name": "Ktoś inny"}' WHERE workspace_id = $1 AND seq = 7`, [ws]);
    const report = await verify();
    expect(report.valid).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: 7, reason: expect.stringMatching(/changed/) });
  });

  it('detects a deleted entry in the middle, and deleted entries at the end', async () => {
    const fresh = await TestServer.start();
    try {
      const freshWs = await fresh.demoWorkspaceId();
      const token = await fresh.login('koordynator@som.example');
      for (let i = 0; i < 4; i++) {
        await fresh.request(`/api/workspaces/${freshWs}/organisations`, { token, body: { kind: 'partner', type: 'other', name: `P${i}` } });
      }
      const check = async () => (await fresh.request(`/api/workspaces/${freshWs}/audit/verify`, { token })).body;
      expect((await check()).valid).toBe(true);
      const cut = async (sql: string) =>
        fresh.db.transaction(async (m) => {
          await m.query(`ALTER TABLE audit_entries DISABLE TRIGGER USER`);
          await m.query(sql, [freshWs]);
          await m.query(`ALTER TABLE audit_entries ENABLE TRIGGER USER`);
        });
      await cut(`DELETE FROM audit_entries WHERE workspace_id = $1 AND seq = 5`);
      expect(await check()).toMatchObject({ valid: false, firstBroken: { seq: 5, reason: expect.stringMatching(/5 to 5 are missing/) } });
      await cut(`DELETE FROM audit_entries WHERE workspace_id = $1 AND seq = 3`);
      expect(await check()).toMatchObject({ valid: false, firstBroken: { seq: 3, reason: expect.stringMatching(/entry 3 is missing/) } });
    } finally {
      await fresh.close();
    }
  });
});
