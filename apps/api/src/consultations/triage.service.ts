import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Disposition, Role } from '@commonplan/domain';
import { MembershipLookup } from '../access/membership-lookup';
import { AuditService } from '../audit/audit.service';
import { Notifier } from '../notifications/notifier';
import { problem, type ProblemCode } from '../platform/http/problem-codes';
import { type CommentSqlRow, type ConsultationCommentView, toCommentView } from './consultation-comments.service';
import { RoundEventsGateway } from './round-events.gateway';
import { triageLink } from './round-notifications';
import type { AssignDto, BulkAction, DispositionDto, TriageBulkDto, TriageQueryDto } from './triage.dto';

/** A comment as staff see it: what the submitter sent, and the work on it. */
export interface TriageRow extends ConsultationCommentView {
  assignee: { id: string; displayName: string } | null;
  disposition: Disposition | null;
  dispositionJustification: string | null;
  dispositionBy: { id: string; displayName: string } | null;
  approved: boolean;
  /** The proposed wording as it went into the live draft, once applied. */
  applied: { text: string; at: Date } | null;
  /** Internal: never published, never shown to submitters. */
  notes: Array<{ id: string; body: string; author: string; createdAt: Date }>;
}

/** What a bulk action did: the comments changed, and those that already were so (assigned to that person, approved). */
export interface TriageBulkResult {
  action: BulkAction;
  changed: Array<{ id: string; number: string }>;
  unchanged: Array<{ id: string; number: string }>;
}

const WITHDRAWN = 'the comment was withdrawn';
const NOTHING_TO_APPROVE = 'there is no disposition to approve yet';

/** The statements of the changes, shared by single and bulk actions ($1 the comment). */
const ASSIGN_SQL = `UPDATE consultation_comments SET assignee_id = $2 WHERE id = $1`;
const APPROVE_SQL = `UPDATE consultation_comments SET approved_by = $2, approved_at = now() WHERE id = $1`;

const SORTS: Record<string, string> = {
  number: 'c.number',
  part: 'c.part, c.number',
  submitter: 'c.submitter_type, c.submitter_name, c.number',
  disposition: "COALESCE(c.disposition, '') , c.number",
};

