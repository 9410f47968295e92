import { excelJs } from '../../platform/export/exceljs';
import { spreadsheetRow, spreadsheetText } from '../../platform/export/spreadsheet-cell';
import { annexColumns, annexRows } from './render-csv';
import { currentReport, type StoredReportContent } from './report-data';
import { adoptionText, chartsOf, formatDate, formatDateTime, isEarlierFormat, type ReportLanguage, reportLabels } from './report-labels';

/**
 * The report as a workbook: a summary sheet with the same facts as the PDF and DOCX (the round, its timetable,
 * audiences and channels, the legal basis and the statutory period, where the announcement and the report were
 * published, the resolution that approved it, the meetings, the withdrawn comments, every statistics table: category,
 * count, share, and the main changes by chapter) and the annex sheet (one row per comment, the same columns as the
 * CSV). Text is written as text, never as formulas, and no text starts like one (spreadsheetRow: a leading apostrophe,
 * since a spreadsheet may still run it once the cell is edited or the sheet saved as CSV); counts and shares are
 * numbers. The workbook's dates are the publication's, so a published edition renders the same every time.
 */
export async function renderReportXlsx(stored: StoredReportContent, sha256: string | null, language: ReportLanguage): Promise<Buffer> {
  const labels = reportLabels(language);
  const content = currentReport(stored);
  const { Workbook } = await excelJs();
  const workbook = new Workbook();
  const when = content.publishedAt ? new Date(content.publishedAt) : new Date();
  workbook.creator = 'Commonplan';
  workbook.created = when;
  workbook.modified = when;
  workbook.title = `${labels.title}: ${content.round.title}`;

  const summary = workbook.addWorksheet(labels.sheets.summary);
  summary.columns = [{ width: 48 }, { width: 60 }, { width: 12 }];
  const bold = (row: { font: unknown }) => {
    row.font = { bold: true };
  };
  /** Every row of the summary goes through here: its text neutralised, its numbers left numbers. */
  const line = (...values: Array<string | number>) => {
    const row = summary.addRow(spreadsheetRow(values));
    row.alignment = { wrapText: true, vertical: 'top' };
    return row;
  };
  const t = labels.timetable;
  bold(line(labels.title));
  line(content.round.title);
  line(labels.organiser, content.organiser);
  line(labels.document, `${content.document.title} (${labels.version(content.document.version.number, content.document.version.name)})`);
  line(labels.versionHash, content.document.version.contentHash);
  if (content.publishedAt) line(labels.edition(content.edition), formatDateTime(content.publishedAt, labels));
  else line(labels.draft);
  if (sha256) line(labels.sha256, sha256);

  line();
  bold(line(labels.sheetSections.facts));
  line(labels.sections.legalBasis, content.round.legalBasis);
  line(labels.period.label, labels.period.rule(content.law));
  if (content.statutoryPeriod) {
    line('', labels.period.actual(content.statutoryPeriod.days), content.statutoryPeriod.days);
    line('', content.statutoryPeriod.kept ? labels.period.kept : labels.period.notKept);
  } else {
    line('', isEarlierFormat(content) ? labels.period.notRecorded : labels.period.notAnnounced);
  }
  if (content.round.announcedAt) line(t.announcedAt, formatDateTime(content.round.announcedAt, labels));
  line(labels.publication.announcement, content.publication.announcement.join('\n') || labels.publication.none);
  line(t.opensAt, formatDateTime(content.round.opensAt, labels));
  line(t.closesAt, formatDateTime(content.round.closesAt, labels));
  if (content.round.closedAt) line(t.closedAt, formatDateTime(content.round.closedAt, labels));
  line(t.reportDueAt, formatDate(content.round.reportDueAt, labels));
  line(t.audiences, content.round.audiences.map((a) => labels.audiences[a]).join('; '));
  line(t.channels, content.round.channels.map((c) => labels.channels[c]).join('; '));
  line(labels.publication.report, content.publication.report.join('\n') || labels.publication.none);
  line(labels.publication.adoption, adoptionText(content, labels));

  line();
  bold(line(labels.sections.meetings));
  if (content.meetings.length === 0) line(labels.noMeetings);
  content.meetings.forEach((meeting, index) => {
    bold(line(labels.sheetSections.meeting(index + 1), `${formatDateTime(meeting.startsAt, labels)} · ${meeting.place}`));
    if (meeting.participants !== null) line(labels.meetingFacts.participants, meeting.participants);
    if (meeting.summary.trim()) line(labels.meetingFacts.summary, meeting.summary);
    if (meeting.comments.length) line(labels.meetingFacts.comments, meeting.comments.join(', '));
  });

  line();
  const stats = content.statistics;
  line(labels.statistics.considered, stats.considered);
  line(labels.statistics.persons, stats.submitters.persons);
  line(labels.statistics.institutions, stats.submitters.institutions);
  if (content.withdrawn.length) line(labels.withdrawnComments.label, content.withdrawn.join(', '), content.withdrawn.length);
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

  line();
  bold(line(labels.sections.mainChanges));
  if (content.mainChanges.length === 0) line(labels.noChanges);
  for (const chapter of content.mainChanges) {
    bold(line(chapter.chapter, labels.changes.counts(chapter.accepted, chapter.partlyAccepted)));
    for (const passage of chapter.passages) {
      line(passage.comments.join(', '), `${labels.changes.quote(passage.wording)} (${passage.applied ? labels.changes.applied : labels.changes.proposed})`);
    }
  }

  const annex = workbook.addWorksheet(labels.sheets.annex, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = annexColumns(language);
  annex.columns = columns.map((column, index) => ({ header: spreadsheetText(column.label), width: [14, 24, 24, 40, 40, 40, 24, 22, 20, 12, 22, 40][index] ?? 20 }));
  annex.getRow(1).font = { bold: true };
  for (const values of annexRows(content, language)) {
    const row = annex.addRow(spreadsheetRow(values));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  annex.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
