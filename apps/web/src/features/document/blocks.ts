// The document's rich text (the Y.XmlFragment 'default' in the editor's schema) as a flat list of blocks the viewer
// renders: headings with their level and paragraphs, each with its plain text.
import * as Y from 'yjs';

export type Block = { type: 'heading'; level: number; text: string } | { type: 'paragraph'; text: string };

/** Inline nodes: part of the line they stand in, never a block of their own. */
const HARD_BREAKS = new Set(['hardBreak', 'hard_break']);
const INLINE_NODES = new Set([...HARD_BREAKS, 'image', 'mention']);

/**
 * The blocks of a document's rich text, in order:
 * - `heading` (attribute `level`, 1–6; a missing or odd level counts as 1) → a heading of that level;
 * - `paragraph` → a paragraph;
 * - a container (bulletList, listItem, blockquote, …) contributes the blocks inside it;
 * - text directly in the fragment or in an unknown element without blocks inside is a paragraph.
 * Marks are dropped and a hard break is a line break (`\n`) in the text.
 */
export function fragmentToBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  collect(fragment, blocks);
  return blocks;
}

function collect(parent: Y.XmlFragment | Y.XmlElement, blocks: Block[]): void {
  let inline: string | null = null;
  const flush = () => {
    if (inline !== null) blocks.push({ type: 'paragraph', text: inline });
    inline = null;
  };
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText || (child instanceof Y.XmlElement && INLINE_NODES.has(child.nodeName))) {
      inline = (inline ?? '') + inlineText(child);
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue; // Y.XmlHook: not part of the text
    flush();
    if (child.nodeName === 'heading') blocks.push({ type: 'heading', level: headingLevel(child.getAttribute('level')), text: lineOf(child) });
    else if (child.nodeName === 'paragraph' || !hasBlocks(child)) blocks.push({ type: 'paragraph', text: lineOf(child) });
    else collect(child, blocks);
  }
  flush();
}

/** Attributes are stored as the editor sets them: a number from Tiptap, a string from other writers. */
export function headingLevel(value: unknown): number {
  const level = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

function hasBlocks(element: Y.XmlElement): boolean {
  return element.toArray().some((child) => child instanceof Y.XmlElement && !INLINE_NODES.has(child.nodeName));
}

/** The text of one block: its inline content, nested blocks' text joined by line breaks. */
function lineOf(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText || (child instanceof Y.XmlElement && INLINE_NODES.has(child.nodeName))) text += inlineText(child);
    else if (child instanceof Y.XmlElement) text += (text ? '\n' : '') + lineOf(child);
  }
  return text;
}

function inlineText(node: Y.XmlText | Y.XmlElement): string {
  if (node instanceof Y.XmlElement) return HARD_BREAKS.has(node.nodeName) ? '\n' : '';
  let out = '';
  for (const op of node.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}

/** The HTML heading level for a document heading under the page's h1: level 1 → h2, 2 → h3, … up to h6. */
export function headingTag(level: number): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  return `h${Math.min(Math.max(level, 1) + 1, 6)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}
