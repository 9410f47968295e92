import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { repairDocument } from './content-guard';
import { RICH_TEXT_FIELD } from './plain-text';

/**
 * The Yjs update that turns the document held in `state` into `target` (a restored version, say) as an ordinary
 * edit on top of it: y-prosemirror's diff keeps every unchanged block and changes only what differs, so the history
 * stays whole and concurrent edits merge as with any other change. Null when the content is already `target`.
 */
export function replaceContentUpdate(state: Uint8Array, target: PMNode): Uint8Array | null {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  try {
    Y.applyUpdate(doc, state);
    doc.on('update', (update: Uint8Array) => updates.push(update));
    // What does not fit the schema goes with the change (y-prosemirror's diff cannot read it).
    repairDocument(doc);
    prosemirrorToYXmlFragment(target, doc.getXmlFragment(RICH_TEXT_FIELD));
    return updates.length === 0 ? null : Y.mergeUpdates(updates);
  } finally {
    doc.destroy();
  }
}
