import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIndicator, indicatorProgress, parseIndicator } from './indicators';

describe('indicator values', () => {
  it('reads numbers as people write them, exactly, and refuses the rest', () => {
    expect(parseIndicator('12,5')).toEqual({ ok: true, value: 125000n });
    expect(parseIndicator('1 234.0001')).toEqual({ ok: true, value: 12340001n });
    expect(parseIndicator('-3')).toEqual({ ok: true, value: -30000n });
    expect(parseIndicator('1.23456')).toMatchObject({ ok: false });
    expect(parseIndicator('1e3')).toMatchObject({ ok: false });
    expect(parseIndicator('9999999999999.9999')).toEqual({ ok: true, value: 10n ** 17n - 1n });
    expect(parseIndicator('10000000000000')).toMatchObject({ ok: false }); // beyond numeric(18, 4)
    expect(formatIndicator(125000n)).toBe('12.5');
    expect(formatIndicator(-30000n)).toBe('-3');
  });

  it('writes back what it read', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n - 10n ** 17n, max: 10n ** 17n - 1n }), (value) => {
        expect(parseIndicator(formatIndicator(value))).toEqual({ ok: true, value });
      }),
    );
  });

  it('measures progress towards a target above or below the baseline', () => {
    const v = (text: string) => (parseIndicator(text) as { value: bigint }).value;
    expect(indicatorProgress(v('10'), v('30'), v('15'))).toBe(25);
    expect(indicatorProgress(v('100'), v('60'), v('90'))).toBe(25); // emissions cut from 100 to 90, target 60
    expect(indicatorProgress(v('100'), v('60'), v('110'))).toBe(-25);
    expect(indicatorProgress(v('10'), v('30'), v('35'))).toBe(125);
    expect(indicatorProgress(v('10'), v('10'), v('12'))).toBeNull();
  });
});
