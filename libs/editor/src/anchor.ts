import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/** y-prosemirror's map from Yjs types to the ProseMirror nodes bound to them (the editor's binding holds one). */
export type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/**
 * Where a comment sits: the start and end of its passage as Yjs relative positions (base64), which follow the text
 * through everyone's edits — text typed before the passage moves it, text typed inside grows it — instead of
 * absolute offsets that would point elsewhere after the first edit.
 */
export interface PassageAnchor {
  start: string;
  end: string;
}

/** The anchor of the passage between two ProseMirror positions of an editor bound to `fragment` (y-prosemirror). */
export function anchorPassage(fragment: Y.XmlFragment, from: number, to: number, mapping: ProsemirrorMapping): PassageAnchor {
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping)));
  return { start: encode(from), end: encode(to) };
}

/**
 * Where the passage is now, in ProseMirror positions; null when it was deleted entirely (nothing is left between its
 * ends) or its ends cannot be found in this document.
 */
export function resolvePassage(doc: Y.Doc, fragment: Y.XmlFragment, anchor: PassageAnchor, mapping: ProsemirrorMapping): { from: number; to: number } | null {
  const decode = (encoded: string) => {
    const relative = decodeAnchorEnd(encoded);
    if (!relative) return null;
    try {
      return relativePositionToAbsolutePosition(doc, fragment, relative, mapping);
    } catch {
      return null; // it names an item this document has never had
    }
  };
  const from = decode(anchor.start);
  const to = decode(anchor.end);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}

/** One end of an anchor decoded, or null when it is not an encoded Yjs relative position. */
export function decodeAnchorEnd(encoded: string): Y.RelativePosition | null {
  if (typeof encoded !== 'string' || encoded.length === 0 || encoded.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    return position.type !== null || position.item !== null || position.tname !== null ? position : null;
  } catch {
    return null;
  }
}
