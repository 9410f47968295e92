import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Ballot, BodyRules, Outcome, VoteChoice } from '@commonplan/domain';
import { type VoteVerification, VoteVerifier } from './vote-verifier';

export interface VoteView {
  id: string;
  /** The resolution voted on, or null for a vote on a motion of a meeting (the agenda, minutes, an amendment). */
  resolutionId: string | null;
  motionId: string | null;
  meetingId: string | null;
  ballot: Ballot;
  rules: BodyRules;
  state: 'open' | 'closed';
  opensAt: Date;
  closesAt: Date | null;
  closedAt: Date | null;
  /** How many members have voted (always shown, also on a secret ballot). */
  castCount: number;
  /** Named ballot: who voted how, live; secret ballot: null (only the count, and the totals once closed). */
  roll: Array<{ memberId: string; choice: VoteChoice; byProxy: boolean }> | null;
  /** Members who voted (a secret ballot names them without their choice). */
  voted: string[];
  /** The outcome with the figures behind it, once closed. */
  outcome: Outcome | null;
  /**
   * Once closed: whether the stored vote verifies against its seals and its ballots; when it does not, the outcome
   * shown is not to be relied on and views say so (with the reason).
   */
  verification: VoteVerification | null;
  /** The version of the resolution's text the vote is taken on, and its SHA-256 (null for votes before texts were frozen). */
  textVersionId: string | null;
  textHash: string | null;
}

interface StoredVote {
  id: string;
  resolution_id: string | null;
  motion_id: string | null;
  meeting_id: string | null;
  ballot: Ballot;
  rules: BodyRules;
  state: 'open' | 'closed';
  opens_at: string;
  closes_at: string | null;
  closed_at: string | null;
  outcome: Outcome | null;
  text_version_id: string | null;
  text_hash: string | null;
}

/** Votes as everyone in the workspace sees them: a secret ballot's choices never, only their totals after the close. */
@Injectable()
export class VotesReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: VoteVerifier,
  ) {}

  async ofResolution(resolutionId: string): Promise<VoteView[]> {
    return this.views('v.resolution_id = $1', resolutionId);
  }

  /** The votes of several resolutions at once (a meeting's agenda). */
  async ofResolutions(resolutionIds: string[]): Promise<VoteView[]> {
    return resolutionIds.length ? this.views('v.resolution_id = ANY($1::uuid[])', resolutionIds) : [];
  }

  /** The votes on a meeting's motions. */
  async ofMotions(motionIds: string[]): Promise<VoteView[]> {
    return motionIds.length ? this.views('v.motion_id = ANY($1::uuid[])', motionIds) : [];
  }

  async one(voteId: string): Promise<VoteView | null> {
    const [vote] = await this.views('v.id = $1', voteId);
    return vote ?? null;
  }

  private async views(where: 'v.resolution_id = $1' | 'v.resolution_id = ANY($1::uuid[])' | 'v.motion_id = ANY($1::uuid[])' | 'v.id = $1', value: string | string[]): Promise<VoteView[]> {
    const votes = await this.dataSource.query(`SELECT v.* FROM votes v WHERE ${where} ORDER BY v.created_at`, [value]);
    if (votes.length === 0) return [];
    const ballots = await this.dataSource.query(`SELECT vote_id, organisation_id, choice, by_proxy FROM vote_ballots WHERE vote_id = ANY($1::uuid[]) ORDER BY cast_at`, [votes.map((v: { id: string }) => v.id)]);
    const verified = await this.verifier.verify(votes.map((v: { id: string }) => v.id));
    return votes.map((v: StoredVote) => {
      const mine = ballots.filter((b: { vote_id: string }) => b.vote_id === v.id);
      return {
        id: v.id,
        resolutionId: v.resolution_id,
        motionId: v.motion_id,
        meetingId: v.meeting_id,
        ballot: v.ballot,
        rules: v.rules,
        state: v.state,
        opensAt: new Date(v.opens_at),
        textVersionId: v.text_version_id,
        textHash: v.text_hash,
        closesAt: v.closes_at ? new Date(v.closes_at) : null,
        closedAt: v.closed_at ? new Date(v.closed_at) : null,
        castCount: mine.length,
        roll: v.ballot === 'named' ? mine.map((b: { organisation_id: string; choice: VoteChoice; by_proxy: boolean }) => ({ memberId: b.organisation_id, choice: b.choice, byProxy: b.by_proxy })) : null,
        voted: mine.map((b: { organisation_id: string }) => b.organisation_id),
        outcome: v.outcome ?? null,
        verification: verified.get(v.id) ?? null,
      };
    });
  }
}
