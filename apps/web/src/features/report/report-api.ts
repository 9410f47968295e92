import { CONSULTATION_LAW, type Disposition, type DocumentKind, type RoundAudience, type RoundChannel, type RoundState, type SubmitterType } from '@commonplan/domain';
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
  disposition: Disposition | null;
  dispositionJustification: string | null;
}

export interface ReportCount<K extends string = string> {
  key: K;
  count: number;
}

type Both = { pl: string; en: string };

/** The changes of one chapter: counts, and each changed passage once with its comments. */
export interface ReportChapterChanges {
  chapter: string;
  accepted: number;
  partlyAccepted: number;
  passages: Array<{ comments: string[]; wording: string; applied: boolean }>;
}

/** The report as data, format 2 (the shape every edition is drawn in; see currentReport for format 1). */
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
  law: { act: Both; journal: Both; period: Both; report: Both; minimumDays: number; reportDueDays: number };
  statutoryPeriod: { countedFrom: string; minimumDays: number; days: number; kept: boolean } | null;
  publication: { announcement: string[]; report: string[] };
  adoption: { number: string; title: string; body: string; adoptedAt: string } | null;
  document: { title: string; kind: DocumentKind; version: { number: number; name: string; contentHash: string } };
  meetings: Array<{ startsAt: string; place: string; participants: number | null; summary: string; comments: string[] }>;
  statistics: {
    considered: number;
    submitters: { persons: number; institutions: number };
    byDisposition: Array<ReportCount<Disposition | 'undecided'>>;
    bySubmitterType: Array<ReportCount<SubmitterType>>;
    byChannel: Array<ReportCount<RoundChannel>>;
    byChapter: ReportCount[];
  };
  mainChanges: ReportChapterChanges[];
  annex: ReportAnnexEntry[];
  withdrawn: string[];
}

/** An edition published before format 2: one main change per comment, withdrawn comments in the annex, fewer facts. */
export interface ReportContentV1 {
  format: 1;
  edition: number;
  publishedAt: string | null;
  organiser: string;
  round: ReportContent['round'];
  document: ReportContent['document'];
  meetings: Array<{ startsAt: string; place: string }>;
  statistics: ReportContent['statistics'] & { received: number; withdrawn: number };
  mainChanges: Array<{ number: string; chapter: string; part: string; disposition: 'accepted' | 'partly_accepted'; proposedWording: string; dispositionJustification: string; appliedWording: string | null }>;
  annex: Array<ReportAnnexEntry & { withdrawn: boolean }>;
}

/** What a published edition may hold: the current format or an earlier one. */
export type StoredReportContent = ReportContent | ReportContentV1;

/**
 * Any edition in the current shape (the API's report-data.ts does the same for its files): a format-1 edition with its
 * main changes grouped by chapter and its withdrawn comments by number only, saying nothing of what it did not record.
 */
export function currentReport(content: StoredReportContent): ReportContent {
  if (content.format !== 1) return content as ReportContent;
  const v1 = content as ReportContentV1;
  const mainChanges: ReportChapterChanges[] = [];
  for (const change of v1.mainChanges) {
    let chapter = mainChanges.find((c) => c.chapter === change.chapter);
    if (!chapter) mainChanges.push((chapter = { chapter: change.chapter, accepted: 0, partlyAccepted: 0, passages: [] }));
    if (change.disposition === 'accepted') chapter.accepted++;
    else chapter.partlyAccepted++;
    const wording = (change.appliedWording ?? change.proposedWording).trim().replace(/\s+/g, ' ');
    if (!wording) continue;
    const same = chapter.passages.find((p) => p.wording === wording && p.applied === Boolean(change.appliedWording));
    if (same) same.comments.push(change.number);
    else chapter.passages.push({ comments: [change.number], wording, applied: Boolean(change.appliedWording) });
  }
  const { received: _received, withdrawn: _withdrawn, ...statistics } = v1.statistics;
  const law = CONSULTATION_LAW;
  return {
    format: 2,
    edition: v1.edition,
    publishedAt: v1.publishedAt,
    organiser: v1.organiser,
    round: v1.round,
    law: {
      act: { pl: law.act.plGenitive, en: law.act.en },
      journal: { pl: law.journal.pl, en: law.journal.en },
      period: { pl: law.period.pl, en: law.period.en },
      report: { pl: law.report.pl, en: law.report.en },
      minimumDays: law.period.minimumDays,
      reportDueDays: law.report.dueDays,
    },
    statutoryPeriod: null,
    publication: { announcement: [], report: [] },
    adoption: null,
    document: v1.document,
    meetings: v1.meetings.map((m) => ({ startsAt: m.startsAt, place: m.place, participants: null, summary: '', comments: [] })),
    statistics,
    mainChanges,
    annex: v1.annex.filter((e) => !e.withdrawn).map(({ withdrawn: _w, ...entry }) => entry),
    withdrawn: v1.annex.filter((e) => e.withdrawn).map((e) => e.number),
  };
}

export interface ReportEdition {
  edition: number;
  sha256: string;
  publishedAt: string;
}

/** GET /api/public/rounds/:roundId/report[?edition=N] */
export interface PublishedReport extends ReportEdition {
  roundId: string;
  /** As sealed: an edition of format 1 keeps its own shape. */
  content: StoredReportContent;
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
