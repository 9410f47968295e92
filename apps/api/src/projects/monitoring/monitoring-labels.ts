import type { FundingSource, ProjectStage } from '@commonplan/domain';
import { statementLabels } from '../statements/statement-labels';

export const MONITORING_LANGUAGES = ['pl', 'en'] as const;
export type MonitoringLanguage = (typeof MONITORING_LANGUAGES)[number];

const PL = {
  title: 'Raport z monitorowania realizacji strategii',
  association: 'Stowarzyszenie',
  year: 'Rok sprawozdawczy',
  generated: 'Sporządzono',
  status: 'Status',
  draft: 'projekt raportu (nieprzyjęty)',
  edition: (edition: number) => `wydanie ${edition}, przyjęte uchwałą`,
  adoptedBy: 'Uchwała',
  sha: 'Skrót SHA-256 treści',
  note: 'Raport sporządzono z danych systemu: wskaźniki strategii, projekty wspólne, nabory i składki. Kwoty w złotych, co do grosza; środki zewnętrzne to część dofinansowania przypadająca na dany rok w projektach z przyznanym dofinansowaniem.',
  goals: '1. Cele strategii i wskaźniki',
  noGoal: 'Bez wskazanego celu',
  indicator: 'Wskaźnik',
  unit: 'Jednostka',
  baseline: 'Wartość bazowa',
  target: 'Wartość docelowa',
  latest: 'Ostatnia wartość',
  progress: 'Postęp',
  source: 'Źródło danych',
  progressChart: 'Postęp wskaźników względem wartości docelowych',
  noValue: 'brak danych',
  goalProjects: 'Projekty służące celowi',
  none: 'brak',
  projects: '2. Projekty wspólne według etapu',
  stageChart: 'Liczba projektów na każdym etapie',
  project: 'Projekt',
  stage: 'Etap',
  cost: 'Koszt w roku',
  grant: 'Dofinansowanie uzyskane',
  own: 'Wkład własny',
  funds: '3. Środki zewnętrzne',
  bySource: 'Według źródła',
  sourceColumn: 'Źródło',
  amount: 'Kwota',
  total: 'Razem',
  byMember: 'Według członka',
  member: 'Członek',
  population: 'Liczba mieszkańców',
  fee: 'Składka',
  ownSpending: 'Wydatki własne',
  external: 'Środki zewnętrzne',
  leverage: 'Dźwignia',
  smallerMark: 'mniejszy członek',
  association_: 'Stowarzyszenie (projekty bez członków)',
  memberChart: 'Środki zewnętrzne według członka',
  smaller: '4. Udział mniejszych członków',
  smallerText: (count: number, median: string, funds: string, people: string) =>
    `Mniejszymi członkami są gminy i powiaty o liczbie mieszkańców poniżej mediany członków (${median}): ${count}. Otrzymały ${funds} środków zewnętrznych przypadających na członków, przy ${people} mieszkańców.`,
  smallerNone: 'Brak środków zewnętrznych do porównania w tym roku.',
  percent: (value: string) => `${value.replace('.', ',')}%`,
  summarySheet: 'Podsumowanie',
  indicatorsSheet: 'Wskaźniki',
  projectsSheet: 'Projekty',
  sourcesSheet: 'Źródła',
  membersSheet: 'Członkowie',
  goalColumn: 'Cel',
  page: (page: number, pages: number) => `Strona ${page} z ${pages}`,
  stages: statementLabels('pl').stages,
  sources: {
    eu_regional: 'program regionalny UE',
    eu_national: 'program krajowy UE',
    zit: 'ZIT',
    national: 'środki krajowe',
    other: 'inne',
    none: 'bez naboru',
  } satisfies Record<FundingSource | 'none', string>,
};

const EN: typeof PL = {
  title: 'Strategy monitoring report',
  association: 'Association',
  year: 'Reporting year',
  generated: 'Prepared',
  status: 'Status',
  draft: 'draft (not adopted)',
  edition: (edition: number) => `edition ${edition}, adopted by resolution`,
  adoptedBy: 'Resolution',
  sha: 'SHA-256 of the content',
  note: 'Prepared from the system’s data: the strategy’s indicators, joint projects, funding calls and fees. Amounts in złoty, to the grosz; external funds are the part of the year’s grants in projects whose grant was obtained.',
  goals: '1. Strategy goals and indicators',
  noGoal: 'No goal named',
  indicator: 'Indicator',
  unit: 'Unit',
  baseline: 'Baseline',
  target: 'Target',
  latest: 'Latest value',
  progress: 'Progress',
  source: 'Data source',
  progressChart: 'Progress of the indicators towards their targets',
  noValue: 'no data',
  goalProjects: 'Projects serving the goal',
  none: 'none',
  projects: '2. Joint projects by stage',
  stageChart: 'Projects at each stage',
  project: 'Project',
  stage: 'Stage',
  cost: 'Cost in the year',
  grant: 'Grant obtained',
  own: 'Own contribution',
  funds: '3. External funds',
  bySource: 'By source',
  sourceColumn: 'Source',
  amount: 'Amount',
  total: 'Total',
  byMember: 'By member',
  member: 'Member',
  population: 'Population',
  fee: 'Fee',
  ownSpending: 'Own spending',
  external: 'External funds',
  leverage: 'Leverage',
  smallerMark: 'smaller member',
  association_: 'Association (projects without members)',
  memberChart: 'External funds by member',
  smaller: '4. The smaller members’ share',
  smallerText: (count: number, median: string, funds: string, people: string) =>
    `The smaller members are those with fewer inhabitants than the members’ median (${median}): ${count}. They received ${funds} of the external funds that went to members, with ${people} of the inhabitants.`,
  smallerNone: 'No external funds to compare this year.',
  percent: (value: string) => `${value}%`,
  summarySheet: 'Summary',
  indicatorsSheet: 'Indicators',
  projectsSheet: 'Projects',
  sourcesSheet: 'Sources',
  membersSheet: 'Members',
  goalColumn: 'Goal',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  stages: statementLabels('en').stages,
  sources: {
    eu_regional: 'EU regional programme',
    eu_national: 'EU national programme',
    zit: 'ZIT (integrated territorial investments)',
    national: 'national funds',
    other: 'other',
    none: 'no call',
  },
};

export type MonitoringLabels = typeof PL;

export function monitoringLabels(language: MonitoringLanguage): MonitoringLabels {
  return language === 'en' ? EN : PL;
}

export const stageLabel = (labels: MonitoringLabels, stage: ProjectStage) => labels.stages[stage];

/** "1 234 567" (Polish) or "1,234,567" (English). */
export function formatCount(value: number, language: MonitoringLanguage): string {
  return value.toLocaleString(language === 'pl' ? 'pl-PL' : 'en-GB').replace(/\s/g, '\u00a0');
}

/** An indicator's value with the language's decimal mark ("12,5" / "12.5"). */
export function formatValue(text: string, language: MonitoringLanguage): string {
  return language === 'pl' ? text.replace('.', ',') : text;
}
