import { excelJs } from '../../platform/export/exceljs';
import { spreadsheetRow } from '../../platform/export/spreadsheet-cell';
import type { StatementContent } from './statements.service';
import { statementLabels } from './statement-labels';

/** Złoty as a number cell for a treasurer's sheet (shown with two decimals); the statement's text keeps the exact value. */
const money = (text: string) => Number(text);
const MONEY_FORMAT = '#,##0.00';

/**
 * A member's statement as a workbook: a summary sheet (one row per year: fee, own contributions, own spending, external
 * funds, leverage) and a sheet with every project line (year, kind, project, stage, amount). Amounts are numbers, text
 * never starts like a formula (spreadsheetRow).
 */
export async function renderStatementXlsx(content: StatementContent): Promise<Buffer> {
  const labels = statementLabels(content.language);
  const { Workbook } = await excelJs();
  const workbook = new Workbook();
  workbook.creator = 'Commonplan';
  workbook.created = new Date(content.generatedAt);
  workbook.title = `${labels.title}: ${content.member.name}`;

  const summary = workbook.addWorksheet(labels.summarySheet);
  summary.columns = [{ width: 10 }, { width: 20 }, { width: 24 }, { width: 22 }, { width: 24 }, { width: 16 }];
  summary.addRow(spreadsheetRow([labels.title])).font = { bold: true };
  summary.addRow(spreadsheetRow([labels.member, content.member.name]));
  summary.addRow(spreadsheetRow([labels.association, content.workspaceName]));
  summary.addRow(spreadsheetRow([labels.note]));
  summary.addRow([]);
  summary.addRow(spreadsheetRow([labels.year, labels.fee, labels.contributions, labels.ownTotal, labels.externalTotal, labels.leverage])).font = { bold: true };
  for (const year of content.years) {
    const contributions = year.contributions.reduce((sum, line) => sum + BigInt(line.amount.replace('.', '')), 0n);
    const row = summary.addRow([
      year.year,
      money(year.fee),
      money(`${contributions / 100n}.${String(contributions % 100n).padStart(2, '0')}`),
      money(year.ownTotal),
      money(year.externalTotal),
      year.leverage === null ? '' : Number(year.leverage),
    ]);
    for (const column of [2, 3, 4, 5]) row.getCell(column).numFmt = MONEY_FORMAT;
  }

  const lines = workbook.addWorksheet(labels.linesSheet);
  lines.columns = [{ width: 10 }, { width: 22 }, { width: 60 }, { width: 26 }, { width: 18 }];
  lines.addRow(spreadsheetRow([labels.year, labels.kind, labels.project, labels.stage, labels.amount])).font = { bold: true };
  for (const year of content.years) {
    for (const [kind, list] of [
      [labels.kindContribution, year.contributions],
      [labels.kindExternal, year.external],
    ] as const) {
      for (const line of list) {
        const row = lines.addRow(spreadsheetRow<string | number>([year.year, kind, line.title, labels.stages[line.stage as keyof typeof labels.stages], money(line.amount)]));
        row.getCell(5).numFmt = MONEY_FORMAT;
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
