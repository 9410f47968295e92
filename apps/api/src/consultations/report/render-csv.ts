import { csvField } from '../../platform/export/spreadsheet-cell';
import type { ReportAnnexEntry, ReportContent } from './report-data';
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
    { label: c.status, value: (e) => (e.withdrawn ? labels.withdrawn : labels.considered) },
    { label: c.disposition, value: (e) => (e.withdrawn ? '' : statusOf(e, labels)) },
    { label: c.dispositionJustification, value: (e) => e.dispositionJustification ?? '' },
  ];
}

/**
 * The annex as CSV: UTF-8 with a byte order mark (so spreadsheets read Polish letters), a header row, CRLF lines,
 * fields as RFC 4180 has them, none that a spreadsheet would run as a formula (csvField).
 */
export function renderCsv(content: ReportContent, language: ReportLanguage): Buffer {
  const columns = annexColumns(language);
  const lines = [columns.map((column) => csvField(column.label)).join(',')];
  for (const entry of content.annex) lines.push(columns.map((column) => csvField(column.value(entry))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
