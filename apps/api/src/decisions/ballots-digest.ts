import { createHash } from 'node:crypto';
import { canonicalJson } from '@commonplan/domain';

export interface BallotRow {
  organisation_id: string;
  choice: string | null;
  by_proxy: boolean;
}

export interface SecretChoiceRow {
  choice: string;
  weight: string | number;
}

/**
 * The SHA-256 of a vote's ballots as stored: who voted (with the choice on a named ballot, and whether by proxy) and,
 * on a secret ballot, the choices with their weights, each list in a fixed order. Sealed in the audit trail when the
 * vote closes, so a ballot changed in the database afterwards no longer matches.
 */
export function ballotsDigest(ballots: readonly BallotRow[], secretChoices: readonly SecretChoiceRow[]): string {
  const named = ballots.map((b) => ({ member: b.organisation_id, choice: b.choice, byProxy: b.by_proxy })).sort((a, b) => a.member.localeCompare(b.member));
  const secret = secretChoices.map((c) => ({ choice: c.choice, weight: Number(c.weight) })).sort((a, b) => a.choice.localeCompare(b.choice) || a.weight - b.weight);
  return createHash('sha256').update(canonicalJson({ ballots: named, secret })).digest('hex');
}
