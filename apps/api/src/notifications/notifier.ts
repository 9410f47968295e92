import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type DeliveryMode,
  type NotificationCategory,
  type NotificationKind,
  type NotificationParams,
  type Role,
  categoryOf,
  effectiveDeliveryMode,
} from '@commonplan/domain';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../platform/database/after-commit';
import { AppConfig } from '../platform/config/app-config';
import { InboxEvents } from '../platform/events';
import type { MailMessage } from '../platform/mail/mail.service';
import { layOut } from './messages/layout';
import type { Language, MessageText } from './messages/message';
import { TEMPLATES } from './messages/templates';
import { MailOutbox } from './mail-outbox';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** Who a notification is sent to, as the calendar part of their invitation needs them. */
export interface Addressee {
  address: string;
  name: string;
  language: Language;
}

/** One thing that happened, for the people it concerns. */
export interface Notification<K extends NotificationKind = NotificationKind> {
  kind: K;
  workspaceId: string;
  /**
   * The event's identity (e.g. `vote_opened:<vote id>`): a person is notified of an event once, however often it is
   * announced (a retried request, two instances), and its e-mail is queued once.
   */
  key: string;
  /** People (user ids) it concerns; those without an active membership of the workspace, and the actor, are left out. */
  recipients: Iterable<string>;
  actorId?: string | null;
  /** The exact page in the web app, a path ("/w/<workspace>/d/<document>#thread-<id>"). */
  link: string;
  params: NotificationParams[K];
  documentId?: string | null;
  threadId?: string | null;
  commentId?: string | null;
  /** An iCalendar part for each recipient's e-mail (meetings: an invitation or its cancellation). */
  calendar?: (to: Addressee) => NonNullable<MailMessage['calendar']>;
}

/** A message to an address without an account (a consultation's submitter), in a category it may unsubscribe from. */
export interface AddressMessage {
  address: string;
  language: Language;
  message: MessageText;
  /** The exact page (absolute URL or a path of the web app). */
  link: string;
}

/** A row of `mail_outbox` about to be queued. */
export interface QueuedMail {
  eventKey: string;
  address: string;
  userId: string | null;
  workspaceId: string | null;
  kind: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
  calendar: MailMessage['calendar'] | null;
}

interface RecipientRow {
  id: string;
  email: string;
  display_name: string;
  language: Language;
  roles: Role[];
  mode: DeliveryMode | null;
}

/**
 * Records notifications in the transaction of the change that causes them: the inbox row of each person it concerns,
 * and (when the person takes this category at once) the e-mail in the outbox, rendered in their language. What was
 * recorded is sent and announced only once the transaction commits; a rolled-back change notifies nobody.
 */
