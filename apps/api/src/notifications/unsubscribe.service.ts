import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { NotificationCategory } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { fieldError } from '../platform/http/field-error';
import { PreferencesService } from './preferences.service';
import { type UnsubscribeSubject, UnsubscribeTokens } from './unsubscribe-tokens';

export interface UnsubscribeView {
  categories: Array<NotificationCategory | 'reports'>;
  account: boolean;
  unsubscribed: boolean;
}

/** The one-click unsubscribe behind every e-mail's link, without signing in (RFC 8058). */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: PreferencesService,
  ) {}

  /** What the link would stop, and whether it already has. */
  async describe(token: unknown): Promise<UnsubscribeView> {
    const subject = this.subject(token);
    if ('userId' in subject) {
      const rows = await this.dataSource.query(
        `SELECT u.id, p.category, p.mode FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.category = ANY($2::text[]) WHERE u.id = $1`,
        [subject.userId, subject.categories],
      );
      if (rows.length === 0) throw new NotFoundException('this link belongs to an account that no longer exists');
      const off = rows.filter((r: { mode: string | null }) => r.mode === 'off').length;
      return { categories: subject.categories, account: true, unsubscribed: off === subject.categories.length };
    }
    const [row] = await this.dataSource.query(`SELECT 1 FROM mail_suppressions WHERE address = $1 AND category = $2`, [subject.address, subject.category]);
    return { categories: [subject.category], account: false, unsubscribed: Boolean(row) };
  }

  /** Stops the e-mails the link names: the person's categories are set to "off", an address is suppressed. */
  async unsubscribe(token: unknown): Promise<UnsubscribeView> {
    const subject = this.subject(token);
    if ('userId' in subject) {
      const [user] = await this.dataSource.query(`SELECT id FROM users WHERE id = $1`, [subject.userId]);
      if (!user) throw new NotFoundException('this link belongs to an account that no longer exists');
      await this.dataSource.transaction(async (manager) => {
        for (const category of subject.categories) await this.preferences.set(manager, subject.userId, category, 'off');
      });
    } else {
      await this.dataSource.query(`INSERT INTO mail_suppressions (address, category) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [subject.address, subject.category]);
    }
    return this.describe(token);
  }

  private subject(token: unknown): UnsubscribeSubject {
    const subject = this.tokens.read(token);
    if (!subject) {
      throw fieldError('token', 'not a valid unsubscribe link (copy the whole link from the e-mail)', BadRequestException, 'unsubscribe_link_invalid');
    }
    return subject;
  }
}
