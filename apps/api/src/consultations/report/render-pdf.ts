import { barChart as drawBarChart, BAR_COLOUR, BODY, contentWidth, ensureSpace, field, heading, MARGIN, paragraph, type Pdf, renderPdf } from '../../platform/export/pdf';
import { currentReport, type ReportContent, type StoredReportContent } from './report-data';
import {
  adoptionText,
  chartsOf,
  formatDate,
  formatDateTime,
  formatShare,
  passageText,
  periodText,
  type ReportLabels,
  type ReportLanguage,
  reportLabels,
  statusOf,
  submitterName,
} from './report-labels';

/** "Label:" and each address on its own line, as a link (a long address may still wrap). */
function addresses(pdf: Pdf, label: string, urls: string[], none: string): void {
  if (urls.length === 0) return field(pdf, label, none);
  pdf.font('bold').fontSize(BODY).text(`${label}:`, MARGIN, pdf.y, { width: contentWidth(pdf), lineGap: 2 });
  for (const url of urls) {
    pdf.font('regular').fillColor(BAR_COLOUR).text(url, MARGIN + 8, pdf.y, { width: contentWidth(pdf) - 8, link: url, underline: true, lineGap: 2 });
  }
  pdf.fillColor('#000000').moveDown(0.2);
}

/** A chart of counts, each with its share of `total`. */
function barChart(pdf: Pdf, title: string, rows: Array<{ label: string; count: number }>, total: number, labels: ReportLabels): void {
  drawBarChart(
    pdf,
    title,
    rows.map((row) => ({ label: row.label, value: row.count, text: `${row.count} (${formatShare(row.count, total, labels)})` })),
  );
}

/**
 * The report as a PDF: a title block (who consulted what, edition, date, the content's SHA-256), the sections of the
 * report with vector bar charts, and the annex with every comment; page numbers at the foot.
 */
export function renderReportPdf(stored: StoredReportContent, sha256: string | null, language: ReportLanguage): Promise<Buffer> {
  const labels = reportLabels(language);
  const content = currentReport(stored);
  return renderPdf(
    {
      language,
      info: {
        Title: `${labels.title}: ${content.round.title}`,
        Subject: content.publishedAt ? labels.edition(content.edition) : labels.draft,
        Keywords: sha256 ? `SHA-256 ${sha256}` : '',
        ...(content.publishedAt ? { CreationDate: new Date(content.publishedAt) } : {}),
      },
    },
    (pdf) => write(pdf, content, sha256, labels),
    (page, pages) => `${content.round.title} · ${content.publishedAt ? labels.edition(content.edition) : labels.draft} · ${labels.page(page, pages)}`,
  );
}

