import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type AddressCategory, type NotificationCategory, isNotificationCategory } from '@commonplan/domain';
import { AppConfig } from '../platform/config/app-config';
import { TokenService } from '../platform/security/tokens';

/**
 * Who unsubscribes from what: a person (by id) from categories (one, or those a digest held), or an address without an
 * account from its category.
 */
export type UnsubscribeSubject = { userId: string; categories: NotificationCategory[] } | { address: string; category: AddressCategory };

const MAX_TOKEN = 1024;

/**
 * The one-click unsubscribe links (RFC 8058): the token names the person or address and the category, signed with an
 * HMAC under AUTH_SECRET, so that it works without signing in, for ever, and cannot be made for anyone else.
 */
@Injectable()
export class UnsubscribeTokens {
  constructor(private readonly config: AppConfig) {}

  issue(subject: UnsubscribeSubject): string {
    const payload = Buffer.from(JSON.stringify('userId' in subject ? { u: subject.userId, c: subject.categories } : { a: subject.address, c: subject.category })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The subject of a genuine token; null for anything else. */
  read(token: unknown): UnsubscribeSubject | null {
    if (typeof token !== 'string' || token.length > MAX_TOKEN) return null;
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0 || !TokenService.equal(signature, this.sign(payload))) return null;
    try {
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; a?: unknown; c?: unknown };
      if (typeof data.u === 'string' && Array.isArray(data.c) && data.c.length > 0 && data.c.every(isNotificationCategory)) {
        return { userId: data.u, categories: data.c };
      }
      if (typeof data.a === 'string' && data.c === 'reports') return { address: data.a, category: 'reports' };
    } catch {
      return null;
    }
    return null;
  }

  /** The web page that confirms and the address a mail client posts to (List-Unsubscribe). */
  links(subject: UnsubscribeSubject): { page: string; oneClick: string } {
    const token = encodeURIComponent(this.issue(subject));
    return { page: `${this.config.publicUrl}/unsubscribe?token=${token}`, oneClick: `${this.config.publicUrl}/api/public/unsubscribe?token=${token}` };
  }

  private sign(payload: string): string {
    return createHmac('sha256', `unsubscribe:${this.config.authSecret}`).update(payload).digest('base64url');
  }
}
