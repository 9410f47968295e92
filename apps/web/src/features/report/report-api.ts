import type { Disposition, DocumentKind, RoundAudience, RoundChannel, RoundState, SubmitterType } from '@commonplan/domain';
import { api } from '../../api/client';

// The consultation report as the API gives it (apps/api/src/consultations/report/report-data.ts): the same data in
// every language; this app adds the words.

export const REPORT_FORMATS = ['pdf', 'docx', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportSubmitter = { kind: 'person'; number: number; type: SubmitterType } | { kind: 'institution'; name: string; type: SubmitterType };

export interface ReportAnnexEntry {
  number: string;
  chapter: string;
  part: string;
  currentWording: string;
  proposedWording: string;
  justification: string;
  submitter: ReportSubmitter;
  channel: RoundChannel;
  withdrawn: boolean;
  disposition: Disposition | null;
  dispositionJustification: string | null;
}

export interface ReportCount<K extends string = string> {
  key: K;
  count: number;
}

export interface ReportContent {
  format: number;
  edition: number;
  publishedAt: string | null;
  organiser: string;
  round: {
    id: string;
    title: string;
    legalBasis: string;
    audiences: RoundAudience[];
    channels: RoundChannel[];
    announcedAt: string | null;
    opensAt: string;
    closesAt: string;
    closedAt: string | null;
    reportDueAt: string;
  };
  document: { title: string; kind: DocumentKind; version: { number: number; name: string; contentHash: string } };
  meetings: Array<{ startsAt: string; place: string }>;
  statistics: {
    received: number;
    withdrawn: number;
    considered: number;
    submitters: { persons: number; institutions: number };
    byDisposition: Array<ReportCount<Disposition | 'undecided'>>;
    bySubmitterType: Array<ReportCount<SubmitterType>>;
    byChannel: Array<ReportCount<RoundChannel>>;
    byChapter: ReportCount[];
  };
  mainChanges: Array<{ number: string; chapter: string; part: string; disposition: 'accepted' | 'partly_accepted'; proposedWording: string; dispositionJustification: string; appliedWording: string | null }>;
  annex: ReportAnnexEntry[];
}

export interface ReportEdition {
  edition: number;
  sha256: string;
  publishedAt: string;
}

/** GET /api/public/rounds/:roundId/report[?edition=N] */
export interface PublishedReport extends ReportEdition {
  roundId: string;
  content: ReportContent;
  editions: ReportEdition[];
}

/** GET /api/rounds/:roundId/report (coordinators and experts) */
export interface ReportPreview {
  roundId: string;
  state: RoundState;
  content: ReportContent;
  blockers: { undecided: string[]; unapproved: string[] };
  editions: ReportEdition[];
  changedSinceLatest: boolean | null;
  publishable: { ok: boolean; reason: 'round_not_closed' | 'undecided_comments' | 'unchanged' | null };
}

export const reportPagePath = (workspaceId: string, roundId: string) => `/w/${workspaceId}/rounds/${roundId}/report`;
export const previewPath = (roundId: string) => `/rounds/${roundId}/report`;
export const publishedPath = (roundId: string, edition?: number) => `/public/rounds/${roundId}/report${edition ? `?edition=${edition}` : ''}`;

/** A download of the report: the staff preview, or a published edition (the latest unless named). */
export function reportFileUrl(roundId: string, format: ReportFormat, language: string, published: { edition?: number } | null): string {
  const lang = `lang=${language === 'en' ? 'en' : 'pl'}`;
  if (!published) return `/api/rounds/${roundId}/report.${format}?${lang}`;
  return `/api/public/rounds/${roundId}/report.${format}?${lang}${published.edition ? `&edition=${published.edition}` : ''}`;
}

export const publishReport = (roundId: string) => api.post<ReportEdition>(`/rounds/${roundId}/report/publish`, {});
