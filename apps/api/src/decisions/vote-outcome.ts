import { BadRequestException } from '@nestjs/common';
import { decide, type Outcome, type ProxyAuthorisation, type SecretTally, type Vote, type VoteChoice, VOTE_CHOICES, effectiveVoters, type VoteRules } from '@commonplan/domain';
import type { BallotRow, SecretRow } from './ballots-digest';

/** A body's member as a vote counts it: its population and weight (frozen in `votes.members` when the vote opens). */
export interface VotingMemberRow {
  id: string;
  population: number | null;
  weight: number;
}

export interface VoteRow {
  id: string;
  workspace_id: string;
  /** The resolution voted on, or null for a vote on a motion (`motion_id`). */
  resolution_id: string | null;
  motion_id?: string | null;
  meeting_id: string | null;
  ballot: 'named' | 'secret';
  rules: VoteRules;
  members: VotingMemberRow[] | null;
  state: 'open' | 'closed';
  closes_at: string | null;
  present: unknown;
  outcome: unknown;
  ballots_digest: string | null;
  /** The version of the resolution's text the vote is taken on, and its SHA-256 (votes opened since texts freeze). */
  text_version_id: string | null;
  text_hash: string | null;
}

/**
 * The outcome by the rules and members the vote opened with. A named ballot counts each member's choice; a secret
 * ballot only its totals per choice (summed from old per-choice rows for votes closed before the totals existed), with
 * the members who voted: nobody's choice is needed, nor kept.
 */
export function outcomeOf(
  vote: Pick<VoteRow, 'rules' | 'ballot'>,
  members: readonly VotingMemberRow[],
  present: string[],
  proxies: ProxyAuthorisation[],
  ballots: ReadonlyArray<Pick<BallotRow, 'organisation_id' | 'choice'>>,
  secret: readonly SecretRow[],
): Outcome {
  if (vote.ballot === 'named') {
    const attendance = effectiveVoters({ members, present, proxies, proxiesAllowed: vote.rules.proxiesAllowed });
    const castBy = (memberId: string) => attendance.voters.find((v) => v.memberId === memberId)?.castBy ?? memberId;
    const votes: Vote[] = ballots.map((b) => ({ memberId: b.organisation_id, choice: b.choice as VoteChoice, castBy: castBy(b.organisation_id) }));
    return decide({ rules: vote.rules, members, present, proxies, votes });
  }
  const totals = Object.fromEntries(VOTE_CHOICES.map((choice) => [choice, { count: 0, weight: 0 }])) as SecretTally['totals'];
  for (const row of secret) {
    const total = totals[row.choice as VoteChoice];
    if (!total) throw new BadRequestException(`a secret ballot holds an unknown choice: ${row.choice}`);
    total.count += row.count === undefined ? 1 : Number(row.count);
    total.weight = addDecimal(total.weight, Number(row.weight));
  }
  return decide({ rules: vote.rules, members, present, proxies, secret: { voters: ballots.map((b) => b.organisation_id), totals } });
}

/** a + b for decimals of at most four places, without binary rounding (0.1 + 0.2 is 0.3). */
function addDecimal(a: number, b: number): number {
  return Math.round((a + b) * 10_000) / 10_000;
}