@Injectable()
export class Notifier {
  private readonly host: string;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: MailOutbox,
    private readonly inbox: InboxEvents,
    private readonly unsubscribe: UnsubscribeTokens,
  ) {
    this.host = new URL(config.publicUrl).hostname || 'commonplan.invalid';
  }

  async notify<K extends NotificationKind>(manager: EntityManager, notification: Notification<K>): Promise<void> {
    const category = categoryOf(notification.kind);
    const ids = [...new Set(notification.recipients)].filter((id) => id !== notification.actorId);
    if (ids.length === 0) return;
    const recipients: RecipientRow[] = await manager.query(
      `SELECT u.id, u.email, u.display_name, u.language, p.mode,
              (SELECT array_agg(m2.role) FROM memberships m2 WHERE m2.user_id = u.id AND m2.active) AS roles
       FROM users u
       JOIN memberships m ON m.user_id = u.id AND m.workspace_id = $1 AND m.active
       LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.category = $2
       WHERE u.id = ANY($3::uuid[])
       ORDER BY u.id`,
      [notification.workspaceId, category, ids],
    );
    const mails: QueuedMail[] = [];
    const notified: string[] = [];
    for (const person of recipients) {
      const mode = effectiveDeliveryMode(person.mode, person.roles ?? [], category);
      const [row] = await manager.query(
        `INSERT INTO notifications (user_id, workspace_id, kind, category, event_key, actor_id, document_id, thread_id, comment_id, excerpt, link, params, digest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (user_id, event_key) DO NOTHING RETURNING id`,
        [
          person.id,
          notification.workspaceId,
          notification.kind,
          category,
          notification.key,
          notification.actorId ?? null,
          notification.documentId ?? null,
          notification.threadId ?? null,
          notification.commentId ?? null,
          excerptOf(notification.params),
          notification.link,
          JSON.stringify(notification.params),
          mode === 'daily' || mode === 'weekly' ? mode : null,
        ],
      );
      if (!row) continue;
      notified.push(person.id);
      if (mode !== 'instant') continue;
      const language = person.language === 'en' ? 'en' : 'pl';
      const message = (TEMPLATES[notification.kind] as (p: NotificationParams[K], l: Language) => MessageText)(notification.params, language);
      mails.push(
        this.userMail({ id: person.id, email: person.email, language }, category, notification.kind, notification.key, notification.workspaceId, message, notification.link, notification.calendar?.({ address: person.email, name: person.display_name, language })),
      );
    }
    await this.queue(manager, mails);
    afterCommit(manager, () => {
      for (const userId of notified) this.inbox.publish({ userId, workspaceId: notification.workspaceId });
    });
  }

  /**
   * E-mails to addresses without an account (a report's submitters), one per address and event; an address that
   * unsubscribed from the category gets nothing.
   */
  async notifyAddresses(manager: EntityManager, event: { key: string; kind: string; workspaceId: string; category: 'reports'; messages: AddressMessage[] }): Promise<number> {
    const addresses = [...new Set(event.messages.map((m) => m.address.toLowerCase()))];
    if (addresses.length === 0) return 0;
    const suppressed = new Set<string>(
      (await manager.query(`SELECT address FROM mail_suppressions WHERE category = $1 AND address = ANY($2::text[])`, [event.category, addresses])).map(
        (r: { address: string }) => r.address,
      ),
    );
    const seen = new Set<string>();
    const mails: QueuedMail[] = [];
    for (const m of event.messages) {
      const address = m.address.toLowerCase();
      if (suppressed.has(address) || seen.has(address)) continue;
      seen.add(address);
      const unsubscribe = this.unsubscribe.links({ address, category: event.category });
      const laid = layOut(m.message, event.category, { page: this.absolute(m.link), preferences: null, unsubscribe: unsubscribe.page }, m.language);
      mails.push({
        eventKey: event.key,
        address,
        userId: null,
        workspaceId: event.workspaceId,
        kind: event.kind,
        subject: laid.subject,
        body: laid.text,
        headers: listUnsubscribe(unsubscribe.oneClick),
        calendar: null,
      });
    }
    await this.queue(manager, mails);
    return mails.length;
  }

  /** An e-mail to a person with an account: laid out with their settings' and unsubscribe links. */
  userMail(
    person: { id: string; email: string; language: Language },
    category: NotificationCategory | NotificationCategory[],
    kind: string,
    eventKey: string,
    workspaceId: string | null,
    message: MessageText,
    link: string,
    calendar?: MailMessage['calendar'],
  ): QueuedMail {
    const categories = Array.isArray(category) ? category : [category];
    const lang: Language = person.language === 'en' ? 'en' : 'pl';
    const unsubscribe = this.unsubscribe.links({ userId: person.id, categories });
    const laid = layOut(message, categories.length === 1 ? categories[0] : 'digest', { page: this.absolute(link), preferences: `${this.config.publicUrl}/account#notifications`, unsubscribe: unsubscribe.page }, lang);
    return {
      eventKey,
      address: person.email,
      userId: person.id,
      workspaceId,
      kind,
      subject: laid.subject,
      body: laid.text,
      headers: listUnsubscribe(unsubscribe.oneClick),
      calendar: calendar ?? null,
    };
  }

  /** Queues e-mails (once per event and address) in `manager`'s transaction; the outbox sends them after the commit. */
  async queue(manager: EntityManager, mails: QueuedMail[]): Promise<void> {
    for (let start = 0; start < mails.length; start += 500) {
      const batch = mails.slice(start, start + 500);
      await manager.query(
        `INSERT INTO mail_outbox (event_key, address, user_id, workspace_id, kind, message_id, subject, body, headers, calendar, calendar_method)
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[])
         ON CONFLICT (event_key, address) DO NOTHING`,
        [
          batch.map((m) => m.eventKey),
          batch.map((m) => m.address),
          batch.map((m) => m.userId),
          batch.map((m) => m.workspaceId),
          batch.map((m) => m.kind),
          batch.map(() => `<${randomUUID()}@${this.host}>`),
          batch.map((m) => m.subject),
          batch.map((m) => m.body),
          batch.map((m) => JSON.stringify(m.headers)),
          batch.map((m) => m.calendar?.content ?? null),
          batch.map((m) => m.calendar?.method ?? null),
        ],
      );
    }
    if (mails.length > 0) afterCommit(manager, () => this.outbox.wake());
  }

  private absolute(link: string): string {
    return /^https?:\/\//.test(link) ? link : `${this.config.publicUrl}${link}`;
  }
}

/** RFC 2369 and RFC 8058: a mail client's own "unsubscribe" posts to the link, without the person signing in. */
function listUnsubscribe(oneClick: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The inbox keeps the quoted words of a comment as its excerpt (searchable, shown under the line). */
function excerptOf(params: object): string {
  const p = params as { excerpt?: unknown; quote?: unknown };
  const text = typeof p.excerpt === 'string' ? p.excerpt : typeof p.quote === 'string' ? p.quote : '';
  return text.slice(0, 500);
}
