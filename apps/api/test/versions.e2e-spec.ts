import * as Y from 'yjs';
import { canonicalJson } from '@commonplan/domain';
import { createHash } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { COLLAB_EVENTS } from '@commonplan/sync';
import { createWorkspace } from '../src/workspaces/create-workspace';
import { TestServer } from './support/test-server';
import { connected, emitAck, eventually, ioClient, plain, stockProvider, whenSynced, type StockProvider } from './support/collab-clients';

/** A block of the rich text as Tiptap writes it. */
function block(type: string, text: string, attrs: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(type);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

describe('document versions: freeze, list, open, compare, restore', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let observer: string;
  const providers: StockProvider[] = [];

  const api = (path: string, token: string, body?: unknown, method?: string) => server.request(`/api/documents${path}`, { token, body, method });
  const open = async (documentId: string, token = coordinator) => {
    const provider = stockProvider(server, documentId, token, 1);
    providers.push(provider);
    await whenSynced(provider);
    return provider;
  };
  const serverText = async (documentId: string) => (await api(`/${documentId}/text`, coordinator)).body.text as string;

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    observer = await server.login('obserwator@som.example');
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) {
      provider.destroy();
      provider.doc.destroy(); // also stops the provider's Awareness timer
    }
  });
  afterAll(() => server?.close());

  it('freezes what is stored with its hash, lists versions, opens one, compares and restores it as a new change', async () => {
    const created = await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: 'Plan transportu', kind: 'sector_plan' } });
    const documentId = created.body.id as string;
    const editor = await open(documentId);
    const fragment = editor.doc.getXmlFragment('default');
    fragment.insert(0, [block('heading', 'Transport', { level: 1 }), block('paragraph', 'Cel 1. Kolej metropolitalna.'), block('paragraph', 'Cel 2. Rowery.')]);
    await eventually(async () => (await serverText(documentId)) === 'Transport\nCel 1. Kolej metropolitalna.\nCel 2. Rowery.', 10_000, 'stored text');

    const frozen = await api(`/${documentId}/versions`, coordinator, { name: '  v1.0 — do konsultacji ' });
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ documentId, number: 1, name: 'v1.0 — do konsultacji', createdBy: { displayName: 'Koordynator Biura SSOM' } });
    const expectedHash = createHash('sha256')
      .update(
        canonicalJson({
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Transport' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Cel 1. Kolej metropolitalna.' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Cel 2. Rowery.' }] },
          ],
        }),
      )
      .digest('hex');
    expect(frozen.body.contentHash).toBe(expectedHash);
    const v1 = frozen.body.id as string;

    // The same name again is a conflict naming the field; a nameless freeze a 400 naming it; a reader may not freeze.
    const again = await api(`/${documentId}/versions`, coordinator, { name: 'v1.0 — do konsultacji' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'version_name_taken', errors: [{ field: 'name', code: 'version_name_taken' }] });
    const nameless = await api(`/${documentId}/versions`, coordinator, { name: '   ' });
    expect(nameless.status).toBe(400);
    expect(JSON.stringify(nameless.body)).toContain('name');
    expect((await api(`/${documentId}/versions`, observer, { name: 'v-obserwator' })).status).toBe(403);

    // The live text moves on: a paragraph edited, one removed, one added.
    const goal1 = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    goal1.insert('Cel 1. Kolej'.length, ' i tramwaj');
    fragment.delete(2, 1);
    fragment.insert(2, [block('paragraph', 'Cel 3. Autobusy.')]);
    await eventually(async () => (await serverText(documentId)).includes('Autobusy'), 10_000, 'live edits');
    const v2 = (await api(`/${documentId}/versions`, coordinator, { name: 'v1.1' })).body;
    expect(v2.number).toBe(2);
    expect(v2.contentHash).not.toBe(expectedHash);

    const list = await api(`/${documentId}/versions`, observer);
    expect(list.status).toBe(200);
    expect(list.body.map((v: { number: number; name: string }) => [v.number, v.name])).toEqual([
      [2, 'v1.1'],
      [1, 'v1.0 — do konsultacji'],
    ]);
    const one = await api(`/${documentId}/versions/${v1}`, observer);
    expect(one.status).toBe(200);
    expect(one.body.html).toBe('<h1>Transport</h1><p>Cel 1. Kolej metropolitalna.</p><p>Cel 2. Rowery.</p>');
    expect(one.body.content.content).toHaveLength(3);

    const comparison = await api(`/${documentId}/compare?from=${v1}&to=live`, observer);
    expect(comparison.status).toBe(200);
    expect(comparison.body.from).toMatchObject({ kind: 'version', number: 1 });
    expect(comparison.body.to).toEqual({ kind: 'live' });
    expect(comparison.body.blocks.map((b: { kind: string }) => b.kind)).toEqual(['same', 'changed', 'removed', 'added']);
    expect(comparison.body.blocks[1].parts).toEqual([
      { op: '=', text: 'Cel 1. Kolej ' },
      { op: '+', text: 'i tramwaj ' },
      { op: '=', text: 'metropolitalna.' },
    ]);
    expect([comparison.body.insertedWords, comparison.body.deletedWords]).toEqual([2 + 3, 3]);

    // Restore v1 while someone is in the document: they see it at once, and their history is kept.
    const watcher = await open(documentId);
    const restored = await api(`/${documentId}/versions/${v1}/restore`, coordinator, {});
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ changed: true });
    const v1Text = 'Transport\nCel 1. Kolej metropolitalna.\nCel 2. Rowery.';
    await eventually(() => plain(watcher.doc) === v1Text && plain(editor.doc) === v1Text, 10_000, 'restore reaching the clients');
    expect(await serverText(documentId)).toBe(v1Text);
    const afterRestore = await api(`/${documentId}/compare?from=${v1}&to=live`, coordinator);
    expect(afterRestore.body.blocks.every((b: { kind: string }) => b.kind === 'same')).toBe(true);
    // Restoring what is already there changes nothing.
    expect((await api(`/${documentId}/versions/${v1}/restore`, coordinator, {})).body).toEqual({ changed: false });

    const audit = await server.request(`/api/workspaces/${ws}/audit?limit=20`, { token: coordinator });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'document.version_frozen')).toHaveLength(2);
    expect(actions.filter((a: string) => a === 'document.version_restored')).toHaveLength(2);
  });

  it('tells everyone in the document, and nobody else, when a version is frozen or restored', async () => {
    const newDocument = async (token: string, workspaceId: string, title: string) =>
      (await server.request(`/api/workspaces/${workspaceId}/documents`, { token, body: { title, kind: 'concept' } })).body.id as string;
    const sockets: Socket[] = [];
    /** A socket.io connection in `documentId` as `token`, and every doc-event it hears (of any document). */
    const listen = async (token: string, documentId: string) => {
      const socket = ioClient(server, token);
      sockets.push(socket);
      await connected(socket);
      const heard: Array<[string, unknown]> = [];
      socket.on(COLLAB_EVENTS.docEvent, (id: string, event: unknown) => heard.push([id, event]));
      expect(await emitAck(socket, 'join', documentId)).toMatchObject({ ok: true });
      return heard;
    };
    try {
      const plan = await newDocument(coordinator, ws, 'Plan mobilności');
      const other = await newDocument(coordinator, ws, 'Plan zieleni');
      // A second association, with its own document.
      const created = await createWorkspace(server.db, server.config, {
        slug: 'kof-wersje',
        name: 'Stowarzyszenie Koszalińskiego Obszaru Funkcjonalnego',
        shortName: 'KOF',
        coordinatorEmail: 'wersje@kof.example',
        coordinatorName: 'Koordynator KOF',
      });
      const accepted = await server.request(`/api/invitations/${new URL(created.invitationLink).searchParams.get('token')}/accept`, { body: { password: 'hasło-koordynatora-kof' } });
      const coordinatorB = accepted.body.token as string;
      const elsewhere = await newDocument(coordinatorB, created.workspaceId, 'Strategia KOF');

      // B (a reader of the plan) has it open; others have another document of the workspace, or of the other one, open.
      const reader = await listen(observer, plan);
      const neighbour = await listen(observer, other);
      const stranger = await listen(coordinatorB, elsewhere);
      // The other association's coordinator may not follow the plan at all.
      const intruder = ioClient(server, coordinatorB);
      sockets.push(intruder);
      await connected(intruder);
      expect(await emitAck(intruder, 'join', plan)).toMatchObject({ ok: false });

      // A freezes a version: B hears of it at once, and fetching the list shows it.
      const version = (await api(`/${plan}/versions`, coordinator, { name: 'v1 — do dyskusji' })).body;
      await eventually(() => reader.length === 1, 5_000, 'doc-event after the freeze');
      expect(reader).toEqual([[plan, { type: 'versions' }]]);
      expect((await api(`/${plan}/versions`, observer)).body.map((v: { name: string }) => v.name)).toEqual(['v1 — do dyskusji']);
      // Restoring is news too.
      expect((await api(`/${plan}/versions/${version.id}/restore`, coordinator, {})).status).toBe(200);
      await eventually(() => reader.length === 2, 5_000, 'doc-event after the restore');
      expect(reader[1]).toEqual([plan, { type: 'versions' }]);

      // The others hear only of their own documents: a freeze there arrives after everything said about the plan.
      await api(`/${other}/versions`, coordinator, { name: 'v1' });
      await server.request(`/api/documents/${elsewhere}/versions`, { token: coordinatorB, body: { name: 'v1' } });
      await eventually(() => neighbour.length === 1 && stranger.length === 1, 5_000, 'doc-events of the other documents');
      expect(neighbour).toEqual([[other, { type: 'versions' }]]);
      expect(stranger).toEqual([[elsewhere, { type: 'versions' }]]);
      expect(reader).toHaveLength(2);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  it('refuses bad input and strangers with clear errors, and keeps versions frozen in the database', async () => {
    const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: 'Plan B', kind: 'concept' } })).body.id;
    const version = (await api(`/${documentId}/versions`, coordinator, { name: 'pierwsza' })).body;
    expect(version.number).toBe(1);
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await api(`/${documentId}/versions`, coordinator, { name: 'x'.repeat(201) })).status).toBe(400);
    const badSide = await api(`/${documentId}/compare?from=yesterday&to=live`, coordinator);
    expect(badSide.status).toBe(400);
    expect(JSON.stringify(badSide.body)).toContain('from');
    const unknown = await api(`/${documentId}/compare?from=live&to=00000000-0000-4000-8000-000000000000`, coordinator);
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('to');
    expect((await api(`/${documentId}/versions/00000000-0000-4000-8000-000000000000`, coordinator)).status).toBe(404);
    expect((await api(`/${documentId}/versions/not-a-uuid`, coordinator)).status).toBe(400);
    expect((await api(`/00000000-0000-4000-8000-000000000000/versions`, coordinator)).status).toBe(404);
    expect((await api(`/${documentId}/versions/${version.id}/restore`, observer, {})).status).toBe(403);
    expect((await server.request(`/api/documents/${documentId}/versions`)).status).toBe(401);

    await expect(server.db.query(`UPDATE document_versions SET name = 'zmieniona' WHERE id = $1`, [version.id])).rejects.toThrow(/frozen/);
    const stored = await server.db.query(`SELECT name FROM document_versions WHERE id = $1`, [version.id]);
    expect(stored[0].name).toBe('pierwsza');
  });
});
