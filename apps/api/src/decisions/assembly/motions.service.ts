import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rulesFor, VOTE_CHOICES, voteRules, voteWeights } from '@commonplan/domain';
import { AuditService } from '../../audit/audit.service';
import { fieldError } from '../../platform/http/field-error';
import { problem } from '../../platform/http/problem-codes';
import { sha256Of } from '../ballots-digest';
import { BodiesService } from '../bodies.service';
import { DecisionsAccess } from '../decisions-access';
import { MeetingEventsGateway } from '../meeting-events.gateway';
import { MeetingsService, votingMember } from '../meetings.service';
import { closeVote } from '../vote-close';
import type { VoteRow } from '../vote-outcome';
import { type VoteView, VotesReader } from '../votes-reader';
import { AgendaService } from './agenda.service';
import { AmendmentsService } from './amendments.service';
import type { AgendaChangeDto, MotionKind, OpenMotionDto } from './assembly.dto';

export interface MotionRow {
  id: string;
  workspace_id: string;
  meeting_id: string;
  kind: MotionKind;
  agenda_item_id: string | null;
  amendment_id: string | null;
  change: AgendaChangeDto | null;
  created_at: string;
}

/**
 * Procedural votes of a meeting: adopting the agenda at the opening, changing the adopted agenda, approving an
 * earlier meeting's minutes, and each amendment to a resolution on the agenda. The chair opens them in an open meeting,
 * one vote at a time; they are taken under the rule book's procedural rules (the general rules unless it says
 * otherwise), with ballots, seals and verification exactly as votes on resolutions; adopted, each takes effect in the
 * same transaction (an amendment's wording goes into the text right after).
 */
