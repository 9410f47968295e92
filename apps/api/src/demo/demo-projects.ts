import type { EntityManager } from 'typeorm';

/**
 * The demo's joint projects: fictional figures, labelled as demo data in their titles and scope. The cycle-path concept
 * as a project of several members at the concept stage (co-financed at 85%, its own contribution shared by
 * population), and a joint purchase of electricity at the idea stage (shared equally, with each member's cost alone).
 */
const DEMO_PROJECTS = [
  {
    title: 'Zintegrowany system ścieżek rowerowych SOM – etap I (dane przykładowe)',
    scope: 'Dane fikcyjne do pokazu. Połączenie tras rowerowych Szczecina z Policami, Dobrą, Kołbaskowem i Gryfinem według koncepcji funkcjonalno-użytkowej.',
    expectedResults: 'Dane fikcyjne: 42 km nowych dróg rowerowych, 6 węzłów przesiadkowych „bike & ride”.',
    leader: 'Gmina Miasto Szczecin',
    // Matched to the demo's co-financed call (DEMO_CALL).
    matchedToCall: true,
    participants: ['Gmina Miasto Szczecin', 'Gmina Police', 'Gmina Dobra', 'Gmina Kołbaskowo', 'Gmina Gryfino', 'Uniwersytet Szczeciński'],
    sharingKey: 'population',
    rate: '85',
    startsOn: '2027-04-01',
    endsOn: '2029-06-30',
    steps: [
      { stage: 'idea', on: '2026-03-12' },
      { stage: 'concept', on: '2026-06-20', note: 'Koncepcja funkcjonalno-użytkowa opracowana wspólnie w dokumencie.' },
    ],
    budget: [
      { year: 2027, category: 'services', amount: '850000.00' },
      { year: 2027, category: 'works', amount: '6400000.00' },
      { year: 2028, category: 'works', amount: '12750000.00' },
      { year: 2029, category: 'works', amount: '3900000.00' },
      { year: 2029, category: 'promotion', amount: '180000.00' },
    ],
  },
  {
    title: 'Wspólny zakup energii elektrycznej na 2027 rok (dane przykładowe)',
    scope: 'Dane fikcyjne do pokazu. Jedno postępowanie na dostawę energii dla budynków i oświetlenia ulic gmin uczestniczących.',
    expectedResults: 'Dane fikcyjne: niższa cena za MWh niż przy zakupie osobno.',
    leader: null,
    participants: ['Gmina Goleniów', 'Gmina Stepnica', 'Gmina Nowe Warpno', 'Gmina Kobylanka'],
    sharingKey: 'equal',
    rate: null,
    startsOn: null,
    endsOn: null,
    steps: [{ stage: 'idea', on: '2026-11-05' }],
    budget: [{ year: 2027, category: 'services', amount: '24000.00' }],
    // What each would pay buying alone (fictional): the joint price shared equally saves each of them money.
    aloneCosts: { 'Gmina Goleniów': '7200.00', 'Gmina Stepnica': '6900.00', 'Gmina Nowe Warpno': '6800.00', 'Gmina Kobylanka': '7100.00' },
  },
] as const;

/** A co-financed call of the regional programme (fictional figures), which the cycle-path project is matched to. */
const DEMO_CALL = {
  source: 'eu_regional',
  programme: 'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027 (dane przykładowe)',
  measure: 'Działanie 2.13 Mobilność miejska – drogi rowerowe',
  eligible: 'Jednostki samorządu terytorialnego Szczecińskiego Obszaru Metropolitalnego i ich związki, w partnerstwie.',
  allocation: '60000000.00',
  rate: '85',
  minOwn: '15',
  opensOn: '2027-01-15',
  closesOn: '2027-04-30',
} as const;

/**
 * The transport strategy's measures as indicators with a few yearly values (fictional, labelled as demo data); the
 * demo holds no adopted strategy version, so they name no goal heading. The cycle-path project moves the second.
 */
const DEMO_INDICATORS = [
  {
    name: 'Udział podróży odbywanych transportem publicznym (dane przykładowe)',
    unit: '%',
    baseline: ['18.5', 2022],
    target: ['25', 2030],
    values: [
      [2023, '19.1', 'Badanie ruchu (dane fikcyjne)'],
      [2024, '20.4', 'Badanie ruchu (dane fikcyjne)'],
      [2025, '21', 'Badanie ruchu (dane fikcyjne)'],
    ],
  },
  {
    name: 'Długość dróg rowerowych w SOM (dane przykładowe)',
    unit: 'km',
    baseline: ['310', 2022],
    target: ['450', 2030],
    values: [
      [2024, '335', 'Urzędy gmin (dane fikcyjne)'],
      [2025, '352.5', 'Urzędy gmin (dane fikcyjne)'],
    ],
  },
  {
    name: 'Węzły przesiadkowe „park & ride” i „bike & ride” (dane przykładowe)',
    unit: 'szt.',
    baseline: ['4', 2022],
    target: ['12', 2030],
    values: [[2025, '6', 'Stowarzyszenie SOM (dane fikcyjne)']],
  },
] as const;

