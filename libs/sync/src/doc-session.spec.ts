/**
 * The session state machine against an in-memory transport (no socket.io, no server): what it sends when, and how
 * acknowledgements move `saved`, `synced` and the offline queue. The end-to-end tests against the real server live in
 * apps/api/test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DocSession } from './doc-session';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type SyncMessage } from './messages';
import type { Access, MessageAck, SyncError } from './protocol';
import { applyEdit, editArb, snapshot, type Edit } from './spec-helpers';
import type { Timers } from './timers';
import type { SessionTransport } from './transport';

const DOC = '7d3f6a2e-2f4b-4c59-9a53-2b1d0f1c9e01';

interface Sent {
  docId: string;
  message: SyncMessage;
  ack?: (ack: unknown) => void;
}

class StubTransport implements SessionTransport {
  connected = false;
  joins: Array<{ docId: string; ack: (ack: unknown) => void }> = [];
  sent: Sent[] = [];
  leaves: string[] = [];
  released = 0;

  isConnected(): boolean {
    return this.connected;
  }
  join(docId: string, ack: (ack: unknown) => void): void {
    this.joins.push({ docId, ack });
  }
  send(docId: string, message: Uint8Array, ack?: (ack: unknown) => void): void {
    this.sent.push({ docId, message: decodeMessage(message), ack });
  }
  leave(docId: string): void {
    this.leaves.push(docId);
  }
  release(): void {
    this.released++;
  }
  /** Sent messages since the last take. */
  take(): Sent[] {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }
  lastJoin(): (ack: unknown) => void {
    const join = this.joins[this.joins.length - 1];
    if (!join) throw new Error('no join sent');
    return join.ack;
  }
}

class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  runAll(): void {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, timer] of due) timer.callback();
  }
}

function setup(options: { awareness?: boolean } = {}) {
  const doc = new Y.Doc();
  const transport = new StubTransport();
  const timers = new ManualTimers();
  const awareness = options.awareness ? new awarenessProtocol.Awareness(doc) : undefined;
  const session = new DocSession(DOC, doc, transport, { awareness }, { timers, backoff: { random: () => 0 } });
  const events: string[] = [];
  const errors: SyncError[] = [];
  session.on('synced', (synced) => events.push(`synced:${synced}`));
  session.on('saved', (saved) => events.push(`saved:${saved}`));
  session.on('access', (access) => events.push(`access:${access}`));
  session.on('error', (error) => errors.push(error));
  const connect = (access: Access = 'edit') => {
    transport.connected = true;
    session.handleConnect();
    transport.lastJoin()({ ok: true, access });
  };
  const disconnect = () => {
    transport.connected = false;
    session.handleDisconnect();
  };
  return { doc, transport, timers, awareness, session, events, errors, connect, disconnect };
}

function type(doc: Y.Doc, text: string): void {
  const ytext = doc.getText('text');
  ytext.insert(ytext.length, text);
}

function updates(sent: Sent[]): Sent[] {
  return sent.filter((s) => s.message.type === 'update');
}

function payload(sent: Sent): Uint8Array {
  const message = sent.message;
  if (message.type === 'update' || message.type === 'sync-step-2' || message.type === 'awareness') return message.update;
  throw new Error(`no update in a ${message.type} message`);
}

function ack(sent: Sent, value: MessageAck): void {
  if (!sent.ack) throw new Error(`${sent.message.type} was sent without an ack callback`);
  sent.ack(value);
}

const OK: MessageAck = { ok: true, seq: 1 };
const refuse = (code: SyncError['code']): MessageAck => ({ ok: false, error: { code, message: code } });

