import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AgendaRules, agendaRulesOf, type BodyRuleBook, decide, effectiveVoters, type Outcome, type ProxyAuthorisation, quorumAtTerm, rulesFor } from '@commonplan/domain';
import { AuditService } from '../audit/audit.service';
import { type AmendmentView, AmendmentsService } from './assembly/amendments.service';
import { type MotionView, MotionsReader } from './assembly/motions-reader';
import { type BodyMember, BodiesService } from './bodies.service';
import type { CancelMeetingDto, CreateMeetingDto, MeetingTerm, ProxyDto, UpdateMeetingDto } from './decision.dto';
import { DecisionNotices } from './decision-notices';
import { DecisionsAccess } from './decisions-access';
import { MeetingEventsGateway } from './meeting-events.gateway';
import { type ResolutionView, ResolutionsService } from './resolutions.service';
import { fieldError } from '../platform/http/field-error';
import { type VoteView, VotesReader } from './votes-reader';
import { problem } from '../platform/http/problem-codes';

export type MeetingState = 'planned' | 'open' | 'closed' | 'cancelled';

export interface MeetingView {
  id: string;
  workspaceId: string;
  body: { id: string; name: string; nameGenitive: string };
  title: string;
  startsAt: Date;
  place: string;
  state: MeetingState;
  openedAt: Date | null;
  closedAt: Date | null;
  /** When it was cancelled, and why (null unless cancelled). */
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** When the meeting reconvenes in its second term (drugi termin), if the notice names one. */
  secondTermAt: Date | null;
  /** The term it was opened in (null until opened). */
  term: MeetingTerm | null;
  /** When the meeting adopted its agenda by a vote (null until then). */
  agendaAdoptedAt: Date | null;
  /** The agenda item under discussion (the chair moves it), null before the first. */
  currentItemId: string | null;
  /** The time each speaker has, in seconds. */
  speakingSeconds: number;
  /** The body's members: present (checked in), represented by another's proxy, or absent. */
  members: Array<BodyMember & { presence: 'present' | 'represented' | 'absent'; checkedInAt: Date | null; representedBy: string | null }>;
  proxies: Array<{ from: string; to: string; authorisation: string; accepted: boolean; refusal: string | null }>;
  /** The quorum now under the body's general rules (members represented by proxy count as present). */
  quorum: Pick<Outcome['quorum'], 'basis' | 'among' | 'fraction' | 'comparison' | 'total' | 'actual' | 'minimum' | 'reached'>;
  agenda: AgendaItemView[];
  /** What the meeting voted on besides resolutions (the agenda, its changes, minutes, amendments), with the votes. */
  motions: MotionView[];
  /** Who changes the agenda once adopted: the meeting by a vote, or the chair (the body's rule book). */
  agendaChanges: AgendaRules;
}

export type AgendaItemKind = 'resolution' | 'minutes' | 'election' | 'other';

/**
 * One item of the agenda: a resolution (with its votes), the approval of an earlier meeting's minutes, an election or
 * any other item (its own title). `title` is the resolution's title for a resolution.
 */
export interface AgendaItemView {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  resolution: ResolutionView | null;
  minutesOf: { id: string; title: string; startsAt: Date } | null;
  votes: VoteView[];
  /** A resolution's amendments, in their number's order (none for other items). */
  amendments: AmendmentView[];
  /** An election item's election. */
  electionId: string | null;
  /** An election item's round open now (its ballots go at the top of a representative's page). */
  openElectionRoundId: string | null;
}

