import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can } from '@commonplan/domain';
import { problem } from '../platform/http/problem-codes';
import { TokenService } from '../platform/security/tokens';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies';
import { MembershipLookup } from './membership-lookup';
import type { AppRequest, Principal } from './request-context';
import { SessionStore } from './session-store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one HTTP guard: authenticates the caller (bearer token or session cookie), protects cookie-authenticated
 * writes against cross-site request forgery, and enforces the route's access rule, including the caller's role in
 * the route's workspace. A route without a rule is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly memberships: MembershipLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their own handshake
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AppRequest>();
    if (!rule) {
      this.logger.error(`${request.method} ${request.path} declares no access rule and was refused`);
      throw new ForbiddenException('this route declares no access rule');
    }
    if (rule.kind === 'public') {
      // A public route serves anyone; a stale token is no reason to refuse it. A person it recognises by cookie
      // (accepting an invitation as themselves) writes under the same CSRF rule as everywhere.
      request.principal = (await this.authenticate(request).catch(() => null)) ?? undefined;
      if (request.principal?.via === 'cookie' && !SAFE_METHODS.has(request.method)) this.checkCsrf(request);
      return true;
    }
    const principal = await this.authenticate(request);
    if (principal) request.principal = principal;
    if (!principal) throw new UnauthorizedException('sign in first: no valid session token');
    if (principal.via === 'cookie' && !SAFE_METHODS.has(request.method)) this.checkCsrf(request);
    if (rule.kind === 'signedIn') return true;

    const workspaceId = request.params.workspaceId;
    if (typeof workspaceId !== 'string' || !UUID.test(workspaceId)) {
      throw new BadRequestException('workspaceId must be a UUID');
    }
    const member = await this.memberships.activeMember(workspaceId, principal.userId);
    if (!member) {
      if (!(await this.memberships.workspaceExists(workspaceId))) throw new NotFoundException('workspace not found');
      throw new ForbiddenException('you are not a member of this workspace');
    }
    if (!can(member.role, rule.capability)) {
      throw new ForbiddenException(`your role (${member.role}) may not do this here`);
    }
    request.member = member;
    return true;
  }

  private async authenticate(request: AppRequest): Promise<Principal | null> {
    const header = request.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthorizedException('the Authorization header must be "Bearer <token>"');
      const principal = await this.sessions.authenticate(match[1], 'bearer');
      if (!principal) throw problem('session_invalid', 'the session token is invalid or has expired');
      return principal;
    }
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return cookie ? this.sessions.authenticate(cookie, 'cookie') : null;
  }

  private checkCsrf(request: AppRequest): void {
    const cookie = (request.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE];
    const header = request.get(CSRF_HEADER);
    if (!cookie || !header || !TokenService.equal(cookie, header)) {
      throw new ForbiddenException(`a request signed in by cookie must echo the ${CSRF_COOKIE} cookie in the ${CSRF_HEADER} header`);
    }
  }
}
