// The shapes the API answers with (see apps/api/src/*/…controller.ts). Dates arrive as ISO strings.
import type { DocumentAccess, DocumentKind, DocumentStatus, OrganisationKind, OrganisationType, Role } from '@commonplan/domain';

export interface WorkspaceOfUser {
  id: string;
  name: string;
  shortName: string;
  slug: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  workspaces: WorkspaceOfUser[];
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; displayName: string };
}

export interface WorkspaceDetails {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  you: { membershipId: string; role: Role; organisationId: string | null };
  summary: { members: number; partners: number; people: number; documents: number };
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  type: OrganisationType;
  name: string;
  population: number | null;
  populationYear: number | null;
  voteWeight: number | null;
}

export interface Person {
  membershipId: string;
  userId: string;
  displayName: string;
  email?: string;
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  active: boolean;
  since: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  organisationId: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface InvitationPreview {
  workspace: { id: string; name: string };
  email: string;
  displayName: string | null;
  role: Role;
  organisation: { id: string; name: string } | null;
  accountExists: boolean;
  expiresAt: string;
}

export interface DocumentSummary {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  /** The reader's access to the document, and when it ends (ad-hoc experts) or null. */
  access: DocumentAccess;
  accessUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/documents/:id, and the answer of PATCH. */
export interface DocumentDetails extends DocumentSummary {
  workspaceId: string;
  createdBy: string | null;
}

export interface AuditEntry {
  id: number;
  seq: number;
  createdAt: string;
  actor: { id: string; displayName: string | null } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface ChainReport {
  valid: boolean;
  checkedEntries: number;
  headSeq: number;
  firstBroken: { seq: number; id: number | null; reason: string } | null;
}
