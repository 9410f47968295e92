import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { can } from '@commonplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../platform/http/field-error';
import { isProblem, problem } from '../platform/http/problem-codes';
import { DecisionsAccess } from './decisions-access';
import type { CurrentItemDto, RequestFloorDto, SpeakerKind, SpeakerState, SpeakingTimeDto } from './dto/speakers.dto';
import { MeetingEventsGateway } from './meeting-events.gateway';
import { type MeetingRow, type MeetingState, MeetingsService } from './meetings.service';

export interface SpeakerView {
  id: string;
  itemId: string;
  kind: SpeakerKind;
  state: SpeakerState;
  organisationId: string | null;
  name: string;
  requestedAt: Date;
  startedAt: Date | null;
  seconds: number | null;
  endsAt: Date | null;
  endedAt: Date | null;
}

export interface SpeakersView {
  meetingId: string;
  currentItemId: string | null;
  speakingSeconds: number;
  speaking: SpeakerView | null;
  items: Array<{ itemId: string; speakers: SpeakerView[] }>;
  /** The server's clock when the list was read: pages count a speech down against it, not their own device's clock. */
  serverTime: Date;
}

interface SpeakerRow {
  id: string;
  agenda_item_id: string;
  kind: SpeakerKind;
  state: SpeakerState;
  organisation_id: string | null;
  user_id: string | null;
  display_name: string;
  requested_at: string;
  started_at: string | null;
  seconds: number | null;
  ended_at: string | null;
}

const SPEAKER_COLUMNS = `s.id, s.agenda_item_id, s.kind, s.state, s.organisation_id, s.user_id, COALESCE(s.name, o.name) AS display_name, s.requested_at, s.started_at, s.seconds, s.ended_at`;

/**
 * The speakers' list of a meeting. The chair (DecisionsAccess.chair) moves the discussion from item to item, sets the
 * time per speaker, gives the floor and ends a speech; a member's representative asks to speak on the item under
 * discussion for their member (a speech, or a point of order heard first) and may withdraw; the chair may add someone
 * by name. Every change is audited and announced to everyone following the meeting; changes to one meeting are
 * serialised by locking its row.
 */
