import type { Node as PMNode } from '@tiptap/pm/model';

/** A block of text in reading order: a paragraph, heading, list item, quote or table cell (or a page break). */
export interface TextBlock {
  /** heading, paragraph, listItem, blockquote, tableCell, tableHeader or pageBreak: where the text stands. */
  type: string;
  level?: number;
  text: string;
}

export type DiffOp = '=' | '+' | '-';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** One block of a comparison: unchanged, only in the newer text, only in the older, or changed word by word. */
export interface DiffBlock {
  kind: 'same' | 'added' | 'removed' | 'changed';
  type: string;
  level?: number;
  parts: DiffPart[];
}

export interface DocumentDiff {
  blocks: DiffBlock[];
  /** Words inserted and deleted in all (a changed block counts its words, an added block all of its words). */
  insertedWords: number;
  deletedWords: number;
}

const CONTAINERS = new Set(['listItem', 'blockquote', 'tableCell', 'tableHeader']);

/** The blocks of a document in reading order, each typed by its nearest container (a list item, a cell…). */
export function textBlocks(doc: PMNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walk = (node: PMNode, container: string | null) => {
    node.forEach((child) => {
      if (child.type.name === 'pageBreak') {
        blocks.push({ type: 'pageBreak', text: '' });
      } else if (child.isTextblock) {
        const type = child.type.name === 'heading' ? 'heading' : (container ?? child.type.name);
        blocks.push({ type, ...(child.type.name === 'heading' ? { level: Number(child.attrs['level']) || 1 } : {}), text: child.textContent });
      } else {
        walk(child, CONTAINERS.has(child.type.name) ? child.type.name : container);
      }
    });
  };
  walk(doc, null);
  return blocks;
}

const blockKey = (block: TextBlock) => `${block.type}:${block.level ?? ''}:${block.text}`;

/** Longest common subsequence of two sequences by key: the index pairs that match, in order. */
function lcsPairs<T>(a: T[], b: T[], same: (x: T, y: T) => boolean): Array<[number, number]> {
  // Common head and tail first: most comparisons change a little in the middle.
  let head = 0;
  while (head < a.length && head < b.length && same(a[head] as T, b[head] as T)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail] as T, b[b.length - 1 - tail] as T)) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  if (n > 0 && m > 0) {
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] = same(a[head + i] as T, b[head + j] as T)
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (same(a[head + i] as T, b[head + j] as T)) {
        pairs.push([head + i, head + j]);
        i++;
        j++;
      } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) i++;
      else j++;
    }
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

const tokens = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];
const words = (text: string) => (text.match(/[^\s]+/g) ?? []).length;

/** Above this many token pairs a changed block is shown as replaced whole (the table would be too large). */
const MAX_TOKEN_PAIRS = 4_000_000;

/** A word-by-word diff of two texts, adjacent parts of the same kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  if (a.length * b.length > MAX_TOKEN_PAIRS) {
    push('-', before);
    push('+', after);
    return parts;
  }
  let i = 0;
  let j = 0;
  for (const [ai, bj] of lcsPairs(a, b, (x, y) => x === y)) {
    while (i < ai) push('-', a[i++] as string);
    while (j < bj) push('+', b[j++] as string);
    push('=', a[i] as string);
    i++;
    j++;
  }
  while (i < a.length) push('-', a[i++] as string);
  while (j < b.length) push('+', b[j++] as string);
  return cleanUp(parts);
}

/**
 * Readable changes: a bare space kept between two changes joins them, and each run of changes reads as what was
 * deleted, then what was inserted ("-14 gmin. +15 gmin i powiatów." rather than four fragments).
 */
function cleanUp(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ op: '-', text: deleted });
    if (inserted) out.push({ op: '+', text: inserted });
    deleted = inserted = '';
  };
  parts.forEach((part, index) => {
    const between = index > 0 && index < parts.length - 1 && part.op === '=' && part.text.trim() === '' && (deleted || inserted);
    if (part.op === '-' || between) deleted += part.text;
    if (part.op === '+' || between) inserted += part.text;
    if (part.op === '=' && !between) {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

/** How much of two texts is common, 0..1 (by characters of the unchanged parts). */
function similarity(parts: DiffPart[], before: string, after: string): number {
  const common = parts.filter((part) => part.op === '=').reduce((sum, part) => sum + part.text.trim().length, 0);
  const longest = Math.max(before.trim().length, after.trim().length);
  return longest === 0 ? 1 : common / longest;
}

/**
 * Compares two documents block by block (matching unchanged blocks, in order) and, where a block was edited rather
 * than replaced, word by word. The result is plain data: the web app renders it, exports can too.
 */
export function diffDocuments(before: PMNode, after: PMNode): DocumentDiff {
  const a = textBlocks(before);
  const b = textBlocks(after);
  const blocks: DiffBlock[] = [];
  let insertedWords = 0;
  let deletedWords = 0;
  const removed = (block: TextBlock) => {
    deletedWords += words(block.text);
    blocks.push({ kind: 'removed', type: block.type, ...(block.level ? { level: block.level } : {}), parts: [{ op: '-', text: block.text }] });
  };
  const added = (block: TextBlock) => {
    insertedWords += words(block.text);
    blocks.push({ kind: 'added', type: block.type, ...(block.level ? { level: block.level } : {}), parts: [{ op: '+', text: block.text }] });
  };
  const gap = (olds: TextBlock[], news: TextBlock[]) => {
    // Blocks between two unchanged ones: pair them in order as edits where they are alike, else removed and added.
    let k = 0;
    for (; k < Math.min(olds.length, news.length); k++) {
      const o = olds[k] as TextBlock;
      const n = news[k] as TextBlock;
      const parts = diffWords(o.text, n.text);
      if (o.type === n.type && similarity(parts, o.text, n.text) >= 0.3) {
        for (const part of parts) {
          if (part.op === '+') insertedWords += words(part.text);
          if (part.op === '-') deletedWords += words(part.text);
        }
        const level = n.level ?? o.level;
        blocks.push({ kind: 'changed', type: n.type, ...(level ? { level } : {}), parts });
      } else {
        removed(o);
        added(n);
      }
    }
    olds.slice(k).forEach(removed);
    news.slice(k).forEach(added);
  };
  let i = 0;
  let j = 0;
  for (const [ai, bj] of lcsPairs(a, b, (x, y) => blockKey(x) === blockKey(y))) {
    gap(a.slice(i, ai), b.slice(j, bj));
    const block = b[bj] as TextBlock;
    blocks.push({ kind: 'same', type: block.type, ...(block.level ? { level: block.level } : {}), parts: [{ op: '=', text: block.text }] });
    i = ai + 1;
    j = bj + 1;
  }
  gap(a.slice(i), b.slice(j));
  return { blocks, insertedWords, deletedWords };
}
