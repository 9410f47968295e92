import { excelJs } from '../../platform/export/exceljs';
import { spreadsheetRow } from '../../platform/export/spreadsheet-cell';
import type { MonitoringContent } from './monitoring-content';
import { type MonitoringLanguage, monitoringLabels } from './monitoring-labels';

const MONEY_FORMAT = '#,##0.00';
/** Złoty or an indicator value as a number cell for analysis; the report's JSON keeps the exact text. */
const number = (text: string) => Number(text);

/**
 * The monitoring report as a workbook for analysis: a summary sheet (status, totals, the smaller members' share),
 * then one sheet each for the indicators, the projects, the funds by source and by member. Numbers are number cells;
 * text never starts like a formula (spreadsheetRow). Charts are left to the reader's spreadsheet (exceljs writes none).
 */
export async function renderMonitoringXlsx(content: MonitoringContent, language: MonitoringLanguage): Promise<Buffer> {
  const labels = monitoringLabels(language);
  const { Workbook } = await excelJs();
  const workbook = new Workbook();
  workbook.creator = 'Commonplan';
  workbook.created = new Date(content.generatedAt);
  workbook.title = `${labels.title} ${content.year}`;

  const summary = workbook.addWorksheet(labels.summarySheet);
  summary.columns = [{ width: 40 }, { width: 60 }];
  summary.addRow(spreadsheetRow([`${labels.title} ${content.year}`])).font = { bold: true };
  summary.addRow(spreadsheetRow([labels.association, content.workspaceName]));
  summary.addRow(spreadsheetRow([labels.status, content.edition ? labels.edition(content.edition) : labels.draft]));
  if (content.adoption) summary.addRow(spreadsheetRow([labels.adoptedBy, content.adoption.title]));
  summary.addRow(spreadsheetRow([labels.note]));
  summary.addRow([]);
  const total = summary.addRow(spreadsheetRow<string | number>([labels.external, number(content.funds.total)]));
  total.getCell(2).numFmt = MONEY_FORMAT;
  for (const [stage, count] of Object.entries(content.stages)) summary.addRow(spreadsheetRow<string | number>([labels.stages[stage as keyof typeof labels.stages], count]));
  summary.addRow(spreadsheetRow([labels.smaller, content.smaller.fundsShare === null ? labels.smallerNone : labels.percent(content.smaller.fundsShare)]));

  const indicators = workbook.addWorksheet(labels.indicatorsSheet);
  indicators.columns = [{ width: 40 }, { width: 40 }, { width: 12 }, { width: 14 }, { width: 10 }, { width: 14 }, { width: 10 }, { width: 14 }, { width: 10 }, { width: 30 }, { width: 12 }];
  indicators.addRow(
    spreadsheetRow([labels.goalColumn, labels.indicator, labels.unit, labels.baseline, labels.year, labels.target, labels.year, labels.latest, labels.year, labels.source, labels.progress]),
  ).font = { bold: true };
  for (const goal of content.goals) {
    for (const i of goal.indicators) {
      indicators.addRow(
        spreadsheetRow<string | number>([
          goal.goal ?? labels.noGoal,
          i.name,
          i.unit,
          number(i.baseline),
          i.baselineYear,
          number(i.target),
          i.targetYear,
          i.latest ? number(i.latest.value) : '',
          i.latest?.year ?? '',
          i.latest?.source ?? '',
          i.progress ?? '',
        ]),
      );
    }
  }

  const projects = workbook.addWorksheet(labels.projectsSheet);
  projects.columns = [{ width: 50 }, { width: 26 }, { width: 40 }, { width: 24 }, { width: 16 }, { width: 16 }, { width: 16 }];
  projects.addRow(spreadsheetRow([labels.project, labels.stage, labels.goalColumn, labels.sourceColumn, labels.cost, labels.grant, labels.own])).font = { bold: true };
  for (const project of content.projects) {
    const row = projects.addRow(
      spreadsheetRow<string | number>([
        project.title,
        labels.stages[project.stage],
        project.goal ?? '',
        labels.sources[project.source ?? 'none'],
        number(project.cost),
        number(project.grant),
        number(project.own),
      ]),
    );
    for (const column of [5, 6, 7]) row.getCell(column).numFmt = MONEY_FORMAT;
  }

  const sources = workbook.addWorksheet(labels.sourcesSheet);
  sources.columns = [{ width: 40 }, { width: 18 }];
  sources.addRow(spreadsheetRow([labels.sourceColumn, labels.amount])).font = { bold: true };
  for (const source of content.funds.bySource) sources.addRow(spreadsheetRow<string | number>([labels.sources[source.source], number(source.amount)])).getCell(2).numFmt = MONEY_FORMAT;
  sources.addRow(spreadsheetRow<string | number>([labels.total, number(content.funds.total)])).getCell(2).numFmt = MONEY_FORMAT;

  const members = workbook.addWorksheet(labels.membersSheet);
  members.columns = [{ width: 36 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 12 }, { width: 18 }];
  members.addRow(spreadsheetRow([labels.member, labels.population, labels.fee, labels.ownSpending, labels.external, labels.leverage, labels.smallerMark])).font = { bold: true };
  for (const m of content.funds.byMember) {
    const row = members.addRow(
      spreadsheetRow<string | number>([m.name, m.population ?? '', number(m.fee), number(m.own), number(m.external), m.leverage === null ? '' : number(m.leverage), m.smaller ? '✓' : '']),
    );
    for (const column of [3, 4, 5]) row.getCell(column).numFmt = MONEY_FORMAT;
  }
  members.addRow(spreadsheetRow<string | number>([labels.association_, '', '', '', number(content.funds.association)])).getCell(5).numFmt = MONEY_FORMAT;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