@Injectable()
export class SpeakersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEventsGateway,
  ) {}

  /** Any member of the workspace. */
  async list(userId: string, meetingId: string): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.member(meeting.workspace_id, userId);
    return this.view(meeting);
  }

  /** The chair moves the discussion to an item of the agenda; whoever is speaking is done. */
  async setCurrentItem(userId: string, meetingId: string, dto: CurrentItemDto): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockInSession(manager, meetingId);
      const [item] = await manager.query(`SELECT id, position FROM meeting_agenda WHERE id = $1 AND meeting_id = $2`, [dto.itemId, meetingId]);
      if (!item) throw fieldError('itemId', 'not an item of this meeting’s agenda', BadRequestException, 'agenda_item_not_in_meeting');
      if (current.current_item_id === item.id) return { changed: false, ended: null };
      const ended = await this.endSpeaking(manager, meetingId);
      await manager.query(`UPDATE decision_meetings SET current_item_id = $2 WHERE id = $1`, [meetingId, item.id]);
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action: 'meeting.current_item_changed',
        targetType: 'decision_meeting',
        targetId: meetingId,
        details: { from: current.current_item_id, to: item.id, position: Number(item.position), endedSpeakerId: ended },
      });
      return { changed: true, ended };
    });
    if (outcome.changed) this.events.notify(meetingId, { type: 'current_item_changed' });
    if (outcome.ended) this.events.notify(meetingId, { type: 'speakers_changed' });
    return this.view(await this.meetings.row(meetingId));
  }

  /** The chair sets the time each speaker is given from now on (a speech under way keeps the time it was given). */
  async setSpeakingTime(userId: string, meetingId: string, dto: SpeakingTimeDto): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    const changed = await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state, speaking_seconds FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      refuseEnded(current.state);
      if (Number(current.speaking_seconds) === dto.seconds) return false;
      await manager.query(`UPDATE decision_meetings SET speaking_seconds = $2 WHERE id = $1`, [meetingId, dto.seconds]);
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action: 'meeting.speaking_time_changed',
        targetType: 'decision_meeting',
        targetId: meetingId,
        details: { from: Number(current.speaking_seconds), to: dto.seconds },
      });
      return true;
    });
    if (changed) this.events.notify(meetingId, { type: 'speakers_changed' });
    return this.view(await this.meetings.row(meetingId));
  }

  /**
   * A member's representative asks to speak on the item under discussion for their member (one waiting request per
   * member, item and kind); the chair may instead add someone by name.
   */
  async request(userId: string, meetingId: string, dto: RequestFloorDto): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    let organisationId: string | null = null;
    if (dto.name !== undefined) {
      await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    } else {
      organisationId = await this.access.representative(meeting.workspace_id, userId);
      const [member] = await this.dataSource.query(`SELECT 1 FROM decision_body_members WHERE body_id = $1 AND organisation_id = $2`, [meeting.body_id, organisationId]);
      if (!member) throw problem('not_body_member', 'your member is not a member of this body');
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockInSession(manager, meetingId);
      if (!current.current_item_id) throw problem('no_current_item', 'the chair has not opened the discussion of an agenda item yet');
      if (organisationId) {
        const [waiting] = await manager.query(`SELECT 1 FROM meeting_speakers WHERE agenda_item_id = $1 AND organisation_id = $2 AND kind = $3 AND state = 'waiting'`, [current.current_item_id, organisationId, dto.kind]);
        if (waiting) throw problem('already_requested', 'your member already waits to speak on this item');
      }
      const [speaker] = await manager.query(
        `INSERT INTO meeting_speakers (meeting_id, agenda_item_id, organisation_id, user_id, name, kind) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [meetingId, current.current_item_id, organisationId, userId, dto.name ?? null, dto.kind],
      );
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action: organisationId ? 'meeting.speaker_requested' : 'meeting.speaker_added',
        targetType: 'decision_meeting',
        targetId: meetingId,
        details: { speakerId: speaker.id, itemId: current.current_item_id, kind: dto.kind, organisationId, name: dto.name ?? null },
      });
    });
    this.events.notify(meetingId, { type: 'speakers_changed' });
    return this.view(await this.meetings.row(meetingId));
  }

  /** Who asked (or a representative of the same member), or the chair, withdraws a request still waiting. */
  async withdraw(userId: string, meetingId: string, speakerId: string): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    const member = await this.access.member(meeting.workspace_id, userId);
    const speaker = await this.speaker(this.dataSource.manager, meetingId, speakerId);
    const own = speaker.user_id === userId || (speaker.organisation_id !== null && speaker.organisation_id === member.organisationId && can(member.role, 'decisions.vote'));
    if (!own) {
      try {
        await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
      } catch (error) {
        if (isProblem(error, 'chair_only')) throw problem('not_own_request', 'only who asked to speak, or the chair, withdraws the request');
        throw error;
      }
    }
    await this.change(meeting, userId, speakerId, 'meeting.speaker_withdrawn', async (manager, row) => {
      if (row.state !== 'waiting') throw problem('speaker_state', `a request that is ${row.state} is not withdrawn`);
      await manager.query(`UPDATE meeting_speakers SET state = 'withdrawn', ended_at = now() WHERE id = $1`, [speakerId]);
      return {};
    });
    return this.view(await this.meetings.row(meetingId));
  }

  /** The chair gives the floor to a waiting speaker on the item under discussion; whoever was speaking is done. */
  async giveFloor(userId: string, meetingId: string, speakerId: string): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    await this.change(meeting, userId, speakerId, 'meeting.speaker_given_floor', async (manager, row, current) => {
      if (row.state !== 'waiting') throw problem('speaker_state', `a request that is ${row.state} is not given the floor`);
      if (row.agenda_item_id !== current.current_item_id) throw problem('speaker_state', 'the request is about another agenda item than the one under discussion');
      const ended = await this.endSpeaking(manager, meetingId);
      const seconds = Number(current.speaking_seconds);
      await manager.query(`UPDATE meeting_speakers SET state = 'speaking', started_at = now(), seconds = $2, given_by = $3 WHERE id = $1`, [speakerId, seconds, userId]);
      return { seconds, endedSpeakerId: ended };
    });
    return this.view(await this.meetings.row(meetingId));
  }

  /** The chair ends the speech under way. */
  async end(userId: string, meetingId: string, speakerId: string): Promise<SpeakersView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    await this.change(meeting, userId, speakerId, 'meeting.speaker_done', async (manager, row) => {
      if (row.state !== 'speaking') throw problem('speaker_state', `a request that is ${row.state} is not being spoken`);
      await manager.query(`UPDATE meeting_speakers SET state = 'done', ended_at = now() WHERE id = $1`, [speakerId]);
      return {};
    });
    return this.view(await this.meetings.row(meetingId));
  }

  /** The list as it stands; the one speaking only while the meeting is open. */
  async view(meeting: MeetingRow): Promise<SpeakersView> {
    const items: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM meeting_agenda WHERE meeting_id = $1 ORDER BY position`, [meeting.id]);
    const rows: SpeakerRow[] = await this.dataSource.query(
      `SELECT ${SPEAKER_COLUMNS} FROM meeting_speakers s LEFT JOIN organisations o ON o.id = s.organisation_id
        WHERE s.meeting_id = $1 ORDER BY (s.kind = 'point_of_order') DESC, s.requested_at, s.id`,
      [meeting.id],
    );
    const speakers = rows.map(toSpeaker);
    return {
      meetingId: meeting.id,
      currentItemId: meeting.current_item_id,
      speakingSeconds: Number(meeting.speaking_seconds),
      speaking: meeting.state === 'open' ? (speakers.find((s) => s.state === 'speaking') ?? null) : null,
      items: items.map((item) => ({ itemId: item.id, speakers: speakers.filter((s) => s.itemId === item.id) })),
      serverTime: new Date(),
    };
  }

  /** One change of a request in a transaction with the meeting locked and open, audited with what `apply` adds, announced. */
  private async change(
    meeting: MeetingRow,
    userId: string,
    speakerId: string,
    action: string,
    apply: (manager: EntityManager, row: SpeakerRow, current: LockedMeeting) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockInSession(manager, meeting.id);
      const row = await this.speaker(manager, meeting.id, speakerId);
      const details = await apply(manager, row, current);
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action,
        targetType: 'decision_meeting',
        targetId: meeting.id,
        details: { speakerId, itemId: row.agenda_item_id, kind: row.kind, organisationId: row.organisation_id, name: row.display_name, ...details },
      });
    });
    this.events.notify(meeting.id, { type: 'speakers_changed' });
  }

  /** A request of this meeting (404 for any other id). */
  private async speaker(manager: EntityManager, meetingId: string, speakerId: string): Promise<SpeakerRow> {
    const [row] = await manager.query(`SELECT ${SPEAKER_COLUMNS} FROM meeting_speakers s LEFT JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1 AND s.meeting_id = $2`, [speakerId, meetingId]);
    if (!row) throw new NotFoundException('no such request to speak at this meeting');
    return row;
  }

  /** Locks the meeting's row; the list changes only while the meeting is open. */
  private async lockInSession(manager: EntityManager, meetingId: string): Promise<LockedMeeting> {
    const [current] = await manager.query(`SELECT state, current_item_id, speaking_seconds FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
    refuseEnded(current.state);
    if (current.state !== 'open') throw problem('meeting_not_in_session', 'the meeting is not open yet');
    return current;
  }

  /** Ends the speech under way, if any; its id. */
  private async endSpeaking(manager: EntityManager, meetingId: string): Promise<string | null> {
    // Through a CTE: an UPDATE's own RETURNING comes back from TypeORM as [rows, count].
    const ended = await manager.query(`WITH ended AS (UPDATE meeting_speakers SET state = 'done', ended_at = now() WHERE meeting_id = $1 AND state = 'speaking' RETURNING id) SELECT id FROM ended`, [meetingId]);
    return (ended as Array<{ id: string }>)[0]?.id ?? null;
  }
}

interface LockedMeeting {
  state: MeetingState;
  current_item_id: string | null;
  speaking_seconds: number;
}

function refuseEnded(state: MeetingState): void {
  if (state === 'closed') throw problem('meeting_closed', 'the meeting is closed');
  if (state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
}

function toSpeaker(row: SpeakerRow): SpeakerView {
  const startedAt = row.started_at ? new Date(row.started_at) : null;
  const seconds = row.seconds === null ? null : Number(row.seconds);
  return {
    id: row.id,
    itemId: row.agenda_item_id,
    kind: row.kind,
    state: row.state,
    organisationId: row.organisation_id,
    name: row.display_name,
    requestedAt: new Date(row.requested_at),
    startedAt,
    seconds,
    endsAt: startedAt && seconds !== null ? new Date(startedAt.getTime() + seconds * 1000) : null,
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
  };
}
