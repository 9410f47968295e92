import { describe, expect, it } from 'vitest';
import { agendaRulesOf, DEFAULT_BODY_RULES, DEFAULT_RULE_BOOK, defaultRulesFor, RESOLUTION_KINDS, rulesFor } from './rules';
import { validateRuleBook, validateRules, validateRulesOverride } from './validation';

describe('default rules (SSOM statute and common practice)', () => {
  it('one vote per member, quorum at least half present, simple majority, named ballot', () => {
    expect(defaultRulesFor('ordinary')).toEqual({
      quorum: { basis: 'members', among: 'present', fraction: { numerator: 1, denominator: 2 }, comparison: 'at_least' },
      majority: { kind: 'simple' },
      weighting: 'equal',
      abstentionsCount: true,
      proxiesAllowed: false,
      ballot: 'named',
    });
  });

  it('elect by absolute majority of valid votes in a secret ballot, change the statute by 2/3', () => {
    expect(defaultRulesFor('election')).toMatchObject({ majority: { kind: 'absolute', of: 'valid' }, ballot: 'secret', quorum: DEFAULT_BODY_RULES.quorum });
    expect(defaultRulesFor('statute_change')).toMatchObject({
      majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'valid' },
      ballot: 'named',
    });
  });

  it('are valid, frozen, and handed out as copies', () => {
    for (const kind of RESOLUTION_KINDS) expect(validateRules(defaultRulesFor(kind)).ok).toBe(true);
    expect(validateRuleBook(DEFAULT_RULE_BOOK).ok).toBe(true);
    expect(Object.isFrozen(DEFAULT_BODY_RULES.quorum.fraction)).toBe(true);
    const copy = defaultRulesFor('ordinary');
    copy.quorum.fraction.numerator = 2;
    expect(DEFAULT_BODY_RULES.quorum.fraction.numerator).toBe(1);
  });

  it('apply a kind’s overrides whole over the general rules', () => {
    const book = { general: defaultRulesFor('ordinary'), byKind: { ordinary: { weighting: 'population' as const, proxiesAllowed: true } } };
    expect(rulesFor(book, 'ordinary')).toMatchObject({ weighting: 'population', proxiesAllowed: true, majority: { kind: 'simple' } });
    expect(rulesFor(book, 'election')).toEqual(defaultRulesFor('ordinary'));
  });
});

describe('rule validation', () => {
  const fields = (input: unknown, at?: string) => {
    const result = validateRules(input, at);
    return result.ok ? [] : result.problems.map((problem) => problem.field);
  };

  it('returns the rules when valid', () => {
    const rules = { ...defaultRulesFor('ordinary'), majority: { kind: 'qualified', fraction: { numerator: 3, denominator: 4 }, of: 'statutory' } };
    expect(validateRules(rules)).toEqual({ ok: true, value: rules });
  });

  it('names every field that is missing, unknown or out of range', () => {
    expect(fields(null)).toEqual(['rules']);
    expect(fields({})).toEqual(['quorum', 'majority', 'weighting', 'abstentionsCount', 'proxiesAllowed', 'ballot']);
    const bad = {
      ...defaultRulesFor('ordinary'),
      quorum: { basis: 'heads', among: 'present', fraction: { numerator: 3, denominator: 2 }, comparison: 'at_least' },
      weighting: 'by_size',
      ballot: 'open',
      extra: 1,
    };
    expect(fields(bad, 'rules')).toEqual(['rules.extra', 'rules.quorum.basis', 'rules.quorum.fraction', 'rules.weighting', 'rules.ballot']);
  });

  it('wants fractions of positive whole numbers in (0, 1]', () => {
    const withFraction = (fraction: unknown) => fields({ ...defaultRulesFor('ordinary'), majority: { kind: 'qualified', fraction, of: 'valid' } });
    expect(withFraction({ numerator: 2, denominator: 3 })).toEqual([]);
    expect(withFraction({ numerator: 1, denominator: 1 })).toEqual([]);
    expect(withFraction({ numerator: 0, denominator: 3 })).toEqual(['majority.fraction.numerator']);
    expect(withFraction({ numerator: 2, denominator: 0 })).toEqual(['majority.fraction.denominator']);
    expect(withFraction({ numerator: 2, denominator: -3 })).toEqual(['majority.fraction.denominator']);
    expect(withFraction({ numerator: 0.5, denominator: 1 })).toEqual(['majority.fraction.numerator']);
    expect(withFraction({ numerator: 4, denominator: 3 })).toEqual(['majority.fraction']);
    expect(withFraction(0.66)).toEqual(['majority.fraction']);
  });

  it('checks each kind of majority for its own fields', () => {
    const withMajority = (majority: unknown) => fields({ ...defaultRulesFor('ordinary'), majority });
    expect(withMajority({ kind: 'absolute', of: 'present' })).toEqual([]);
    expect(withMajority({ kind: 'absolute' })).toEqual(['majority.of']);
    expect(withMajority({ kind: 'absolute', of: 'everyone' })).toEqual(['majority.of']);
    expect(withMajority({ kind: 'simple', of: 'valid' })).toEqual(['majority.of']);
    expect(withMajority({ kind: 'qualified', of: 'valid' })).toEqual(['majority.fraction']);
    expect(withMajority({ kind: 'relative' })).toEqual(['majority.kind']);
    expect(fields({ ...defaultRulesFor('ordinary'), proxiesAllowed: 'yes' })).toEqual(['proxiesAllowed']);
  });

  it('checks a rule book and partial overrides', () => {
    const book = { general: defaultRulesFor('ordinary'), byKind: { election: { ballot: 'secret' }, budget: {}, statute_change: { quorum: { basis: 'members' } } } };
    const result = validateRuleBook(book, 'rules');
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual([
      'rules.byKind.budget',
      'rules.byKind.statute_change.quorum.among',
      'rules.byKind.statute_change.quorum.fraction',
      'rules.byKind.statute_change.quorum.comparison',
    ]);
    expect(validateRulesOverride({ ballot: 'secret' })).toEqual({ ok: true, value: { ballot: 'secret' } });
    expect(validateRuleBook({ general: defaultRulesFor('ordinary') })).toEqual({ ok: true, value: { general: defaultRulesFor('ordinary'), byKind: {} } });
  });

  it('says who changes an adopted agenda: a vote unless the book gives the chair an item added or moved', () => {
    expect(agendaRulesOf(DEFAULT_RULE_BOOK)).toEqual({ add: 'vote', move: 'vote' });
    const book = { general: defaultRulesFor('ordinary'), byKind: {}, agenda: { add: 'vote', move: 'chair' } };
    expect(validateRuleBook(book)).toEqual({ ok: true, value: book });
    expect(agendaRulesOf(book as Parameters<typeof agendaRulesOf>[0])).toEqual({ add: 'vote', move: 'chair' });
    const fields = (agenda: unknown) => {
      const result = validateRuleBook({ general: defaultRulesFor('ordinary'), byKind: {}, agenda }, 'rules');
      return result.ok ? [] : result.problems.map((problem) => problem.field);
    };
    expect(fields({ add: 'mayor', move: 'chair' })).toEqual(['rules.agenda.add']);
    expect(fields({ add: 'chair' })).toEqual(['rules.agenda.move']);
    expect(fields({ add: 'chair', move: 'chair', remove: 'chair' })).toEqual(['rules.agenda.remove']);
    expect(fields('chair')).toEqual(['rules.agenda']);
  });
});
