import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { passwordProblem } from '@commonplan/domain';
import type { Principal } from '../access/request-context';
import { SessionStore, type SignedIn } from '../access/session-store';
import { AuditService } from '../audit/audit.service';
import { PasswordResetLinks } from './password-reset-links';
import { PasswordHasher } from '../platform/security/password-hasher';
import { UsersRepository } from '../people/users.repository';
import { type WorkspaceOfUser, WorkspacesRepository } from '../workspaces/workspaces.repository';
import { LoginThrottle } from './login-throttle';

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
  ) {}

  async login(email: string, password: string, client: { ip: string; userAgent: string | null }): Promise<SignedIn> {
    this.throttle.attempt(client.ip, email);
    const user = await this.users.findByEmailWithHash(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      this.throttle.failed(email);
      await this.audit.record({
        workspaceId: null,
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        details: { email, ip: client.ip },
      });
      throw new UnauthorizedException('wrong e-mail or password');
    }
    this.throttle.succeeded(email);
    return this.dataSource.transaction((manager) => this.sessions.open(manager, user, client));
  }

  logout(principal: Principal): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, principal.sessionId);
      await this.audit.append(manager, {
        workspaceId: null,
        actorId: principal.userId,
        action: 'auth.logout',
        targetType: 'session',
        targetId: principal.sessionId,
      });
    });
  }

  async me(principal: Principal): Promise<Me> {
    return {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      workspaces: await this.workspaces.forUser(principal.userId),
    };
  }

  /** Always answers the same way, so that it does not tell which addresses have accounts. */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    this.throttle.resetRequested(ip, email);
    const user = await this.users.findByEmail(email);
    if (!user) return;
    await this.resetLinks.send(user, ip);
  }

  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const reset = await this.resetLinks.find(token);
    if (!reset) throw new BadRequestException({ message: 'token is invalid, used or expired', errors: [{ field: 'token', message: 'token is invalid, used or expired' }] });
    const problem = passwordProblem(password, reset.email);
    if (problem) throw new BadRequestException({ message: problem, errors: [{ field: 'password', message: problem }] });
    const hash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const claimed = await this.resetLinks.claim(manager, reset.id);
      if (!claimed) throw new BadRequestException('token is invalid, used or expired');
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
  }
}
