import * as Y from 'yjs';

/**
 * Y.mergeUpdates re-sorts all its inputs for every struct it writes, so merging n updates costs about n² log n: 70 ms
 * for 1,000 one-character updates, 700 ms for 8,000. Merging in a tree of small groups keeps it near n log n.
 */
export function mergeMany(updates: Uint8Array[], fanIn = 16): Uint8Array {
  let level = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += fanIn) {
      next.push(level.length - i === 1 ? level[i] : Y.mergeUpdates(level.slice(i, i + fanIn)));
    }
    level = next;
  }
  return level[0] ?? new Uint8Array([0, 0]);
}

/** Applies many updates in one transaction: Yjs cleans up (merges structs, runs observers) once, not per update. */
export function applyAll(doc: Y.Doc, updates: Uint8Array[], origin?: unknown): void {
  if (updates.length === 1) {
    Y.applyUpdate(doc, updates[0], origin);
    return;
  }
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, origin);
  }, origin);
}
