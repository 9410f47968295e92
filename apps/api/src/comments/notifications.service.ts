import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface NotificationView {
  id: string;
  kind: 'mention';
  actor: { id: string; displayName: string } | null;
  document: { id: string; title: string } | null;
  threadId: string | null;
  excerpt: string;
  createdAt: Date;
  read: boolean;
}

interface NotificationRow {
  id: string;
  kind: 'mention';
  actor_id: string | null;
  actor_name: string | null;
  document_id: string | null;
  document_title: string | null;
  thread_id: string | null;
  excerpt: string;
  created_at: string;
  read_at: string | null;
}

/** In-app notifications of a person in a workspace (for now: being mentioned in a comment). */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest notifications (at most 50) and how many are unread. */
  async list(userId: string, workspaceId: string): Promise<{ unread: number; items: NotificationView[] }> {
    const rows = await this.dataSource.query(
      `SELECT n.*, a.display_name AS actor_name, d.title AS document_title
       FROM notifications n
       LEFT JOIN users a ON a.id = n.actor_id
       LEFT JOIN documents d ON d.id = n.document_id
       WHERE n.user_id = $1 AND n.workspace_id = $2
       ORDER BY n.created_at DESC, n.id LIMIT 50`,
      [userId, workspaceId],
    );
    const [{ unread }] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND workspace_id = $2 AND read_at IS NULL`,
      [userId, workspaceId],
    );
    return {
      unread,
      items: (rows as NotificationRow[]).map((r) => ({
        id: r.id,
        kind: r.kind,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        document: r.document_id ? { id: r.document_id, title: r.document_title ?? '' } : null,
        threadId: r.thread_id,
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
      `WITH marked AS (UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM marked`,
      [notificationId, userId],
    );
    if (rows.length === 0) throw new NotFoundException('notification not found');
  }

  async markAllRead(userId: string, workspaceId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND workspace_id = $2 AND read_at IS NULL`, [userId, workspaceId]);
  }
}
