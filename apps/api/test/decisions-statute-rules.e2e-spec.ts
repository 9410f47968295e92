import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { TestServer } from './support/test-server';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const MEMBERS = Object.values(REPRESENTATIVE_LOGINS).map((slug) => `przedstawiciel.${slug}@som.example`);
const HOUR = 60 * 60 * 1000;

/**
 * Statute rules associations use, as the demo's rule books set them (DEMO_RULES): the assembly decides in a second
 * term without regard to the number present (statute changes excepted) and votes remotely on ordinary resolutions;
 * the board's chair decides a tie. Each rule is frozen with the vote, stated in the minutes, and verifies.
 */
describe('decisions: second term, the chair’s casting vote and remote voting under the rule book', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  const tokens = new Map<string, string>();
  let assembly: { id: string; members: Array<{ id: string; name: string }> };
  let board: { id: string; chairId: string | null; members: Array<{ id: string; name: string }>; rules: unknown };

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const tokenOf = async (organisationId: string) => {
    for (const [email, token] of tokens) if ((await api('/auth/me', token)).body.workspaces[0].organisationId === organisationId) return { email, token };
    throw new Error(`no representative of ${organisationId}`);
  };
  const draft = async (bodyId: string, title: string, kind = 'ordinary') => {
    const response = await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId, kind, title });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    for (const email of MEMBERS) tokens.set(email, await server.login(email));
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body;
    assembly = bodies.find((b: { kind: string }) => b.kind === 'general_assembly');
    board = bodies.find((b: { kind: string }) => b.kind === 'board');
  });
  afterAll(() => server?.close());

  it('opens a meeting in its second term only once that term has come, and decides there without the quorum, except a statute change', async () => {
    const ordinary = await draft(assembly.id, 'w sprawie harmonogramu prac');
    const statute = await draft(assembly.id, 'w sprawie zmiany statutu', 'statute_change');
    const refused = await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'Walne', startsAt: new Date().toISOString(), secondTermAt: new Date(Date.now() - HOUR).toISOString(), agenda: [] });
    expect({ status: refused.status, fields: refused.body.errors.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['secondTermAt'] });
    const later = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'Walne później', startsAt: new Date().toISOString(), secondTermAt: new Date(Date.now() + HOUR).toISOString(), agenda: [] })).body;
    expect((await api(`/meetings/${later.id}/open`, coordinator, { term: 'second' })).status).toBe(409);
    expect((await api(`/meetings/${later.id}/open`, coordinator, { term: 'third' })).status).toBe(400);

    const startsAt = new Date(Date.now() - HOUR);
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assembly.id, title: 'XXII Walne Zebranie Członków', startsAt: startsAt.toISOString(), secondTermAt: new Date(startsAt.getTime() + 30 * 60 * 1000).toISOString(), agenda: [ordinary, statute] })).body;
    expect(meeting).toMatchObject({ term: null, secondTermAt: expect.any(String) });
    const opened = (await api(`/meetings/${meeting.id}/open`, coordinator, { term: 'second' })).body;
    expect(opened).toMatchObject({ state: 'open', term: 'second', quorum: { reached: true, minimum: 0 } });
    const few = [...tokens.values()].slice(0, 3);
    for (const token of few) expect((await api(`/meetings/${meeting.id}/check-in`, token, {})).status).toBe(200);

    for (const [resolutionId, expected] of [[ordinary, 'adopted'], [statute, 'no_quorum']] as const) {
      const vote = (await api(`/resolutions/${resolutionId}/votes`, coordinator, { meetingId: meeting.id })).body;
      expect(vote.rules.sitting).toBe('second_term');
      for (const token of few) expect((await api(`/votes/${vote.id}/ballots`, token, { choice: 'for' })).status).toBe(201);
      const closed = (await api(`/votes/${vote.id}/close`, coordinator, {})).body;
      expect({ resolutionId, reason: closed.outcome.reason }).toEqual({ resolutionId, reason: expected });
    }
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).status).toBe(200);
    const file = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { authorization: `Bearer ${coordinator}` } });
    const minutes = (await pdfParse(Buffer.from(await file.arrayBuffer()))).text.replace(/\s+/g, ' ');
    expect(minutes).toContain('Otwarte w terminie');
    expect(minutes).toContain('kworum nie jest wymagane');
    expect(minutes).toContain('Głosowanie na posiedzeniu w drugim terminie');
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true });
  });

  it('decides a tie of the board by its chair’s vote, names it in the minutes, and needs a chair named', async () => {
    // The demo names the board's chair among its members.
    expect(board.members.map((m) => m.id)).toContain(board.chairId);
    const chairMember = board.members.find((m) => m.id === board.chairId)!;
    const chair = await tokenOf(chairMember.id);
    const others = await Promise.all(board.members.filter((m) => m !== chairMember).map((m) => tokenOf(m.id)));
    const resolution = await draft(board.id, 'w sprawie zakupu sprzętu');
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: board.id, title: 'Posiedzenie Zarządu', startsAt: new Date().toISOString(), agenda: [resolution] })).body;
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    for (const { token } of [chair, ...others]) expect((await api(`/meetings/${meeting.id}/check-in`, token, {})).status).toBe(200);

    // Without a chair the vote cannot open; a chair who is not a member is refused.
    const outsider = assembly.members.find((m) => !board.members.some((b) => b.id === m.id))!;
    const wrong = await api(`/bodies/${board.id}`, coordinator, { chairId: outsider.id }, 'PATCH');
    expect({ status: wrong.status, fields: wrong.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['chairId'] });
    expect((await api(`/bodies/${board.id}`, coordinator, { chairId: null }, 'PATCH')).body.chairId).toBeNull();
    const noChair = await api(`/resolutions/${resolution}/votes`, coordinator, { meetingId: meeting.id });
    expect({ status: noChair.status, message: noChair.body.message }).toEqual({ status: 409, message: expect.stringContaining('casting vote') });
    expect((await api(`/bodies/${board.id}`, coordinator, { chairId: board.chairId }, 'PATCH')).body.chairId).toBe(board.chairId);

    const vote = (await api(`/resolutions/${resolution}/votes`, coordinator, { meetingId: meeting.id })).body;
    expect(vote.rules).toMatchObject({ castingVote: true, chairId: board.chairId });
    const choices = ['for', 'for', 'for', 'against', 'against', 'against'];
    for (const [index, { token }] of [chair, ...others].entries()) expect((await api(`/votes/${vote.id}/ballots`, token, { choice: choices[index] })).status).toBe(201);
    const closed = (await api(`/votes/${vote.id}/close`, coordinator, {})).body;
    expect(closed.outcome).toMatchObject({ adopted: true, reason: 'adopted', castingVote: { memberId: board.chairId, choice: 'for' }, tally: { for: { count: 3 }, against: { count: 3 } } });
    const minutes = (await api(`/meetings/${meeting.id}/minutes`, coordinator)).body;
    expect(minutes.agenda[0].votes[0].castingVote).toBe(`Przy równej liczbie głosów rozstrzygnął głos przewodniczącego (${chairMember.name}: za).`);
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true });
  });

  it('votes remotely only where the rule book allows it, under its own quorum and with the statute’s basis on the vote', async () => {
    const closesAt = new Date(Date.now() + HOUR).toISOString();
    const election = await draft(assembly.id, 'w sprawie wyboru Przewodniczącego', 'election');
    const refused = await api(`/resolutions/${election}/votes`, coordinator, { closesAt });
    expect({ status: refused.status, message: refused.body.message }).toEqual({ status: 409, message: 'the rule book does not allow remote voting for this kind of resolution' });
    const onBoard = await draft(board.id, 'w sprawie obiegowej');
    expect((await api(`/resolutions/${onBoard}/votes`, coordinator, { closesAt })).status).toBe(409);

    const ordinary = await draft(assembly.id, 'w sprawie terminu zebrania');
    const vote = (await api(`/resolutions/${ordinary}/votes`, coordinator, { closesAt })).body;
    expect(vote.rules).toMatchObject({ sitting: 'remote', quorum: { among: 'voting' }, proxiesAllowed: false, remote: { basis: 'Statut, § 18 ust. 4 (przykład)' } });
    // The rule book changing afterwards does not change the vote: it keeps the rules it opened with.
    const assemblyRules = (await api(`/bodies/${assembly.id}`, coordinator)).body.rules;
    const withoutRemote = { ...assemblyRules, general: { ...assemblyRules.general, remote: null } };
    expect((await api(`/bodies/${assembly.id}`, coordinator, { rules: withoutRemote }, 'PATCH')).status).toBe(200);
    expect((await api(`/resolutions/${ordinary}/votes`, coordinator)).body[0].rules.remote.basis).toBe('Statut, § 18 ust. 4 (przykład)');
    const another = await draft(assembly.id, 'w sprawie innej');
    expect((await api(`/resolutions/${another}/votes`, coordinator, { closesAt })).status).toBe(409);
    expect((await api(`/bodies/${assembly.id}`, coordinator, { rules: assemblyRules }, 'PATCH')).status).toBe(200);
  });
});
