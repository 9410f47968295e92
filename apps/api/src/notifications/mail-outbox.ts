import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DrainLoop } from '../platform/jobs/drain-loop';
import { AppConfig } from '../platform/config/app-config';
import { MailError, type MailMessage, MailService } from '../platform/mail/mail.service';

/** How often the outbox looks for due messages besides being woken (retries, messages queued by other instances). */
const POLL_MS = 2_000;

interface TakenMail {
  id: string;
  address: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
  calendar: string | null;
  calendar_method: 'REQUEST' | 'CANCEL' | 'PUBLISH' | null;
  message_id: string;
  attempts: number;
}

/**
 * Sends what `mail_outbox` holds. A message is queued in the transaction of the change that causes it (Notifier), so
 * a crash after the change loses nothing; a worker takes a batch with `FOR UPDATE SKIP LOCKED` and marks it `sending`
 * with a lease, so that no two workers (instances) ever hold the same message; once the SMTP server has accepted it,
 * it is `sent`, and it is never taken again. A refusal for good (5xx) marks it `bounced`; other failures are retried with
 * backoff (10 s, 20 s, 40 s … up to an hour) until MAIL_MAX_ATTEMPTS, then `failed`. Coordinators see both.
 *
 * What stays outside: a process killed after the SMTP server accepted a message and before the row says so sends it
 * once more when the lease (MAIL_LEASE_SECONDS) ends; it carries the same Message-ID, so mail clients show one.
 */
@Injectable()
export class MailOutbox implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MailOutbox');
  private readonly loop = new DrainLoop(() => this.drain(), this.logger, 'the mail outbox');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.loop.start(POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Sends due messages until there are none (one runner per instance; a wake during a run makes it look again). */
  wake(): void {
    this.loop.wake();
  }

  /** Resolves once nothing is due and nothing is being sent here (what tests and the benchmark wait for). */
  async idle(): Promise<void> {
    await this.loop.idle(async () => {
      const [{ due }] = await this.dataSource.query(
        `SELECT count(*)::int AS due FROM mail_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())`,
      );
      return due as number;
    });
  }

  private async drain(): Promise<void> {
    const batchSize = this.config.mail.concurrency * 4;
    while (!this.loop.isStopped) {
      const taken: TakenMail[] = await this.dataSource
        .query(
          `WITH taken AS (
             SELECT id FROM mail_outbox
             WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
             ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
           UPDATE mail_outbox o SET status = 'sending', attempts = o.attempts + 1, locked_until = now() + make_interval(secs => $1)
           FROM taken WHERE o.id = taken.id
           RETURNING o.id::text AS id, o.address, o.subject, o.body, o.headers, o.calendar, o.calendar_method, o.message_id, o.attempts`,
          [this.config.mail.leaseSeconds, batchSize],
        )
        .then((result: [TakenMail[], number] | TakenMail[]) => (Array.isArray(result[0]) ? (result[0] as TakenMail[]) : (result as TakenMail[])));
      if (taken.length === 0) return;
      await inParallel(taken, this.config.mail.concurrency, (mail) => this.send(mail));
    }
  }

  private async send(mail: TakenMail): Promise<void> {
    const message: MailMessage = {
      to: mail.address,
      subject: mail.subject,
      text: mail.body,
      messageId: mail.message_id,
      headers: mail.headers,
      calendar: mail.calendar && mail.calendar_method ? { method: mail.calendar_method, content: mail.calendar } : undefined,
    };
    try {
      await this.mail.send(message);
      await this.dataSource.query(
        `UPDATE mail_outbox SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1 AND attempts = $2`,
        [mail.id, mail.attempts],
      );
    } catch (error) {
      const failure = error instanceof MailError ? error : new MailError(error instanceof Error ? error.message : String(error), false);
      const reason = failure.message.slice(0, 2000);
      if (failure.permanent || mail.attempts >= this.config.mail.maxAttempts) {
        const status = failure.permanent ? 'bounced' : 'failed';
        this.logger.warn(`${status}: "${mail.subject}" to ${mail.address} after ${mail.attempts} attempt(s): ${reason}`);
        await this.dataSource.query(`UPDATE mail_outbox SET status = $3, locked_until = NULL, last_error = $4 WHERE id = $1 AND attempts = $2`, [
          mail.id,
          mail.attempts,
          status,
          reason,
        ]);
        return;
      }
      const delaySeconds = Math.min(3600, 10 * 2 ** (mail.attempts - 1));
      this.logger.warn(`could not send "${mail.subject}" to ${mail.address}, again in ${delaySeconds} s: ${reason}`);
      await this.dataSource.query(
        `UPDATE mail_outbox SET status = 'pending', next_attempt_at = now() + make_interval(secs => $3), locked_until = NULL, last_error = $4
         WHERE id = $1 AND attempts = $2`,
        [mail.id, mail.attempts, delaySeconds, reason],
      );
    }
  }
}

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
