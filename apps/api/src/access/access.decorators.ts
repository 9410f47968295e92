import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Capability } from '@commonplan/domain';

/**
 * Every route declares who may call it, and the guards deny a route that declares nothing:
 * - @Public(): anyone (login, health, invitation links);
 * - @SignedIn(): any signed-in person, not tied to a workspace;
 * - @WorkspaceCapability(c): an active member of the workspace named by the :workspaceId parameter whose role grants c.
 *   Routes that reach a workspace through another resource (a document id) use @SignedIn() and ask the feature's
 *   access service.
 * Each rule is also written into the route's OpenAPI operation as `x-access` (public, signedIn, workspace:<capability>),
 * so the document says who may call what and the public-surfaces test finds every public route there.
 */
export const ACCESS_RULE = 'commonplan:access';

export type AccessRule = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'workspace'; capability: Capability };

const rule = (value: AccessRule, documented: string) => applyDecorators(SetMetadata(ACCESS_RULE, value), ApiExtension('x-access', documented));

export const Public = () => rule({ kind: 'public' }, 'public');
export const SignedIn = () => rule({ kind: 'signedIn' }, 'signedIn');
export const WorkspaceCapability = (capability: Capability) => rule({ kind: 'workspace', capability }, `workspace:${capability}`);
