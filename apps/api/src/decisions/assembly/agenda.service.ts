import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { agendaRulesOf, type BodyRuleBook } from '@commonplan/domain';
import { AuditService } from '../../audit/audit.service';
import { fieldError } from '../../platform/http/field-error';
import { problem } from '../../platform/http/problem-codes';
import { DecisionsAccess } from '../decisions-access';
import { MeetingEventsGateway } from '../meeting-events.gateway';
import { type MeetingRow, MeetingsService, type MeetingView } from '../meetings.service';
import type { AgendaChangeDto, MoveAgendaItemDto, NewAgendaItemDto } from './assembly.dto';

/**
 * The agenda as the chair prepares it: until the meeting adopts it, the chair adds, moves and removes items freely;
 * once adopted (by a vote at the opening, MotionsService), it changes by a vote on the change (a motion), which
 * `applyChange` carries out when adopted, unless the body's rule book gives the chair that change (an item added or
 * moved: `agenda` in BodyRuleBook); the chair's changes after the adoption are marked so, and the minutes list them.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEventsGateway,
  ) {}

  async add(userId: string, meetingId: string, dto: NewAgendaItemDto): Promise<MeetingView> {
    const meeting = await this.editable(userId, meetingId);
    await this.dataSource.transaction(async (manager) => {
      const afterAdoption = await this.lockChangeable(manager, meeting, 'add');
      const item = await this.insert(manager, meeting, dto, dto.position, '');
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.agenda_item_added', targetType: 'decision_meeting', targetId: meetingId, details: { ...item, ...afterAdoption } });
    });
    this.events.notify(meetingId, { type: 'meeting_changed' });
    return this.meetings.view(meetingId);
  }

  async move(userId: string, meetingId: string, itemId: string, dto: MoveAgendaItemDto): Promise<MeetingView> {
    const meeting = await this.editable(userId, meetingId);
    await this.dataSource.transaction(async (manager) => {
      const afterAdoption = await this.lockChangeable(manager, meeting, 'move');
      const moved = await this.reposition(manager, meetingId, itemId, dto.position);
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.agenda_item_moved', targetType: 'decision_meeting', targetId: meetingId, details: { ...moved, ...afterAdoption } });
    });
    this.events.notify(meetingId, { type: 'meeting_changed' });
    return this.meetings.view(meetingId);
  }

  /** An item leaves the agenda before it is adopted, unless something was voted on it. */
  async remove(userId: string, meetingId: string, itemId: string): Promise<MeetingView> {
    const meeting = await this.editable(userId, meetingId);
    await this.dataSource.transaction(async (manager) => {
      await this.lockChangeable(manager, meeting, 'remove');
      const [item] = await manager.query(`SELECT id, kind, resolution_id, title, position FROM meeting_agenda WHERE id = $1 AND meeting_id = $2`, [itemId, meetingId]);
      if (!item) throw new NotFoundException('agenda item not found');
      const [voted] = await manager.query(
        `SELECT 1 FROM votes WHERE meeting_id = $1 AND (resolution_id = $2 OR motion_id IN (SELECT id FROM meeting_motions WHERE agenda_item_id = $3))`,
        [meetingId, item.resolution_id, itemId],
      );
      if (voted) throw problem('agenda_item_voted', 'something was voted on this item: it stays on the agenda');
      await manager.query(`DELETE FROM meeting_agenda WHERE id = $1`, [itemId]);
      await manager.query(`UPDATE decision_meetings SET current_item_id = NULL WHERE id = $1 AND current_item_id = $2`, [meetingId, itemId]);
      await manager.query(`UPDATE meeting_agenda SET position = position - 1 WHERE meeting_id = $1 AND position > $2`, [meetingId, item.position]);
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.agenda_item_removed', targetType: 'decision_meeting', targetId: meetingId, details: { itemId, kind: item.kind, resolutionId: item.resolution_id, title: item.title } });
    });
    this.events.notify(meetingId, { type: 'meeting_changed' });
    return this.meetings.view(meetingId);
  }

  /** Checks a change of the adopted agenda before it is voted on (the same checks as when it is carried out). */
  async checkChange(manager: EntityManager, meeting: MeetingRow, change: AgendaChangeDto): Promise<void> {
    if (change.action === 'add') await this.checkNewItem(manager, meeting, change.item as NewAgendaItemDto, 'change.item');
    else await this.itemOf(manager, meeting.id, change.itemId as string, 'change.itemId');
  }

  /** Carries out an adopted change of the agenda, in the transaction of the vote that adopted it. */
  async applyChange(manager: EntityManager, meeting: MeetingRow, change: AgendaChangeDto, userId: string | null): Promise<void> {
    if (change.action === 'add') {
      const item = await this.insert(manager, meeting, change.item as NewAgendaItemDto, change.position, 'change.item');
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.agenda_item_added', targetType: 'decision_meeting', targetId: meeting.id, details: { ...item, byVote: true } });
    } else {
      const moved = await this.reposition(manager, meeting.id, change.itemId as string, change.position as number);
      await this.audit.append(manager, { workspaceId: meeting.workspace_id, actorId: userId, action: 'meeting.agenda_item_moved', targetType: 'decision_meeting', targetId: meeting.id, details: { ...moved, byVote: true } });
    }
  }

  /** The chair changes a planned or open meeting's agenda. */
  private async editable(userId: string, meetingId: string): Promise<MeetingRow> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    if (meeting.state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
    if (meeting.state === 'closed') throw problem('meeting_closed', 'the meeting is closed');
    return meeting;
  }

  /**
   * Locks the meeting for a change of its agenda by the chair: before the adoption any change; after it only an item
   * added or moved where the body's rule book gives the chair that change (an item is never removed from an adopted
   * agenda). Returns what marks a change after the adoption in the audit trail (nothing before it).
   */
  private async lockChangeable(manager: EntityManager, meeting: MeetingRow, change: 'add' | 'move' | 'remove'): Promise<{ afterAdoption?: true }> {
    const [locked] = await manager.query(`SELECT m.agenda_adopted_at, b.rules FROM decision_meetings m JOIN decision_bodies b ON b.id = m.body_id WHERE m.id = $1 FOR UPDATE OF m`, [meeting.id]);
    if (!locked.agenda_adopted_at) return {};
    if (change === 'remove' || agendaRulesOf(locked.rules as BodyRuleBook)[change] !== 'chair') throw problem('agenda_adopted', 'the meeting adopted its agenda: it changes by a vote on the change');
    return { afterAdoption: true };
  }

  private async checkNewItem(manager: EntityManager, meeting: MeetingRow, dto: NewAgendaItemDto, prefix: string): Promise<void> {
    const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
    if (dto.kind === 'resolution') {
      const [resolution] = await manager.query(`SELECT state FROM resolutions WHERE id = $1 AND body_id = $2`, [dto.resolutionId, meeting.body_id]);
      if (!resolution || !['draft', 'no_quorum'].includes(resolution.state)) throw fieldError(field('resolutionId'), 'an undecided resolution of this meeting’s body');
      const [already] = await manager.query(`SELECT 1 FROM meeting_agenda WHERE meeting_id = $1 AND resolution_id = $2`, [meeting.id, dto.resolutionId]);
      if (already) throw fieldError(field('resolutionId'), 'the resolution is on the agenda already');
    } else if (dto.kind === 'minutes') {
      const [earlier] = await manager.query(`SELECT state, minutes_approved_at FROM decision_meetings WHERE id = $1 AND body_id = $2 AND id <> $3`, [dto.minutesOf, meeting.body_id, meeting.id]);
      if (!earlier || earlier.state !== 'closed') throw fieldError(field('minutesOf'), 'a closed earlier meeting of the same body');
      if (earlier.minutes_approved_at) throw fieldError(field('minutesOf'), 'its minutes are approved already');
      const [already] = await manager.query(`SELECT 1 FROM meeting_agenda WHERE meeting_id = $1 AND minutes_of = $2`, [meeting.id, dto.minutesOf]);
      if (already) throw fieldError(field('minutesOf'), 'these minutes are on the agenda already');
    }
  }

  private async insert(manager: EntityManager, meeting: MeetingRow, dto: NewAgendaItemDto, position: number | undefined, prefix: string): Promise<Record<string, unknown>> {
    await this.checkNewItem(manager, meeting, dto, prefix);
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM meeting_agenda WHERE meeting_id = $1`, [meeting.id]);
    const at = Math.min(position ?? count + 1, count + 1);
    await manager.query(`UPDATE meeting_agenda SET position = position + 1 WHERE meeting_id = $1 AND position >= $2`, [meeting.id, at]);
    const [item] = await manager.query(
      `INSERT INTO meeting_agenda (meeting_id, kind, resolution_id, minutes_of, title, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [meeting.id, dto.kind, dto.kind === 'resolution' ? dto.resolutionId : null, dto.kind === 'minutes' ? dto.minutesOf : null, dto.kind === 'other' ? dto.title : '', at],
    );
    return { itemId: item.id, kind: dto.kind, resolutionId: dto.resolutionId ?? null, minutesOf: dto.minutesOf ?? null, title: dto.title ?? null, position: at };
  }

  private async itemOf(manager: EntityManager, meetingId: string, itemId: string, field: string): Promise<{ id: string; position: number }> {
    const [item] = await manager.query(`SELECT id, position FROM meeting_agenda WHERE id = $1 AND meeting_id = $2`, [itemId, meetingId]);
    if (!item) throw fieldError(field, 'an item of this meeting’s agenda', BadRequestException);
    return { id: item.id, position: Number(item.position) };
  }

  private async reposition(manager: EntityManager, meetingId: string, itemId: string, position: number): Promise<{ itemId: string; from: number; to: number }> {
    const item = await this.itemOf(manager, meetingId, itemId, 'itemId');
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM meeting_agenda WHERE meeting_id = $1`, [meetingId]);
    const to = Math.min(position, Number(count));
    if (to < item.position) await manager.query(`UPDATE meeting_agenda SET position = position + 1 WHERE meeting_id = $1 AND position >= $2 AND position < $3`, [meetingId, to, item.position]);
    if (to > item.position) await manager.query(`UPDATE meeting_agenda SET position = position - 1 WHERE meeting_id = $1 AND position > $2 AND position <= $3`, [meetingId, item.position, to]);
    await manager.query(`UPDATE meeting_agenda SET position = $2 WHERE id = $1`, [itemId, to]);
    return { itemId, from: item.position, to };
  }
}
