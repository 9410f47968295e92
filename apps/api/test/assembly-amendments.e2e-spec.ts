import JSZip from 'jszip';
import * as Y from 'yjs';
import { MEETING_EVENTS, MEETINGS_NAMESPACE } from '@commonplan/sync';
import { documentFromFragment, RICH_TEXT_FIELD } from '@commonplan/editor';
import type { Socket } from 'socket.io-client';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, stockProvider, type StockProvider, whenSynced } from './support/collab-clients';

// pdf-parse's own entry reads a sample file when loaded as the main module: take its library file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

/** One line of text per file, whitespace collapsed. */
async function fileText(format: 'pdf' | 'docx', body: Buffer): Promise<string> {
  if (format === 'pdf') return (await pdfParse(body)).text.replace(/\s+/g, ' ');
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const MEMBERS = Object.entries(REPRESENTATIVE_LOGINS).map(([name, slug]) => ({ name, email: `przedstawiciel.${slug}@som.example` }));

const PARAGRAPHS = ['§ 1. Stowarzyszenie przyjmuje program współpracy na lata 2027–2030.', '§ 2. Wykonanie uchwały powierza się Zarządowi.', '§ 3. Uchwała wchodzi w życie z dniem podjęcia.'];

/**
 * A general assembly as it runs: the agenda prepared by the chair and adopted by a vote at the opening, changed only by
 * a vote afterwards; an earlier meeting's minutes approved as an item; amendments to a draft resolution proposed on
 * passages of its live text, ordered by the chair with a conflict marked, voted one by one (the adopted one goes into
 * the text at once and drops the one it conflicts with), and then the whole text, as amended, voted and registered with
 * the amended text's hash.
 */
describe('assemblies: agenda, minutes and amendments voted at a meeting', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let partner: string;
  let assemblyId: string;
  let boardId: string;
  const tokens: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  const cleanup: Array<() => void> = [];

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api${path}`, { token, body, method });
  const refusal = async (pending: Promise<{ status: number; body: { code?: string; errors?: Array<{ field: string }> } }>) => {
    const { status, body } = await pending;
    return { status, code: body.code, fields: body.errors ? [...new Set(body.errors.map((e) => e.field))] : undefined };
  };
  const textOf = async (documentId: string) => (await api(`/documents/${documentId}/text`, coordinator)).body.text as string;
  const meetingOf = async (meetingId: string) => (await api(`/meetings/${meetingId}`, coordinator)).body;

  /** A draft resolution of `bodyId` whose text holds the three paragraphs, and a client editing it. */
  const draft = async (title: string, bodyId = assemblyId): Promise<{ id: string; documentId: string; provider: StockProvider }> => {
    const resolution = (await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId, kind: 'ordinary', title })).body;
    const provider = stockProvider(server, resolution.documentId, coordinator, 1);
    cleanup.push(() => {
      provider.destroy();
      provider.doc.destroy();
    });
    await whenSynced(provider);
    const fragment = provider.doc.getXmlFragment(RICH_TEXT_FIELD);
    for (const words of PARAGRAPHS) {
      const paragraph = new Y.XmlElement('paragraph');
      const run = new Y.XmlText();
      run.insert(0, words);
      paragraph.insert(0, [run]);
      fragment.insert(fragment.length, [paragraph]);
    }
    await eventually(async () => (await textOf(resolution.documentId)).includes('§ 3.'), 5_000, 'the text stored');
    return { id: resolution.id, documentId: resolution.documentId, provider };
  };
  /** Where `words` stand in the text as this client has it. */
  const passage = (provider: StockProvider, words: string) => {
    let from = -1;
    documentFromFragment(provider.doc.getXmlFragment(RICH_TEXT_FIELD)).descendants((node, pos) => {
      if (from < 0 && node.isText && node.text?.includes(words)) from = pos + node.text.indexOf(words);
    });
    if (from < 0) throw new Error(`"${words}" is not in the text`);
    return { from, to: from + words.length, expectedText: words };
  };
  /** Opens a vote on a motion, has the first `voters` members vote (`against` of them against) and closes it. */
  const voteOn = async (meetingId: string, motion: Record<string, unknown>, voters: number, against = 0) => {
    const opened = await api(`/meetings/${meetingId}/motions`, coordinator, motion);
    expect(opened.status).toBe(201);
    for (const [index, member] of MEMBERS.slice(0, voters).entries()) {
      expect((await api(`/votes/${opened.body.id}/ballots`, tokens[member.name], { choice: index < against ? 'against' : 'for' })).status).toBe(201);
    }
    const closed = await api(`/votes/${opened.body.id}/close`, coordinator, {});
    expect(closed.status).toBe(200);
    return closed.body as { id: string; motionId: string; outcome: { adopted: boolean | null } };
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    partner = await server.login('partner@som.example');
    for (const member of MEMBERS) tokens[member.name] = await server.login(member.email);
    for (const o of (await api(`/workspaces/${ws}/organisations`, coordinator)).body as Array<{ id: string; name: string }>) orgIds[o.name] = o.id;
    const bodies = (await api(`/workspaces/${ws}/bodies`, coordinator)).body as Array<{ id: string; kind: string; members: Array<{ id: string }> }>;
    assemblyId = bodies.find((b) => b.kind === 'general_assembly')!.id;
    boardId = bodies.find((b) => b.kind === 'board')!.id;
  });
  afterAll(async () => {
    for (const done of cleanup) done();
    await server?.close();
  });

  it('adopts the agenda, changes it by a vote, approves earlier minutes, votes ordered amendments into the text and registers the amended text', async () => {
    const resolution = await draft('w sprawie programu współpracy');
    // An earlier meeting of the assembly, held and closed: its minutes are approved at the next one.
    const earlier = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'XX Walne Zebranie Członków', startsAt: new Date(Date.now() - 86_400_000).toISOString(), agenda: [] })).body;
    await api(`/meetings/${earlier.id}/open`, coordinator, {});
    await api(`/meetings/${earlier.id}/close`, coordinator, {});
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'XXI Walne Zebranie Członków', startsAt: new Date().toISOString(), agenda: [resolution.id] })).body;

    // The chair prepares the agenda: the minutes first, "wolne wnioski" last.
    let view = (await api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'minutes', minutesOf: earlier.id, position: 1 })).body;
    view = (await api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'other', title: 'Wolne wnioski' })).body;
    expect(view.agenda.map((i: { kind: string; position: number }) => [i.position, i.kind])).toEqual([
      [1, 'minutes'],
      [2, 'resolution'],
      [3, 'other'],
    ]);
    expect(view.agenda[0].minutesOf).toMatchObject({ id: earlier.id, title: 'XX Walne Zebranie Członków' });
    expect(await refusal(api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'minutes', minutesOf: earlier.id }))).toMatchObject({ status: 400, fields: ['minutesOf'] });
    expect(await refusal(api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'other' }))).toMatchObject({ status: 400, fields: ['title'] });
    expect(await refusal(api(`/meetings/${meeting.id}/agenda`, tokens['Gmina Police'], { kind: 'other', title: 'x' }))).toMatchObject({ status: 403, code: 'chair_only' });

    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    for (const member of MEMBERS.slice(0, 10)) expect((await api(`/meetings/${meeting.id}/check-in`, tokens[member.name], {})).status).toBe(200);
    const socket: Socket = ioClient(server, tokens['Gmina Police'], MEETINGS_NAMESPACE);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    expect(await emitAck(socket, MEETING_EVENTS.watch, meeting.id)).toEqual({ ok: true });
    const events: string[] = [];
    socket.on(MEETING_EVENTS.event, (id: string, event: { type: string }) => id === meeting.id && events.push(event.type));

    // The agenda adopted by a vote at the opening; from then it changes only by a vote.
    const agendaVote = await voteOn(meeting.id, { kind: 'agenda' }, 10);
    expect(agendaVote.outcome.adopted).toBe(true);
    expect((await meetingOf(meeting.id)).agendaAdoptedAt).not.toBeNull();
    expect(await refusal(api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'other', title: 'Sprawy różne' }))).toMatchObject({ status: 409, code: 'agenda_adopted' });
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'agenda' }))).toMatchObject({ status: 409, code: 'agenda_adopted' });
    const change = await voteOn(meeting.id, { kind: 'agenda_change', change: { action: 'add', item: { kind: 'other', title: 'Sprawy różne' }, position: 3 } }, 10, 2);
    expect(change.outcome.adopted).toBe(true);
    view = await meetingOf(meeting.id);
    expect(view.agenda.map((i: { title: string }) => i.title)).toEqual(['', 'w sprawie programu współpracy', 'Sprawy różne', 'Wolne wnioski']);
    // A change voted down changes nothing.
    const moveDown = await voteOn(meeting.id, { kind: 'agenda_change', change: { action: 'move', itemId: view.agenda[3].id, position: 1 } }, 10, 8);
    expect(moveDown.outcome.adopted).toBe(false);
    expect((await meetingOf(meeting.id)).agenda[3].title).toBe('Wolne wnioski');

    // The earlier meeting's minutes approved.
    const minutesVote = await voteOn(meeting.id, { kind: 'minutes', agendaItemId: view.agenda[0].id }, 10);
    expect(minutesVote.outcome.adopted).toBe(true);
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'minutes', agendaItemId: view.agenda[0].id }))).toMatchObject({ status: 409, code: 'minutes_approved' });

    // Amendments on passages of the live text: two on the same words (they conflict), one on § 2.
    const propose = (member: string, words: string, proposedText: string) =>
      api(`/resolutions/${resolution.id}/amendments`, tokens[member], { ...passage(resolution.provider, words), proposedText, justification: `Uzasadnienie: ${proposedText}` });
    const first = await propose('Gmina Police', '2027–2030', '2027–2035');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, state: 'proposed', proposer: { organisationId: orgIds['Gmina Police'], name: 'Gmina Police' }, currentText: '2027–2030', live: { text: '2027–2030' } });
    const second = (await propose(MEMBERS[1].name, '2027–2030', '2027–2032')).body;
    const third = (await propose(MEMBERS[2].name, 'Zarządowi', 'Zarządowi Stowarzyszenia')).body;
    expect(second.number).toBe(2);
    await eventually(() => events.filter((e) => e === 'amendments_changed').length >= 3, 5_000, 'amendments announced');

    // The whole text waits for its amendments; amendments wait for the chair's order, and go in that order.
    expect(await refusal(api(`/resolutions/${resolution.id}/votes`, coordinator, { meetingId: meeting.id }))).toMatchObject({ status: 409, code: 'amendments_pending' });
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'amendment', amendmentId: first.body.id }))).toMatchObject({ status: 409, code: 'amendments_not_ordered' });
    expect(await refusal(api(`/resolutions/${resolution.id}/amendments/arrangement`, coordinator, { order: [first.body.id, second.id], conflicts: [] }, 'PUT'))).toMatchObject({ status: 400, fields: ['order'] });
    expect(await refusal(api(`/resolutions/${resolution.id}/amendments/arrangement`, coordinator, { order: [first.body.id, second.id, third.id], conflicts: [[first.body.id, first.body.id]] }, 'PUT'))).toMatchObject({ status: 400, fields: ['conflicts.0'] });
    const arranged = await api(`/resolutions/${resolution.id}/amendments/arrangement`, coordinator, { order: [first.body.id, second.id, third.id], conflicts: [[first.body.id, second.id]] }, 'PUT');
    expect(arranged.status).toBe(200);
    expect(arranged.body.map((a: { voteOrder: number; conflictsWith: string[] }) => [a.voteOrder, a.conflictsWith])).toEqual([
      [1, [second.id]],
      [2, [first.body.id]],
      [3, []],
    ]);
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'amendment', amendmentId: second.id }))).toMatchObject({ status: 409, code: 'amendment_out_of_order' });

    // The first adopted 6:4: its wording is in the live text at once, and the one it conflicts with is dropped.
    const firstVote = await voteOn(meeting.id, { kind: 'amendment', amendmentId: first.body.id }, 10, 4);
    expect(firstVote.outcome.adopted).toBe(true);
    await eventually(async () => (await textOf(resolution.documentId)).includes('na lata 2027–2035.'), 5_000, 'the amendment in the text');
    await eventually(() => resolution.provider.doc.getXmlFragment(RICH_TEXT_FIELD).toString().includes('2027–2035'), 5_000, 'the amendment at every client');
    const afterFirst = (await api(`/resolutions/${resolution.id}/amendments`, tokens['Gmina Police'])).body as Array<{ id: string; state: string; droppedBy: string | null; applied: unknown }>;
    expect(afterFirst.map((a) => a.state)).toEqual(['adopted', 'dropped', 'proposed']);
    expect(afterFirst[0].applied).toMatchObject({ text: '2027–2035' });
    expect(afterFirst[1].droppedBy).toBe(first.body.id);
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'amendment', amendmentId: second.id }))).toMatchObject({ status: 409, code: 'amendment_state' });

    // The third rejected 3:7: the text keeps its words.
    const thirdVote = await voteOn(meeting.id, { kind: 'amendment', amendmentId: third.id }, 10, 7);
    expect(thirdVote.outcome.adopted).toBe(false);
    expect((await api(`/resolutions/${resolution.id}/amendments`, coordinator)).body.map((a: { state: string }) => a.state)).toEqual(['adopted', 'dropped', 'rejected']);
    expect(await textOf(resolution.documentId)).toContain('powierza się Zarządowi.');

    // The whole text, as amended, frozen and voted; the register holds the amended text's hash.
    const whole = await api(`/resolutions/${resolution.id}/votes`, coordinator, { meetingId: meeting.id });
    expect(whole.status).toBe(201);
    const frozen = (await api(`/documents/${resolution.documentId}/versions/${whole.body.textVersionId}`, coordinator)).body;
    expect(JSON.stringify(frozen.content)).toContain('na lata 2027–2035.');
    for (const member of MEMBERS.slice(0, 10)) await api(`/votes/${whole.body.id}/ballots`, tokens[member.name], { choice: 'for' });
    expect((await api(`/votes/${whole.body.id}/close`, coordinator, {})).body.outcome.adopted).toBe(true);
    const entry = ((await api(`/workspaces/${ws}/register`, coordinator)).body as Array<{ resolutionId: string; textHash: string }>).find((e) => e.resolutionId === resolution.id);
    expect(entry?.textHash).toBe(frozen.contentHash);

    // Every vote of the meeting, motions included, verifies against its seals.
    const report = (await api(`/workspaces/${ws}/register/verify`, coordinator)).body;
    expect(report.problems).toEqual([]);
    view = await meetingOf(meeting.id);
    expect(view.motions.map((m: { kind: string; votes: Array<{ verification: { verified: boolean } }> }) => [m.kind, m.votes[0].verification.verified])).toEqual([
      ['agenda', true],
      ['agenda_change', true],
      ['agenda_change', true],
      ['minutes', true],
      ['amendment', true],
      ['amendment', true],
    ]);
    expect(view.agenda[1].amendments.map((a: { number: number; state: string }) => [a.number, a.state])).toEqual([
      [1, 'adopted'],
      [2, 'dropped'],
      [3, 'rejected'],
    ]);

    // The minutes: the agenda as adopted and changed, the procedural votes, each amendment with its author, wording,
    // figures and result, in Polish and English, as data, PDF and Word.
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).status).toBe(200);
    const minutes = (await api(`/meetings/${meeting.id}/minutes`, tokens['Gmina Police'])).body;
    expect(minutes.procedure.agendaAdopted).toMatch(/^Porządek obrad przyjęto w głosowaniu o godz\. \d{1,2}:\d{2}\.$/);
    expect(minutes.procedure.items.map((i: { title: string }) => i.title)).toEqual([
      expect.stringMatching(/^Przyjęcie protokołu z posiedzenia „XX Walne Zebranie Członków” z /),
      'w sprawie programu współpracy',
      'Sprawy różne',
      'Wolne wnioski',
    ]);
    expect(minutes.procedure.motions.map((m: { title: string; votes: Array<{ result: { reason: string } }> }) => [m.title.replace(/ z .*$/, ''), m.votes[0].result.reason])).toEqual([
      ['Przyjęcie porządku obrad', 'adopted'],
      ['Zmiana porządku obrad: dodanie punktu „Sprawy różne” jako punktu 3', 'adopted'],
      ['Zmiana porządku obrad: przeniesienie punktu „Wolne wnioski” na miejsce 1', 'rejected'],
      ['Przyjęcie protokołu', 'adopted'],
    ]);
    const amended = minutes.agenda.find((i: { resolutionId: string }) => i.resolutionId === resolution.id);
    expect(amended.amendments.map((a: { heading: string; proposer: string; proposedText: string; stateText: string; votes: Array<{ tally: { for: { count: number }; against: { count: number } } }> }) => [a.heading, a.proposer, a.proposedText, a.stateText, a.votes.map((v) => [v.tally.for.count, v.tally.against.count])])).toEqual([
      ['Poprawka nr 1', 'Gmina Police', '2027–2035', 'przyjęta i wprowadzona do tekstu uchwały', [[6, 4]]],
      ['Poprawka nr 2', MEMBERS[1].name, '2027–2032', 'bezprzedmiotowa po przyjęciu poprawki nr 1', []],
      ['Poprawka nr 3', MEMBERS[2].name, 'Zarządowi Stowarzyszenia', 'odrzucona', [[3, 7]]],
    ]);
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const expected = {
      pl: ['Porządek obrad przyjęto w głosowaniu', 'Głosowania w sprawach proceduralnych', 'Poprawka nr 1', 'Dotychczasowy zapis', '2027–2030', '2027–2035', 'bezprzedmiotowa po przyjęciu poprawki nr 1', 'Przyjęcie porządku obrad'],
      en: ['The agenda was adopted by a vote', 'Procedural votes', 'Amendment no. 1', 'Current wording', 'dropped when amendment no. 1 was adopted', 'Adoption of the agenda'],
    };
    for (const language of ['pl', 'en'] as const) {
      for (const format of ['pdf', 'docx'] as const) {
        const file = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.${format}?lang=${language}`, { headers: { authorization: `Bearer ${coordinator}` } });
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe(format === 'pdf' ? 'application/pdf' : DOCX);
        const text = await fileText(format, Buffer.from(await file.arrayBuffer()));
        for (const words of expected[language]) expect({ language, format, has: text.includes(words) ? words : text }).toEqual({ language, format, has: words });
      }
    }
  });

  it('refuses amendments and motions from whoever may not make them, on passages that are not there, and at the wrong time', async () => {
    const resolution = await draft('w sprawie regulaminu biura');
    const police = tokens['Gmina Police'];
    const words = passage(resolution.provider, 'Zarządowi');
    const propose = (token: string, body: Record<string, unknown>) => refusal(api(`/resolutions/${resolution.id}/amendments`, token, { ...words, proposedText: 'Dyrektorowi Biura', ...body }));

    expect(await propose(partner, {})).toMatchObject({ status: 403, code: 'representatives_only' });
    expect(await propose(coordinator, {})).toMatchObject({ status: 400, fields: ['proposerName'] });
    expect(await propose(police, { from: 'a' })).toMatchObject({ status: 400, fields: ['from'] });
    expect(await propose(police, { from: words.to, to: words.from })).toMatchObject({ status: 400, fields: ['to'] });
    expect(await propose(police, { expectedText: 'Zarządowi Stowarzyszenia' })).toMatchObject({ status: 409, code: 'passage_changed' });
    expect(await propose(police, { proposedText: 'x'.repeat(20_001) })).toMatchObject({ status: 400, fields: ['proposedText'] });
    expect((await api(`/resolutions/00000000-0000-4000-8000-000000000000/amendments`, police, { ...words, proposedText: 'x' })).status).toBe(404);
    // A board resolution is amended by the board's members only.
    const boardDraft = await draft('w sprawie planu pracy biura', boardId);
    const boardMembers = ((await api(`/bodies/${boardId}`, coordinator)).body.members as Array<{ id: string }>).map((m) => m.id);
    const outsider = MEMBERS.find((m) => !boardMembers.includes(orgIds[m.name]))!;
    expect(await refusal(api(`/resolutions/${boardDraft.id}/amendments`, tokens[outsider.name], { ...passage(boardDraft.provider, 'Zarządowi'), proposedText: 'x' }))).toMatchObject({ status: 409, code: 'not_body_member' });

    // Staff propose on behalf of a body; the proposer (not another member) withdraws.
    const staff = await api(`/resolutions/${resolution.id}/amendments`, coordinator, { ...words, proposedText: 'Dyrektorowi Biura', proposerName: 'Komisja Rewizyjna' });
    expect(staff.body).toMatchObject({ proposer: { organisationId: null, name: 'Komisja Rewizyjna' } });
    const own = (await api(`/resolutions/${resolution.id}/amendments`, police, { ...words, proposedText: 'Prezesowi Zarządu' })).body;
    expect(await refusal(api(`/amendments/${own.id}/withdraw`, tokens[MEMBERS[1].name], {}))).toMatchObject({ status: 403, code: 'chair_only' });
    expect((await api(`/amendments/${own.id}/withdraw`, police, {})).body.state).toBe('withdrawn');
    expect(await refusal(api(`/amendments/${own.id}/withdraw`, police, {}))).toMatchObject({ status: 409, code: 'amendment_state' });

    // Motions: the chair's, in an open meeting, one vote at a time.
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title: 'Nadzwyczajne Walne Zebranie', startsAt: new Date().toISOString(), agenda: [resolution.id] })).body;
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'agenda' }))).toMatchObject({ status: 409, code: 'meeting_not_open' });
    await api(`/meetings/${meeting.id}/open`, coordinator, {});
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, police, { kind: 'agenda' }))).toMatchObject({ status: 403, code: 'chair_only' });
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'amendment', amendmentId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ status: 400, fields: ['amendmentId'] });
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'agenda_change', change: { action: 'move', itemId: meeting.id, position: 1 } }))).toMatchObject({ status: 409, code: 'agenda_not_adopted' });
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'quorum' }))).toMatchObject({ status: 400, fields: ['kind'] });
    // The representative of the body's chair runs the meeting too.
    expect((await api(`/bodies/${assemblyId}`, coordinator, { chairId: orgIds['Gmina Police'] }, 'PATCH')).status).toBe(200);
    const opened = await api(`/meetings/${meeting.id}/motions`, police, { kind: 'agenda' });
    expect(opened.status).toBe(201);
    expect(await refusal(api(`/meetings/${meeting.id}/motions`, police, { kind: 'agenda' }))).toMatchObject({ status: 409, code: 'vote_in_progress' });
    // A partner casts no ballot; the chair's representative closes the vote.
    expect((await api(`/votes/${opened.body.id}/ballots`, partner, { choice: 'for' })).status).toBe(403);
    expect(await refusal(api(`/votes/${opened.body.id}/close`, tokens[MEMBERS[1].name], {}))).toMatchObject({ status: 403, code: 'chair_only' });
    expect((await api(`/votes/${opened.body.id}/close`, police, {})).body.outcome).toMatchObject({ adopted: null, reason: 'no_quorum' });
    expect((await meetingOf(meeting.id)).agendaAdoptedAt).toBeNull();
    await api(`/bodies/${assemblyId}`, coordinator, { chairId: null }, 'PATCH');
  });

  it('lets the chair move items of an adopted agenda where the rule book gives the chair that, an item added still voted; the minutes say so', async () => {
    const board = (await api(`/bodies/${boardId}`, coordinator)).body as { rules: Record<string, unknown>; members: Array<{ id: string; name: string }> };
    expect(await refusal(api(`/bodies/${boardId}`, coordinator, { rules: { ...board.rules, agenda: { add: 'vote', move: 'mayor' } } }, 'PATCH'))).toMatchObject({ status: 400, fields: ['rules.agenda.move'] });
    expect((await api(`/bodies/${boardId}`, coordinator, { rules: { ...board.rules, agenda: { add: 'vote', move: 'chair' } } }, 'PATCH')).status).toBe(200);
    const resolution = await draft('w sprawie planu pracy Zarządu', boardId);
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: boardId, title: 'Posiedzenie Zarządu nr 7', startsAt: new Date().toISOString(), agenda: [resolution.id] })).body;
    await api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'other', title: 'Wolne wnioski' });
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    for (const member of board.members) expect((await api(`/meetings/${meeting.id}/check-in`, tokens[member.name], {})).status).toBe(200);
    expect((await meetingOf(meeting.id)).agendaChanges).toEqual({ add: 'vote', move: 'chair' });
    const adoption = (await api(`/meetings/${meeting.id}/motions`, coordinator, { kind: 'agenda' })).body;
    for (const member of board.members) expect((await api(`/votes/${adoption.id}/ballots`, tokens[member.name], { choice: 'for' })).status).toBe(201);
    expect((await api(`/votes/${adoption.id}/close`, coordinator, {})).body.outcome.adopted).toBe(true);

    // The chair moves an item at once; an item added, or one removed, still takes a vote; a member who does not chair moves nothing.
    const [item, other] = (await meetingOf(meeting.id)).agenda as Array<{ id: string; title: string }>;
    expect(await refusal(api(`/meetings/${meeting.id}/agenda/${other.id}/move`, tokens[board.members[0].name], { position: 1 }))).toMatchObject({ status: 403, code: 'chair_only' });
    const moved = await api(`/meetings/${meeting.id}/agenda/${other.id}/move`, coordinator, { position: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.agenda.map((i: { id: string }) => i.id)).toEqual([other.id, item.id]);
    expect(await refusal(api(`/meetings/${meeting.id}/agenda`, coordinator, { kind: 'other', title: 'Sprawy różne' }))).toMatchObject({ status: 409, code: 'agenda_adopted' });
    expect(await refusal(api(`/meetings/${meeting.id}/agenda/${item.id}`, coordinator, undefined, 'DELETE'))).toMatchObject({ status: 409, code: 'agenda_adopted' });
    const [sealed] = await server.db.query(`SELECT details FROM audit_entries WHERE action = 'meeting.agenda_item_moved' AND target_id = $1`, [meeting.id]);
    expect(sealed.details).toEqual({ itemId: other.id, from: 2, to: 1, afterAdoption: true });

    // The minutes say the chair changed the adopted agenda, and when.
    expect((await api(`/meetings/${meeting.id}/close`, coordinator, {})).status).toBe(200);
    const minutes = (await api(`/meetings/${meeting.id}/minutes`, coordinator)).body;
    expect(minutes.procedure.chairChanges).toEqual([expect.stringMatching(/^Zmiana porządku obrad: przeniesienie punktu „Wolne wnioski” na miejsce 1 – przez przewodniczącego obrad o godz\. \d{2}:\d{2}, zgodnie z regulaminem\.$/)]);
    const english = (await api(`/meetings/${meeting.id}/minutes?lang=en`, coordinator)).body;
    expect(english.procedure.chairChanges).toEqual([expect.stringMatching(/^Change of the agenda: item “Wolne wnioski” moved to place 1, by the chair at \d{2}:\d{2}, as the standing orders allow\.$/)]);
    await api(`/bodies/${boardId}`, coordinator, { rules: board.rules }, 'PATCH');
  });
});
