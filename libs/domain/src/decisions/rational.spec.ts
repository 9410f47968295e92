import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalPlaces, fromUnits, reaches, smallestReaching, toUnits } from './rational';

const TWO_THIRDS = { numerator: 2, denominator: 3 };

describe('exact arithmetic', () => {
  it('compares with a fraction by cross-multiplication: 10 of 15 is exactly two thirds', () => {
    expect(reaches(10n, TWO_THIRDS, 15n, 'at_least')).toBe(true);
    expect(reaches(10n, TWO_THIRDS, 15n, 'more_than')).toBe(false);
    expect(reaches(9n, TWO_THIRDS, 15n, 'at_least')).toBe(false);
    expect(smallestReaching(TWO_THIRDS, 15n, 'at_least')).toBe(10n);
    expect(smallestReaching({ numerator: 1, denominator: 2 }, 15n, 'more_than')).toBe(8n);
    expect(smallestReaching({ numerator: 1, denominator: 2 }, 14n, 'more_than')).toBe(8n);
    expect(smallestReaching({ numerator: 1, denominator: 2 }, 14n, 'at_least')).toBe(7n);
  });

  it('finds the least whole number that reaches a fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }).chain((d) => fc.tuple(fc.integer({ min: 1, max: d }), fc.constant(d))),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom('at_least' as const, 'more_than' as const),
        ([numerator, denominator], base, comparison) => {
          const fraction = { numerator, denominator };
          const least = smallestReaching(fraction, base, comparison);
          expect(reaches(least, fraction, base, comparison)).toBe(true);
          if (least > 0n) expect(reaches(least - 1n, fraction, base, comparison)).toBe(false);
        },
      ),
    );
  });

  it('turns decimal weights into exact whole units: 0.1 + 0.2 is 0.3', () => {
    expect(decimalPlaces(1.5)).toBe(1);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1e21)).toBe(0);
    const { units, scale } = toUnits([0.1, 0.2, 0.3, 2]);
    expect(scale).toBe(1);
    expect(units).toEqual([1n, 2n, 3n, 20n]);
    expect(units[0] + units[1]).toBe(units[2]);
    expect(fromUnits(units[0] + units[1], scale)).toBe(0.3);
  });

  it('reads back any weight with up to four decimal places exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 1, maxLength: 8 }), (tenThousandths) => {
        const { units, scale } = toUnits(tenThousandths.map((value) => value / 10_000));
        expect(scale).toBeLessThanOrEqual(4);
        units.forEach((unit, index) => expect(unit * 10n ** BigInt(4 - scale)).toBe(BigInt(tenThousandths[index])));
      }),
    );
  });
});
