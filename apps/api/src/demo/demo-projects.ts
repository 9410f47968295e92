import type { EntityManager } from 'typeorm';

/**
 * The demo's joint projects: fictional figures, labelled as demo data in their titles and scope. The cycle-path concept
 * as a project of several members at the concept stage (co-financed at 85%, its own contribution shared by
 * population), and a joint purchase of electricity at the idea stage (shared equally).
 */
const DEMO_PROJECTS = [
  {
    title: 'Zintegrowany system ścieżek rowerowych SOM – etap I (dane przykładowe)',
    scope: 'Dane fikcyjne do pokazu. Połączenie tras rowerowych Szczecina z Policami, Dobrą, Kołbaskowem i Gryfinem według koncepcji funkcjonalno-użytkowej.',
    expectedResults: 'Dane fikcyjne: 42 km nowych dróg rowerowych, 6 węzłów przesiadkowych „bike & ride”.',
    leader: 'Gmina Miasto Szczecin',
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
  },
] as const;

export async function seedDemoProjects(manager: EntityManager, workspaceId: string, orgIds: Map<string, string>, coordinatorId: string): Promise<void> {
  for (const project of DEMO_PROJECTS) {
    const last = project.steps[project.steps.length - 1];
    const [row] = await manager.query(
      `INSERT INTO projects (workspace_id, title, scope, expected_results, leader_id, sharing_key, co_financing_rate, starts_on, ends_on, stage, stage_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
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
      ],
    );
    for (const [position, name] of project.participants.entries()) {
      await manager.query(`INSERT INTO project_participants (workspace_id, project_id, organisation_id, position) VALUES ($1, $2, $3, $4)`, [workspaceId, row.id, orgIds.get(name), position]);
    }
    for (const line of project.budget) {
      await manager.query(`INSERT INTO project_budget_lines (project_id, year, category, amount) VALUES ($1, $2, $3, $4)`, [row.id, line.year, line.category, line.amount]);
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
