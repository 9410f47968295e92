import { describe, expect, it } from 'vitest';
import { nextResolutionSequence, resolutionNumber, resolutionTitle, romanNumeral, STANDARD_BODIES } from './numbering';

describe('resolution numbers', () => {
  it('run per year, with an optional session in Roman numerals', () => {
    expect(resolutionNumber(7, 2026)).toBe('7/2026');
    expect(resolutionNumber(3, 2009, 16)).toBe('XVI/3/2009');
    expect(() => resolutionNumber(0, 2026)).toThrow(RangeError);
    expect(() => resolutionNumber(1.5, 2026)).toThrow(RangeError);
    expect(romanNumeral(1994)).toBe('MCMXCIV');
    expect(nextResolutionSequence([])).toBe(1);
    expect(nextResolutionSequence([1, 3, 2])).toBe(4);
  });

  it('title a resolution with the body’s name in the genitive', () => {
    const assembly = STANDARD_BODIES[0].genitive;
    expect(resolutionTitle({ sequence: 7, year: 2026, bodyGenitive: assembly })).toBe('Uchwała nr 7/2026 Walnego Zebrania Członków');
    expect(resolutionTitle({ sequence: 2, year: 2026, bodyGenitive: 'Zarządu', subject: 'przyjęcia planu pracy ' })).toBe(
      'Uchwała nr 2/2026 Zarządu w sprawie przyjęcia planu pracy',
    );
  });
});
