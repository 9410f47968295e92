import { describe, expect, it } from 'vitest';
import { SSOM_MEMBERS } from './ssom.fixture';
import { voteWeights } from './weights';

describe('vote weights', () => {
  it('give one vote per member by default', () => {
    const result = voteWeights(SSOM_MEMBERS, 'equal');
    expect(result.ok && Object.values(result.weights)).toEqual(Array(15).fill(1));
  });

  it('weigh by population', () => {
    const result = voteWeights(SSOM_MEMBERS, 'population');
    expect(result.ok && result.weights['szczecin']).toBe(390300);
    expect(result.ok && Object.values(result.weights).reduce((a, b) => a + b, 0)).toBe(2381024);
  });

  it('take custom weights from the argument, else from the member', () => {
    const members = [{ id: 'a', weight: 2 }, { id: 'b', weight: 1.5 }, { id: 'c' }];
    expect(voteWeights(members, 'custom', { c: 0.25 })).toEqual({ ok: true, weights: { a: 2, b: 1.5, c: 0.25 } });
    expect(voteWeights(members, 'custom', { a: 3, c: 1 })).toEqual({ ok: true, weights: { a: 3, b: 1.5, c: 1 } });
  });

  it('name the members whose weight is unusable', () => {
    expect(voteWeights([{ id: 'a' }, { id: 'b', population: 0 }, { id: 'c', population: 12.5 }], 'population')).toEqual({
      ok: false,
      problems: [
        { memberId: 'a', message: 'population weighting needs the member’s population' },
        { memberId: 'b', message: 'the population must be a positive whole number' },
        { memberId: 'c', message: 'the population must be a positive whole number' },
      ],
    });
    const custom = voteWeights([{ id: 'a' }, { id: 'b', weight: -1 }, { id: 'c', weight: 0.00001 }, { id: 'c', weight: 1 }], 'custom');
    expect(custom.ok ? [] : custom.problems.map((problem) => problem.memberId)).toEqual(['a', 'b', 'c', 'c']);
  });
});
