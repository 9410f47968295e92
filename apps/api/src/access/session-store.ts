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

/** A session as its owner sees it in the list of their sessions. */
export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  /** The session of the request that asks. */
  current: boolean;
}

/**
 * Sessions: issued at sign-in, looked up on every request and socket handshake, ended at sign-out, by their owner,
 * at a password reset, at their absolute lifetime (SESSION_TTL_HOURS after sign-in) and when idle
 * (SESSION_IDLE_MINUTES without a request or an open live connection).
 */
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

  /** The SQL condition of a session that has not ended (`$n` is SESSION_IDLE_MINUTES). */
  private alive(alias: string, idleParam: string): string {
    return `${alias}.revoked_at IS NULL AND ${alias}.expires_at > now() AND ${alias}.last_seen_at > now() - make_interval(mins => ${idleParam})`;
  }

  /** The person behind a live session token, or null (unknown, ended, expired or idle too long). */
  async authenticate(token: string, via: Principal['via']): Promise<Principal | null> {
    if (!TokenService.isWellFormed(token)) return null;
    const [row] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, u.id AS user_id, u.email, u.display_name
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND ${this.alive('s', '$2::int')}`,
      [this.tokens.hash(token), this.config.sessionIdleMinutes],
    );
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > SessionStore.TOUCH_INTERVAL_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return { userId: row.user_id, email: row.email, displayName: row.display_name, sessionId: row.session_id, via };
  }

  /** Whether the session has not ended (the co-drafting engine asks at its periodic re-check). */
  async isAlive(sessionId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM sessions s WHERE s.id = $1 AND ${this.alive('s', '$2::int')}`, [sessionId, this.config.sessionIdleMinutes]);
    return rows.length > 0;
  }

  /**
   * Of sessions that hold open live connections: marks those still alive as used now (an open page keeps its session
   * from going idle) and returns the ids of those that have ended.
   */
  async sweep(sessionIds: string[]): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    await this.dataSource.query(
      `UPDATE sessions s SET last_seen_at = now() WHERE s.id = ANY($1::uuid[]) AND ${this.alive('s', '$2::int')}`,
      [sessionIds, this.config.sessionIdleMinutes],
    );
    const alive = await this.dataSource.query(`SELECT s.id FROM sessions s WHERE s.id = ANY($1::uuid[]) AND ${this.alive('s', '$2::int')}`, [
      sessionIds,
      this.config.sessionIdleMinutes,
    ]);
    const stillAlive = new Set(alive.map((row: { id: string }) => row.id));
    return sessionIds.filter((id) => !stillAlive.has(id));
  }

  /** The person's sessions that have not ended, newest first. */
  async list(principal: Principal): Promise<SessionView[]> {
    const rows = await this.dataSource.query(
      `SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent FROM sessions s
       WHERE s.user_id = $1 AND ${this.alive('s', '$2::int')} ORDER BY s.created_at DESC`,
      [principal.userId, this.config.sessionIdleMinutes],
    );
    return rows.map((row: Record<string, unknown>) => ({
      id: row.id as string,
      createdAt: new Date(row.created_at as string),
      lastSeenAt: new Date(row.last_seen_at as string),
      expiresAt: new Date(row.expires_at as string),
      ip: (row.ip as string | null) ?? null,
      userAgent: (row.user_agent as string | null) ?? null,
      current: row.id === principal.sessionId,
    }));
  }

  /** Ends one of the person's sessions; false when they have no such live session. */
  async revokeOwn(manager: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    const [, count] = await manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`, [
      sessionId,
      userId,
    ]);
    return Number(count ?? 0) === 1;
  }

  /** Ends every other live session of the person; returns their ids. */
  async revokeOthers(manager: EntityManager, userId: string, keep: string): Promise<string[]> {
    const [rows] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [userId, keep],
    );
    return (rows as Array<{ id: string }>).map((row) => row.id);
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
