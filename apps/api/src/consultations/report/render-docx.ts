import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { currentReport, type ReportAnnexEntry, type StoredReportContent } from './report-data';
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

const BAR_COLOUR = '1F4E79';
/** The longest bar, in block characters. */
const BAR_CELLS = 24;

/** Text with line breaks as runs separated by breaks. */
function runsOf(text: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}): TextRun[] {
  const lines = (text.trim() ? text : '—').split(/\r?\n/);
  return lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...options }));
}

export const p = (text: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}) => new Paragraph({ children: runsOf(text, options) });

export function field(label: string, value: string): Paragraph {
  return new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: `${label}: `, bold: true }), ...runsOf(value)] });
}

export function cell(text: string, options: { bold?: boolean; size?: number; width?: number } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: runsOf(text, { bold: options.bold, size: options.size }) })],
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

/**
 * A chart as a table: category, count, share and a bar of block characters whose length is proportional to the
 * count (Word's own charts would need a drawing part; the table reads the same in every word processor and to a
 * screen reader).
 */
function chartTable(title: string, rows: Array<{ label: string; count: number }>, total: number, labels: ReportLabels): Array<Paragraph | Table> {
  const max = Math.max(1, ...rows.map((row) => row.count));
  const s = labels.statistics;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(title)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell(s.category, { bold: true, width: 40 }), cell(s.count, { bold: true, width: 12 }), cell(s.share, { bold: true, width: 12 }), cell('', { width: 36 })] }),
        ...rows.map(
          (row) =>
            new TableRow({
              children: [
                cell(row.label),
                cell(String(row.count)),
                cell(formatShare(row.count, total, labels)),
                new TableCell({
                  children: [new Paragraph({ children: [new TextRun({ text: '█'.repeat(Math.round((row.count / max) * BAR_CELLS)) || ' ', color: BAR_COLOUR })] })],
                }),
              ],
            }),
        ),
      ],
    }),
    new Paragraph(''),
  ];
}

function annexTable(entries: ReportAnnexEntry[], labels: ReportLabels): Table {
  const c = labels.columns;
  const size = 16;
  const header = [c.number, `${c.chapter} / ${c.part}`, c.currentWording, c.proposedWording, c.justification, c.submitter, c.disposition, c.dispositionJustification];
  const widths = [8, 12, 14, 14, 14, 12, 10, 16];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, i) => cell(text, { bold: true, size, width: widths[i] })) }),
      ...entries.map(
        (e) =>
          new TableRow({
            children: [
              cell(e.number, { size }),
              cell(e.chapter === e.part ? e.part : `${e.chapter}\n${e.part}`, { size }),
              cell(e.currentWording, { size }),
              cell(e.proposedWording, { size }),
              cell(e.justification, { size }),
              cell(`${submitterName(e.submitter, labels)}\n(${labels.submitterTypes[e.submitter.type]}; ${labels.channels[e.channel]})`, { size }),
              cell(statusOf(e, labels), { size, bold: true }),
              cell(e.dispositionJustification ?? '', { size }),
            ],
          }),
      ),
    ],
  });
}

/** The report as a Word file: the report's sections in a portrait section, the annex as a table in a landscape one. */
export async function renderReportDocx(stored: StoredReportContent, sha256: string | null, language: ReportLanguage): Promise<Buffer> {
  const labels = reportLabels(language);
  const content = currentReport(stored);
  const stats = content.statistics;
  const t = labels.timetable;
  let section = 0;
  const h = (title: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${++section}. ${title}`)] });

  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(labels.title)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: content.round.title, size: 28 })] }),
    field(labels.organiser, content.organiser),
    field(labels.document, `${content.document.title} (${labels.version(content.document.version.number, content.document.version.name)})`),
    field(labels.versionHash, content.document.version.contentHash),
    content.publishedAt ? field(labels.edition(content.edition), `${labels.publishedAt}: ${formatDateTime(content.publishedAt, labels)}`) : p(labels.draft, { bold: true }),
    ...(sha256 ? [field(labels.sha256, sha256)] : []),

    h(labels.sections.legalBasis),
    p(content.round.legalBasis),
    field(labels.period.label, periodText(content, labels)),

    h(labels.sections.timetable),
    ...(content.round.announcedAt ? [field(t.announcedAt, formatDateTime(content.round.announcedAt, labels))] : []),
    field(labels.publication.announcement, content.publication.announcement.join('; ') || labels.publication.none),
    field(t.opensAt, formatDateTime(content.round.opensAt, labels)),
    field(t.closesAt, formatDateTime(content.round.closesAt, labels)),
    ...(content.round.closedAt ? [field(t.closedAt, formatDateTime(content.round.closedAt, labels))] : []),
    field(t.reportDueAt, formatDate(content.round.reportDueAt, labels)),
    field(t.audiences, content.round.audiences.map((a) => labels.audiences[a]).join('; ')),
    field(t.channels, content.round.channels.map((c) => labels.channels[c]).join('; ')),

    h(labels.sections.meetings),
    ...(content.meetings.length === 0 ? [p(labels.noMeetings)] : []),
    ...content.meetings.flatMap((m) => [
      p(`${formatDateTime(m.startsAt, labels)} · ${m.place}`, { bold: true }),
      ...(m.participants !== null ? [field(labels.meetingFacts.participants, String(m.participants))] : []),
      ...(m.summary.trim() ? [field(labels.meetingFacts.summary, m.summary)] : []),
      ...(m.comments.length ? [field(labels.meetingFacts.comments, m.comments.join(', '))] : []),
    ]),

    h(labels.sections.statistics),
    field(labels.statistics.considered, String(stats.considered)),
    field(labels.statistics.persons, String(stats.submitters.persons)),
    field(labels.statistics.institutions, String(stats.submitters.institutions)),
    ...(content.withdrawn.length ? [field(labels.withdrawnComments.label, content.withdrawn.join(', '))] : []),
    p(labels.statistics.withdrawnNote, { italics: true }),
    ...chartsOf(stats, labels).flatMap((chart) => (chart.rows.length ? chartTable(chart.title, chart.rows, stats.considered, labels) : [])),

    h(labels.sections.mainChanges),
    ...(content.mainChanges.length === 0 ? [p(labels.noChanges)] : []),
    ...content.mainChanges.flatMap((chapter) => [
      p(`${chapter.chapter} · ${labels.changes.counts(chapter.accepted, chapter.partlyAccepted)}`, { bold: true }),
      ...chapter.passages.map((passage) => new Paragraph({ bullet: { level: 0 }, children: runsOf(passageText(passage, labels), { size: 18 }) })),
    ]),

    h(labels.sections.publication),
    field(labels.publication.report, content.publication.report.join('; ') || labels.publication.none),
    field(labels.publication.adoption, adoptionText(content, labels)),

    h(labels.sections.personalData),
    p(labels.personalDataNote),
  ];

  const document = new Document({
    title: `${labels.title}: ${content.round.title}`,
    creator: 'Commonplan',
    description: sha256 ? `${labels.edition(content.edition)} · SHA-256 ${sha256}` : labels.draft,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [
      { children: body },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.sections.annex)] }),
          ...(content.annex.length === 0 ? [p(labels.noComments)] : [annexTable(content.annex, labels)]),
          ...(content.withdrawn.length
            ? [new Paragraph(''), field(labels.withdrawnComments.label, content.withdrawn.join(', ')), p(labels.withdrawnComments.note, { italics: true })]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
