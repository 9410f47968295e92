import type { VotingMember } from '../decisions/weights';
import { coFinancing } from './cost-sharing';
import { type IndicatorValue, indicatorProgress } from './indicators';
import type { Grosze } from './money';
import { PROJECT_STAGES, type ProjectStage } from './pipeline';
import { FUNDED_STAGES, memberStatement, type StatementProject } from './statement';

/**
 * The strategy's annual monitoring report (issue 15), computed from the data: each goal with its indicators against
 * their targets and the projects serving it, the projects by stage, the external funds obtained that year by source
 * and by member, and the smaller members' share of them. Pure and exact: money in grosze, indicator values in
 * ten-thousandths; the API reads the data, renders the files and freezes adopted editions.
 */

/**
 * Where a call's money comes from (funding_calls.source): EU regional or national programmes, ZIT (integrated territorial
 * investments), national funds, other; a project matched to no call counts as 'none'.
 */
export const FUNDING_SOURCES = ['eu_regional', 'eu_national', 'zit', 'national', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface MonitoringProject extends StatementProject {
  /** The strategy goal it serves (the heading's text), null when none is named. */
  goal: string | null;
  source: FundingSource | null;
}

export interface MonitoringIndicator {
  id: string;
  name: string;
  unit: string;
  goal: string | null;
  baseline: IndicatorValue;
  baselineYear: number;
  target: IndicatorValue;
  targetYear: number;
  values: ReadonlyArray<{ year: number; value: IndicatorValue; source: string }>;
}

export interface MonitoringMember extends VotingMember {
  name: string;
}

export interface MonitoringInput {
  year: number;
  members: readonly MonitoringMember[];
  /** Membership fees of the year by member id. */
  fees: Readonly<Record<string, Grosze>>;
  projects: readonly MonitoringProject[];
  indicators: readonly MonitoringIndicator[];
}

export interface IndicatorStanding {
  id: string;
  name: string;
  unit: string;
  baseline: IndicatorValue;
  baselineYear: number;
  target: IndicatorValue;
  targetYear: number;
  /** The latest value of the report's year or before, null when none is recorded yet. */
  latest: { year: number; value: IndicatorValue; source: string } | null;
  /** Progress of that value towards the target in whole percent (indicatorProgress), null without a value or a span. */
  progress: number | null;
}

export interface ProjectStanding {
  id: string;
  title: string;
  stage: ProjectStage;
  goal: string | null;
  source: FundingSource | null;
  /**
   * The year's cost; the grant obtained (funded stages only); the own contribution by the planned co-financing rate,
   * as the members' statements count it.
   */
  cost: Grosze;
  grant: Grosze;
  own: Grosze;
}

export interface MemberFunds {
  id: string;
  name: string;
  population: number | null;
  fee: Grosze;
  own: Grosze;
  external: Grosze;
  leverage: string | null;
  smaller: boolean;
}

export interface MonitoringReport {
  year: number;
  goals: Array<{ goal: string | null; indicators: IndicatorStanding[]; projects: Array<{ id: string; title: string; stage: ProjectStage }> }>;
  stages: Record<ProjectStage, number>;
  projects: ProjectStanding[];
  funds: {
    /** Grants of the year by the source of the project's call; 'none' for projects with no call. Sums to `total`. */
    bySource: Array<{ source: FundingSource | 'none'; amount: Grosze }>;
    /** Every member with its fee, own spending, its part of the grants and the leverage (as in its statement). */
    byMember: MemberFunds[];
    /** The part of grants of projects without member participants (the association's own). */
    association: Grosze;
    total: Grosze;
  };
  /**
   * The smaller members: population below the members' median (members without a population are not classed). Their
   * share of the external funds and of the population, in percent with one decimal rounded down; null when there is
   * nothing to share.
   */
  smaller: { medianPopulation: number | null; members: string[]; external: Grosze; fundsShare: string | null; populationShare: string | null };
}

const NO_GOAL = '\u0000';

export function monitoringReport(input: MonitoringInput): MonitoringReport {
  const { year } = input;
  const goalKeys: string[] = [];
  const goals = new Map<string, MonitoringReport['goals'][number]>();
  const goalOf = (goal: string | null) => {
    const key = goal ?? NO_GOAL;
    let entry = goals.get(key);
    if (!entry) {
      entry = { goal, indicators: [], projects: [] };
      goals.set(key, entry);
      goalKeys.push(key);
    }
    return entry;
  };

  for (const indicator of input.indicators) goalOf(indicator.goal).indicators.push(standing(indicator, year));

  const stages = Object.fromEntries(PROJECT_STAGES.map((stage) => [stage, 0])) as Record<ProjectStage, number>;
  const bySource = new Map<FundingSource | 'none', Grosze>();
  const projects: ProjectStanding[] = [];
  let total = 0n;
  for (const project of input.projects) {
    stages[project.stage] += 1;
    goalOf(project.goal).projects.push({ id: project.id, title: project.title, stage: project.stage });
    const cost = project.costByYear[String(year)] ?? 0n;
    const split = coFinancing(cost, project.coFinancingRate);
    const grant = FUNDED_STAGES.includes(project.stage) ? split.grant : 0n;
    projects.push({ id: project.id, title: project.title, stage: project.stage, goal: project.goal, source: project.source, cost, grant, own: split.own });
    if (grant > 0n) {
      const source = project.source ?? 'none';
      bySource.set(source, (bySource.get(source) ?? 0n) + grant);
      total += grant;
    }
  }

  const median = medianPopulation(input.members);
  const byMember: MemberFunds[] = input.members.map((member) => {
    const fees = input.fees[member.id] === undefined ? {} : { [String(year)]: input.fees[member.id] };
    const line = memberStatement(member.id, fees, input.projects).find((y) => y.year === year);
    return {
      id: member.id,
      name: member.name,
      population: member.population ?? null,
      fee: line?.fee ?? 0n,
      own: line?.ownTotal ?? 0n,
      external: line?.externalTotal ?? 0n,
      leverage: line?.leverage ?? null,
      smaller: median !== null && typeof member.population === 'number' && member.population < median,
    };
  });
  const membersExternal = byMember.reduce((sum, m) => sum + m.external, 0n);
  const smallerMembers = byMember.filter((m) => m.smaller);
  const smallerExternal = smallerMembers.reduce((sum, m) => sum + m.external, 0n);
  const classedPopulation = byMember.reduce((sum, m) => sum + BigInt(m.population ?? 0), 0n);
  const smallerPopulation = smallerMembers.reduce((sum, m) => sum + BigInt(m.population ?? 0), 0n);

  return {
    year,
    goals: [...goalKeys.filter((key) => key !== NO_GOAL), ...goalKeys.filter((key) => key === NO_GOAL)].map((key) => goals.get(key)!),
    stages,
    projects,
    funds: {
      bySource: [...FUNDING_SOURCES, 'none' as const].filter((source) => bySource.has(source)).map((source) => ({ source, amount: bySource.get(source)! })),
      byMember,
      association: total - membersExternal,
      total,
    },
    smaller: {
      medianPopulation: median,
      members: smallerMembers.map((m) => m.id),
      external: smallerExternal,
      fundsShare: percent(smallerExternal, membersExternal),
      populationShare: percent(smallerPopulation, classedPopulation),
    },
  };
}

function standing(indicator: MonitoringIndicator, year: number): IndicatorStanding {
  const latest = indicator.values.filter((v) => v.year <= year).reduce<MonitoringIndicator['values'][number] | null>((best, v) => (best === null || v.year > best.year ? v : best), null);
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.baseline,
    baselineYear: indicator.baselineYear,
    target: indicator.target,
    targetYear: indicator.targetYear,
    latest: latest ? { year: latest.year, value: latest.value, source: latest.source } : null,
    progress: latest ? indicatorProgress(indicator.baseline, indicator.target, latest.value) : null,
  };
}

/** The median population of the members that state one (the mean of the middle two for an even count), whole. */
export function medianPopulation(members: readonly VotingMember[]): number | null {
  const known = members
    .map((m) => m.population)
    .filter((p): p is number => p !== null && p !== undefined)
    .sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle] : Math.floor((known[middle - 1] + known[middle]) / 2);
}

/** part ÷ whole in percent with one decimal rounded down ("12.3"); null when the whole is zero. */
function percent(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const tenths = (part * 1000n) / whole;
  return `${tenths / 10n}.${tenths % 10n}`;
}
