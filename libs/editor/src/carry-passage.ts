import { Transform } from '@tiptap/pm/transform';
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { readableDoc } from './content-guard';
import { RICH_TEXT_FIELD } from './plain-text';
import { replaceContentUpdate } from './replace-content';
import { editorSchema } from './schema';

export interface PassageRange {
  from: number;
  to: number;
}

/** Where a passage is now in a later state of the same document, with its text there. */
export interface CarriedPassage extends PassageRange {
  text: string;
}

/**
 * Where a passage of an earlier state of a document (a frozen version: ProseMirror positions in it) stands in a later
 * state of the same document, following everyone's edits since: its ends are turned into Yjs relative positions in the
 * earlier state, which name the characters they stand by, and those are found again in the later state. Null when the
 * range is not a passage of the earlier state, or nothing of it is left in the later one.
 */
export function carryPassage(earlierState: Uint8Array, passage: PassageRange, laterState: Uint8Array): CarriedPassage | null {
  const earlier = readableDoc(earlierState);
  const later = readableDoc(laterState);
  try {
    const fragment = earlier.getXmlFragment(RICH_TEXT_FIELD);
    const before = initProseMirrorDoc(fragment, editorSchema());
    if (!(passage.from >= 0 && passage.to > passage.from && passage.to <= before.doc.content.size)) return null;
    const start = absolutePositionToRelativePosition(passage.from, fragment, before.mapping);
    const end = absolutePositionToRelativePosition(passage.to, fragment, before.mapping);

    const laterFragment = later.getXmlFragment(RICH_TEXT_FIELD);
    const now = initProseMirrorDoc(laterFragment, editorSchema());
    const find = (relative: Y.RelativePosition) => {
      try {
        return relativePositionToAbsolutePosition(later, laterFragment, relative, now.mapping);
      } catch {
        return null;
      }
    };
    const from = find(start);
    const to = find(end);
    if (from === null || to === null || to <= from) return null;
    return { from, to, text: now.doc.textBetween(from, to, '\n') };
  } finally {
    earlier.destroy();
    later.destroy();
  }
}

/**
 * The Yjs update that puts `text` in place of the range of the document held in `state` (the marks at the range's
 * start carry over to the new words; a range across blocks joins them). Null when nothing would change.
 */
export function replaceRangeUpdate(state: Uint8Array, range: PassageRange, text: string): Uint8Array | null {
  const doc = readableDoc(state);
  let current;
  try {
    current = initProseMirrorDoc(doc.getXmlFragment(RICH_TEXT_FIELD), editorSchema()).doc;
  } finally {
    doc.destroy();
  }
  const schema = editorSchema();
  const transform = new Transform(current);
  if (text === '') transform.delete(range.from, range.to);
  else transform.replaceWith(range.from, range.to, schema.text(text, current.resolve(range.from).marksAcross(current.resolve(range.to)) ?? current.resolve(range.from).marks()));
  return replaceContentUpdate(state, transform.doc);
}
