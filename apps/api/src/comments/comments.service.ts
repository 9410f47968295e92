import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeAnchorEnd, type PassageAnchor } from '@commonplan/editor';
import { AuditService } from '../audit/audit.service';
import { CollabEngine } from '../collab/collab-engine';
import { DocumentAccessService } from '../documents/document-access.service';
import { peopleWithAccess } from '../documents/document-audience';
import { Notifier } from '../notifications/notifier';
import type { CommentBodyDto, CreateThreadDto } from './comment.dto';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface CommentView {
  id: string;
  body: string;
  author: PersonRef | null;
  mentions: PersonRef[];
  createdAt: Date;
}

export interface ThreadView {
  id: string;
  documentId: string;
  anchor: PassageAnchor;
  /** The passage's text when the thread was started (shown when the passage has since been deleted). */
  quote: string;
  status: 'open' | 'resolved';
  createdBy: PersonRef | null;
  createdAt: Date;
  resolvedBy: PersonRef | null;
  resolvedAt: Date | null;
  comments: CommentView[];
}

interface ThreadRow {
  id: string;
  document_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  status: 'open' | 'resolved';
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  body: string;
  mentions: string[] | null;
  created_at: string;
  author_id: string | null;
  author_name: string | null;
}

/** The first words of a comment, for notifications. */
const excerpt = (body: string) => (body.length > 140 ? `${body.slice(0, 139)}…` : body);

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DocumentAccessService,
    private readonly engine: CollabEngine,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
  ) {}

  /** Every thread of the document, oldest first, with its comments (read access). */
  async list(userId: string, documentId: string): Promise<ThreadView[]> {
    await this.access.require(userId, documentId, 'read');
    return this.threads(documentId, null);
  }

  /** Starts a thread on a passage (comment access). */
  async create(userId: string, documentId: string, dto: CreateThreadDto): Promise<ThreadView> {
    const resolved = await this.access.require(userId, documentId, 'comment');
    for (const field of ['start', 'end'] as const) {
      if (!decodeAnchorEnd(dto.anchor[field])) {
        throw new BadRequestException({ message: `anchor.${field}: not a Yjs relative position`, errors: [{ field: `anchor.${field}`, message: 'not a Yjs relative position' }] });
      }
    }
    const mentions = await this.checkMentions(documentId, userId, dto.mentions);
    const threadId = await this.dataSource.transaction(async (manager) => {
      const [thread] = await manager.query(
        `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [documentId, dto.anchor.start, dto.anchor.end, dto.quote, userId],
      );
      const commentId = await this.addComment(manager, resolved.workspaceId, documentId, thread.id, userId, dto.body, mentions);
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId: userId,
        action: 'comment.created',
        targetType: 'document',
        targetId: documentId,
        details: { threadId: thread.id, commentId, mentions },
      });
      return thread.id as string;
    });
    this.engine.announce(documentId, { type: 'comments' });
    return this.one(documentId, threadId);
  }

  /** Replies in a thread (comment access). */
  async reply(userId: string, documentId: string, threadId: string, dto: CommentBodyDto): Promise<ThreadView> {
    const resolved = await this.access.require(userId, documentId, 'comment');
    await this.requireThread(documentId, threadId);
    const mentions = await this.checkMentions(documentId, userId, dto.mentions);
    await this.dataSource.transaction(async (manager) => {
      const commentId = await this.addComment(manager, resolved.workspaceId, documentId, threadId, userId, dto.body, mentions);
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId: userId,
        action: 'comment.replied',
        targetType: 'document',
        targetId: documentId,
        details: { threadId, commentId, mentions },
      });
    });
    this.engine.announce(documentId, { type: 'comments' });
    return this.one(documentId, threadId);
  }

  /** Resolves or reopens a thread (comment access: whoever takes part may close the discussion or open it again). */
  async setStatus(userId: string, documentId: string, threadId: string, status: 'open' | 'resolved'): Promise<ThreadView> {
    const resolved = await this.access.require(userId, documentId, 'comment');
    await this.dataSource.transaction(async (manager) => {
      const [thread] = await manager.query(`SELECT status FROM comment_threads WHERE id = $1 AND document_id = $2 FOR UPDATE`, [threadId, documentId]);
      if (!thread) throw new NotFoundException('comment thread not found');
      if (thread.status === status) return;
      await manager.query(
        `UPDATE comment_threads SET status = $2, resolved_by = $3, resolved_at = CASE WHEN $2 = 'resolved' THEN now() END WHERE id = $1`,
        [threadId, status, status === 'resolved' ? userId : null],
      );
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId: userId,
        action: status === 'resolved' ? 'comment.resolved' : 'comment.reopened',
        targetType: 'document',
        targetId: documentId,
        details: { threadId },
      });
    });
    this.engine.announce(documentId, { type: 'comments' });
    return this.one(documentId, threadId);
  }

  /**
   * The people mentioned, each once: active members of the document's workspace who may read the document (a
   * mention of anyone else would tell them nothing they may open). The author is never notified of themselves.
   */
  private async checkMentions(documentId: string, authorId: string, mentions: string[] | undefined): Promise<string[]> {
    const unique = [...new Set(mentions ?? [])].filter((id) => id !== authorId);
    for (const id of unique) {
      const resolved = await this.access.resolve(id, documentId);
      if (!resolved.ok) {
        throw new BadRequestException({
          message: `mentions: ${id} is not a person who may read this document`,
          errors: [{ field: 'mentions', message: 'only people of the workspace who may read the document can be mentioned', code: 'mention_not_allowed' }],
        });
      }
    }
    return unique;
  }

  private async addComment(
    manager: EntityManager,
    workspaceId: string,
    documentId: string,
    threadId: string,
    authorId: string,
    body: string,
    mentions: string[],
  ): Promise<string> {
    const [comment] = await manager.query(`INSERT INTO comments (thread_id, author_id, body, mentions) VALUES ($1, $2, $3, $4) RETURNING id`, [
      threadId,
      authorId,
      body,
      mentions,
    ]);
    // Everyone who took part in the thread before (its creator, the authors of its comments) hears of the reply,
    // unless this comment mentions them (the mention says more) or they may no longer read the document.
    const earlier: Array<{ id: string }> = await manager.query(
      `SELECT created_by AS id FROM comment_threads WHERE id = $1 AND created_by IS NOT NULL
       UNION SELECT author_id FROM comments WHERE thread_id = $1 AND id <> $2 AND author_id IS NOT NULL`,
      [threadId, comment.id],
    );
    const tookPart = new Set(earlier.map((row) => row.id));
    tookPart.delete(authorId);
    for (const id of mentions) tookPart.delete(id);
    const replyTo = await peopleWithAccess(manager, documentId, tookPart, 'read');
    if (mentions.length === 0 && replyTo.length === 0) return comment.id as string;
    const [names] = await manager.query(
      `SELECT (SELECT display_name FROM users WHERE id = $1) AS actor, (SELECT title FROM documents WHERE id = $2) AS document`,
      [authorId, documentId],
    );
    const announce = (kind: 'mention' | 'reply', recipients: string[]) =>
      this.notifier.notify(manager, {
        kind,
        workspaceId,
        key: `${kind}:${comment.id}`,
        recipients,
        actorId: authorId,
        link: `/w/${workspaceId}/d/${documentId}#thread-${threadId}`,
        params: { actor: names.actor ?? '', document: names.document ?? '', excerpt: excerpt(body) },
        documentId,
        threadId,
        commentId: comment.id,
      });
    if (mentions.length > 0) await announce('mention', mentions);
    if (replyTo.length > 0) await announce('reply', replyTo);
    return comment.id as string;
  }

  private async requireThread(documentId: string, threadId: string): Promise<void> {
    const [thread] = await this.dataSource.query(`SELECT id FROM comment_threads WHERE id = $1 AND document_id = $2`, [threadId, documentId]);
    if (!thread) throw new NotFoundException('comment thread not found');
  }

  private async one(documentId: string, threadId: string): Promise<ThreadView> {
    const [thread] = await this.threads(documentId, threadId);
    if (!thread) throw new NotFoundException('comment thread not found');
    return thread;
  }

  private async threads(documentId: string, threadId: string | null): Promise<ThreadView[]> {
    const threads = await this.dataSource.query(
      `SELECT t.*, cu.display_name AS created_by_name, ru.display_name AS resolved_by_name
       FROM comment_threads t
       LEFT JOIN users cu ON cu.id = t.created_by
       LEFT JOIN users ru ON ru.id = t.resolved_by
       WHERE t.document_id = $1 AND ($2::uuid IS NULL OR t.id = $2)
       ORDER BY t.created_at, t.id`,
      [documentId, threadId],
    );
    if (threads.length === 0) return [];
    const comments = await this.dataSource.query(
      `SELECT c.id, c.thread_id, c.body, array_to_json(c.mentions) AS mentions, c.created_at, c.author_id, u.display_name AS author_name
       FROM comments c JOIN comment_threads t ON t.id = c.thread_id LEFT JOIN users u ON u.id = c.author_id
       WHERE t.document_id = $1 AND ($2::uuid IS NULL OR t.id = $2)
       ORDER BY c.created_at, c.id`,
      [documentId, threadId],
    );
    const mentioned: string[] = [...new Set<string>(comments.flatMap((c: { mentions: string[] }) => c.mentions ?? []))];
    const names = new Map<string, string>(
      mentioned.length
        ? (await this.dataSource.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [mentioned])).map(
            (u: { id: string; display_name: string }) => [u.id, u.display_name],
          )
        : [],
    );
    const person = (id: string | null, name: string | null): PersonRef | null => (id ? { id, displayName: name ?? '' } : null);
    return (threads as ThreadRow[]).map((t) => ({
      id: t.id,
      documentId: t.document_id,
      anchor: { start: t.anchor_start, end: t.anchor_end },
      quote: t.quote,
      status: t.status,
      createdBy: person(t.created_by, t.created_by_name),
      createdAt: new Date(t.created_at),
      resolvedBy: person(t.resolved_by, t.resolved_by_name),
      resolvedAt: t.resolved_at ? new Date(t.resolved_at) : null,
      comments: (comments as CommentRow[])
        .filter((c) => c.thread_id === t.id)
        .map((c) => ({
          id: c.id,
          body: c.body,
          author: person(c.author_id, c.author_name),
          mentions: (c.mentions ?? []).map((id: string) => ({ id, displayName: names.get(id) ?? '' })),
          createdAt: new Date(c.created_at),
        })),
    }));
  }
}
