import { createHash } from 'node:crypto';
import { canonicalJson } from '@commonplan/domain';

export interface BallotRow {
  organisation_id: string;
  choice: string | null;
  by_proxy: boolean;
}

/**
 * A secret ballot's choices as stored: its totals per choice (count and weight), or, for votes closed before the
 * totals existed, one row per choice with its weight and no count.
 */
export interface SecretRow {
  choice: string;
  weight: string | number;
  count?: string | number;
}

/**
 * The SHA-256 of a vote's ballots as stored: who voted (with the choice on a named ballot, and whether by proxy) and,
 * on a secret ballot, its totals per choice (or the old per-choice rows), each list in a fixed order. Sealed in the
 * audit trail when the vote closes, so a ballot or a total changed in the database afterwards no longer matches.
 */
export function ballotsDigest(ballots: readonly BallotRow[], secret: readonly SecretRow[]): string {
  const named = ballots.map((b) => ({ member: b.organisation_id, choice: b.choice, byProxy: b.by_proxy })).sort((a, b) => a.member.localeCompare(b.member));
  const choices = secret
    .map((c) => ({ choice: c.choice, weight: Number(c.weight), ...(c.count === undefined ? {} : { count: Number(c.count) }) }))
    .sort((a, b) => a.choice.localeCompare(b.choice) || a.weight - b.weight);
  return sha256Of({ ballots: named, secret: choices });
}

/** The SHA-256 of a value's canonical JSON (what the seals of a vote carry for its rules, members, attendance, outcome). */
export function sha256Of(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
