import type { Node as PMNode } from '@tiptap/pm/model';
import type { Person } from '../../api/types';

/** A person offered in the suggestions: the mention node keeps `id` and `label`. */
export interface MentionItem {
  id: string;
  label: string;
  /** Their organisation, shown beside the name to tell namesakes apart. */
  detail: string | null;
}

/** How many suggestions are shown at most. */
export const MAX_SUGGESTIONS = 8;
/** A query longer than this is ordinary text after an "@", no longer a name being typed. */
const MAX_QUERY = 60;

/** Lower case without diacritics: "Łukasz Żak" is found by "lukasz za". */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * The people whose name, or any of its later words, begins with what was typed after "@" (ignoring case and Polish
 * letters' marks), in the list's order; everyone for an empty query.
 */
export function mentionSuggestions(people: Person[], query: string): MentionItem[] {
  const wanted = folded(query).trimStart();
  if (wanted.length > MAX_QUERY) return [];
  const matches = people.filter((person) => {
    const words = folded(person.displayName).split(' ');
    return words.some((_, i) => words.slice(i).join(' ').startsWith(wanted));
  });
  return matches.slice(0, MAX_SUGGESTIONS).map((person) => ({ id: person.userId, label: person.displayName, detail: person.organisation?.name ?? null }));
}

/** The ids of the people mentioned in a comment's text, each once, in order. */
export function mentionedIds(doc: PMNode): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'mention' && typeof node.attrs['id'] === 'string') ids.add(node.attrs['id']);
  });
  return [...ids];
}
