import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalJson, type ElectionRoundResult, validateLotDraw } from '@commonplan/domain';
import { sha256Of } from '../ballots-digest';
import type { VoteProblem } from '../vote-verifier';
import { decideStoredRound, electionBallotsDigest, type ElectionBallotRow, type ElectionRoundRow, type ElectionTallyRow, roundRulesDigest } from './election-digest';

/** A closed election round that does not hold: which, of which election, and the first thing found (a vote's codes). */
export interface ElectionRoundProblem {
  roundId: string;
  electionId: string;
  code: VoteProblem;
  reason: string;
}

/**
 * Checks every closed round of a workspace's elections as VoteVerifier checks a vote: the ballots' digest (ballots and
 * a secret round's totals) against the seal of its close and the one stored, the rules and members against the seal
 * of its opening, the attendance and the result against their sealed digests, and the result recomputed by the rule
 * engine from the ballots or totals; a draw by lot recorded after a round, against its seal and the tie it was for.
 */
@Injectable()
export class ElectionVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(workspaceId: string): Promise<{ checkedRounds: number; problems: ElectionRoundProblem[] }> {
    const rounds: ElectionRoundRow[] = await this.dataSource.query(
      `SELECT r.* FROM election_rounds r JOIN elections e ON e.id = r.election_id WHERE e.workspace_id = $1 AND r.state = 'closed' ORDER BY r.closed_at`,
      [workspaceId],
    );
    if (rounds.length === 0) return { checkedRounds: 0, problems: [] };
    const ids = rounds.map((r) => r.id);
    const [ballots, tallies, seals, lots]: [
      Array<ElectionBallotRow & { round_id: string }>,
      Array<ElectionTallyRow & { round_id: string }>,
      Array<{ action: string; details: Record<string, unknown> }>,
      Array<{ round_id: string; drawn: string[] }>,
    ] = await Promise.all([
      this.dataSource.query(`SELECT round_id, organisation_id, by_proxy, marks FROM election_ballots WHERE round_id = ANY($1::uuid[])`, [ids]),
      this.dataSource.query(`SELECT round_id, candidate_id, choice, count, weight FROM election_tallies WHERE round_id = ANY($1::uuid[])`, [ids]),
      this.dataSource.query(
        `SELECT action, details FROM audit_entries WHERE workspace_id = $1 AND action IN ('election.round_opened', 'election.round_closed', 'election.lot_drawn') AND details->>'roundId' = ANY($2::text[]) ORDER BY seq`,
        [workspaceId, ids],
      ),
      this.dataSource.query(`SELECT round_id, drawn FROM election_lots WHERE round_id = ANY($1::uuid[])`, [ids]),
    ]);
    const problems: ElectionRoundProblem[] = [];
    for (const round of rounds) {
      const opened = seals.find((s) => s.action === 'election.round_opened' && s.details['roundId'] === round.id)?.details;
      const closed = seals.find((s) => s.action === 'election.round_closed' && s.details['roundId'] === round.id)?.details;
      const fail = (code: VoteProblem, reason: string) => problems.push({ roundId: round.id, electionId: round.election_id, code, reason });
      const own = ballots.filter((b) => b.round_id === round.id);
      const totals = tallies.filter((t) => t.round_id === round.id);
      if (!opened || !closed) {
        fail('unsealed', `no audit entry seals round ${round.n} of this election`);
        continue;
      }
      if (electionBallotsDigest(own, totals) !== closed['ballotsDigest']) fail('ballots_changed', `the ballots of round ${round.n} were changed after it closed`);
      else if (round.ballots_digest !== closed['ballotsDigest']) fail('digest_changed', `the recorded digest of round ${round.n} was changed`);
      else if (roundRulesDigest(round) !== opened['rulesDigest']) fail('rules_changed', `the rules round ${round.n} was decided under were changed after it opened`);
      else if (sha256Of(round.members) !== opened['membersDigest']) fail('members_changed', `the members and weights round ${round.n} opened with were changed`);
      else if (sha256Of(round.present) !== closed['attendanceDigest']) fail('attendance_changed', `the attendance at the close of round ${round.n} was changed`);
      else if (!round.result) fail('outcome_missing', `the result of round ${round.n} is missing`);
      else if (sha256Of(round.result) !== closed['resultDigest']) fail('outcome_changed', `the stored result of round ${round.n} was changed`);
      else {
        try {
          const recomputed = decideStoredRound(round, own, totals, round.present?.present ?? []);
          if (canonicalJson(JSON.parse(JSON.stringify(recomputed))) !== canonicalJson(round.result)) fail('outcome_differs_from_ballots', `the stored result of round ${round.n} is not what its ballots give`);
          else this.checkLot(round, lots.find((l) => l.round_id === round.id)?.drawn ?? null, seals.find((s) => s.action === 'election.lot_drawn' && s.details['roundId'] === round.id)?.details ?? null, fail);
        } catch (error) {
          fail('ballots_uncountable', `the ballots of round ${round.n} cannot be counted: ${(error as Error).message}`);
        }
      }
    }
    return { checkedRounds: rounds.length, problems };
  }

  /** A recorded draw by lot: sealed with the same candidates, and a draw the round's tie asked for. */
  private checkLot(round: ElectionRoundRow, drawn: string[] | null, seal: Record<string, unknown> | null, fail: (code: VoteProblem, reason: string) => void): void {
    if (drawn === null && seal === null) return;
    if (drawn === null || seal === null) return void fail(drawn === null ? 'outcome_missing' : 'unsealed', `the draw by lot after round ${round.n} is ${drawn === null ? 'sealed but missing' : 'not sealed'}`);
    if (canonicalJson(drawn) !== canonicalJson(seal['drawn'])) return void fail('outcome_changed', `the draw by lot after round ${round.n} was changed`);
    if (!validateLotDraw((round.result as ElectionRoundResult).next, drawn).ok) fail('outcome_differs_from_ballots', `the draw by lot after round ${round.n} is not one its tie asked for`);
  }
}
