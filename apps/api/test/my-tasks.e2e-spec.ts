import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { anchorPassage, editorSchema, RICH_TEXT_FIELD } from '@commonplan/editor';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';

/** The 15 SSOM members in the seed's order (the board is the first six), each with its representative's login. */
const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));
const DAY = 24 * 60 * 60 * 1000;

type Tasks = Record<string, any>;

/** A comment anchor as a client makes it (the server only checks that it decodes as Yjs relative positions). */
function someAnchor(): { start: string; end: string } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  text.insert(0, 'Cel 1. Transport publiczny.');
  paragraph.insert(0, [text]);
  doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [paragraph]);
  const { mapping } = initProseMirrorDoc(doc.getXmlFragment(RICH_TEXT_FIELD), editorSchema());
  const anchor = anchorPassage(doc.getXmlFragment(RICH_TEXT_FIELD), 1, 1 + 'Cel 1.'.length, mapping);
  doc.destroy();
  return anchor;
}

describe('my tasks: what waits for each person in a workspace, and nothing they may not see', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let expert: string;
  let observer: string;
  let partner: string;
  let expertId: string;
  let observerId: string;
  const reps: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  const documents: Record<string, string> = {};
  let assemblyId: string;
  let boardId: string;

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const mine = async (token: string): Promise<Tasks> => {
    const response = await api(`/workspaces/${ws}/my-tasks`, token);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Police (on the board), Dobra (on the board, stays away), the member that hands Police its vote, one not on the board. */
  const POLICE = MEMBERS[0]!;
  const ABSENT = MEMBERS[1]!;
  const DELEGATOR = MEMBERS[10]!;
  const NOT_ON_BOARD = MEMBERS[12]!;
  const PRESENT = [MEMBERS[0]!, ...MEMBERS.slice(2, 10)];
  let staffAndOthers: () => string[];

  beforeAll(async () => {
    server = await TestServer.start({ env: { TRUST_PROXY: 'true' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    expert = await server.login('ekspert@som.example');
    observer = await server.login('obserwator@som.example');
    partner = await server.login('partner@som.example');
    for (const member of MEMBERS) reps[member.name] = await server.login(member.email);
    const people = (await api(`/workspaces/${ws}/people`, coordinator)).body as Array<{ userId: string; email: string }>;
    expertId = people.find((p) => p.email === 'ekspert@som.example')!.userId;
    observerId = people.find((p) => p.email === 'obserwator@som.example')!.userId;
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) orgIds[o.name] = o.id;
    for (const d of (await api(`/workspaces/${ws}/documents`, coordinator)).body as Array<{ id: string; kind: string }>) documents[d.kind] = d.id;
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string }>;
    assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    boardId = bodies.find((b) => b.kind === 'board')!.id;
    staffAndOthers = () => [coordinator, expert, observer, partner];
  });
  afterAll(() => server?.close());

  let versionId: string;
  let inMeeting: { resolutionId: string; voteId: string; meetingId: string };
  let remote: { resolutionId: string; voteId: string; closesAt: string };
  let boardMeetingId: string;

  it('lists ballots to cast (own, by proxy, after checking in, remote with its closing time) and meetings to attend, for the member’s representatives only', async () => {
    versionId = (await api(`/documents/${documents.sector_plan}/versions`, coordinator, { name: 'Plan do przyjęcia' })).body.id;
    const resolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie przyjęcia Planu Gospodarki Niskoemisyjnej', adoptsVersionId: versionId })).body;
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'XXIII Walne Zebranie Członków', startsAt: new Date().toISOString(), agenda: [resolution.id] })).body;
    boardMeetingId = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: boardId, title: 'Posiedzenie Zarządu', startsAt: new Date(Date.now() + 7 * DAY).toISOString(), agenda: [] })).body.id;
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    const body = (await api(`/bodies/${assemblyId}`, coordinator)).body;
    expect((await api(`/bodies/${assemblyId}`, coordinator, { rules: { ...body.rules, general: { ...body.rules.general, proxiesAllowed: true } } }, 'PATCH')).status).toBe(200);
    for (const member of PRESENT) expect((await api(`/meetings/${meeting.id}/check-in`, reps[member.name]!, {})).status).toBe(200);
    expect((await api(`/meetings/${meeting.id}/proxies`, reps[DELEGATOR.name]!, { toOrganisationId: orgIds[POLICE.name], authorisation: 'Pełnomocnictwo Burmistrza' })).status).toBe(201);
    const vote = (await api(`/resolutions/${resolution.id}/votes`, coordinator, { meetingId: meeting.id })).body;
    inMeeting = { resolutionId: resolution.id, voteId: vote.id, meetingId: meeting.id };
    const other = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'w sprawie składki członkowskiej' })).body;
    const closesAt = new Date(Date.now() + 2 * DAY).toISOString();
    const remoteVote = await api(`/resolutions/${other.id}/votes`, coordinator, { closesAt });
    expect(remoteVote.status).toBe(201);
    remote = { resolutionId: other.id, voteId: remoteVote.body.id, closesAt };

    const police = await mine(reps[POLICE.name]!);
    expect(police.ballots).toEqual([
      expect.objectContaining({ voteId: inMeeting.voteId, resolutionId: resolution.id, meetingId: meeting.id, member: { id: orgIds[POLICE.name], name: POLICE.name }, byProxy: false, checkInFirst: false, dueAt: null }),
      expect.objectContaining({ voteId: inMeeting.voteId, member: { id: orgIds[DELEGATOR.name], name: DELEGATOR.name }, byProxy: true, checkInFirst: false }),
      expect.objectContaining({ voteId: remote.voteId, resolutionId: other.id, meetingId: null, byProxy: false, dueAt: closesAt }),
    ]);
    expect(police.counts.ballots).toBe(3);
    expect(police.meetings).toEqual([
      expect.objectContaining({ meetingId: meeting.id, state: 'open', presence: 'present', body: 'Walne Zebranie Członków' }),
      expect.objectContaining({ meetingId: boardMeetingId, state: 'planned', presence: 'absent', body: 'Zarząd' }),
    ]);

    // Away from the meeting: the ballot comes once checked in; the remote vote is theirs as everyone's.
    const absent = await mine(reps[ABSENT.name]!);
    expect(absent.ballots.map((b: Tasks) => [b.voteId, b.member.id, b.checkInFirst])).toEqual([
      [inMeeting.voteId, orgIds[ABSENT.name], true],
      [remote.voteId, orgIds[ABSENT.name], false],
    ]);
    // The member that handed its vote over casts none in the meeting, and is not on the board.
    const delegator = await mine(reps[DELEGATOR.name]!);
    expect(delegator.ballots.map((b: Tasks) => b.voteId)).toEqual([remote.voteId]);
    expect(delegator.meetings.map((m: Tasks) => [m.meetingId, m.presence])).toEqual([[meeting.id, 'represented']]);
    expect((await mine(reps[NOT_ON_BOARD.name]!)).meetings.map((m: Tasks) => m.meetingId)).toEqual([meeting.id]);
    // Staff, observers and partners vote for no member.
    for (const token of staffAndOthers()) {
      const theirs = await mine(token);
      expect([theirs.ballots, theirs.meetings, theirs.approvals]).toEqual([[], [], []]);
      expect([theirs.counts.ballots, theirs.counts.meetings, theirs.counts.approvals]).toEqual([0, 0, 0]);
    }

    // A ballot cast is no longer waiting.
    expect((await api(`/votes/${inMeeting.voteId}/ballots`, reps[POLICE.name]!, { choice: 'for' })).status).toBe(201);
    expect((await mine(reps[POLICE.name]!)).ballots.map((b: Tasks) => [b.voteId, b.member.id])).toEqual([
      [inMeeting.voteId, orgIds[DELEGATOR.name]],
      [remote.voteId, orgIds[POLICE.name]],
    ]);
  });

  it('lists a version adopted by a member’s body until its representative signs it off, with what is signed', async () => {
    expect((await api(`/votes/${inMeeting.voteId}/ballots`, reps[POLICE.name]!, { choice: 'for', forOrganisationId: orgIds[DELEGATOR.name] })).status).toBe(201);
    for (const member of PRESENT.slice(1)) expect((await api(`/votes/${inMeeting.voteId}/ballots`, reps[member.name]!, { choice: 'for' })).status).toBe(201);
    expect((await api(`/votes/${inMeeting.voteId}/close`, coordinator, {})).body.outcome.adopted).toBe(true);
    const adopted = (await api(`/resolutions/${inMeeting.resolutionId}`, coordinator)).body;

    const police = await mine(reps[POLICE.name]!);
    expect(police.ballots.map((b: Tasks) => b.voteId)).toEqual([remote.voteId]);
    expect(police.approvals).toEqual([
      {
        documentId: documents.sector_plan,
        documentTitle: 'Zintegrowany Plan Gospodarki Niskoemisyjnej dla SOM',
        versionId,
        versionNumber: 1,
        versionName: 'Plan do przyjęcia',
        resolution: { id: inMeeting.resolutionId, number: adopted.number, fullTitle: adopted.fullTitle, decidedAt: adopted.decidedAt },
        dueAt: null,
      },
    ]);
    // What the sign-off is about, shown before it is given.
    const subject = await api(`/documents/${documents.sector_plan}/versions/${versionId}/approvals/subject`, reps[POLICE.name]!);
    expect(subject.status).toBe(200);
    expect(subject.body).toMatchObject({
      document: { id: documents.sector_plan, title: 'Zintegrowany Plan Gospodarki Niskoemisyjnej dla SOM' },
      version: { id: versionId, number: 1, name: 'Plan do przyjęcia', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      resolutions: [{ id: inMeeting.resolutionId, state: 'adopted', number: adopted.number, fullTitle: adopted.fullTitle, body: { id: assemblyId, name: 'Walne Zebranie Członków' } }],
    });
    expect((await api(`/documents/${documents.sector_plan}/versions/${documents.strategy}/approvals/subject`, reps[POLICE.name]!)).status).toBe(404);

    expect((await api(`/documents/${documents.sector_plan}/versions/${versionId}/approvals`, reps[POLICE.name]!, {})).status).toBe(201);
    expect((await mine(reps[POLICE.name]!)).approvals).toEqual([]);
    expect((await mine(reps[ABSENT.name]!)).approvals.map((a: Tasks) => a.versionId)).toEqual([versionId]);
    for (const token of staffAndOthers()) expect((await mine(token)).approvals).toEqual([]);
  });

  it('lists consultation comments to decide (the assigned expert), to approve and to assign (coordinators), and round deadlines of the next 14 days (staff)', async () => {
    const strategyVersion = (await api(`/documents/${documents.strategy}/versions`, coordinator, { name: 'Projekt do konsultacji' })).body.id;
    const round = (await api(`/workspaces/${ws}/rounds`, coordinator, { documentId: documents.strategy, versionId: strategyVersion, title: 'Konsultacje strategii', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() - DAY).toISOString() })).body;
    await api(`/rounds/${round.id}/announce`, coordinator, {});
    expect((await api(`/rounds/${round.id}/open`, coordinator, {})).status).toBe(200);
    const comments: Array<{ id: string; number: string }> = [];
    for (const [index, part] of ['Rozdział 1', 'Rozdział 2', 'Rozdział 3'].entries()) {
      const sent = await server.request(`/api/public/rounds/${round.id}/comments`, {
        body: { part, proposedWording: 'Dopisać.', justification: 'Potrzebne.', submitter: { kind: 'person', name: `Osoba ${index}`, type: 'resident' } },
        headers: { 'x-forwarded-for': `198.51.100.${index + 20}` },
      });
      expect(sent.status).toBe(201);
      comments.push(sent.body);
    }
    const [toDecide, decided, unassigned] = comments as [{ id: string; number: string }, { id: string; number: string }, { id: string; number: string }];
    for (const comment of [toDecide, decided]) expect((await api(`/consultation-comments/${comment.id}/assignee`, coordinator, { assigneeId: expertId }, 'PUT')).status).toBe(204);
    expect((await api(`/consultation-comments/${decided.id}/disposition`, expert, { disposition: 'accepted', justification: 'Uwzględniono w rozdziale 2.' }, 'PUT')).status).toBe(204);
    // Rounds of another document: one opening in 3 days (within 14), one in 30 (not yet).
    const conceptVersion = (await api(`/documents/${documents.concept}/versions`, coordinator, { name: 'Koncepcja do konsultacji' })).body.id;
    const soon = (await api(`/workspaces/${ws}/rounds`, coordinator, { documentId: documents.concept, versionId: conceptVersion, title: 'Konsultacje koncepcji', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() + 3 * DAY).toISOString() })).body;
    const later = await api(`/workspaces/${ws}/rounds`, coordinator, { documentId: documents.concept, versionId: conceptVersion, title: 'Konsultacje później', audiences: ['public'], channels: ['online_form'], opensAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(later.status).toBe(201);

    const reportDue = new Date(new Date(round.closesAt).getTime() + 30 * DAY).toISOString();
    const expertTasks = await mine(expert);
    expect(expertTasks.comments).toEqual([{ commentId: toDecide.id, number: toDecide.number, part: 'Rozdział 1', roundId: round.id, roundTitle: 'Konsultacje strategii', action: 'decide', dueAt: reportDue }]);
    const coordinatorTasks = await mine(coordinator);
    expect(coordinatorTasks.comments.map((c: Tasks) => [c.commentId, c.action])).toEqual([
      [decided.id, 'approve'],
      [unassigned.id, 'assign'],
    ]);
    expect(coordinatorTasks.counts.comments).toBe(2);
    // The open round closes in 35 days and the later one opens in 30: only the opening in 3 days is due.
    for (const tasks of [expertTasks, coordinatorTasks]) expect(tasks.deadlines).toEqual([{ roundId: soon.id, roundTitle: 'Konsultacje koncepcji', deadline: 'opens', dueAt: soon.opensAt }]);
    for (const token of [observer, partner, reps[POLICE.name]!]) {
      const theirs = await mine(token);
      expect([theirs.comments, theirs.deadlines, theirs.counts.comments, theirs.counts.deadlines]).toEqual([[], [], 0, 0]);
    }

    expect((await api(`/consultation-comments/${decided.id}/disposition/approve`, coordinator, {})).status).toBe(204);
    expect((await mine(coordinator)).comments.map((c: Tasks) => c.commentId)).toEqual([unassigned.id]);
  });

  it('lists unread mentions to the person mentioned only, until read', async () => {
    documents.other = (await api(`/workspaces/${ws}/documents`, coordinator, { title: 'Plan powietrza', kind: 'other' })).body.id;
    const thread = await api(`/documents/${documents.other}/comments`, coordinator, { anchor: someAnchor(), quote: 'Cel 1.', body: 'Proszę o dane, @Obserwator SSOM.', mentions: [observerId] });
    expect(thread.status).toBe(201);
    const observed = await mine(observer);
    expect(observed.mentions).toEqual([
      expect.objectContaining({ documentId: documents.other, threadId: thread.body.id, actor: 'Koordynator Biura SSOM', excerpt: 'Proszę o dane, @Obserwator SSOM.', dueAt: null }),
    ]);
    expect(observed.counts.mentions).toBe(1);
    for (const token of [coordinator, expert, reps[POLICE.name]!]) expect((await mine(token)).mentions).toEqual([]);
    expect((await api(`/notifications/${observed.mentions[0].notificationId}/read`, observer, {})).status).toBe(204);
    expect((await mine(observer)).mentions).toEqual([]);
  });

  it('answers only the workspace’s members: another workspace’s coordinator gets 403, an unknown workspace 404', async () => {
    const created = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'Stowarzyszenie KOF', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
    const token = new URL(created.invitationLink).searchParams.get('token');
    const other = (await server.request(`/api/invitations/${token}/accept`, { body: { password: 'hasło-koordynatora-kof' } })).body.token as string;
    expect((await api(`/workspaces/${ws}/my-tasks`, other)).status).toBe(403);
    expect((await api(`/workspaces/${created.workspaceId}/my-tasks`, coordinator)).status).toBe(403);
    expect((await api(`/workspaces/00000000-0000-4000-8000-000000000000/my-tasks`, coordinator)).status).toBe(404);
    expect((await server.request(`/api/workspaces/${ws}/my-tasks`)).status).toBe(401);
    // Their own workspace holds nothing of SSOM's.
    const theirs = (await api(`/workspaces/${created.workspaceId}/my-tasks`, other)).body;
    expect(theirs.counts).toEqual({ ballots: 0, meetings: 0, approvals: 0, comments: 0, mentions: 0, deadlines: 0 });
  });
});
