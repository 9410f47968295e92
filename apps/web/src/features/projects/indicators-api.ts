// The strategy's indicators (issue 15) as the API answers them (apps/api/src/projects/indicators.*): each with its goal,
// unit, baseline and target with their years, the values recorded a year with their sources, the latest one and the
// progress in whole percent. Values are text ("134.2"), never a float: they are shown exactly and sent as typed.
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** GET /api/workspaces/:id/indicators: the workspace's indicators by goal heading (those without a goal last), then name. */
export type Indicator = Schemas['IndicatorDto'];
export type IndicatorValue = Schemas['IndicatorValueDto'];
/** PUT /api/indicators/:id/values/:year (IndicatorValueInputDto). */
export type IndicatorValueInput = Schemas['IndicatorValueInputDto'];

export const indicatorsPath = (workspaceId: string) => `/workspaces/${workspaceId}/indicators`;
export const indicatorsPage = (workspaceId: string) => `/w/${workspaceId}/projects/indicators`;

/** The years a value may be recorded for (the API's IndicatorValueInputDto and its year parameter). */
export const INDICATOR_YEARS = { min: 1990, max: 2100 } as const;

/** Records (or replaces) the indicator's value of a year with its source; the answer is the indicator as it is now. */
export const recordIndicatorValue = (indicatorId: string, year: number, body: IndicatorValueInput): Promise<Indicator> =>
  call(apiClient.PUT('/api/indicators/{indicatorId}/values/{year}', { params: { path: { indicatorId, year } }, body }));

/** The value recorded last (of the latest year), which `latest` and `progress` are of; null before any. */
export const latestValue = (indicator: Indicator): IndicatorValue | null => indicator.values.reduce<IndicatorValue | null>((last, v) => (last === null || v.year > last.year ? v : last), null);

/** The indicators by their goal's heading, in the API's order; those without a goal form the last group (goal null). */
export function byGoal(indicators: Indicator[]): Array<{ goal: string | null; indicators: Indicator[] }> {
  const groups = new Map<string | null, Indicator[]>();
  for (const indicator of indicators) {
    const goal = indicator.goal?.heading ?? null;
    const group = groups.get(goal);
    if (group) group.push(indicator);
    else groups.set(goal, [indicator]);
  }
  const list = Array.from(groups, ([goal, members]) => ({ goal, indicators: members }));
  return [...list.filter((g) => g.goal !== null), ...list.filter((g) => g.goal === null)];
}
