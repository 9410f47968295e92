import type { ParsedAmount } from '@commonplan/domain';

/** Why an amount written by a person was refused, for the 400 naming its field. */
export function amountProblem(reason: Extract<ParsedAmount, { ok: false }>['reason']): string {
  return {
    not_a_number: 'must be an amount in złoty, e.g. "1234.56"',
    too_many_decimals: 'must have at most two decimal places (grosze)',
    negative: 'must not be negative',
    too_large: 'is too large',
  }[reason];
}

/** PostgreSQL's numeric as people write it: "1.5000" → "1.5", "85.00" → "85" (a weight, rate or percentage). */
export function trimNumber(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
