// The shapes the API answers with (see apps/api/src/*/…controller.ts). Dates arrive as ISO strings.
import type { DocumentAccess, DocumentKind, DocumentStatus } from '@commonplan/domain';
import type { components } from './schema';

type Schemas = components['schemas'];


// Generated from the API's OpenAPI document (schema.d.ts; `npm run openapi:generate`): people, accounts, invitations,
// organisations and workspaces.
export type WorkspaceOfUser = Schemas['WorkspaceOfUserDto'];
export type Me = Schemas['MeDto'];
export type SignedIn = Schemas['SignedInDto'];
export type WorkspaceDetails = Schemas['WorkspaceDetailsDto'];
/** What the web app reads of an organisation (the API also sends its workspace and times). */
export type Organisation = Omit<Schemas['OrganisationDto'], 'workspaceId' | 'createdAt' | 'updatedAt'>;
export type Person = Schemas['PersonDto'];
export type PendingInvitation = Schemas['InvitationDto'];
export type InvitationPreview = Schemas['InvitationPreviewDto'];
export type JoinedWorkspace = Schemas['JoinedWorkspaceDto'];
export type SessionInfo = Schemas['SessionViewDto'];

// Still written by hand, mirroring the API until its controllers document their answers.
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
