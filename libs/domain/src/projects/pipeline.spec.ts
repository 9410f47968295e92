import { describe, expect, it } from 'vitest';
import { checkStageStep, nextStages, PROJECT_STAGES } from './pipeline';

describe('the project pipeline', () => {
  it('goes idea → concept → approved → submitted → granted → implementation → settled, with a resolution to approve', () => {
    const path = ['idea', 'concept', 'approved', 'submitted', 'granted', 'implementation', 'settled'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(checkStageStep({ from: path[i - 1], fromDate: '2026-01-10', to: path[i], date: '2026-01-10', resolution: path[i] === 'approved' })).toEqual([]);
    }
  });

  it('names the field of each problem: a skipped stage, a date going back, an approval without a resolution', () => {
    expect(checkStageStep({ from: 'idea', fromDate: '2026-03-01', to: 'submitted', date: '2026-02-28', resolution: false })).toEqual([
      { field: 'stage', code: 'stage_not_allowed', message: 'from idea a project goes to concept or withdrawn, not submitted' },
      { field: 'date', code: 'date_before_previous', message: 'date must not be before 2026-03-01, when the project became idea' },
    ]);
    expect(checkStageStep({ from: 'concept', fromDate: '2026-03-01', to: 'approved', date: '2026-03-02', resolution: false })).toEqual([
      { field: 'resolutionId', code: 'resolution_required', message: 'a project is approved by an adopted resolution: resolutionId names it' },
    ]);
    expect(checkStageStep({ from: 'settled', fromDate: '2026-03-01', to: 'withdrawn', date: '2026-03-02', resolution: false })[0]).toMatchObject({
      field: 'stage',
      message: 'a project settled goes no further',
    });
  });

  it('ends in refused, withdrawn or settled, and can be withdrawn from every stage before those', () => {
    for (const stage of PROJECT_STAGES) {
      const ends = ['refused', 'withdrawn', 'settled'].includes(stage);
      expect(nextStages(stage).length === 0).toBe(ends);
      if (!ends) expect(nextStages(stage)).toContain('withdrawn');
    }
  });
});
