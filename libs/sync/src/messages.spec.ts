import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  MalformedMessageError,
  type SyncMessage,
} from './messages';
import { applyEdit, editArb, recordUpdates, snapshot } from './spec-helpers';

/** The bytes y-websocket writes: a message type varUint, then y-protocols' own writer. */
function yWebsocketMessage(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return doc;
}

function encodeMessage(message: SyncMessage): Uint8Array {
  switch (message.type) {
    case 'sync-step-1':
      return encodeSyncStep1(message.stateVector);
    case 'sync-step-2':
      return encodeSyncStep2(message.update);
    case 'update':
      return encodeUpdate(message.update);
    case 'awareness':
      return encodeAwareness(message.update);
    case 'auth-denied':
      return encodePermissionDenied(message.reason);
    case 'query-awareness':
      return encodeQueryAwareness();
  }
}

function expectMalformed(bytes: Uint8Array): void {
  expect(() => decodeMessage(bytes)).toThrow(MalformedMessageError);
}

describe('message encoding', () => {
  it('writes the same bytes as y-protocols / y-websocket', () => {
    const doc = docWithText('hello');
    const stateVector = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(encodeSyncStep1(stateVector)).toEqual(yWebsocketMessage(0, (e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(encodeSyncStep2(update)).toEqual(yWebsocketMessage(0, (e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(encodeUpdate(update)).toEqual(yWebsocketMessage(0, (e) => syncProtocol.writeUpdate(e, update)));

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ana' }, cursor: null });
    const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(encodeAwareness(awarenessUpdate)).toEqual(
      yWebsocketMessage(1, (e) => encoding.writeVarUint8Array(e, awarenessUpdate)),
    );
    awareness.destroy();

    expect(encodePermissionDenied('read-only access')).toEqual(
      yWebsocketMessage(2, (e) => authProtocol.writePermissionDenied(e, 'read-only access')),
    );
    expect(encodeQueryAwareness()).toEqual(Uint8Array.of(3));
  });

  it('lays out the header as the protocol table says, with multi-byte lengths', () => {
    const payload = new Uint8Array(300).fill(7);
    const message = encodeUpdate(payload);
    // varUint 0 · varUint 2 · varUint 300 (= 0xac 0x02) · payload
    expect([...message.subarray(0, 4)]).toEqual([0, 2, 0xac, 0x02]);
    expect(message.length).toBe(4 + 300);
    expect(message.subarray(4)).toEqual(payload);
    expect([...encodeSyncStep1(Uint8Array.of(9))]).toEqual([0, 0, 1, 9]);
    expect([...encodeSyncStep2(Uint8Array.of(0, 0))]).toEqual([0, 1, 2, 0, 0]);
    expect([...encodeAwareness(Uint8Array.of())]).toEqual([1, 0]);
  });
});

describe('decodeMessage', () => {
  it('decodes every message type', () => {
    const doc = docWithText('abc');
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(encodeSyncStep1(sv))).toEqual({ type: 'sync-step-1', stateVector: sv });
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ type: 'sync-step-2', update });
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    expect(decodeMessage(encodeAwareness(Uint8Array.of(1, 2, 3)))).toEqual({ type: 'awareness', update: Uint8Array.of(1, 2, 3) });
    expect(decodeMessage(encodePermissionDenied('nope ✋'))).toEqual({ type: 'auth-denied', reason: 'nope ✋' });
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ type: 'query-awareness' });
  });

  it('returns payloads as views of the input, also when the input is a view into a larger buffer', () => {
    const update = Y.encodeStateAsUpdate(docWithText('view'));
    const message = encodeUpdate(update);
    // Like a Node Buffer from a pool: the message sits at an offset of a bigger ArrayBuffer.
    const pool = new ArrayBuffer(message.length + 100);
    const input = new Uint8Array(pool, 37, message.length);
    input.set(message);
    new Uint8Array(pool, 0, 37).fill(0xff);
    new Uint8Array(pool, 37 + message.length).fill(0xff);

    const decoded = decodeMessage(input);
    if (decoded.type !== 'update') throw new Error(`expected an update, got ${decoded.type}`);
    expect(decoded.update.buffer).toBe(pool);
    expect(decoded.update.byteOffset).toBe(37 + (message.length - update.length));
    expect(decoded.update).toEqual(update);
    input[input.length - 1] ^= 1; // no copy: the view sees the change
    expect(decoded.update[decoded.update.length - 1]).toBe(update[update.length - 1]! ^ 1);
  });

  it('refuses empty and truncated input', () => {
    expectMalformed(new Uint8Array(0));
    const message = encodeUpdate(Y.encodeStateAsUpdate(docWithText('truncate me')));
    for (let length = 0; length < message.length; length++) expectMalformed(message.subarray(0, length));
    expectMalformed(Uint8Array.of(0x80)); // an unfinished varUint
    expectMalformed(Uint8Array.of(2, 0, 5, 0x61)); // auth reason shorter than its length
  });

  it('refuses unknown message types and sub-types', () => {
    expectMalformed(Uint8Array.of(4));
    expectMalformed(Uint8Array.of(0x7f));
    expectMalformed(Uint8Array.of(0, 3, 0));
    expectMalformed(Uint8Array.of(2, 1, 0));
    expect(() => decodeMessage(Uint8Array.of(9))).toThrow(/unknown message type 9/);
  });

  it('refuses trailing bytes', () => {
    expectMalformed(Uint8Array.of(0, 0, 1, 9, 0));
    expectMalformed(Uint8Array.of(3, 0));
    expectMalformed(Uint8Array.of(1, 0, 0));
    expect(() => decodeMessage(Uint8Array.of(0, 2, 2, 0, 0, 1, 2))).toThrow(/2 trailing bytes/);
  });

  it('refuses an auth reason that is not UTF-8', () => {
    expectMalformed(Uint8Array.of(2, 0, 2, 0xc3, 0x28));
  });

  it('refuses varUints beyond the safe integer range', () => {
    expectMalformed(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01));
  });
});

