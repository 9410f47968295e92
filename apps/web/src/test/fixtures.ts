import type { AuditEntry, DocumentSummary, Organisation, Person } from '../api/types';

export const members: Organisation[] = [
  { id: 'm1', kind: 'member', type: 'gmina_miejska', name: 'Gmina Miasto Szczecin', population: 390300, populationYear: 2023, voteWeight: 1 },
  { id: 'm2', kind: 'member', type: 'gmina_wiejska', name: 'Gmina Dobra', population: 25643, populationYear: 2023, voteWeight: 1.5 },
  { id: 'm3', kind: 'member', type: 'powiat', name: 'Powiat Policki', population: null, populationYear: null, voteWeight: 1 },
];

export const partners: Organisation[] = [
  { id: 'p1', kind: 'partner', type: 'university', name: 'Uniwersytet Szczeciński', population: null, populationYear: null, voteWeight: null },
  { id: 'p2', kind: 'partner', type: 'chamber_of_commerce', name: 'IHK Neubrandenburg', population: null, populationYear: null, voteWeight: null },
];

export const people: Person[] = [
  {
    membershipId: 'ms1',
    userId: 'u1',
    displayName: 'Anna Koordynator',
    email: 'anna@som.example',
    role: 'coordinator',
    organisation: null,
    active: true,
    since: '2026-01-05T10:00:00.000Z',
  },
  {
    membershipId: 'ms2',
    userId: 'u2',
    displayName: 'Jan Przedstawiciel',
    email: 'jan@som.example',
    role: 'representative',
    organisation: { id: 'm2', name: 'Gmina Dobra', kind: 'member' },
    active: false,
    since: '2026-01-06T10:00:00.000Z',
  },
];

export const documents: DocumentSummary[] = [
  {
    id: 'd1',
    workspaceId: 'w1',
    title: 'Strategia Rozwoju SOM',
    kind: 'strategy',
    status: 'in_consultation',
    access: 'edit',
    accessUntil: null,
    createdBy: 'u1',
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-02-03T09:30:00.000Z',
  },
];

export function auditEntry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    seq: 1,
    createdAt: '2026-03-01T12:00:00.000Z',
    actor: { id: 'u1', displayName: 'Anna Koordynator' },
    action: 'membership.role_changed',
    targetType: 'membership',
    targetId: 'ms2',
    details: { from: { role: 'expert', organisationId: null }, to: { role: 'observer', organisationId: null } },
    hash: 'ab'.repeat(32),
    ...overrides,
  };
}
