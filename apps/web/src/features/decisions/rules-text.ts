// A body's voting rules and a vote's figures in words (libs/domain decisions/rules.ts and outcome.ts), in the
// reader's language; numbers are formatted for it (a vote weight may have decimals).
import type { TFunction } from 'i18next';
import type { BodyRules, MajorityRule, Outcome, QuorumRule, Rational } from '@commonplan/domain';
import { formatNumber } from '../../i18n/format';

export const fractionText = (fraction: Rational) => `${fraction.numerator}/${fraction.denominator}`;

/** "at least 1/2 of the body's members present (in person or by proxy)" */
export function quorumRuleText(rule: Pick<QuorumRule, 'basis' | 'among' | 'fraction' | 'comparison'>, t: TFunction): string {
  return t(`decisions.rules.quorum.${rule.basis}_${rule.among}`, { comparison: t(`decisions.rules.comparison.${rule.comparison}`), fraction: fractionText(rule.fraction) });
}

/** "absolute: more than half of the valid votes cast" */
export function majorityText(rule: MajorityRule, t: TFunction): string {
  if (rule.kind === 'simple') return t('decisions.rules.majority.simple');
  const base = t(`decisions.rules.base.${rule.of}`);
  if (rule.kind === 'absolute') return t('decisions.rules.majority.absolute', { base });
  return t('decisions.rules.majority.qualified', { base, fraction: fractionText(rule.fraction) });
}

/** Every rule of one kind of resolution, in words, in the order the rules table shows them. */
export function rulesInWords(rules: BodyRules, t: TFunction) {
  return {
    quorum: quorumRuleText(rules.quorum, t),
    majority: majorityText(rules.majority, t),
    weighting: t(`decisions.rules.weighting.${rules.weighting}`),
    abstentions: t(rules.abstentionsCount ? 'decisions.rules.abstentions.count' : 'decisions.rules.abstentions.ignored'),
    proxies: t(rules.proxiesAllowed ? 'decisions.rules.proxies.allowed' : 'decisions.rules.proxies.refused'),
    ballot: t(`decisions.rules.ballot.${rules.ballot}`),
  };
}

/**
 * The quorum as it stands: "Kworum: 8 z 15, wymagane co najmniej 8 — osiągnięte". In words, never by colour alone;
 * counted among those voting, it is only known when a vote closes.
 */
export function quorumNowText(quorum: Pick<QuorumRule, 'basis' | 'among'> & { total: number; actual: number; minimum: number; reached: boolean }, t: TFunction, language: string): string {
  const figures = { actual: formatNumber(quorum.actual, language), total: formatNumber(quorum.total, language), minimum: formatNumber(quorum.minimum, language) };
  const counted = t(`decisions.quorum.counted.${quorum.basis}_${quorum.among}`, figures);
  const state = t(quorum.reached ? 'decisions.quorum.reached' : 'decisions.quorum.notReached');
  return t('decisions.quorum.sentence', { counted, state });
}

/** The majority as applied at the close: what was needed of which base, and whether the votes for met it. */
export function thresholdText(outcome: Outcome, t: TFunction, language: string): string {
  const { threshold } = outcome;
  const n = (value: number) => formatNumber(value, language);
  const met = t(threshold.met ? 'decisions.outcome.met' : 'decisions.outcome.notMet');
  if (threshold.majority.kind === 'simple') {
    return t('decisions.outcome.thresholdSimple', { for: n(outcome.tally.for.weight), against: n(outcome.tally.against.weight), met });
  }
  return t('decisions.outcome.thresholdOf', {
    majority: majorityText(threshold.majority, t),
    minimum: n(threshold.minimum),
    base: n(threshold.base),
    of: t(`decisions.rules.base.${threshold.of}`),
    for: n(outcome.tally.for.weight),
    met,
  });
}
