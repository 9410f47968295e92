import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { effectiveVoters, type VoteRules } from '@commonplan/domain';
import { BodiesService } from './bodies.service';
import { MeetingsService, votingMember } from './meetings.service';
import { resolutionFullTitle } from './resolutions.service';

/** An open vote in which the representative can cast a ballot now (or after checking in), for its member or by proxy. */
export interface BallotTask {
  voteId: string;
  resolutionId: string;
  resolutionTitle: string;
  /** The meeting the vote is taken at; null: a remote vote (on the resolution's page). */
  meetingId: string | null;
  meetingTitle: string | null;
  /** The member whose ballot it is: the representative's own, or one that handed them its vote (byProxy). */
  member: { id: string; name: string };
  byProxy: boolean;
  /** The member is not checked in at the meeting yet: the ballot comes once it is. */
  checkInFirst: boolean;
  /** A remote vote's closing time; null in a meeting (it closes when the chair closes it). */
  dueAt: Date | null;
}

/** A meeting of a body the member belongs to that is open or still to come. */
export interface MeetingTask {
  meetingId: string;
  title: string;
  body: string;
  place: string;
  state: 'planned' | 'open';
  /** When it starts. */
  dueAt: Date;
  /** Whether the member is checked in, or its vote is handed to another member's representative. */
  presence: 'present' | 'represented' | 'absent';
}

/** A version adopted by a resolution of one of the member's bodies that the member has not approved yet. */
export interface ApprovalTask {
  documentId: string;
  documentTitle: string;
  versionId: string;
  versionNumber: number;
  versionName: string;
  resolution: { id: string; number: string; fullTitle: string; decidedAt: Date | null };
  dueAt: null;
}

/**
 * What waits for a member's representative in the decisions: ballots to cast, meetings to attend, versions to sign off.
 * Only for the member the representative represents, only in its workspace; the caller checks who asks.
 */
