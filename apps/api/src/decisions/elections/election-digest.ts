import { type ElectionBallot, type ElectionRoundInput, type ElectionRoundResult, type ElectionRules, type QuorumRule, tallyElectionFromTotals, tallyElectionRound, type Weighting } from '@commonplan/domain';
import { sha256Of } from '../ballots-digest';

/** A ballot of a round as stored: who, whether by proxy, and the marks on a named ballot only. */
export interface ElectionBallotRow {
  organisation_id: string;
  by_proxy: boolean;
  marks: { chosen?: string[]; marks?: Record<string, string> } | null;
}

/** A secret round's total as stored: per candidate and choice, or the invalid and blank ballots (no candidate). */
export interface ElectionTallyRow {
  candidate_id: string | null;
  choice: string;
  count: number | string;
  weight: number | string;
}

/** A round as stored (election_rounds). */
export interface ElectionRoundRow {
  id: string;
  election_id: string;
  n: number;
  seats_open: number;
  candidates: string[];
  rules: ElectionRules;
  quorum: QuorumRule | null;
  weighting: Weighting;
  proxies_allowed: boolean;
  members: Array<{ id: string; population: number | null; weight: number }>;
  secret: boolean;
  state: 'open' | 'closed';
  present: { present: string[]; proxies: Array<{ from: string; to: string }> } | null;
  result: ElectionRoundResult | null;
  ballots_digest: string | null;
  opened_at: string;
  closed_at: string | null;
}

/**
 * The SHA-256 of a round's ballots as stored: who cast one (with the marks of a named ballot, and whether by proxy)
 * and a secret round's totals, each in a fixed order. Sealed in `election.round_closed`.
 */
export function electionBallotsDigest(ballots: readonly ElectionBallotRow[], tallies: readonly ElectionTallyRow[]): string {
  const named = ballots.map((b) => ({ member: b.organisation_id, byProxy: b.by_proxy, marks: b.marks ?? null })).sort((a, b) => a.member.localeCompare(b.member));
  const totals = tallies
    .map((t) => ({ candidate: t.candidate_id ?? '', choice: t.choice, count: Number(t.count), weight: Number(t.weight) }))
    .sort((a, b) => a.candidate.localeCompare(b.candidate) || a.choice.localeCompare(b.choice));
  return sha256Of({ ballots: named, totals });
}

/** What a round's opening seals about the rules it is decided under. */
export function roundRulesDigest(round: Pick<ElectionRoundRow, 'rules' | 'quorum' | 'weighting' | 'proxies_allowed' | 'seats_open' | 'candidates'>): string {
  return sha256Of({ rules: round.rules, quorum: round.quorum, weighting: round.weighting, proxiesAllowed: round.proxies_allowed, seatsOpen: round.seats_open, candidates: round.candidates });
}

/** The rule engine's input for a round, with who could vote at its close. */
export function roundInput(round: ElectionRoundRow, present: readonly string[]): ElectionRoundInput {
  return {
    rules: round.rules,
    round: round.n,
    seatsOpen: round.seats_open,
    candidates: round.candidates,
    members: round.members,
    weighting: round.weighting,
    present,
    quorum: round.quorum,
  };
}

/** A named ballot as the rule engine reads it. */
export function ballotOf(row: ElectionBallotRow): ElectionBallot {
  return { memberId: row.organisation_id, ...(row.marks ?? {}) } as ElectionBallot;
}

/**
 * Decides a round from what is stored: a secret round from its totals (tallyElectionFromTotals), a named one from its
 * ballots (tallyElectionRound). `present`: the members who could vote at the close (the voters always among them).
 */
export function decideStoredRound(round: ElectionRoundRow, ballots: readonly ElectionBallotRow[], tallies: readonly ElectionTallyRow[], present: readonly string[]): ElectionRoundResult {
  const input = roundInput(round, [...new Set([...present, ...ballots.map((b) => b.organisation_id)])]);
  if (!round.secret) return tallyElectionRound({ ...input, ballots: ballots.map(ballotOf) });
  const figure = (candidate: string | null, choice: string) => {
    const row = tallies.find((t) => (t.candidate_id ?? null) === candidate && t.choice === choice);
    return { count: row ? Number(row.count) : 0, weight: row ? Number(row.weight) : 0 };
  };
  const candidates: Record<string, { for: { count: number; weight: number }; against?: { count: number; weight: number }; abstain?: { count: number; weight: number } }> = {};
  for (const id of round.candidates) {
    candidates[id] = round.rules.form === 'choose_up_to' ? { for: figure(id, 'for') } : { for: figure(id, 'for'), against: figure(id, 'against'), abstain: figure(id, 'abstain') };
  }
  return tallyElectionFromTotals({ ...input, totals: { voters: ballots.map((b) => b.organisation_id), invalid: figure(null, 'invalid'), blank: figure(null, 'blank'), candidates } });
}
