import type { Role } from './roles';

export const DOCUMENT_KINDS = ['strategy', 'sector_plan', 'concept', 'resolution_draft', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['drafting', 'in_consultation', 'adopted', 'archived'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** What a person may do with one document, from most to least. */
export const DOCUMENT_ACCESS_LEVELS = ['edit', 'comment', 'read'] as const;
export type DocumentAccess = (typeof DOCUMENT_ACCESS_LEVELS)[number];

export function isDocumentAccess(value: unknown): value is DocumentAccess {
  return typeof value === 'string' && (DOCUMENT_ACCESS_LEVELS as readonly string[]).includes(value);
}

/** True when `held` allows at least `needed`. */
export function accessAllows(held: DocumentAccess, needed: DocumentAccess): boolean {
  return DOCUMENT_ACCESS_LEVELS.indexOf(held) <= DOCUMENT_ACCESS_LEVELS.indexOf(needed);
}

export type DocumentAccessDecision =
  /** `frozen`: the text of a resolution under vote or decided, which nobody may edit (access at most comment). */
  | { allowed: true; access: DocumentAccess; until: Date | null; frozen: boolean }
  | { allowed: false; reason: 'not_member' | 'expired' };

/**
 * A person's access to a document:
 * - only active members of the document's workspace have any;
 * - coordinators edit;
 * - a grant (given by a coordinator, possibly with an end date, e.g. for ad-hoc experts) sets the level; after its
 *   end date the person is refused, not merely downgraded;
 * - everyone else in the workspace reads;
 * - adopted and archived documents are frozen: nobody edits them (coordinators may return them to drafting);
 * - the text of a resolution is frozen from the moment a vote on it opens, and for good once it is decided: nobody
 *   edits it (a change needs a new resolution that amends or repeals it).
 */
export function documentAccess(input: {
  role: Role | null;
  membershipActive: boolean;
  grant: DocumentAccess | null;
  grantExpiresAt: Date | null;
  status: DocumentStatus;
  now: Date;
  /** The document is the text of a resolution being voted on or decided. */
  resolutionTextFrozen?: boolean;
}): DocumentAccessDecision {
  if (!input.role || !input.membershipActive) return { allowed: false, reason: 'not_member' };
  let access: DocumentAccess = 'read';
  let until: Date | null = null;
  if (input.role === 'coordinator') {
    access = 'edit';
  } else if (input.grant) {
    if (input.grantExpiresAt && input.grantExpiresAt.getTime() <= input.now.getTime()) {
      return { allowed: false, reason: 'expired' };
    }
    access = input.grant;
    until = input.grantExpiresAt;
  }
  if ((input.status === 'adopted' || input.status === 'archived') && access === 'edit') {
    access = input.status === 'archived' ? 'read' : 'comment';
  }
  if (input.status === 'archived') access = 'read';
  const frozen = input.resolutionTextFrozen === true;
  if (frozen && access === 'edit') access = 'comment';
  return { allowed: true, access, until, frozen };
}

const STATUS_TRANSITIONS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  drafting: ['in_consultation', 'adopted', 'archived'],
  in_consultation: ['drafting', 'adopted', 'archived'],
  adopted: ['drafting', 'archived'],
  archived: ['drafting'],
};

/** Whether a document may move from one status to another (a coordinator's decision). */
export function statusTransitionAllowed(from: DocumentStatus, to: DocumentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}
