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

/** The stronger of two levels of access. */
export function strongerAccess(a: DocumentAccess, b: DocumentAccess | null): DocumentAccess {
  return b !== null && accessAllows(b, a) ? b : a;
}

export type DocumentAccessDecision =
  | {
      allowed: true;
      access: DocumentAccess;
      /** When the person's access ends altogether (an ended personal grant): the person is then refused. */
      until: Date | null;
      /** When the level of access next changes because a grant ends (also `until`); null when it stays. */
      changesAt: Date | null;
      /** The text of a resolution under vote or decided, which nobody may edit (access at most comment). */
      frozen: boolean;
    }
  | { allowed: false; reason: 'not_member' | 'expired' };

export interface DocumentAccessInput {
  role: Role | null;
  membershipActive: boolean;
  /** The person's own grant (given by a coordinator, possibly with an end date, e.g. for ad-hoc experts). */
  grant: DocumentAccess | null;
  grantExpiresAt: Date | null;
  /** The grant of the organisation the person represents in the workspace, if any. */
  organisationGrant?: DocumentAccess | null;
  organisationGrantExpiresAt?: Date | null;
  status: DocumentStatus;
  now: Date;
  /** The document is the text of a resolution being voted on or decided. */
  resolutionTextFrozen?: boolean;
}

/**
 * A person's access to a document:
 * - only active members of the document's workspace have any;
 * - coordinators edit;
 * - everyone else has the strongest of: read (everyone in the workspace), their own grant and the grant of the
 *   organisation they represent, each until its end date (ended grants count for nothing);
 * - a person whose own grant has ended is refused, not merely downgraded (the end of an ad-hoc expert's work), unless
 *   their organisation's grant still holds; an organisation's grant that ends only takes its level away;
 * - adopted and archived documents are frozen: nobody edits them (coordinators may return them to drafting);
 * - the text of a resolution is frozen from the moment a vote on it opens, and for good once it is decided: nobody
 *   edits it (a change needs a new resolution that amends or repeals it).
 */
export function documentAccess(input: DocumentAccessInput): DocumentAccessDecision {
  const decision = decideAt(input, input.now);
  if (!decision.allowed) return decision;
  // The moments a grant ends, from the soonest: the first that changes the level, and the first that refuses.
  const ends = [input.grantExpiresAt, input.organisationGrantExpiresAt ?? null]
    .filter((end): end is Date => end !== null && end.getTime() > input.now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  let changesAt: Date | null = null;
  let until: Date | null = null;
  for (const end of ends) {
    const later = decideAt(input, end);
    if (!later.allowed) {
      until = end;
      changesAt ??= end;
      break;
    }
    if (changesAt === null && later.access !== decision.access) changesAt = end;
  }
  return { ...decision, until, changesAt };
}

function decideAt(
  input: DocumentAccessInput,
  now: Date,
): { allowed: true; access: DocumentAccess; frozen: boolean } | { allowed: false; reason: 'not_member' | 'expired' } {
  if (!input.role || !input.membershipActive) return { allowed: false, reason: 'not_member' };
  const holds = (grant: DocumentAccess | null | undefined, end: Date | null | undefined) =>
    grant && (!end || end.getTime() > now.getTime()) ? grant : null;
  let access: DocumentAccess = 'read';
  if (input.role === 'coordinator') {
    access = 'edit';
  } else {
    const own = holds(input.grant, input.grantExpiresAt);
    const organisation = holds(input.organisationGrant, input.organisationGrantExpiresAt);
    if (input.grant && !own && !organisation) return { allowed: false, reason: 'expired' };
    access = strongerAccess(strongerAccess(access, own), organisation);
  }
  if (input.status === 'adopted' && access === 'edit') access = 'comment';
  if (input.status === 'archived') access = 'read';
  const frozen = input.resolutionTextFrozen === true;
  if (frozen && access === 'edit') access = 'comment';
  return { allowed: true, access, frozen };
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
