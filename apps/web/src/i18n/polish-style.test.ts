import { describe, expect, it } from 'vitest';
import { createI18n } from './index';
import pl from './pl.json';

type Tree = { [key: string]: string | Tree | Tree[] | string[] };

/** Every text of the Polish translation with its key. */
function texts(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree as Tree).flatMap(([key, value]) => texts(value, prefix ? `${prefix}.${key}` : key));
}

const polish = texts(pl);

/** "wspomniał(a)", "zalogowany(-a)", "Pan(i)", "przygotował/a": a word with its other gender in brackets or after a slash. */
const GENDER_VARIANT = /\p{Ll}(\((-?\p{Ll}{1,3})\)|\/(a|am|aś|ła|na|ny|y|i)\b)/u;

/** A quotation mark „ opened inside another before it is closed: „Stowarzyszenie „SOM””. */
function nestedQuote(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '„') {
      depth += 1;
      if (depth > 1) return true;
    } else if (char === '”') {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

describe('the Polish texts', () => {
  it('has texts to check', () => {
    expect(polish.length).toBeGreaterThan(1000);
  });

  it('has no "(a)" gender forms: the sentences are phrased for everyone', () => {
    expect(polish.filter(([, text]) => GENDER_VARIANT.test(text))).toEqual([]);
  });

  it('has no quotation marks inside quotation marks of the same kind, and no straight double quotes', () => {
    expect(polish.filter(([, text]) => nestedQuote(text) || text.includes('"'))).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    for (const bad of ['{{actor}} wspomniał(a) o Tobie', 'Jesteś zalogowany(-a)', 'Szanowny Pan(i)', 'przygotował/a projekt']) expect(GENDER_VARIANT.test(bad), bad).toBe(true);
    for (const good of ['Uwagi (nieobowiązkowe)', 'Rozdział / część dokumentu', 'art. 6 ust. 5 (a) i (b)', 'Wstrzymało się (3)']) expect(GENDER_VARIANT.test(good), good).toBe(false);
    expect(nestedQuote('do przestrzeni „Stowarzyszenie „SOM””')).toBe(true);
    expect(nestedQuote('Uwaga do „Strategii” i „Planu”')).toBe(false);
  });

  it('gives a name with quotes of its own inner quotes when it is put in quotes', () => {
    const workspace = 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”';
    expect(createI18n('pl').t('invitation.intro', { workspace })).toBe('Zaproszono Cię do przestrzeni roboczej „Stowarzyszenie «Szczeciński Obszar Metropolitalny»”.');
    expect(createI18n('en').t('invitation.intro', { workspace })).toBe('You have been invited to the “Stowarzyszenie ‘Szczeciński Obszar Metropolitalny’” workspace.');
  });
});
