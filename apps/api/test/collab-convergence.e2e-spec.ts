import fc from 'fast-check';
import * as Y from 'yjs';
import { CollabClient, type DocSession } from '@commonplan/sync';
import { TestServer } from './support/test-server';
import { eventually, plain, stockProvider, textOf, whenSynced, type StockProvider } from './support/collab-clients';

type Op =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'toggle'; client: number }
  | { kind: 'pause' };

const CLIENTS = 4; // 0, 1: socket.io (libs/sync CollabClient); 2: y-websocket 1.x; 3: y-websocket 3.x

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), client: fc.nat(CLIENTS - 1), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...'abcząęłńóśźż ,.\n'), minLength: 1, maxLength: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), client: fc.nat(CLIENTS - 1), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle' as const), client: fc.nat(CLIENTS - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
);

/**
 * Several clients on both transports edit one document at random, going offline and back at random; every run must
 * converge to one text, the server's included, and after a restart a fresh client loads exactly that text.
 */
describe('convergence across transports with disconnects', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  const finalTexts = new Map<string, string>();

  beforeAll(async () => {
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
  });
  afterAll(() => server?.close());

  it('converges for random concurrent edits with random disconnects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 60 }), async (ops) => {
        const documentId = (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: 'Zbieżność', kind: 'other' } })).body.id;
        const ioClients: CollabClient[] = [];
        const sessions: DocSession[] = [];
        const providers: StockProvider[] = [];
        const docs: Y.Doc[] = [];
        const online: boolean[] = [];
        try {
          // The paragraph exists before anyone edits, as the editor creates it.
          const seed = stockProvider(server, documentId, coordinator, 1);
          await whenSynced(seed);
          textOf(seed.doc);
          await eventually(async () => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text === '');
          seed.destroy();
          seed.doc.destroy();

          for (let i = 0; i < 2; i++) {
            const client = new CollabClient({ url: server.url, token: coordinator, backoff: { minMs: 20, maxMs: 200 } });
            client.connect();
            const doc = new Y.Doc();
            const session = client.open(documentId, doc);
            await session.whenSynced();
            ioClients.push(client);
            sessions.push(session);
            docs.push(doc);
          }
          for (const version of [1, 3] as const) {
            const provider = stockProvider(server, documentId, coordinator, version);
            await whenSynced(provider);
            providers.push(provider);
            docs.push(provider.doc);
          }
          await eventually(() => docs.every((d) => (d.getXmlFragment('default').get(0) as Y.XmlElement | undefined)?.length === 1), 10_000, 'the paragraph everywhere');
          online.push(true, true, true, true);

          for (const step of ops) {
            if (step.kind === 'pause') {
              await new Promise((r) => setTimeout(r, 15));
              continue;
            }
            const text = (docs[step.client].getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
            if (step.kind === 'insert') {
              text.insert(step.at % (text.length + 1), step.text);
            } else if (step.kind === 'delete') {
              if (text.length === 0) continue;
              const at = step.at % text.length;
              text.delete(at, Math.min(step.length, text.length - at));
            } else {
              online[step.client] = !online[step.client];
              const toggle = step.client < 2 ? ioClients[step.client] : providers[step.client - 2];
              if (online[step.client]) toggle.connect();
              else toggle.disconnect();
            }
            await new Promise((r) => setImmediate(r));
          }
          for (let i = 0; i < CLIENTS; i++) {
            if (!online[i]) (i < 2 ? ioClients[i] : providers[i - 2]).connect();
          }
          await Promise.all(sessions.map((s) => s.whenSaved()));
          let serverText = '';
          await eventually(
            async () => {
              serverText = (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text;
              return docs.every((d) => plain(d) === serverText);
            },
            20_000,
            'convergence',
          );
          finalTexts.set(documentId, serverText);
        } finally {
          sessions.forEach((s) => s.close());
          ioClients.forEach((c) => c.destroy());
          providers.forEach((p) => p.destroy());
          docs.forEach((d) => d.destroy());
        }
      }),
      { numRuns: 25 },
    );

    // After a restart (which loads every document from the database) a fresh client sees exactly the same texts.
    expect(finalTexts.size).toBe(25);
    await server.restart();
    coordinator = await server.login('koordynator@som.example');
    for (const [documentId, expected] of finalTexts) {
      const fresh = stockProvider(server, documentId, coordinator, 3);
      try {
        await whenSynced(fresh);
        expect(plain(fresh.doc)).toBe(expected);
      } finally {
        fresh.destroy();
        fresh.doc.destroy();
      }
    }
  });
});
