import { randomUUID } from 'node:crypto';
import { MEETING_EVENTS, MEETINGS_NAMESPACE } from '@commonplan/sync';
import type { Socket } from 'socket.io-client';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { connected, emitAck, eventually, ioClient } from './support/collab-clients';
import { TestServer } from './support/test-server';

/** The 15 SSOM members in the seed's order, each with its representative's login; the board is the first six, chaired by the first. */
const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));
const [VOIVODESHIP, SZCZECIN, , , POLICE, DOBRA, , NOWE_WARPNO] = MEMBERS.map((m) => m.name);
const GUEST = 'dr Jan Nowak, ekspert ds. transportu';

interface Speaker {
  id: string;
  itemId: string;
  kind: string;
  state: string;
  organisationId: string | null;
  name: string;
  startedAt: string | null;
  seconds: number | null;
  endsAt: string | null;
  endedAt: string | null;
}
interface Speakers {
  currentItemId: string | null;
  speakingSeconds: number;
  speaking: Speaker | null;
  items: Array<{ itemId: string; speakers: Speaker[] }>;
}

describe('the speakers’ list of a meeting: the item under discussion, requests for the floor, the floor, the minutes', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let observer: string;
  let partner: string;
  let outsider: string;
  const tokens: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  let assemblyId: string;
  let boardId: string;
  const sockets: Socket[] = [];

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  /** A refusal's status and stable code (problem details). */
  const refusal = async (pending: Promise<{ status: number; body: { code?: string } }>) => {
    const { status, body } = await pending;
    return { status, code: body.code };
  };
  /** A 400's status and the fields it names (each once: a field may break several rules). */
  const fields = async (pending: Promise<{ status: number; body: { errors?: Array<{ field: string }> } }>) => {
    const { status, body } = await pending;
    return { status, fields: [...new Set((body.errors ?? []).map((e) => e.field))] };
  };
  const speakersOf = async (meetingId: string, token = coordinator): Promise<Speakers> => {
    const response = await api(`/meetings/${meetingId}/speakers`, token);
    expect(response.status).toBe(200);
    return response.body;
  };
  const listOf = (view: Speakers, itemId: string) => view.items.find((i) => i.itemId === itemId)!.speakers;
  const auditActions = async (meetingId: string): Promise<string[]> =>
    (await server.db.query(`SELECT action FROM audit_entries WHERE target_id = $1 AND action LIKE 'meeting.%' ORDER BY seq`, [meetingId])).map((r: { action: string }) => r.action);

  /** A meeting of a body with two new resolutions on its agenda; its agenda items' ids. */
  async function meetingWithAgenda(bodyId: string, title: string): Promise<{ id: string; items: string[] }> {
    const resolutions = [];
    for (const subject of ['w sprawie przyjęcia planu pracy', 'w sprawie zmiany wysokości składek']) {
      resolutions.push((await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId, kind: 'ordinary', title: `${subject} (${title})` })).body.id);
    }
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId, title, startsAt: new Date().toISOString(), place: 'Szczecin', agenda: resolutions })).body;
    return { id: meeting.id, items: meeting.agenda.map((item: { id: string }) => item.id) };
  }

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    observer = await server.login('obserwator@som.example');
    partner = await server.login('partner@som.example');
    for (const member of MEMBERS.slice(0, 8)) tokens[member.name] = await server.login(member.email);
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) orgIds[o.name] = o.id;
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string; chairId: string | null; members: Array<{ id: string }> }>;
    assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    const board = bodies.find((b) => b.kind === 'board')!;
    boardId = board.id;
    expect(board.chairId).toBe(orgIds[VOIVODESHIP]);
    expect(board.members.map((m) => m.id)).not.toContain(orgIds[NOWE_WARPNO]);

    // Someone from another association: the coordinator of a second workspace.
    const other = await createWorkspace(server.db, server.config, { slug: 'kof', name: 'Stowarzyszenie KOF', shortName: 'KOF', coordinatorEmail: 'biuro@kof.example', coordinatorName: 'Koordynator KOF' });
    const invitation = new URL(other.invitationLink).searchParams.get('token');
    outsider = (await server.request(`/api/invitations/${invitation}/accept`, { body: { password: 'hasło-koordynatora-kof' } })).body.token;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  it('runs the discussion of the assembly: the current item, requests with a point of order first, the floor, withdrawal, the minutes', async () => {
    const meeting = await meetingWithAgenda(assemblyId, 'XXII Walne Zebranie Członków');
    const [first, second] = meeting.items;

    // Nothing happens on the list before the meeting opens.
    expect(await refusal(api(`/meetings/${meeting.id}/current-item`, coordinator, { itemId: first }))).toEqual({ status: 409, code: 'meeting_not_in_session' });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'speech' }))).toEqual({ status: 409, code: 'meeting_not_in_session' });
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);

    // Everyone in the workspace following the meeting hears of each change.
    const socket = ioClient(server, observer, MEETINGS_NAMESPACE);
    sockets.push(socket);
    await connected(socket);
    expect(await emitAck(socket, MEETING_EVENTS.watch, meeting.id)).toEqual({ ok: true });
    const events: string[] = [];
    socket.on(MEETING_EVENTS.event, (id: string, event: { type: string }) => id === meeting.id && events.push(event.type));
    const heard = (type: string, count: number) => eventually(() => events.filter((e) => e === type).length >= count, 10_000, `${count} ${type} events`);

    const empty = await speakersOf(meeting.id, observer);
    expect(empty).toMatchObject({ meetingId: meeting.id, currentItemId: null, speakingSeconds: 300, speaking: null });
    expect(empty.items).toEqual([
      { itemId: first, speakers: [] },
      { itemId: second, speakers: [] },
    ]);
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'speech' }))).toEqual({ status: 409, code: 'no_current_item' });

    // The chair moves the discussion to the first item; nothing else is an item of this meeting.
    expect(await refusal(api(`/meetings/${meeting.id}/current-item`, tokens[POLICE], { itemId: first }))).toEqual({ status: 403, code: 'chair_only' });
    expect(await fields(api(`/meetings/${meeting.id}/current-item`, coordinator, { itemId: randomUUID() }))).toEqual({ status: 400, fields: ['itemId'] });
    expect(await fields(api(`/meetings/${meeting.id}/current-item`, coordinator, { itemId: 'pierwszy' }))).toEqual({ status: 400, fields: ['itemId'] });
    const moved = await api(`/meetings/${meeting.id}/current-item`, coordinator, { itemId: first });
    expect(moved.status).toBe(200);
    expect(moved.body.currentItemId).toBe(first);
    expect((await api(`/meetings/${meeting.id}`, observer)).body.currentItemId).toBe(first);
    await heard('current_item_changed', 1);

    // The time per speaker: 30 to 3600 seconds, set by the chair.
    for (const seconds of [10, 3601, 12.5, '120', null]) expect(await fields(api(`/meetings/${meeting.id}/speaking-time`, coordinator, { seconds }, 'PUT'))).toEqual({ status: 400, fields: ['seconds'] });
    expect(await refusal(api(`/meetings/${meeting.id}/speaking-time`, tokens[DOBRA], { seconds: 120 }, 'PUT'))).toEqual({ status: 403, code: 'chair_only' });
    expect((await api(`/meetings/${meeting.id}/speaking-time`, coordinator, { seconds: 120 }, 'PUT')).body.speakingSeconds).toBe(120);

    // Two representatives ask to speak, then a third raises a point of order: it comes first.
    expect((await api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'speech' })).status).toBe(201);
    expect((await api(`/meetings/${meeting.id}/speakers`, tokens[DOBRA], { kind: 'speech' })).status).toBe(201);
    const requested = await api(`/meetings/${meeting.id}/speakers`, tokens[SZCZECIN], { kind: 'point_of_order' });
    expect(requested.status).toBe(201);
    expect(listOf(requested.body, first).map((s) => [s.name, s.kind, s.state])).toEqual([
      [SZCZECIN, 'point_of_order', 'waiting'],
      [POLICE, 'speech', 'waiting'],
      [DOBRA, 'speech', 'waiting'],
    ]);
    // One waiting request per member, item and kind; bad kinds and names are refused naming the field.
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'speech' }))).toEqual({ status: 409, code: 'already_requested' });
    expect(await fields(api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'ad_personam' }))).toEqual({ status: 400, fields: ['kind'] });
    expect(await fields(api(`/meetings/${meeting.id}/speakers`, coordinator, { kind: 'speech', name: '   ' }))).toEqual({ status: 400, fields: ['name'] });
    // Only the chair adds someone by name; an observer, a partner and another association's coordinator ask nothing.
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'speech', name: GUEST }))).toEqual({ status: 403, code: 'chair_only' });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, observer, { kind: 'speech' }))).toEqual({ status: 403, code: 'representatives_only' });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, partner, { kind: 'speech' }))).toEqual({ status: 403, code: 'representatives_only' });
    expect((await api(`/meetings/${meeting.id}/speakers`, outsider, { kind: 'speech' })).status).toBe(403);
    expect((await api(`/meetings/${meeting.id}/speakers`, outsider)).status).toBe(403);
    expect((await api(`/meetings/${randomUUID()}/speakers`, coordinator)).status).toBe(404);
    const added = await api(`/meetings/${meeting.id}/speakers`, coordinator, { kind: 'speech', name: GUEST });
    expect(added.status).toBe(201);
    const [order, police, dobra, guest] = listOf(added.body, first);
    expect(guest).toMatchObject({ name: GUEST, organisationId: null, state: 'waiting' });
    expect(police.organisationId).toBe(orgIds[POLICE]);
    await heard('speakers_changed', 5);

    // The chair gives the floor to the point of order, then to the first speech: the point of order is done.
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${order.id}/floor`, tokens[POLICE], {}))).toEqual({ status: 403, code: 'chair_only' });
    const floor = (await api(`/meetings/${meeting.id}/speakers/${order.id}/floor`, coordinator, {})).body as Speakers;
    expect(floor.speaking).toMatchObject({ id: order.id, state: 'speaking', seconds: 120 });
    expect(new Date(floor.speaking!.endsAt!).getTime() - new Date(floor.speaking!.startedAt!).getTime()).toBe(120_000);
    // A limit set later does not shorten the speech under way.
    expect((await api(`/meetings/${meeting.id}/speaking-time`, coordinator, { seconds: 180 }, 'PUT')).body.speaking).toMatchObject({ id: order.id, seconds: 120 });
    const next = (await api(`/meetings/${meeting.id}/speakers/${police.id}/floor`, coordinator, {})).body as Speakers;
    expect(next.speaking).toMatchObject({ id: police.id, name: POLICE, seconds: 180 });
    expect(listOf(next, first).find((s) => s.id === order.id)).toMatchObject({ state: 'done', endedAt: next.speaking!.startedAt });

    // Withdrawal: by whoever asked (or the chair), only while waiting.
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${dobra.id}/withdraw`, tokens[POLICE], {}))).toEqual({ status: 403, code: 'not_own_request' });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${dobra.id}/withdraw`, observer, {}))).toEqual({ status: 403, code: 'not_own_request' });
    expect((await api(`/meetings/${meeting.id}/speakers/${dobra.id}/withdraw`, tokens[DOBRA], {})).status).toBe(200);
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${dobra.id}/withdraw`, tokens[DOBRA], {}))).toEqual({ status: 409, code: 'speaker_state' });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${dobra.id}/floor`, coordinator, {}))).toEqual({ status: 409, code: 'speaker_state' });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${police.id}/withdraw`, tokens[POLICE], {}))).toEqual({ status: 409, code: 'speaker_state' });
    // Dobra may ask again once its request is withdrawn.
    const again = await api(`/meetings/${meeting.id}/speakers`, tokens[DOBRA], { kind: 'speech' });
    expect(again.status).toBe(201);
    const dobraAgain = listOf(again.body, first).find((s) => s.name === DOBRA && s.state === 'waiting')!;
    expect((await api(`/meetings/${meeting.id}/speakers/${dobraAgain.id}/withdraw`, coordinator, {})).status).toBe(200);

    // The chair ends the speech; only a speech under way ends.
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${guest.id}/done`, coordinator, {}))).toEqual({ status: 409, code: 'speaker_state' });
    const ended = (await api(`/meetings/${meeting.id}/speakers/${police.id}/done`, coordinator, {})).body as Speakers;
    expect(ended.speaking).toBeNull();
    expect(listOf(ended, first).find((s) => s.id === police.id)!.state).toBe('done');
    expect(await refusal(api(`/meetings/${meeting.id}/speakers/${police.id}/done`, coordinator, {}))).toEqual({ status: 409, code: 'speaker_state' });

    // Forged ids name nothing.
    for (const action of ['floor', 'done', 'withdraw']) expect((await api(`/meetings/${meeting.id}/speakers/${randomUUID()}/${action}`, coordinator, {})).status).toBe(404);

    // The guest speaks; moving to the next item ends the speech, and the first item's waiting requests stay there.
    expect((await api(`/meetings/${meeting.id}/speakers/${guest.id}/floor`, coordinator, {})).status).toBe(200);
    const onSecond = (await api(`/meetings/${meeting.id}/current-item`, coordinator, { itemId: second })).body as Speakers;
    expect(onSecond).toMatchObject({ currentItemId: second, speaking: null });
    expect(listOf(onSecond, first).map((s) => [s.name, s.state])).toEqual([
      [SZCZECIN, 'done'],
      [POLICE, 'done'],
      [DOBRA, 'withdrawn'],
      [GUEST, 'done'],
      [DOBRA, 'withdrawn'],
    ]);
    await heard('current_item_changed', 2);
    await heard('speakers_changed', 14);

    // Every change is in the audit trail.
    const actions = await auditActions(meeting.id);
    const count = (action: string) => actions.filter((a) => a === action).length;
    expect({
      current: count('meeting.current_item_changed'),
      time: count('meeting.speaking_time_changed'),
      requested: count('meeting.speaker_requested'),
      added: count('meeting.speaker_added'),
      floor: count('meeting.speaker_given_floor'),
      withdrawn: count('meeting.speaker_withdrawn'),
      done: count('meeting.speaker_done'),
    }).toEqual({ current: 2, time: 2, requested: 4, added: 1, floor: 3, withdrawn: 2, done: 1 });

    // Whoever holds the floor when the meeting closes is done, at the close.
    const [closing] = listOf((await api(`/meetings/${meeting.id}/speakers`, tokens[DOBRA], { kind: 'speech' })).body, second);
    expect(((await api(`/meetings/${meeting.id}/speakers/${closing.id}/floor`, coordinator, {})).body as Speakers).speaking).toMatchObject({ id: closing.id });

    // Closed: the list no longer changes, and the minutes say who spoke on each item.
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).status).toBe(200);
    const [closed] = await server.db.query(`SELECT state, ended_at FROM meeting_speakers WHERE id = $1`, [closing.id]);
    expect(closed).toEqual({ state: 'done', ended_at: expect.any(Date) });
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, tokens[POLICE], { kind: 'speech' }))).toEqual({ status: 409, code: 'meeting_closed' });
    expect(await refusal(api(`/meetings/${meeting.id}/speaking-time`, coordinator, { seconds: 60 }, 'PUT'))).toEqual({ status: 409, code: 'meeting_closed' });
    expect(await refusal(api(`/meetings/${meeting.id}/current-item`, coordinator, { itemId: first }))).toEqual({ status: 409, code: 'meeting_closed' });
    const minutes = (await api(`/meetings/${meeting.id}/minutes`, observer)).body;
    expect(minutes.agenda.map((item: { agendaItemId: string }) => item.agendaItemId)).toEqual([first, second]);
    expect(minutes.agenda[0].speakers.map((s: { name: string; kind: string; kindText: string }) => [s.name, s.kind, s.kindText])).toEqual([
      [SZCZECIN, 'point_of_order', 'wniosek formalny'],
      [POLICE, 'speech', 'wystąpienie'],
      [GUEST, 'speech', 'wystąpienie'],
    ]);
    expect(minutes.agenda[0].speakers[0].text).toMatch(new RegExp(`^\\d{2}:\\d{2} – ${SZCZECIN} \\(wniosek formalny\\)$`));
    expect(minutes.agenda[1].speakers.map((s: { name: string }) => s.name)).toEqual([DOBRA]);
    expect((await api(`/meetings/${meeting.id}/minutes?lang=en`, observer)).body.agenda[0].speakers[1].kindText).toBe('speech');
  });

  it('lets the representative of the board’s chair run the board’s list, and refuses members not on the board', async () => {
    const meeting = await meetingWithAgenda(boardId, 'Posiedzenie Zarządu');
    const [first] = meeting.items;
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    const chair = tokens[VOIVODESHIP];

    // A board member's representative who does not chair it does not run the list.
    expect(await refusal(api(`/meetings/${meeting.id}/current-item`, tokens[SZCZECIN], { itemId: first }))).toEqual({ status: 403, code: 'chair_only' });
    expect((await api(`/meetings/${meeting.id}/current-item`, chair, { itemId: first })).status).toBe(200);
    expect((await api(`/meetings/${meeting.id}/speaking-time`, chair, { seconds: 60 }, 'PUT')).body.speakingSeconds).toBe(60);

    // A member not on the board asks nothing there.
    expect(await refusal(api(`/meetings/${meeting.id}/speakers`, tokens[NOWE_WARPNO], { kind: 'speech' }))).toEqual({ status: 409, code: 'not_body_member' });
    const asked = (await api(`/meetings/${meeting.id}/speakers`, tokens[SZCZECIN], { kind: 'speech' })).body as Speakers;
    const [request] = listOf(asked, first);
    const given = (await api(`/meetings/${meeting.id}/speakers/${request.id}/floor`, chair, {})).body as Speakers;
    expect(given.speaking).toMatchObject({ id: request.id, name: SZCZECIN, seconds: 60 });
    expect((await api(`/meetings/${meeting.id}/speakers/${request.id}/done`, chair, {})).body.speaking).toBeNull();

    // A request of this meeting is not reached through another meeting, nor another meeting's item set here.
    const assemblyMeeting = await meetingWithAgenda(assemblyId, 'XXIII Walne Zebranie Członków');
    expect((await api(`/meetings/${assemblyMeeting.id}/open`, coordinator, {})).status).toBe(200);
    expect((await api(`/meetings/${assemblyMeeting.id}/speakers/${request.id}/withdraw`, coordinator, {})).status).toBe(404);
    expect(await fields(api(`/meetings/${assemblyMeeting.id}/current-item`, coordinator, { itemId: first }))).toEqual({ status: 400, fields: ['itemId'] });
  });
});
