// Scenario 1: one writer types the automerge-paper trace (one Yjs transaction per edit) while observers follow.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { cpuDelta, cpuSeconds, cpuSnapshot, cpuWhenQuiet } from '../proc.mjs';
import { pgCounters, pgDelta } from './pg-stats.mjs';
import { connect, existingText, pool, sleep, textOf, tick, until } from './providers.mjs';

export const TRACE_FILE = '/work/shared/data/editing-traces/automerge-paper.json.gz';

/** The trace's patches ([position, deleteCount, insertText]), the first `limit` of them, and the text they make. */
export function loadTrace(limit = Infinity, file = TRACE_FILE) {
  const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  const patches = trace.txns.flatMap((txn) => txn.patches);
  if (limit >= patches.length) return { patches, startContent: trace.startContent, endContent: trace.endContent };
  const cut = patches.slice(0, limit);
  // Positions count code points; the trace is ASCII, so string indexes are code points.
  let text = trace.startContent;
  for (const [pos, del, ins] of cut) text = text.slice(0, pos) + ins + text.slice(pos + del);
  return { patches: cut, startContent: trace.startContent, endContent: text };
}

/**
 * Replays the trace through the server. The writer applies `batch` edits per macrotask and stays at most `window`
 * inserted characters ahead of the slowest observer (closed loop: the rate is what the whole system sustains).
 * Returns the rate until every observer holds the final text, and the server's CPU over that time.
 */
export async function runTrace(session, { target, serverPid, dbUrl, docId, observers = 8, limit, batch = 50, window = 4000 }) {
  const { patches, startContent, endContent } = loadTrace(limit ?? Infinity); // null (JSON of Infinity): the whole trace
  if (startContent !== '') throw new Error('the trace is expected to start empty');

  const writer = connect(target, docId);
  await writer.whenSynced();
  const text = textOf(writer.doc); // the document shape: one paragraph holding one XmlText (not counted as an edit)
  const followers = await pool(Array.from({ length: observers }), 8, async () => {
    const client = connect(target, docId);
    await client.whenSynced();
    return client;
  });
  session.clients.push(writer, ...followers);
  await until(() => followers.every((f) => existingText(f.doc)), 30_000, 'the observers to receive the paragraph');
  const writerId = writer.doc.clientID;
  const watch = followers.map((f) => {
    const state = { client: f, text: existingText(f.doc), lastAt: 0, updates: 0 };
    f.doc.on('afterTransaction', (tr) => {
      if (!tr.local) {
        state.lastAt = performance.now();
        state.updates++;
      }
    });
    return state;
  });
  const minObserved = () => {
    let min = Infinity;
    for (const w of watch) min = Math.min(min, Y.getState(w.client.doc.store, writerId));
    return min;
  };

  const pg0 = await pgCounters(dbUrl);
  const snap0 = cpuSnapshot(serverPid);
  const cpu0 = snap0.server;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  let i = 0;
  let stalls = 0;
  while (i < patches.length) {
    if (Y.getState(writer.doc.store, writerId) - minObserved() > window) {
      stalls++;
      await sleep(1);
      continue;
    }
    const end = Math.min(i + batch, patches.length);
    for (; i < end; i++) {
      const [pos, del, ins] = patches[i];
      writer.doc.transact(() => {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      });
    }
    await tick();
  }
  const tWritten = performance.now();
  const finalClock = Y.getState(writer.doc.store, writerId);
  if (text.toString() !== endContent) throw new Error('the writer’s own text differs from endContent');
  // Every observer holds the final text: same clock of the writer, same length, same characters.
  await until(
    () =>
      watch.every((w) => {
        if (w.done) return true;
        if (Y.getState(w.client.doc.store, writerId) !== finalClock || w.text.length !== endContent.length) return false;
        w.done = w.text.toString() === endContent;
        return w.done;
      }),
    600_000,
    'every observer to hold the final text',
    2,
  );
  const t1 = Math.max(...watch.map((w) => w.lastAt));
  const snapDone = cpuSnapshot(serverPid);
  const cpuDone = snapDone.server;
  const clientCpu = process.cpuUsage(client0);
  const cpuQuiet = await cpuWhenQuiet(serverPid);
  const untilDone = cpuDelta(snap0, snapDone);
  const untilQuiet = cpuDelta(snap0, cpuSnapshot(serverPid));
  const pgStats = pgDelta(pg0, await pgCounters(dbUrl));
  const seconds = (t1 - t0) / 1000;
  return {
    edits: patches.length,
    observers,
    seconds,
    writeSeconds: (tWritten - t0) / 1000,
    opsPerSec: patches.length / seconds,
    serverCpu: cpuDone - cpu0,
    serverCpuUntilQuiet: cpuQuiet - cpu0,
    serverCpuPer1000: ((cpuQuiet - cpu0) / patches.length) * 1000,
    clientCpu: (clientCpu.user + clientCpu.system) / 1e6,
    clientCores: (clientCpu.user + clientCpu.system) / 1e6 / seconds,
    pgStats,
    postgresCpuPer1000: (untilQuiet.postgres / patches.length) * 1000,
    othersCores: untilDone.othersCores,
    cpuUntilDone: untilDone,
    cpuUntilQuiet: untilQuiet,
    writerStalls: stalls,
    updatesPerObserver: Math.round(watch.reduce((s, w) => s + w.updates, 0) / watch.length),
    finalChars: endContent.length,
  };
}

/**
 * A new client joins `docId`: milliseconds from creating the provider to its 'sync' event (the text is checked
 * against the end of the trace's first `traceLimit` edits when given; null means the whole trace).
 */
export async function runJoin(session, { target, docId, traceLimit }) {
  const expected = traceLimit === undefined ? undefined : loadTrace(traceLimit ?? Infinity).endContent;
  const t0 = performance.now();
  const client = connect(target, docId);
  let openedAt = null;
  client.provider.on('status', (e) => {
    if (e.status === 'connected') openedAt ??= performance.now();
  });
  await client.whenSynced(120_000);
  const ms = client.syncedAt - t0;
  session.clients.push(client);
  const text = existingText(client.doc)?.toString() ?? '';
  if (expected !== undefined && text !== expected) {
    throw new Error(`the joining client's text (${text.length} chars) differs from the expected (${expected.length})`);
  }
  return { ms, openMs: openedAt === null ? null : openedAt - t0, chars: text.length, stateBytes: Y.encodeStateAsUpdate(client.doc).byteLength };
}