/** Membership fees of the demo's years, in złoty by population band (fictional). */
function demoFee(population: number | null): string {
  if (population === null) return '5000.00';
  return population > 300_000 ? '120000.00' : population > 60_000 ? '30000.00' : population > 20_000 ? '12000.00' : '4000.00';
}

export async function seedDemoProjects(manager: EntityManager, workspaceId: string, orgIds: Map<string, string>, coordinatorId: string): Promise<void> {
  const [call] = await manager.query(
    `INSERT INTO funding_calls (workspace_id, source, programme, measure, eligible, allocation, co_financing_rate, min_own_contribution, opens_on, closes_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [workspaceId, DEMO_CALL.source, DEMO_CALL.programme, DEMO_CALL.measure, DEMO_CALL.eligible, DEMO_CALL.allocation, DEMO_CALL.rate, DEMO_CALL.minOwn, DEMO_CALL.opensOn, DEMO_CALL.closesOn, coordinatorId],
  );
  for (const project of DEMO_PROJECTS) {
    const last = project.steps[project.steps.length - 1];
    const [row] = await manager.query(
      `INSERT INTO projects (workspace_id, title, scope, expected_results, leader_id, sharing_key, co_financing_rate, starts_on, ends_on, stage, stage_on, created_by, call_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        workspaceId,
        project.title,
        project.scope,
        project.expectedResults,
        project.leader ? orgIds.get(project.leader) : null,
        project.sharingKey,
        project.rate,
        project.startsOn,
        project.endsOn,
        last.stage,
        last.on,
        coordinatorId,
        'matchedToCall' in project ? call.id : null,
      ],
    );
    for (const [position, name] of project.participants.entries()) {
      await manager.query(`INSERT INTO project_participants (workspace_id, project_id, organisation_id, position) VALUES ($1, $2, $3, $4)`, [workspaceId, row.id, orgIds.get(name), position]);
    }
    for (const line of project.budget) {
      await manager.query(`INSERT INTO project_budget_lines (project_id, year, category, amount) VALUES ($1, $2, $3, $4)`, [row.id, line.year, line.category, line.amount]);
    }
    for (const [name, amount] of Object.entries('aloneCosts' in project ? project.aloneCosts : {})) {
      await manager.query(`INSERT INTO project_procurement (workspace_id, project_id, organisation_id, alone_cost) VALUES ($1, $2, $3, $4)`, [workspaceId, row.id, orgIds.get(name), amount]);
    }
    for (const step of project.steps) {
      await manager.query(`INSERT INTO project_steps (workspace_id, project_id, stage, taken_on, note, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
        workspaceId,
        row.id,
        step.stage,
        step.on,
        'note' in step ? step.note : '',
        coordinatorId,
      ]);
    }
  }
}

export async function seedDemoMonitoring(manager: EntityManager, workspaceId: string, coordinatorId: string): Promise<void> {
  const indicatorIds: string[] = [];
  for (const indicator of DEMO_INDICATORS) {
    const [row] = await manager.query(
      `INSERT INTO indicators (workspace_id, name, unit, baseline, baseline_year, target, target_year, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [workspaceId, indicator.name, indicator.unit, indicator.baseline[0], indicator.baseline[1], indicator.target[0], indicator.target[1], coordinatorId],
    );
    indicatorIds.push(row.id);
    for (const [year, value, source] of indicator.values) {
      await manager.query(`INSERT INTO indicator_values (indicator_id, year, value, source) VALUES ($1, $2, $3, $4)`, [row.id, year, value, source]);
    }
  }
  await manager.query(
    `INSERT INTO project_indicators (workspace_id, project_id, indicator_id) SELECT $1, id, $2 FROM projects WHERE workspace_id = $1 AND title LIKE 'Zintegrowany system ścieżek rowerowych%'`,
    [workspaceId, indicatorIds[1]],
  );
  const members: Array<{ id: string; population: number | null }> = await manager.query(`SELECT id, population FROM organisations WHERE workspace_id = $1 AND kind = 'member'`, [workspaceId]);
  for (const year of [2025, 2026]) {
    for (const member of members) {
      await manager.query(`INSERT INTO membership_fees (workspace_id, organisation_id, year, amount) VALUES ($1, $2, $3, $4)`, [workspaceId, member.id, year, demoFee(member.population)]);
    }
  }
}
