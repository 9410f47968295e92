import { Workbook } from 'exceljs';
import { annexColumns } from './render-csv';
import type { ReportContent } from './report-data';
import { chartsOf, formatDate, formatDateTime, type ReportLanguage, reportLabels } from './report-labels';

/**
 * The report as a workbook: a summary sheet (the round's facts and every statistics table: category, count, share)
 * and the annex sheet (one row per comment, the same columns as the CSV). Text is written as text, never as
 * formulas. The workbook's dates are the publication's, so a published edition renders the same every time.
 */
export async function renderReportXlsx(content: ReportContent, sha256: string | null, language: ReportLanguage): Promise<Buffer> {
  const labels = reportLabels(language);
  const workbook = new Workbook();
  const when = content.publishedAt ? new Date(content.publishedAt) : new Date();
  workbook.creator = 'Commonplan';
  workbook.created = when;
  workbook.modified = when;
  workbook.title = `${labels.title}: ${content.round.title}`;

  const summary = workbook.addWorksheet(labels.sheets.summary);
  summary.columns = [{ width: 48 }, { width: 14 }, { width: 12 }];
  const bold = (row: { font: unknown }) => {
    row.font = { bold: true };
  };
  bold(summary.addRow([labels.title]));
  summary.addRow([content.round.title]);
  summary.addRow([labels.organiser, content.organiser]);
  summary.addRow([labels.document, `${content.document.title} (${labels.version(content.document.version.number, content.document.version.name)})`]);
  summary.addRow([labels.versionHash, content.document.version.contentHash]);
  summary.addRow(content.publishedAt ? [labels.edition(content.edition), formatDateTime(content.publishedAt, labels)] : [labels.draft]);
  if (sha256) summary.addRow([labels.sha256, sha256]);
  summary.addRow([labels.sections.legalBasis, content.round.legalBasis]);
  summary.addRow([labels.timetable.opensAt, formatDateTime(content.round.opensAt, labels)]);
  summary.addRow([labels.timetable.closesAt, formatDateTime(content.round.closesAt, labels)]);
  summary.addRow([labels.timetable.reportDueAt, formatDate(content.round.reportDueAt, labels)]);
  summary.addRow([]);
  const stats = content.statistics;
  summary.addRow([labels.statistics.received, stats.received]);
  summary.addRow([labels.statistics.withdrawn, stats.withdrawn]);
  summary.addRow([labels.statistics.considered, stats.considered]);
  summary.addRow([labels.statistics.persons, stats.submitters.persons]);
  summary.addRow([labels.statistics.institutions, stats.submitters.institutions]);
  summary.addRow([labels.statistics.withdrawnNote]);
  for (const chart of chartsOf(stats, labels)) {
    summary.addRow([]);
    bold(summary.addRow([chart.title]));
    bold(summary.addRow([labels.statistics.category, labels.statistics.count, labels.statistics.share]));
    for (const row of chart.rows) {
      const added = summary.addRow([row.label, row.count, stats.considered === 0 ? 0 : row.count / stats.considered]);
      added.getCell(3).numFmt = '0.0%';
    }
  }

  const annex = workbook.addWorksheet(labels.sheets.annex, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = annexColumns(language);
  annex.columns = columns.map((column, index) => ({ header: column.label, width: [14, 24, 24, 40, 40, 40, 24, 22, 20, 12, 22, 40][index] ?? 20 }));
  annex.getRow(1).font = { bold: true };
  for (const entry of content.annex) {
    const row = annex.addRow(columns.map((column) => column.value(entry)));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  annex.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