function write(pdf: Pdf, content: ReportContent, sha256: string | null, labels: ReportLabels): void {
  const stats = content.statistics;
  pdf.font('bold').fontSize(20).text(labels.title, MARGIN, MARGIN, { width: contentWidth(pdf) });
  pdf.moveDown(0.4).font('regular').fontSize(14).text(content.round.title, { width: contentWidth(pdf) });
  pdf.moveDown(0.8).fontSize(BODY);
  field(pdf, labels.organiser, content.organiser);
  field(pdf, labels.document, `${content.document.title} (${labels.version(content.document.version.number, content.document.version.name)})`);
  field(pdf, labels.versionHash, content.document.version.contentHash);
  if (content.publishedAt) {
    field(pdf, labels.edition(content.edition), `${labels.publishedAt}: ${formatDateTime(content.publishedAt, labels)}`);
  } else {
    paragraph(pdf, labels.draft, { font: 'bold' });
  }
  if (sha256) field(pdf, labels.sha256, sha256);

  let section = 0;
  const next = (title: string) => heading(pdf, `${++section}. ${title}`);

  next(labels.sections.legalBasis);
  paragraph(pdf, content.round.legalBasis);
  field(pdf, labels.period.label, periodText(content, labels));

  next(labels.sections.timetable);
  const t = labels.timetable;
  if (content.round.announcedAt) field(pdf, t.announcedAt, formatDateTime(content.round.announcedAt, labels));
  addresses(pdf, labels.publication.announcement, content.publication.announcement, labels.publication.none);
  field(pdf, t.opensAt, formatDateTime(content.round.opensAt, labels));
  field(pdf, t.closesAt, formatDateTime(content.round.closesAt, labels));
  if (content.round.closedAt) field(pdf, t.closedAt, formatDateTime(content.round.closedAt, labels));
  field(pdf, t.reportDueAt, formatDate(content.round.reportDueAt, labels));
  field(pdf, t.audiences, content.round.audiences.map((a) => labels.audiences[a]).join('; '));
  field(pdf, t.channels, content.round.channels.map((c) => labels.channels[c]).join('; '));

  next(labels.sections.meetings);
  if (content.meetings.length === 0) paragraph(pdf, labels.noMeetings);
  for (const meeting of content.meetings) {
    ensureSpace(pdf, 50);
    paragraph(pdf, `${formatDateTime(meeting.startsAt, labels)} · ${meeting.place}`, { font: 'bold' });
    if (meeting.participants !== null) field(pdf, labels.meetingFacts.participants, String(meeting.participants));
    if (meeting.summary.trim()) field(pdf, labels.meetingFacts.summary, meeting.summary);
    if (meeting.comments.length) field(pdf, labels.meetingFacts.comments, meeting.comments.join(', '));
  }

  next(labels.sections.statistics);
  field(pdf, labels.statistics.considered, String(stats.considered));
  field(pdf, labels.statistics.persons, String(stats.submitters.persons));
  field(pdf, labels.statistics.institutions, String(stats.submitters.institutions));
  if (content.withdrawn.length) field(pdf, labels.withdrawnComments.label, content.withdrawn.join(', '));
  paragraph(pdf, labels.statistics.withdrawnNote, { font: 'italic' });
  if (stats.considered === 0) paragraph(pdf, labels.noComments);
  for (const chart of chartsOf(stats, labels)) {
    if (chart.rows.length > 0) barChart(pdf, chart.title, chart.rows, stats.considered, labels);
  }

  next(labels.sections.mainChanges);
  if (content.mainChanges.length === 0) paragraph(pdf, labels.noChanges);
  for (const chapter of content.mainChanges) {
    ensureSpace(pdf, 40);
    paragraph(pdf, `${chapter.chapter} · ${labels.changes.counts(chapter.accepted, chapter.partlyAccepted)}`, { font: 'bold' });
    for (const passage of chapter.passages) {
      pdf.font('regular').fontSize(BODY - 1).text(`• ${passageText(passage, labels)}`, MARGIN + 8, pdf.y, { width: contentWidth(pdf) - 8, lineGap: 1 });
      pdf.moveDown(0.15);
    }
    pdf.fontSize(BODY).moveDown(0.3);
  }

  next(labels.sections.publication);
  addresses(pdf, labels.publication.report, content.publication.report, labels.publication.none);
  field(pdf, labels.publication.adoption, adoptionText(content, labels));

  next(labels.sections.personalData);
  paragraph(pdf, labels.personalDataNote);

  pdf.addPage();
  heading(pdf, labels.sections.annex, 14);
  if (content.annex.length === 0) paragraph(pdf, labels.noComments);
  const c = labels.columns;
  for (const entry of content.annex) {
    ensureSpace(pdf, 90);
    const top = pdf.y;
    pdf.save().moveTo(MARGIN, top).lineTo(MARGIN + contentWidth(pdf), top).lineWidth(0.5).strokeColor('#888888').stroke().restore();
    pdf.y = top + 6;
    paragraph(pdf, `${entry.number} · ${statusOf(entry, labels)}`, { font: 'bold' });
    field(pdf, c.submitter, `${submitterName(entry.submitter, labels)} (${labels.submitterTypes[entry.submitter.type]}; ${labels.channels[entry.channel]})`);
    field(pdf, c.chapter, entry.chapter);
    field(pdf, c.part, entry.part);
    field(pdf, c.currentWording, entry.currentWording);
    field(pdf, c.proposedWording, entry.proposedWording);
    field(pdf, c.justification, entry.justification);
    field(pdf, c.disposition, statusOf(entry, labels));
    field(pdf, c.dispositionJustification, entry.dispositionJustification ?? '');
    pdf.moveDown(0.4);
  }
  if (content.withdrawn.length) {
    ensureSpace(pdf, 40);
    paragraph(pdf, `${labels.withdrawnComments.label}: ${content.withdrawn.join(', ')}`, { font: 'bold' });
    paragraph(pdf, labels.withdrawnComments.note, { font: 'italic' });
  }
}
