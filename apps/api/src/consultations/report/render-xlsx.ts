import { Workbook } from 'exceljs';
import { spreadsheetRow, spreadsheetText } from '../../platform/export/spreadsheet-cell';
import { annexColumns } from './render-csv';
import type { ReportContent } from './report-data';
import { chartsOf, formatDate, formatDateTime, type ReportLanguage, reportLabels } from './report-labels';

/**
 * The report as a workbook: a summary sheet (the round's facts and every statistics table: category, count, share)
 * and the annex sheet (one row per comment, the same columns as the CSV). Text is written as text, never as
 * formulas, and no text starts like one (spreadsheetRow: a leading apostrophe, since a spreadsheet may still run it
 * once the cell is edited or the sheet saved as CSV); counts and shares are numbers. The workbook's dates are the
 * publication's, so a published edition renders the same every time.
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
  /** Every row of the summary goes through here: its text neutralised, its numbers left numbers. */
  const line = (...values: Array<string | number>) => summary.addRow(spreadsheetRow(values));
  bold(line(labels.title));
  line(content.round.title);
  line(labels.organiser, content.organiser);
  line(labels.document, `${content.document.title} (${labels.version(content.document.version.number, content.document.version.name)})`);
  line(labels.versionHash, content.document.version.contentHash);
  if (content.publishedAt) line(labels.edition(content.edition), formatDateTime(content.publishedAt, labels));
  else line(labels.draft);
  if (sha256) line(labels.sha256, sha256);
  line(labels.sections.legalBasis, content.round.legalBasis);
  line(labels.timetable.opensAt, formatDateTime(content.round.opensAt, labels));
  line(labels.timetable.closesAt, formatDateTime(content.round.closesAt, labels));
  line(labels.timetable.reportDueAt, formatDate(content.round.reportDueAt, labels));
  line();
  const stats = content.statistics;
  line(labels.statistics.received, stats.received);
  line(labels.statistics.withdrawn, stats.withdrawn);
  line(labels.statistics.considered, stats.considered);
  line(labels.statistics.persons, stats.submitters.persons);
  line(labels.statistics.institutions, stats.submitters.institutions);
  line(labels.statistics.withdrawnNote);
  for (const chart of chartsOf(stats, labels)) {
    line();
    bold(line(chart.title));
    bold(line(labels.statistics.category, labels.statistics.count, labels.statistics.share));
    for (const row of chart.rows) {
      const added = line(row.label, row.count, stats.considered === 0 ? 0 : row.count / stats.considered);
      added.getCell(3).numFmt = '0.0%';
    }
  }

  const annex = workbook.addWorksheet(labels.sheets.annex, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = annexColumns(language);
  annex.columns = columns.map((column, index) => ({ header: spreadsheetText(column.label), width: [14, 24, 24, 40, 40, 40, 24, 22, 20, 12, 22, 40][index] ?? 20 }));
  annex.getRow(1).font = { bold: true };
  for (const entry of content.annex) {
    const row = annex.addRow(spreadsheetRow(columns.map((column) => column.value(entry))));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  annex.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
