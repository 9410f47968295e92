import type { Node as PMNode } from '@tiptap/pm/model';

export interface OutlineEntry {
  level: number;
  text: string;
  /** A stable anchor for links to the heading: its text as a slug, numbered when the same text comes again. */
  id: string;
  /** The heading's position in the ProseMirror document. */
  pos: number;
}

const POLISH = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' } as Record<string, string>;

/** Text as a slug: lower case, Polish letters folded to ASCII, words joined by dashes, at most `max` characters. */
export function slugify(text: string, max: number): string {
  const folded = text
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (letter) => POLISH[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}

/** A URL fragment for a heading's text: `h-` and its slug. */
export function headingSlug(text: string): string {
  return `h-${slugify(text, 60) || 'section'}`;
}

/** The headings of a document in order, each with a unique anchor. */
export function documentOutline(doc: PMNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const seen = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (node.type.name !== 'heading') return true;
    const text = node.textContent.trim();
    const base = headingSlug(text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    entries.push({ level: Number(node.attrs['level']) || 1, text, id: count === 1 ? base : `${base}-${count}`, pos });
    return false;
  });
  return entries;
}
