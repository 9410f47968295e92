import * as Y from 'yjs';
import { encodeUpdate, MEETING_EVENTS, MEETINGS_NAMESPACE, type MeetingEvent } from '@commonplan/sync';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { VotesService } from '../src/decisions/votes.service';
import { connected, emitAck, eventually, ioClient, textOf } from './support/collab-clients';
import { RedisProcess } from './support/redis-process';
import { type TestPeer, TestServer } from './support/test-server';

/**
 * Decisions on two instances behind a balancer (one database, one Redis): what happens on one is seen live on the
 * other, and the scheduled work of a remote vote (the reminder, the closing) happens once however many instances
 * sweep at the same moment.
 */
describe('decisions across instances', () => {
  let redis: RedisProcess;
  let a: TestServer;
  let b: TestPeer;
  let coordinator: string;
  let workspaceId: string;
  let board: { id: string; members: Array<{ name: string }> };
  let assembly: { id: string; members: Array<{ name: string }> };
  let boardTokens: string[];
  const sockets: Array<{ disconnect(): void }> = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    a = await TestServer.start({ env: { REDIS_URL: redis.url } });
    b = await a.startPeer();
    coordinator = await a.login('koordynator@som.example');
    workspaceId = await a.demoWorkspaceId();
    const bodies = (await a.request(`/api/workspaces/${workspaceId}/bodies`, { token: coordinator })).body as Array<typeof board & { kind: string }>;
    board = bodies.find((body) => body.kind === 'board')!;
    assembly = bodies.find((body) => body.kind === 'general_assembly')!;
    boardTokens = await Promise.all(board.members.map((m) => a.login(`przedstawiciel.${REPRESENTATIVE_LOGINS[m.name]}@som.example`)));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  const api = (at: { request: TestServer['request'] }, path: string, token: string, body?: unknown) => at.request(`/api${path}`, { token, body });
  const resolutionOf = async (body: { id: string }, title: string): Promise<string> => {
    const created = await api(a, `/workspaces/${workspaceId}/resolutions`, coordinator, { bodyId: body.id, kind: 'ordinary', title });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  it('shows a ballot cast through one instance live to a meeting page connected to the other', async () => {
    const resolutionId = await resolutionOf(board, 'w sprawie dwóch instancji');
    const meeting = (await api(a, `/workspaces/${workspaceId}/meetings`, coordinator, { bodyId: board.id, title: 'Posiedzenie na dwóch instancjach', startsAt: new Date().toISOString(), place: 'Szczecin', agenda: [resolutionId] })).body;
    expect((await api(a, `/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);

    const events: MeetingEvent[] = [];
    const page = ioClient({ url: b.url } as TestServer, coordinator, MEETINGS_NAMESPACE);
    sockets.push(page);
    page.on(MEETING_EVENTS.event, (id: string, event: MeetingEvent) => id === meeting.id && events.push(event));
    await connected(page);
    expect(await emitAck(page, MEETING_EVENTS.watch, meeting.id)).toEqual({ ok: true });

    // Check-ins and the ballot go through instance A; the page on B hears each.
    for (const token of boardTokens) expect((await api(a, `/meetings/${meeting.id}/check-in`, token, {})).status).toBe(200);
    await eventually(() => events.filter((e) => e.type === 'attendance_changed').length >= boardTokens.length, 15_000, 'the check-ins on the other instance');
    const vote = (await api(a, `/resolutions/${resolutionId}/votes`, coordinator, { meetingId: meeting.id })).body;
    await eventually(() => events.some((e) => e.type === 'vote_opened'), 15_000, 'the vote’s opening on the other instance');
    expect((await api(a, `/votes/${vote.id}/ballots`, boardTokens[0], { choice: 'for' })).status).toBe(201);
    await eventually(() => events.some((e) => e.type === 'ballot_cast'), 15_000, 'the ballot on the other instance');
  });

  it('reminds once and closes a remote vote once when both instances sweep at its time', async () => {
    // The assembly's ordinary resolutions may be voted on remotely (the demo statute).
    const resolutionId = await resolutionOf(assembly, 'w sprawie zamknięcia raz');
    const closesAt = new Date(Date.now() + 60 * 60 * 1000);
    const vote = (await api(a, `/resolutions/${resolutionId}/votes`, coordinator, { closesAt: closesAt.toISOString() })).body;
    expect(vote).toMatchObject({ id: expect.any(String) });
    const voted = await Promise.all(assembly.members.slice(0, 2).map((m) => a.login(`przedstawiciel.${REPRESENTATIVE_LOGINS[m.name]}@som.example`)));
    for (const token of voted) expect((await api(b, `/votes/${vote.id}/ballots`, token, { choice: 'for' })).status).toBe(201);

    const sweeps = [a.server.app.get(VotesService), b.server.app.get(VotesService)];
    // Within a day of the close: a reminder to each member who has not voted, once, though both sweep together.
    await Promise.all(sweeps.map((votes) => votes.sweep(new Date())));
    await Promise.all(sweeps.map((votes) => votes.sweep(new Date())));
    const count = async (key: string) => Number((await a.db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_key = $1`, [key]))[0].n);
    const people = async (key: string) => Number((await a.db.query(`SELECT count(DISTINCT user_id)::int AS n FROM notifications WHERE event_key = $1`, [key]))[0].n);
    const reminded = await count(`vote_closing:${vote.id}`);
    expect(reminded).toBeGreaterThanOrEqual(assembly.members.length - voted.length);
    expect(reminded).toBe(await people(`vote_closing:${vote.id}`));

    // At its time both instances find it due: it closes once, with one result for each person.
    const after = new Date(closesAt.getTime() + 1000);
    await Promise.all(sweeps.map((votes) => votes.sweep(after)));
    const closed = await a.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'vote.closed' AND details->>'voteId' = $1`, [vote.id]);
    expect(closed[0].n).toBe(1);
    const results = await count(`vote_closed:${vote.id}`);
    expect(results).toBeGreaterThanOrEqual(assembly.members.length);
    expect(results).toBe(await people(`vote_closed:${vote.id}`));
    expect((await api(b, `/resolutions/${resolutionId}`, coordinator)).body.state).toMatch(/^(adopted|rejected|no_quorum)$/);
  });

  it('freezes for the vote every edit acknowledged on the other instance, and none after', async () => {
    const resolutionId = await resolutionOf(assembly, 'w sprawie tekstu zamrożonego na dwóch instancjach');
    const { documentId } = (await api(a, `/resolutions/${resolutionId}`, coordinator)).body as { documentId: string };
    // Someone keeps typing into the resolution's text through instance B, each keystroke after the last one's answer.
    const socket = ioClient({ url: b.url } as TestServer, coordinator);
    sockets.push(socket);
    await connected(socket);
    expect((await emitAck(socket, 'join', documentId)).ok).toBe(true);
    const doc = new Y.Doc();
    // What the server has of this client: nothing yet (its first update carries the paragraph textOf creates).
    let sentState = Y.encodeStateVector(new Y.Doc());
    const text = textOf(doc);
    let acknowledged = '';
    let refused: { code?: string } | null = null;
    let typed = 0;
    const typing = (async () => {
      while (!refused && typed < 5000) {
        text.insert(text.length, `${typed % 10}`);
        typed++;
        const update = Y.encodeStateAsUpdate(doc, sentState);
        sentState = Y.encodeStateVector(doc);
        const ack = await emitAck<{ ok: boolean; error?: { code: string } }>(socket, 'msg', documentId, encodeUpdate(update));
        if (ack.ok) acknowledged = text.toString();
        else refused = ack.error ?? {};
      }
    })();
    await eventually(() => acknowledged.length >= 20, 15_000, 'the first keystrokes');

    // The vote opens on instance A while the keystrokes go on.
    const opened = await api(a, `/resolutions/${resolutionId}/votes`, coordinator, { closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(opened.status).toBe(201);
    await typing;
    expect(refused).toMatchObject({ code: 'forbidden' });

    // What the vote names holds exactly what was acknowledged: no acknowledged keystroke is missing, none came after.
    const version = await api(a, `/documents/${documentId}/versions/${opened.body.textVersionId}`, coordinator);
    const frozen = JSON.stringify(version.body.content).match(/"text":"([0-9]*)"/g)?.map((m) => m.slice(8, -1)).join('') ?? '';
    expect(frozen).toBe(acknowledged);
    for (const at of [a, b]) expect((await api(at, `/documents/${documentId}/text`, coordinator)).body.text).toBe(acknowledged);
  });
});
