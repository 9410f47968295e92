import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { acceptsComments, can, commentNumber, quoted, type Role, type RoundAudience, type RoundChannel, type RoundState } from '@commonplan/domain';
import { MembershipLookup } from '../access/membership-lookup';
import { AuditService } from '../audit/audit.service';
import { Notifier } from '../notifications/notifier';
import { AppConfig } from '../platform/config/app-config';
import { TooManyRequestsException } from '../platform/http/too-many-requests';
import type { RateCounter } from '../platform/rate-limit';
import { RateLimits } from '../platform/rate-limits';
import { warsawDateTime, warsawYear } from '../platform/warsaw-time';
import { TokenService } from '../platform/security/tokens';
import type { CommentContentDto, PublicCommentDto, StaffCommentDto } from './comment.dto';
import { fieldError } from '../platform/http/field-error';
import { problem } from '../platform/http/problem-codes';
import { RoundEventsGateway } from './round-events.gateway';

export interface CommentReceipt {
  id: string;
  number: string;
  roundTitle: string;
  submittedAt: Date;
  /** Only for a comment sent without signing in: the secret that edits or withdraws it until the close. */
  editSecret?: string;
}

export interface ConsultationCommentView {
  id: string;
  number: string;
  part: string;
  passage: { from: number; to: number } | null;
  currentWording: string;
  proposedWording: string;
  justification: string;
  submitter: { kind: string; name: string; type: string };
  channel: RoundChannel;
  withdrawn: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A comment as its sender reads it (on the public routes with the receipt's secret, or signed in): the content as sent,
 * whether it was withdrawn and whether it can still change. Built field by field by toOwnCommentView, so nothing staff
 * add to a comment (assignee, disposition in progress, internal notes) or keep about its sender (e-mail address,
 * account, who entered it) reaches the sender's view unless it is added here on purpose.
 */
export interface OwnCommentView {
  id: string;
  number: string;
  roundId: string;
  part: string;
  passage: { from: number; to: number } | null;
  currentWording: string;
  proposedWording: string;
  justification: string;
  submitter: { kind: string; name: string; type: string };
  channel: RoundChannel;
  withdrawn: boolean;
  /** Not withdrawn, and the round still takes comments. */
  editable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface RoundRow {
  id: string;
  workspace_id: string;
  title: string;
  state: RoundState;
  closes_at: string;
  audiences: RoundAudience[];
  channels: RoundChannel[];
}

/** The submitter type of a signed-in person, and which audience they belong to. */
const SIGNED_IN: Partial<Record<Role, { audience: RoundAudience; type: 'member_jst' | 'partner_organisation' }>> = {
  representative: { audience: 'members', type: 'member_jst' },
  partner: { audience: 'partners', type: 'partner_organisation' },
};

const closedError = () => problem('round_not_accepting_comments', 'the consultation does not accept comments now: it is not open, or its closing time has passed');

/** Comments in consultation rounds: from the public form, from signed-in members and partners, and entered by staff. */
@Injectable()
export class ConsultationCommentsService {
  private readonly perIp: RateCounter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
    private readonly memberships: MembershipLookup,
    private readonly events: RoundEventsGateway,
    limits: RateLimits,
  ) {
    this.perIp = limits.counter('public-comment-ip', config.publicComments.perIp, config.publicComments.windowMs);
  }

  /**
   * A comment from anyone with the link to a public round. Per address at most PUBLIC_COMMENTS_PER_IP per window, so
   * a flood from one source never blocks others; a filled honeypot field is accepted in silence and stored nowhere.
   */
  async submitPublic(roundId: string, dto: PublicCommentDto, ip: string): Promise<CommentReceipt | { accepted: true }> {
    const wait = await this.perIp.hit(ip);
    if (wait > 0) throw new TooManyRequestsException(`too many comments from this address; try again in ${wait} s`, wait);
    const round = await this.openRound(roundId);
    if (!round.audiences.includes('public') || !round.channels.includes('online_form')) {
      throw new ForbiddenException('this consultation does not take comments from the public form');
    }
    if (dto.website?.trim()) return { accepted: true };
    const secret = this.tokens.issue();
    const receipt = await this.store(round, dto, { ...dto.submitter, email: dto.email ?? null, userId: null, organisationId: null, channel: 'online_form', enteredBy: null, secretHash: secret.hash }, null, secret.token);
    return { ...receipt, editSecret: secret.token };
  }

  /** A comment of a signed-in member representative or partner, in their own name (their organisation's). */
  async submitSignedIn(userId: string, roundId: string, dto: CommentContentDto): Promise<CommentReceipt> {
    const round = await this.openRound(roundId);
    const [person] = await this.dataSource.query(
      `SELECT u.display_name, u.email, m.role, o.id AS organisation_id, o.name AS organisation_name
       FROM users u JOIN memberships m ON m.user_id = u.id AND m.workspace_id = $2 AND m.active
       LEFT JOIN organisations o ON o.id = m.organisation_id
       WHERE u.id = $1`,
      [userId, round.workspace_id],
    );
    if (!person) throw new ForbiddenException('you are not a member of the workspace of this round');
    const as = SIGNED_IN[person.role as Role];
    if (!as || !round.audiences.includes(as.audience)) throw new ForbiddenException('this consultation does not ask your organisation; staff enter comments on behalf of others');
    const submitter = person.organisation_name
      ? { kind: 'institution', name: person.organisation_name as string, type: as.type }
      : { kind: 'person', name: person.display_name as string, type: as.type };
    return this.store(round, dto, { ...submitter, email: person.email, userId, organisationId: person.organisation_id, channel: 'online_form', enteredBy: null, secretHash: null }, userId);
  }

  /** Staff enter a comment that came another way (e-mail, post, an oral protocol, ePUAP) on its submitter's behalf. */
  async enterForSubmitter(userId: string, roundId: string, dto: StaffCommentDto): Promise<CommentReceipt> {
    const round = await this.openRound(roundId);
    await this.requireStaff(userId, round.workspace_id);
    if (!round.channels.includes(dto.channel)) throw problem('round_channel_not_taken', `this consultation does not take comments by ${dto.channel}`);
    if (dto.meetingId) {
      if (dto.channel !== 'oral_protocol') throw fieldError('meetingId', 'only a comment made orally (channel oral_protocol) names the meeting it was made at');
      const [meeting] = await this.dataSource.query(`SELECT id FROM consultation_meetings WHERE id = $1 AND round_id = $2`, [dto.meetingId, round.id]);
      if (!meeting) throw fieldError('meetingId', 'no meeting of this consultation has this id', NotFoundException);
    }
    return this.store(
      round,
      dto,
      { ...dto.submitter, email: dto.email ?? null, userId: null, organisationId: null, channel: dto.channel, enteredBy: userId, secretHash: null, meetingId: dto.meetingId ?? null },
      userId,
    );
  }

  /** Changes a comment before the close: with its receipt's secret, or as the signed-in person who sent it. */
  async edit(commentId: string, dto: CommentContentDto, who: { secret?: string; userId?: string }): Promise<OwnCommentView> {
    const { round, comment } = await this.ownComment(commentId, who);
    await this.dataSource.query(
      `UPDATE consultation_comments SET part = $2, passage_from = $3, passage_to = $4, current_wording = $5, proposed_wording = $6, justification = $7, updated_at = now() WHERE id = $1`,
      [comment.id, dto.part, dto.passage?.from ?? null, dto.passage?.to ?? null, dto.currentWording ?? '', dto.proposedWording ?? '', dto.justification],
    );
    await this.audit.record({ workspaceId: round.workspace_id, actorId: who.userId ?? null, action: 'consultation.comment_edited', targetType: 'consultation_round', targetId: round.id, details: { commentId, number: comment.number } });
    this.events.notify(round.id, { type: 'comment_changed', commentId });
    return this.ownView(commentId);
  }

  /** A comment as its submitter sees it: with its receipt's secret, or as the signed-in person who sent it; also after the close. */
  async readOwn(commentId: string, who: { secret?: string; userId?: string }): Promise<OwnCommentView> {
    const comment = await this.identify(commentId, who);
    return this.ownView(comment.id);
  }

  /** Withdraws a comment before the close (it stays numbered, marked withdrawn, out of the report's counts). */
  async withdraw(commentId: string, who: { secret?: string; userId?: string }): Promise<OwnCommentView> {
    const { round, comment } = await this.ownComment(commentId, who);
    await this.dataSource.query(`UPDATE consultation_comments SET withdrawn_at = now(), updated_at = now() WHERE id = $1`, [comment.id]);
    await this.audit.record({ workspaceId: round.workspace_id, actorId: who.userId ?? null, action: 'consultation.comment_withdrawn', targetType: 'consultation_round', targetId: round.id, details: { commentId, number: comment.number } });
    this.events.notify(round.id, { type: 'comment_changed', commentId });
    return this.ownView(commentId);
  }

  /** Every comment of a round, for the workspace's staff (coordinators and experts); e-mail addresses are left out. */
  async list(userId: string, roundId: string): Promise<ConsultationCommentView[]> {
    const [round] = await this.dataSource.query(`SELECT workspace_id FROM consultation_rounds WHERE id = $1`, [roundId]);
    if (!round) throw new NotFoundException('consultation round not found');
    const member = await this.memberships.activeMember(round.workspace_id, userId);
    if (!member) throw new ForbiddenException('you are not a member of the workspace of this round');
    // Others than staff see only their own comments until the report is published.
    const staff = member.role === 'coordinator' || member.role === 'expert';
    const rows = await this.dataSource.query(
      `SELECT * FROM consultation_comments WHERE round_id = $1 AND ($2::uuid IS NULL OR user_id = $2) ORDER BY created_at, number`,
      [roundId, staff ? null : userId],
    );
    return rows.map(toCommentView);
  }

  private async openRound(roundId: string): Promise<RoundRow> {
    const [round] = await this.dataSource.query(
      `SELECT id, workspace_id, title, state, closes_at, array_to_json(audiences) AS audiences, array_to_json(channels) AS channels FROM consultation_rounds WHERE id = $1`,
      [roundId],
    );
    if (!round) throw new NotFoundException('consultation round not found');
    if (!acceptsComments(round.state, new Date(), new Date(round.closes_at))) throw closedError();
    return round;
  }

  private async requireStaff(userId: string, workspaceId: string): Promise<void> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member || !can(member.role, 'consultations.manage')) throw new ForbiddenException('only coordinators enter comments on behalf of others');
  }

