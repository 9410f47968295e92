import JSZip from 'jszip';
import { DEFAULT_ELECTION_RULES } from '@commonplan/domain';
import { ElectionsService } from '../src/decisions/elections/elections.service';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { TestServer } from './support/test-server';

const MEMBERS = Object.values(REPRESENTATIVE_LOGINS).map((slug) => `przedstawiciel.${slug}@som.example`);
const FORGED = '00000000-0000-4000-8000-000000000000';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

async function textOf(format: 'pdf' | 'docx', body: Buffer): Promise<string> {
  if (format === 'pdf') return (await pdfParse(body)).text.replace(/\s+/g, ' ');
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/**
 * Elections of persons at a meeting: the general assembly of 15 members elects a board of six from eight candidates
 * in two rounds by secret ballot (choose up to the seats open, absolute majority of the valid ballots). Round 1
 * elects four; round 2, among the three with the most votes not elected, the other two. The election's resolution
 * is numbered and registered, the register verifies, and the board's composition becomes those elected.
 */
describe('elections: a board of six from eight candidates in two rounds by secret ballot', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let partner: string;
  let observer: string;
  /** Representatives' tokens by their member organisation. */
  const reps = new Map<string, string>();
  let assembly: { id: string; members: Array<{ id: string; name: string }> };
  let board: { id: string; chairId: string | null; members: Array<{ id: string }> };
  let meetingId: string;
  let election: Election;
  /** The candidates A…H (their ids), and the members of the assembly in the demo's order. */
  const candidate: Record<string, string> = {};
  let members: string[];

  type Round = { id: string; n: number; seatsOpen: number; candidates: string[]; state: string; castCount: number; voted: string[]; result: RoundResult | null };
  type RoundResult = {
    ballots: { cast: { count: number }; valid: { count: number }; invalid: { count: number }; blank: { count: number } };
    candidates: Array<{ candidateId: string; for: { count: number }; threshold: { minimum: number }; elected: boolean }>;
    elected: string[];
    next: { kind: string; candidates?: string[]; seats?: number; reason?: string };
  };
  type Election = {
    id: string;
    state: string;
    secret: boolean;
    rules: typeof DEFAULT_ELECTION_RULES;
    seats: number;
    resolution: { id: string; state: string; number: string | null; fullTitle: string | null };
    candidates: Array<{ id: string; organisationId: string; personName: string; consentAt: string | null; withdrawnAt: string | null; electedInRound: number | null; nominatedBy: string | null }>;
    rounds: Round[];
    elected: string[];
    compositionAppliedAt: string | null;
  };

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const rep = (organisationId: string) => reps.get(organisationId) as string;
  const letters = (ids: string[]) => ids.map((id) => Object.keys(candidate).find((letter) => candidate[letter] === id)).sort();

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    partner = await server.login('partner@som.example');
    observer = await server.login('obserwator@som.example');
    for (const email of MEMBERS) {
      const token = await server.login(email);
      reps.set((await api('/auth/me', token)).body.workspaces[0].organisationId, token);
    }
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body;
    assembly = bodies.find((b: { kind: string }) => b.kind === 'general_assembly');
    board = bodies.find((b: { kind: string }) => b.kind === 'board');
    members = assembly.members.map((m) => m.id);
    expect(members).toHaveLength(15);
    const meeting = await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'XXV Walne Zebranie Członków (wybory)', startsAt: new Date().toISOString(), agenda: [] });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
  });
  afterAll(() => server?.close());

  it('puts an election on the agenda with the rules of the rule book, and refuses rules that do not hold, naming the field', async () => {
    const badRules = await api(`/meetings/${meetingId}/elections`, coordinator, { title: 'w sprawie wyboru członków Zarządu', role: 'members', seats: 6, targetBodyId: board.id, rules: { ...DEFAULT_ELECTION_RULES, form: 'ranked', maxRounds: 0 } });
    expect({ status: badRules.status, fields: badRules.body.errors?.map((e: { field: string }) => e.field).sort() }).toEqual({ status: 400, fields: ['rules.form', 'rules.maxRounds'] });
    const chairOfTwo = await api(`/meetings/${meetingId}/elections`, coordinator, { title: 'w sprawie wyboru Przewodniczącego', role: 'chair', seats: 2 });
    expect({ status: chairOfTwo.status, fields: chairOfTwo.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['seats'] });
    const foreignBody = await api(`/meetings/${meetingId}/elections`, coordinator, { title: 'w sprawie wyboru', role: 'members', seats: 6, targetBodyId: FORGED });
    expect({ status: foreignBody.status, fields: foreignBody.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['targetBodyId'] });
    // A representative who does not chair the assembly does not put elections on its agenda; nor does a partner.
    for (const token of [rep(members[3]), partner]) expect((await api(`/meetings/${meetingId}/elections`, token, { title: 'w sprawie wyboru', role: 'members', seats: 6 })).status).toBe(403);
    expect((await api(`/meetings/${FORGED}/elections`, coordinator, { title: 'w sprawie wyboru', role: 'members', seats: 6 })).status).toBe(404);

    const created = await api(`/meetings/${meetingId}/elections`, coordinator, { title: 'w sprawie wyboru członków Zarządu', role: 'members', seats: 6, targetBodyId: board.id });
    expect(created.status).toBe(201);
    election = created.body;
    // The defaults with the majority of the assembly's rule book for elections (absolute of the valid votes), secret.
    expect(election).toMatchObject({ state: 'nominating', secret: true, seats: 6, rules: { ...DEFAULT_ELECTION_RULES, majority: { kind: 'absolute', of: 'valid' } }, resolution: { state: 'draft', number: null } });
    const meeting = (await api(`/meetings/${meetingId}`, rep(members[0]))).body;
    expect(meeting.agenda).toEqual([expect.objectContaining({ kind: 'election', title: 'w sprawie wyboru członków Zarządu', electionId: election.id, resolution: null })]);
    expect((await api(`/elections/${election.id}`, partner)).status).toBe(200);
  });

  it('takes nominations from members’ representatives and the chair, with each candidate’s consent recorded', async () => {
    // Candidates A…H stand for the first eight members, each nominated by the next member's representative; I (the
    // ninth member) gives no consent and J is withdrawn.
    for (const [index, letter] of [...'ABCDEFGHI'].entries()) {
      const response = await api(`/elections/${election.id}/candidates`, rep(members[index + 1]), { organisationId: members[index], personName: `Kandydat ${letter}` });
      expect({ letter, status: response.status }).toEqual({ letter, status: 201 });
      candidate[letter] = response.body.candidates.find((c: { personName: string }) => c.personName === `Kandydat ${letter}`).id;
    }
    delete candidate.I;
    const byChair = await api(`/elections/${election.id}/candidates`, coordinator, { organisationId: members[9], personName: 'Kandydat J' });
    expect(byChair.status).toBe(201);
    const j = byChair.body.candidates.find((c: { personName: string }) => c.personName === 'Kandydat J');
    expect(j.nominatedBy).toBeNull();
    // One candidacy per member; members only; not by a partner or an observer.
    expect((await api(`/elections/${election.id}/candidates`, rep(members[5]), { organisationId: members[0], personName: 'Ktoś inny' })).body.code).toBe('candidate_already_standing');
    const partnerOrg = (await api('/auth/me', partner)).body.workspaces[0].organisationId;
    const notMember = await api(`/elections/${election.id}/candidates`, coordinator, { organisationId: partnerOrg, personName: 'Partner' });
    expect({ status: notMember.status, fields: notMember.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['organisationId'] });
    for (const token of [partner, observer]) expect((await api(`/elections/${election.id}/candidates`, token, { organisationId: members[12], personName: 'X' })).status).toBe(403);

    // Consent: the candidate member's own representative, or the chair recording written consent; not another member.
    expect((await api(`/elections/${election.id}/candidates/${candidate.A}/consent`, rep(members[5]), {})).body.code).toBe('chair_only');
    for (const [index, letter] of [...'ABCDEFG'].entries()) expect((await api(`/elections/${election.id}/candidates/${candidate[letter]}/consent`, rep(members[index]), {})).status).toBe(200);
    const written = (await api(`/elections/${election.id}/candidates/${candidate.H}/consent`, coordinator, {})).body as Election;
    expect(written.candidates.find((c) => c.id === candidate.H)?.consentAt).toEqual(expect.any(String));
    const withdrawn = (await api(`/elections/${election.id}/candidates/${j.id}/withdraw`, rep(members[9]), {})).body as Election;
    expect(withdrawn.candidates.find((c) => c.id === j.id)?.withdrawnAt).toEqual(expect.any(String));
    expect((await api(`/elections/${election.id}/candidates/${j.id}/consent`, coordinator, {})).body.code).toBe('candidate_withdrawn');
    expect((await api(`/elections/${election.id}/candidates/${FORGED}/consent`, coordinator, {})).status).toBe(404);

    // Rounds are held in the open meeting.
    expect((await api(`/elections/${election.id}/rounds`, coordinator, {})).body.code).toBe('meeting_not_open');
  });

  it('round 1: elects four of eight by secret ballot, keeping no marks, counting a ballot with too many marks as invalid', async () => {
    expect((await api(`/meetings/${meetingId}/open`, coordinator, {})).status).toBe(200);
    // Everyone checks in but the last member.
    for (const id of members.slice(0, 14)) expect((await api(`/meetings/${meetingId}/check-in`, rep(id), {})).status).toBe(200);
    expect((await api(`/elections/${election.id}/rounds`, rep(members[3]), {})).body.code).toBe('chair_only');
    election = (await api(`/elections/${election.id}/rounds`, coordinator, {})).body;
    const round = election.rounds[0];
    expect(round).toMatchObject({ n: 1, seatsOpen: 6, state: 'open', castCount: 0 });
    expect(letters(round.candidates)).toEqual([...'ABCDEFGH']);
    expect(election).toMatchObject({ state: 'voting', resolution: { state: 'voting' } });
    // The meeting names the round open, so a representative's page puts its ballots first.
    expect((await api(`/meetings/${meetingId}`, rep(members[0]))).body.agenda[0]).toMatchObject({ electionId: election.id, openElectionRoundId: round.id });
    expect((await api(`/elections/${election.id}/candidates`, rep(members[12]), { organisationId: members[12], personName: 'Za późno' })).body.code).toBe('election_state');
    expect((await api(`/elections/${election.id}/rounds`, coordinator, {})).body.code).toBe('election_round_open');

    // 14 ballots: A–D 10, 10, 10, 9; E 6, F 5, G 3, H none; one blank; one marking seven of six seats (invalid).
    const ballots = ['ABCDEF', 'ABCDEF', 'ABCDEF', 'ABCDEG', 'ABCDEG', 'ABCDFG', 'ABCDF', 'ABCD', 'ABCD', 'E', '', 'A', 'BC', 'ABCDEFG'];
    for (const [index, marks] of ballots.entries()) {
      const response = await api(`/election-rounds/${round.id}/ballots`, rep(members[index]), { chosen: [...marks].map((letter) => candidate[letter]) });
      expect({ index, status: response.status }).toEqual({ index, status: 201 });
    }
    // Refused: a second ballot, a member not present, a ballot for another member without its proxy, a partner, an
    // observer, a forged round, a member that is not a member of the body, candidates that are not ids.
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[0]), { chosen: [] })).body.code).toBe('already_voted');
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[14]), { chosen: [candidate.A] })).body.code).toBe('ballot_refused');
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[0]), { chosen: [], forOrganisationId: members[14] })).body.code).toBe('ballot_refused');
    for (const token of [partner, observer]) expect((await api(`/election-rounds/${round.id}/ballots`, token, { chosen: [] })).status).toBe(403);
    expect((await api(`/election-rounds/${FORGED}/ballots`, rep(members[14]), { chosen: [] })).status).toBe(404);
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[14]), { chosen: [], forOrganisationId: FORGED })).body.code).toBe('not_voting_member');
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[14]), { chosen: ['A'] })).status).toBe(400);
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[14]), {})).status).toBe(400);

    // Stored: who voted, no marks; the totals all written by the last ballot's transaction.
    const stored = await server.db.query(`SELECT marks FROM election_ballots WHERE round_id = $1`, [round.id]);
    expect(stored).toHaveLength(14);
    expect(stored.every((row: { marks: unknown }) => row.marks === null)).toBe(true);
    const xmins = await server.db.query(`SELECT DISTINCT xmin::text AS xmin FROM election_tallies WHERE round_id = $1`, [round.id]);
    expect(xmins).toHaveLength(1);
    const audit = await server.db.query(`SELECT details FROM audit_entries WHERE action = 'election.ballot_cast' AND details->>'roundId' = $1`, [round.id]);
    expect(audit).toHaveLength(14);
    expect(audit.every((row: { details: Record<string, unknown> }) => !('ballot' in row.details) && !('chosen' in row.details))).toBe(true);
    // While open, everyone sees who voted, never the totals.
    const live = (await api(`/elections/${election.id}`, rep(members[14]))).body as Election;
    expect(live.rounds[0]).toMatchObject({ castCount: 14, result: null });

    expect((await api(`/election-rounds/${round.id}/close`, rep(members[3]), {})).body.code).toBe('chair_only');
    election = (await api(`/election-rounds/${round.id}/close`, coordinator, {})).body;
    const result = election.rounds[0].result as RoundResult;
    expect(result.ballots).toMatchObject({ cast: { count: 14 }, valid: { count: 13 }, invalid: { count: 1 }, blank: { count: 1 } });
    const votesFor = Object.fromEntries(result.candidates.map((c) => [letters([c.candidateId])[0], c.for.count]));
    expect(votesFor).toEqual({ A: 10, B: 10, C: 10, D: 9, E: 6, F: 5, G: 3, H: 0 });
    // More than half of 13 valid ballots: at least 7.
    expect(result.candidates[0].threshold.minimum).toBe(7);
    expect(letters(result.elected)).toEqual([...'ABCD']);
    // A further round for two seats among those with the most votes not elected, twice as many as seats (H had none).
    expect(result.next).toMatchObject({ kind: 'round', seats: 2 });
    expect(letters(result.next.candidates as string[])).toEqual([...'EFG']);
    expect(election.candidates.filter((c) => c.electedInRound === 1).map((c) => c.personName).sort()).toEqual(['Kandydat A', 'Kandydat B', 'Kandydat C', 'Kandydat D']);
    expect((await api(`/meetings/${meetingId}`, rep(members[0]))).body.agenda[0].openElectionRoundId).toBeNull();
    expect(election.state).toBe('voting');

    // A closed round is final: no ballot, no total changed, no ballot removed.
    expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[14]), { chosen: [] })).body.code).toBe('election_round_closed');
    expect((await api(`/election-rounds/${round.id}/close`, coordinator, {})).body.code).toBe('election_round_closed');
    await expect(server.db.query(`UPDATE election_tallies SET count = count + 1 WHERE round_id = $1`, [round.id])).rejects.toThrow(/final/);
    await expect(server.db.query(`DELETE FROM election_ballots WHERE round_id = $1`, [round.id])).rejects.toThrow(/append-only/);
    await expect(server.db.query(`UPDATE election_rounds SET result = '{}' WHERE id = $1`, [round.id])).rejects.toThrow(/final/);
  });

  it('round 2: elects the other two; the resolution is numbered and registered, the register verifies, the board becomes those elected', async () => {
    election = (await api(`/elections/${election.id}/rounds`, coordinator, {})).body;
    const round = election.rounds[1];
    expect(round).toMatchObject({ n: 2, seatsOpen: 2, state: 'open' });
    expect(letters(round.candidates)).toEqual([...'EFG']);
    // E 10, F 9, G 4 of 14 valid ballots (at least 8 elects).
    const ballots = ['EF', 'EF', 'EF', 'EF', 'EF', 'EF', 'EF', 'EF', 'EF', 'E', 'G', 'G', 'G', 'G'];
    for (const [index, marks] of ballots.entries()) expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[index]), { chosen: [...marks].map((letter) => candidate[letter]) })).status).toBe(201);
    election = (await api(`/election-rounds/${round.id}/close`, coordinator, {})).body;
    const result = election.rounds[1].result as RoundResult;
    expect(result.ballots).toMatchObject({ cast: { count: 14 }, valid: { count: 14 }, invalid: { count: 0 } });
    expect(letters(result.elected)).toEqual(['E', 'F']);
    expect(result.next).toEqual({ kind: 'done', reason: 'filled' });
    expect(letters(election.elected)).toEqual([...'ABCDEF']);
    expect(election.state).toBe('concluded');
    expect(election.resolution).toMatchObject({ state: 'adopted', number: expect.stringMatching(/^\d+\/\d{4}$/), fullTitle: expect.stringContaining('Walnego Zebrania Członków w sprawie wyboru członków Zarządu') });
    expect(election.compositionAppliedAt).toEqual(expect.any(String));
    expect((await api(`/elections/${election.id}/rounds`, coordinator, {})).body.code).toBe('election_state');

    // The register: the entry names those elected, and everything verifies (audit chain, votes, rounds, entries).
    const register = (await api(`/workspaces/${ws}/register`, coordinator)).body as Array<{ number: string; result: { reason: string; elected?: string[] }; verified: boolean }>;
    const entry = register.find((e) => e.number === election.resolution.number);
    expect(entry).toMatchObject({ verified: true, result: { reason: 'elected' } });
    expect(entry?.result.elected).toHaveLength(6);
    expect(entry?.result.elected?.[0]).toMatch(/^Kandydat [A-D] \(/);
    const verify = (await api(`/workspaces/${ws}/register/verify`, coordinator)).body;
    expect(verify).toMatchObject({ valid: true, problems: [] });
    const published = (await server.request(`/api/public/registers/ssom`)).body.entries.find((e: { number: string }) => e.number === election.resolution.number);
    expect(published).toMatchObject({ verified: true, result: { reason: 'elected' } });
    const details = await server.request(`/api/public/registers/ssom/entries/${published.position}`);
    expect(details.status).toBe(200);

    // The board is now the six members whose candidates were elected; its chair (not elected) is no longer named.
    const newBoard = (await api(`/bodies/${board.id}`, coordinator)).body;
    expect(newBoard.members.map((m: { id: string }) => m.id).sort()).toEqual(members.slice(0, 6).sort());
    expect(newBoard.chairId === null || members.slice(0, 6).includes(newBoard.chairId)).toBe(true);
    const applied = await server.db.query(`SELECT details FROM audit_entries WHERE action = 'election.composition_applied' AND details->>'electionId' = $1`, [election.id]);
    expect(applied).toHaveLength(1);
  });

  it('puts the election into the minutes, round by round, in Polish and English, as data, PDF and DOCX', async () => {
    expect((await api(`/meetings/${meetingId}/close`, coordinator, {})).status).toBe(200);
    const minutes = (await api(`/meetings/${meetingId}/minutes`, rep(members[14]))).body;
    expect(minutes.elections).toHaveLength(1);
    const [item] = minutes.elections;
    expect(item).toMatchObject({ electionId: election.id, position: 1, title: 'w sprawie wyboru członków Zarządu', adopted: { fullTitle: election.resolution.fullTitle } });
    expect(item.candidates).toHaveLength(10);
    expect(item.candidates.filter((c: { standing: boolean }) => c.standing)).toHaveLength(8);
    expect(item.rounds.map((r: { ballots: unknown; elected: string[] }) => ({ ballots: r.ballots, elected: letters(r.elected) }))).toEqual([
      { ballots: expect.objectContaining({ cast: 14, valid: 13, invalid: 1, blank: 1 }), elected: [...'ABCD'] },
      { ballots: expect.objectContaining({ cast: 14, valid: 14, invalid: 0, blank: 0 }), elected: ['E', 'F'] },
    ]);
    expect(item.rounds[0].candidates.find((c: { candidateId: string }) => c.candidateId === candidate.D)).toMatchObject({ for: 9, elected: true, threshold: 'co najmniej 7' });
    expect(minutes.adopted.map((a: { fullTitle: string }) => a.fullTitle)).toContain(election.resolution.fullTitle);

    const expected = {
      pl: ['Wybory', 'Tura 1 (mandatów do obsadzenia: 6)', 'Tura 2 (mandatów do obsadzenia: 2)', 'nieważnych: 1', 'bezwzględna większość ważnie oddanych głosów', 'zgłoszony przez przewodniczącego obrad', 'kandydatura wycofana', 'Kandydat A', election.resolution.fullTitle as string],
      en: ['Elections', 'Round 1 (seats to fill: 6)', 'Round 2 (seats to fill: 2)', 'invalid: 1', 'an absolute majority of the valid votes', 'nominated by the chair', 'candidacy withdrawn', 'Elected: Kandydat'],
    };
    for (const language of ['pl', 'en'] as const) {
      for (const format of ['pdf', 'docx'] as const) {
        const file = await fetch(`${server.url}/api/meetings/${meetingId}/minutes.${format}?lang=${language}`, { headers: { authorization: `Bearer ${coordinator}` } });
        expect(file.status).toBe(200);
        const text = await textOf(format, Buffer.from(await file.arrayBuffer()));
        for (const words of expected[language]) expect({ language, format, has: text.includes(words) ? words : text }).toEqual({ language, format, has: words });
      }
    }
  });

  it('reports a round whose stored result was tampered with', async () => {
    const [round] = await server.db.query(`SELECT id, result FROM election_rounds WHERE election_id = $1 AND n = 2`, [election.id]);
    const forged = { ...round.result, elected: [...round.result.elected].reverse() };
    await server.db.query(`ALTER TABLE election_rounds DISABLE TRIGGER election_rounds_final`);
    try {
      await server.db.query(`UPDATE election_rounds SET result = $2 WHERE id = $1`, [round.id, JSON.stringify(forged)]);
      const verify = (await api(`/workspaces/${ws}/register/verify`, coordinator)).body;
      expect(verify).toMatchObject({ valid: false, firstBroken: { kind: 'election', id: round.id, code: 'outcome_changed' } });
      const register = (await api(`/workspaces/${ws}/register`, coordinator)).body as Array<{ number: string; verified: boolean }>;
      expect(register.find((e) => e.number === election.resolution.number)?.verified).toBe(false);
      await server.db.query(`UPDATE election_rounds SET result = $2 WHERE id = $1`, [round.id, JSON.stringify(round.result)]);
    } finally {
      await server.db.query(`ALTER TABLE election_rounds ENABLE TRIGGER election_rounds_final`);
    }
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true });
  });

  it('decides a tie for the last seat by the draw by lot the chair records, when the rules say so', async () => {
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'XXVI Walne Zebranie Członków (losowanie)', startsAt: new Date().toISOString(), agenda: [] })).body;
    // The audit committee it elects takes office on a later day.
    const committee = (await api(`/workspaces/${ws}/bodies`, coordinator, { kind: 'other', name: 'Komisja Rewizyjna', nameGenitive: 'Komisji Rewizyjnej', memberIds: members.slice(10, 13) })).body;
    const created = await api(`/meetings/${meeting.id}/elections`, coordinator, {
      title: 'w sprawie wyboru Komisji Rewizyjnej',
      role: 'members',
      seats: 2,
      targetBodyId: committee.id,
      compositionFrom: '2099-01-01',
      rules: { ...DEFAULT_ELECTION_RULES, tie: 'lot' },
    });
    expect(created.status).toBe(201);
    let lotElection = created.body as Election & { rounds: Array<Round & { lot: { drawn: string[] } | null }> };
    const id: Record<string, string> = {};
    for (const [index, letter] of [...'XYZ'].entries()) {
      const nominated = (await api(`/elections/${lotElection.id}/candidates`, coordinator, { organisationId: members[index], personName: `Kandydat ${letter}` })).body as Election;
      id[letter] = nominated.candidates.find((c) => c.personName === `Kandydat ${letter}`)!.id;
      expect((await api(`/elections/${lotElection.id}/candidates/${id[letter]}/consent`, rep(members[index]), {})).status).toBe(200);
    }
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    for (const member of members.slice(0, 14)) expect((await api(`/meetings/${meeting.id}/check-in`, rep(member), {})).status).toBe(200);
    lotElection = (await api(`/elections/${lotElection.id}/rounds`, coordinator, {})).body;
    const round = lotElection.rounds[0];
    // X 10, Y 9, Z 9 of 14 valid ballots (at least 8 elects): X is elected, Y and Z tie for the last seat.
    const ballots = ['XY', 'XY', 'XY', 'XY', 'XY', 'XZ', 'XZ', 'XZ', 'XZ', 'XZ', 'YZ', 'YZ', 'YZ', 'YZ'];
    for (const [index, marks] of ballots.entries()) expect((await api(`/election-rounds/${round.id}/ballots`, rep(members[index]), { chosen: [...marks].map((letter) => id[letter]) })).status).toBe(201);
    // Nothing to draw while the round is open; the meeting does not close with a round open.
    expect((await api(`/election-rounds/${round.id}/lot`, coordinator, { drawn: [id.Z] })).body.code).toBe('election_state');
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).body.code).toBe('election_round_open');
    lotElection = (await api(`/election-rounds/${round.id}/close`, coordinator, {})).body;
    expect(lotElection.rounds[0].result?.next).toEqual({ kind: 'lot', among: [id.Y, id.Z], seats: 1 });
    expect(lotElection.state).toBe('voting');
    expect((await api(`/elections/${lotElection.id}/rounds`, coordinator, {})).body.code).toBe('election_state');
    // Nor with the draw still to be recorded: it is held in the room.
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).body.code).toBe('election_state');

    // Refused: not the chair; not as many as the seats; someone not tied; not ids; a forged round.
    expect((await api(`/election-rounds/${round.id}/lot`, rep(members[3]), { drawn: [id.Z] })).body.code).toBe('chair_only');
    for (const drawn of [[id.Y, id.Z], [id.X], []]) {
      const refused = await api(`/election-rounds/${round.id}/lot`, coordinator, { drawn });
      expect({ status: refused.status, fields: refused.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['drawn'] });
    }
    expect((await api(`/election-rounds/${round.id}/lot`, coordinator, { drawn: 'Z' })).status).toBe(400);
    expect((await api(`/election-rounds/${FORGED}/lot`, coordinator, { drawn: [id.Z] })).status).toBe(404);

    lotElection = (await api(`/election-rounds/${round.id}/lot`, coordinator, { drawn: [id.Z] })).body;
    expect(lotElection.rounds[0].lot).toMatchObject({ drawn: [id.Z] });
    expect(lotElection).toMatchObject({ state: 'concluded', elected: [id.X, id.Z], resolution: { state: 'adopted', number: expect.stringMatching(/^\d+\/\d{4}$/) } });
    expect((await api(`/election-rounds/${round.id}/lot`, coordinator, { drawn: [id.Y] })).body.code).toBe('election_state');
    await expect(server.db.query(`UPDATE election_lots SET drawn = $2 WHERE round_id = $1`, [round.id, JSON.stringify([id.Y])])).rejects.toThrow(/final/);
    const sealed = await server.db.query(`SELECT details FROM audit_entries WHERE action = 'election.lot_drawn' AND details->>'roundId' = $1`, [round.id]);
    expect(sealed.map((row: { details: unknown }) => row.details)).toEqual([expect.objectContaining({ among: [id.Y, id.Z], drawn: [id.Z] })]);
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true, problems: [] });
    // The committee keeps its members until the day; the body says who comes then, and the sweep of that day applies it.
    const before = (await api(`/bodies/${committee.id}`, observer)).body;
    expect(before.members.map((m: { id: string }) => m.id).sort()).toEqual(members.slice(10, 13).sort());
    expect(before.upcoming).toEqual([{ electionId: lotElection.id, resolutionNumber: lotElection.resolution.number, from: '2099-01-01', role: 'members', elected: [expect.objectContaining({ id: members[0] }), expect.objectContaining({ id: members[2] })] }]);
    await server.server.app.get(ElectionsService).sweep(new Date('2099-01-01T12:00:00Z'));
    const after = (await api(`/bodies/${committee.id}`, observer)).body;
    expect({ members: after.members.map((m: { id: string }) => m.id).sort(), upcoming: after.upcoming }).toEqual({ members: [members[0], members[2]].sort(), upcoming: [] });

    // The minutes say who the lot gave the seat to, in both languages.
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).status).toBe(200);
    const minutes = (await api(`/meetings/${meeting.id}/minutes`, coordinator)).body;
    const [first] = minutes.elections[0].rounds;
    expect(first.lot).toBe(`Losowanie przeprowadzone na posiedzeniu przyznało mandaty: Kandydat Z (${assembly.members[2].name}).`);
    expect(first.candidates.find((c: { candidateId: string }) => c.candidateId === id.Z)).toMatchObject({ elected: true, resultText: 'wybrany w drodze losowania (tura 1)' });
    const english = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.docx?lang=en`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(await textOf('docx', Buffer.from(await english.arrayBuffer()))).toContain('The draw by lot held at the meeting gave the seats to: Kandydat Z');

    // A draw changed behind the application's back is found by the register's check.
    await server.db.query(`ALTER TABLE election_lots DISABLE TRIGGER election_lots_final`);
    try {
      await server.db.query(`UPDATE election_lots SET drawn = $2 WHERE round_id = $1`, [round.id, JSON.stringify([id.Y])]);
      expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: false, firstBroken: { kind: 'election', id: round.id, code: 'outcome_changed' } });
    } finally {
      await server.db.query(`UPDATE election_lots SET drawn = $2 WHERE round_id = $1`, [round.id, JSON.stringify([id.Z])]);
      await server.db.query(`ALTER TABLE election_lots ENABLE TRIGGER election_lots_final`);
    }
  });
});
