import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../platform/config/app-config';
import { TokenService } from '../platform/security/tokens';
import type { Principal } from './request-context';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: { id: string; email: string; displayName: string };
}

/** Sessions: issued at sign-in, looked up on every request and socket handshake, revoked at sign-out. */
@Injectable()
export class SessionStore {
  /** last_seen_at is refreshed at most this often, so that reads do not turn into writes. */
  private static readonly TOUCH_INTERVAL_MS = 60_000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Signs a person in whose identity is proven (by password or by an invitation link): a new session, recorded in
   * the audit trail, inside the caller's transaction.
   */
  async open(
    manager: EntityManager,
    user: { id: string; email: string; displayName: string },
    client: { ip: string; userAgent: string | null },
  ): Promise<SignedIn> {
    const session = await this.create(manager, user.id, client);
    await this.audit.append(manager, {
      workspaceId: null,
      actorId: user.id,
      action: 'auth.login',
      targetType: 'session',
      targetId: session.sessionId,
      details: { ip: client.ip },
    });
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      user: { id: user.id, email: user.email, displayName: user.displayName },
    };
  }

  private async create(
    manager: EntityManager,
    userId: string,
    client: { ip: string; userAgent: string | null },
  ): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const { token, hash } = this.tokens.issue();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const [row] = await manager.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, hash, expiresAt, client.ip, client.userAgent],
    );
    return { token, sessionId: row.id, expiresAt };
  }

  /** The person behind a live session token, or null (unknown, expired or revoked). */
  async authenticate(token: string, via: Principal['via']): Promise<Principal | null> {
    if (!TokenService.isWellFormed(token)) return null;
    const [row] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, u.id AS user_id, u.email, u.display_name
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [this.tokens.hash(token)],
    );
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > SessionStore.TOUCH_INTERVAL_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return { userId: row.user_id, email: row.email, displayName: row.display_name, sessionId: row.session_id, via };
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  async revokeAllForUser(manager: EntityManager, userId: string): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [userId],
    );
    return Number(count ?? 0);
  }
}
