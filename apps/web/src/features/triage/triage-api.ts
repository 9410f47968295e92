// The triage of a round's comments (apps/api/src/consultations/triage.*.ts, comment.dto.ts), typed by the API's
// OpenAPI document (apps/web/src/api/schema.d.ts).
import { DISPOSITIONS, type Disposition, type Role, type RoundChannel, SUBMITTER_TYPES, type SubmitterKind, type SubmitterType } from '@commonplan/domain';
import { ApiError, apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];


/** The triage table's orders (triage.dto.ts TRIAGE_SORTS). */
export const TRIAGE_SORTS = ['number', 'part', 'submitter', 'disposition'] as const;
export type TriageSort = (typeof TRIAGE_SORTS)[number];

/** A comment as staff see it (GET /api/rounds/:roundId/triage): what was sent, and the work on it. Never an e-mail. */
export type TriageRow = Schemas['TriageRowDto'];

/** The table's filters, as they stand in the page's query string (empty = not filtered). */
export interface TriageFilters {
  part: string;
  submitterType: string;
  /** a disposition, or "none" for comments without one */
  disposition: string;
  /** a user id, or "none" for unassigned comments */
  assigneeId: string;
  q: string;
  sort: string;
}

export const FILTER_KEYS = ['part', 'submitterType', 'disposition', 'assigneeId', 'q', 'sort'] as const satisfies ReadonlyArray<keyof TriageFilters>;

export const NO_FILTERS: TriageFilters = { part: '', submitterType: '', disposition: '', assigneeId: '', q: '', sort: '' };

/** The filters of a query string; values the API would refuse are dropped. */
export function filtersFromSearch(search: URLSearchParams): TriageFilters {
  const get = (key: keyof TriageFilters) => search.get(key)?.trim() ?? '';
  const oneOf = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
  return {
    part: get('part'),
    submitterType: oneOf(get('submitterType'), SUBMITTER_TYPES),
    disposition: oneOf(get('disposition'), [...DISPOSITIONS, 'none']),
    assigneeId: get('assigneeId'),
    q: get('q'),
    sort: oneOf(get('sort'), TRIAGE_SORTS),
  };
}

/** The query string of filters, with the empty ones left out ("" when none is set). */
export function searchOfFilters(filters: TriageFilters): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const triagePath = (roundId: string, filters: TriageFilters = NO_FILTERS) => `/rounds/${roundId}/triage${searchOfFilters(filters)}`;

/** The triage page of a round in the web app. */
export const triagePagePath = (workspaceId: string, roundId: string) => `/w/${workspaceId}/rounds/${roundId}/comments`;

/** Coordinators and experts work on comments; coordinators assign and approve. */
export const isStaff = (role: Role) => role === 'coordinator' || role === 'expert';

/** Who may record a disposition: a coordinator, or the expert the comment is assigned to (not on a withdrawn one). */
export const canDecide = (role: Role, myUserId: string, row: TriageRow) =>
  !row.withdrawn && (role === 'coordinator' || (role === 'expert' && row.assignee?.id === myUserId));

const comment = (commentId: string) => ({ params: { path: { commentId } } });

export const assignComment = (commentId: string, assigneeId: string | null): Promise<void> =>
  call(apiClient.PUT('/api/consultation-comments/{commentId}/assignee', { ...comment(commentId), body: { assigneeId } }));
export const decideComment = (commentId: string, disposition: Disposition, justification: string): Promise<void> =>
  call(apiClient.PUT('/api/consultation-comments/{commentId}/disposition', { ...comment(commentId), body: { disposition, justification } }));
export const approveDisposition = (commentId: string): Promise<void> => call(apiClient.POST('/api/consultation-comments/{commentId}/disposition/approve', comment(commentId)));
export const addInternalNote = (commentId: string, body: string): Promise<void> =>
  call(apiClient.POST('/api/consultation-comments/{commentId}/notes', { ...comment(commentId), body: { body } }));

/** At most this many comments in one bulk action (triage.dto.ts MAX_BULK_COMMENTS). */
export const MAX_BULK_COMMENTS = 500;

/** What a bulk action did (POST /api/rounds/:roundId/triage/bulk): the comments changed and those already so. */
export type TriageBulkResult = Schemas['TriageBulkResultDto'];

/** A comment a bulk action refused, with why (in English): the 409 triage_bulk_refused lists them under `comments`. */
export type RefusedComment = Schemas['TriageRefusedCommentDto'];

/** The comments a refused bulk action names (none for another error). */
export function refusedComments(error: unknown): RefusedComment[] {
  if (!(error instanceof ApiError) || error.code !== ('triage_bulk_refused' satisfies Schemas['ProblemCode'])) return [];
  const comments = error.extensions['comments'];
  return Array.isArray(comments) ? comments.filter((c): c is RefusedComment => typeof c === 'object' && c !== null && typeof c.number === 'string') : [];
}

/**
 * One action on many comments of the round (coordinators), all or nothing: assign them to a person (null: to nobody),
 * or approve their drafted dispositions.
 */
export const bulkTriage = (roundId: string, body: { commentIds: string[]; action: 'assign'; assigneeId: string | null } | { commentIds: string[]; action: 'approve' }): Promise<TriageBulkResult> =>
  call(apiClient.POST('/api/rounds/{roundId}/triage/bulk', { params: { path: { roundId } }, body }));

/** Comments a bulk action takes: not withdrawn. */
export const selectable = (row: TriageRow) => !row.withdrawn;

/** Comments whose drafted disposition awaits a coordinator's approval. */
export const awaitsApproval = (row: TriageRow) => !row.withdrawn && row.disposition !== null && !row.approved;

/** A comment that came by e-mail, post, an oral protocol or ePUAP, entered by staff (StaffCommentDto). */
export interface StaffCommentValues {
  channel: RoundChannel;
  submitter: { kind: SubmitterKind; name: string; type: SubmitterType };
  email?: string;
  part: string;
  currentWording?: string;
  proposedWording?: string;
  justification: string;
  /** For a comment made orally: the round's meeting it was made at. */
  meetingId?: string;
}

/** The receipt of a comment (its number in the workspace's yearly series). */
export type CommentReceipt = Schemas['CommentReceiptDto'];

export const enterComment = (roundId: string, values: StaffCommentValues): Promise<CommentReceipt> =>
  call(apiClient.POST('/api/rounds/{roundId}/comments/entered', { params: { path: { roundId } }, body: values }));