@Injectable()
export class DecisionTasks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bodies: BodiesService,
    private readonly meetings: MeetingsService,
  ) {}

  async ballots(workspaceId: string, organisationId: string): Promise<BallotTask[]> {
    const votes: Array<{ id: string; resolution_id: string; title: string; body_id: string; meeting_id: string | null; meeting_title: string | null; closes_at: string | null; rules: VoteRules; members: Array<{ id: string }> | null }> =
      await this.dataSource.query(
        `SELECT v.id, v.resolution_id, r.title, r.body_id, v.meeting_id, m.title AS meeting_title, v.closes_at, v.rules, v.members
         FROM votes v JOIN resolutions r ON r.id = v.resolution_id LEFT JOIN decision_meetings m ON m.id = v.meeting_id
         WHERE v.workspace_id = $1 AND v.state = 'open' AND (v.closes_at IS NULL OR v.closes_at > now()) AND (m.id IS NULL OR m.state = 'open')
         ORDER BY v.closes_at NULLS FIRST, v.opens_at`,
        [workspaceId],
      );
    if (votes.length === 0) return [];
    const ballots = await this.dataSource.query(`SELECT vote_id, organisation_id FROM vote_ballots WHERE vote_id = ANY($1::uuid[])`, [votes.map((v) => v.id)]);
    const names = new Map<string, string>(
      (await this.dataSource.query(`SELECT id, name FROM organisations WHERE workspace_id = $1 AND kind = 'member'`, [workspaceId])).map((o: { id: string; name: string }) => [o.id, o.name]),
    );
    const tasks: BallotTask[] = [];
    for (const vote of votes) {
      // The members the vote opened with (older votes: the body's now), as the ballot is checked.
      const members = vote.members ?? (await this.bodies.one(vote.body_id)).members.map(votingMember);
      const voted = new Set(ballots.filter((b: { vote_id: string }) => b.vote_id === vote.id).map((b: { organisation_id: string }) => b.organisation_id));
      const task = (memberId: string, checkInFirst: boolean): BallotTask => ({
        voteId: vote.id,
        resolutionId: vote.resolution_id,
        resolutionTitle: vote.title,
        meetingId: vote.meeting_id,
        meetingTitle: vote.meeting_title,
        member: { id: memberId, name: names.get(memberId) ?? '' },
        byProxy: memberId !== organisationId,
        checkInFirst,
        dueAt: vote.closes_at ? new Date(vote.closes_at) : null,
      });
      const isMember = members.some((m) => m.id === organisationId);
      if (!vote.meeting_id) {
        // A remote vote: every member of the body votes for itself.
        if (isMember && !voted.has(organisationId)) tasks.push(task(organisationId, false));
        continue;
      }
      const { present, proxies } = await this.meetings.attendance(this.dataSource.manager, vote.meeting_id);
      const attendance = effectiveVoters({ members, present, proxies, proxiesAllowed: vote.rules.proxiesAllowed });
      // The member's own ballot first, then those it holds by proxy.
      const mine = attendance.voters.filter((voter) => voter.castBy === organisationId && !voted.has(voter.memberId)).sort((a, b) => Number(a.byProxy) - Number(b.byProxy));
      for (const voter of mine) tasks.push(task(voter.memberId, false));
      // Not checked in and its vote not handed over: it can still check in and vote.
      const own = attendance.voters.some((voter) => voter.memberId === organisationId);
      if (isMember && !own && !voted.has(organisationId)) tasks.push(task(organisationId, true));
    }
    return tasks;
  }

  async meetingsToAttend(workspaceId: string, organisationId: string): Promise<MeetingTask[]> {
    const rows = await this.dataSource.query(
      `SELECT m.id, m.title, m.starts_at, m.place, m.state, b.name AS body_name,
              EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.organisation_id = $2) AS checked_in,
              EXISTS (SELECT 1 FROM meeting_proxies p WHERE p.meeting_id = m.id AND p.from_organisation_id = $2) AS handed_over
       FROM decision_meetings m JOIN decision_bodies b ON b.id = m.body_id
       JOIN decision_body_members bm ON bm.body_id = m.body_id AND bm.organisation_id = $2
       WHERE m.workspace_id = $1 AND (m.state = 'open' OR (m.state = 'planned' AND m.starts_at > now() - interval '1 day'))
       ORDER BY m.starts_at, m.id`,
      [workspaceId, organisationId],
    );
    return rows.map((m: { id: string; title: string; starts_at: string; place: string; state: 'planned' | 'open'; body_name: string; checked_in: boolean; handed_over: boolean }) => ({
      meetingId: m.id,
      title: m.title,
      body: m.body_name,
      place: m.place,
      state: m.state,
      dueAt: new Date(m.starts_at),
      presence: m.checked_in ? 'present' : m.handed_over ? 'represented' : 'absent',
    }));
  }

  /** Versions adopted by the member's bodies and not yet approved for it (documents the caller may read are filtered by the caller). */
  async approvals(workspaceId: string, organisationId: string): Promise<ApprovalTask[]> {
    const rows = await this.dataSource.query(
      `SELECT DISTINCT ON (v.id) v.id AS version_id, v.document_id, v.number AS version_number, v.name AS version_name, d.title AS document_title,
              r.id AS resolution_id, r.number, r.title, r.decided_at, b.name_genitive
       FROM resolutions r JOIN decision_bodies b ON b.id = r.body_id
       JOIN decision_body_members bm ON bm.body_id = r.body_id AND bm.organisation_id = $2
       JOIN document_versions v ON v.id = r.adopts_version_id JOIN documents d ON d.id = v.document_id AND d.workspace_id = r.workspace_id
       WHERE r.workspace_id = $1 AND r.state = 'adopted'
         AND NOT EXISTS (SELECT 1 FROM version_approvals a WHERE a.version_id = v.id AND a.organisation_id = $2)
       ORDER BY v.id, r.decided_at DESC`,
      [workspaceId, organisationId],
    );
    return rows
      .map(
        (r: { version_id: string; document_id: string; version_number: number; version_name: string; document_title: string; resolution_id: string; number: string; title: string; decided_at: string | null; name_genitive: string }) => ({
          documentId: r.document_id,
          documentTitle: r.document_title,
          versionId: r.version_id,
          versionNumber: Number(r.version_number),
          versionName: r.version_name,
          resolution: { id: r.resolution_id, number: r.number, fullTitle: resolutionFullTitle(r.number, r.name_genitive, r.title), decidedAt: r.decided_at ? new Date(r.decided_at) : null },
          dueAt: null,
        }),
      )
      .sort((a: ApprovalTask, b: ApprovalTask) => (b.resolution.decidedAt?.getTime() ?? 0) - (a.resolution.decidedAt?.getTime() ?? 0));
  }
}
