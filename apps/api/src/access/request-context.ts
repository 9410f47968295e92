import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@commonplan/domain';

/** Who is asking: set by AuthGuard on every authenticated request. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  sessionId: string;
  /** How the request proved it: a bearer token, or the session cookie (which then needs the CSRF header). */
  via: 'bearer' | 'cookie';
}

/** The caller's membership in the workspace of the route: set by the workspace guard. */
export interface WorkspaceMember {
  workspaceId: string;
  membershipId: string;
  role: Role;
  organisationId: string | null;
}

export interface AppRequest extends Request {
  principal?: Principal;
  member?: WorkspaceMember;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AppRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});

export const CurrentMember = createParamDecorator((_: unknown, ctx: ExecutionContext): WorkspaceMember => {
  const member = ctx.switchToHttp().getRequest<AppRequest>().member;
  if (!member) throw new Error('CurrentMember used on a route without @WorkspaceCapability');
  return member;
});

/** The client's address and agent, for sessions and rate limits. */
export function clientOf(req: Request): { ip: string; userAgent: string | null } {
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', userAgent: req.get('user-agent')?.slice(0, 300) ?? null };
}
