import * as Y from 'yjs';

/** The name of the XmlFragment that holds a document's rich text (Tiptap's default field). */
export const RICH_TEXT_FIELD = 'default';

/** Block nodes of the editor schema: each ends a line of plain text. */
const INLINE_NODES = new Set(['hardBreak', 'hard_break', 'image', 'mention']);

/**
 * The plain text of a document's rich text: the text of each block on its own line, inline marks dropped,
 * hard breaks as line breaks.
 */
export function plainText(doc: Y.Doc): string {
  const lines: string[] = [];
  collectBlocks(doc.getXmlFragment(RICH_TEXT_FIELD), lines);
  return lines.join('\n');
}

function collectBlocks(parent: Y.XmlFragment | Y.XmlElement, lines: string[]): void {
  let inline = '';
  let hasInline = false;
  const flush = () => {
    if (hasInline) lines.push(inline);
    inline = '';
    hasInline = false;
  };
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      inline += textOf(child);
      hasInline = true;
    } else if (child instanceof Y.XmlElement && INLINE_NODES.has(child.nodeName)) {
      inline += child.nodeName === 'hardBreak' || child.nodeName === 'hard_break' ? '\n' : '';
      hasInline = true;
    } else if (child instanceof Y.XmlElement) {
      flush();
      const before = lines.length;
      collectBlocks(child, lines);
      if (lines.length === before) lines.push(''); // an empty paragraph is an empty line
    }
  }
  flush();
}

function textOf(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}
