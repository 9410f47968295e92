import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { TestServer } from './support/test-server';

const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));

/**
 * What was voted cannot change unseen: a secret ballot's choices cannot be paired with members by anything stored, a
 * closed vote's record refuses changes, and verification recomputes and compares every figure that is shown, naming
 * the one someone changed behind the application's back.
 */
describe('decisions: secret ballots stay secret, closed votes stay as voted, verification covers every figure', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  const tokens: Record<string, string> = {};
  let assemblyId: string;
  let secretVoteId: string;
  let namedVoteId: string;
  let adoptedNumber: string;
  let meetingId: string;

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const verify = async () => (await api(`/workspaces/${ws}/register/verify`, coordinator)).body;
  /** Changes rows as someone with the database's keys would: the tables' own triggers switched off for it. */
  const behindTheBack = (table: string, sql: string, params: unknown[] = []) =>
    server.db.transaction(async (m) => {
      await m.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await m.query(sql, params);
      await m.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    });

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    for (const member of MEMBERS) tokens[member.name] = await server.login(member.email);
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string }>;
    assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    const election = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'election', title: 'w sprawie wyboru Skarbnika' })).body;
    const ordinary = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie budżetu na 2027 rok' })).body;
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'XXIII Walne Zebranie', startsAt: new Date().toISOString(), agenda: [election.id, ordinary.id] })).body;
    meetingId = meeting.id;
    await api(`/meetings/${meetingId}/open`, coordinator, {});
    for (const member of MEMBERS.slice(0, 12)) await api(`/meetings/${meetingId}/check-in`, tokens[member.name], {});

    const secret = (await api(`/resolutions/${election.id}/votes`, coordinator, { meetingId })).body;
    expect(secret.ballot).toBe('secret');
    secretVoteId = secret.id;
    const choices = ['for', 'for', 'against', 'for', 'abstain', 'for', 'against', 'for', 'for', 'abstain', 'for', 'against'];
    for (const [i, member] of MEMBERS.slice(0, 12).entries()) expect((await api(`/votes/${secretVoteId}/ballots`, tokens[member.name], { choice: choices[i] })).status).toBe(201);
    expect((await api(`/votes/${secretVoteId}/close`, coordinator, {})).body.outcome.tally).toMatchObject({ for: { count: 7 }, against: { count: 3 }, abstain: { count: 2 } });

    const named = (await api(`/resolutions/${ordinary.id}/votes`, coordinator, { meetingId })).body;
    namedVoteId = named.id;
    for (const [i, member] of MEMBERS.slice(0, 12).entries()) await api(`/votes/${namedVoteId}/ballots`, tokens[member.name], { choice: i < 8 ? 'for' : 'against' });
    await api(`/votes/${namedVoteId}/close`, coordinator, {});
    adoptedNumber = (await api(`/resolutions/${ordinary.id}`, coordinator)).body.number;
    expect(adoptedNumber).toMatch(/^\d+\/\d{4}$/);
    expect(await verify()).toMatchObject({ valid: true, problems: [] });
  });
  afterAll(() => server?.close());

  it('keeps no per-ballot choice: no transaction id, order or row pairs a member with a choice of a secret ballot', async () => {
    // No table but vote_ballots (whose choice stays empty on a secret ballot) holds a row per ballot with a choice.
    expect(await server.db.query(`SELECT count(*)::int AS n FROM vote_secret_choices WHERE vote_id = $1`, [secretVoteId])).toEqual([{ n: 0 }]);
    expect(await server.db.query(`SELECT count(*)::int AS n FROM vote_ballots WHERE vote_id = $1 AND choice IS NOT NULL`, [secretVoteId])).toEqual([{ n: 0 }]);
    const tables: Array<{ table_name: string }> = await server.db.query(
      // (Elections' rounds keep their own totals, checked in elections.e2e-spec.ts.)
      `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'choice' AND table_name <> 'vote_ballots'
         AND table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'vote_id')`,
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const { table_name: table } of tables) {
      // Join every ballot with the rows of that table written in the same transaction: whatever is found must not
      // single out one choice for a ballot.
      const linked = await server.db.query(
        `SELECT b.organisation_id, array_agg(DISTINCT t.choice) AS choices
         FROM vote_ballots b JOIN ${table} t ON t.xmin = b.xmin AND t.vote_id = b.vote_id
         WHERE b.vote_id = $1 GROUP BY b.organisation_id`,
        [secretVoteId],
      );
      for (const row of linked) expect([...row.choices].sort()).toEqual(['abstain', 'against', 'for']);
      // Nor the order rows are stored in: the totals are three rows, whatever the number of ballots.
      expect(Number((await server.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE vote_id = $1`, [secretVoteId]))[0].n)).toBeLessThanOrEqual(3);
    }
    // The totals are all there is, and they are right.
    const totals = await server.db.query(`SELECT choice, count FROM vote_secret_tallies WHERE vote_id = $1 ORDER BY choice`, [secretVoteId]);
    expect(totals).toEqual([{ choice: 'abstain', count: 2 }, { choice: 'against', count: 3 }, { choice: 'for', count: 7 }]);
  });

  it('refuses any change to a closed vote, its ballots and its totals', async () => {
    const refused = async (sql: string, params: unknown[] = []) => {
      await expect(server.db.query(sql, params)).rejects.toThrow(/final|append-only|never|only grow/);
    };
    await refused(`UPDATE votes SET outcome = jsonb_set(outcome, '{tally,against,count}', '99') WHERE id = $1`, [secretVoteId]);
    await refused(`UPDATE votes SET present = '{"present": [], "proxies": []}' WHERE id = $1`, [namedVoteId]);
    await refused(`DELETE FROM votes WHERE id = $1`, [namedVoteId]);
    await refused(`UPDATE vote_secret_tallies SET count = count + 1 WHERE vote_id = $1`, [secretVoteId]);
    await refused(`DELETE FROM vote_secret_tallies WHERE vote_id = $1`, [secretVoteId]);
    const member = (await server.db.query(`SELECT organisation_id FROM decision_body_members WHERE body_id = $1 EXCEPT SELECT organisation_id FROM vote_ballots WHERE vote_id = $2 LIMIT 1`, [assemblyId, namedVoteId]))[0].organisation_id;
    await refused(`INSERT INTO vote_ballots (vote_id, organisation_id, choice) VALUES ($1, $2, 'for')`, [namedVoteId, member]);
    await refused(`UPDATE decision_register SET result = jsonb_set(result, '{against}', '99') WHERE number = $1`, [adoptedNumber]);
    expect(await verify()).toMatchObject({ valid: true });
  });

  describe('names every figure changed behind the application’s back', () => {
    const cases: Array<{ what: string; table: string; change: () => string; params: () => unknown[]; undo: () => string; kind: string; id: () => string; code: string; reason: RegExp }> = [
      {
        what: 'a vote’s stored outcome (against → 99)',
        table: 'votes',
        change: () => `UPDATE votes SET outcome = jsonb_set(outcome, '{tally,against,count}', '99') WHERE id = $1`,
        params: () => [namedVoteId],
        undo: () => `UPDATE votes SET outcome = jsonb_set(outcome, '{tally,against,count}', '4') WHERE id = $1`,
        kind: 'vote',
        id: () => namedVoteId,
        code: 'outcome_changed',
        reason: /stored outcome/,
      },
      {
        what: 'the attendance at a vote’s close',
        table: 'votes',
        change: () => `UPDATE votes SET present = jsonb_set(present, '{present}', (present->'present') - 0) WHERE id = $1`,
        params: () => [namedVoteId],
        undo: () => `UPDATE votes SET present = $2 WHERE id = $1`,
        kind: 'vote',
        id: () => namedVoteId,
        code: 'attendance_changed',
        reason: /attendance at the close/,
      },
      {
        what: 'the rules a vote was decided under',
        table: 'votes',
        change: () => `UPDATE votes SET rules = jsonb_set(rules, '{majority}', '{"kind": "qualified", "of": "statutory", "fraction": {"numerator": 2, "denominator": 3}}') WHERE id = $1`,
        params: () => [namedVoteId],
        undo: () => `UPDATE votes SET rules = $2 WHERE id = $1`,
        kind: 'vote',
        id: () => namedVoteId,
        code: 'rules_changed',
        reason: /rules/,
      },
      {
        what: 'a secret ballot’s totals',
        table: 'vote_secret_tallies',
        change: () => `UPDATE vote_secret_tallies SET count = count + 5 WHERE vote_id = $1 AND choice = 'against'`,
        params: () => [secretVoteId],
        undo: () => `UPDATE vote_secret_tallies SET count = count - 5 WHERE vote_id = $1 AND choice = 'against'`,
        kind: 'vote',
        id: () => secretVoteId,
        code: 'ballots_changed',
        reason: /ballots were changed/,
      },
      {
        what: 'a register entry’s figures (against → 99)',
        table: 'decision_register',
        change: () => `UPDATE decision_register SET result = jsonb_set(result, '{against}', '99') WHERE number = $1`,
        params: () => [adoptedNumber],
        undo: () => `UPDATE decision_register SET result = jsonb_set(result, '{against}', '4') WHERE number = $1`,
        kind: 'register_entry',
        id: () => adoptedNumber,
        code: 'entry_result_differs',
        reason: /against 99/,
      },
    ];

    for (const c of cases) {
      it(c.what, async () => {
        const [original] = await server.db.query(`SELECT present, rules FROM votes WHERE id = $1`, [namedVoteId]);
        await behindTheBack(c.table, c.change(), c.params());
        try {
          const report = await verify();
          expect(report.valid).toBe(false);
          expect(report.problems).toContainEqual({ kind: c.kind, id: c.id(), code: c.code, reason: expect.stringMatching(c.reason) });
          // What is shown says so: the vote in the API and the minutes, the entry in the public register.
          if (c.kind === 'vote') {
            const votes = (await api(`/meetings/${meetingId}`, coordinator)).body.agenda.flatMap((item: { votes: Array<{ id: string; verification: unknown }> }) => item.votes);
            expect(votes.find((v: { id: string }) => v.id === c.id()).verification).toMatchObject({ verified: false, code: c.code, reason: expect.stringMatching(c.reason) });
            const minutes = (await api(`/meetings/${meetingId}/minutes`, coordinator)).body;
            const vote = minutes.agenda.flatMap((item: { votes: Array<{ id: string; unverified: string | null }> }) => item.votes).find((v: { id: string }) => v.id === c.id());
            expect(vote.unverified).toMatch(/nie przechodzi weryfikacji/);
          }
          const published = (await server.request(`/api/public/registers/ssom`)).body.entries as Array<{ number: string; verified: boolean }>;
          expect(published.find((e) => e.number === adoptedNumber)!.verified).toBe(c.id() === secretVoteId);
        } finally {
          const undo = c.undo();
          await behindTheBack(c.table, undo, undo.includes('$2') ? [namedVoteId, undo.includes('present') ? original.present : original.rules] : c.params());
        }
        expect(await verify()).toMatchObject({ valid: true, problems: [] });
      });
    }
  });
});
