import { toUnits } from '../decisions/rational';
import type { Weighting } from '../decisions/rules';
import { voteWeights, type VotingMember, type WeightProblem } from '../decisions/weights';
import { type Grosze, sumGrosze } from './money';

/** A participant's share of a cost: who, and how many grosze. */
export type Shares = Record<string, Grosze>;

export type SharingResult = { ok: true; shares: Shares } | { ok: false; problems: WeightProblem[] };

/**
 * Divides `total` grosze among participants by a key, exactly: the weights are those of the decisions rules
 * (`voteWeights`: equal, population, custom), so a project shares its cost the way the statute weighs its members.
 * Each participant first gets the whole grosze of its exact share (total × weight ÷ sum of weights, rounded down);
 * the grosze left over (fewer than the participants) go one each to the largest remainders, and among equal remainders
 * to the participant listed first (the project's order of participants: the leader first). The shares always sum to
 * the total.
 */
export function shareCost(total: Grosze, participants: readonly VotingMember[], key: Weighting, customWeights?: Readonly<Record<string, number>>): SharingResult {
  if (total < 0n) return { ok: false, problems: [{ memberId: '', message: 'the total must not be negative' }] };
  if (participants.length === 0) return { ok: false, problems: [{ memberId: '', message: 'a cost needs at least one participant' }] };
  const weights = voteWeights(participants, key, customWeights);
  if (!weights.ok) return weights;
  // Exact whole numbers for the weights (custom weights have up to 4 decimal places), never floats.
  const { units: scaled } = toUnits(participants.map((p) => weights.weights[p.id]));
  const sum = sumGrosze(scaled);
  const floors = scaled.map((w) => (total * w) / sum);
  const remainders = scaled.map((w, i) => ({ index: i, remainder: total * w - floors[i] * sum }));
  let left = total - sumGrosze(floors);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    floors[index] += 1n;
    left -= 1n;
  }
  return { ok: true, shares: Object.fromEntries(participants.map((p, i) => [p.id, floors[i]])) };
}

/** A budget's shares year by year (each year shared on its own, so every year reconciles). */
export function shareBudgetByYear(
  budget: Readonly<Record<string, Grosze>>,
  participants: readonly VotingMember[],
  key: Weighting,
  customWeights?: Readonly<Record<string, number>>,
): { ok: true; byYear: Record<string, Shares> } | { ok: false; problems: WeightProblem[] } {
  const byYear: Record<string, Shares> = {};
  for (const [year, amount] of Object.entries(budget)) {
    const shared = shareCost(amount, participants, key, customWeights);
    if (!shared.ok) return shared;
    byYear[year] = shared.shares;
  }
  return { ok: true, byYear };
}

/**
 * Joint procurement: what each member would pay buying alone, against its share of the joint price (shared by the
 * key); its saving is the difference (negative when buying together costs that member more).
 */
export function procurementSavings(
  alone: Readonly<Record<string, Grosze>>,
  jointTotal: Grosze,
  participants: readonly VotingMember[],
  key: Weighting,
  customWeights?: Readonly<Record<string, number>>,
): { ok: true; members: Array<{ id: string; alone: Grosze; joint: Grosze; saving: Grosze }>; totalSaving: Grosze } | { ok: false; problems: WeightProblem[] } {
  const missing = participants.filter((p) => !Object.hasOwn(alone, p.id));
  if (missing.length > 0) return { ok: false, problems: missing.map((p) => ({ memberId: p.id, message: 'the cost of buying alone is missing' })) };
  const shared = shareCost(jointTotal, participants, key, customWeights);
  if (!shared.ok) return shared;
  const members = participants.map((p) => ({ id: p.id, alone: alone[p.id], joint: shared.shares[p.id], saving: alone[p.id] - shared.shares[p.id] }));
  return { ok: true, members, totalSaving: sumGrosze(members.map((m) => m.saving)) };
}

/**
 * A co-financed cost: the grant is `ratePercent` (up to two decimal places, as "85" or "85.5" or "85.25") of the total,
 * rounded down to the grosz (a funder never pays a fraction above its rate); the own contribution is the rest, so the
 * two always sum to the total.
 */
export function coFinancing(total: Grosze, ratePercent: string | null): { grant: Grosze; own: Grosze } {
  if (ratePercent === null) return { grant: 0n, own: total };
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(ratePercent.trim());
  if (!match) throw new Error(`not a rate: ${ratePercent}`);
  const hundredths = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (hundredths > 10_000n) throw new Error(`a rate above 100%: ${ratePercent}`);
  const grant = (total * hundredths) / 10_000n;
  return { grant, own: total - grant };
}
