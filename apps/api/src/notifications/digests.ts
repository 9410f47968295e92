import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type NotificationCategory, dueDigestPeriod } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { type DigestItem, digestMessage } from './messages/digest';
import type { Language } from './messages/message';
import { Notifier } from './notifier';

/** How often digests are looked for. */
const SWEEP_MS = 60_000;

/**
 * Daily and weekly digests: at the digest hour in Warsaw (DIGEST_HOUR; weekly ones on Mondays), each person gets one
 * e-mail with what waited for it since their last digest, grouped, with counts; nobody gets an empty one. A digest is
 * queued once per person and period (its event key names the period), whichever instance sweeps first; what arrives
 * after it waits for the next period. Only notifications of workspaces the person still belongs to are included.
 */
@Injectable()
export class Digests implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Digests');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep(new Date())
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`digest sweep failed: ${error.message}`))
        .finally(() => (this.running = null));
    }, SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Queues the digests due at `now` (tests call it with the time they need). Returns how many were queued. */
  async sweep(now: Date): Promise<number> {
    let queued = 0;
    for (const mode of ['daily', 'weekly'] as const) {
      const period = dueDigestPeriod(mode, now, this.config.mail.digestHour);
      if (!period) continue;
      const key = `digest:${mode}:${period}`;
      const people: Array<{ user_id: string }> = await this.dataSource.query(
        `SELECT DISTINCT n.user_id FROM notifications n
         WHERE n.digest = $1 AND n.digested_at IS NULL AND n.created_at <= $2
           AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.user_id = n.user_id AND o.event_key = $3)`,
        [mode, now, key],
      );
      for (const person of people) if (await this.queueDigest(person.user_id, mode, key, now)) queued++;
    }
    return queued;
  }

  private async queueDigest(userId: string, mode: 'daily' | 'weekly', key: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query(`SELECT id, email, language FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!user) return false;
      const [sent] = await manager.query(`SELECT 1 FROM mail_outbox WHERE user_id = $1 AND event_key = $2`, [userId, key]);
      if (sent) return false;
      const rows: Array<DigestItem & { id: string; active: boolean }> = await manager.query(
        `SELECT n.id, n.kind, n.category, n.params, n.link, w.short_name AS workspace,
                EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = n.user_id AND m.workspace_id = n.workspace_id AND m.active) AS active
         FROM notifications n JOIN workspaces w ON w.id = n.workspace_id
         WHERE n.user_id = $1 AND n.digest = $2 AND n.digested_at IS NULL AND n.created_at <= $3
         ORDER BY n.created_at, n.id`,
        [userId, mode, now],
      );
      await manager.query(`UPDATE notifications SET digested_at = $3 WHERE id = ANY($1::uuid[]) AND user_id = $2`, [rows.map((r) => r.id), userId, now]);
      const items = rows.filter((r) => r.active);
      if (items.length === 0) return false;
      const language: Language = user.language === 'en' ? 'en' : 'pl';
      const message = digestMessage(mode, items, language, (path) => `${this.config.publicUrl}${path}`);
      const categories = [...new Set(items.map((i) => i.category))] as NotificationCategory[];
      await this.notifier.queue(manager, [
        this.notifier.userMail({ id: user.id, email: user.email, language }, categories, `digest_${mode}`, key, null, message, '/'),
      ]);
      return true;
    });
  }
}
