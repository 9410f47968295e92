import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VotingMember } from '../decisions/weights';
import { coFinancing, procurementSavings, shareBudgetByYear, shareCost } from './cost-sharing';
import { formatPln, parsePln, sumGrosze } from './money';

const members = (populations: number[]): VotingMember[] => populations.map((population, i) => ({ id: `m${i}`, population }));

describe('money in grosze', () => {
  it('reads złoty amounts as people write them and refuses the rest with the reason', () => {
    expect(parsePln('1234.56')).toEqual({ ok: true, grosze: 123456n });
    expect(parsePln('1 234,5')).toEqual({ ok: true, grosze: 123450n });
    expect(parsePln('0')).toEqual({ ok: true, grosze: 0n });
    expect(parsePln('12.345')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parsePln('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(parsePln('1e3')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parsePln('')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parsePln('99999999999999999')).toEqual({ ok: false, reason: 'too_large' });
    expect(formatPln(123456n)).toBe('1234.56');
    expect(formatPln(5n)).toBe('0.05');
  });

  it('writes back what it read', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (grosze) => {
        expect(parsePln(formatPln(grosze))).toEqual({ ok: true, grosze });
      }),
    );
  });
});

describe('sharing a cost', () => {
  it('gives the grosze left over to the largest remainders, then to the participant listed first', () => {
    // 100.00 PLN among three equally: 33.34, 33.33, 33.33 (the leader, listed first, takes the odd grosz).
    expect(shareCost(10000n, members([1, 1, 1]), 'equal')).toEqual({ ok: true, shares: { m0: 3334n, m1: 3333n, m2: 3333n } });
    // By population 1 : 2 : 3 of 1.00 PLN: 16.67, 33.33, 50.00 (exact shares 16.666…, 33.333…, 50).
    expect(shareCost(100n, members([1, 2, 3]), 'population')).toEqual({ ok: true, shares: { m0: 17n, m1: 33n, m2: 50n } });
    // Custom weights with decimals, exactly.
    expect(shareCost(1000n, [{ id: 'a', weight: 0.5 }, { id: 'b', weight: 1.5 }], 'custom')).toEqual({ ok: true, shares: { a: 250n, b: 750n } });
  });

  it('refuses what cannot be shared, naming the participant', () => {
    expect(shareCost(100n, [], 'equal')).toMatchObject({ ok: false });
    expect(shareCost(-1n, members([1]), 'equal')).toMatchObject({ ok: false });
    expect(shareCost(100n, [{ id: 'a' }, { id: 'b', population: 5 }], 'population')).toEqual({
      ok: false,
      problems: [{ memberId: 'a', message: 'population weighting needs the member’s population' }],
    });
  });

  it('always sums to the total, never gives anyone more than a grosz above their exact share, and keeps the order of weights', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), (total, populations) => {
        const result = shareCost(total, members(populations), 'population');
        if (!result.ok) throw new Error('refused');
        const shares = populations.map((_, i) => result.shares[`m${i}`]);
        expect(sumGrosze(shares)).toBe(total);
        const weightSum = BigInt(populations.reduce((a, b) => a + b, 0));
        populations.forEach((population, i) => {
          // share × W lies within [exact − W, exact + W), i.e. the share is the exact one rounded down or up.
          const exact = total * BigInt(population);
          expect(shares[i] * weightSum > exact - weightSum && shares[i] * weightSum < exact + weightSum).toBe(true);
        });
        populations.forEach((a, i) => populations.forEach((b, j) => {
          if (a > b) expect(shares[i] >= shares[j]).toBe(true);
        }));
      }),
    );
  });

  it('shares each year of a budget on its own, so that every year reconciles', () => {
    const result = shareBudgetByYear({ '2026': 10000n, '2027': 1n }, members([1, 1, 1]), 'equal');
    expect(result).toEqual({ ok: true, byYear: { '2026': { m0: 3334n, m1: 3333n, m2: 3333n }, '2027': { m0: 1n, m1: 0n, m2: 0n } } });
  });

  it('says what each member saves by buying together', () => {
    const result = procurementSavings({ m0: 50000n, m1: 30000n, m2: 20000n }, 60000n, members([5, 3, 2]), 'population');
    expect(result).toEqual({
      ok: true,
      members: [
        { id: 'm0', alone: 50000n, joint: 30000n, saving: 20000n },
        { id: 'm1', alone: 30000n, joint: 18000n, saving: 12000n },
        { id: 'm2', alone: 20000n, joint: 12000n, saving: 8000n },
      ],
      totalSaving: 40000n,
    });
    expect(procurementSavings({ m0: 1n }, 1n, members([1, 1]), 'equal')).toEqual({ ok: false, problems: [{ memberId: 'm1', message: 'the cost of buying alone is missing' }] });
  });
});

describe('co-financing', () => {
  it('rounds the grant down to the grosz and leaves the rest as the own contribution', () => {
    expect(coFinancing(100001n, '85')).toEqual({ grant: 85000n, own: 15001n });
    expect(coFinancing(100000n, '85.25')).toEqual({ grant: 85250n, own: 14750n });
    expect(coFinancing(100000n, null)).toEqual({ grant: 0n, own: 100000n });
    expect(coFinancing(100000n, '100')).toEqual({ grant: 100000n, own: 0n });
    expect(() => coFinancing(1n, '100.01')).toThrow();
  });

  it('always sums to the total, with the grant never above its rate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 10_000 }), (total, hundredths) => {
        const rate = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        const { grant, own } = coFinancing(total, rate);
        expect(grant + own).toBe(total);
        expect(grant * 10_000n <= total * BigInt(hundredths)).toBe(true);
        expect((grant + 1n) * 10_000n > total * BigInt(hundredths)).toBe(true);
      }),
    );
  });
});
