// The shapes the API answers with (see apps/api/src/*/…controller.ts). Dates arrive as ISO strings.
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

// Documents and the audit trail.
/** A document with the reader's access to it (and when that access ends, for ad-hoc experts, or null). */
export type DocumentSummary = Schemas['DocumentDto'];
/** GET /api/documents/:id, and the answer of PATCH. */
export type DocumentDetails = Schemas['DocumentDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type ChainReport = Schemas['ChainReportDto'];
