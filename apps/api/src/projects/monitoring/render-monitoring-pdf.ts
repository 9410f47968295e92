import { barChart, BODY, contentWidth, field, heading, MARGIN, paragraph, type Pdf, renderPdf, table } from '../../platform/export/pdf';
import { warsawDateTime } from '../../platform/warsaw-time';
import { formatAmount } from '../statements/statement-labels';
import type { MonitoringContent } from './monitoring-content';
import { formatCount, formatValue, type MonitoringLabels, type MonitoringLanguage, monitoringLabels } from './monitoring-labels';

/**
 * The monitoring report as a PDF (A4, DejaVu Sans embedded): the title block (draft, or the edition with its
 * resolution and SHA-256), each goal's indicators against their targets with a progress chart and the projects serving
 * it, the projects by stage with a chart, the external funds by source and by member with a chart, and the smaller
 * members' share.
 */
export function renderMonitoringPdf(content: MonitoringContent, sha256: string | null, language: MonitoringLanguage): Promise<Buffer> {
  const labels = monitoringLabels(language);
  const status = content.edition ? labels.edition(content.edition) : labels.draft;
  return renderPdf(
    { language, info: { Title: `${labels.title} ${content.year}`, Subject: `${content.workspaceName} · ${status}`, Keywords: sha256 ? `SHA-256 ${sha256}` : '' } },
    (pdf) => write(pdf, content, sha256, labels, language),
    (page, pages) => `${labels.title} ${content.year} · ${status} · ${labels.page(page, pages)}`,
  );
}

function write(pdf: Pdf, content: MonitoringContent, sha256: string | null, labels: MonitoringLabels, language: MonitoringLanguage): void {
  const zl = (text: string) => `${formatAmount(text, language)} zł`;
  const value = (text: string) => formatValue(text, language);
  pdf.font('bold').fontSize(20).text(`${labels.title} ${content.year}`, MARGIN, MARGIN, { width: contentWidth(pdf) });
  pdf.moveDown(0.4).font('regular').fontSize(13).text(content.workspaceName, { width: contentWidth(pdf) });
  pdf.moveDown(0.8).fontSize(BODY);
  field(pdf, labels.year, String(content.year));
  field(pdf, labels.status, content.edition ? labels.edition(content.edition) : labels.draft);
  if (content.adoption) field(pdf, labels.adoptedBy, `${content.adoption.title} (${warsawDateTime(content.adoption.adoptedAt, language)})`);
  if (sha256) field(pdf, labels.sha, sha256);
  field(pdf, labels.generated, warsawDateTime(content.generatedAt, language));
  paragraph(pdf, labels.note, { font: 'italic' });

  heading(pdf, labels.goals);
  if (content.goals.length === 0) paragraph(pdf, labels.none);
  for (const goal of content.goals) {
    heading(pdf, goal.goal ?? labels.noGoal, 12);
    if (goal.indicators.length > 0) {
      table(
        pdf,
        [
          { header: labels.indicator, share: 0.28 },
          { header: labels.baseline, share: 0.16 },
          { header: labels.target, share: 0.16 },
          { header: labels.latest, share: 0.24 },
          { header: labels.progress, share: 0.16 },
        ],
        goal.indicators.map((i) => [
          `${i.name} [${i.unit}]`,
          `${value(i.baseline)} (${i.baselineYear})`,
          `${value(i.target)} (${i.targetYear})`,
          i.latest ? `${value(i.latest.value)} (${i.latest.year}; ${i.latest.source})` : labels.noValue,
          i.progress === null ? '—' : `${i.progress}%`,
        ]),
      );
      barChart(
        pdf,
        labels.progressChart,
        goal.indicators.map((i) => ({ label: i.name, value: Math.max(0, Math.min(i.progress ?? 0, 100)), text: i.progress === null ? labels.noValue : `${i.progress}%` })),
      );
    }
    paragraph(pdf, `${labels.goalProjects}: ${goal.projects.length ? goal.projects.map((p) => `${p.title} (${labels.stages[p.stage]})`).join('; ') : labels.none}`);
  }

  heading(pdf, labels.projects);
  barChart(
    pdf,
    labels.stageChart,
    Object.entries(content.stages).map(([stage, count]) => ({ label: labels.stages[stage as keyof typeof labels.stages], value: count, text: String(count) })),
  );
  if (content.projects.length > 0) {
    table(
      pdf,
      [
        { header: labels.project, share: 0.34 },
        { header: labels.stage, share: 0.18 },
        { header: labels.cost, share: 0.16 },
        { header: labels.grant, share: 0.16 },
        { header: labels.own, share: 0.16 },
      ],
      content.projects.map((p) => [p.title, labels.stages[p.stage], zl(p.cost), zl(p.grant), zl(p.own)]),
    );
  }

  heading(pdf, labels.funds);
  heading(pdf, labels.bySource, 12);
  table(
    pdf,
    [
      { header: labels.sourceColumn, share: 0.6 },
      { header: labels.amount, share: 0.4 },
    ],
    [...content.funds.bySource.map((s) => [labels.sources[s.source], zl(s.amount)]), [labels.total, zl(content.funds.total)]],
  );
  heading(pdf, labels.byMember, 12);
  table(
    pdf,
    [
      { header: labels.member, share: 0.26 },
      { header: labels.population, share: 0.13 },
      { header: labels.fee, share: 0.14 },
      { header: labels.ownSpending, share: 0.16 },
      { header: labels.external, share: 0.17 },
      { header: labels.leverage, share: 0.14 },
    ],
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
  );
  barChart(
    pdf,
    labels.memberChart,
    content.funds.byMember.map((m) => ({ label: m.name, value: Number(m.external), text: zl(m.external) })),
  );

  heading(pdf, labels.smaller);
  const { smaller } = content;
  paragraph(
    pdf,
    smaller.fundsShare === null || smaller.medianPopulation === null
      ? labels.smallerNone
      : labels.smallerText(smaller.members.length, formatCount(smaller.medianPopulation, language), labels.percent(smaller.fundsShare), labels.percent(smaller.populationShare ?? '0.0')),
  );
}
