import { BadRequestException, Injectable, Logger, NotFoundException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  can,
  DEFAULT_ELECTION_RULES,
  effectiveVoters,
  type ElectionBallot,
  type ElectionRoundResult,
  type ElectionRules,
  quorumAtTerm,
  resolutionNumber,
  rulesFor,
  tallyElectionRound,
  validateElectionRules,
  validateLotDraw,
  VOTE_CHOICES,
  voteWeights,
} from '@commonplan/domain';
import { AuditService } from '../../audit/audit.service';
import { fieldError, fieldErrors } from '../../platform/http/field-error';
import { problem } from '../../platform/http/problem-codes';
import { warsawYear } from '../../platform/warsaw-time';
import { sha256Of } from '../ballots-digest';
import { BodiesService } from '../bodies.service';
import { DecisionsAccess } from '../decisions-access';
import { MeetingEventsGateway } from '../meeting-events.gateway';
import { MeetingsService, votingMember } from '../meetings.service';
import { resolutionFullTitle } from '../resolutions.service';
import { decideStoredRound, electionBallotsDigest, type ElectionBallotRow, type ElectionRoundRow, type ElectionTallyRow, roundRulesDigest } from './election-digest';
import type { CreateElectionDto, ElectionBallotDto, ElectionRole, ElectionState, NominateDto } from './election.dto';

export interface ElectionCandidateView {
  id: string;
  position: number;
  organisationId: string;
  organisationName: string;
  personName: string;
  nominatedBy: string | null;
  nominatedByName: string | null;
  nominatedAt: Date;
  consentAt: Date | null;
  withdrawnAt: Date | null;
  electedInRound: number | null;
}

export interface ElectionRoundView {
  id: string;
  n: number;
  seatsOpen: number;
  candidates: string[];
  rules: ElectionRules;
  secret: boolean;
  state: 'open' | 'closed';
  openedAt: Date;
  closedAt: Date | null;
  castCount: number;
  voted: string[];
  result: ElectionRoundResult | null;
  ballotsDigest: string | null;
  /** A named round once closed: each member's ballot. */
  roll: Record<string, { chosen?: string[]; marks?: Record<string, string> } | null> | null;
  /** The draw by lot the round asked for (tie rule 'lot'), once recorded. */
  lot: { drawn: string[]; recordedAt: Date } | null;
}

export interface ElectionView {
  id: string;
  workspaceId: string;
  meetingId: string;
  body: { id: string; name: string };
  target: { id: string; name: string } | null;
  role: ElectionRole;
  seats: number;
  rules: ElectionRules;
  secret: boolean;
  state: ElectionState;
  compositionFrom: string | null;
  compositionAppliedAt: Date | null;
  resolution: { id: string; title: string; state: string; number: string | null; fullTitle: string | null };
  candidates: ElectionCandidateView[];
  rounds: ElectionRoundView[];
  elected: string[];
}

interface ElectionRow {
  id: string;
  workspace_id: string;
  body_id: string;
  meeting_id: string;
  resolution_id: string;
  target_body_id: string | null;
  role: ElectionRole;
  seats: number;
  rules: ElectionRules;
  secret: boolean;
  state: ElectionState;
  composition_from: string | null;
  composition_applied_at: string | null;
}

/** How often concluded elections are checked for a new composition whose day has come. */
const SWEEP_MS = 60_000;
const WARSAW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Warsaw at an instant, YYYY-MM-DD. */
export function warsawDay(at: Date): string {
  return WARSAW_DAY.format(at);
}

/**
 * Elections of persons at a meeting (libs/domain decisions/elections.ts decides each round): created by the chair
 * with the rules frozen, candidates nominated by members' representatives with their consent recorded, rounds opened
 * and closed by the chair, ballots cast once per member by its representative or proxy holder. A secret round keeps
 * no marks: its totals (election_tallies) are all updated in every ballot's transaction. The last round concludes the
 * election: its resolution is numbered and registered, and the target body's composition changes from its day.
 */
