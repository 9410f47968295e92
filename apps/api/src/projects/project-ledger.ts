import { type FundingSource, type MonitoringProject, parsePln, type ProjectStage, type Weighting } from '@commonplan/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { trimNumber } from './money-text';

/**
 * The projects as the money's accounts read them (a member's statement, the monitoring report): stage, co-financing
 * rate, sharing key, member participants in order with their population and custom weight, yearly costs, the goal's
 * heading and the source of the call. Only the workspace's; with `organisationId`, only those it takes part in.
 */
export async function readLedgerProjects(db: DataSource | EntityManager, workspaceId: string, organisationId?: string): Promise<MonitoringProject[]> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT p.id, p.title, p.stage, p.sharing_key, p.co_financing_rate::text AS rate, p.goal_heading, c.source,
            COALESCE((SELECT json_agg(json_build_object('id', o.id, 'population', o.population, 'weight', pp.custom_weight::text) ORDER BY pp.position)
                      FROM project_participants pp JOIN organisations o ON o.id = pp.organisation_id
                      WHERE pp.project_id = p.id AND o.kind = 'member'), '[]') AS members,
            COALESCE((SELECT json_object_agg(y.year, y.total) FROM (SELECT year, sum(amount)::text AS total FROM project_budget_lines WHERE project_id = p.id GROUP BY year) y), '{}') AS costs
     FROM projects p LEFT JOIN funding_calls c ON c.id = p.call_id
     WHERE p.workspace_id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM project_participants pp WHERE pp.project_id = p.id AND pp.organisation_id = $2))
     ORDER BY p.title, p.id`,
    [workspaceId, organisationId ?? null],
  );
  return rows.map((row) => {
    const members = row.members as Array<{ id: string; population: number | null; weight: string | null }>;
    return {
      id: row.id as string,
      title: row.title as string,
      stage: row.stage as ProjectStage,
      coFinancingRate: row.rate === null ? null : trimNumber(row.rate as string),
      sharingKey: row.sharing_key as Weighting,
      members: members.map((m) => ({ id: m.id, population: m.population })),
      customWeights: Object.fromEntries(members.filter((m) => m.weight !== null).map((m) => [m.id, Number(m.weight)])),
      costByYear: Object.fromEntries(Object.entries(row.costs as Record<string, string>).map(([year, total]) => [year, grosze(total)])),
      goal: (row.goal_heading as string | null) ?? null,
      source: (row.source as FundingSource | null) ?? null,
    };
  });
}

/** An amount the database gives back as text, in grosze. */
export function grosze(text: string): bigint {
  const parsed = parsePln(text);
  if (!parsed.ok) throw new Error(`not an amount from the database: ${text}`);
  return parsed.grosze;
}
