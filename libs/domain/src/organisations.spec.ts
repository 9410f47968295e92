import { describe, expect, it } from 'vitest';
import { kindOfType, organisationProblem } from './organisations';

describe('organisation types', () => {
  it('sorts every type into member or partner', () => {
    expect(kindOfType('gmina_wiejska')).toBe('member');
    expect(kindOfType('wojewodztwo')).toBe('member');
    expect(kindOfType('university')).toBe('partner');
    expect(kindOfType('other')).toBe('partner');
    expect(kindOfType('parish')).toBeNull();
  });

  it('accepts a member with a weight and a partner without one', () => {
    expect(organisationProblem({ kind: 'member', type: 'powiat', voteWeight: 2, population: 81584 })).toBeNull();
    expect(organisationProblem({ kind: 'partner', type: 'consultancy' })).toBeNull();
  });

  it('names the field at fault', () => {
    expect(organisationProblem({ kind: 'member', type: 'university' })?.field).toBe('type');
    expect(organisationProblem({ kind: 'partner', type: 'gmina_miejska' })?.field).toBe('type');
    expect(organisationProblem({ kind: 'partner', type: 'university', voteWeight: 1 })?.field).toBe('voteWeight');
    expect(organisationProblem({ kind: 'member', type: 'powiat', voteWeight: 0 })?.field).toBe('voteWeight');
    expect(organisationProblem({ kind: 'member', type: 'powiat', population: -5 })?.field).toBe('population');
    expect(organisationProblem({ kind: 'member', type: 'powiat', population: 1.5 })?.field).toBe('population');
  });
});
