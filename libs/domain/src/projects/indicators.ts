/**
 * Strategy indicators (wskaźniki): a value as people write it ("12.5", "1 234,75") with at most four decimal places,
 * held exactly as ten-thousandths (bigint), and the progress of the latest value from the baseline towards the target.
 */
export type IndicatorValue = bigint;

export const INDICATOR_SCALE = 10_000n;

export type ParsedIndicator = { ok: true; value: IndicatorValue } | { ok: false; reason: string };

/** A number with at most four decimal places (negative allowed: a balance can fall below zero), within ±10^13. */
export function parseIndicator(text: string): ParsedIndicator {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,4}))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'must be a number with at most four decimal places, e.g. "12.5"' };
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole) * INDICATOR_SCALE + BigInt(fraction.padEnd(4, '0') || '0');
  return { ok: true, value: sign === '-' ? -value : value };
}

/** "12.5" from 125000n: no trailing zeros, a dot. */
export function formatIndicator(value: IndicatorValue): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const fraction = String(absolute % INDICATOR_SCALE).padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${absolute / INDICATOR_SCALE}${fraction ? `.${fraction}` : ''}`;
}

/**
 * How far `current` has come from `baseline` towards `target`, in whole percent rounded towards zero (100 when reached,
 * more when passed, negative when it moved away); null when the target equals the baseline. Works for targets below
 * the baseline too (emissions to cut).
 */
export function indicatorProgress(baseline: IndicatorValue, target: IndicatorValue, current: IndicatorValue): number | null {
  const span = target - baseline;
  if (span === 0n) return null;
  return Number(((current - baseline) * 100n) / span);
}
