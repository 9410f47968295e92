import { Injectable } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import { canonicalJson, type Outcome, type ProxyAuthorisation } from '@commonplan/domain';
import { documentFromJson } from '@commonplan/editor';
import { contentHash } from '../versions/versions.service';
import { DataSource } from 'typeorm';
import { type BallotRow, ballotsDigest, type SecretRow, sha256Of } from './ballots-digest';
import { outcomeOf, type VoteRow, type VotingMemberRow } from './vote-outcome';

/** What does not hold in a closed vote's record (for views to say in their language). */
export const VOTE_PROBLEMS = [
  'unsealed',
  'ballots_changed',
  'digest_changed',
  'rules_changed',
  'members_changed',
  'attendance_changed',
  'outcome_missing',
  'outcome_changed',
  'outcome_differs_from_seal',
  'ballots_uncountable',
  'outcome_differs_from_ballots',
  'text_changed',
] as const;
export type VoteProblem = (typeof VOTE_PROBLEMS)[number];

/**
 * Whether a closed vote's record holds, and if not, the first thing that does not: a code, and the reason in words a
 * clerk can act on (English, with the figures).
 */
export type VoteVerification = { verified: true; code: null; reason: null } | { verified: false; code: VoteProblem; reason: string };

/** The audit entries that sealed a vote: its opening (rules, members) and its close (ballots, attendance, outcome). */
interface Seals {
  opened?: Record<string, unknown>;
  closed?: Record<string, unknown>;
}

/**
 * Checks a closed vote against everything that sealed it and against its own ballots: the ballots' digest, the rules
 * and the members it opened with, the attendance at its close, and its outcome, recomputed from the ballots (a secret
 * ballot's totals) under those rules and compared with what is stored and shown. Votes sealed before the seals named
 * rules, members, attendance and outcome are checked on what theirs name.
 */
@Injectable()
export class VoteVerifier {
  constructor(private readonly dataSource: DataSource) {}