describe('DocSession: joining and syncing', () => {
  it('joins on connect, then sends sync step 1, its offline edits and nothing before the join ack', () => {
    const { doc, transport, session, events } = setup();
    type(doc, 'offline');
    expect([session.saved, session.pendingCount]).toEqual([false, 1]);
    expect(transport.sent).toEqual([]);

    transport.connected = true;
    session.handleConnect();
    expect(transport.joins.map((join) => join.docId)).toEqual([DOC]);
    expect(transport.sent).toEqual([]); // waits for the ack

    transport.lastJoin()({ ok: true, access: 'edit' });
    expect(session.access).toBe('edit');
    const sent = transport.take();
    expect(sent.map((s) => s.message.type)).toEqual(['sync-step-1', 'update']);
    expect(sent[0]!.message).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
    expect(sent[0]!.ack).toBeUndefined(); // step 1 is not acknowledged
    const server = new Y.Doc();
    Y.applyUpdate(server, payload(sent[1]!));
    expect(server.getText('text').toString()).toBe('offline');

    ack(sent[1]!, OK);
    expect([session.saved, session.pendingCount]).toEqual([true, 0]);
    expect(events).toEqual(['saved:false', 'access:edit', 'saved:true']);
  });

  it("answers the server's step 1 with what the server lacks, acknowledged", () => {
    const { doc, transport, session, connect } = setup();
    const server = new Y.Doc();
    server.getText('text').insert(0, 'server ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    type(doc, 'client');
    connect();
    transport.take();

    session.handleMessage(encodeSyncStep1(Y.encodeStateVector(server)));
    const [step2] = transport.take();
    expect(step2!.message.type).toBe('sync-step-2');
    expect(step2!.ack).toBeTypeOf('function');
    Y.applyUpdate(server, payload(step2!));
    expect(server.getText('text').toString()).toBe('server client');
    // The step 2 reply is no substitute for the update's own acknowledgement.
    ack(step2!, OK);
    expect(session.saved).toBe(false);
  });

  it("answers a server step 1 that arrives before the join ack (the server sends it as it adds the socket) after the ack", () => {
    const { doc, transport, session } = setup();
    type(doc, 'mine');
    const server = new Y.Doc();
    server.getText('text').insert(0, 'theirs ');
    transport.connected = true;
    session.handleConnect();
    session.handleMessage(encodeSyncStep1(Y.encodeStateVector(server)));
    expect(transport.sent).toEqual([]);

    transport.lastJoin()({ ok: true, access: 'edit' });
    const sent = transport.take();
    expect(sent.map((s) => s.message.type)).toEqual(['sync-step-1', 'sync-step-2', 'update']);
    Y.applyUpdate(server, payload(sent[1]!));
    expect(server.getText('text').toString()).toContain('mine');
  });

  it('forgets an early step 1 when the join fails, and answers none while not joining', () => {
    const { transport, session } = setup();
    session.handleMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    transport.connected = true;
    session.handleConnect();
    session.handleMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    transport.lastJoin()({ ok: false, error: { code: 'forbidden', message: 'no access' } });
    expect(transport.sent).toEqual([]);
  });

  it("is synced once the server's step 2 is applied, and not again until the next one after a reconnect", async () => {
    const { doc, session, events, connect, disconnect } = setup();
    connect();
    const waiting = session.whenSynced();
    expect(session.synced).toBe(false);

    const server = new Y.Doc();
    server.getText('text').insert(0, 'from the server');
    session.handleMessage(encodeSyncStep2(Y.encodeStateAsUpdate(server)));
    await expect(waiting).resolves.toBeUndefined();
    expect(session.synced).toBe(true);
    expect(doc.getText('text').toString()).toBe('from the server');

    disconnect();
    expect(session.synced).toBe(false);
    connect();
    expect(session.synced).toBe(false);
    session.handleMessage(encodeSyncStep2(Uint8Array.of(0, 0)));
    expect(events.filter((event) => event.startsWith('synced'))).toEqual(['synced:true', 'synced:false', 'synced:true']);
  });

  it("applies others' updates with itself as origin and does not echo them", () => {
    const { doc, transport, session, connect } = setup();
    connect();
    transport.take();
    const other = new Y.Doc();
    other.getText('text').insert(0, 'hello from Ana');
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    session.handleMessage(encodeUpdate(Y.encodeStateAsUpdate(other)));
    expect(doc.getText('text').toString()).toBe('hello from Ana');
    expect(origins).toEqual([session]);
    expect(transport.sent).toEqual([]);
    expect([session.saved, session.pendingCount]).toEqual([true, 0]);
  });

  it('sends the updates of other origins (e.g. a local persistence provider)', () => {
    const { doc, transport, connect } = setup();
    connect();
    transport.take();
    doc.transact(() => type(doc, 'restored'), 'indexeddb');
    expect(updates(transport.take())).toHaveLength(1);
  });

  it('reads binary payloads as ArrayBuffers (browsers) or Uint8Array subclasses (Node Buffers)', () => {
    const { doc, session, connect } = setup();
    connect();
    const other = new Y.Doc();
    other.getText('text').insert(0, 'ab');
    const message = encodeUpdate(Y.encodeStateAsUpdate(other));
    session.handleMessage(message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength));
    class NodeBufferLike extends Uint8Array {}
    other.getText('text').insert(2, 'c');
    const second = encodeUpdate(Y.encodeStateAsUpdate(other));
    session.handleMessage(new NodeBufferLike(second));
    expect(doc.getText('text').toString()).toBe('abc');
  });

  it('reports unreadable messages as errors without touching the document', () => {
    const { doc, session, errors, connect } = setup();
    connect();
    session.handleMessage(Uint8Array.of(0, 2, 5, 1));
    session.handleMessage('not binary');
    session.handleMessage(encodeUpdate(Uint8Array.of(1, 2, 3, 4, 5, 6, 7)));
    expect(errors.map((error) => error.code)).toEqual(['malformed', 'bad_request', 'malformed']);
    expect(doc.getText('text').toString()).toBe('');
  });
});

