import { BODY, contentWidth, field, heading, MARGIN, paragraph, renderPdf, table } from '../../platform/export/pdf';
import { warsawDateTime } from '../../platform/warsaw-time';
import type { StatementContent } from './statements.service';
import { formatAmount, statementLabels } from './statement-labels';

/**
 * A member's statement as a PDF (A4, DejaVu Sans embedded): the member and the association, then each year's fee,
 * own contributions project by project, external funds project by project, the totals and the leverage.
 */
export function renderStatementPdf(content: StatementContent): Promise<Buffer> {
  const labels = statementLabels(content.language);
  const zl = (text: string) => `${formatAmount(text, content.language)} zł`;
  return renderPdf(
    { language: content.language, info: { Title: `${labels.title}: ${content.member.name}`, Subject: content.workspaceName } },
    (pdf) => {
      pdf.font('bold').fontSize(18).text(labels.title, MARGIN, MARGIN, { width: contentWidth(pdf) });
      pdf.moveDown(0.3).font('regular').fontSize(13).text(content.member.name, { width: contentWidth(pdf) });
      pdf.moveDown(0.8).fontSize(BODY);
      field(pdf, labels.association, content.workspaceName);
      field(pdf, labels.generated, warsawDateTime(new Date(content.generatedAt), content.language));
      paragraph(pdf, labels.note, { font: 'italic' });
      if (content.years.length === 0) paragraph(pdf, labels.none);
      for (const year of content.years) {
        heading(pdf, `${labels.year} ${year.year}`);
        field(pdf, labels.fee, zl(year.fee));
        for (const [title, list] of [
          [labels.contributions, year.contributions],
          [labels.external, year.external],
        ] as const) {
          heading(pdf, title, 11);
          if (list.length === 0) paragraph(pdf, labels.none);
          else
            table(
              pdf,
              [
                { header: labels.project, share: 0.55 },
                { header: labels.stage, share: 0.22 },
                { header: labels.amount, share: 0.23 },
              ],
              list.map((line) => [line.title, labels.stages[line.stage as keyof typeof labels.stages], zl(line.amount)]),
            );
        }
        field(pdf, labels.ownTotal, zl(year.ownTotal));
        field(pdf, labels.externalTotal, zl(year.externalTotal));
        field(pdf, labels.leverage, year.leverage === null ? labels.none : formatAmount(year.leverage, content.language));
      }
      if (content.savings.length > 0) {
        heading(pdf, labels.savings);
        table(
          pdf,
          [
            { header: labels.project, share: 0.4 },
            { header: labels.alone, share: 0.2 },
            { header: labels.joint, share: 0.2 },
            { header: labels.saving, share: 0.2 },
          ],
          content.savings.map((line) => [line.title, zl(line.alone), zl(line.joint), zl(line.saving)]),
        );
      }
    },
    (page, pages) => `${labels.title} · ${content.member.name} · ${labels.page(page, pages)}`,
  );
}
