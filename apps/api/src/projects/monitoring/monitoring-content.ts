import { formatIndicator, formatPln, type FundingSource, type MonitoringReport, type ProjectStage } from '@commonplan/domain';

/**
 * The monitoring report as JSON, as served, rendered and frozen: amounts in złoty as text ("1234.56"), indicator values
 * as text ("12.5"), every word the data's own (titles, names, headings) so one content renders in Polish or English.
 */
export interface MonitoringContent {
  format: 1;
  workspaceName: string;
  year: number;
  generatedAt: string;
  /** The adopted edition's number and resolution; null in a draft. */
  edition: number | null;
  adoption: { resolutionId: string; title: string; adoptedAt: string } | null;
  goals: Array<{
    goal: string | null;
    indicators: Array<{
      id: string;
      name: string;
      unit: string;
      baseline: string;
      baselineYear: number;
      target: string;
      targetYear: number;
      latest: { year: number; value: string; source: string } | null;
      progress: number | null;
    }>;
    projects: Array<{ id: string; title: string; stage: ProjectStage }>;
  }>;
  stages: Record<ProjectStage, number>;
  projects: Array<{ id: string; title: string; stage: ProjectStage; goal: string | null; source: FundingSource | null; cost: string; grant: string; own: string }>;
  funds: {
    bySource: Array<{ source: FundingSource | 'none'; amount: string }>;
    byMember: Array<{ id: string; name: string; population: number | null; fee: string; own: string; external: string; leverage: string | null; smaller: boolean }>;
    association: string;
    total: string;
  };
  smaller: { medianPopulation: number | null; members: string[]; external: string; fundsShare: string | null; populationShare: string | null };
}

export function monitoringContent(
  report: MonitoringReport,
  meta: { workspaceName: string; generatedAt: Date; edition: number | null; adoption: MonitoringContent['adoption'] },
): MonitoringContent {
  return {
    format: 1,
    workspaceName: meta.workspaceName,
    year: report.year,
    generatedAt: meta.generatedAt.toISOString(),
    edition: meta.edition,
    adoption: meta.adoption,
    goals: report.goals.map((goal) => ({
      goal: goal.goal,
      indicators: goal.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        baseline: formatIndicator(i.baseline),
        baselineYear: i.baselineYear,
        target: formatIndicator(i.target),
        targetYear: i.targetYear,
        latest: i.latest ? { year: i.latest.year, value: formatIndicator(i.latest.value), source: i.latest.source } : null,
        progress: i.progress,
      })),
      projects: goal.projects,
    })),
    stages: report.stages,
    projects: report.projects.map((p) => ({ ...p, cost: formatPln(p.cost), grant: formatPln(p.grant), own: formatPln(p.own) })),
    funds: {
      bySource: report.funds.bySource.map((s) => ({ source: s.source, amount: formatPln(s.amount) })),
      byMember: report.funds.byMember.map((m) => ({ ...m, fee: formatPln(m.fee), own: formatPln(m.own), external: formatPln(m.external) })),
      association: formatPln(report.funds.association),
      total: formatPln(report.funds.total),
    },
    smaller: { ...report.smaller, external: formatPln(report.smaller.external) },
  };
}