describe('DocSession: acknowledgements and the offline queue', () => {
  it('resends what was in flight when the connection dropped, ignoring late acks of the old connection', async () => {
    const { doc, transport, session, connect, disconnect } = setup();
    connect();
    transport.take();
    type(doc, 'a');
    const [lost] = updates(transport.take());
    disconnect();
    type(doc, 'b'); // offline: queued, merged with the requeued one
    expect(transport.sent).toEqual([]);
    ack(lost!, OK); // a stale ack: does not count
    expect([session.saved, session.pendingCount]).toEqual([false, 2]);

    const saved = session.whenSaved();
    connect();
    const resent = updates(transport.take());
    expect(resent).toHaveLength(1);
    ack(lost!, OK); // the stale ack again, now that the batch is in flight once more (holding 'b' too): still ignored
    expect(session.saved).toBe(false);
    const server = new Y.Doc();
    Y.applyUpdate(server, payload(resent[0]!));
    expect(server.getText('text').toString()).toBe('ab');
    ack(resent[0]!, OK);
    await expect(saved).resolves.toBeUndefined();
    expect(session.pendingCount).toBe(0);
  });

  it('sends each update as it happens while joined, and is saved only when all are acknowledged', () => {
    const { doc, transport, session, connect } = setup();
    connect();
    transport.take();
    type(doc, 'x');
    type(doc, 'y');
    const sent = updates(transport.take());
    expect(sent).toHaveLength(2);
    ack(sent[1]!, { ok: true, seq: 8 });
    expect([session.saved, session.pendingCount]).toEqual([false, 1]);
    ack(sent[0]!, { ok: true, seq: null });
    expect([session.saved, session.pendingCount]).toEqual([true, 0]);
  });

  it('treats a garbled ack as a retryable failure, never as saved', () => {
    const { doc, transport, timers, session, errors, connect } = setup();
    connect();
    transport.take();
    type(doc, 'x');
    const [sent] = updates(transport.take());
    sent!.ack!({ ok: 'yes' });
    expect(session.saved).toBe(false);
    expect(errors.map((error) => error.code)).toEqual(['unavailable']);
    timers.runAll();
    const [resent] = updates(transport.take());
    ack(resent!, OK);
    expect(session.saved).toBe(true);
  });

  it('keeps a refused reader update unsaved, reports once, stops sending, and resumes when write access returns', () => {
    const { doc, transport, session, errors, connect, disconnect } = setup();
    connect('read');
    transport.take();
    type(doc, 'not allowed');
    const [sent] = updates(transport.take());
    ack(sent!, refuse('forbidden'));
    expect(errors.map((error) => error.code)).toEqual(['forbidden']);
    expect([session.saved, session.pendingCount]).toEqual([false, 1]);

    type(doc, ' still not');
    expect(transport.sent).toEqual([]); // halted
    session.handleMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    expect(transport.sent).toEqual([]); // no step 2 with the refused edits either
    expect(errors).toHaveLength(1);

    disconnect();
    connect('read'); // still a reader: nothing is resent
    expect(updates(transport.take())).toEqual([]);
    disconnect();
    connect('edit'); // access granted again
    const resent = updates(transport.take());
    expect(resent).toHaveLength(1);
    ack(resent[0]!, OK);
    expect(session.saved).toBe(true);
  });

  it('keeps updates refused as expired and stops sending', () => {
    const { doc, transport, session, errors, connect } = setup();
    connect('edit');
    transport.take();
    type(doc, 'late');
    ack(updates(transport.take())[0]!, refuse('expired'));
    type(doc, ' later');
    expect(transport.sent).toEqual([]);
    expect(errors.map((error) => error.code)).toEqual(['expired']);
    expect(session.pendingCount).toBe(2);
  });

  it('drops an update refused as too large or malformed: reported, never resent, the document stays unsaved', () => {
    const { doc, transport, session, errors, events, connect, disconnect } = setup();
    connect();
    transport.take();
    type(doc, 'huge');
    ack(updates(transport.take())[0]!, refuse('too_large'));
    expect([session.saved, session.pendingCount]).toEqual([false, 0]);
    type(doc, 'bad');
    ack(updates(transport.take())[0]!, refuse('malformed'));
    expect(errors.map((error) => error.code)).toEqual(['too_large', 'malformed']);

    type(doc, 'fine');
    ack(updates(transport.take())[0]!, OK);
    expect([session.saved, session.pendingCount]).toEqual([false, 0]);
    disconnect();
    connect();
    expect(updates(transport.take())).toEqual([]);
    expect(events.filter((event) => event.startsWith('saved'))).toEqual(['saved:false']);
  });

  it('retries an update the server could not store after a backoff delay, holding new edits meanwhile', () => {
    const { doc, transport, timers, session, errors, connect } = setup();
    connect();
    transport.take();
    type(doc, 'a');
    ack(updates(transport.take())[0]!, refuse('unavailable'));
    expect(errors.map((error) => error.code)).toEqual(['unavailable']);
    expect([...timers.pending.values()].map((timer) => timer.ms)).toEqual([250]);
    type(doc, 'b');
    expect(transport.sent).toEqual([]); // waiting for the retry

    timers.runAll();
    const resent = updates(transport.take());
    expect(resent.map((s) => s.message.type)).toEqual(['update']);
    const server = new Y.Doc();
    Y.applyUpdate(server, payload(resent[0]!));
    expect(server.getText('text').toString()).toBe('ab');
    ack(resent[0]!, OK);
    expect(session.saved).toBe(true);
  });

  it('joins again when the server says the socket is not joined, then resends', () => {
    const { doc, transport, session, errors } = setup();
    transport.connected = true;
    session.handleConnect();
    transport.lastJoin()({ ok: true, access: 'edit' });
    transport.take();
    type(doc, 'a');
    ack(updates(transport.take())[0]!, refuse('not_joined'));
    expect(transport.joins).toHaveLength(2);
    expect(errors).toEqual([]);
    transport.lastJoin()({ ok: true, access: 'edit' });
    const resent = updates(transport.take());
    expect(resent).toHaveLength(1);
    ack(resent[0]!, OK);
    expect(session.saved).toBe(true);
  });

  it("retries a step 2 the server could not store, and reports a reader's refused step 2 once", () => {
    const first = setup();
    first.connect();
    first.transport.take();
    first.session.handleMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    const [step2] = first.transport.take();
    ack(step2!, refuse('unavailable'));
    first.timers.runAll();
    expect(first.transport.take().map((s) => s.message.type)).toEqual(['sync-step-2']);

    const reader = setup();
    type(reader.doc, 'offline edit of a reader');
    reader.connect('read');
    const sent = reader.transport.take();
    ack(updates(sent)[0]!, refuse('forbidden'));
    reader.session.handleMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    expect(reader.transport.take()).toEqual([]);
    expect(reader.errors.map((error) => error.code)).toEqual(['forbidden']);
  });
});

