import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { can, reportDueAt, type Role } from '@commonplan/domain';
import type { WorkspaceMember } from '../access/request-context';
import { type ApprovalTask, type BallotTask, DecisionTasks, type MeetingTask } from '../decisions/decision-tasks';
import { DocumentAccessService } from '../documents/document-access.service';

/** At most this many items of each kind are listed; `counts` gives how many there are. */
export const TASKS_PER_KIND = 20;
/** Staff see the deadlines of consultation rounds this far ahead (and those already passed). */
export const DEADLINE_HORIZON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A consultation comment waiting for the caller: to decide (assigned to them), to approve or to assign (coordinators). */
export interface CommentTask {
  commentId: string;
  number: string;
  part: string;
  roundId: string;
  roundTitle: string;
  action: 'decide' | 'approve' | 'assign';
  /** When the round's report is due (its disposition must be approved by then). */
  dueAt: Date;
}

/** An unread mention of the caller in a comment on a document they may still read. */
export interface MentionTask {
  notificationId: string;
  documentId: string;
  documentTitle: string;
  threadId: string | null;
  actor: string | null;
  excerpt: string;
  createdAt: Date;
  dueAt: null;
}

/** A consultation round's next deadline within the horizon (or already passed): opening, closing, the report. */
export interface DeadlineTask {
  roundId: string;
  roundTitle: string;
  deadline: 'opens' | 'closes' | 'report';
  dueAt: Date;
}

export const TASK_KINDS = ['ballots', 'meetings', 'approvals', 'comments', 'mentions', 'deadlines'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** GET /api/workspaces/:id/my-tasks */
export interface MyTasks {
  /** How many of each kind wait (the lists hold at most TASKS_PER_KIND of them, the most urgent first). */
  counts: Record<TaskKind, number>;
  ballots: BallotTask[];
  meetings: MeetingTask[];
  approvals: ApprovalTask[];
  comments: CommentTask[];
  mentions: MentionTask[];
  deadlines: DeadlineTask[];
}

const isStaff = (role: Role) => role === 'coordinator' || role === 'expert';

/** What waits for the caller in one workspace, from what their role lets them see and do there. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly decisions: DecisionTasks,
    private readonly documents: DocumentAccessService,
  ) {}

  async mine(userId: string, member: WorkspaceMember): Promise<MyTasks> {
    const { workspaceId, role, organisationId } = member;
    const representing = can(role, 'decisions.vote') && organisationId ? organisationId : null;
    const [ballots, meetings, approvals] = representing
      ? await Promise.all([this.decisions.ballots(workspaceId, representing), this.decisions.meetingsToAttend(workspaceId, representing), this.readable(userId, await this.decisions.approvals(workspaceId, representing))])
      : [[], [], []];
    const comments = isStaff(role) ? await this.comments(userId, workspaceId, role === 'coordinator') : { total: 0, items: [] };
    const mentions = await this.mentions(userId, workspaceId);
    const deadlines = isStaff(role) ? await this.deadlines(workspaceId, new Date()) : [];
    return {
      counts: { ballots: ballots.length, meetings: meetings.length, approvals: approvals.length, comments: comments.total, mentions: mentions.length, deadlines: deadlines.length },
      ballots: ballots.slice(0, TASKS_PER_KIND),
      meetings: meetings.slice(0, TASKS_PER_KIND),
      approvals: approvals.slice(0, TASKS_PER_KIND),
      comments: comments.items,
      mentions: mentions.slice(0, TASKS_PER_KIND),
      deadlines: deadlines.slice(0, TASKS_PER_KIND),
    };
  }

  /** Only what names a document the caller may read now (access may have been narrowed since). */
  private async readable<T extends { documentId: string }>(userId: string, items: T[]): Promise<T[]> {
    const access = new Map<string, boolean>();
    for (const id of new Set(items.map((item) => item.documentId))) access.set(id, (await this.documents.resolve(userId, id)).ok);
    return items.filter((item) => access.get(item.documentId));
  }

  private async comments(userId: string, workspaceId: string, coordinator: boolean): Promise<{ total: number; items: CommentTask[] }> {
    const rows = await this.dataSource.query(
      `SELECT c.id, c.number, c.part, c.round_id, r.title AS round_title, r.closes_at, c.assignee_id, c.disposition, count(*) OVER () AS total
       FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id
       WHERE r.workspace_id = $1 AND c.withdrawn_at IS NULL AND (
         (c.assignee_id = $2 AND c.disposition IS NULL)
         OR ($3 AND c.disposition IS NOT NULL AND c.approved_at IS NULL)
         OR ($3 AND c.assignee_id IS NULL AND c.disposition IS NULL))
       ORDER BY r.closes_at, c.number
       LIMIT ${TASKS_PER_KIND}`,
      [workspaceId, userId, coordinator],
    );
    return {
      total: rows.length ? Number(rows[0].total) : 0,
      items: rows.map((c: { id: string; number: string; part: string; round_id: string; round_title: string; closes_at: string; assignee_id: string | null; disposition: string | null }) => ({
        commentId: c.id,
        number: c.number,
        part: c.part,
        roundId: c.round_id,
        roundTitle: c.round_title,
        action: c.disposition === null ? (c.assignee_id === userId ? 'decide' : 'assign') : 'approve',
        dueAt: reportDueAt(new Date(c.closes_at)),
      })),
    };
  }

  private async mentions(userId: string, workspaceId: string): Promise<MentionTask[]> {
    const rows = await this.dataSource.query(
      `SELECT n.id, n.document_id, d.title AS document_title, n.thread_id, a.display_name AS actor_name, n.excerpt, n.created_at
       FROM notifications n JOIN documents d ON d.id = n.document_id AND d.workspace_id = n.workspace_id LEFT JOIN users a ON a.id = n.actor_id
       WHERE n.user_id = $1 AND n.workspace_id = $2 AND n.read_at IS NULL AND n.kind = 'mention'
       ORDER BY n.created_at DESC, n.id LIMIT 200`,
      [userId, workspaceId],
    );
    const mentions = rows.map((n: { id: string; document_id: string; document_title: string; thread_id: string | null; actor_name: string | null; excerpt: string; created_at: string }) => ({
      notificationId: n.id,
      documentId: n.document_id,
      documentTitle: n.document_title,
      threadId: n.thread_id,
      actor: n.actor_name,
      excerpt: n.excerpt,
      createdAt: new Date(n.created_at),
      dueAt: null,
    }));
    return this.readable(userId, mentions);
  }

  private async deadlines(workspaceId: string, now: Date): Promise<DeadlineTask[]> {
    const rounds = await this.dataSource.query(`SELECT id, title, state, opens_at, closes_at FROM consultation_rounds WHERE workspace_id = $1 AND state IN ('draft', 'announced', 'open', 'closed')`, [
      workspaceId,
    ]);
    const horizon = now.getTime() + DEADLINE_HORIZON_DAYS * DAY_MS;
    return rounds
      .map((r: { id: string; title: string; state: string; opens_at: string; closes_at: string }): DeadlineTask => {
        const deadline = r.state === 'open' ? 'closes' : r.state === 'closed' ? 'report' : 'opens';
        const dueAt = deadline === 'opens' ? new Date(r.opens_at) : deadline === 'closes' ? new Date(r.closes_at) : reportDueAt(new Date(r.closes_at));
        return { roundId: r.id, roundTitle: r.title, deadline, dueAt };
      })
      .filter((d: DeadlineTask) => d.dueAt.getTime() <= horizon)
      .sort((a: DeadlineTask, b: DeadlineTask) => a.dueAt.getTime() - b.dueAt.getTime());
  }
}
