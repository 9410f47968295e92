import { SetMetadata } from '@nestjs/common';
import type { Capability } from '@commonplan/domain';

/**
 * Every route declares who may call it, and the guards deny a route that declares nothing:
 * - @Public(): anyone (login, health, invitation links);
 * - @SignedIn(): any signed-in person, not tied to a workspace;
 * - @WorkspaceCapability(c): an active member of the workspace named by the :workspaceId parameter whose role grants c.
 *   Routes that reach a workspace through another resource (a document id) use @SignedIn() and ask the feature's
 *   access service.
 */
export const ACCESS_RULE = 'commonplan:access';

export type AccessRule = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'workspace'; capability: Capability };

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signedIn' } satisfies AccessRule);
export const WorkspaceCapability = (capability: Capability) =>
  SetMetadata(ACCESS_RULE, { kind: 'workspace', capability } satisfies AccessRule);