describe('DocSession: join refusals and doc-error', () => {
  it('reports a refused join and retries only unavailable', () => {
    const { transport, timers, session, errors } = setup();
    transport.connected = true;
    session.handleConnect();
    transport.lastJoin()({ ok: false, error: { code: 'unavailable', message: 'database down' } });
    expect(errors).toEqual([{ code: 'unavailable', message: 'database down' }]);
    timers.runAll();
    expect(transport.joins).toHaveLength(2);
    transport.lastJoin()({ ok: false, error: { code: 'not_found', message: 'no such document' } });
    expect(timers.pending.size).toBe(0);
    expect(transport.joins).toHaveLength(2);
    expect(session.access).toBeNull();
  });

  it('leaves the room on doc-error: unsynced, halted, reported', () => {
    const { doc, transport, session, errors, connect } = setup();
    connect();
    session.handleMessage(encodeSyncStep2(Uint8Array.of(0, 0)));
    transport.take();
    type(doc, 'a');
    const [inFlight] = updates(transport.take());
    session.handleDocError({ code: 'forbidden', message: 'access revoked' });
    expect(session.synced).toBe(false);
    expect(errors).toEqual([{ code: 'forbidden', message: 'access revoked' }]);
    ack(inFlight!, OK); // the old room's ack: ignored
    expect([session.saved, session.pendingCount]).toEqual([false, 1]);
    type(doc, 'b');
    expect(transport.sent).toEqual([]);
  });

  it('passes doc-events on, ignoring unknown kinds and anything after close, without leaving the room', () => {
    const { session, connect } = setup();
    connect();
    session.handleMessage(encodeSyncStep2(Uint8Array.of(0, 0)));
    const events: unknown[] = [];
    session.on('event', (event) => events.push(event));
    session.handleDocEvent({ type: 'comments' });
    session.handleDocEvent({ type: 'something-newer' });
    expect(events).toEqual([{ type: 'comments' }]);
    expect(session.synced).toBe(true);
    session.close();
    session.handleDocEvent({ type: 'comments' });
    expect(events).toHaveLength(1);
  });

  it('ignores acks of a join made before a disconnect', () => {
    const { transport, session } = setup();
    transport.connected = true;
    session.handleConnect();
    const staleAck = transport.lastJoin();
    transport.connected = false;
    session.handleDisconnect();
    staleAck({ ok: true, access: 'edit' });
    expect(session.access).toBeNull();
    expect(transport.sent).toEqual([]);
  });
});

