import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingUpdates, type PendingBatch } from './pending-updates';
import { editArb, recordUpdates, snapshot, type Edit } from './spec-helpers';

function updatesOf(texts: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const edits: Edit[] = texts.map((text) => ({ kind: 'insert', at: 1_000_000, text }));
  return { doc, updates: recordUpdates(doc, edits) };
}

function rebuild(batches: PendingBatch[]): Y.Doc {
  const doc = new Y.Doc();
  for (const batch of batches) Y.applyUpdate(doc, batch.update);
  return doc;
}

describe('PendingUpdates', () => {
  it('starts saved and becomes saved again only when everything is acknowledged', () => {
    const pending = new PendingUpdates();
    expect([pending.saved, pending.count]).toEqual([true, 0]);
    const { updates } = updatesOf(['a', 'b']);
    pending.add(updates[0]!);
    expect([pending.saved, pending.count, pending.queuedCount]).toEqual([false, 1, 1]);

    const [first] = pending.takeQueued();
    expect([pending.saved, pending.queuedCount, pending.inFlightCount]).toEqual([false, 0, 1]);
    pending.add(updates[1]!); // while the first is in flight: a new batch
    const [second] = pending.takeQueued();
    expect(second).not.toBe(first);

    expect(pending.acknowledge(first!)).toBe(true);
    expect([pending.saved, pending.count]).toEqual([false, 1]);
    expect(pending.acknowledge(second!)).toBe(true);
    expect([pending.saved, pending.count]).toEqual([true, 0]);
  });

  it('merges queued updates into one batch that rebuilds the same document', () => {
    const pending = new PendingUpdates();
    const { doc, updates } = updatesOf(['one ', 'two ', 'three']);
    for (const update of updates) pending.add(update);
    const batches = pending.takeQueued();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.count).toBe(3);
    expect(pending.count).toBe(3);
    expect(snapshot(rebuild(batches))).toEqual(snapshot(doc));
  });

  it('never merges into a batch in flight', () => {
    const pending = new PendingUpdates();
    const { updates } = updatesOf(['a', 'b', 'c']);
    pending.add(updates[0]!);
    const [inFlight] = pending.takeQueued();
    const before = inFlight!.update;
    pending.add(updates[1]!);
    pending.add(updates[2]!);
    expect(inFlight!.update).toBe(before);
    expect(inFlight!.count).toBe(1);
    const queued = pending.takeQueued();
    expect(queued.map((batch) => batch.count)).toEqual([2]);
  });

  it('keeps batches under the size limit', () => {
    const pending = new PendingUpdates({ maxBatchBytes: 60 });
    const { doc, updates } = updatesOf(Array.from({ length: 10 }, (_, i) => `update number ${i}`));
    expect(updates.every((update) => update.length < 60)).toBe(true);
    for (const update of updates) pending.add(update);
    const batches = pending.takeQueued();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.reduce((sum, batch) => sum + batch.count, 0)).toBe(10);
    for (const batch of batches) expect(batch.update.length).toBeLessThanOrEqual(60);
    expect(snapshot(rebuild(batches))).toEqual(snapshot(doc));
  });

  it('gives an update larger than the limit a batch of its own', () => {
    const pending = new PendingUpdates({ maxBatchBytes: 50 });
    const { updates } = updatesOf(['small', 'x'.repeat(200), 'tiny']);
    for (const update of updates) pending.add(update);
    expect(pending.takeQueued().map((batch) => batch.count)).toEqual([1, 1, 1]);
  });

  it('compacts a long queue while offline', () => {
    const pending = new PendingUpdates({ compactAfter: 8 });
    const { doc, updates } = updatesOf(Array.from({ length: 100 }, (_, i) => String(i % 10)));
    const raw = updates.reduce((sum, update) => sum + update.length, 0);
    for (const update of updates) pending.add(update);
    expect(pending.count).toBe(100);
    expect(pending.bytes).toBeLessThan(raw * 0.8); // merged: one header instead of 100
    expect(snapshot(rebuild(pending.takeQueued()))).toEqual(snapshot(doc));
  });

  it('requeues batches whose connection dropped and ignores their late acks', () => {
    const pending = new PendingUpdates();
    const { updates } = updatesOf(['a', 'b']);
    pending.add(updates[0]!);
    const [lost] = pending.takeQueued();
    expect(pending.requeueAll()).toBe(1);
    expect([pending.queuedCount, pending.inFlightCount]).toEqual([1, 0]);
    expect(pending.acknowledge(lost!)).toBe(false); // a late ack of the old connection
    expect(pending.saved).toBe(false);

    pending.add(updates[1]!); // merged with the requeued batch
    const [resent] = pending.takeQueued();
    expect(resent!.count).toBe(2);
    expect(pending.acknowledge(resent!)).toBe(true);
    expect(pending.saved).toBe(true);
  });

  it('puts one refused batch back in its place', () => {
    const pending = new PendingUpdates({ maxBatchBytes: 1 });
    const { updates } = updatesOf(['a', 'b']);
    pending.add(updates[0]!);
    pending.add(updates[1]!);
    const [first, second] = pending.takeQueued();
    expect(pending.requeue(first!)).toBe(true);
    expect(pending.requeue(first!)).toBe(false);
    expect(pending.acknowledge(second!)).toBe(true);
    expect([pending.count, pending.queuedCount]).toEqual([1, 1]);
    expect(pending.takeQueued()).toEqual([first]);
  });

  it('leaves the document unsaved for good after a drop', () => {
    const pending = new PendingUpdates();
    const { updates } = updatesOf(['huge', 'later']);
    pending.add(updates[0]!);
    const [refused] = pending.takeQueued();
    expect(pending.drop(refused!)).toBe(true);
    expect(pending.drop(refused!)).toBe(false);
    expect([pending.count, pending.droppedCount, pending.saved]).toEqual([0, 1, false]);
    pending.add(updates[1]!);
    pending.acknowledge(pending.takeQueued()[0]!);
    expect([pending.count, pending.saved]).toEqual([0, false]);
  });

  it('ignores batches it did not hand out', () => {
    const pending = new PendingUpdates();
    const { updates } = updatesOf(['a']);
    pending.add(updates[0]!);
    const forged: PendingBatch = { update: updates[0]!, count: 1 };
    expect(pending.acknowledge(forged)).toBe(false);
    expect(pending.drop(forged)).toBe(false);
    expect(pending.count).toBe(1);
  });

  it('keeps its books straight under any sequence of operations', () => {
    type Op = { op: 'edit'; edit: Edit } | { op: 'send' } | { op: 'ack' | 'requeue' | 'drop'; index: number } | { op: 'drop-connection' };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: editArb.map((edit) => ({ op: 'edit' as const, edit })) },
      { weight: 2, arbitrary: fc.constant({ op: 'send' as const }) },
      { weight: 3, arbitrary: fc.nat(10).map((index) => ({ op: 'ack' as const, index })) },
      { weight: 1, arbitrary: fc.nat(10).map((index) => ({ op: 'requeue' as const, index })) },
      { weight: 1, arbitrary: fc.nat(10).map((index) => ({ op: 'drop' as const, index })) },
      { weight: 1, arbitrary: fc.constant({ op: 'drop-connection' as const }) },
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 20, max: 400 }), (ops, maxBatchBytes) => {
        const pending = new PendingUpdates({ maxBatchBytes, compactAfter: 4 });
        const doc = new Y.Doc();
        const server = new Y.Doc(); // what acknowledged batches delivered
        let inFlight: PendingBatch[] = [];
        let added = 0;
        let acked = 0;
        let dropped = 0;
        doc.on('update', (update: Uint8Array) => {
          pending.add(update);
          added++;
        });
        for (const op of ops) {
          switch (op.op) {
            case 'edit':
              recordUpdates(doc, [op.edit]);
              break;
            case 'send':
              inFlight.push(...pending.takeQueued());
              break;
            case 'drop-connection':
              pending.requeueAll();
              inFlight = [];
              break;
            default: {
              const batch = inFlight[op.index % Math.max(1, inFlight.length)];
              if (!batch) break;
              inFlight = inFlight.filter((other) => other !== batch);
              if (op.op === 'ack') {
                expect(pending.acknowledge(batch)).toBe(true);
                Y.applyUpdate(server, batch.update);
                acked += batch.count;
              } else if (op.op === 'drop') {
                expect(pending.drop(batch)).toBe(true);
                dropped += batch.count;
              } else {
                expect(pending.requeue(batch)).toBe(true);
              }
            }
          }
          expect(pending.count).toBe(added - acked - dropped);
          expect(pending.droppedCount).toBe(dropped);
          expect(pending.inFlightCount).toBe(inFlight.reduce((sum, batch) => sum + batch.count, 0));
          expect(pending.saved).toBe(added === acked);
        }
        if (dropped === 0) {
          // Everything not acknowledged is still held: sending and acknowledging it completes the server's copy.
          pending.requeueAll();
          for (const batch of pending.takeQueued()) {
            Y.applyUpdate(server, batch.update);
            pending.acknowledge(batch);
          }
          expect(pending.saved).toBe(true);
          expect(snapshot(server)).toEqual(snapshot(doc));
        }
      }),
      { numRuns: 300 },
    );
  });
});
