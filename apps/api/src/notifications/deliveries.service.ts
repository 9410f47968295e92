import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { problem } from '../platform/http/problem-codes';
import { MailOutbox } from './mail-outbox';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'bounced';

/** What coordinators see of their workspace's e-mail: what was sent, what waits, what failed or bounced, and why. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: MailOutbox,
  ) {}

  async list(workspaceId: string, status: DeliveryStatus | null) {
    const [counts] = await this.dataSource.query(
      `SELECT (count(*) FILTER (WHERE status IN ('pending', 'sending')))::int AS pending, (count(*) FILTER (WHERE status = 'sent'))::int AS sent,
              (count(*) FILTER (WHERE status = 'failed'))::int AS failed, (count(*) FILTER (WHERE status = 'bounced'))::int AS bounced
       FROM mail_outbox WHERE workspace_id = $1`,
      [workspaceId],
    );
    const rows = await this.dataSource.query(
      `SELECT id::text AS id, address, user_id, kind, subject, status, attempts, last_error, created_at, sent_at, next_attempt_at
       FROM mail_outbox WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2 OR ($2 = 'pending' AND status = 'sending'))
       ORDER BY created_at DESC, id DESC LIMIT 200`,
      [workspaceId, status],
    );
    return {
      counts,
      items: rows.map((r: Record<string, unknown>) => ({
        id: r.id as string,
        // A submitter without an account is known to staff by number only (never by e-mail: see the report's
        // personal data rules); enough of the address stays to tell a typo in a bounce.
        address: r.user_id ? (r.address as string) : maskAddress(r.address as string),
        kind: r.kind as string,
        subject: r.subject as string,
        status: r.status as DeliveryStatus,
        attempts: r.attempts as number,
        lastError: (r.last_error as string | null) ?? null,
        createdAt: new Date(r.created_at as string),
        sentAt: r.sent_at ? new Date(r.sent_at as string) : null,
        nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at as string) : null,
      })),
    };
  }

  /** Queues a failed or bounced e-mail again (after its address was corrected, or the mail server fixed). */
  async retry(workspaceId: string, id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException('no such e-mail');
    const [row] = await this.dataSource.query(`SELECT status FROM mail_outbox WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    if (!row) throw new NotFoundException('no such e-mail');
    if (row.status !== 'failed' && row.status !== 'bounced') throw problem('mail_not_retryable', `the e-mail is ${row.status}; only a failed or bounced one is sent again`);
    await this.dataSource.query(`UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 AND status IN ('failed', 'bounced')`, [id]);
    this.outbox.wake();
  }
}

/** "jan.kowalski@example.com" → "j…@example.com". */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '…' : `${address[0]}…${address.slice(at)}`;
}
