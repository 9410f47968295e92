// Test data for the joint projects' component tests: the shapes the API answers with (apps/api/src/projects).
import type { Project, ProjectSummary } from './projects-api';

export function summary(extra: Partial<ProjectSummary> = {}): ProjectSummary {
  return {
    id: 'pr1',
    title: 'Trasy rowerowe SOM – etap I',
    stage: 'idea',
    stageOn: '2026-10-01',
    leader: { id: 'm1', name: 'Gmina Miasto Szczecin' },
    participants: [
      { id: 'm1', name: 'Gmina Miasto Szczecin' },
      { id: 'm2', name: 'Gmina Dobra' },
      { id: 'p1', name: 'Uniwersytet Szczeciński' },
    ],
    totals: { total: '3620000.01', grant: '3077000.00', own: '543000.01' },
    coFinancingRate: '85',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...extra,
  };
}

/** The cycle paths as the API computes them: 85% co-financed, the own contribution shared by population. */
export function project(extra: Partial<Project> = {}): Project {
  return {
    id: 'pr1',
    workspaceId: 'w1',
    title: 'Trasy rowerowe SOM – etap I',
    scope: 'Połączenie tras rowerowych Szczecina i Dobrej.',
    expectedResults: '',
    leader: { id: 'm1', name: 'Gmina Miasto Szczecin' },
    goal: { versionId: 'v2', documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', versionName: 'tekst przyjęty', headingId: 'h-cel-1', heading: 'Cel 1. Transport' },
    sharingKey: 'population',
    concept: null,
    call: null,
    coFinancingRate: '85',
    startsOn: '2027-03-01',
    endsOn: '2028-12-31',
    stage: 'idea',
    stageOn: '2026-10-01',
    nextStages: ['concept', 'withdrawn'],
    participants: [
      { organisationId: 'm1', name: 'Gmina Miasto Szczecin', kind: 'member', population: 390300, customWeight: null },
      { organisationId: 'm2', name: 'Gmina Dobra', kind: 'member', population: 25643, customWeight: null },
      { organisationId: 'p1', name: 'Uniwersytet Szczeciński', kind: 'partner', population: null, customWeight: null },
    ],
    budget: [
      { year: 2027, category: 'services', amount: '120000.00', eurAmount: null, eurRate: null, eurRateOn: null },
      { year: 2027, category: 'works', amount: '1000000.01', eurAmount: null, eurRate: null, eurRateOn: null },
      { year: 2028, category: 'works', amount: '2500000.00', eurAmount: '586785.59', eurRate: '4.2605', eurRateOn: '2026-11-30' },
    ],
    totals: { total: '3620000.01', grant: '3077000.00', own: '543000.01' },
    years: [
      {
        year: 2027,
        total: '1120000.01',
        grant: '952000.00',
        own: '168000.01',
        shares: [
          { organisationId: 'm1', amount: '157642.53' },
          { organisationId: 'm2', amount: '10357.48' },
        ],
      },
      {
        year: 2028,
        total: '2500000.00',
        grant: '2125000.00',
        own: '375000.00',
        shares: [
          { organisationId: 'm1', amount: '351880.95' },
          { organisationId: 'm2', amount: '23119.05' },
        ],
      },
    ],
    sharingProblem: null,
    indicators: [],
    procurement: null,
    steps: [{ id: 's1', stage: 'idea', takenOn: '2026-10-01', resolution: null, note: '', actorName: 'Anna Koordynator', createdAt: '2026-10-01T10:00:00.000Z' }],
    createdBy: 'u1',
    createdAt: '2026-10-01T10:00:00.000Z',
    updatedAt: '2026-10-01T10:00:00.000Z',
    ...extra,
  };
}
