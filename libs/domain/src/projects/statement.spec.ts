import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumGrosze } from './money';
import { memberStatement, type StatementProject } from './statement';

const cyclePaths: StatementProject = {
  id: 'p1',
  title: 'Trasy rowerowe',
  stage: 'implementation',
  coFinancingRate: '85',
  sharingKey: 'equal',
  members: [{ id: 'szczecin' }, { id: 'police' }],
  costByYear: { '2027': 100000n, '2028': 200001n },
};

describe('a member’s statement', () => {
  it('adds the fee, its share of each project’s own contribution and of each grant obtained, and the leverage', () => {
    const [y2027, y2028] = memberStatement('police', { '2027': 5000n }, [cyclePaths, { ...cyclePaths, id: 'p2', title: 'Wycofany', stage: 'withdrawn' }]);
    // 2027: 1,000.00 zł, the grant 850.00, the own contribution 150.00 shared equally: 75.00 each.
    expect(y2027).toEqual({
      year: 2027,
      fee: 5000n,
      contributions: [{ projectId: 'p1', title: 'Trasy rowerowe', stage: 'implementation', amount: 7500n }],
      external: [{ projectId: 'p1', title: 'Trasy rowerowe', stage: 'implementation', amount: 42500n }],
      ownTotal: 12500n,
      externalTotal: 42500n,
      leverage: '3.40',
    });
    // 2028: 2,000.01 zł: grant 1,700.00 (rounded down), own 300.01; the odd grosz of the own part goes to Szczecin, listed first.
    expect(y2028.contributions[0].amount).toBe(15000n);
    expect(memberStatement('szczecin', {}, [cyclePaths])[1].contributions[0].amount).toBe(15001n);
  });

  it('counts external funds only once granted, and no leverage when the member spent nothing', () => {
    const [year] = memberStatement('police', {}, [{ ...cyclePaths, stage: 'submitted', costByYear: { '2027': 100000n } }]);
    expect(year.external).toEqual([]);
    expect(year.leverage).toBe('0.00');
    expect(memberStatement('police', { '2027': 0n }, [])[0].leverage).toBeNull();
    expect(memberStatement('gryfino', {}, [cyclePaths])).toEqual([]);
  });

  it('gives out among the members exactly each project’s own contribution and grant, year by year', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 8 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 100 }), (populations, cost, rate) => {
        const project: StatementProject = {
          ...cyclePaths,
          stage: 'granted',
          coFinancingRate: String(rate),
          sharingKey: 'population',
          members: populations.map((population, i) => ({ id: `m${i}`, population })),
          costByYear: { '2027': cost },
        };
        const statements = project.members.map((m) => memberStatement(m.id, {}, [project])[0]);
        const own = sumGrosze(statements.map((s) => s.contributions[0].amount));
        const external = sumGrosze(statements.map((s) => s.external[0].amount));
        expect(own + external).toBe(cost);
        expect(external).toBe((cost * BigInt(rate)) / 100n);
      }),
    );
  });
});