  /** The comment, when `who` sent it (its receipt's secret, or the signed-in sender). */
  private async identify(commentId: string, who: { secret?: string; userId?: string }) {
    const [comment] = await this.dataSource.query(`SELECT id, round_id, number, user_id, edit_secret_hash, withdrawn_at FROM consultation_comments WHERE id = $1`, [commentId]);
    if (!comment) throw new NotFoundException('comment not found');
    const bySecret = who.secret && TokenService.isWellFormed(who.secret) && comment.edit_secret_hash && TokenService.equal(this.tokens.hash(who.secret), comment.edit_secret_hash);
    const byUser = who.userId && comment.user_id === who.userId;
    // The same answer for a wrong secret and a missing comment: the id alone tells nothing.
    if (!bySecret && !byUser) throw new NotFoundException('comment not found');
    return comment as { id: string; round_id: string; number: string; user_id: string | null; withdrawn_at: string | null };
  }

  private async ownComment(commentId: string, who: { secret?: string; userId?: string }) {
    const comment = await this.identify(commentId, who);
    if (comment.withdrawn_at) throw problem('comment_withdrawn', 'the comment was withdrawn');
    const round = await this.openRound(comment.round_id);
    return { round, comment };
  }

  private async store(
    round: RoundRow,
    content: CommentContentDto,
    from: {
      kind: string;
      name: string;
      type: string;
      email: string | null;
      userId: string | null;
      organisationId: string | null;
      channel: RoundChannel;
      enteredBy: string | null;
      secretHash: string | null;
      meetingId?: string | null;
    },
    actorId: string | null,
    editSecret?: string,
  ): Promise<CommentReceipt> {
    if (content.passage && content.passage.to <= content.passage.from) {
      throw fieldError('passage.to', 'must be after from');
    }
    const submittedAt = new Date();
    const { id, number, storedAt } = await this.dataSource.transaction(async (manager) => {
      const number = await this.nextNumber(manager, round.workspace_id, warsawYear(submittedAt));
      const [row] = await manager.query(
        `INSERT INTO consultation_comments (round_id, number, part, passage_from, passage_to, current_wording, proposed_wording, justification,
           submitter_kind, submitter_name, submitter_type, email, user_id, organisation_id, channel, entered_by, edit_secret_hash, meeting_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id, created_at`,
        [
          round.id,
          number,
          content.part,
          content.passage?.from ?? null,
          content.passage?.to ?? null,
          content.currentWording ?? '',
          content.proposedWording ?? '',
          content.justification,
          from.kind,
          from.name,
          from.type,
          from.email,
          from.userId,
          from.organisationId,
          from.channel,
          from.enteredBy,
          from.secretHash,
          from.meetingId ?? null,
        ],
      );
      // The audit trail names the comment by its number; who sent it stays in the comment, not in the chain.
      await this.audit.append(manager, {
        workspaceId: round.workspace_id,
        actorId,
        action: 'consultation.comment_submitted',
        targetType: 'consultation_round',
        targetId: round.id,
        details: { commentId: row.id, number, channel: from.channel },
      });
      const id = row.id as string;
      const storedAt = new Date(row.created_at);
      // The receipt is queued with the comment (the outbox sends it after the commit, with retries): transactional
      // mail, so without an unsubscribe link. A mail server's trouble never undoes a comment.
      if (from.email) {
        await this.notifier.queue(manager, [
          {
            eventKey: `receipt:${id}`,
            address: from.email,
            userId: from.userId,
            workspaceId: round.workspace_id,
            kind: 'receipt',
            subject: `Potwierdzenie złożenia uwagi ${number}`,
            body:
              `Dziękujemy. Uwaga nr ${number} do konsultacji ${quoted(round.title)} wpłynęła ${warsawDateTime(storedAt)}.\n` +
              `Część dokumentu: ${content.part}\n\nOdpowiedź na każdą uwagę znajdzie się w sprawozdaniu z konsultacji.\n` +
              (editSecret ? `\nDo czasu zamknięcia konsultacji możesz zmienić lub wycofać uwagę: ${ownCommentLink(this.config.publicUrl, round.id, id, editSecret)}\n` : ''),
            headers: {},
            calendar: null,
          },
        ]);
      }
      return { id, number, storedAt };
    });
    this.events.notify(round.id, { type: 'comment_submitted', commentId: id });
    return { id, number, roundTitle: round.title, submittedAt: storedAt }; // the time on record, as in the e-mail
  }