describe('DocSession: awareness', () => {
  it('sends its own awareness state after joining and on local changes, applies others', () => {
    const { doc, transport, awareness, session, connect } = setup({ awareness: true });
    awareness!.setLocalState({ user: 'me' });
    expect(transport.sent).toEqual([]); // not joined yet
    connect('read'); // readers share presence too
    const sent = transport.take();
    expect(sent.map((s) => s.message.type)).toEqual(['sync-step-1', 'awareness']);

    const mirror = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(mirror, payload(sent[1]!), 'test');
    expect(mirror.getStates().get(doc.clientID)).toEqual({ user: 'me' });

    awareness!.setLocalStateField('cursor', 5);
    const [change] = transport.take();
    expect(change!.message.type).toBe('awareness');

    const peerDoc = new Y.Doc();
    const peer = new awarenessProtocol.Awareness(peerDoc);
    peer.setLocalState({ user: 'Ana' });
    session.handleMessage(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(peer, [peerDoc.clientID])));
    expect(awareness!.getStates().get(peerDoc.clientID)).toEqual({ user: 'Ana' });
    expect(transport.sent).toEqual([]); // others' states are not echoed
    mirror.destroy();
    peer.destroy();
    awareness!.destroy();
  });

  it("forgets others' presence when disconnected and withdraws its own on close", () => {
    const { doc, transport, awareness, session, connect, disconnect } = setup({ awareness: true });
    connect();
    const peerDoc = new Y.Doc();
    const peer = new awarenessProtocol.Awareness(peerDoc);
    peer.setLocalState({ user: 'Ana' }); // clock 1: a fresh state at clock 0 is not news to anyone
    session.handleMessage(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(peer, [peerDoc.clientID])));
    expect(awareness!.getStates().has(peerDoc.clientID)).toBe(true);
    disconnect();
    expect(awareness!.getStates().has(peerDoc.clientID)).toBe(false);

    connect();
    transport.take();
    session.close();
    const sent = transport.take();
    expect(sent.map((s) => s.message.type)).toEqual(['awareness']);
    expect(transport.leaves).toEqual([DOC]);
    const mirror = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(mirror, awarenessProtocol.encodeAwarenessUpdate(awareness!, [doc.clientID]), 'test');
    awarenessProtocol.applyAwarenessUpdate(mirror, payload(sent[0]!), 'test');
    expect(mirror.getStates().has(doc.clientID)).toBe(false);
    expect(awareness!.getLocalState()).not.toBeNull(); // the app's awareness is left alone
    peer.destroy();
    mirror.destroy();
    awareness!.destroy();
  });
});

