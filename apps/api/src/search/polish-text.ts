import { createRequire } from 'node:module';

/** The Polish stemmer of NLP.js (@nlpjs/lang-pl, MIT): a rule-based suffix stripper, with no dictionary to load. */
interface Stemmer {
  stemWord(word: string): string;
}
const StemmerPl = createRequire(__filename)('@nlpjs/lang-pl/src/stemmer-pl') as new () => Stemmer;
const stemmer = new StemmerPl();

/** Words longer than this are not words (a pasted hash, a URL): kept whole, not stemmed. */
const MAX_WORD = 40;
/** At most this much of one passage goes into the index (a table cell pasted as one paragraph). */
const MAX_INDEXED = 40_000;
/** A shorter stem says too little ("mi" of "mie"): the word is matched as typed. */
const MIN_STEM = 3;
/** At most this many words of a query count. */
export const MAX_QUERY_TERMS = 8;

const WORD = /[\p{L}\p{N}]+/gu;

/** A word as the index keeps it: lower case, Polish and other letters folded to ASCII ("Łódź" → "lodz"). */
export function fold(word: string): string {
  return word.toLowerCase().replace(/ł/g, 'l').normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The stem of a folded word. The stemmer is run twice: once leaves some forms a letter longer than the others
 * ("strategii" → "strategi", "strategia" → "strateg"), twice brings them to one stem.
 */
export function stem(folded: string): string {
  if (folded.length > MAX_WORD || !/^[a-z]+$/.test(folded)) return folded;
  const once = stemmer.stemWord(folded);
  const twice = once.length > 0 ? stemmer.stemWord(once) || once : folded;
  return twice.length >= MIN_STEM ? twice : folded;
}

/** The words of a text, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * What the index stores for a text, as input to `to_tsvector('simple', …)`: every word folded, once. Only ASCII
 * letters and digits come out, so the `simple` parser takes each as one lexeme. Stems are not stored: a query's stem
 * is matched as a prefix of the words (the stemmer only strips endings), which finds the same and keeps the index small.
 */
export function lexemeText(text: string): string {
  // Folded as a whole (one normalisation rather than one per word), then split.
  const folded = fold(text.slice(0, MAX_INDEXED)).match(/[a-z0-9]+/g) ?? [];
  return [...new Set(folded)].join(' ');
}

/** One word of a query: the prefixes a word of the text may start with to match it. */
export interface QueryTerm {
  folded: string;
  stemmed: string;
}

/** The terms of a query (at most MAX_QUERY_TERMS; single letters only when they are all there is). */
export function queryTerms(query: string): QueryTerm[] {
  const all = words(query)
    .map((word) => fold(word).replace(/[^a-z0-9]/g, ''))
    .filter((folded) => folded.length > 0);
  const longer = all.filter((folded) => folded.length > 1);
  const chosen = [...new Set(longer.length > 0 ? longer : all)].slice(0, MAX_QUERY_TERMS);
  return chosen.map((folded) => ({ folded, stemmed: stem(folded) }));
}

/**
 * The query as `to_tsquery('simple', …)` input: every term must match, each as a prefix of its stem or of itself
 * ("strategii" → `(strateg:* | strategii:*)`), so inflected forms find each other and a word being typed finds its
 * endings. Null when the query has no words.
 */
export function tsQueryText(terms: QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map(({ folded, stemmed }) => (folded.startsWith(stemmed) ? `${stemmed}:*` : `(${folded}:* | ${stemmed}:*)`))
    .join(' & ');
}

/** True when a word of the text matches a term of the query (the same rule as the tsquery, for highlighting). */
export function wordMatches(word: string, terms: QueryTerm[]): boolean {
  const folded = fold(word).replace(/[^a-z0-9]/g, '');
  return terms.some((term) => folded.startsWith(term.folded) || folded.startsWith(term.stemmed));
}

/** A piece of a snippet: text, and whether it is a match to highlight. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * About `width` characters of the text around its first match, cut at word boundaries, as parts with the matching
 * words marked (the web app renders them as <mark>, so no HTML is ever built here).
 */
export function snippet(text: string, terms: QueryTerm[], width = 220): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const found: { start: number; end: number }[] = [];
  for (const m of flat.matchAll(WORD)) {
    if (wordMatches(m[0], terms)) found.push({ start: m.index, end: m.index + m[0].length });
  }
  let from = 0;
  if (found.length > 0 && found[0].start > width / 3) {
    from = flat.lastIndexOf(' ', found[0].start - Math.floor(width / 3)) + 1;
  }
  let to = Math.min(flat.length, from + width);
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', match: false });
  let at = from;
  for (const hit of found) {
    if (hit.start < from || hit.end > to) continue;
    if (hit.start > at) parts.push({ text: flat.slice(at, hit.start), match: false });
    parts.push({ text: flat.slice(hit.start, hit.end), match: true });
    at = hit.end;
  }
  if (at < to) parts.push({ text: flat.slice(at, to), match: false });
  if (to < flat.length) parts.push({ text: ' …', match: false });
  return parts;
}
