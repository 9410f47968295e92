import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { cell, field, p } from '../../consultations/report/render-docx';
import type { MinutesContent, MinutesVote } from './minutes-data';
import { formatDateTime, minutesLabels, type MinutesLabels } from './minutes-labels';
import { electionsDocx } from './render-election-minutes';
import { PROCEDURE_LABELS } from './procedure-minutes';

/** A table with a header row repeated on every page; widths in percent. */
function table(columns: Array<{ header: string; width: number }>, rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.header, { bold: true, width: c.width })) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, { width: columns[i].width })) })),
    ],
  });
}

const spacer = () => new Paragraph('');

function vote(v: MinutesVote, count: number, labels: MinutesLabels): Array<Paragraph | Table> {
  const t = labels.tally;
  const r = labels.roll;
  return [
    ...(count > 1 ? [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(v.heading)] })] : []),
    field(labels.ballot, v.ballotText),
    ...(v.unverified ? [p(v.unverified, { bold: true })] : []),
    ...(v.quorum ? [field(labels.quorumAtVote, v.quorum.text)] : []),
    ...(v.majority ? [field(labels.majority, v.majority.text)] : []),
    ...(v.tally
      ? [
          table(
            [t.for, t.against, t.abstain, t.valid, t.cast].map((header) => ({ header, width: 20 })),
            [[v.tally.for.text, v.tally.against.text, v.tally.abstain.text, v.tally.valid.text, v.tally.cast.text]],
          ),
          spacer(),
        ]
      : []),
    field(labels.result, v.result.sentence),
    ...(v.castingVote ? [p(v.castingVote)] : []),
    ...(v.secondTerm ? [p(v.secondTerm, { italics: true })] : []),
    ...(v.secretNote ? [p(v.secretNote, { italics: true })] : []),
    ...(v.roll
      ? [
          p(r.title, { bold: true }),
          table(
            [
              { header: r.number, width: 7 },
              { header: r.member, width: 38 },
              { header: r.choice, width: 20 },
              { header: r.castBy, width: 35 },
            ],
            v.roll.map((entry, i) => [`${i + 1}.`, entry.name, entry.choiceText, entry.byProxy ? labels.byProxy(entry.castBy.name) : r.own]),
          ),
          spacer(),
        ]
      : []),
    ...(v.textHash ? [field(labels.textHash, v.textHash)] : []),
    ...(v.ballotsDigest ? [field(labels.ballotsDigest, v.ballotsDigest)] : []),
  ];
}

/** The minutes as a Word file: the same sections as the PDF, with real tables, page numbers in the footer. */
export async function renderMinutesDocx(content: MinutesContent): Promise<Buffer> {
  const labels = minutesLabels(content.language);
  let section = 0;
  const h = (title: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${++section}. ${title}`)] });
  const c = labels.attendance.columns;
  const words = PROCEDURE_LABELS[content.language];

  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.heading)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: content.title, size: 28 })] }),
    ...content.facts.map((fact) => field(fact.label, fact.value)),
    ...(content.draftText ? [p(content.draftText, { italics: true })] : []),

    h(labels.sections.attendance),
    p(content.attendance.summary),
    table(
      [
        { header: c.number, width: 7 },
        { header: c.member, width: 35 },
        { header: c.presence, width: 18 },
        { header: c.details, width: 40 },
      ],
      content.attendance.members.map((m, i) => [`${i + 1}.`, m.name, m.presenceText, m.details]),
    ),
    spacer(),
    field(labels.attendance.quorumAtOpening, content.attendance.quorum.text),

    h(labels.sections.agenda),
    ...(content.procedure
      ? [
          ...content.procedure.items.map((item) => p(`${item.position}. ${item.title}`)),
          p(content.procedure.agendaAdopted, { italics: true }),
          ...content.procedure.chairChanges.map((change) => p(change, { italics: true })),
        ]
      : content.agenda.map((item) => p(`${item.position}. ${item.title}`))),

    h(labels.sections.votes),
    ...content.agenda.flatMap((item) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${item.position}. ${item.title}`)] }),
      field(labels.kind, item.kindText),
      ...(item.speakers.length > 0 ? [p(labels.speakers.heading, { bold: true }), ...item.speakers.map((speaker) => p(`• ${speaker.text}`))] : []),
      ...item.amendments.flatMap((amendment) => [
        new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(amendment.heading)] }),
        field(words.amendments.proposer, amendment.proposer),
        field(words.amendments.current, amendment.currentText),
        field(words.amendments.proposed, amendment.proposedText),
        ...(amendment.justification ? [field(words.amendments.justification, amendment.justification)] : []),
        ...amendment.votes.flatMap((v) => vote(v, amendment.votes.length, labels)),
        field(words.amendments.outcome, amendment.stateText),
      ]),
      ...(item.noVoteText ? [p(item.noVoteText, { italics: true })] : []),
      ...item.votes.flatMap((v) => vote(v, item.votes.length, labels)),
      ...(item.adopted
        ? [
            field(labels.adoptedAs, item.adopted.fullTitle),
            ...(item.adopted.adopts ? [p(item.adopted.adopts.text), field(labels.versionHash, item.adopted.adopts.contentHash)] : []),
          ]
        : []),
    ]),

    ...(content.procedure && content.procedure.motions.length > 0
      ? [
          h(words.section),
          ...content.procedure.motions.flatMap((motion) => [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(motion.title)] }), ...motion.votes.flatMap((v) => vote(v, motion.votes.length, labels))]),
        ]
      : []),

    ...electionsDocx(content.elections ?? [], content.language, h),

    h(labels.sections.adopted),
    ...(content.adopted.length === 0 ? [p(labels.noneAdopted)] : content.adopted.map((a) => p(`• ${a.fullTitle}`))),

    h(labels.sections.signatures),
    ...labels.signatures.map((role) => new Paragraph({ spacing: { before: 480 }, children: [new TextRun(`${role}: ${'.'.repeat(60)}`)] })),
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: `${labels.generatedAt}: ${formatDateTime(content.generatedAt, labels)}`, italics: true, color: '555555' })] }),
  ];

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 16, color: '555555', children: [`${content.heading} · ${content.title} · `, ...pageOf(labels)] })],
      }),
    ],
  });

  const document = new Document({
    title: `${content.heading}: ${content.title}`,
    creator: 'Commonplan',
    description: content.body.name,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [{ footers: { default: footer }, children: body }],
  });
  return Packer.toBuffer(document);
}

/** "Strona N z M" / "Page N of M" with Word's page fields. */
function pageOf(labels: MinutesLabels): Array<string | (typeof PageNumber)[keyof typeof PageNumber]> {
  const [before, between] = labels.pageFields;
  return [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES];
}