  /** The next number in the workspace's series for the year, taken atomically. */
  private async nextNumber(manager: EntityManager, workspaceId: string, year: number): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO consultation_counters (workspace_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (workspace_id, year) DO UPDATE SET last = consultation_counters.last + 1 RETURNING last`,
      [workspaceId, year],
    );
    return commentNumber(year, Number(row.last));
  }

  /** The sender's view of one comment, with whether it can still change (also after the close, when it cannot). */
  private async ownView(commentId: string): Promise<OwnCommentView> {
    const [row] = await this.dataSource.query(
      `SELECT c.*, r.state AS round_state, r.closes_at AS round_closes_at FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id WHERE c.id = $1`,
      [commentId],
    );
    const editable = row.withdrawn_at === null && acceptsComments(row.round_state, new Date(), new Date(row.round_closes_at));
    return toOwnCommentView(row, editable);
  }
}

/** The page where a public comment's sender reads, edits or withdraws it; the secret rides in the fragment, which never reaches a server's log. */
export function ownCommentLink(publicUrl: string, roundId: string, commentId: string, secret: string): string {
  return `${publicUrl}/consultations/${roundId}/comments/${commentId}#kod=${encodeURIComponent(secret)}`;
}

/** A stored comment as the API shows it: never its e-mail address, edit secret or internal fields. */
export function toCommentView(c: CommentSqlRow): ConsultationCommentView {
  return {
    id: c.id,
    number: c.number,
    part: c.part,
    passage: c.passage_from === null || c.passage_to === null ? null : { from: c.passage_from, to: c.passage_to },
    currentWording: c.current_wording,
    proposedWording: c.proposed_wording,
    justification: c.justification,
    submitter: { kind: c.submitter_kind, name: c.submitter_name, type: c.submitter_type },
    channel: c.channel,
    withdrawn: c.withdrawn_at !== null,
    createdAt: new Date(c.created_at),
    updatedAt: new Date(c.updated_at),
  };
}

/** A stored comment as its sender sees it: picked field by field (see OwnCommentView). */
export function toOwnCommentView(c: CommentSqlRow & { round_id: string }, editable: boolean): OwnCommentView {
  return {
    id: c.id,
    number: c.number,
    roundId: c.round_id,
    part: c.part,
    passage: c.passage_from === null || c.passage_to === null ? null : { from: c.passage_from, to: c.passage_to },
    currentWording: c.current_wording,
    proposedWording: c.proposed_wording,
    justification: c.justification,
    submitter: { kind: c.submitter_kind, name: c.submitter_name, type: c.submitter_type },
    channel: c.channel,
    withdrawn: c.withdrawn_at !== null,
    editable,
    createdAt: new Date(c.created_at),
    updatedAt: new Date(c.updated_at),
  };
}

/** The columns of consultation_comments that views are made of. */
export interface CommentSqlRow {
  id: string;
  number: string;
  part: string;
  passage_from: number | null;
  passage_to: number | null;
  current_wording: string;
  proposed_wording: string;
  justification: string;
  submitter_kind: string;
  submitter_name: string;
  submitter_type: string;
  channel: RoundChannel;
  withdrawn_at: string | null;
  created_at: string;
  updated_at: string;
}
