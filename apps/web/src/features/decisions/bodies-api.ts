// Changing the association's bodies (coordinators): POST /api/workspaces/:id/bodies (CreateBodyDto) and
// PATCH /api/bodies/:id (UpdateBodyDto: the members and the chair, or the whole rule book). Votes already opened keep their rules.
import type { BodyRuleBook } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';
import type { BodyKind, BodyView } from './decisions-api';

export const BODY_KINDS = ['general_assembly', 'board', 'other'] as const satisfies readonly BodyKind[];

/** POST /api/workspaces/:id/bodies; the general assembly with no members has every member of the association; the chair is one of the members (400 on `chairId` otherwise). */
export type BodyValues = Omit<components['schemas']['CreateBodyDto'], 'rules'>;

/** The workspace's member organisations, the ones a body may have (GET /api/workspaces/:id/organisations?kind=member). */
export const memberOrganisationsPath = (workspaceId: string) => `/workspaces/${workspaceId}/organisations?kind=member`;

// Typed by the API's OpenAPI document; the body's rule book is read with the domain's type (see decisions-api.ts).
const asBody = (pending: Promise<components['schemas']['DecisionBodyDto']>) => pending as Promise<BodyView>;
const body = (bodyId: string) => ({ params: { path: { bodyId } } });

export const createBody = (workspaceId: string, values: BodyValues): Promise<BodyView> =>
  asBody(call(apiClient.POST('/api/workspaces/{workspaceId}/bodies', { params: { path: { workspaceId } }, body: values })));
/** The members, the chair (one of them, or null: none named) and whether its resolutions approve joint projects. */
export const updateBodyMembers = (bodyId: string, memberIds: string[], chairId: string | null, approvesProjects: boolean): Promise<BodyView> =>
  asBody(call(apiClient.PATCH('/api/bodies/{bodyId}', { ...body(bodyId), body: { memberIds, chairId, approvesProjects } })));
/** Sends the whole rule book: the general rules and every kind's overrides. */
export const updateBodyRules = (bodyId: string, rules: BodyRuleBook): Promise<BodyView> => asBody(call(apiClient.PATCH('/api/bodies/{bodyId}', { ...body(bodyId), body: { rules } })));