  /** The verification of each closed vote among `voteIds` (open ones are left out). */
  async verify(voteIds: readonly string[]): Promise<Map<string, VoteVerification>> {
    const result = new Map<string, VoteVerification>();
    if (voteIds.length === 0) return result;
    const votes: VoteRow[] = await this.dataSource.query(`SELECT * FROM votes WHERE id = ANY($1::uuid[]) AND state = 'closed'`, [voteIds]);
    if (votes.length === 0) return result;
    const ids = votes.map((v) => v.id);
    const [ballots, tallies, legacy, seals, bodies, texts]: [
      Array<BallotRow & { vote_id: string }>,
      Array<SecretRow & { vote_id: string }>,
      Array<SecretRow & { vote_id: string }>,
      Array<{ action: string; details: Record<string, unknown> }>,
      Array<{ vote_id: string; id: string; population: string | null; vote_weight: string | null }>,
      Array<{ id: string; content: JSONContent }>,
    ] = await Promise.all([
      this.dataSource.query(`SELECT vote_id, organisation_id, choice, by_proxy FROM vote_ballots WHERE vote_id = ANY($1::uuid[])`, [ids]),
      this.dataSource.query(`SELECT vote_id, choice, count, weight FROM vote_secret_tallies WHERE vote_id = ANY($1::uuid[])`, [ids]),
      this.dataSource.query(`SELECT vote_id, choice, weight FROM vote_secret_choices WHERE vote_id = ANY($1::uuid[])`, [ids]),
      this.dataSource.query(
        `SELECT action, details FROM audit_entries WHERE action IN ('vote.opened', 'vote.closed') AND details->>'voteId' = ANY($1::text[]) ORDER BY seq`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT v.id AS vote_id, o.id, o.population, o.vote_weight FROM votes v JOIN resolutions r ON r.id = v.resolution_id
         JOIN decision_body_members bm ON bm.body_id = r.body_id JOIN organisations o ON o.id = bm.organisation_id WHERE v.id = ANY($1::uuid[])`,
        [ids],
      ),
      this.dataSource.query(`SELECT id, content FROM document_versions WHERE id = ANY($1::uuid[])`, [votes.map((v) => v.text_version_id).filter((id) => id !== null)]),
    ]);
    const textHashes = new Map(texts.map((t) => [t.id, contentHash(documentFromJson(t.content))]));
    const sealsOf = new Map<string, Seals>();
    for (const seal of seals) {
      const id = String(seal.details['voteId']);
      const entry = sealsOf.get(id) ?? {};
      if (seal.action === 'vote.opened') entry.opened = seal.details;
      else entry.closed = seal.details;
      sealsOf.set(id, entry);
    }
    for (const vote of votes) {
      const of = <T extends { vote_id: string }>(rows: T[]): T[] => rows.filter((row) => row.vote_id === vote.id);
      const currentMembers = of(bodies).map((m) => ({
        id: m.id,
        population: m.population === null ? null : Number(m.population),
        weight: m.vote_weight === null ? 1 : Number(m.vote_weight),
      }));
      const text = vote.text_version_id ? (textHashes.get(vote.text_version_id) ?? null) : null;
      result.set(vote.id, check(vote, sealsOf.get(vote.id) ?? {}, of(ballots), of(tallies).length > 0 ? of(tallies) : of(legacy), currentMembers, text));
    }
    return result;
  }

  async one(voteId: string): Promise<VoteVerification | null> {
    return (await this.verify([voteId])).get(voteId) ?? null;
  }
}

/** `textHash`: the SHA-256 of the voted text's version as it reads now (null for votes from before texts were frozen). */
function check(vote: VoteRow, seals: Seals, ballots: BallotRow[], secret: SecretRow[], currentMembers: VotingMemberRow[], textHash: string | null): VoteVerification {
  const fail = (code: VoteProblem, reason: string): VoteVerification => ({ verified: false, code, reason });
  const closed = seals.closed;
  if (!closed) return fail('unsealed', 'no audit entry seals this vote');
  const digest = ballotsDigest(ballots, secret);
  if (digest !== closed['ballotsDigest']) return fail('ballots_changed', 'its ballots were changed after the vote closed');
  if (vote.ballots_digest !== closed['ballotsDigest']) return fail('digest_changed', 'its recorded digest was changed');
  if (seals.opened?.['rulesDigest'] && sha256Of(vote.rules) !== seals.opened['rulesDigest']) return fail('rules_changed', 'the rules it was decided under were changed after it opened');
  if (seals.opened?.['membersDigest'] && sha256Of(vote.members) !== seals.opened['membersDigest']) return fail('members_changed', 'the members and weights it opened with were changed');
  if (seals.opened?.['textHash'] && (vote.text_hash !== seals.opened['textHash'] || textHash !== seals.opened['textHash'])) {
    return fail('text_changed', 'the text it was voted on no longer reads as it did (its SHA-256 differs from the one sealed at the opening)');
  }
  if (closed['attendanceDigest'] && sha256Of(vote.present) !== closed['attendanceDigest']) return fail('attendance_changed', 'its attendance at the close was changed');
  const stored = vote.outcome as Outcome | null;
  if (!stored) return fail('outcome_missing', 'its outcome is missing');
  if (closed['outcomeDigest'] && sha256Of(stored) !== closed['outcomeDigest']) return fail('outcome_changed', `its stored outcome was changed (${figures(stored)})`);
  const sealed = { for: closed['for'], against: closed['against'], abstain: closed['abstain'] };
  if (sealed.for !== stored.tally.for.count || sealed.against !== stored.tally.against.count || sealed.abstain !== stored.tally.abstain.count || closed['reason'] !== stored.reason) {
    return fail('outcome_differs_from_seal', `its stored outcome (${figures(stored)}) differs from the one sealed at its close (for ${sealed.for}, against ${sealed.against}, abstaining ${sealed.abstain}, ${closed['reason']})`);
  }
  // Recomputed from the ballots, under the rules and the members it opened with (older votes: the body's members now).
  const present = (vote.present ?? { present: [], proxies: [] }) as { present: string[]; proxies: ProxyAuthorisation[] };
  let recomputed: Outcome;
  try {
    recomputed = outcomeOf(vote, vote.members ?? currentMembers, present.present, present.proxies, ballots, secret);
  } catch (error) {
    return fail('ballots_uncountable', `its ballots cannot be counted: ${(error as Error).message}`);
  }
  if (canonicalJson(recomputed) !== canonicalJson(stored)) {
    if (!vote.members) return { verified: true, code: null, reason: null }; // the body has changed since: the seals above hold
    return fail('outcome_differs_from_ballots', `its stored outcome (${figures(stored)}) is not what its ballots give (${figures(recomputed)})`);
  }
  return { verified: true, code: null, reason: null };
}

function figures(outcome: Outcome): string {
  return `for ${outcome.tally.for.count}, against ${outcome.tally.against.count}, abstaining ${outcome.tally.abstain.count}, ${outcome.reason}`;
}