/** Staff's work on a round's comments: filter and search, assign to experts, decide with a justification, approve. */
@Injectable()
export class TriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly memberships: MembershipLookup,
    private readonly events: RoundEventsGateway,
    private readonly notifier: Notifier,
  ) {}

  /** The triage table (coordinators and experts of the round's workspace). */
  async table(userId: string, roundId: string, query: TriageQueryDto): Promise<TriageRow[]> {
    const [round] = await this.dataSource.query(`SELECT workspace_id FROM consultation_rounds WHERE id = $1`, [roundId]);
    if (!round) throw new NotFoundException('consultation round not found');
    await this.staff(userId, round.workspace_id);
    const where: string[] = ['c.round_id = $1'];
    const params: unknown[] = [roundId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.part) add(`c.part ILIKE '%' || ? || '%'`, escapeLike(query.part));
    if (query.submitterType) add('c.submitter_type = ?', query.submitterType);
    if (query.disposition === 'none') where.push('c.disposition IS NULL');
    else if (query.disposition) add('c.disposition = ?', query.disposition);
    if (query.assigneeId === 'none') where.push('c.assignee_id IS NULL');
    else if (query.assigneeId) add('c.assignee_id = ?', query.assigneeId);
    if (query.q?.trim()) {
      add(
        `(c.number || ' ' || c.part || ' ' || c.current_wording || ' ' || c.proposed_wording || ' ' || c.justification || ' ' || c.submitter_name || ' ' || COALESCE(c.disposition_justification, '')) ILIKE '%' || ? || '%'`,
        escapeLike(query.q.trim()),
      );
    }
    const rows = await this.dataSource.query(
      `SELECT c.*, a.display_name AS assignee_name, d.display_name AS disposition_by_name
       FROM consultation_comments c LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN users d ON d.id = c.disposition_by
       WHERE ${where.join(' AND ')} ORDER BY ${SORTS[query.sort ?? 'number']}`,
      params,
    );
    const notes = rows.length
      ? await this.dataSource.query(
          `SELECT n.id, n.comment_id, n.body, n.created_at, u.display_name FROM consultation_comment_notes n LEFT JOIN users u ON u.id = n.author_id
           WHERE n.comment_id = ANY($1::uuid[]) ORDER BY n.created_at`,
          [rows.map((r: { id: string }) => r.id)],
        )
      : [];
    return (rows as TriageSqlRow[]).map((c) => ({
      ...toCommentView(c),
      assignee: c.assignee_id ? { id: c.assignee_id, displayName: c.assignee_name ?? '' } : null,
      disposition: c.disposition,
      dispositionJustification: c.disposition_justification,
      dispositionBy: c.disposition_by ? { id: c.disposition_by, displayName: c.disposition_by_name ?? '' } : null,
      approved: c.approved_at !== null,
      applied: c.applied_at ? { text: c.applied_text ?? '', at: new Date(c.applied_at) } : null,
      notes: notes
        .filter((n: { comment_id: string }) => n.comment_id === c.id)
        .map((n: { id: string; body: string; display_name: string | null; created_at: string }) => ({ id: n.id, body: n.body, author: n.display_name ?? '', createdAt: new Date(n.created_at) })),
    }));
  }

  /** Assigns a comment to an expert (or coordinator) of the workspace, or unassigns it (coordinators). */
  async assign(userId: string, commentId: string, dto: AssignDto): Promise<void> {
    const comment = await this.comment(commentId);
    await this.coordinator(userId, comment.workspace_id);
    await this.assertAssignee(comment.workspace_id, dto.assigneeId);
    await this.change(comment, userId, 'consultation.comment_assigned', { assigneeId: dto.assigneeId }, ASSIGN_SQL, [dto.assigneeId], async (manager) => {
      if (dto.assigneeId && dto.assigneeId !== comment.assignee_id) await this.assigned(manager, comment, dto.assigneeId, [comment], userId);
    });
  }

  /**
   * Records the disposition and its justification: a coordinator, or the expert the comment is assigned to, drafts
   * it; any change needs a coordinator's approval again. Not on withdrawn comments. After the report is published a
   * change goes into the next edition, never into a published one.
   */
  async decide(userId: string, commentId: string, dto: DispositionDto): Promise<void> {
    const comment = await this.comment(commentId);
    const role = await this.staff(userId, comment.workspace_id);
    if (role !== 'coordinator' && comment.assignee_id !== userId) throw new ForbiddenException('only coordinators and the expert the comment is assigned to decide on it');
    await this.change(
      comment,
      userId,
      'consultation.comment_decided',
      { disposition: dto.disposition },
      `UPDATE consultation_comments SET disposition = $2, disposition_justification = $3, disposition_by = $4, disposition_at = now(), approved_by = NULL, approved_at = NULL WHERE id = $1`,
      [dto.disposition, dto.justification, userId],
      (manager) => this.toApprove(manager, comment, dto.disposition, userId),
    );
  }

  /** A coordinator approves the drafted disposition. */
  async approve(userId: string, commentId: string): Promise<void> {
    const comment = await this.comment(commentId);
    await this.coordinator(userId, comment.workspace_id);
    if (!comment.disposition) throw problem('nothing_to_approve', NOTHING_TO_APPROVE);
    await this.change(comment, userId, 'consultation.comment_approved', { disposition: comment.disposition }, APPROVE_SQL, [userId]);
  }

  /**
   * One action on many comments of the round (coordinators), all or nothing in one transaction: every id must name a
   * comment of this round (404 naming commentIds otherwise), and when any of them cannot take the action (withdrawn;
   * no disposition to approve) nothing changes and the 409 lists each such comment with its reason. Comments that
   * already are so (assigned to that person, approved) are left as they are and reported as unchanged; each change is
   * audited as the single action is.
   */
  async bulk(userId: string, roundId: string, dto: TriageBulkDto): Promise<TriageBulkResult> {
    const [round] = await this.dataSource.query(`SELECT workspace_id FROM consultation_rounds WHERE id = $1`, [roundId]);
    if (!round) throw new NotFoundException('consultation round not found');
    await this.coordinator(userId, round.workspace_id);
    const assigneeId = dto.assigneeId ?? null;
    if (dto.action === 'assign') await this.assertAssignee(round.workspace_id, assigneeId);
    const result: TriageBulkResult = { action: dto.action, changed: [], unchanged: [] };
    await this.dataSource.transaction(async (manager) => {
      const assigned: CommentRow[] = [];
      const comments: Array<CommentRow & { approved_at: string | null }> = await manager.query(
        `SELECT c.id, c.number, c.round_id, c.assignee_id, c.disposition, c.withdrawn_at, c.approved_at, r.workspace_id, r.state
         FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id
         WHERE c.id = ANY($1::uuid[]) AND c.round_id = $2 ORDER BY c.number FOR UPDATE OF c`,
        [dto.commentIds, roundId],
      );
      const found = new Set(comments.map((c) => c.id));
      const missing = dto.commentIds.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new NotFoundException({ message: `commentIds: ${missing.length} of the ids name no comment of this round`, errors: [{ field: 'commentIds', message: `no comment of this round: ${missing.join(', ')}` }] });
      }
      const refused = comments.flatMap((c) => {
        const reason = c.withdrawn_at ? WITHDRAWN : dto.action === 'approve' && !c.disposition ? NOTHING_TO_APPROVE : null;
        return reason ? [{ id: c.id, number: c.number, reason }] : [];
      });
      if (refused.length > 0) {
        throw new ConflictException({
          code: 'triage_bulk_refused' satisfies ProblemCode,
          message: `nothing was changed: ${refused.length} of the comments cannot be ${dto.action === 'assign' ? 'assigned' : 'approved'} (${refused.map((c) => `${c.number}: ${c.reason}`).join('; ')})`,
          comments: refused,
        });
      }
      for (const comment of comments) {
        const done = dto.action === 'assign' ? comment.assignee_id === assigneeId : comment.approved_at !== null;
        if (done) {
          result.unchanged.push({ id: comment.id, number: comment.number });
          continue;
        }
        if (dto.action === 'assign') {
          await this.write(manager, comment, userId, 'consultation.comment_assigned', { assigneeId, bulk: true }, ASSIGN_SQL, [assigneeId]);
          assigned.push(comment);
        } else await this.write(manager, comment, userId, 'consultation.comment_approved', { disposition: comment.disposition, bulk: true }, APPROVE_SQL, [userId]);
        result.changed.push({ id: comment.id, number: comment.number });
      }
      // One notification for the batch: the assignee hears once of every comment the action gave them.
      if (assigneeId && assigned.length > 0) await this.assigned(manager, assigned[0], assigneeId, assigned, userId);
    });
    if (result.changed.length > 0) this.events.notify(roundId, { type: 'triage_changed' });
    return result;
  }

  async addNote(userId: string, commentId: string, body: string): Promise<void> {
    const comment = await this.comment(commentId);
    await this.staff(userId, comment.workspace_id);
    await this.dataSource.query(`INSERT INTO consultation_comment_notes (comment_id, author_id, body) VALUES ($1, $2, $3)`, [commentId, userId, body]);
    this.events.notify(comment.round_id, { type: 'triage_changed', commentId });
  }

  private async change(
    comment: CommentRow,
    userId: string,
    action: string,
    details: Record<string, unknown>,
    sql: string,
    params: unknown[],
    notify?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    if (comment.withdrawn_at) throw problem('comment_withdrawn', WITHDRAWN);
    // Once the report is published its editions are frozen (consultation_reports); decisions stay editable, and a
    // change reaches the public only when a coordinator publishes it as the next edition (report/report.service.ts).
    await this.dataSource.transaction(async (manager) => {
      await this.write(manager, comment, userId, action, details, sql, params);
      await notify?.(manager);
    });
    this.events.notify(comment.round_id, { type: 'triage_changed', commentId: comment.id });
  }

  /** One change to a comment ($1 in `sql`) and its audit entry, in the caller's transaction. */
  private async write(manager: EntityManager, comment: CommentRow, userId: string, action: string, details: Record<string, unknown>, sql: string, params: unknown[]): Promise<void> {
    await manager.query(sql, [comment.id, ...params]);
    await this.audit.append(manager, { workspaceId: comment.workspace_id, actorId: userId, action, targetType: 'consultation_round', targetId: comment.round_id, details: { commentId: comment.id, number: comment.number, ...details } });
  }

  /**
   * Tells the person comments were assigned to (comment_assigned), in the transaction of the assignment: one
   * notification per action, naming every comment it gave them (`number`: the numbers, comma-separated), so a bulk
   * assignment of fifty comments is one e-mail, not fifty. Nobody is told of their own assignment (the Notifier drops
   * the actor).
   */
  private async assigned(manager: EntityManager, first: CommentRow, assigneeId: string, comments: CommentRow[], actorId: string): Promise<void> {
    const [names] = await manager.query(`SELECT u.display_name, r.title FROM users u, consultation_rounds r WHERE u.id = $1 AND r.id = $2`, [actorId, first.round_id]);
    const [{ at }] = await manager.query(`SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS at`);
    await this.notifier.notify(manager, {
      kind: 'comment_assigned',
      workspaceId: first.workspace_id,
      key: comments.length === 1 ? `comment_assigned:${first.id}:${assigneeId}:${at}` : `comment_assigned:${first.round_id}:${assigneeId}:${at}`,
      recipients: [assigneeId],
      actorId,
      link: triageLink(first.workspace_id, first.round_id),
      params: { actor: names?.display_name ?? '', round: names?.title ?? '', number: comments.map((c) => c.number).join(', ') },
    });
  }

  /**
   * A disposition recorded or changed needs a coordinator's approval (again): the workspace's coordinators hear of it
   * (disposition_to_approve), except the one who recorded it.
   */
  private async toApprove(manager: EntityManager, comment: CommentRow, disposition: Disposition, actorId: string): Promise<void> {
    const [row] = await manager.query(
      `SELECT u.display_name, r.title, (extract(epoch FROM c.disposition_at) * 1000000)::bigint::text AS at
       FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id, users u WHERE c.id = $1 AND u.id = $2`,
      [comment.id, actorId],
    );
    const coordinators: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'coordinator' AND active`, [comment.workspace_id]);
    await this.notifier.notify(manager, {
      kind: 'disposition_to_approve',
      workspaceId: comment.workspace_id,
      key: `disposition_to_approve:${comment.id}:${row.at}`,
      recipients: coordinators.map((c) => c.user_id),
      actorId,
      link: triageLink(comment.workspace_id, comment.round_id),
      params: { actor: row.display_name, round: row.title, number: comment.number, disposition },
    });
  }

  /** Comments are assigned to experts and coordinators of the workspace (or to nobody): a 400 naming assigneeId otherwise. */
  private async assertAssignee(workspaceId: string, assigneeId: string | null): Promise<void> {
    if (!assigneeId) return;
    const assignee = await this.memberships.activeMember(workspaceId, assigneeId);
    if (!assignee || (assignee.role !== 'expert' && assignee.role !== 'coordinator')) {
      throw new BadRequestException({ message: 'assigneeId: comments are assigned to experts or coordinators of this workspace', errors: [{ field: 'assigneeId', message: 'must be an expert or coordinator of this workspace' }] });
    }
  }

  private async comment(commentId: string): Promise<CommentRow> {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.number, c.round_id, c.assignee_id, c.disposition, c.withdrawn_at, r.workspace_id, r.state
       FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id WHERE c.id = $1`,
      [commentId],
    );
    if (!row) throw new NotFoundException('comment not found');
    return row;
  }

  private async staff(userId: string, workspaceId: string): Promise<Role> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member) throw new ForbiddenException('you are not a member of the workspace of this round');
    if (member.role !== 'coordinator' && member.role !== 'expert') throw new ForbiddenException('only coordinators and experts work on the comments');
    return member.role;
  }

  private async coordinator(userId: string, workspaceId: string): Promise<void> {
    if ((await this.staff(userId, workspaceId)) !== 'coordinator') throw new ForbiddenException('only coordinators do this');
  }
}

interface TriageSqlRow extends CommentSqlRow {
  assignee_id: string | null;
  assignee_name: string | null;
  disposition: Disposition | null;
  disposition_justification: string | null;
  disposition_by: string | null;
  disposition_by_name: string | null;
  approved_at: string | null;
  applied_text: string | null;
  applied_at: string | null;
}

interface CommentRow {
  id: string;
  number: string;
  round_id: string;
  assignee_id: string | null;
  disposition: Disposition | null;
  withdrawn_at: string | null;
  workspace_id: string;
  state: string;
}

/** A LIKE pattern matching the text literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
