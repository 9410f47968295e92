import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { cell, field, p } from '../../consultations/report/render-docx';
import { warsawDateTime } from '../../platform/warsaw-time';
import { formatAmount } from '../statements/statement-labels';
import type { MonitoringContent } from './monitoring-content';
import { formatCount, formatValue, type MonitoringLanguage, monitoringLabels } from './monitoring-labels';

const BAR_COLOUR = '1F4E79';
/** The longest bar, in block characters. */
const BAR_CELLS = 24;

const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });

function grid(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, { bold: true })) }), ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) }))],
  });
}

/**
 * A chart as a table: each row's label, its value as it reads, and a bar of block characters proportional to the
 * value (as the consultation report's charts: the same in every word processor and to a screen reader).
 */
function chart(title: string, rows: Array<{ label: string; value: number; text: string }>): Array<Paragraph | Table> {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(title)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (row) =>
          new TableRow({
            children: [
              cell(row.label, { width: 40 }),
              cell(row.text, { width: 22 }),
              new TableCell({
                width: { size: 38, type: WidthType.PERCENTAGE },
                children: [new Paragraph({ children: [new TextRun({ text: '█'.repeat(Math.round((Math.max(0, Math.min(row.value, max)) / max) * BAR_CELLS)) || ' ', color: BAR_COLOUR })] })],
              }),
            ],
          }),
      ),
    }),
  ];
}

/** The monitoring report as a Word file: the same sections, tables and charts as the PDF. */
export async function renderMonitoringDocx(content: MonitoringContent, sha256: string | null, language: MonitoringLanguage): Promise<Buffer> {
  const labels = monitoringLabels(language);
  const zl = (text: string) => `${formatAmount(text, language)} zł`;
  const value = (text: string) => formatValue(text, language);
  const status = content.edition ? labels.edition(content.edition) : labels.draft;
  const { smaller } = content;
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${labels.title} ${content.year}`)] }),
    p(content.workspaceName, { size: 26 }),
    field(labels.year, String(content.year)),
    field(labels.status, status),
    ...(content.adoption ? [field(labels.adoptedBy, `${content.adoption.title} (${warsawDateTime(content.adoption.adoptedAt, language)})`)] : []),
    ...(sha256 ? [field(labels.sha, sha256)] : []),
    field(labels.generated, warsawDateTime(content.generatedAt, language)),
    p(labels.note, { italics: true }),

    h1(labels.goals),
    ...(content.goals.length === 0 ? [p(labels.none)] : []),
    ...content.goals.flatMap((goal) => [
      h2(goal.goal ?? labels.noGoal),
      ...(goal.indicators.length
        ? [
            grid(
              [labels.indicator, labels.baseline, labels.target, labels.latest, labels.progress],
              goal.indicators.map((i) => [
                `${i.name} [${i.unit}]`,
                `${value(i.baseline)} (${i.baselineYear})`,
                `${value(i.target)} (${i.targetYear})`,
                i.latest ? `${value(i.latest.value)} (${i.latest.year}; ${i.latest.source})` : labels.noValue,
                i.progress === null ? '—' : `${i.progress}%`,
              ]),
            ),
            ...chart(
              labels.progressChart,
              goal.indicators.map((i) => ({ label: i.name, value: i.progress ?? 0, text: i.progress === null ? labels.noValue : `${i.progress}%` })),
            ),
          ]
        : []),
      field(labels.goalProjects, goal.projects.length ? goal.projects.map((project) => `${project.title} (${labels.stages[project.stage]})`).join('; ') : labels.none),
    ]),

    h1(labels.projects),
    ...chart(
      labels.stageChart,
      Object.entries(content.stages).map(([stage, count]) => ({ label: labels.stages[stage as keyof typeof labels.stages], value: count, text: String(count) })),
    ),
    ...(content.projects.length
      ? [grid([labels.project, labels.stage, labels.cost, labels.grant, labels.own], content.projects.map((project) => [project.title, labels.stages[project.stage], zl(project.cost), zl(project.grant), zl(project.own)]))]
      : []),

    h1(labels.funds),
    h2(labels.bySource),
    grid([labels.sourceColumn, labels.amount], [...content.funds.bySource.map((s) => [labels.sources[s.source], zl(s.amount)]), [labels.total, zl(content.funds.total)]]),
    h2(labels.byMember),
    grid(
      [labels.member, labels.population, labels.fee, labels.ownSpending, labels.external, labels.leverage],
      [
        ...content.funds.byMember.map((m) => [
          m.smaller ? `${m.name} (${labels.smallerMark})` : m.name,
          m.population === null ? '—' : formatCount(m.population, language),
          zl(m.fee),
          zl(m.own),
          zl(m.external),
          m.leverage === null ? '—' : formatAmount(m.leverage, language),
        ]),
        [labels.association_, '', '', '', zl(content.funds.association), ''],
      ],
    ),
    ...chart(
      labels.memberChart,
      content.funds.byMember.map((m) => ({ label: m.name, value: Number(m.external), text: zl(m.external) })),
    ),

    h1(labels.smaller),
    p(
      smaller.fundsShare === null || smaller.medianPopulation === null
        ? labels.smallerNone
        : labels.smallerText(smaller.members.length, formatCount(smaller.medianPopulation, language), labels.percent(smaller.fundsShare), labels.percent(smaller.populationShare ?? '0.0')),
    ),
  ];
  const document = new Document({
    title: `${labels.title} ${content.year}`,
    creator: 'Commonplan',
    description: sha256 ? `${status} · SHA-256 ${sha256}` : status,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
