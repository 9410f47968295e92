/**
 * Money in grosze (1/100 PLN) as bigint: never a float. Amounts come in as decimal text ("1234.56", "1234,56",
 * "1 234,56") and go out the same way; anything else is refused with the reason.
 */
export type Grosze = bigint;

/** The largest amount accepted: 10^13 PLN, far above any municipal budget, well inside numeric(18, 2). */
export const MAX_AMOUNT_GROSZE = 10n ** 15n;

export type ParsedAmount = { ok: true; grosze: Grosze } | { ok: false; reason: 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large' };

/** Parses a złoty amount with at most two decimal places (comma or dot, spaces between thousands allowed). */
export function parsePln(text: string): ParsedAmount {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > 2) return { ok: false, reason: 'too_many_decimals' };
  const grosze = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  if (sign === '-' && grosze !== 0n) return { ok: false, reason: 'negative' };
  if (grosze > MAX_AMOUNT_GROSZE) return { ok: false, reason: 'too_large' };
  return { ok: true, grosze };
}

/** "1234.56" (a dot, no grouping): what the API sends and PostgreSQL's numeric reads. */
export function formatPln(grosze: Grosze): string {
  const negative = grosze < 0n;
  const absolute = negative ? -grosze : grosze;
  return `${negative ? '-' : ''}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** The sum of amounts, exactly. */
export function sumGrosze(amounts: Iterable<Grosze>): Grosze {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}