@Injectable()
export class MotionsService {
  private readonly logger = new Logger('Motions');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly bodies: BodiesService,
    private readonly meetings: MeetingsService,
    private readonly reader: VotesReader,
    private readonly events: MeetingEventsGateway,
    private readonly agenda: AgendaService,
    private readonly amendments: AmendmentsService,
  ) {}

  async open(userId: string, meetingId: string, dto: OpenMotionDto): Promise<VoteView> {
    const meeting = await this.meetings.row(meetingId);
    await this.access.chair(meeting.workspace_id, userId, meeting.body_id);
    if (meeting.state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
    if (meeting.state !== 'open') throw problem('meeting_not_open', 'votes are taken in an open meeting');
    const body = await this.bodies.one(meeting.body_id);
    const effective = voteRules(rulesFor(body.rules, 'procedural'), meeting.term === 'second' ? 'second_term' : 'meeting', body.chairId);
    if (!effective.ok) throw problem(effective.reason, effective.reason === 'no_chair' ? 'the rules give the chair a casting vote: name the body’s chair first' : 'remote voting is not allowed');
    const rules = effective.rules;
    const members = body.members.map(votingMember);
    const weights = voteWeights(members, rules.weighting);
    if (!weights.ok) throw problem('vote_weights_invalid', `the members’ vote weights do not fit the rules: ${weights.problems.map((p) => p.message).join('; ')}`);
    if (dto.kind === 'amendment') {
      // Read before the transaction (the live text is the sync engine's): its passage must still be in the text.
      const amendment = await this.amendments.one(dto.amendmentId as string).catch(() => null);
      if (!amendment) throw fieldError('amendmentId', 'an amendment to a resolution on this meeting’s agenda');
      if (amendment.state === 'proposed' && !amendment.live) throw problem('passage_gone', 'nothing of the amended passage is left in the text');
    }
    const voteId = await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT agenda_adopted_at FROM decision_meetings WHERE id = $1 FOR UPDATE`, [meetingId]);
      const [open] = await manager.query(`SELECT 1 FROM votes WHERE meeting_id = $1 AND state = 'open'`, [meetingId]);
      if (open) throw problem('vote_in_progress', 'a vote is open at this meeting: close it first');
      const subject: Record<string, unknown> = {};
      if (dto.kind === 'agenda') {
        if (locked.agenda_adopted_at) throw problem('agenda_adopted', 'the meeting adopted its agenda already');
      } else if (dto.kind === 'agenda_change') {
        if (!locked.agenda_adopted_at) throw problem('agenda_not_adopted', 'the agenda is not adopted yet: the chair changes it directly');
        await this.agenda.checkChange(manager, meeting, dto.change as AgendaChangeDto);
        subject['change'] = dto.change;
      } else if (dto.kind === 'minutes') {
        const [item] = await manager.query(
          `SELECT a.id, a.minutes_of, p.minutes_approved_at FROM meeting_agenda a JOIN decision_meetings p ON p.id = a.minutes_of WHERE a.id = $1 AND a.meeting_id = $2 AND a.kind = 'minutes'`,
          [dto.agendaItemId, meetingId],
        );
        if (!item) throw fieldError('agendaItemId', 'an item of this meeting’s agenda that approves minutes');
        if (item.minutes_approved_at) throw problem('minutes_approved', 'these minutes are approved already');
        subject['minutesOf'] = item.minutes_of;
      } else {
        const amendment = await this.amendmentToVote(manager, meetingId, dto.amendmentId as string);
        subject['amendment'] = amendment;
      }
      const [motion] = await manager.query(
        `INSERT INTO meeting_motions (workspace_id, meeting_id, kind, agenda_item_id, amendment_id, change, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [meeting.workspace_id, meetingId, dto.kind, dto.kind === 'minutes' ? dto.agendaItemId : null, dto.kind === 'amendment' ? dto.amendmentId : null, dto.kind === 'agenda_change' ? JSON.stringify(dto.change) : null, userId],
      );
      const [vote] = await manager.query(
        `INSERT INTO votes (workspace_id, motion_id, meeting_id, ballot, rules, members, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [meeting.workspace_id, motion.id, meetingId, rules.ballot, JSON.stringify(rules), JSON.stringify(members), userId],
      );
      if (rules.ballot === 'secret') await manager.query(`INSERT INTO vote_secret_tallies (vote_id, choice) SELECT $1, unnest($2::text[])`, [vote.id, [...VOTE_CHOICES]]);
      if (dto.kind === 'amendment') await manager.query(`UPDATE resolution_amendments SET state = 'voting' WHERE id = $1`, [dto.amendmentId]);
      await this.audit.append(manager, {
        workspaceId: meeting.workspace_id,
        actorId: userId,
        action: 'vote.opened',
        targetType: 'decision_meeting',
        targetId: meetingId,
        details: { voteId: vote.id, motionId: motion.id, kind: dto.kind, meetingId, ballot: rules.ballot, rulesDigest: sha256Of(rules), membersDigest: sha256Of(members), ...subject },
      });
      return vote.id as string;
    });
    this.events.notify(meetingId, { type: 'vote_opened', voteId });
    return (await this.reader.one(voteId)) as VoteView;
  }

  /**
   * Closes a vote on a motion (VotesService.close passes them here) and carries out what was adopted: the agenda
   * adopted or changed, the minutes approved, the amendment adopted (the ones it conflicts with dropped) and its
   * wording put into the resolution's text.
   */
  async settle(vote: VoteRow, userId: string | null): Promise<void> {
    const motion = await this.row(vote.motion_id as string);
    const meeting = await this.meetings.row(motion.meeting_id);
    const body = await this.bodies.one(meeting.body_id);
    let adoptedAmendment: string | null = null;
    await this.dataSource.transaction(async (manager) => {
      const members = vote.members ?? body.members.map(votingMember);
      const { result } = await closeVote(manager, this.audit, vote, members, () => this.meetings.attendance(manager, meeting.id), { type: 'decision_meeting', id: meeting.id }, userId);
      if (motion.kind === 'amendment') {
        await this.amendments.settle(manager, motion.amendment_id as string, result, userId);
        if (result === 'adopted') adoptedAmendment = motion.amendment_id;
      }
      if (result !== 'adopted') return;
      if (motion.kind === 'agenda') {
        await manager.query(`UPDATE decision_meetings SET agenda_adopted_at = now() WHERE id = $1`, [meeting.id]);
      } else if (motion.kind === 'agenda_change') {
        await this.agenda.applyChange(manager, meeting, motion.change as AgendaChangeDto, userId);
      } else if (motion.kind === 'minutes') {
        await manager.query(`UPDATE decision_meetings SET minutes_approved_at = now(), minutes_approved_in = $2 WHERE id = (SELECT minutes_of FROM meeting_agenda WHERE id = $1)`, [motion.agenda_item_id, meeting.id]);
      }
    });
    if (adoptedAmendment) {
      // After the commit: the text changes as any edit does, and everyone sees it at once. A failure here leaves the
      // amendment adopted and not applied (shown so): the chair applies it again or changes the text in the editor.
      await this.amendments.apply(adoptedAmendment, userId).catch((error: unknown) => this.logger.error(`applying amendment ${adoptedAmendment} failed: ${String(error)}`));
    }
    this.events.notify(meeting.id, { type: 'vote_closed', voteId: vote.id });
    if (motion.kind === 'amendment') this.events.notify(meeting.id, { type: 'amendments_changed' });
  }

  /** The body whose members vote on a motion (for casting a ballot). */
  async bodyOf(motionId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT m.body_id FROM meeting_motions x JOIN decision_meetings m ON m.id = x.meeting_id WHERE x.id = $1`, [motionId]);
    if (!row) throw new NotFoundException('motion not found');
    return row.body_id;
  }

  /**
   * The amendment put to the vote: of a resolution on this meeting's agenda, still to be voted, ordered by the chair
   * and the next in that order, and its passage still in the text.
   */
  private async amendmentToVote(manager: EntityManager, meetingId: string, amendmentId: string): Promise<Record<string, unknown>> {
    const [amendment] = await manager.query(
      `SELECT x.id, x.number, x.state, x.vote_order, x.resolution_id, x.proposed_text FROM resolution_amendments x JOIN meeting_agenda a ON a.resolution_id = x.resolution_id AND a.meeting_id = $2 WHERE x.id = $1 FOR UPDATE OF x`,
      [amendmentId, meetingId],
    );
    if (!amendment) throw fieldError('amendmentId', 'an amendment to a resolution on this meeting’s agenda');
    if (amendment.state !== 'proposed') throw problem('amendment_state', `an amendment that is ${amendment.state} is not voted on`);
    if (amendment.vote_order === null) throw problem('amendments_not_ordered', 'the chair orders the amendments before they are voted on');
    const [earlier] = await manager.query(`SELECT number FROM resolution_amendments WHERE resolution_id = $1 AND state IN ('proposed', 'voting') AND vote_order < $2 ORDER BY vote_order LIMIT 1`, [amendment.resolution_id, amendment.vote_order]);
    if (earlier) throw problem('amendment_out_of_order', `amendment no. ${earlier.number} comes first in the order of voting`);
    const [resolution] = await manager.query(`SELECT state FROM resolutions WHERE id = $1`, [amendment.resolution_id]);
    if (!['draft', 'no_quorum'].includes(resolution.state)) throw problem('resolution_decided', `a resolution that is ${resolution.state} is not amended`);
    return { id: amendment.id, number: Number(amendment.number), resolutionId: amendment.resolution_id, proposedTextDigest: sha256Of(amendment.proposed_text) };
  }

  private async row(motionId: string): Promise<MotionRow> {
    const [row] = await this.dataSource.query(`SELECT * FROM meeting_motions WHERE id = $1`, [motionId]);
    if (!row) throw new NotFoundException('motion not found');
    return row;
  }
}