@Injectable()
export class ElectionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Elections');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly bodies: BodiesService,
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEventsGateway,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(new Date()).catch((error) => this.logger.error(`sweep failed: ${String(error)}`)), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** An election on the meeting's agenda (the chair or coordinators), with the resolution it decides. */
  async create(userId: string, meetingId: string, dto: CreateElectionDto): Promise<ElectionView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    if (meeting.state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
    if (meeting.state === 'closed') throw problem('meeting_closed', 'the meeting is closed');
    const body = await this.bodies.one(meeting.body_id);
    const forElections = rulesFor(body.rules, 'election');
    let rules: ElectionRules;
    if (dto.rules === undefined) {
      rules = { ...JSON.parse(JSON.stringify(DEFAULT_ELECTION_RULES)), majority: forElections.majority, abstentionsCount: forElections.abstentionsCount };
    } else {
      const checked = validateElectionRules(dto.rules, 'rules');
      if (!checked.ok) throw fieldErrors(checked.problems);
      rules = checked.value;
    }
    const targetBodyId = dto.targetBodyId ?? (dto.role === 'chair' ? body.id : null);
    if (dto.role === 'chair' && dto.seats !== 1) throw fieldError('seats', 'a chair is one seat');
    const id = await this.dataSource.transaction(async (manager) => {
      if (targetBodyId) {
        const [target] = await manager.query(`SELECT id FROM decision_bodies WHERE id = $1 AND workspace_id = $2`, [targetBodyId, meeting.workspace_id]);
        if (!target) throw fieldError('targetBodyId', 'no such body in this workspace', BadRequestException, 'body_not_in_workspace');
      }
      const [document] = await manager.query(`INSERT INTO documents (workspace_id, title, kind, status, created_by) VALUES ($1, $2, 'resolution_draft', 'drafting', $3) RETURNING id`, [
        meeting.workspace_id,
        `Projekt uchwały ${dto.title}`.slice(0, 300),
        userId,
      ]);
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'document.created', targetType: 'document', targetId: document.id, details: { title: `Projekt uchwały ${dto.title}`.slice(0, 300), kind: 'resolution_draft' } });
      const [resolution] = await manager.query(
        `INSERT INTO resolutions (workspace_id, body_id, kind, title, document_id, created_by) VALUES ($1, $2, 'election', $3, $4, $5) RETURNING id`,
        [meeting.workspace_id, body.id, dto.title, document.id, userId],
      );
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'resolution.created', targetType: 'resolution', targetId: resolution.id, details: { title: dto.title, bodyId: body.id, kind: 'election' } });
      const [election] = await manager.query(
        `INSERT INTO elections (workspace_id, body_id, meeting_id, resolution_id, target_body_id, role, seats, rules, secret, composition_from, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [meeting.workspace_id, body.id, meetingId, resolution.id, targetBodyId, dto.role, dto.seats, JSON.stringify(rules), forElections.ballot !== 'named', dto.compositionFrom ?? null, userId],
      );
      await manager.query(
        `INSERT INTO meeting_agenda (meeting_id, kind, title, election_id, position)
         SELECT $1, 'election', $2, $3, COALESCE(max(position), 0) + 1 FROM meeting_agenda WHERE meeting_id = $1`,
        [meetingId, dto.title.slice(0, 300), election.id],
      );
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action: 'election.created',
        targetType: 'decision_meeting',
        targetId: meetingId,
        details: { electionId: election.id, resolutionId: resolution.id, title: dto.title, role: dto.role, seats: dto.seats, targetBodyId, secret: forElections.ballot !== 'named', rules, compositionFrom: dto.compositionFrom ?? null },
      });
      return election.id as string;
    });
    this.notify(meetingId, id);
    return this.view(id);
  }

  async get(userId: string, electionId: string): Promise<ElectionView> {
    const election = await this.row(electionId);
    await this.access.member(election.workspace_id, userId);
    return this.view(electionId);
  }

  /**
   * A candidate nominated by a member's representative (a person of their own member or of another) or by the chair;
   * while the election takes nominations. One standing candidacy per member organisation; for a chair, a member of the
   * body chaired.
   */
  async nominate(userId: string, electionId: string, dto: NominateDto): Promise<ElectionView> {
    const election = await this.row(electionId);
    const nominatedBy = await this.nominator(election, userId);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, electionId);
      if (current.state !== 'nominating') throw problem('election_state', `candidates are nominated before the first round (the election is ${current.state})`);
      const [organisation] = await manager.query(`SELECT id FROM organisations WHERE id = $1 AND workspace_id = $2 AND kind = 'member'`, [dto.organisationId, election.workspace_id]);
      if (!organisation) throw fieldError('organisationId', 'a candidate stands for a member organisation of this workspace', BadRequestException, 'organisation_not_found');
      if (election.role === 'chair') {
        const [member] = await manager.query(`SELECT 1 FROM decision_body_members WHERE body_id = $1 AND organisation_id = $2`, [election.target_body_id, dto.organisationId]);
        if (!member) throw fieldError('organisationId', 'the chair is one of the body’s members', BadRequestException, 'chair_not_body_member');
      }
      const [standing] = await manager.query(`SELECT 1 FROM election_candidates WHERE election_id = $1 AND organisation_id = $2 AND withdrawn_at IS NULL`, [electionId, dto.organisationId]);
      if (standing) throw problem('candidate_already_standing', 'a candidate of this member already stands in this election');
      const [candidate] = await manager.query(
        `INSERT INTO election_candidates (election_id, organisation_id, person_name, position, nominated_by, nominated_by_user)
         SELECT $1, $2, $3, COALESCE(max(position), 0) + 1, $4, $5 FROM election_candidates WHERE election_id = $1 RETURNING id`,
        [electionId, dto.organisationId, dto.personName, nominatedBy, userId],
      );
      await this.audit.append(manager, {
        workspaceId: election.workspace_id,
        actorId: userId,
        action: 'election.candidate_nominated',
        targetType: 'decision_meeting',
        targetId: election.meeting_id,
        details: { electionId, candidateId: candidate.id, organisationId: dto.organisationId, personName: dto.personName, nominatedBy },
      });
    });
    this.notify(election.meeting_id, electionId);
    return this.view(electionId);
  }

  /** The candidate's consent, recorded by the candidate member's representative or (written consent) the chair. */
  async consent(userId: string, electionId: string, candidateId: string): Promise<ElectionView> {
    return this.candidateChange(userId, electionId, candidateId, 'consent');
  }

  /** A candidacy withdrawn by the candidate member's representative, the member that nominated, or the chair. */
  async withdraw(userId: string, electionId: string, candidateId: string): Promise<ElectionView> {
    return this.candidateChange(userId, electionId, candidateId, 'withdraw');
  }

  private async candidateChange(userId: string, electionId: string, candidateId: string, change: 'consent' | 'withdraw'): Promise<ElectionView> {
    const election = await this.row(electionId);
    const [candidate] = await this.dataSource.query(`SELECT * FROM election_candidates WHERE id = $1 AND election_id = $2`, [candidateId, electionId]);
    if (!candidate) throw new NotFoundException('no such candidate in this election');
    const member = await this.access.member(election.workspace_id, userId);
    const own = can(member.role, 'decisions.vote') ? member.organisationId : null;
    const allowed = own !== null && (own === candidate.organisation_id || (change === 'withdraw' && own === candidate.nominated_by));
    if (!allowed) await this.access.chair(election.workspace_id, userId, election.body_id);
    let changed = false;
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, electionId);
      if (current.state !== 'nominating') throw problem('election_state', `candidacies change before the first round (the election is ${current.state})`);
      const [row] = await manager.query(`SELECT consent_at, withdrawn_at FROM election_candidates WHERE id = $1 FOR UPDATE`, [candidateId]);
      if (row.withdrawn_at) throw problem('candidate_withdrawn', 'the candidacy was withdrawn');
      if (change === 'consent' && row.consent_at) return;
      await manager.query(
        change === 'consent' ? `UPDATE election_candidates SET consent_at = now(), consent_by = $2 WHERE id = $1` : `UPDATE election_candidates SET withdrawn_at = now() WHERE id = $1 AND $2::uuid IS NOT NULL`,
        [candidateId, userId],
      );
      await this.audit.append(manager, {
        workspaceId: election.workspace_id,
        actorId: userId,
        action: change === 'consent' ? 'election.candidate_consented' : 'election.candidate_withdrawn',
        targetType: 'decision_meeting',
        targetId: election.meeting_id,
        details: { electionId, candidateId, organisationId: candidate.organisation_id, personName: candidate.person_name },
      });
      changed = true;
    });
    if (changed) this.notify(election.meeting_id, electionId);
    return this.view(electionId);
  }

  /**
   * Opens the next round (the chair, in the open meeting): the first with every consenting candidate and all seats,
   * a further one with the candidates and seats the previous round's result names. The round keeps the rules, quorum,
   * weighting and members it opens with; the opening seals them.
   */
  async openRound(userId: string, electionId: string): Promise<ElectionView> {
    const election = await this.row(electionId);
    await this.access.chair(election.workspace_id, userId, election.body_id);
    const meeting = await this.meetings.row(election.meeting_id);
    this.requireOpenMeeting(meeting.state);
    const body = await this.bodies.one(election.body_id);
    const forElections = rulesFor(body.rules, 'election');
    const members = body.members.map(votingMember);
    const weights = voteWeights(members, forElections.weighting);
    if (!weights.ok) throw problem('vote_weights_invalid', `the members’ vote weights do not fit the rules: ${weights.problems.map((p) => p.message).join('; ')}`);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, electionId);
      if (current.state !== 'nominating' && current.state !== 'voting') throw problem('election_state', `the election is ${current.state}`);
      const [open] = await manager.query(`SELECT 1 FROM election_rounds WHERE election_id = $1 AND state = 'open'`, [electionId]);
      if (open) throw problem('election_round_open', 'a round of this election is open');
      const [last] = await manager.query(`SELECT n, result FROM election_rounds WHERE election_id = $1 ORDER BY n DESC LIMIT 1`, [electionId]);
      let n = 1;
      let seats = election.seats;
      let candidates: string[];
      if (!last) {
        const standing = await manager.query(`SELECT id FROM election_candidates WHERE election_id = $1 AND consent_at IS NOT NULL AND withdrawn_at IS NULL ORDER BY position`, [electionId]);
        candidates = standing.map((c: { id: string }) => c.id);
        if (candidates.length === 0) throw problem('election_no_candidates', 'no candidate with recorded consent stands');
      } else {
        const next = (last.result as ElectionRoundResult).next;
        if (next.kind !== 'round') throw problem('election_state', `the previous round leaves no further round (${next.kind === 'done' ? next.reason : 'a draw by lot is pending'})`);
        n = next.round;
        seats = next.seats;
        candidates = next.candidates;
      }
      const round = {
        rules: election.rules,
        quorum: quorumAtTerm(forElections, meeting.term ?? 'first'),
        weighting: forElections.weighting,
        proxies_allowed: forElections.proxiesAllowed,
        seats_open: seats,
        candidates,
      };
      const [inserted] = await manager.query(
        `INSERT INTO election_rounds (election_id, n, seats_open, candidates, rules, quorum, weighting, proxies_allowed, members, secret, opened_by)
         VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [electionId, n, seats, candidates, JSON.stringify(round.rules), JSON.stringify(round.quorum), round.weighting, round.proxies_allowed, JSON.stringify(members), election.secret, userId],
      );
      if (election.secret) {
        const choices = election.rules.form === 'choose_up_to' ? ['for'] : [...VOTE_CHOICES];
        await manager.query(`INSERT INTO election_tallies (round_id, candidate_id, choice) SELECT $1, c, ch FROM unnest($2::uuid[]) c CROSS JOIN unnest($3::text[]) ch`, [inserted.id, candidates, choices]);
        await manager.query(`INSERT INTO election_tallies (round_id, candidate_id, choice) VALUES ($1, NULL, 'invalid'), ($1, NULL, 'blank')`, [inserted.id]);
      }
      if (current.state === 'nominating') {
        await manager.query(`UPDATE elections SET state = 'voting' WHERE id = $1`, [electionId]);
        await manager.query(`UPDATE resolutions SET state = 'voting', updated_at = now() WHERE id = $1`, [election.resolution_id]);
      }
      await this.audit.append(manager, {
        workspaceId: election.workspace_id,
        actorId: userId,
        action: 'election.round_opened',
        targetType: 'decision_meeting',
        targetId: election.meeting_id,
        details: { electionId, roundId: inserted.id, n, seatsOpen: seats, candidates, secret: election.secret, rulesDigest: roundRulesDigest(round), membersDigest: sha256Of(JSON.parse(JSON.stringify(members))) },
      });
    });
    this.notify(election.meeting_id, electionId);
    return this.view(electionId);
  }

  /**
   * A ballot for the representative's own member or for a member whose proxy it holds, once per member, in an open
   * round of an open meeting. The rule engine reads it: a ballot it finds invalid (too many marks, someone not
   * standing) is cast and counted as invalid. A secret ballot's marks are kept nowhere: every total of the round is
   * updated in its transaction.
   */
  async cast(userId: string, roundId: string, dto: ElectionBallotDto): Promise<ElectionView> {
    const round = await this.roundRow(roundId);
    const election = await this.row(round.election_id);
    const own = await this.access.representative(election.workspace_id, userId);
    const memberId = dto.forOrganisationId ?? own;
    if ((dto.chosen === undefined) === (dto.marks === undefined)) throw fieldError('chosen', 'a ballot gives either chosen (choose up to the seats) or marks (per candidate)');
    const meeting = await this.meetings.row(election.meeting_id);
    this.requireOpenMeeting(meeting.state);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state FROM election_rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      if (current.state !== 'open') throw problem('election_round_closed', 'the round is closed');
      if (!round.members.some((m) => m.id === memberId)) throw problem('not_voting_member', 'this member is not a member of the body that votes');
      const [already] = await manager.query(`SELECT 1 FROM election_ballots WHERE round_id = $1 AND organisation_id = $2`, [roundId, memberId]);
      if (already) throw problem('already_voted', 'this member has already cast a ballot in this round');
      const { present, proxies } = await this.meetings.attendance(manager, election.meeting_id);
      const voter = effectiveVoters({ members: round.members, present, proxies, proxiesAllowed: round.proxies_allowed }).voters.find((v) => v.memberId === memberId);
      if (!voter) throw problem('ballot_refused', 'the ballot is refused: the member is neither present nor represented by proxy');
      if (voter.castBy !== own) throw problem('ballot_refused', 'the ballot is refused: a member’s ballot is cast by its own representative or the holder of its proxy');
      const ballot = (dto.chosen !== undefined ? { memberId, chosen: dto.chosen } : { memberId, marks: dto.marks }) as ElectionBallot;
      // The rule engine reads this one ballot as it will count it: invalid, blank, or the marks it gives.
      const read = tallyElectionRound({
        rules: round.rules,
        round: round.n,
        seatsOpen: round.seats_open,
        candidates: round.candidates,
        members: round.members,
        weighting: round.weighting,
        present: [memberId],
        quorum: null,
        ballots: [ballot],
      });
      const marks = dto.chosen !== undefined ? { chosen: dto.chosen } : { marks: dto.marks };
      await manager.query(`INSERT INTO election_ballots (round_id, organisation_id, cast_by, by_proxy, marks) VALUES ($1, $2, $3, $4, $5)`, [
        roundId,
        memberId,
        userId,
        voter.byProxy,
        round.secret ? null : JSON.stringify(marks),
      ]);
      if (round.secret) {
        const keys =
          read.invalidBallots.length > 0
            ? ['invalid']
            : read.ballots.blank.count > 0
              ? ['blank']
              : read.candidates.flatMap((c) => VOTE_CHOICES.filter((choice) => c[choice].count > 0).map((choice) => `${c.candidateId}:${choice}`));
        // Every total of the round changes in every ballot's transaction (most by nothing), so that nothing stored
        // (a transaction id, an order) tells which totals this ballot added to.
        await manager.query(
          `UPDATE election_tallies SET count = count + (COALESCE(candidate_id::text || ':', '') || choice = ANY($2::text[]))::int,
                  weight = weight + CASE WHEN COALESCE(candidate_id::text || ':', '') || choice = ANY($2::text[]) THEN $3::numeric ELSE 0 END
            WHERE round_id = $1`,
          [roundId, keys, read.ballots.cast.weight],
        );
      }
      await this.audit.append(manager, {
        workspaceId: election.workspace_id,
        actorId: userId,
        action: 'election.ballot_cast',
        targetType: 'decision_meeting',
        targetId: election.meeting_id,
        // A secret ballot's marks are nowhere but in the round's totals.
        details: { electionId: election.id, roundId, n: round.n, memberId, byProxy: voter.byProxy, ...(round.secret ? {} : { ballot: marks }) },
      });
    });
    this.notify(election.meeting_id, election.id);
    return this.view(election.id);
  }

  /**
   * Closes a round (the chair): decided by the rule engine from the totals (secret) or the ballots (named), stored
   * with the attendance and the ballots' digest, all sealed in the audit trail; the candidates elected are marked. A
   * round after which there is no further one concludes the election.
   */
  async closeRound(userId: string, roundId: string): Promise<ElectionView> {
    const round = await this.roundRow(roundId);
    const election = await this.row(round.election_id);
    await this.access.chair(election.workspace_id, userId, election.body_id);
    const body = await this.bodies.one(election.body_id);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state FROM election_rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      if (current.state !== 'open') throw problem('election_round_closed', 'the round is already closed');
      await this.lock(manager, election.id);
      const ballots: ElectionBallotRow[] = await manager.query(`SELECT organisation_id, by_proxy, marks FROM election_ballots WHERE round_id = $1`, [roundId]);
      const tallies: ElectionTallyRow[] = await manager.query(`SELECT candidate_id, choice, count, weight FROM election_tallies WHERE round_id = $1`, [roundId]);
      const { present, proxies } = await this.meetings.attendance(manager, election.meeting_id);
      const attendance = effectiveVoters({ members: round.members, present, proxies, proxiesAllowed: round.proxies_allowed });
      const voters = attendance.voters.map((v) => v.memberId);
      const result = decideStoredRound(round, ballots, tallies, voters);
      const digest = electionBallotsDigest(ballots, tallies);
      const closedAt = new Date();
      const presence = JSON.parse(JSON.stringify({ present: [...new Set([...voters, ...ballots.map((b) => b.organisation_id)])], proxies: attendance.accepted }));
      const stored = JSON.parse(JSON.stringify(result)) as ElectionRoundResult;
      await manager.query(`UPDATE election_rounds SET state = 'closed', closed_at = $2, present = $3, result = $4, ballots_digest = $5 WHERE id = $1`, [
        roundId,
        closedAt,
        JSON.stringify(presence),
        JSON.stringify(stored),
        digest,
      ]);
      if (result.elected.length > 0) await manager.query(`UPDATE election_candidates SET elected_in_round = $2 WHERE id = ANY($1::uuid[])`, [result.elected, round.n]);
      await this.audit.append(manager, {
        workspaceId: election.workspace_id,
        actorId: userId,
        action: 'election.round_closed',
        targetType: 'decision_meeting',
        targetId: election.meeting_id,
        details: {
          electionId: election.id,
          roundId,
          n: round.n,
          cast: result.ballots.cast.count,
          valid: result.ballots.valid.count,
          invalid: result.ballots.invalid.count,
          blank: result.ballots.blank.count,
          quorum: result.quorum.reached,
          elected: result.elected,
          next: result.next.kind === 'done' ? result.next.reason : result.next.kind,
          ballotsDigest: digest,
          attendanceDigest: sha256Of(presence),
          resultDigest: sha256Of(stored),
        },
      });
      if (result.next.kind === 'done') await this.conclude(manager, election, body.name, body.nameGenitive, userId, closedAt, result.next.reason);
    });
    this.notify(election.meeting_id, election.id);
    return this.view(election.id);
  }

  /**
   * Records the draw by lot a closed round asked for (tie rule 'lot'), held in the room: the chair names the candidates
   * the draw gave the last seats to (400 names `drawn` when they are not as many as those seats, or not among the tied).
   * They are elected in that round, the draw is kept (final) and sealed in the audit trail, and the election concludes.
   */
  async recordLot(userId: string, roundId: string, drawn: unknown): Promise<ElectionView> {
    const round = await this.roundRow(roundId);
    const election = await this.row(round.election_id);
    await this.access.chair(election.workspace_id, userId, election.body_id);
    const meeting = await this.meetings.row(election.meeting_id);
    this.requireOpenMeeting(meeting.state);
    const body = await this.bodies.one(election.body_id);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, election.id);
      const [stored] = await manager.query(`SELECT state, result FROM election_rounds WHERE id = $1`, [roundId]);
      if (stored.state !== 'closed' || current.state !== 'voting') throw problem('election_state', 'only a closed round of an election still voting can leave a draw by lot');
      const [recorded] = await manager.query(`SELECT 1 FROM election_lots WHERE round_id = $1`, [roundId]);
      if (recorded) throw problem('election_state', 'the draw by lot of this round is already recorded');
      const next = (stored.result as ElectionRoundResult).next;
      const checked = validateLotDraw(next, drawn);
      if (!checked.ok) throw fieldErrors(checked.problems);
      await manager.query(`INSERT INTO election_lots (round_id, election_id, drawn, recorded_by) VALUES ($1, $2, $3, $4)`, [roundId, election.id, JSON.stringify(checked.value), userId]);
      await manager.query(`UPDATE election_candidates SET elected_in_round = $2 WHERE id = ANY($1::uuid[]) AND election_id = $3`, [checked.value, round.n, election.id]);
      await this.audit.append(manager, {
        workspaceId: election.workspace_id,
        actorId: userId,
        action: 'election.lot_drawn',
        targetType: 'decision_meeting',
        targetId: election.meeting_id,
        details: { electionId: election.id, roundId, n: Number(round.n), among: next.kind === 'lot' ? next.among : [], drawn: checked.value },
      });
      await this.conclude(manager, current, body.name, body.nameGenitive, userId, new Date(), 'filled');
    });
    this.notify(election.meeting_id, election.id);
    return this.view(election.id);
  }

  /**
   * The election is over: with anyone elected its resolution is adopted, numbered in its body's yearly series and
   * entered in the register (sealed by `resolution.adopted`), and the target body's composition changes now or on its
   * day; with nobody elected the resolution is rejected (no quorum: no_quorum).
   */
  private async conclude(manager: EntityManager, election: ElectionRow, bodyName: string, bodyGenitive: string, userId: string | null, closedAt: Date, reason: string): Promise<void> {
    const elected: Array<{ id: string; organisation_id: string; person_name: string; organisation_name: string; elected_in_round: number }> = await manager.query(
      `SELECT c.id, c.organisation_id, c.person_name, o.name AS organisation_name, c.elected_in_round FROM election_candidates c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.election_id = $1 AND c.elected_in_round IS NOT NULL ORDER BY c.elected_in_round, c.position`,
      [election.id],
    );
    const compositionFrom = election.composition_from ?? warsawDay(closedAt);
    await manager.query(`UPDATE elections SET state = 'concluded', concluded_at = $2, composition_from = $3 WHERE id = $1`, [election.id, closedAt, compositionFrom]);
    const [resolution] = await manager.query(`SELECT title FROM resolutions WHERE id = $1`, [election.resolution_id]);
    const names = elected.map((c) => `${c.person_name} (${c.organisation_name})`);
    if (elected.length === 0) {
      await manager.query(`UPDATE resolutions SET state = $2, decided_at = $3, updated_at = now() WHERE id = $1`, [election.resolution_id, reason === 'no_quorum' ? 'no_quorum' : 'rejected', closedAt]);
      await this.audit.append(manager, { workspaceId: election.workspace_id, actorId: userId, action: 'election.concluded', targetType: 'decision_meeting', targetId: election.meeting_id, details: { electionId: election.id, reason, elected: [] } });
      return;
    }
    const year = warsawYear(closedAt);
    const [counter] = await manager.query(
      `INSERT INTO resolution_counters (body_id, year, last) VALUES ($1, $2, 1) ON CONFLICT (body_id, year) DO UPDATE SET last = resolution_counters.last + 1 RETURNING last`,
      [election.body_id, year],
    );
    const sequence = Number(counter.last);
    const number = resolutionNumber(sequence, year);
    await manager.query(`UPDATE resolutions SET state = 'adopted', year = $2, sequence = $3, number = $4, decided_at = $5, updated_at = now() WHERE id = $1`, [election.resolution_id, year, sequence, number, closedAt]);
    const rounds = await manager.query(`SELECT n, ballots_digest FROM election_rounds WHERE election_id = $1 ORDER BY n`, [election.id]);
    const ballotsDigest = sha256Of(rounds.map((r: { n: number; ballots_digest: string }) => ({ round: Number(r.n), ballotsDigest: r.ballots_digest })));
    // An election's entry has no votes for, against or abstaining: its result names those elected.
    const result = { for: 0, against: 0, abstain: 0, quorum: true, reason: 'elected', elected: names };
    const entry = {
      resolutionId: election.resolution_id,
      electionId: election.id,
      number,
      title: resolutionFullTitle(number, bodyGenitive, resolution.title),
      body: bodyName,
      adoptedAt: closedAt.toISOString(),
      result,
      textHash: null,
      versionHash: null,
      ballotsDigest,
      attachments: [],
    };
    const sealed = await this.audit.append(manager, { workspaceId: election.workspace_id, actorId: userId, action: 'resolution.adopted', targetType: 'resolution', targetId: election.resolution_id, details: entry });
    await manager.query(
      `INSERT INTO decision_register (workspace_id, resolution_id, election_id, number, title, body_name, adopted_at, result, version_hash, ballots_digest, audit_seq, text_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, NULL)`,
      [election.workspace_id, election.resolution_id, election.id, number, entry.title, bodyName, closedAt, JSON.stringify(result), ballotsDigest, sealed.seq],
    );
    await this.audit.append(manager, {
      workspaceId: election.workspace_id,
      actorId: userId,
      action: 'election.concluded',
      targetType: 'decision_meeting',
      targetId: election.meeting_id,
      details: { electionId: election.id, reason, number, elected: elected.map((c) => ({ candidateId: c.id, organisationId: c.organisation_id, personName: c.person_name })), compositionFrom },
    });
    if (election.target_body_id && compositionFrom <= warsawDay(new Date())) await this.applyComposition(manager, election.id, userId);
  }

  /**
   * The target body's new composition (members: exactly those elected, its chair kept only if among them; chair: the
   * one elected, when a member of the body), once; recorded in the audit trail.
   */
  private async applyComposition(manager: EntityManager, electionId: string, userId: string | null): Promise<void> {
    const election = await this.lock(manager, electionId);
    if (election.composition_applied_at || !election.target_body_id) return;
    const elected: Array<{ organisation_id: string }> = await manager.query(
      `SELECT organisation_id FROM election_candidates WHERE election_id = $1 AND elected_in_round IS NOT NULL ORDER BY elected_in_round, position`,
      [electionId],
    );
    const ids = elected.map((c) => c.organisation_id);
    const [body] = await manager.query(`SELECT chair_id, workspace_id FROM decision_bodies WHERE id = $1 FOR UPDATE`, [election.target_body_id]);
    const before = (await manager.query(`SELECT organisation_id FROM decision_body_members WHERE body_id = $1 ORDER BY organisation_id`, [election.target_body_id])).map((m: { organisation_id: string }) => m.organisation_id);
    let details: Record<string, unknown>;
    if (election.role === 'members') {
      await manager.query(`DELETE FROM decision_body_members WHERE body_id = $1`, [election.target_body_id]);
      await manager.query(`INSERT INTO decision_body_members (body_id, workspace_id, organisation_id) SELECT $1, $2, unnest($3::uuid[])`, [election.target_body_id, body.workspace_id, ids]);
      const chairId = body.chair_id && ids.includes(body.chair_id) ? body.chair_id : null;
      if (chairId !== body.chair_id) await manager.query(`UPDATE decision_bodies SET chair_id = NULL, updated_at = now() WHERE id = $1`, [election.target_body_id]);
      details = { electionId, role: 'members', from: before, to: ids, chairId: { from: body.chair_id, to: chairId } };
    } else {
      const chairId = ids[0] && before.includes(ids[0]) ? ids[0] : body.chair_id;
      if (chairId !== body.chair_id) await manager.query(`UPDATE decision_bodies SET chair_id = $2, updated_at = now() WHERE id = $1`, [election.target_body_id, chairId]);
      details = { electionId, role: 'chair', chairId: { from: body.chair_id, to: chairId } };
    }
    await manager.query(`UPDATE elections SET composition_applied_at = now() WHERE id = $1`, [electionId]);
    await this.audit.append(manager, { workspaceId: election.workspace_id, actorId: userId, action: 'election.composition_applied', targetType: 'decision_body', targetId: election.target_body_id, details });
  }

  /** Applies the new compositions whose day has come (every minute; tests call it with the time they need). */
  async sweep(now: Date): Promise<void> {
    const due = await this.dataSource.query(
      `SELECT e.id FROM elections e JOIN resolutions r ON r.id = e.resolution_id
        WHERE e.state = 'concluded' AND e.composition_applied_at IS NULL AND e.target_body_id IS NOT NULL AND r.state = 'adopted' AND e.composition_from <= $1::date`,
      [warsawDay(now)],
    );
    for (const election of due) await this.dataSource.transaction((manager) => this.applyComposition(manager, election.id, null));
  }

  /** The elections on a meeting's agenda (for the minutes and the meeting's page). */
  async ofMeeting(meetingId: string): Promise<ElectionView[]> {
    const rows = await this.dataSource.query(`SELECT id FROM elections WHERE meeting_id = $1 ORDER BY created_at`, [meetingId]);
    return Promise.all(rows.map((r: { id: string }) => this.view(r.id)));
  }

  async view(electionId: string): Promise<ElectionView> {
    const [e] = await this.dataSource.query(
      `SELECT e.*, e.composition_from::text AS composition_day, b.name AS body_name, t.name AS target_name, r.title AS resolution_title, r.state AS resolution_state, r.number AS resolution_number, b.name_genitive
         FROM elections e JOIN decision_bodies b ON b.id = e.body_id LEFT JOIN decision_bodies t ON t.id = e.target_body_id JOIN resolutions r ON r.id = e.resolution_id
        WHERE e.id = $1`,
      [electionId],
    );
    if (!e) throw new NotFoundException('election not found');
    const candidates = await this.dataSource.query(
      `SELECT c.*, o.name AS organisation_name, n.name AS nominated_by_name FROM election_candidates c JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN organisations n ON n.id = c.nominated_by WHERE c.election_id = $1 ORDER BY c.position`,
      [electionId],
    );
    const rounds: ElectionRoundRow[] = await this.dataSource.query(`SELECT * FROM election_rounds WHERE election_id = $1 ORDER BY n`, [electionId]);
    const ballots = rounds.length
      ? await this.dataSource.query(`SELECT round_id, organisation_id, marks FROM election_ballots WHERE round_id = ANY($1::uuid[]) ORDER BY organisation_id`, [rounds.map((r) => r.id)])
      : [];
    // Read only where a round asked for a draw by lot (tie rule 'lot'): every election view is read on every event.
    const lots: Array<{ round_id: string; drawn: string[]; recorded_at: string }> = rounds.some((r) => (r.result as ElectionRoundResult | null)?.next.kind === 'lot')
      ? await this.dataSource.query(`SELECT round_id, drawn, recorded_at FROM election_lots WHERE election_id = $1`, [electionId])
      : [];
    return {
      id: e.id,
      workspaceId: e.workspace_id,
      meetingId: e.meeting_id,
      body: { id: e.body_id, name: e.body_name },
      target: e.target_body_id ? { id: e.target_body_id, name: e.target_name } : null,
      role: e.role,
      seats: Number(e.seats),
      rules: e.rules,
      secret: e.secret,
      state: e.state,
      compositionFrom: e.composition_day ?? null,
      compositionAppliedAt: e.composition_applied_at ? new Date(e.composition_applied_at) : null,
      resolution: {
        id: e.resolution_id,
        title: e.resolution_title,
        state: e.resolution_state,
        number: e.resolution_number,
        fullTitle: e.resolution_number ? resolutionFullTitle(e.resolution_number, e.name_genitive, e.resolution_title) : null,
      },
      candidates: candidates.map((c: Record<string, string | number | null>) => ({
        id: c.id,
        position: Number(c.position),
        organisationId: c.organisation_id,
        organisationName: c.organisation_name,
        personName: c.person_name,
        nominatedBy: c.nominated_by,
        nominatedByName: c.nominated_by_name,
        nominatedAt: new Date(c.nominated_at as string),
        consentAt: c.consent_at ? new Date(c.consent_at as string) : null,
        withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at as string) : null,
        electedInRound: c.elected_in_round === null ? null : Number(c.elected_in_round),
      })),
      rounds: rounds.map((r) => {
        const of = ballots.filter((b: { round_id: string }) => b.round_id === r.id);
        return {
          id: r.id,
          n: Number(r.n),
          seatsOpen: Number(r.seats_open),
          candidates: r.candidates,
          rules: r.rules,
          secret: r.secret,
          state: r.state,
          openedAt: new Date(r.opened_at),
          closedAt: r.closed_at ? new Date(r.closed_at) : null,
          castCount: of.length,
          voted: of.map((b: { organisation_id: string }) => b.organisation_id),
          result: r.result,
          ballotsDigest: r.ballots_digest,
          roll: !r.secret && r.state === 'closed' ? Object.fromEntries(of.map((b: { organisation_id: string; marks: unknown }) => [b.organisation_id, b.marks])) : null,
          lot: lotOf(lots, r.id),
        };
      }),
      elected: candidates
        .filter((c: { elected_in_round: number | null }) => c.elected_in_round !== null)
        .sort((a: { elected_in_round: number; position: number }, b: { elected_in_round: number; position: number }) => a.elected_in_round - b.elected_in_round || a.position - b.position)
        .map((c: { id: string }) => c.id),
    };
  }

  /** Who nominates: a representative of a member of the voting body (that member), or the chair (no member). */
  private async nominator(election: ElectionRow, userId: string): Promise<string | null> {
    const member = await this.access.member(election.workspace_id, userId);
    if (can(member.role, 'decisions.vote') && member.organisationId) {
      const [inBody] = await this.dataSource.query(`SELECT 1 FROM decision_body_members WHERE body_id = $1 AND organisation_id = $2`, [election.body_id, member.organisationId]);
      if (inBody) return member.organisationId;
    }
    await this.access.chair(election.workspace_id, userId, election.body_id);
    return can(member.role, 'decisions.vote') ? member.organisationId : null;
  }

  private requireOpenMeeting(state: string): void {
    if (state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
    if (state !== 'open') throw problem('meeting_not_open', 'an election’s rounds are held in an open meeting');
  }

  private notify(meetingId: string, electionId: string): void {
    this.events.notify(meetingId, { type: 'election_changed', electionId });
  }

  private async lock(manager: EntityManager, electionId: string): Promise<ElectionRow> {
    const [row] = await manager.query(`SELECT *, composition_from::text AS composition_day FROM elections WHERE id = $1 FOR UPDATE`, [electionId]);
    return withDay(row);
  }

  private async row(electionId: string): Promise<ElectionRow> {
    const [row] = await this.dataSource.query(`SELECT *, composition_from::text AS composition_day FROM elections WHERE id = $1`, [electionId]);
    if (!row) throw new NotFoundException('election not found');
    return withDay(row);
  }

  private async roundRow(roundId: string): Promise<ElectionRoundRow> {
    const [row] = await this.dataSource.query(`SELECT * FROM election_rounds WHERE id = $1`, [roundId]);
    if (!row) throw new NotFoundException('election round not found');
    return row;
  }
}

function lotOf(lots: Array<{ round_id: string; drawn: string[]; recorded_at: string }>, roundId: string): ElectionRoundView['lot'] {
  const lot = lots.find((l) => l.round_id === roundId);
  return lot ? { drawn: lot.drawn, recordedAt: new Date(lot.recorded_at) } : null;
}

/** The row with its composition day as YYYY-MM-DD text (a `date` column may come as a Date otherwise). */
function withDay(row: (ElectionRow & { composition_day: string | null }) | undefined): ElectionRow {
  if (!row) return row as unknown as ElectionRow;
  const { composition_day: day, ...rest } = row;
  return { ...rest, composition_from: day };
}
