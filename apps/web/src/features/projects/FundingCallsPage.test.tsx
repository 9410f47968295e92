import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/fake-api';
import { plain } from '../../test/render';
import { type FundingCall, FundingCallsPage } from './FundingCallsPage';

const call = (overrides: Partial<FundingCall> = {}): FundingCall => ({
  id: 'c1',
  workspaceId: 'w1',
  source: 'zit',
  programme: 'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027',
  measure: 'Działanie 6.1 Mobilność miejska',
  eligible: 'gminy SOM',
  allocation: '120000000.00',
  coFinancingRate: '85',
  minOwnContribution: '15',
  opensOn: '2027-01-15',
  closesOn: '2027-03-31',
  url: 'https://funduszeeuropejskie.example/nabor',
  status: 'upcoming',
  projects: [{ id: 'p1', title: 'Trasy rowerowe', stage: 'submitted' }],
  ...overrides,
});

function openCalls(calls: FundingCall[], language: 'pl' | 'en' = 'pl') {
  return renderPage(<FundingCallsPage />, { route: '/w/:workspaceId/projects/calls', path: '/w/w1/projects/calls', role: 'observer', language, routes: { 'GET /workspaces/w1/funding-calls': calls } });
}

describe('FundingCallsPage', () => {
  it('lists each call with its period, status, rules and the projects matched, linking to them', async () => {
    openCalls([call(), call({ id: 'c2', programme: 'Program krajowy', measure: '', source: 'national', status: 'open', url: null, coFinancingRate: null, minOwnContribution: null, allocation: null, eligible: '', projects: [] })]);
    const table = await screen.findByRole('table', { name: 'Nabory według dnia zamknięcia' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => plain(cell.textContent)));
    expect(rows[0]).toEqual([
      'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027Działanie 6.1 Mobilność miejska',
      'ZIT',
      '15 sty 2027 – 31 mar 2027',
      'przed otwarciem',
      'dofinansowanie do 85%wkład własny co najmniej 15%alokacja 120 000 000,00 złwnioskodawcy: gminy SOM',
      'Trasy rowerowe (Wniosek złożony)',
    ]);
    expect(rows[1]).toEqual(['Program krajowy', 'środki krajowe', '15 sty 2027 – 31 mar 2027', 'otwarty', '', 'brak']);
    expect(within(table).getByRole('link', { name: 'Trasy rowerowe' }).getAttribute('href')).toBe('/w/w1/projects/p1');
    expect(within(table).getByRole('link', { name: 'Fundusze Europejskie dla Pomorza Zachodniego 2021–2027' }).getAttribute('href')).toBe('https://funduszeeuropejskie.example/nabor');
  });

  it('says when there are none, in English too', async () => {
    openCalls([], 'en');
    expect(await screen.findByText('No funding calls recorded yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Funding calls' })).toBeTruthy();
  });
});
