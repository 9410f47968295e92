import { decimalPlaces } from './rational';
import type { Weighting } from './rules';

/**
 * A member of a body as the rule engine sees it: its id, its population (for population weighting) and the weight a
 * coordinator set for it (for custom weighting; organisations.vote_weight).
 */
export type VotingMember = { id: string; population?: number | null; weight?: number | null };

export type WeightProblem = { memberId: string; message: string };

export type WeightsResult = { ok: true; weights: Record<string, number> } | { ok: false; problems: WeightProblem[] };

/** The most decimal places a weight may have (organisations.vote_weight is numeric(12, 4)). */
export const MAX_WEIGHT_DECIMALS = 4;

/**
 * Each member's vote weight under a weighting:
 * - equal: 1 each (one vote per member, the SSOM statute);
 * - population: the member's population, a positive whole number (a member without one is a problem);
 * - custom: `customWeights[id]` when given, else the member's own weight; positive, at most 4 decimal places.
 * Duplicate member ids are a problem too. The engine sums these exactly (see rational.ts), never as floats.
 */
export function voteWeights(members: readonly VotingMember[], weighting: Weighting, customWeights?: Readonly<Record<string, number>>): WeightsResult {
  const weights: Record<string, number> = {};
  const problems: WeightProblem[] = [];
  for (const member of members) {
    if (Object.hasOwn(weights, member.id)) {
      problems.push({ memberId: member.id, message: 'the member appears twice' });
      continue;
    }
    const weight = weightOf(member, weighting, customWeights);
    if (typeof weight === 'string') problems.push({ memberId: member.id, message: weight });
    weights[member.id] = typeof weight === 'number' ? weight : 0;
  }
  return problems.length ? { ok: false, problems } : { ok: true, weights };
}

function weightOf(member: VotingMember, weighting: Weighting, customWeights?: Readonly<Record<string, number>>): number | string {
  if (weighting === 'equal') return 1;
  if (weighting === 'population') {
    const population = member.population;
    if (population == null) return 'population weighting needs the member’s population';
    return Number.isSafeInteger(population) && population > 0 ? population : 'the population must be a positive whole number';
  }
  const weight = customWeights && Object.hasOwn(customWeights, member.id) ? customWeights[member.id] : member.weight;
  if (weight == null) return 'custom weighting needs a weight for every member';
  if (!Number.isFinite(weight) || weight <= 0) return 'the weight must be greater than 0';
  if (weight > Number.MAX_SAFE_INTEGER) return 'the weight is too large';
  if (decimalPlaces(weight) > MAX_WEIGHT_DECIMALS) return `the weight may have at most ${MAX_WEIGHT_DECIMALS} decimal places`;
  return weight;
}
