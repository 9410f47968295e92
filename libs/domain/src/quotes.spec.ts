import { describe, expect, it } from 'vitest';
import { nestQuotes, quoted } from './quotes';

describe('quotes inside quotes', () => {
  it('makes a quoted name’s own quotes Polish inner quotes', () => {
    expect(quoted('Stowarzyszenie „Szczeciński Obszar Metropolitalny”')).toBe('„Stowarzyszenie «Szczeciński Obszar Metropolitalny»”');
    expect(nestQuotes('zaprasza Cię do przestrzeni „Stowarzyszenie „SOM”” w Commonplan')).toBe('zaprasza Cię do przestrzeni „Stowarzyszenie «SOM»” w Commonplan');
    expect(quoted('„TRAKO” Wierzbicki i wspólnicy s.j.')).toBe('„«TRAKO» Wierzbicki i wspólnicy s.j.”');
  });

  it('uses single quotes inside double ones in English', () => {
    expect(nestQuotes('invites you to “Stowarzyszenie „SOM””', 'en')).toBe('invites you to “Stowarzyszenie ‘SOM’”');
    expect(quoted('Stowarzyszenie „SOM”', 'en')).toBe('“Stowarzyszenie ‘SOM’”');
  });

  it('leaves quotes that are not nested, and text without quotes, alone', () => {
    expect(nestQuotes('Uwaga do „Strategii” i „Planu”')).toBe('Uwaga do „Strategii” i „Planu”');
    expect(quoted('Strategia SOM 2030')).toBe('„Strategia SOM 2030”');
    expect(nestQuotes('bez cudzysłowów ” i tyle')).toBe('bez cudzysłowów ” i tyle');
  });

  it('leaves a quotation cut in the middle as it is rather than closing the wrong one', () => {
    expect(quoted('Strategii „Szczecin')).toBe('„Strategii „Szczecin”');
    expect(quoted('Szczecin” i dalej')).toBe('„Szczecin” i dalej”');
    expect(nestQuotes('„a „b „c””” i „d”')).toBe('„a «b «c»»” i „d”');
  });
});
