import * as Y from 'yjs';
import { CollabEngine } from '../src/collab/collab-engine';
import { DocumentStore, writeSnapshotIfCurrent } from '../src/collab/document-store';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, plain, rawEditor, stockProvider, textOf, whenSynced } from './support/collab-clients';

describe('co-drafting storage: group commit, compaction, loading and unloading', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  const cleanup: (() => void)[] = [];

  const newDocument = async () =>
    (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: `Plan ${Math.random()}`, kind: 'sector_plan' } })).body.id as string;
  const text = async (documentId: string) => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text;
  const rows = async (documentId: string) =>
    (await server.db.query(`SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1`, [documentId]))[0].n as number;
  const engine = () => server.server.app.get(CollabEngine);
  const store = () => server.server.app.get(DocumentStore);
  const editor = (documentId: string) => rawEditor(server, coordinator, documentId, cleanup);

  beforeAll(async () => {
    server = await TestServer.start({ env: { COLLAB_COMPACT_ROWS: '8', COLLAB_IDLE_UNLOAD_SECONDS: '0' } });
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
  });
  afterEach(() => {
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(() => server?.close());

  it('writes a burst of updates in a few group commits and acknowledges each after its commit', async () => {
    const documentId = await newDocument();
    const { doc, acks } = await editor(documentId);
    const paragraph = textOf(doc);
    const rowsBefore = await rows(documentId);
    for (let i = 0; i < 200; i++) paragraph.insert(paragraph.length, String.fromCharCode(97 + (i % 26)));
    const results = await Promise.all(acks);
    expect(results.every((ack) => ack.ok === true && typeof ack.seq === 'number')).toBe(true);
    // Each acknowledged row is committed: it is there (or already merged into the snapshot).
    const stored = new Set((await server.db.query(`SELECT id FROM document_updates WHERE document_id = $1`, [documentId])).map((r: { id: string }) => Number(r.id)));
    const [snapshot] = await server.db.query(`SELECT upto_id FROM document_snapshots WHERE document_id = $1`, [documentId]);
    for (const ack of results) expect(stored.has(ack.seq) || (snapshot && ack.seq <= Number(snapshot.upto_id))).toBe(true);
    // 201 updates (the paragraph and 200 characters), far fewer rows: one per commit.
    const distinct = new Set(results.map((ack) => ack.seq)).size;
    expect(distinct).toBeLessThan(20);
    expect(rowsBefore).toBe(0);
    expect(await text(documentId)).toBe(plain(doc));
  });

  it('compacts the log into a snapshot past the row threshold, and a restart loads exactly the same text', async () => {
    const documentId = await newDocument();
    const { doc, acks } = await editor(documentId);
    const paragraph = textOf(doc);
    for (let i = 0; i < 30; i++) {
      paragraph.insert(paragraph.length, `${i} `);
      await Promise.all(acks); // one commit each, so the log grows by a row each time
    }
    await eventually(async () => (await rows(documentId)) < 8, 10_000, 'compaction');
    const [snapshot] = await server.db.query(`SELECT upto_id FROM document_snapshots WHERE document_id = $1`, [documentId]);
    expect(Number(snapshot.upto_id)).toBeGreaterThan(0);
    const expected = plain(doc);
    expect(await text(documentId)).toBe(expected);

    cleanup.pop()?.();
    await server.restart();
    coordinator = await server.login('koordynator@som.example');
    expect(await text(documentId)).toBe(expected);
  });

  it('never lets a stale compaction overwrite a newer snapshot, nor lose a row that commits during one', async () => {
    const documentId = await newDocument();
    const { doc, acks } = await editor(documentId);
    textOf(doc).insert(0, 'pierwsza wersja');
    await Promise.all(acks);
    // Two compactions at once: one merges the rows, the other finds none left; nothing is merged twice.
    const logged = await rows(documentId);
    expect(logged).toBeGreaterThan(0);
    const merged = await Promise.all([store().compact(documentId), store().compact(documentId)]);
    expect(merged.map((m) => m.rows).sort()).toEqual([0, logged]);

    // A compactor that read version 0 while another has since written version 1 writes nothing.
    const [{ version }] = await server.db.query(`SELECT version FROM document_snapshots WHERE document_id = $1`, [documentId]);
    textOf(doc).insert(0, '» ');
    await Promise.all(acks);
    expect((await store().compact(documentId)).rows).toBe(1);
    const before = (await server.db.query(`SELECT data, version FROM document_snapshots WHERE document_id = $1`, [documentId]))[0];
    expect(Number(before.version)).toBe(Number(version) + 1);
    const stale = await server.db.transaction((m) => writeSnapshotIfCurrent(m, documentId, Number(version), 1, new Y.Doc()));
    expect(stale).toBe(false);
    const after = (await server.db.query(`SELECT data FROM document_snapshots WHERE document_id = $1`, [documentId]))[0];
    expect(Buffer.compare(before.data, after.data)).toBe(0);

    // A row with an id lower than the snapshot's (it committed late) is still loaded, and merged next time.
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(late);
    textOf(late).insert(0, 'spóźniony ');
    await server.db.query(`INSERT INTO document_updates (id, document_id, data) VALUES (1, $1, $2)`, [documentId, Buffer.from(Y.encodeStateAsUpdate(late, sv))]);
    const loaded = await store().load(documentId);
    const check = new Y.Doc();
    for (const u of [loaded.snapshot!.data, ...loaded.tail]) Y.applyUpdate(check, u);
    expect(plain(check)).toBe('spóźniony » pierwsza wersja');
    expect((await store().compact(documentId)).rows).toBe(1);
    expect(await rows(documentId)).toBe(0);
  });

  it('unloads a document nobody has open, once everything is stored, and loads it again on demand', async () => {
    const documentId = await newDocument();
    const provider = stockProvider(server, documentId, coordinator, 1);
    await whenSynced(provider);
    textOf(provider.doc).insert(0, 'Mobilność');
    await eventually(async () => (await text(documentId)) === 'Mobilność');
    const loaded = () => (engine() as unknown as { documents: Map<string, unknown> }).documents.has(documentId);
    expect(loaded()).toBe(true);
    provider.destroy();
    provider.doc.destroy();
    await eventually(() => !loaded(), 10_000, 'the unload');
    expect(await rows(documentId)).toBe(0); // compacted on the way out
    expect(await text(documentId)).toBe('Mobilność');
  });

  it('answers "unavailable" when a document cannot be loaded, and never replaces what is stored', async () => {
    const documentId = await newDocument();
    const { doc, acks } = await editor(documentId);
    textOf(doc).insert(0, 'treść, która musi przetrwać');
    await Promise.all(acks);
    cleanup.pop()?.();
    await eventually(() => !(engine() as unknown as { documents: Map<string, unknown> }).documents.has(documentId), 10_000, 'the unload');
    const [{ data: good }] = await server.db.query(`SELECT data FROM document_snapshots WHERE document_id = $1`, [documentId]);

    // The stored state is damaged (a disk fault, a bad restore): loading fails.
    await server.db.query(`UPDATE document_snapshots SET data = '\\xdeadbeef' WHERE document_id = $1`, [documentId]);
    const socket = ioClient(server, coordinator);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    expect(await emitAck(socket, 'join', documentId)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).status).toBe(503);
    const [{ data: still }] = await server.db.query(`SELECT data FROM document_snapshots WHERE document_id = $1`, [documentId]);
    expect(Buffer.from(still).toString('hex')).toBe('deadbeef');
    expect(await rows(documentId)).toBe(0);

    await server.db.query(`UPDATE document_snapshots SET data = $2 WHERE document_id = $1`, [documentId, good]);
    expect(await emitAck(socket, 'join', documentId)).toMatchObject({ ok: true });
    expect(await text(documentId)).toBe('treść, która musi przetrwać');
  });
});
