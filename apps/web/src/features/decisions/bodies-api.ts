// Changing the association's bodies (coordinators): POST /api/workspaces/:id/bodies (CreateBodyDto) and
// PATCH /api/bodies/:id (UpdateBodyDto: the members and the chair, or the whole rule book). Votes already opened keep their rules.
import type { BodyRuleBook } from '@commonplan/domain';
import { api } from '../../api/client';
import { type BodyKind, type BodyView, bodiesPath } from './decisions-api';

export const BODY_KINDS = ['general_assembly', 'board', 'other'] as const satisfies readonly BodyKind[];

/** POST /api/workspaces/:id/bodies; the general assembly with no members has every member of the association. */
export interface BodyValues {
  kind: BodyKind;
  name: string;
  nameGenitive: string;
  memberIds: string[];
  /** The chair, one of the members (400 on `chairId` otherwise). */
  chairId?: string | null;
}

/** The workspace's member organisations, the ones a body may have (GET /api/workspaces/:id/organisations?kind=member). */
export const memberOrganisationsPath = (workspaceId: string) => `/workspaces/${workspaceId}/organisations?kind=member`;

export const createBody = (workspaceId: string, values: BodyValues) => api.post<BodyView>(bodiesPath(workspaceId), values);
/** The members and the chair (one of them, or null: none named). */
export const updateBodyMembers = (bodyId: string, memberIds: string[], chairId: string | null) => api.patch<BodyView>(`/bodies/${bodyId}`, { memberIds, chairId });
/** Sends the whole rule book: the general rules and every kind's overrides. */
export const updateBodyRules = (bodyId: string, rules: BodyRuleBook) => api.patch<BodyView>(`/bodies/${bodyId}`, { rules });
