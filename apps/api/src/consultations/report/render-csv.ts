import { csvField } from '../../platform/export/spreadsheet-cell';
import { currentReport, type ReportAnnexEntry, type StoredReportContent } from './report-data';
import { type ReportLanguage, reportLabels, statusOf, submitterName } from './report-labels';

/** The annex's columns, in order: label and value of an entry. */
export function annexColumns(language: ReportLanguage): Array<{ label: string; value: (entry: ReportAnnexEntry) => string }> {
  const labels = reportLabels(language);
  const c = labels.columns;
  return [
    { label: c.number, value: (e) => e.number },
    { label: c.chapter, value: (e) => e.chapter },
    { label: c.part, value: (e) => e.part },
    { label: c.currentWording, value: (e) => e.currentWording },
    { label: c.proposedWording, value: (e) => e.proposedWording },
    { label: c.justification, value: (e) => e.justification },
    { label: c.submitter, value: (e) => submitterName(e.submitter, labels) },
    { label: c.submitterType, value: (e) => labels.submitterTypes[e.submitter.type] },
    { label: c.channel, value: (e) => labels.channels[e.channel] },
    { label: c.status, value: () => labels.considered },
    { label: c.disposition, value: (e) => statusOf(e, labels) },
    { label: c.dispositionJustification, value: (e) => e.dispositionJustification ?? '' },
  ];
}

/**
 * The annex's rows: every comment considered, then each withdrawn one by its number and status only (nothing else of
 * it is published), so the numbers run without gaps.
 */
export function annexRows(stored: StoredReportContent, language: ReportLanguage): string[][] {
  const content = currentReport(stored);
  const labels = reportLabels(language);
  const columns = annexColumns(language);
  const statusColumn = columns.findIndex((column) => column.label === labels.columns.status);
  return [
    ...content.annex.map((entry) => columns.map((column) => column.value(entry))),
    ...content.withdrawn.map((number) => columns.map((_, i) => (i === 0 ? number : i === statusColumn ? labels.withdrawn : ''))),
  ];
}

/**
 * The annex as CSV: UTF-8 with a byte order mark (so spreadsheets read Polish letters), a header row, CRLF lines,
 * fields as RFC 4180 has them, none that a spreadsheet would run as a formula (csvField).
 */
export function renderCsv(content: StoredReportContent, language: ReportLanguage): Buffer {
  const columns = annexColumns(language);
  const lines = [columns.map((column) => csvField(column.label)).join(',')];
  for (const row of annexRows(content, language)) lines.push(row.map((value) => csvField(value)).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
