/**
 * Quotation marks inside quotation marks, as each language sets them: Polish „…«…»…”, English “…‘…’…”. A name that
 * has its own quotes (Stowarzyszenie „Szczeciński Obszar Metropolitalny”) put in quotes reads
 * „Stowarzyszenie «Szczeciński Obszar Metropolitalny»”, never „Stowarzyszenie „Szczeciński Obszar Metropolitalny””.
 * Quotes at the outermost level are left as they are.
 */
export function nestQuotes(text: string, language: 'pl' | 'en' = 'pl'): string {
  const [open, close] = language === 'pl' ? ['«', '»'] : ['‘', '’'];
  const chars = Array.from(text);
  // The pairs that match; a quote left open (a passage cut in the middle of a quotation) encloses nothing.
  const pairs: Array<[number, number]> = [];
  const opened: number[] = [];
  chars.forEach((char, index) => {
    if (char === '„' || char === '“') opened.push(index);
    else if (char === '”' && opened.length > 0) pairs.push([opened.pop() as number, index]);
  });
  for (const [from, to] of pairs) {
    if (pairs.some(([outerFrom, outerTo]) => outerFrom < from && to < outerTo)) {
      chars[from] = open;
      chars[to] = close;
    }
  }
  return chars.join('');
}

/** A name or title in quotation marks, its own quotes made inner ones: „Stowarzyszenie «SOM»”, “Stowarzyszenie ‘SOM’”. */
export function quoted(text: string, language: 'pl' | 'en' = 'pl'): string {
  return nestQuotes(language === 'pl' ? `„${text}”` : `“${text}”`, language);
}
