import { accessibilityStatement, RECORDED_AUDIT } from './accessibility-statement';

const association = {
  slug: 'ssom',
  name: 'Stowarzyszenie',
  shortName: 'SSOM',
  email: 'biuro@som.example',
  phone: null,
  address: null,
  accessibilityContact: 'Koordynator',
  createdAt: new Date('2026-01-10T23:30:00Z'),
  updatedAt: null,
};
const clean = { checkedAt: '2026-12-07T12:00:00.000Z', standard: 'WCAG 2.1 AA', tool: 'axe-core 4.11.0', checks: 3, pages: [{ path: '/p/ssom', checks: 3, violations: [] }] };

describe('the accessibility statement', () => {
  it('is compliant while no checked page fails, dated by the check, with dates in Warsaw', () => {
    const statement = accessibilityStatement(association, 'https://x.example/p/ssom', clean);
    expect(statement.status).toBe('compliant');
    expect(statement.preparedOn).toBe('2026-12-07');
    // 23:30 UTC on 10 January is already the 11th in Warsaw.
    expect(statement.publishedOn).toBe('2026-01-11');
    expect(statement.association).not.toHaveProperty('createdAt');
  });

  it('is partially compliant when a page fails a rule, and dated by a later change of the details', () => {
    const failing = { ...clean, pages: [...clean.pages, { path: '/login', checks: 1, violations: ['color-contrast'] }] };
    const statement = accessibilityStatement({ ...association, updatedAt: new Date('2026-12-20T10:00:00Z') }, 'https://x.example/p/ssom', failing);
    expect(statement.status).toBe('partially_compliant');
    expect(statement.preparedOn).toBe('2026-12-20');
  });

  it('is built from a recorded run of the browser suite that checked pages', () => {
    expect(RECORDED_AUDIT.checks).toBeGreaterThan(0);
    expect(RECORDED_AUDIT.pages.length).toBeGreaterThan(0);
    expect(RECORDED_AUDIT.pages.reduce((sum, page) => sum + page.checks, 0)).toBe(RECORDED_AUDIT.checks);
    expect(RECORDED_AUDIT.pages.map((page) => page.path)).toEqual(expect.arrayContaining(['/p/ssom', '/p/ssom/accessibility']));
  });
});
