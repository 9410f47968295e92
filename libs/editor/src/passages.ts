import type { Node as PMNode } from '@tiptap/pm/model';
import { documentOutline } from './outline';

/** A block of a document's text with the heading it stands under: what search finds and links to. */
export interface Passage {
  /** The anchor of the heading above (the outline's id), or null before the first heading. */
  anchor: string | null;
  heading: string | null;
  text: string;
}

/**
 * The document's top-level blocks as passages, in order (a heading is a passage of its own, under itself); lists and
 * tables are one passage each, their items on lines. Empty blocks are left out.
 */
export function documentPassages(doc: PMNode): Passage[] {
  const headings = new Map(documentOutline(doc).map((entry) => [entry.pos, entry]));
  const passages: Passage[] = [];
  let anchor: string | null = null;
  let heading: string | null = null;
  doc.forEach((node, offset) => {
    const entry = headings.get(offset);
    if (entry) {
      anchor = entry.id;
      heading = entry.text;
    }
    const text = node.textBetween(0, node.content.size, '\n', ' ').trim();
    if (text) passages.push({ anchor, heading, text });
  });
  return passages;
}
