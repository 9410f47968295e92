import * as Y from 'yjs';
import { LiveDocument } from './live-document';

const LIMITS = { maxStateBytes: 4096, maxClientsPerConnection: 4 };

function snapshotOf(text: string): { doc: Y.Doc; state: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return { doc, state: Y.encodeStateAsUpdate(doc) };
}

const built = (live: LiveDocument) => (live as unknown as { ydoc: Y.Doc | null }).ydoc !== null;

describe('LiveDocument', () => {
  it('answers sync requests from the stored snapshot without building a Y.Doc', () => {
    const { doc, state } = snapshotOf('Strategia 2030');
    const live = new LiveDocument('d', { snapshot: { data: state, stateVector: Y.encodeStateVector(doc) }, tail: [], tailBytes: 0 }, () => undefined, LIMITS);
    expect(live.stateVector()).toEqual(Y.encodeStateVector(doc));
    expect(live.missingFor(new Uint8Array([0]))).toBe(state);

    const client = new Y.Doc();
    Y.applyUpdate(client, live.missingFor(Y.encodeStateVector(client)));
    expect(client.getText('t').toString()).toBe('Strategia 2030');
    doc.getText('t').insert(0, '» ');
    const partial = new Y.Doc();
    Y.applyUpdate(partial, state);
    expect(Y.decodeUpdate(live.missingFor(Y.encodeStateVector(partial))).structs).toHaveLength(0);
    expect(built(live)).toBe(false);

    expect(live.doc.getText('t').toString()).toBe('Strategia 2030');
    expect(built(live)).toBe(true);
    expect(live.stateVector()).toEqual(Y.encodeStateVector(live.doc));
  });

  it('applies a snapshot with a tail at once', () => {
    const { doc, state } = snapshotOf('a');
    const before = Y.encodeStateVector(doc);
    const snapshot = { data: state, stateVector: before };
    doc.getText('t').insert(1, 'b');
    const tail = Y.encodeStateAsUpdate(doc, before);
    const live = new LiveDocument('d', { snapshot, tail: [tail], tailBytes: tail.length }, () => undefined, LIMITS);
    expect(built(live)).toBe(true);
    expect(live.doc.getText('t').toString()).toBe('ab');
    live.destroy();
  });
});
