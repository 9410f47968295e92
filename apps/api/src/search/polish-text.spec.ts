import { fold, lexemeText, queryTerms, snippet, stem, tsQueryText, wordMatches } from './polish-text';

describe('Polish text for search', () => {
  it('folds letters to ASCII, ł included, and lower case', () => {
    expect(fold('Łódź')).toBe('lodz');
    expect(fold('ZAŻÓŁĆ gęślą')).toBe('zazolc gesla');
  });

  it('brings the forms of a word to one stem, which prefixes every form', () => {
    const forms = ['strategia', 'strategii', 'strategią', 'strategie', 'strategiami', 'strategię'];
    const stems = new Set(forms.map((w) => stem(fold(w))));
    expect(stems).toEqual(new Set(['strateg']));
    for (const w of ['gmina', 'gminy', 'gminie', 'gminach']) expect(fold(w).startsWith(stem(fold('gminami')))).toBe(true);
    // Short or non-words are kept as they are.
    expect(stem('mi')).toBe('mi');
    expect(stem('a1b2')).toBe('a1b2');
  });

  it('indexes every word once, folded, and queries each word as a prefix of its stem', () => {
    expect(lexemeText('Strategia rozwoju Łodzi; strategia!')).toBe('strategia rozwoju lodzi');
    const terms = queryTerms('Strategią  łodzi x');
    expect(terms.map((t) => t.folded)).toEqual(['strategia', 'lodzi']);
    expect(tsQueryText(terms)).toBe('strateg:* & lodz:*');
    expect(tsQueryText(queryTerms('!!! ...'))).toBeNull();
    // One letter counts only when it is all there is.
    expect(queryTerms('a').map((t) => t.folded)).toEqual(['a']);
  });

  it('marks the matching words in a snippet cut around the first match', () => {
    const terms = queryTerms('kolei');
    expect(wordMatches('Kolej', terms)).toBe(true);
    expect(wordMatches('rower', terms)).toBe(false);
    const long = `${'słowo '.repeat(80)}kolej aglomeracyjna ${'dalej '.repeat(80)}`;
    const parts = snippet(long, terms, 100);
    expect(parts[0]).toEqual({ text: '… ', match: false });
    expect(parts.filter((p) => p.match)).toEqual([{ text: 'kolej', match: true }]);
    expect(parts[parts.length - 1]).toEqual({ text: ' …', match: false });
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(110);
  });
});
