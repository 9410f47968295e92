// The triage of a round's comments (apps/api/src/consultations/triage.*.ts, comment.dto.ts), mirrored by hand.
import { DISPOSITIONS, type Disposition, type Role, type RoundChannel, SUBMITTER_TYPES, type SubmitterKind, type SubmitterType } from '@commonplan/domain';
import { api } from '../../api/client';


/** The triage table's orders (triage.dto.ts TRIAGE_SORTS). */
export const TRIAGE_SORTS = ['number', 'part', 'submitter', 'disposition'] as const;
export type TriageSort = (typeof TRIAGE_SORTS)[number];

/** A comment as staff see it (GET /api/rounds/:roundId/triage): what was sent, and the work on it. Never an e-mail. */
export interface TriageRow {
  id: string;
  number: string;
  part: string;
  passage: { from: number; to: number } | null;
  currentWording: string;
  proposedWording: string;
  justification: string;
  submitter: { kind: SubmitterKind; name: string; type: SubmitterType };
  channel: RoundChannel;
  withdrawn: boolean;
  createdAt: string;
  updatedAt: string;
  assignee: { id: string; displayName: string } | null;
  disposition: Disposition | null;
  dispositionJustification: string | null;
  dispositionBy: { id: string; displayName: string } | null;
  approved: boolean;
  /** The proposed wording as it went into the live draft, once applied. */
  applied: { text: string; at: string } | null;
  /** Internal: never published, never shown to submitters. */
  notes: Array<{ id: string; body: string; author: string; createdAt: string }>;
}

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

const commentPath = (commentId: string) => `/consultation-comments/${commentId}`;

export const assignComment = (commentId: string, assigneeId: string | null) => api.put<void>(`${commentPath(commentId)}/assignee`, { assigneeId });
export const decideComment = (commentId: string, disposition: Disposition, justification: string) =>
  api.put<void>(`${commentPath(commentId)}/disposition`, { disposition, justification });
export const approveDisposition = (commentId: string) => api.post<void>(`${commentPath(commentId)}/disposition/approve`, {});
export const addInternalNote = (commentId: string, body: string) => api.post<void>(`${commentPath(commentId)}/notes`, { body });

/** At most this many comments in one bulk action (triage.dto.ts MAX_BULK_COMMENTS). */
export const MAX_BULK_COMMENTS = 500;

/** What a bulk action did (POST /api/rounds/:roundId/triage/bulk): the comments changed and those already so. */
export interface TriageBulkResult {
  action: 'assign' | 'approve';
  changed: Array<{ id: string; number: string }>;
  unchanged: Array<{ id: string; number: string }>;
}

/**
 * One action on many comments of the round (coordinators), all or nothing: assign them to a person (null: to nobody),
 * or approve their drafted dispositions.
 */
export const bulkTriage = (roundId: string, body: { commentIds: string[]; action: 'assign'; assigneeId: string | null } | { commentIds: string[]; action: 'approve' }) =>
  api.post<TriageBulkResult>(`/rounds/${roundId}/triage/bulk`, body);

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
export interface CommentReceipt {
  id: string;
  number: string;
  roundTitle: string;
  submittedAt: string;
}

export const enterComment = (roundId: string, values: StaffCommentValues) => api.post<CommentReceipt>(`/rounds/${roundId}/comments/entered`, values);
