/** Test support (not exported by the library): random Yjs edits for property tests. */
import fc from 'fast-check';
import * as Y from 'yjs';

export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'format'; at: number; length: number; bold: boolean }
  | { kind: 'set'; key: string; value: string | number | boolean | null };

// Characters of the Basic Multilingual Plane only: Y.Text counts UTF-16 code units, so a random position may split a
// surrogate pair, which Yjs cannot encode faithfully (a known Yjs limitation, not this library's).
const textArb = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', 'z', ' ', '\n', 'é', 'ß', 'ł', '中', '✓') });

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: textArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('format' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }), bold: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      key: fc.constantFrom('title', 'status', 'owner'),
      value: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)),
    }),
  },
);

/** Applies one edit to the doc's Y.Text `text` / Y.Map `meta`, positions taken modulo the current length. */
export function applyEdit(doc: Y.Doc, edit: Edit): void {
  const text = doc.getText('text');
  const length = text.length;
  switch (edit.kind) {
    case 'insert':
      text.insert(edit.at % (length + 1), edit.text);
      return;
    case 'delete':
      if (length > 0) {
        const at = edit.at % length;
        text.delete(at, Math.min(edit.length, length - at));
      }
      return;
    case 'format':
      if (length > 0) {
        const at = edit.at % length;
        text.format(at, Math.min(edit.length, length - at), { bold: edit.bold });
      }
      return;
    case 'set':
      doc.getMap('meta').set(edit.key, edit.value);
      return;
  }
}

/** What a doc holds, comparable with toEqual. */
export function snapshot(doc: Y.Doc): { text: unknown; meta: unknown } {
  return { text: doc.getText('text').toDelta(), meta: doc.getMap('meta').toJSON() };
}

/** The updates a doc emits while applying `edits`, one per edit (each edit is its own transaction). */
export function recordUpdates(doc: Y.Doc, edits: Edit[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  doc.on('update', onUpdate);
  for (const edit of edits) applyEdit(doc, edit);
  doc.off('update', onUpdate);
  return updates;
}