describe('DocSession: close', () => {
  it('leaves, detaches from the document, rejects waiters and ignores everything afterwards', async () => {
    const { doc, transport, session, connect } = setup();
    connect();
    transport.take();
    type(doc, 'unsaved');
    const saved = session.whenSaved();
    const synced = session.whenSynced();
    session.close();
    await expect(saved).rejects.toThrow(/closed/);
    await expect(synced).rejects.toThrow(/closed/);
    await expect(session.whenSaved()).rejects.toThrow(/closed/);
    expect(transport.leaves).toEqual([DOC]);
    expect(transport.released).toBe(1);
    expect(session.closed).toBe(true);

    transport.take();
    type(doc, 'after close');
    session.handleMessage(encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    session.handleConnect();
    expect(transport.sent).toEqual([]);
    expect(transport.joins).toHaveLength(1);
    session.close(); // idempotent
    expect(transport.released).toBe(1);
  });

  it('closes when its Y.Doc is destroyed; does not send leave when never joined', () => {
    const { doc, transport, session } = setup();
    doc.destroy();
    expect(session.closed).toBe(true);
    expect(transport.leaves).toEqual([]);
  });
});

describe('DocSession: convergence', () => {
  type Step = { do: 'edit'; edit: Edit } | { do: 'remote'; edit: Edit } | { do: 'deliver' } | { do: 'drop-connection' } | { do: 'reconnect' };
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    { weight: 6, arbitrary: editArb.map((edit) => ({ do: 'edit' as const, edit })) },
    { weight: 2, arbitrary: editArb.map((edit) => ({ do: 'remote' as const, edit })) },
    { weight: 3, arbitrary: fc.constant({ do: 'deliver' as const }) },
    { weight: 1, arbitrary: fc.constant({ do: 'drop-connection' as const }) },
    { weight: 1, arbitrary: fc.constant({ do: 'reconnect' as const }) },
  );

  it('ends with the server holding every local edit, the client every remote one, and saved', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.boolean(), (steps, step1BeforeAck) => {
        const { doc, transport, session } = setup();
        const server = new Y.Doc();
        let outbox: Sent[] = [];
        // The server side of the protocol, reduced to what matters here: acks after applying, its own step 1 / 2
        // (sent before or after the join ack: the client must handle both orders).
        const join = () => {
          transport.connected = true;
          session.handleConnect();
          if (step1BeforeAck) session.handleMessage(encodeSyncStep1(Y.encodeStateVector(server)));
          transport.lastJoin()({ ok: true, access: 'edit' });
          if (!step1BeforeAck) session.handleMessage(encodeSyncStep1(Y.encodeStateVector(server)));
        };
        const deliver = () => {
          outbox.push(...transport.take());
          for (const sent of outbox) {
            if (sent.message.type === 'sync-step-1') {
              session.handleMessage(encodeSyncStep2(Y.encodeStateAsUpdate(server, sent.message.stateVector)));
            } else if (sent.message.type === 'update' || sent.message.type === 'sync-step-2') {
              Y.applyUpdate(server, sent.message.update);
              sent.ack?.({ ok: true, seq: 1 });
            }
          }
          outbox = [];
        };
        for (const step of steps) {
          switch (step.do) {
            case 'edit':
              applyEdit(doc, step.edit);
              break;
            case 'remote': {
              const before = Y.encodeStateVector(server);
              applyEdit(server, step.edit);
              if (transport.connected) session.handleMessage(encodeUpdate(Y.encodeStateAsUpdate(server, before)));
              break;
            }
            case 'deliver':
              if (transport.connected) deliver();
              break;
            case 'drop-connection':
              outbox = []; // lost with the connection
              transport.take();
              transport.connected = false;
              session.handleDisconnect();
              break;
            case 'reconnect':
              if (!transport.connected) join();
              break;
          }
        }
        if (!transport.connected) join();
        deliver();
        deliver();
        expect(snapshot(server)).toEqual(snapshot(doc));
        expect([session.saved, session.pendingCount, session.synced]).toEqual([true, 0, true]);
        session.close();
      }),
      { numRuns: 200 },
    );
  });
});