/** Meetings of a body: the agenda, check-in of members' representatives, proxies, and the quorum live. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly bodies: BodiesService,
    private readonly resolutions: ResolutionsService,
    private readonly votes: VotesReader,
    private readonly events: MeetingEventsGateway,
    private readonly notices: DecisionNotices,
    private readonly amendments: AmendmentsService,
    private readonly motions: MotionsReader,
  ) {}

  async list(workspaceId: string): Promise<Array<Omit<MeetingView, 'members' | 'proxies' | 'quorum' | 'agenda'>>> {
    const rows = await this.dataSource.query(
      `SELECT m.*, b.name AS body_name, b.name_genitive FROM decision_meetings m JOIN decision_bodies b ON b.id = m.body_id WHERE m.workspace_id = $1 ORDER BY m.starts_at DESC`,
      [workspaceId],
    );
    return rows.map(toMeetingSummary);
  }

  async create(workspaceId: string, userId: string, dto: CreateMeetingDto): Promise<MeetingView> {
    await this.access.coordinator(workspaceId, userId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [body] = await manager.query(`SELECT id FROM decision_bodies WHERE id = $1 AND workspace_id = $2`, [dto.bodyId, workspaceId]);
      if (!body) throw fieldError('bodyId', 'no such body in this workspace', BadRequestException, 'body_not_in_workspace');
      const agenda = dto.agenda.length
        ? await manager.query(`SELECT id FROM resolutions WHERE id = ANY($1::uuid[]) AND body_id = $2 AND state IN ('draft', 'no_quorum')`, [dto.agenda, dto.bodyId])
        : [];
      if (agenda.length !== dto.agenda.length) throw fieldError('agenda', 'every item is a resolution of this body that is not decided yet', BadRequestException, 'agenda_item_refused');
      if (dto.secondTermAt && dto.secondTermAt.getTime() <= dto.startsAt.getTime()) throw fieldError('secondTermAt', 'the second term comes after the first (startsAt)', BadRequestException, 'second_term_not_after_first');
      const [meeting] = await manager.query(
        `INSERT INTO decision_meetings (workspace_id, body_id, title, starts_at, place, created_by, second_term_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [workspaceId, dto.bodyId, dto.title, dto.startsAt, dto.place ?? '', userId, dto.secondTermAt ?? null],
      );
      for (const [index, resolutionId] of dto.agenda.entries()) {
        await manager.query(`INSERT INTO meeting_agenda (meeting_id, resolution_id, position) VALUES ($1, $2, $3)`, [meeting.id, resolutionId, index + 1]);
      }
      await this.audit.append(manager, { workspaceId, actorId: userId, action: 'meeting.created', targetType: 'decision_meeting', targetId: meeting.id, details: { title: dto.title, bodyId: dto.bodyId, agenda: dto.agenda } });
      await this.notices.meeting(manager, 'meeting_called', meeting.id, userId);
      return meeting.id as string;
    });
    return this.view(id);
  }

  async get(userId: string, meetingId: string): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    await this.access.member(meeting.workspace_id, userId);
    return this.view(meetingId);
  }

  /**
   * Changes a planned meeting's title, time, place or second term (coordinators), validated as when it was called.
   * A change raises the invitation's SEQUENCE and sends everyone invited the updated invitation; a request that changes
   * nothing changes nothing. Only a planned meeting changes (409 meeting_state; a cancelled one: meeting_cancelled).
   */
  async update(userId: string, meetingId: string, dto: UpdateMeetingDto): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    await this.access.coordinator(meeting.workspace_id, userId);
    const changed = await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT title, starts_at, place, second_term_at, state FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      requirePlanned(current.state, 'changed');
      const before = { title: current.title as string, startsAt: new Date(current.starts_at), place: current.place as string, secondTermAt: current.second_term_at ? new Date(current.second_term_at) : null };
      const after = {
        title: dto.title ?? before.title,
        startsAt: dto.startsAt ?? before.startsAt,
        place: dto.place ?? before.place,
        secondTermAt: dto.secondTermAt === undefined ? before.secondTermAt : dto.secondTermAt,
      };
      if (after.secondTermAt && after.secondTermAt.getTime() <= after.startsAt.getTime()) {
        throw fieldError(dto.secondTermAt ? 'secondTermAt' : 'startsAt', 'the second term comes after the first (startsAt)', BadRequestException, 'second_term_not_after_first');
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const time = (d: Date | null) => (d ? d.toISOString() : null);
      if (after.title !== before.title) changes['title'] = { from: before.title, to: after.title };
      if (after.startsAt.getTime() !== before.startsAt.getTime()) changes['startsAt'] = { from: time(before.startsAt), to: time(after.startsAt) };
      if (after.place !== before.place) changes['place'] = { from: before.place, to: after.place };
      if (time(after.secondTermAt) !== time(before.secondTermAt)) changes['secondTermAt'] = { from: time(before.secondTermAt), to: time(after.secondTermAt) };
      if (Object.keys(changes).length === 0) return false;
      const [{ sequence }] = await manager.query(
        `WITH changed AS (UPDATE decision_meetings SET title = $2, starts_at = $3, place = $4, second_term_at = $5, sequence = sequence + 1 WHERE id = $1 RETURNING sequence) SELECT sequence FROM changed`,
        [meetingId, after.title, after.startsAt, after.place, after.secondTermAt],
      );
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.changed', targetType: 'decision_meeting', targetId: meetingId, details: { title: after.title, changes, sequence: Number(sequence) } });
      await this.notices.meeting(manager, 'meeting_changed', meetingId, userId);
      return true;
    });
    if (changed) this.events.notify(meetingId, { type: 'meeting_changed' });
    return this.view(meetingId);
  }

  /**
   * Cancels a planned meeting (coordinators) with the reason told to everyone invited, whose calendars get the
   * invitation's cancellation (METHOD:CANCEL, the same UID). Nothing can be done at a cancelled meeting afterwards; its
   * agenda's resolutions stay undecided and may go on another meeting's agenda.
   */
  async cancel(userId: string, meetingId: string, dto: CancelMeetingDto): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    await this.access.coordinator(meeting.workspace_id, userId);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      requirePlanned(current.state, 'cancelled');
      const [{ sequence }] = await manager.query(
        `WITH changed AS (UPDATE decision_meetings SET state = 'cancelled', cancelled_at = now(), cancel_reason = $2, sequence = sequence + 1 WHERE id = $1 RETURNING sequence) SELECT sequence FROM changed`,
        [meetingId, dto.reason],
      );
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.cancelled', targetType: 'decision_meeting', targetId: meetingId, details: { title: meeting.title, reason: dto.reason, sequence: Number(sequence) } });
      await this.notices.meeting(manager, 'meeting_cancelled', meetingId, userId);
    });
    this.events.notify(meetingId, { type: 'meeting_changed' });
    return this.view(meetingId);
  }

  /**
   * Opens (planned → open) or closes (open → closed) a meeting (coordinators); a meeting with a vote open does not
   * close. It opens in its first term, or in its second once the second term named in the notice has come (its votes
   * then take the second term's quorum where the rules give one).
   */
  async transition(userId: string, meetingId: string, to: 'open' | 'closed', term: MeetingTerm = 'first'): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    await this.access.coordinator(meeting.workspace_id, userId);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      const from = to === 'open' ? 'planned' : 'open';
      if (current.state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
      if (current.state !== from) throw problem('meeting_state', `a meeting that is ${current.state} cannot become ${to}`);
      if (to === 'closed') {
        const [open] = await manager.query(`SELECT 1 FROM votes WHERE meeting_id = $1 AND state = 'open'`, [meetingId]);
        if (open) throw problem('vote_in_progress', 'close the vote in progress before closing the meeting');
        const [round] = await manager.query(`SELECT 1 FROM election_rounds r JOIN elections e ON e.id = r.election_id WHERE e.meeting_id = $1 AND r.state = 'open'`, [meetingId]);
        if (round) throw problem('election_round_open', 'close the election round in progress before closing the meeting');
        const [lot] = await manager.query(
          `SELECT 1 FROM election_rounds r JOIN elections e ON e.id = r.election_id
            WHERE e.meeting_id = $1 AND e.state = 'voting' AND r.result->'next'->>'kind' = 'lot' AND NOT EXISTS (SELECT 1 FROM election_lots l WHERE l.round_id = r.id)`,
          [meetingId],
        );
        if (lot) throw problem('election_state', 'record the draw by lot an election round asked for before closing the meeting');
        await manager.query(`UPDATE decision_meetings SET state = 'closed', closed_at = now() WHERE id = $1`, [meetingId]);
        // Whoever holds the floor is done when the meeting closes (the minutes give when each speech ended).
        await manager.query(`UPDATE meeting_speakers SET state = 'done', ended_at = now() WHERE meeting_id = $1 AND state = 'speaking'`, [meetingId]);
      } else {
        if (term === 'second') {
          if (!meeting.second_term_at) throw problem('no_second_term', 'the meeting was not called with a second term');
          if (new Date(meeting.second_term_at).getTime() > Date.now()) throw problem('second_term_not_yet', `the second term begins at ${new Date(meeting.second_term_at).toISOString()}`);
        }
        await manager.query(`UPDATE decision_meetings SET state = 'open', opened_at = now(), term = $2 WHERE id = $1`, [meetingId, term]);
      }
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action: `meeting.${to === 'open' ? 'opened' : 'closed'}`,
        targetType: 'decision_meeting',
        targetId: meetingId,
        details: to === 'open' ? { title: meeting.title, term } : { title: meeting.title },
      });
    });
    this.events.notify(meetingId, { type: 'meeting_changed' });
    return this.view(meetingId);
  }

  /** A member's representative checks in for their member (before or during the meeting); again is harmless. */
  async checkIn(userId: string, meetingId: string): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    const organisationId = await this.access.representative(meeting.workspace_id, userId);
    refuseEnded(meeting.state);
    await this.requireBodyMember(meeting.body_id, organisationId, 'your member is not a member of this body');
    await this.dataSource.transaction(async (manager) => {
      const [added] = await manager.query(
        `INSERT INTO meeting_attendance (meeting_id, organisation_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (meeting_id, organisation_id) DO NOTHING RETURNING organisation_id`,
        [meetingId, organisationId, userId],
      );
      if (added) await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.checked_in', targetType: 'decision_meeting', targetId: meetingId, details: { organisationId } });
    });
    this.events.notify(meetingId, { type: 'attendance_changed' });
    return this.view(meetingId);
  }

  /**
   * A member's representative hands the member's vote to another member's representative for this meeting, with the
   * authorisation presented. Refused when the body's rules allow no proxies, for a chain, a second authorisation, or a
   * member whose own representative is present.
   */
  async grantProxy(userId: string, meetingId: string, dto: ProxyDto): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    const from = await this.access.representative(meeting.workspace_id, userId);
    refuseEnded(meeting.state);
    const body = await this.bodies.one(meeting.body_id);
    const rules = (body.rules as BodyRuleBook).general;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      const { present, proxies } = await this.attendance(manager, meetingId);
      // Checked against who is present now, except that the holder may check in later.
      const attendance = effectiveVoters({ members: body.members, present: [...present, dto.toOrganisationId], proxies: [...proxies, { from, to: dto.toOrganisationId }], proxiesAllowed: rules.proxiesAllowed });
      const refused = attendance.refused.find((r) => r.proxy.from === from && r.proxy.to === dto.toOrganisationId);
      if (refused) throw problem('proxy_refused', `the proxy is refused: ${refused.reason.replace(/_/g, ' ')}`);
      await manager.query(`INSERT INTO meeting_proxies (meeting_id, from_organisation_id, to_organisation_id, authorisation, granted_by) VALUES ($1, $2, $3, $4, $5)`, [
        meetingId,
        from,
        dto.toOrganisationId,
        dto.authorisation,
        userId,
      ]);
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.proxy_granted', targetType: 'decision_meeting', targetId: meetingId, details: { from, to: dto.toOrganisationId, authorisation: dto.authorisation } });
      await this.notices.proxyGiven(manager, meetingId, from, dto.toOrganisationId, userId);
    });
    this.events.notify(meetingId, { type: 'attendance_changed' });
    return this.view(meetingId);
  }

  /** Who checked in and which proxies were recorded (the vote and the quorum are computed from these). */
  async attendance(manager: EntityManager, meetingId: string): Promise<{ present: string[]; proxies: ProxyAuthorisation[] }> {
    const present = await manager.query(`SELECT organisation_id FROM meeting_attendance WHERE meeting_id = $1 ORDER BY checked_in_at`, [meetingId]);
    const proxies = await manager.query(`SELECT from_organisation_id, to_organisation_id FROM meeting_proxies WHERE meeting_id = $1 ORDER BY created_at`, [meetingId]);
    return {
      present: present.map((r: { organisation_id: string }) => r.organisation_id),
      proxies: proxies.map((r: { from_organisation_id: string; to_organisation_id: string }) => ({ from: r.from_organisation_id, to: r.to_organisation_id })),
    };
  }

  async view(meetingId: string): Promise<MeetingView> {
    const meeting = await this.row(meetingId);
    const body = await this.bodies.one(meeting.body_id);
    const { present, proxies } = await this.attendance(this.dataSource.manager, meetingId);
    const checkIns = await this.dataSource.query(`SELECT organisation_id, checked_in_at FROM meeting_attendance WHERE meeting_id = $1`, [meetingId]);
    const authorisations = await this.dataSource.query(`SELECT from_organisation_id, to_organisation_id, authorisation FROM meeting_proxies WHERE meeting_id = $1 ORDER BY created_at`, [meetingId]);
    // The quorum of an ordinary resolution at this sitting: a meeting opened in its second term takes the second
    // term's quorum where the rules give one.
    const general = rulesFor(body.rules, 'ordinary');
    const rules = { ...general, quorum: quorumAtTerm(general, meeting.term ?? 'first') };
    const now = decide({ rules, members: body.members.map(votingMember), present, proxies, votes: [] });
    const attendance = effectiveVoters({ members: body.members, present, proxies, proxiesAllowed: rules.proxiesAllowed });
    const [agenda, motions] = await Promise.all([this.agendaOf(meetingId), this.motions.ofMeeting(meetingId)]);
    return {
      ...toMeetingSummary(meeting),
      members: body.members.map((member) => {
        const checkIn = checkIns.find((c: { organisation_id: string }) => c.organisation_id === member.id);
        const voter = attendance.voters.find((v) => v.memberId === member.id);
        const presence = attendance.present.includes(member.id) ? 'present' : attendance.represented.includes(member.id) ? 'represented' : 'absent';
        return { ...member, presence, checkedInAt: checkIn ? new Date(checkIn.checked_in_at) : null, representedBy: voter?.byProxy ? voter.castBy : null };
      }),
      proxies: authorisations.map((p: { from_organisation_id: string; to_organisation_id: string; authorisation: string }) => {
        const refusal = attendance.refused.find((r) => r.proxy.from === p.from_organisation_id && r.proxy.to === p.to_organisation_id);
        return { from: p.from_organisation_id, to: p.to_organisation_id, authorisation: p.authorisation, accepted: !refusal, refusal: refusal?.reason ?? null };
      }),
      quorum: { basis: now.quorum.basis, among: now.quorum.among, fraction: now.quorum.fraction, comparison: now.quorum.comparison, total: now.quorum.total, actual: now.quorum.actual, minimum: now.quorum.minimum, reached: now.quorum.reached },
      agenda,
      motions,
      agendaChanges: agendaRulesOf(body.rules),
    };
  }

  /**
   * The agenda with its resolutions and their votes in a fixed number of queries however long it is (every participant
   * reloads the meeting on every ballot).
   */
  async agendaOf(meetingId: string): Promise<AgendaItemView[]> {
    const rows: AgendaRow[] = await this.dataSource.query(
      `SELECT a.id, a.position, a.kind, a.title, a.resolution_id, a.election_id, a.minutes_of, p.title AS minutes_title, p.starts_at AS minutes_starts_at,
              (SELECT r.id FROM election_rounds r WHERE r.election_id = a.election_id AND r.state = 'open') AS open_round_id
         FROM meeting_agenda a LEFT JOIN decision_meetings p ON p.id = a.minutes_of
        WHERE a.meeting_id = $1 ORDER BY a.position`,
      [meetingId],
    );
    const ids = rows.flatMap((item) => (item.resolution_id ? [item.resolution_id] : []));
    const [resolutions, votes] = ids.length ? await Promise.all([this.resolutions.many(ids), this.votes.ofResolutions(ids)]) : [[], []];
    const amendments = await this.amendments.ofResolutions(resolutions);
    return rows.map((item) => {
      const resolution = item.resolution_id ? ((resolutions.find((r) => r.id === item.resolution_id) as ResolutionView) ?? null) : null;
      return {
        id: item.id,
        position: Number(item.position),
        kind: item.kind,
        title: resolution ? resolution.title : item.title,
        resolution,
        minutesOf: item.minutes_of ? { id: item.minutes_of, title: item.minutes_title as string, startsAt: new Date(item.minutes_starts_at as string) } : null,
        votes: item.resolution_id ? votes.filter((v) => v.resolutionId === item.resolution_id) : [],
        amendments: item.resolution_id ? amendments.filter((a) => a.resolutionId === item.resolution_id) : [],
        electionId: item.election_id ?? null,
        openElectionRoundId: item.open_round_id ?? null,
      };
    });
  }

  async row(meetingId: string): Promise<MeetingRow> {
    const [meeting] = await this.dataSource.query(
      `SELECT m.*, b.name AS body_name, b.name_genitive FROM decision_meetings m JOIN decision_bodies b ON b.id = m.body_id WHERE m.id = $1`,
      [meetingId],
    );
    if (!meeting) throw new NotFoundException('meeting not found');
    return meeting;
  }

  private async requireBodyMember(bodyId: string, organisationId: string, message: string): Promise<void> {
    const [member] = await this.dataSource.query(`SELECT 1 FROM decision_body_members WHERE body_id = $1 AND organisation_id = $2`, [bodyId, organisationId]);
    if (!member) throw problem('not_body_member', message);
  }
}

