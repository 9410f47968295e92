import { Injectable, NotFoundException } from '@nestjs/common';
import type { NotificationCategory, NotificationKind } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { InboxEvents } from '../platform/events';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  category: NotificationCategory;
  actor: { id: string; displayName: string } | null;
  document: { id: string; title: string } | null;
  threadId: string | null;
  link: string;
  params: Record<string, string | number | boolean | null>;
  excerpt: string;
  createdAt: Date;
  read: boolean;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  category: NotificationCategory;
  actor_id: string | null;
  actor_name: string | null;
  document_id: string | null;
  document_title: string | null;
  thread_id: string | null;
  link: string;
  params: Record<string, string | number | boolean | null>;
  excerpt: string;
  created_at: string;
  read_at: string | null;
}

/** A person's inbox in a workspace: every notification, whatever they chose for e-mail. */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxEvents,
  ) {}

  /** The newest notifications (at most 100, optionally of one kind), how many are unread, and the counts by kind. */
  async list(userId: string, workspaceId: string, kind: NotificationKind | null = null): Promise<{ unread: number; items: NotificationView[]; kinds: Array<{ kind: NotificationKind; total: number; unread: number }> }> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.category, n.actor_id, n.document_id, n.thread_id, n.link, n.params, n.excerpt, n.created_at, n.read_at,
              a.display_name AS actor_name, d.title AS document_title
       FROM notifications n
       LEFT JOIN users a ON a.id = n.actor_id
       LEFT JOIN documents d ON d.id = n.document_id
       WHERE n.user_id = $1 AND n.workspace_id = $2 AND ($3::text IS NULL OR n.kind = $3)
       ORDER BY n.created_at DESC, n.id LIMIT 100`,
      [userId, workspaceId, kind],
    );
    const kinds: Array<{ kind: NotificationKind; total: number; unread: number }> = await this.dataSource.query(
      `SELECT kind, count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
       FROM notifications WHERE user_id = $1 AND workspace_id = $2 GROUP BY kind ORDER BY kind`,
      [userId, workspaceId],
    );
    return {
      unread: kinds.reduce((sum, k) => sum + k.unread, 0),
      kinds,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        category: r.category,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        document: r.document_id ? { id: r.document_id, title: r.document_title ?? '' } : null,
        threadId: r.thread_id,
        link: r.link,
        params: r.params ?? {},
        excerpt: r.excerpt,
        createdAt: new Date(r.created_at),
        read: r.read_at !== null,
      })),
    };
  }

  /** Marks one of the caller's notifications read; someone else's is not found. */
  async markRead(userId: string, notificationId: string): Promise<void> {
    // As a SELECT, so that the driver returns the rows (an UPDATE answers with [rows, count]).
    const rows = await this.dataSource.query(
      `WITH marked AS (UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING workspace_id) SELECT workspace_id FROM marked`,
      [notificationId, userId],
    );
    if (rows.length === 0) throw new NotFoundException('notification not found');
    this.inbox.publish({ userId, workspaceId: rows[0].workspace_id });
  }

  /** Marks all of the caller's notifications in the workspace read (optionally of one kind). */
  async markAllRead(userId: string, workspaceId: string, kind: NotificationKind | null = null): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND workspace_id = $2 AND read_at IS NULL AND ($3::text IS NULL OR kind = $3)`, [
      userId,
      workspaceId,
      kind,
    ]);
    this.inbox.publish({ userId, workspaceId });
  }
}