describe('message properties', () => {
  it('round-trips random Yjs edits: encode → decode gives the update back, and it rebuilds the document', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 30 }), (edits) => {
        const source = new Y.Doc();
        const updates = recordUpdates(source, edits);
        const replica = new Y.Doc();
        for (const update of updates) {
          const decoded = decodeMessage(encodeUpdate(update));
          expect(decoded).toEqual({ type: 'update', update });
          if (decoded.type === 'update') Y.applyUpdate(replica, decoded.update);
        }
        expect(snapshot(replica)).toEqual(snapshot(source));

        const stateVector = Y.encodeStateVector(source);
        expect(decodeMessage(encodeSyncStep1(stateVector))).toEqual({ type: 'sync-step-1', stateVector });
        const full = Y.encodeStateAsUpdate(source);
        const step2 = decodeMessage(encodeSyncStep2(full));
        expect(step2).toEqual({ type: 'sync-step-2', update: full });
        const fresh = new Y.Doc();
        if (step2.type === 'sync-step-2') Y.applyUpdate(fresh, step2.update);
        expect(snapshot(fresh)).toEqual(snapshot(source));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws anything but MalformedMessageError on random bytes; what decodes re-encodes to the same message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let decoded: SyncMessage;
        try {
          decoded = decodeMessage(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMessageError);
          return;
        }
        expect(decodeMessage(encodeMessage(decoded))).toEqual(decoded);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws anything but MalformedMessageError on mutated valid messages', () => {
    const valid = fc.oneof(
      fc.uint8Array({ maxLength: 40 }).map(encodeUpdate),
      fc.uint8Array({ maxLength: 40 }).map(encodeSyncStep1),
      fc.uint8Array({ maxLength: 40 }).map(encodeSyncStep2),
      fc.uint8Array({ maxLength: 40 }).map(encodeAwareness),
      fc.string({ maxLength: 20 }).map(encodePermissionDenied),
    );
    fc.assert(
      fc.property(valid, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: -3, max: 3 }), (message, at, byte, resize) => {
        const mutated = new Uint8Array(Math.max(0, message.length + resize));
        mutated.set(message.subarray(0, mutated.length));
        if (mutated.length > 0) mutated[at % mutated.length] = byte;
        try {
          const decoded = decodeMessage(mutated);
          expect(decodeMessage(encodeMessage(decoded))).toEqual(decoded);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMessageError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isEmptyUpdate', () => {
  it('recognises what Yjs produces for "nothing new"', () => {
    expect(isEmptyUpdate(Uint8Array.of(0, 0))).toBe(true);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    const doc = docWithText('abc');
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(true);
    expect(isEmptyUpdate(Y.mergeUpdates([]))).toBe(true);
  });

  it('is false for updates with structs or deletions', () => {
    const doc = docWithText('abc');
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
    doc.getText('text').delete(0, 1);
    // Everything is known to the state vector, but the delete set is sent in full.
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(false);
  });

  it('accepts delete-set clients without ranges and refuses malformed or longer input', () => {
    expect(isEmptyUpdate(Uint8Array.of(0, 1, 42, 0))).toBe(true);
    expect(isEmptyUpdate(Uint8Array.of(0, 1, 42, 1, 0, 1))).toBe(false);
    expect(isEmptyUpdate(Uint8Array.of(0, 0, 0))).toBe(false);
    expect(isEmptyUpdate(Uint8Array.of(0))).toBe(false);
    expect(isEmptyUpdate(Uint8Array.of(0, 1))).toBe(false);
    expect(isEmptyUpdate(new Uint8Array(0))).toBe(false);
    expect(isEmptyUpdate(Uint8Array.of(1, 0))).toBe(false);
  });

  it('agrees with a full Y.decodeUpdate on random edits', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 20 }), fc.array(editArb, { maxLength: 5 }), (before, after) => {
        const doc = new Y.Doc();
        for (const edit of before) applyEdit(doc, edit);
        const stateVector = Y.encodeStateVector(doc);
        for (const edit of after) applyEdit(doc, edit);
        for (const update of [Y.encodeStateAsUpdate(doc, stateVector), Y.encodeStateAsUpdate(doc)]) {
          const { structs, ds } = Y.decodeUpdate(update);
          const empty = structs.length === 0 && [...ds.clients.values()].every((ranges) => ranges.length === 0);
          expect(isEmptyUpdate(update)).toBe(empty);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        expect(typeof isEmptyUpdate(bytes)).toBe('boolean');
      }),
    );
  });
});
