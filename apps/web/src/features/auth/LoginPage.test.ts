import { describe, expect, it } from 'vitest';
import { safeNext } from './LoginPage';

describe('safeNext', () => {
  it('keeps a path of the app', () => {
    expect(safeNext('/w/123/people')).toBe('/w/123/people');
  });

  it('keeps the invitation page with its token, as the invitation page sends it', () => {
    expect(safeNext(new URLSearchParams('next=%2Finvitation%3Ftoken%3Dabc_DEF-123').get('next'))).toBe('/invitation?token=abc_DEF-123');
  });

  it('refuses other sites and missing values', () => {
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
    expect(safeNext('evil.example/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it('refuses what a browser reads as another site: backslashes, and control characters it strips', () => {
    for (const next of ['/\\evil.example', '/\\/evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r//evil.example', '/ /evil.example']) {
      expect({ next, safe: safeNext(next) }).toEqual({ next, safe: '/' });
      // What the browser would make of it, for the record: another site.
      if (next.startsWith('/\\') || next.startsWith('/\t')) expect(new URL(next, 'https://commonplan.example').host).toBe('evil.example');
    }
  });
});
