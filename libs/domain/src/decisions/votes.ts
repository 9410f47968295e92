import { type Attendance, effectiveVoters, type ProxyAuthorisation } from './proxies';
import type { VoteRules } from './rules';
import type { VotingMember } from './weights';

/** A vote: for (za), against (przeciw), abstain (wstrzymuję się). */
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/**
 * A vote cast for a member. `castBy` is the member whose representative casts it: the member itself (the default)
 * or the holder of its proxy for this meeting.
 */
export type Vote = { memberId: string; choice: VoteChoice; castBy?: string };

/**
 * Why a vote is refused:
 * - not_a_member: the vote is for someone who is not a member of the body;
 * - invalid_choice: not for, against or abstain;
 * - proxy_not_allowed: cast by another member's representative while the rules allow no proxies;
 * - already_voted: a vote for this member was already accepted (nobody votes twice for one member);
 * - not_present: the member's representative is not present and nobody holds its proxy (or it cast the vote itself
 *   after handing it to a proxy holder);
 * - not_authorised: cast by a representative that holds no accepted proxy from the member.
 */
export const VOTE_REFUSALS = ['not_a_member', 'invalid_choice', 'proxy_not_allowed', 'already_voted', 'not_present', 'not_authorised'] as const;
export type VoteRefusal = (typeof VOTE_REFUSALS)[number];

export type VoteCheck = { ok: true } | { ok: false; reason: VoteRefusal };

/**
 * One sitting of a body on one resolution: the rules for this kind of resolution, the body's members (its statutory
 * membership), the members whose representative is present, and the proxy authorisations recorded for the meeting.
 */
export type Meeting = {
  rules: VoteRules;
  members: readonly VotingMember[];
  present: readonly string[];
  proxies?: readonly ProxyAuthorisation[];
};

/**
 * Whether a vote may be accepted at a meeting, given the votes already accepted. Reasons are checked in the order of
 * {@link VOTE_REFUSALS}.
 */
export function checkVote(vote: Vote, meeting: Meeting, accepted: readonly Vote[]): VoteCheck {
  const attendance = effectiveVoters({ members: meeting.members, present: meeting.present, proxies: meeting.proxies, proxiesAllowed: meeting.rules.proxiesAllowed });
  return checkVoteAt(vote, { memberIds: new Set(meeting.members.map((member) => member.id)), attendance, proxiesAllowed: meeting.rules.proxiesAllowed, voted: new Set(accepted.map((earlier) => earlier.memberId)) });
}

/** {@link checkVote} with the attendance already worked out (the outcome checks every vote this way). */
export function checkVoteAt(
  vote: Vote,
  at: { memberIds: ReadonlySet<string>; attendance: Attendance; proxiesAllowed: boolean; voted: ReadonlySet<string> },
): VoteCheck {
  if (!at.memberIds.has(vote.memberId)) return refuse('not_a_member');
  if (!(VOTE_CHOICES as readonly string[]).includes(vote.choice)) return refuse('invalid_choice');
  const castBy = vote.castBy ?? vote.memberId;
  if (castBy !== vote.memberId && !at.proxiesAllowed) return refuse('proxy_not_allowed');
  if (at.voted.has(vote.memberId)) return refuse('already_voted');
  const voter = at.attendance.voters.find((candidate) => candidate.memberId === vote.memberId);
  if (!voter) return refuse('not_present');
  if (voter.castBy !== castBy) return refuse(castBy === vote.memberId ? 'not_present' : 'not_authorised');
  return { ok: true };
}

function refuse(reason: VoteRefusal): VoteCheck {
  return { ok: false, reason };
}
