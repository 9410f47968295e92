import * as Y from 'yjs';
import { applyAll, mergeMany } from './merge-updates';

function updatesOf(edits: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < edits; i++) {
    if (i % 5 === 4) text.delete(Math.floor(text.length / 2), 1);
    else text.insert(Math.floor((text.length * (i % 7)) / 7), String.fromCharCode(97 + (i % 26)));
  }
  return { doc, updates };
}

describe('mergeMany and applyAll', () => {
  it('merge to the same document as applying every update, at any size', () => {
    for (const n of [0, 1, 2, 17, 300, 1000]) {
      const { doc, updates } = updatesOf(n);
      const merged = new Y.Doc();
      Y.applyUpdate(merged, mergeMany(updates));
      expect(merged.getText('t').toString()).toBe(doc.getText('t').toString());
      const applied = new Y.Doc();
      applyAll(applied, updates);
      expect(applied.getText('t').toString()).toBe(doc.getText('t').toString());
      expect(Y.encodeStateVector(applied)).toEqual(Y.encodeStateVector(doc));
    }
  });

  it('gives an empty update for nothing', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeMany([]));
    expect(doc.store.clients.size).toBe(0);
  });
});
