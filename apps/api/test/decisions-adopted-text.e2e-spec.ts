import type { Socket } from 'socket.io-client';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { decodeMessage, encodeSyncStep1, encodeUpdate } from '@commonplan/sync';
import { REPRESENTATIVE_LOGINS } from '../src/demo/demo-seeder';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, plain, stockProvider, textOf, whenSynced } from './support/collab-clients';

const MEMBERS = Object.values(REPRESENTATIVE_LOGINS).map((slug) => `przedstawiciel.${slug}@som.example`);

/**
 * What is voted on is a frozen text: from the opening of the vote nobody edits a resolution's text (on either
 * transport, nor by restoring a version), the vote and the register entry carry its SHA-256, the public register
 * gives the text as voted, the document it adopts and the minutes, and an adopted resolution changes only through
 * another that amends or repeals it.
 */
describe('decisions: the adopted text is the text voted on', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let assemblyId: string;
  const tokens: string[] = [];
  const cleanup: Array<() => void> = [];

  const api = (path: string, token: string | null, body?: unknown, method?: string) => server.request(`/api${path}`, { token: token ?? undefined, body, method });
  const socket = async (token: string) => {
    const s = ioClient(server, token);
    cleanup.push(() => s.disconnect());
    await connected(s);
    return s;
  };
  /** Joins on socket.io and keeps a Y.Doc in sync with the server's. */
  const join = async (s: Socket, documentId: string) => {
    const doc = new Y.Doc();
    s.on('msg', (id: string, bytes: ArrayBuffer) => {
      const message = decodeMessage(new Uint8Array(bytes));
      if (id === documentId && (message.type === 'sync-step-2' || message.type === 'update')) Y.applyUpdate(doc, message.update, 'server');
    });
    const ack = await emitAck(s, 'join', documentId);
    s.emit('msg', documentId, encodeSyncStep1(Y.encodeStateVector(doc)));
    return { ack, doc };
  };
  /** Sends what was typed into `doc` since `before`, and answers the server's acknowledgement. */
  const type = (s: Socket, documentId: string, doc: Y.Doc, text: string) => {
    const before = Y.encodeStateVector(doc);
    textOf(doc).insert(textOf(doc).length, text);
    return emitAck(s, 'msg', documentId, encodeUpdate(Y.encodeStateAsUpdate(doc, before)));
  };
  const textOnServer = async (documentId: string) => (await api(`/documents/${documentId}/text`, coordinator)).body.text as string;
  const draft = async (title: string, extra: Record<string, unknown> = {}) => {
    const response = await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title, ...extra });
    expect(response.status).toBe(201);
    return response.body as { id: string; documentId: string };
  };
  const meetingWith = async (title: string, agenda: string[], present: number) => {
    const meeting = (await api(`/workspaces/${ws}/meetings`, coordinator, { bodyId: assemblyId, title, startsAt: new Date().toISOString(), agenda })).body;
    expect((await api(`/meetings/${meeting.id}/open`, coordinator, {})).status).toBe(200);
    for (const token of tokens.slice(0, present)) expect((await api(`/meetings/${meeting.id}/check-in`, token, {})).status).toBe(200);
    return meeting.id as string;
  };
  /** Opens a vote in a meeting; says what the API answered if it did not open. */
  const openVote = async (resolutionId: string, meetingId: string) => {
    const response = await api(`/resolutions/${resolutionId}/votes`, coordinator, { meetingId });
    if (response.status !== 201) throw new Error(`the vote did not open: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; textVersionId: string; textHash: string };
  };
  const voteAll = async (voteId: string, present: number) => {
    for (const token of tokens.slice(0, present)) expect((await api(`/votes/${voteId}/ballots`, token, { choice: 'for' })).status).toBe(201);
    expect((await api(`/votes/${voteId}/close`, coordinator, {})).status).toBe(200);
  };

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    for (const email of MEMBERS) tokens.push(await server.login(email));
    assemblyId = (await api(`/workspaces/${ws}/bodies`, coordinator)).body.find((b: { kind: string }) => b.kind === 'general_assembly').id;
  });
  afterEach(() => {
    for (const close of cleanup.splice(0)) close();
  });
  afterAll(() => server?.close());

  it('freezes the text at the opening of the vote on both transports, gives it back after no quorum, and for good once adopted', async () => {
    const strategy = (await api(`/workspaces/${ws}/documents`, coordinator)).body.find((d: { kind: string }) => d.kind === 'strategy');
    const adopted = (await api(`/documents/${strategy.id}/versions`, coordinator, { name: 'Strategia do przyjęcia' })).body;
    const resolution = await draft('w sprawie przyjęcia Strategii', { adoptsVersionId: adopted.id });
    const s = await socket(coordinator);
    const { ack, doc } = await join(s, resolution.documentId);
    expect(ack).toMatchObject({ ok: true, access: 'edit' });
    expect(await type(s, resolution.documentId, doc, '§ 1. Przyjmuje się Strategię.')).toMatchObject({ ok: true });
    const yws = stockProvider(server, resolution.documentId, coordinator, 1);
    const dropYws = () => {
      yws.destroy();
      yws.doc.destroy(); // also stops the provider's Awareness timer
    };
    cleanup.push(dropYws);
    await whenSynced(yws);
    await eventually(() => plain(yws.doc) === '§ 1. Przyjmuje się Strategię.', 10_000, 'the y-websocket client to sync');

    // A meeting without a quorum: the text is frozen while the vote runs, and editable again after it.
    const thin = await meetingWith('Walne Zebranie bez kworum', [resolution.id], 3);
    const first = await openVote(resolution.id, thin);
    const version = (await api(`/documents/${resolution.documentId}/versions/${first.textVersionId}`, coordinator)).body;
    expect(first).toMatchObject({ textVersionId: version.id, textHash: version.contentHash });
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await type(s, resolution.documentId, doc, ' WŁAMANIE')).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/frozen.*amends or repeals/) } });
    const denied: string[] = [];
    yws.ws!.addEventListener('message', (event: { data: unknown }) => {
      const d = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(d) === 2 && decoding.readVarUint(d) === 0) denied.push(decoding.readVarString(d));
    });
    textOf(yws.doc).insert(0, 'INNE ');
    await eventually(() => denied.some((reason) => /frozen/.test(reason)), 10_000, 'permission-denied naming the frozen text');
    const restore = await api(`/documents/${resolution.documentId}/versions/${version.id}/restore`, coordinator, {});
    expect(restore.status).toBe(403);
    expect(await textOnServer(resolution.documentId)).toBe('§ 1. Przyjmuje się Strategię.');
    await voteAll(first.id, 3);
    expect((await api(`/resolutions/${resolution.id}`, coordinator)).body.state).toBe('no_quorum');
    dropYws();
    // Edit is back: for a new connection, and for an open one, whose access is re-read at once (a client whose
    // refused edits are still in its document starts again from the server's state).
    const again = await socket(coordinator);
    const rejoined = await join(again, resolution.documentId);
    expect(rejoined.ack).toMatchObject({ ok: true, access: 'edit' });
    await eventually(() => plain(rejoined.doc) === '§ 1. Przyjmuje się Strategię.', 10_000, 'the rejoined client to sync');
    expect(await type(again, resolution.documentId, rejoined.doc, ' § 2. Wchodzi w życie z dniem podjęcia.')).toMatchObject({ ok: true });
    // (Its refused ' WŁAMANIE' is still in its own copy, before or after the new text as the client ids fall.)
    await eventually(() => plain(doc).includes('§ 2. Wchodzi w życie z dniem podjęcia.'), 10_000, 'the open connection to receive');
    // The open connection may edit again: from a copy of the server's state, its edit is taken.
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(rejoined.doc));
    expect(await type(s, resolution.documentId, after, ' § 3. Wykonanie powierza się Zarządowi.')).toMatchObject({ ok: true });
    await eventually(() => plain(rejoined.doc).endsWith('Zarządowi.'), 10_000, 'the edit of the open connection to reach the others');
    await api(`/meetings/${thin}/close`, coordinator, {});

    // A quorate meeting adopts the text as it now reads; the register entry carries its hash.
    const full = await meetingWith('Walne Zebranie', [resolution.id], 12);
    const second = await openVote(resolution.id, full);
    expect(second.textVersionId).not.toBe(first.textVersionId);
    // Each voted text is named by its vote's number, so a vote opened again within the same second still freezes.
    const names = ((await api(`/documents/${resolution.documentId}/versions`, coordinator)).body as Array<{ id: string; name: string }>)
      .filter((v) => v.id === first.textVersionId || v.id === second.textVersionId)
      .map((v) => v.name.replace(/, .*$/, ''))
      .sort();
    expect(names).toEqual(['Tekst poddany głosowaniu nr 1', 'Tekst poddany głosowaniu nr 2']);
    await voteAll(second.id, 12);
    const adoptedResolution = (await api(`/resolutions/${resolution.id}`, coordinator)).body;
    expect(adoptedResolution.state).toBe('adopted');
    const voted = (await api(`/documents/${resolution.documentId}/versions/${second.textVersionId}`, coordinator)).body;
    expect(voted.html).toMatch(/Wchodzi w życie/);
    expect(await type(again, resolution.documentId, rejoined.doc, ' PO FAKCIE')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/frozen/) } });
    const fresh = await socket(coordinator);
    expect((await join(fresh, resolution.documentId)).ack).toMatchObject({ ok: true, access: 'comment' });
    expect(await textOnServer(resolution.documentId)).toBe('§ 1. Przyjmuje się Strategię. § 2. Wchodzi w życie z dniem podjęcia. § 3. Wykonanie powierza się Zarządowi.');

    const register = (await api(`/workspaces/${ws}/register`, coordinator)).body as Array<{ number: string; textHash: string; versionHash: string; position: number }>;
    const entry = register.find((e) => e.number === adoptedResolution.number)!;
    expect(entry).toMatchObject({ textHash: voted.contentHash, versionHash: adopted.contentHash });

    // The minutes are published once the meeting is closed.
    expect((await api(`/public/registers/ssom/entries/${entry.position}`, null)).body.minutes).toBeNull();
    expect((await server.request(`/api/public/registers/ssom/entries/${entry.position}/minutes.pdf`)).status).toBe(404);
    expect((await api(`/meetings/${full}/close`, coordinator, {})).status).toBe(200);

    // The public register: the entry's page, the text as voted, the adopted document and the minutes.
    const page = await api(`/public/registers/ssom/entries/${entry.position}`, null);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      workspace: expect.any(String),
      entry: { number: adoptedResolution.number, textHash: voted.contentHash, verified: true },
      text: { contentHash: voted.contentHash, content: voted.content },
      adopts: { documentTitle: strategy.title, name: 'Strategia do przyjęcia', contentHash: adopted.contentHash },
      minutes: { title: 'Walne Zebranie' },
      changes: null,
      changedBy: [],
    });
    for (const [file, type] of [
      ['text.pdf', 'application/pdf'],
      ['adopted.pdf', 'application/pdf'],
      ['minutes.pdf', 'application/pdf'],
      ['minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]) {
      const response = await server.request(`/api/public/registers/ssom/entries/${entry.position}/${file}?lang=en`);
      expect({ file, status: response.status, type: response.headers.get('content-type') }).toEqual({ file, status: 200, type: expect.stringContaining(type) });
    }
    expect((await server.request(`/api/public/registers/ssom/entries/${entry.position + 1000}`)).status).toBe(404);
    expect((await server.request(`/api/public/registers/ssom/entries/abc`)).status).toBe(404);
    // Past the database's integers, or not a plain whole number: no such entry, never a 500.
    for (const position of ['100000000000000000000', '0', '-1', '1e3', '01', `0${entry.position}`]) {
      expect({ position, status: (await server.request(`/api/public/registers/ssom/entries/${position}/text.pdf`)).status }).toEqual({ position, status: 404 });
    }
    expect((await server.request(`/api/public/registers/nie-ma/entries/${entry.position}`)).status).toBe(404);
  });

  it('changes an adopted resolution only by another that amends or repeals it, linked both ways', async () => {
    const original = await draft('w sprawie wysokości składki członkowskiej');
    const meeting = await meetingWith('Walne Zebranie (składki)', [original.id], 12);
    await voteAll((await openVote(original.id, meeting)).id, 12);
    const adopted = (await api(`/resolutions/${original.id}`, coordinator)).body;
    expect(adopted.state).toBe('adopted');

    // Refused: half a link, a draft, another workspace's or no resolution.
    const other = await draft('w sprawie roboczej');
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ changesResolutionId: original.id }, 'changeKind'],
      [{ changeKind: 'amends' }, 'changesResolutionId'],
      [{ changesResolutionId: other.id, changeKind: 'amends' }, 'changesResolutionId'],
      [{ changesResolutionId: '00000000-0000-4000-8000-000000000000', changeKind: 'repeals' }, 'changesResolutionId'],
      [{ changesResolutionId: original.id, changeKind: 'replaces' }, 'changeKind'],
    ];
    for (const [extra, field] of refusals) {
      const response = await api(`/workspaces/${ws}/resolutions`, coordinator, { bodyId: assemblyId, kind: 'ordinary', title: 'zmieniająca', ...extra });
      expect({ extra, status: response.status, fields: (response.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ extra, status: 400, fields: [field] });
    }

    const amending = await draft('zmieniająca uchwałę w sprawie składki', { changesResolutionId: original.id, changeKind: 'amends' });
    expect((await api(`/resolutions/${amending.id}`, coordinator)).body.changes).toEqual({ resolutionId: original.id, number: adopted.number, kind: 'amends' });
    const second = await meetingWith('Walne Zebranie (zmiana składki)', [amending.id], 12);
    await voteAll((await openVote(amending.id, second)).id, 12);
    const amendingNumber = (await api(`/resolutions/${amending.id}`, coordinator)).body.number;
    expect((await api(`/resolutions/${original.id}`, coordinator)).body.changedBy).toEqual([{ resolutionId: amending.id, number: amendingNumber, kind: 'amends' }]);

    const register = (await api(`/workspaces/${ws}/register`, coordinator)).body as Array<{ number: string; position: number }>;
    const positionOf = (number: string) => register.find((e) => e.number === number)!.position;
    expect((await api(`/public/registers/ssom/entries/${positionOf(adopted.number)}`, null)).body.changedBy).toEqual([{ number: amendingNumber, kind: 'amends', position: positionOf(amendingNumber) }]);
    expect((await api(`/public/registers/ssom/entries/${positionOf(amendingNumber)}`, null)).body.changes).toEqual({ number: adopted.number, kind: 'amends', position: positionOf(adopted.number) });
  });

  it('names a voted text changed behind the application’s back', async () => {
    const resolution = await draft('w sprawie zmiany logo');
    const s = await socket(coordinator);
    const { doc } = await join(s, resolution.documentId);
    await eventually(async () => (await type(s, resolution.documentId, doc, 'Logo: niebieskie.')).ok === true, 10_000, 'the text typed');
    const meeting = await meetingWith('Walne Zebranie (logo)', [resolution.id], 12);
    const vote = await openVote(resolution.id, meeting);
    await voteAll(vote.id, 12);
    expect((await api(`/workspaces/${ws}/register/verify`, coordinator)).body).toMatchObject({ valid: true });

    await server.db.transaction(async (m) => {
      await m.query(`ALTER TABLE document_versions DISABLE TRIGGER USER`);
      await m.query(`UPDATE document_versions SET content = replace(content::text, 'niebieskie', 'czerwone')::jsonb WHERE id = $1`, [vote.textVersionId]);
      await m.query(`ALTER TABLE document_versions ENABLE TRIGGER USER`);
    });
    const report = (await api(`/workspaces/${ws}/register/verify`, coordinator)).body;
    expect(report.valid).toBe(false);
    expect(report.problems).toContainEqual({ kind: 'vote', id: vote.id, code: 'text_changed', reason: expect.stringMatching(/SHA-256/) });
    const number = (await api(`/resolutions/${resolution.id}`, coordinator)).body.number;
    const publicEntry = (await api('/public/registers/ssom', null)).body.entries.find((e: { number: string }) => e.number === number);
    expect(publicEntry.verified).toBe(false);
  });
});
