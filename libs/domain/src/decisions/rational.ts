/**
 * Exact arithmetic for decisions. No floating point ever decides whether a resolution passes: thresholds are fractions
 * of whole numbers ({@link Rational}), vote weights become whole numbers of a common decimal unit
 * ({@link toUnits}), and "x reaches 2/3 of y" is answered by cross-multiplication in bigint (3·x ≥ 2·y), so 10 of
 * 15 is exactly two thirds.
 */

/** A fraction of whole numbers, e.g. two thirds is { numerator: 2, denominator: 3 }. Need not be in lowest terms. */
export type Rational = { numerator: number; denominator: number };

/** How a figure is compared with a fraction of a base: at least (≥) or more than (>). */
export const COMPARISONS = ['at_least', 'more_than'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * Whether `value` reaches `fraction` of `base`: value·d ≥ n·base ('at_least') or value·d > n·base ('more_than'), with
 * every figure a whole number of the same unit.
 */
export function reaches(value: bigint, fraction: Rational, base: bigint, comparison: Comparison): boolean {
  const left = value * BigInt(fraction.denominator);
  const right = BigInt(fraction.numerator) * base;
  return comparison === 'at_least' ? left >= right : left > right;
}

/** The smallest whole number of units that {@link reaches} `fraction` of `base` (0 when nothing is needed). */
export function smallestReaching(fraction: Rational, base: bigint, comparison: Comparison): bigint {
  const n = BigInt(fraction.numerator) * base;
  const d = BigInt(fraction.denominator);
  const floor = n / d; // both non-negative, so bigint division floors
  if (comparison === 'more_than') return floor + 1n;
  return floor * d === n ? floor : floor + 1n;
}

/**
 * Decimal places of a finite non-negative number as JavaScript writes it (its shortest round-trip form), so 1.5 has
 * one and 1e-7 has seven. A weight typed as 0.1 is treated as exactly one tenth.
 */
export function decimalPlaces(value: number): number {
  const { fraction, exponent } = decimalParts(value);
  return Math.max(0, fraction.length - exponent);
}

/**
 * Exact whole numbers for a set of non-negative finite numbers: each value times 10^scale, where scale is the most
 * decimal places among them. Sums and comparisons of the results are exact; {@link fromUnits} turns a sum back into a
 * number for display.
 */
export function toUnits(values: readonly number[]): { units: bigint[]; scale: number } {
  const scale = values.reduce((most, value) => Math.max(most, decimalPlaces(value)), 0);
  return { units: values.map((value) => scaled(value, scale)), scale };
}

/** A whole number of 10^-scale units as a number (the nearest double to the exact decimal), for display. */
export function fromUnits(units: bigint, scale: number): number {
  return scale === 0 ? Number(units) : Number(units) / 10 ** scale;
}

/** `value` as a whole number of 10^-scale units; throws when it has more decimal places than `scale`. */
export function scaledTo(value: number, scale: number): bigint {
  return scaled(value, scale);
}

function scaled(value: number, scale: number): bigint {
  const { whole, fraction, exponent } = decimalParts(value);
  const digits = whole + fraction;
  const shift = scale + exponent - fraction.length;
  if (shift < 0) throw new RangeError(`toUnits: ${value} has more than ${scale} decimal places`);
  return BigInt(digits) * 10n ** BigInt(shift);
}

function decimalParts(value: number): { whole: string; fraction: string; exponent: number } {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`exact decimals: ${value} is not a finite non-negative number`);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`exact decimals: cannot read ${value}`);
  return { whole: match[1], fraction: match[2] ?? '', exponent: Number(match[3] ?? 0) };
}
