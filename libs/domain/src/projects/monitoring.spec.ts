import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianPopulation, type MonitoringInput, type MonitoringProject, monitoringReport } from './monitoring';
import { PROJECT_STAGES } from './pipeline';

const members = [
  { id: 'szczecin', name: 'Szczecin', population: 390_000 },
  { id: 'police', name: 'Police', population: 41_000 },
  { id: 'dobra', name: 'Dobra (Szczecińska)', population: 22_000 },
  { id: 'kolbaskowo', name: 'Kołbaskowo', population: 13_000 },
];

const cyclePaths: MonitoringProject = {
  id: 'p1',
  title: 'Trasy rowerowe',
  stage: 'implementation',
  coFinancingRate: '85',
  sharingKey: 'equal',
  members: [{ id: 'szczecin' }, { id: 'police' }, { id: 'kolbaskowo' }],
  costByYear: { '2027': 300000n },
  goal: '2.1. Mobilność',
  source: 'eu_regional',
};

const input: MonitoringInput = {
  year: 2027,
  members,
  fees: { szczecin: 100000n, police: 20000n },
  projects: [
    cyclePaths,
    { ...cyclePaths, id: 'p2', title: 'Zakup energii', stage: 'submitted', source: 'national', goal: null, members: [{ id: 'dobra' }] },
    { ...cyclePaths, id: 'p3', title: 'Biuro projektów', stage: 'granted', source: null, coFinancingRate: '50', members: [], costByYear: { '2027': 1001n } },
  ],
  indicators: [
    {
      id: 'i1',
      name: 'Długość tras rowerowych',
      unit: 'km',
      goal: '2.1. Mobilność',
      baseline: 1000000n,
      baselineYear: 2024,
      target: 3000000n,
      targetYear: 2030,
      values: [
        { year: 2026, value: 1500000n, source: 'GUS' },
        { year: 2028, value: 2500000n, source: 'GUS' },
      ],
    },
  ],
};

describe('the annual monitoring report', () => {
  it('gives each goal its indicators at the year’s latest value and the projects serving it, the goalless last', () => {
    const report = monitoringReport(input);
    expect(report.goals.map((g) => g.goal)).toEqual(['2.1. Mobilność', null]);
    const [indicator] = report.goals[0].indicators;
    // 2027 reads the 2026 value (the 2028 one is later): 150 km from 100 towards 300 is 25 %.
    expect(indicator.latest).toEqual({ year: 2026, value: 1500000n, source: 'GUS' });
    expect(indicator.progress).toBe(25);
    expect(report.goals[0].projects.map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(report.goals[1].projects.map((p) => p.id)).toEqual(['p2']);
    expect(monitoringReport({ ...input, year: 2025 }).goals[0].indicators[0]).toMatchObject({ latest: null, progress: null });
  });

  it('counts projects by stage and splits the year’s cost into grant and own contribution, grants only once obtained', () => {
    const report = monitoringReport(input);
    expect(report.stages).toMatchObject({ implementation: 1, submitted: 1, granted: 1, idea: 0 });
    expect(report.projects.find((p) => p.id === 'p1')).toMatchObject({ cost: 300000n, grant: 255000n, own: 45000n });
    // p2 is only submitted: no grant yet, the own contribution as planned.
    expect(report.projects.find((p) => p.id === 'p2')).toMatchObject({ cost: 300000n, grant: 0n, own: 45000n });
  });

  it('sums funds by source and by member, the association keeping the grants of projects without members', () => {
    const { funds } = monitoringReport(input);
    // p1: 2,550.00 zł from the regional programme shared equally by three members; p3: 5.00 zł (half of 10.01, rounded down) with no call.
    expect(funds.bySource).toEqual([
      { source: 'eu_regional', amount: 255000n },
      { source: 'none', amount: 500n },
    ]);
    expect(funds.total).toBe(255500n);
    expect(funds.association).toBe(500n);
    const police = funds.byMember.find((m) => m.id === 'police');
    // Police: fee 200.00 + own 150.00; external 850.00; leverage 850 / 350 = 2.42.
    expect(police).toMatchObject({ fee: 20000n, own: 35000n, external: 85000n, leverage: '2.42', smaller: false });
    expect(funds.byMember.find((m) => m.id === 'dobra')).toMatchObject({ external: 0n, own: 45000n });
  });

  it('classes members below the median population as smaller and gives their share of funds and of people', () => {
    const { smaller } = monitoringReport(input);
    // Median of 13k, 22k, 41k, 390k is 31.5k: Dobra and Kołbaskowo are the smaller ones; Kołbaskowo got 850.00 of 2,550.00.
    expect(smaller.medianPopulation).toBe(31_500);
    expect(smaller.members).toEqual(['dobra', 'kolbaskowo']);
    expect(smaller.external).toBe(85000n);
    expect(smaller.fundsShare).toBe('33.3');
    expect(smaller.populationShare).toBe('7.5');
    expect(monitoringReport({ ...input, projects: [] }).smaller.fundsShare).toBeNull();
  });

  it('takes the mean of the middle two for an even count and leaves out members without a population', () => {
    expect(medianPopulation([{ id: 'a', population: 10 }, { id: 'b', population: 21 }, { id: 'c', population: null }])).toBe(15);
    expect(medianPopulation([{ id: 'a' }])).toBeNull();
  });

  it('reconciles every total, whatever the projects (property)', () => {
    const memberIds = members.map((m) => m.id);
    const project = fc.record({
      id: fc.uuid(),
      stage: fc.constantFrom(...PROJECT_STAGES),
      rate: fc.option(fc.integer({ min: 0, max: 100 }).map(String), { nil: null }),
      members: fc.subarray(memberIds),
      cost: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      source: fc.option(fc.constantFrom('eu_regional' as const, 'zit' as const, 'national' as const), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(project, { maxLength: 8 }), (drawn) => {
        const projects: MonitoringProject[] = drawn.map((p) => ({
          id: p.id,
          title: p.id,
          stage: p.stage,
          coFinancingRate: p.rate,
          sharingKey: 'population',
          members: members.filter((m) => p.members.includes(m.id)),
          costByYear: { '2027': p.cost },
          goal: null,
          source: p.source,
        }));
        const report = monitoringReport({ ...input, projects, indicators: [] });
        const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
        expect(sum(report.funds.bySource.map((s) => s.amount))).toBe(report.funds.total);
        expect(sum(report.funds.byMember.map((m) => m.external)) + report.funds.association).toBe(report.funds.total);
        expect(sum(report.projects.map((p) => p.grant))).toBe(report.funds.total);
        expect(report.projects.every((p) => p.grant === 0n || p.grant + p.own === p.cost)).toBe(true);
        expect(Object.values(report.stages).reduce((a, b) => a + b, 0)).toBe(projects.length);
        expect(report.funds.association).toBe(sum(report.projects.filter((p) => drawn.find((d) => d.id === p.id)!.members.length === 0).map((p) => p.grant)));
      }),
    );
  });
});
