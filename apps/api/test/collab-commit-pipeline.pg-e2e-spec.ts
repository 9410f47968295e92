import { Client } from 'pg';
import { eventually, plain, rawEditor, textOf, withTimeout } from './support/collab-clients';
import { TestServer } from './support/test-server';

/**
 * The group commit runs several commits at once, each of other documents: one document whose row is locked (as while
 * its text is being frozen for a vote) does not hold up the edits of the others. A second connection of the test holds
 * that lock, which only a PostgreSQL server can give (the embedded database has one session), so this suite runs
 * where DATABASE_URL names a server (jest.config.js).
 */
describe('group commit: one waiting document does not hold up the others', () => {
  let server: TestServer;
  let ws: string;
  let coordinator: string;
  let locker: Client;
  const cleanup: (() => void)[] = [];

  const newDocument = async () =>
    (await server.request(`/api/workspaces/${ws}/documents`, { token: coordinator, body: { title: `Plan ${Math.random()}`, kind: 'sector_plan' } })).body.id as string;
  const text = async (documentId: string) => (await server.request(`/api/documents/${documentId}/text`, { token: coordinator })).body.text;
  const editor = async (documentId: string) => {
    const editing = await rawEditor(server, coordinator, documentId, cleanup);
    await withTimeout(editing.synced, 10_000, 'the first sync');
    return editing;
  };
  /** Whether a group commit waits for a lock on a documents row (the statement is the prepared `collab-append`). */
  const appendWaitsForLock = async () => {
    await locker.query('SELECT pg_stat_clear_snapshot()'); // the locker is in a transaction, which would see one snapshot
    const { rows } = await locker.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO document_updates%'`,
    );
    return rows[0].n > 0;
  };

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('this suite needs DATABASE_URL (a PostgreSQL server)');
    server = await TestServer.start();
    ws = await server.demoWorkspaceId();
    coordinator = await server.login('koordynator@som.example');
    locker = new Client({ connectionString: server.config.databaseUrl as string });
    await locker.connect();
  });
  afterEach(async () => {
    await locker.query('ROLLBACK'); // a test that failed holding its lock lets go of it (a warning only otherwise)
    while (cleanup.length) cleanup.pop()?.();
  });
  afterAll(async () => {
    await locker?.end();
    await server?.close();
  });

  it('commits and acknowledges an edit of one document while another waits for a lock on its row', async () => {
    const [first, second] = [await newDocument(), await newDocument()];
    const a = await editor(first);
    const b = await editor(second);

    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM documents WHERE id = $1 FOR UPDATE`, [first]);
    textOf(a.doc).insert(0, 'waits');
    const firstAcks = Promise.all(a.acks);
    await eventually(appendWaitsForLock, 10_000, "the first document's commit waiting for its row");

    textOf(b.doc).insert(0, 'goes through');
    const secondAcks = await withTimeout(Promise.all(b.acks), 10_000, "the second document's acknowledgements");
    expect(secondAcks.every((ack) => ack.ok === true && typeof ack.seq === 'number')).toBe(true);
    expect(await text(second)).toBe(plain(b.doc));
    expect(await appendWaitsForLock()).toBe(true);

    await locker.query('COMMIT');
    const acks = await withTimeout(firstAcks, 10_000, "the first document's acknowledgements");
    expect(acks.every((ack) => ack.ok === true && typeof ack.seq === 'number')).toBe(true);
    expect(await text(first)).toBe(plain(a.doc));
  });

  it("keeps a document's own commits in order: an edit made while its first commit waits lands after it", async () => {
    const documentId = await newDocument();
    const a = await editor(documentId);
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM documents WHERE id = $1 FOR UPDATE`, [documentId]);
    textOf(a.doc).insert(0, 'one ');
    await eventually(appendWaitsForLock, 10_000, 'the commit waiting for the row');
    textOf(a.doc).insert(4, 'two');
    const pendingAcks = Promise.all(a.acks);
    await locker.query('COMMIT');
    const acks = await withTimeout(pendingAcks, 10_000, 'the acknowledgements');
    expect(acks.every((ack) => ack.ok === true)).toBe(true);
    const seqs = acks.map((ack) => ack.seq as number);
    expect(seqs[seqs.length - 1]).toBeGreaterThan(seqs[0]);
    expect(await text(documentId)).toBe(plain(a.doc));
    expect(plain(a.doc)).toBe('one two');
  });
});
