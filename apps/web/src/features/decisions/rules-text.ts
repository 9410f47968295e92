// A body's voting rules and a vote's figures in words (libs/domain decisions/rules.ts and outcome.ts), in the
// reader's language; numbers are formatted for it (a vote weight may have decimals).
import type { TFunction } from 'i18next';
import type { BodyRules, MajorityRule, Outcome, QuorumRule, Rational, RemoteVotingRule, SecondTermRule, VoteRules } from '@commonplan/domain';
import { formatNumber } from '../../i18n/format';

export const fractionText = (fraction: Rational) => `${fraction.numerator}/${fraction.denominator}`;

/** "at least 1/2 of the body's members present (in person or by proxy)"; a quorum of 0 (NO_QUORUM) is none. */
export function quorumRuleText(rule: Pick<QuorumRule, 'basis' | 'among' | 'fraction' | 'comparison'>, t: TFunction): string {
  if (rule.fraction.numerator === 0) return t('decisions.rules.noQuorum');
  return t(`decisions.rules.quorum.${rule.basis}_${rule.among}`, { comparison: t(`decisions.rules.comparison.${rule.comparison}`), fraction: fractionText(rule.fraction) });
}

/** "absolute: more than half of the valid votes cast" */
export function majorityText(rule: MajorityRule, t: TFunction): string {
  if (rule.kind === 'simple') return t('decisions.rules.majority.simple');
  const base = t(`decisions.rules.base.${rule.of}`);
  if (rule.kind === 'absolute') return t('decisions.rules.majority.absolute', { base });
  return t('decisions.rules.majority.qualified', { base, fraction: fractionText(rule.fraction) });
}

/** The quorum at a second term: "bez względu na liczbę obecnych", a lower quorum, or as at the first term. */
export function secondTermText(rule: SecondTermRule | null | undefined, t: TFunction): string {
  if (!rule) return t('decisions.rules.secondTerm.same');
  if (!rule.quorum) return t('decisions.rules.secondTerm.waived');
  return t('decisions.rules.secondTerm.quorum', { quorum: quorumRuleText(rule.quorum, t) });
}

/** What a tie means: the chair's casting vote decides (named ballots only), or the resolution is not adopted. */
export function castingVoteText(castingVote: boolean | undefined, t: TFunction): string {
  return t(castingVote ? 'decisions.rules.castingVote.chair' : 'decisions.rules.castingVote.none');
}

/** Remote voting: not allowed, or allowed with its quorum, its majority (the body's when not its own) and its basis. */
export function remoteText(rule: RemoteVotingRule | null | undefined, t: TFunction): string {
  if (!rule) return t('decisions.rules.remote.refused');
  return t('decisions.rules.remote.allowed', {
    quorum: quorumRuleText(rule.quorum, t),
    majority: rule.majority ? majorityText(rule.majority, t) : t('decisions.rules.remote.bodyMajority'),
    // As typed in the rules form: "?" until the provision is given.
    basis: rule.basis.trim() || '?',
  });
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
    secondTerm: secondTermText(rules.secondTerm, t),
    castingVote: castingVoteText(rules.castingVote, t),
    remote: remoteText(rules.remote, t),
  };
}

/**
 * The rules of one vote in a line: the majority and the quorum it was opened with, then how it is taken (a second
 * term; remotely, on the statute's provision), and the chair's casting vote where it applies (a named ballot).
 */
export function voteRulesText(rules: VoteRules, t: TFunction, names?: ReadonlyMap<string, string>): string {
  const parts = [t('decisions.vote.rules', { majority: majorityText(rules.majority, t), quorum: quorumRuleText(rules.quorum, t) })];
  if (rules.sitting === 'second_term') parts.push(t('decisions.vote.secondTerm'));
  if (rules.sitting === 'remote' && rules.remote) parts.push(t('decisions.vote.remoteBasis', { basis: rules.remote.basis }));
  if (rules.castingVote && rules.ballot === 'named') {
    const chair = rules.chairId ? names?.get(rules.chairId) : undefined;
    parts.push(chair ? t('decisions.vote.castingVoteOf', { chair }) : t('decisions.vote.castingVote'));
  }
  return parts.join(' ');
}

/**
 * The quorum as it stands: "Kworum: 8 z 15, wymagane co najmniej 8 — osiągnięte". In words, never by colour alone;
 * counted among those voting, it is only known when a vote closes; waived (fraction 0), it is not required. Under a
 * label that already says "Kworum" (`labelled`), only the figures and the state.
 */
export function quorumNowText(
  quorum: Pick<QuorumRule, 'basis' | 'among'> & { fraction?: Rational; total: number; actual: number; minimum: number; reached: boolean },
  t: TFunction,
  language: string,
  labelled = false,
): string {
  // A quorum waived (a second term "bez względu na liczbę obecnych"): no figures to reach.
  if (quorum.fraction?.numerator === 0) return t(labelled ? 'decisions.quorum.waivedFigures' : 'decisions.quorum.waived');
  const figures = { actual: formatNumber(quorum.actual, language), total: formatNumber(quorum.total, language), minimum: formatNumber(quorum.minimum, language) };
  const counted = t(`decisions.quorum.counted.${quorum.basis}_${quorum.among}`, figures);
  const state = t(quorum.reached ? 'decisions.quorum.reached' : 'decisions.quorum.notReached');
  return t(labelled ? 'decisions.quorum.figures' : 'decisions.quorum.sentence', { counted, state });
}

/** The majority as applied at the close: what was needed of which base, and whether the votes for met it (the votes themselves are in the tally). */
export function thresholdText(outcome: Outcome, t: TFunction, language: string): string {
  const { threshold } = outcome;
  const n = (value: number) => formatNumber(value, language);
  // A tie that the chair's casting vote decided: a simple majority is then neither met nor missed by the votes alone.
  const met = outcome.castingVote && threshold.majority.kind === 'simple' ? t('decisions.outcome.tieDecided') : t(threshold.met ? 'decisions.outcome.met' : 'decisions.outcome.notMet');
  if (threshold.majority.kind === 'simple') {
    return t('decisions.outcome.thresholdSimple', { met });
  }
  return t('decisions.outcome.thresholdOf', {
    majority: majorityText(threshold.majority, t),
    minimum: n(threshold.minimum),
    base: n(threshold.base),
    of: t(`decisions.rules.base.${threshold.of}`),
    met,
  });
}
