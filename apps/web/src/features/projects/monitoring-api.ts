// The strategy's annual monitoring report (issue 15) as the API answers it (apps/api/src/projects/monitoring): the
// year's report from the data as it is now (the draft), the editions adopted by resolution so far, an edition as it
// was frozen with its SHA-256, and the files of either. Money and indicator values are text ("1234.56"), never a float.
import type { Role } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';
import { FIRST_YEAR, LAST_YEAR, warsawYear } from './statements-api';

type Schemas = components['schemas'];

/** GET /api/workspaces/:id/monitoring/:year: the draft and the editions adopted so far. */
export type MonitoringPreview = Schemas['MonitoringPreviewDto'];
export type MonitoringContent = Schemas['MonitoringContentDto'];
export type MonitoringGoal = Schemas['MonitoringGoalDto'];
export type MonitoringIndicator = Schemas['MonitoringIndicatorDto'];
/** An adopted edition: its number, SHA-256, when it was recorded and the resolution that adopted it. */
export type MonitoringEdition = Schemas['MonitoringEditionDto'];
/** GET /api/workspaces/:id/monitoring/:year/editions/:edition: an edition as frozen. */
export type FrozenMonitoring = Schemas['FrozenMonitoringDto'];
export type FundingSourceOrNone = Schemas['SourceFundsDto']['source'];

/** The files the report comes as (report.pdf, report.docx, report.xlsx). */
export const MONITORING_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type MonitoringFormat = (typeof MONITORING_FORMATS)[number];

export const monitoringPath = (workspaceId: string, year: number) => `/workspaces/${workspaceId}/monitoring/${year}`;
export const monitoringEditionPath = (workspaceId: string, year: number, edition: number) => `${monitoringPath(workspaceId, year)}/editions/${edition}`;

/** The page; with a year and an edition, that year's adopted edition. */
export function monitoringPage(workspaceId: string, year?: number, edition?: number | null): string {
  const query = new URLSearchParams();
  if (year !== undefined) query.set('year', String(year));
  if (edition) query.set('edition', String(edition));
  const search = query.toString();
  return `/w/${workspaceId}/projects/monitoring${search ? `?${search}` : ''}`;
}

/** GET …/monitoring/:year[/editions/:edition]/report.{pdf,docx,xlsx}?lang=pl|en: the draft or an edition as a file. */
export function monitoringFileUrl(workspaceId: string, year: number, format: MonitoringFormat, language: string, edition: number | null = null): string {
  const base = edition ? monitoringEditionPath(workspaceId, year, edition) : monitoringPath(workspaceId, year);
  return `/api${base}/report.${format}?lang=${language === 'en' ? 'en' : 'pl'}`;
}

/** POST …/monitoring/:year/editions (coordinators): the year's report frozen as its next edition, adopted by the resolution. */
export const adoptMonitoring = (workspaceId: string, year: number, resolutionId: string): Promise<MonitoringEdition> =>
  call(apiClient.POST('/api/workspaces/{workspaceId}/monitoring/{year}/editions', { params: { path: { workspaceId, year } }, body: { resolutionId } }));

/** The report sets out every member's money: the association's members read it, partners do not (the API refuses them). */
export const readsMonitoring = (role: Role): boolean => role !== 'partner';

/** The year the report opens at: the last finished year in Warsaw, which the report covers. */
export const defaultMonitoringYear = (now: Date = new Date()): number => warsawYear(now) - 1;

/** The year asked for in the address (`?year=2025`), if the API takes it. */
export function monitoringYearOf(text: string | null): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/** The edition asked for in the address (`?edition=2`), if it is one. */
export function monitoringEditionOf(text: string | null): number | null {
  if (!text || !/^[1-9]\d{0,5}$/.test(text)) return null;
  return Number(text);
}

/** The years offered: ten back and two ahead of this one (in Warsaw), and the one shown, the latest first. */
export function monitoringYears(now: number, shown: number): number[] {
  const years: number[] = [];
  for (let year = Math.max(FIRST_YEAR, now - 10); year <= Math.min(LAST_YEAR, now + 2); year++) years.push(year);
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a);
}
