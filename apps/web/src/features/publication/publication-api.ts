import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** GET /api/public/sites/:slug: what the association publishes. */
export type PublicSite = Schemas['PublicSiteDto'];
export type PublicConsultation = Schemas['PublicConsultationDto'];
export type PublicAdoptedDocument = Schemas['PublicAdoptedDocumentDto'];
export type PublicProject = Schemas['PublicProjectDto'];
/** GET /api/public/sites/:slug/records/:kind/:key: a record's BIP metadata. */
export type PublicRecord = Schemas['PublicRecordDto'];
export type RecordKind = PublicRecord['kind'];
/** GET /api/public/sites/:slug/accessibility */
export type AccessibilityStatement = Schemas['AccessibilityStatementDto'];
/** GET/PUT /api/workspaces/:id/publication */
export type PublicationSettings = Schemas['PublicationSettingsResponseDto'];
export type PublicationSettingsChange = Schemas['PublicationSettingsDto'];

export const RECORD_KINDS = ['resolution', 'consultation', 'report'] as const;

const site = (slug: string) => `/public/sites/${encodeURIComponent(slug)}`;
export const publicSitePath = site;
export const publicRecordPath = (slug: string, kind: string, key: string) => `${site(slug)}/records/${encodeURIComponent(kind)}/${encodeURIComponent(key)}`;
export const accessibilityPath = (slug: string) => `${site(slug)}/accessibility`;
export const publicationSettingsPath = (workspaceId: string) => `/workspaces/${workspaceId}/publication`;
/** Addresses the browser opens itself (downloads, the feed). */
export const feedUrl = (slug: string) => `/api${site(slug)}/feed.atom`;
export const recordExportUrl = (slug: string, kind: string, key: string) => `/api${publicRecordPath(slug, kind, key)}/export.zip`;

/** Pages of the public site. */
export const publicSitePage = (slug: string) => `/p/${encodeURIComponent(slug)}`;
export const publicRecordPage = (slug: string, kind: string, key: string | number) => `${publicSitePage(slug)}/records/${kind}/${encodeURIComponent(String(key))}`;
export const accessibilityPage = (slug: string) => `${publicSitePage(slug)}/accessibility`;
export const publicationSettingsPage = (workspaceId: string) => `/w/${workspaceId}/publication`;
