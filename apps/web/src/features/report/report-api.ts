import { CONSULTATION_LAW } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

// The consultation report as the API gives it (apps/api/src/consultations/report/report-data.ts), typed by the API's
// OpenAPI document (report-responses.dto.ts): the same data in every language; this app adds the words.

export const REPORT_FORMATS = ['pdf', 'docx', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Who sent a comment, as the report says it: an institution by name, a private person by number only. */
export type ReportSubmitter = Schemas['ReportPersonSubmitterDto'] | Schemas['ReportInstitutionSubmitterDto'];

export type ReportAnnexEntry = Schemas['ReportAnnexEntryDto'];

export type ReportCount = Schemas['ReportCountDto'];

/** The changes of one chapter: counts, and each changed passage once with its comments. */
export type ReportChapterChanges = Schemas['ReportChapterChangesDto'];

/** The report as data, format 2 (the shape every edition is drawn in; see currentReport for format 1). */
export type ReportContent = Schemas['ReportContentDto'];

/** An edition published before format 2: one main change per comment, withdrawn comments in the annex, fewer facts. */
export type ReportContentV1 = Schemas['ReportContentV1Dto'];

/** What a published edition may hold: the current format or an earlier one. */
export type StoredReportContent = ReportContent | ReportContentV1;

/**
 * Any edition in the current shape (the API's report-data.ts does the same for its files): a format-1 edition with its
 * main changes grouped by chapter and its withdrawn comments by number only, saying nothing of what it did not record.
 */
export function currentReport(content: StoredReportContent): ReportContent {
  if (content.format !== 1) return content;
  const v1 = content;
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

export type ReportEdition = Schemas['ReportEditionDto'];

/** GET /api/public/rounds/:roundId/report[?edition=N]: the content as sealed (an edition of format 1 keeps its shape). */
export type PublishedReport = Schemas['PublishedReportDto'];

/** GET /api/rounds/:roundId/report (coordinators and experts) */
export type ReportPreview = Schemas['ReportPreviewDto'];

export const reportPagePath = (workspaceId: string, roundId: string) => `/w/${workspaceId}/rounds/${roundId}/report`;
export const previewPath = (roundId: string) => `/rounds/${roundId}/report`;
export const publishedPath = (roundId: string, edition?: number) => `/public/rounds/${roundId}/report${edition ? `?edition=${edition}` : ''}`;

/** A download of the report: the staff preview, or a published edition (the latest unless named). */
export function reportFileUrl(roundId: string, format: ReportFormat, language: string, published: { edition?: number } | null): string {
  const lang = `lang=${language === 'en' ? 'en' : 'pl'}`;
  if (!published) return `/api/rounds/${roundId}/report.${format}?${lang}`;
  return `/api/public/rounds/${roundId}/report.${format}?${lang}${published.edition ? `&edition=${published.edition}` : ''}`;
}

export const publishReport = (roundId: string): Promise<ReportEdition> => call(apiClient.POST('/api/rounds/{roundId}/report/publish', { params: { path: { roundId } } }));

/**
 * The id of a comment's row in the annex ("U/2026/0001" → "uwaga-U-2026-0001"): the e-mail telling a submitter that
 * the report is published links to `/consultations/<round>#uwaga-…` (commentAnchor in the API's
 * consultations/round-notifications.ts makes the same).
 */
export function commentAnchor(number: string): string {
  return `uwaga-${number.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
