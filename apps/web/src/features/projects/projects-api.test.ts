import { describe, expect, it } from 'vitest';
import { formatDay, formatDecimal, formatEuro, formatMoney } from './projects-api';

/** Intl's non-breaking and narrow spaces as plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money and days of joint projects', () => {
  it('writes an amount of the API in the reader’s language with every digit, beyond what a float holds', () => {
    expect(plain(formatMoney('1234.56', 'pl'))).toBe('1 234,56 zł');
    expect(plain(formatMoney('1234.56', 'en'))).toBe('PLN 1,234.56');
    expect(plain(formatMoney('0.10', 'pl'))).toBe('0,10 zł');
    expect(plain(formatMoney('120000', 'pl'))).toBe('120 000,00 zł');
    // 2^53 + 1 złoty and one grosz: a float would write …992,00 or …993,00.
    expect(plain(formatMoney('9007199254740993.01', 'pl'))).toBe('9 007 199 254 740 993,01 zł');
    expect(plain(formatMoney('-0.50', 'pl'))).toBe('-0,50 zł');
    expect(plain(formatEuro('586785.59', 'pl'))).toBe('586 785,59 €');
    // What is not an amount is shown as it came.
    expect(formatMoney('n/a', 'pl')).toBe('n/a');
  });

  it('writes rates and weights with the language’s decimal sign, and days as the app does in Warsaw', () => {
    expect(formatDecimal('85', 'pl')).toBe('85');
    expect(formatDecimal('85.25', 'pl')).toBe('85,25');
    expect(formatDecimal('1.5', 'en')).toBe('1.5');
    expect(formatDay('2027-01-15', 'pl')).toBe('15 sty 2027');
    expect(formatDay('2027-01-15', 'en')).toBe('Jan 15, 2027');
  });
});
