import type { EntityManager } from 'typeorm';
import type { Outcome, ProxyAuthorisation } from '@commonplan/domain';
import type { AuditService } from '../audit/audit.service';
import { ballotsDigest, sha256Of } from './ballots-digest';
import { outcomeOf, type VoteRow, type VotingMemberRow } from './vote-outcome';
import { problem } from '../platform/http/problem-codes';

export type VoteResult = 'adopted' | 'rejected' | 'no_quorum';

export interface ClosedVote {
  outcome: Outcome;
  digest: string;
  closedAt: Date;
  result: VoteResult;
  summary: { for: number; against: number; abstain: number; quorum: boolean; reason: Outcome['reason'] };
}

/**
 * Closes an open vote inside the caller's transaction, whatever it is on (a resolution or a motion): locks it, counts
 * its ballots (a secret ballot's totals) under the rules and members it opened with and the attendance `attendanceOf`
 * gives for those who voted, stores the outcome with the attendance and the ballots' digest, and seals the digests and
 * figures in the audit trail (`vote.closed` on `target`). From then the vote's row, ballots and totals are final
 * (triggers). 409 vote_closed when it was closed meanwhile.
 */
export async function closeVote(
  manager: EntityManager,
  audit: AuditService,
  vote: VoteRow,
  members: readonly VotingMemberRow[],
  attendanceOf: (voted: string[]) => Promise<{ present: string[]; proxies: ProxyAuthorisation[] }>,
  target: { type: string; id: string },
  userId: string | null,
): Promise<ClosedVote> {
  const [current] = await manager.query(`SELECT state FROM votes WHERE id = $1 FOR UPDATE`, [vote.id]);
  if (current.state !== 'open') throw problem('vote_closed', 'the vote is already closed');
  const ballots = await manager.query(`SELECT organisation_id, choice, by_proxy FROM vote_ballots WHERE vote_id = $1`, [vote.id]);
  const secret = await manager.query(`SELECT choice, count, weight FROM vote_secret_tallies WHERE vote_id = $1`, [vote.id]);
  const attendance = await attendanceOf(ballots.map((b: { organisation_id: string }) => b.organisation_id));
  const outcome = outcomeOf(vote, [...members], attendance.present, attendance.proxies, ballots, secret);
  const digest = ballotsDigest(ballots, secret);
  const closedAt = new Date();
  // JSON as PostgreSQL stores it (jsonb), so that its digest is the digest of what is read back.
  const present = JSON.parse(JSON.stringify(attendance));
  const stored = JSON.parse(JSON.stringify(outcome));
  await manager.query(`UPDATE votes SET state = 'closed', closed_at = $2, present = $3, outcome = $4, ballots_digest = $5 WHERE id = $1`, [
    vote.id,
    closedAt,
    JSON.stringify(present),
    JSON.stringify(stored),
    digest,
  ]);
  const result: VoteResult = outcome.adopted === null ? 'no_quorum' : outcome.adopted ? 'adopted' : 'rejected';
  const summary = { for: outcome.tally.for.count, against: outcome.tally.against.count, abstain: outcome.tally.abstain.count, quorum: outcome.quorum.reached, reason: outcome.reason };
  await audit.append(manager, {
    workspaceId: vote.workspace_id,
    actorId: userId,
    action: 'vote.closed',
    targetType: target.type,
    targetId: target.id,
    details: { voteId: vote.id, result, ...summary, ballotsDigest: digest, attendanceDigest: sha256Of(present), outcomeDigest: sha256Of(stored) },
  });
  return { outcome, digest, closedAt, result, summary };
}
