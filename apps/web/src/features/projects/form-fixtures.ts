// Test data for the project form's lists (ProjectForm): the funding calls, the strategy's indicators, an adopted
// resolution adopting a strategy version, and that version with its headings, as the API answers them.
import type { FakeRoute } from '../../test/fake-api';
import { members, partners } from '../../test/fixtures';
import { resolution } from '../decisions/fixtures';
import type { VersionDetails } from '../versions/versions-api';
import type { FundingCall } from './FundingCallsPage';
import type { Indicator } from './indicators-api';
import { documents } from '../../test/fixtures';

export function fundingCall(extra: Partial<FundingCall> = {}): FundingCall {
  return {
    id: 'c1',
    workspaceId: 'w1',
    source: 'zit',
    programme: 'FEPZ 2021–2027',
    measure: 'Działanie 6.1 Mobilność miejska',
    eligible: 'gminy SOM',
    allocation: '120000000.00',
    coFinancingRate: '85',
    minOwnContribution: '15',
    opensOn: '2027-01-15',
    closesOn: '2027-03-31',
    url: null,
    status: 'upcoming',
    projects: [],
    ...extra,
  };
}

export const calls = [fundingCall(), fundingCall({ id: 'c2', programme: 'FEnIKS 2021–2027', measure: 'Działanie 2.8', closesOn: '2027-06-30' })];

export function indicator(extra: Partial<Indicator> = {}): Indicator {
  return {
    id: 'i1',
    workspaceId: 'w1',
    name: 'Długość dróg rowerowych',
    unit: 'km',
    goal: null,
    baseline: '120.5',
    baselineYear: 2019,
    target: '250',
    targetYear: 2030,
    values: [],
    latest: null,
    progress: null,
    projects: [],
    ...extra,
  };
}

export const indicators = [indicator(), indicator({ id: 'i2', name: 'Pasażerowie kolei metropolitalnej', unit: 'mln osób' })];

/** The board's resolution adopting version v2 of the strategy (d1); a draft adopting v3 adopts nothing yet. */
export const resolutions = [
  resolution({
    id: 'r3',
    state: 'adopted',
    number: '3/2026',
    adopts: { versionId: 'v2', documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', number: 2, name: 'tekst przyjęty', contentHash: 'ab'.repeat(32) },
  }),
  resolution({ id: 'r4', state: 'draft', adopts: { versionId: 'v3', documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', number: 3, name: 'projekt zmian', contentHash: 'cd'.repeat(32) } }),
];

const heading = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The adopted strategy: its headings' anchors are h-strategia-rozwoju-som-2030, h-cel-1-transport, h-dzialanie-1-1-trasy-rowerowe, h-cel-2-srodowisko. */
export const strategyVersion: VersionDetails = {
  id: 'v2',
  documentId: 'd1',
  number: 2,
  name: 'tekst przyjęty',
  contentHash: 'ab'.repeat(32),
  createdAt: '2026-06-01T10:00:00.000Z',
  createdBy: null,
  content: {
    type: 'doc',
    content: [
      heading(1, 'Strategia Rozwoju SOM 2030'),
      heading(2, 'Cel 1. Transport'),
      paragraph('Spójna sieć transportu.'),
      heading(3, 'Działanie 1.1. Trasy rowerowe'),
      heading(2, 'Cel 2. Środowisko'),
    ],
  },
  html: '',
};

/** The reads the project form makes, answered. */
export const formRoutes: Record<string, FakeRoute> = {
  'GET /workspaces/w1/organisations': [...members, ...partners],
  'GET /workspaces/w1/funding-calls': calls,
  'GET /workspaces/w1/documents': [
    ...documents,
    { ...documents[0], id: 'd7', title: 'Koncepcja kolei metropolitalnej', kind: 'concept', status: 'draft' },
  ],
  'GET /workspaces/w1/indicators': indicators,
  'GET /workspaces/w1/resolutions': resolutions,
  'GET /documents/d1/versions/v2': strategyVersion,
};