/** Only a planned meeting is changed or cancelled. */
function requirePlanned(state: MeetingState, becoming: 'changed' | 'cancelled'): void {
  if (state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
  if (state !== 'planned') throw problem('meeting_state', `a meeting that is ${state} cannot be ${becoming}`);
}

/** Nobody checks in or hands a vote over at a meeting that is closed or cancelled. */
function refuseEnded(state: MeetingState): void {
  if (state === 'closed') throw problem('meeting_closed', 'the meeting is closed');
  if (state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
}

/** A body's member as the rule engine weighs it. */
export function votingMember(member: BodyMember): { id: string; population: number | null; weight: number } {
  return { id: member.id, population: member.population, weight: member.voteWeight };
}

export interface MeetingRow {
  id: string;
  workspace_id: string;
  body_id: string;
  body_name: string;
  name_genitive: string;
  title: string;
  starts_at: string;
  place: string;
  state: MeetingState;
  opened_at: string | null;
  closed_at: string | null;
  second_term_at: string | null;
  term: MeetingTerm | null;
  cancelled_at: string | null;
  cancel_reason: string;
  sequence: number;
  agenda_adopted_at: string | null;
  current_item_id: string | null;
  speaking_seconds: number;
}

interface AgendaRow {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  resolution_id: string | null;
  election_id?: string | null;
  open_round_id?: string | null;
  minutes_of: string | null;
  minutes_title: string | null;
  minutes_starts_at: string | null;
}

function toMeetingSummary(m: MeetingRow) {
  return {
    id: m.id,
    workspaceId: m.workspace_id,
    body: { id: m.body_id, name: m.body_name, nameGenitive: m.name_genitive },
    title: m.title,
    startsAt: new Date(m.starts_at),
    place: m.place,
    state: m.state,
    openedAt: m.opened_at ? new Date(m.opened_at) : null,
    closedAt: m.closed_at ? new Date(m.closed_at) : null,
    cancelledAt: m.cancelled_at ? new Date(m.cancelled_at) : null,
    cancelReason: m.state === 'cancelled' ? m.cancel_reason : null,
    secondTermAt: m.second_term_at ? new Date(m.second_term_at) : null,
    term: m.term,
    agendaAdoptedAt: m.agenda_adopted_at ? new Date(m.agenda_adopted_at) : null,
    currentItemId: m.current_item_id,
    speakingSeconds: Number(m.speaking_seconds),
  };
}
