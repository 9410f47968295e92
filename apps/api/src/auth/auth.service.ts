import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/request-context';
import { SessionStore, type SessionView, type SignedIn } from '../access/session-store';
import { AuditService } from '../audit/audit.service';
import { SessionEvents } from '../platform/events';
import { JobQueue } from '../platform/jobs/job-queue';
import { PasswordResetLinks } from './password-reset-links';
import { PasswordHasher } from '../platform/security/password-hasher';
import { UsersRepository } from '../people/users.repository';
import { type WorkspaceOfUser, WorkspacesRepository } from '../workspaces/workspaces.repository';
import { LoginThrottle } from './login-throttle';
import { passwordFieldError } from './password-field-error';
import { problem } from '../platform/http/problem-codes';

/** The job that answers a password reset request (see requestPasswordReset). */
const PASSWORD_RESET_JOB = 'password-reset';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  workspaces: WorkspaceOfUser[];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly sessions: SessionStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly resetLinks: PasswordResetLinks,
    private readonly sessionEvents: SessionEvents,
    private readonly jobs: JobQueue,
  ) {
    jobs.handle(PASSWORD_RESET_JOB, (payload) => this.sendResetLink(payload));
  }

  async login(email: string, password: string, client: { ip: string; userAgent: string | null }): Promise<SignedIn> {
    await this.throttle.attempt(client.ip, email);
    const user = await this.users.findByEmailWithHash(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.throttle.failed(email);
      await this.audit.record({
        workspaceId: null,
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        details: { email, ip: client.ip },
      });
      throw problem('wrong_credentials', 'wrong e-mail or password');
    }
    await this.throttle.succeeded(email);
    return this.dataSource.transaction((manager) => this.sessions.open(manager, user, client));
  }

  /** Signs out: the session ends, and its open sockets close on every instance. */
  async logout(principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, principal.sessionId);
      await this.audit.append(manager, {
        workspaceId: null,
        actorId: principal.userId,
        action: 'auth.logout',
        targetType: 'session',
        targetId: principal.sessionId,
      });
    });
    this.sessionEvents.publish({ sessionIds: [principal.sessionId] });
  }

  /** The person's own sessions that have not ended, the asking one marked `current`. */
  sessionsOf(principal: Principal): Promise<SessionView[]> {
    return this.sessions.list(principal);
  }

  /** Ends one of the person's sessions (another device); 404 when it is not theirs or has ended. */
  async endSession(principal: Principal, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.revokeOwn(manager, principal.userId, sessionId))) throw new NotFoundException('you have no such session');
      await this.audit.append(manager, {
        workspaceId: null,
        actorId: principal.userId,
        action: 'auth.session_ended',
        targetType: 'session',
        targetId: sessionId,
      });
    });
    this.sessionEvents.publish({ sessionIds: [sessionId] });
  }

  /** Ends every session of the person but the asking one; answers how many ended. */
  async endOtherSessions(principal: Principal): Promise<{ ended: number }> {
    const ended = await this.dataSource.transaction(async (manager) => {
      const ids = await this.sessions.revokeOthers(manager, principal.userId, principal.sessionId);
      for (const id of ids) {
        await this.audit.append(manager, { workspaceId: null, actorId: principal.userId, action: 'auth.session_ended', targetType: 'session', targetId: id });
      }
      return ids;
    });
    if (ended.length > 0) this.sessionEvents.publish({ sessionIds: ended });
    return { ended: ended.length };
  }

  async me(principal: Principal): Promise<Me> {
    return {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      workspaces: await this.workspaces.forUser(principal.userId),
    };
  }

  /**
   * Records the request and answers at once: the same work, and so the same time, for any address; whether it has an
   * account is found after the response, by the job queue, which sends the link if it does.
   */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.throttle.resetRequested(ip, email);
    await this.jobs.enqueue(PASSWORD_RESET_JOB, { email, ip });
  }

  /** The job of a reset request: a link to the account of the address, if there is one. */
  private async sendResetLink(payload: Record<string, unknown>): Promise<void> {
    const user = await this.users.findByEmail(String(payload['email']));
    if (user) await this.resetLinks.send(user, String(payload['ip']));
  }

  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const reset = await this.resetLinks.find(token);
    if (!reset) throw resetTokenInvalid();
    const weak = passwordFieldError(password, reset.email);
    if (weak) throw weak;
    const hash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const claimed = await this.resetLinks.claim(manager, reset.id);
      if (!claimed) throw resetTokenInvalid();
      await this.users.setPassword(manager, reset.userId, hash);
      const revoked = await this.sessions.revokeAllForUser(manager, reset.userId);
      await this.audit.append(manager, {
        workspaceId: null,
        actorId: reset.userId,
        action: 'auth.password_reset',
        targetType: 'user',
        targetId: reset.userId,
        details: { sessionsRevoked: revoked },
      });
    });
    this.sessionEvents.publish({ userId: reset.userId });
  }
}

const RESET_TOKEN_INVALID = 'token is invalid, used or expired';
const resetTokenInvalid = () => problem('reset_token_invalid', RESET_TOKEN_INVALID, [{ field: 'token', message: RESET_TOKEN_INVALID, code: 'reset_token_invalid' }]);
