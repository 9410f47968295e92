import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, fakeApi, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { members, partners } from '../../test/fixtures';
import { plain, renderWithApp } from '../../test/render';
import type { Language } from '../../i18n';
import { WorkspaceContext } from '../workspace/workspace-context';
import { summary } from './fixtures';
import { MemberPage } from './MemberPage';
import { ProjectsPage } from './ProjectsPage';
import type { MemberStatement } from './statements-api';

const ROUTE = '/w/:workspaceId/projects/members/:organisationId?';

const dobra: MemberStatement = {
  workspaceName: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
  member: { id: 'm2', name: 'Gmina Dobra' },
  generatedAt: '2026-11-02T10:00:00.000Z',
  years: [
    { year: 2026, fee: '12500.00', contributions: [], external: [], ownTotal: '12500.00', externalTotal: '0.00', leverage: '0.00' },
    {
      year: 2027,
      fee: '12500.00',
      contributions: [
        { projectId: 'pr1', title: 'Trasy rowerowe SOM – etap I', stage: 'granted', amount: '10357.48' },
        { projectId: 'pr3', title: 'Park rzeczny Odry', stage: 'concept', amount: '0.01' },
      ],
      external: [{ projectId: 'pr1', title: 'Trasy rowerowe SOM – etap I', stage: 'granted', amount: '58690.37' }],
      ownTotal: '22857.49',
      externalTotal: '58690.37',
      leverage: '2.56',
    },
  ],
  savings: [{ projectId: 'pr2', title: 'Wspólne zakupy energii', alone: '7200.00', joint: '6000.00', saving: '1200.00' }],
};

const szczecin: MemberStatement = { ...dobra, member: { id: 'm1', name: 'Gmina Miasto Szczecin' }, years: [], savings: [] };

const projects = [
  summary(),
  summary({ id: 'pr2', title: 'Wspólne zakupy energii', stage: 'concept', participants: [{ id: 'm1', name: 'Gmina Miasto Szczecin' }] }),
  summary({ id: 'pr3', title: 'Park rzeczny Odry', stage: 'concept', leader: null, participants: [{ id: 'm2', name: 'Gmina Dobra' }] }),
];

const routes: Record<string, FakeRoute> = {
  'GET /workspaces/w1/members/m2/statement': dobra,
  'GET /workspaces/w1/members/m1/statement': szczecin,
  'GET /workspaces/w1/organisations': [...members, ...partners],
  'GET /workspaces/w1/projects': projects,
};

function openMember(role: Role, path = '/w/w1/projects/members/m2', extra: Record<string, FakeRoute> = {}) {
  return renderPage(<MemberPage />, { route: ROUTE, path, role, routes: { ...routes, ...extra } });
}

/**
 * `page` at `path` for a representative of Gmina Dobra (m2): renderPage's workspace represents no organisation, so
 * the workspace is given here (the pages read no session).
 */
function openAsRepresentative(page: ReactElement, route: string, path: string, language: Language = 'pl') {
  const calls = fakeApi(routes);
  const workspace = { ...workspaceOf('representative'), organisationId: 'm2', organisationName: 'Gmina Dobra' };
  renderWithApp(
    <WorkspaceContext.Provider value={workspace}>
      <Routes>
        <Route path={route} element={page} />
        <Route path="*" element={<p>elsewhere</p>} />
      </Routes>
    </WorkspaceContext.Provider>,
    { language, path },
  );
  return calls;
}

/** A table's rows, each as its cells' texts (the header row first). */
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => Array.from(row.children, (cell) => plain(cell.textContent)));
const facts = () => Array.from(document.querySelectorAll('.facts dt'), (dt) => `${dt.textContent}: ${plain(dt.nextElementSibling?.textContent)}`);
const statementCalls = (calls: { method: string; path: string }[]) => calls.filter((c) => c.path.includes('/statement')).map((c) => c.path);

describe('MemberPage', () => {
  it('shows an observer the member’s fee, contributions, external funds and leverage a year, its projects and the files', async () => {
    const page = openMember('observer');
    const year2027 = await screen.findByRole('table', { name: 'Rok 2027: składka, wkład własny, środki zewnętrzne i dźwignia' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Zestawienie finansowe członka');
    expect(document.title).toBe('Zestawienie finansowe członka: Gmina Dobra – SSOM – Commonplan');
    const select = screen.getByRole('combobox', { name: 'Członek stowarzyszenia' }) as HTMLSelectElement;
    // Members only: partners pay no fee and share no cost.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wybierz członka', 'Gmina Miasto Szczecin', 'Gmina Dobra', 'Powiat Policki']);
    expect(select.value).toBe('m2');
    expect(facts()).toEqual(['Członek: Gmina Dobra', 'Stowarzyszenie: Stowarzyszenie „Szczeciński Obszar Metropolitalny”', expect.stringMatching(/^Stan na: 2 lis 2026.*11:00$/)]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Pobierz zestawienie', 'Rok po roku', 'Oszczędności ze wspólnych zakupów', 'Projekty członka']);
    const savings = screen.getByRole('table', { name: 'Koszt zakupu osobno, udział w cenie wspólnej i oszczędność w każdym wspólnym zakupie' });
    expect(rowsOf(savings)).toEqual([
      ['Projekt', 'Koszt zakupu osobno', 'Udział w cenie wspólnej', 'Oszczędność'],
      ['Wspólne zakupy energii', '7 200,00 zł', '6 000,00 zł', '1 200,00 zł'],
    ]);
    expect(within(savings).getByRole('link', { name: 'Wspólne zakupy energii' }).getAttribute('href')).toBe('/w/w1/projects/pr2');

    expect(rowsOf(screen.getByRole('table', { name: 'Rok 2026: składka, wkład własny, środki zewnętrzne i dźwignia' }))).toEqual([
      ['Pozycja', 'Kwota'],
      ['Składka członkowska', '12 500,00 zł'],
      ['Wydatki własne razem', '12 500,00 zł'],
      ['Środki zewnętrzne razem', '0,00 zł'],
      ['Dźwignia', '0,00 zł na 1 zł własny'],
    ]);
    expect(rowsOf(year2027)).toEqual([
      ['Pozycja', 'Kwota'],
      ['Składka członkowska', '12 500,00 zł'],
      ['Wkład własny: Trasy rowerowe SOM – etap I', '10 357,48 zł'],
      ['Wkład własny: Park rzeczny Odry', '0,01 zł'],
      ['Wydatki własne razem', '22 857,49 zł'],
      ['Środki zewnętrzne: Trasy rowerowe SOM – etap I', '58 690,37 zł'],
      ['Środki zewnętrzne razem', '58 690,37 zł'],
      ['Dźwignia', '2,56 zł na 1 zł własny'],
    ]);
    expect(within(year2027).getAllByRole('rowheader').map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('row'));
    expect(within(year2027).getAllByRole('link', { name: 'Trasy rowerowe SOM – etap I' }).map((a) => a.getAttribute('href'))).toEqual(['/w/w1/projects/pr1', '/w/w1/projects/pr1']);
    // The scrolling wrapper is named by the caption and reachable with the keyboard.
    const region = year2027.closest('[role="region"]');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(document.getElementById(region?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Rok 2027: składka, wkład własny, środki zewnętrzne i dźwignia');

    expect(screen.getByRole('link', { name: 'Zestawienie w PDF' }).getAttribute('href')).toBe('/api/workspaces/w1/members/m2/statement.pdf?lang=pl');
    expect(screen.getByRole('link', { name: 'Zestawienie w arkuszu XLSX' }).getAttribute('href')).toBe('/api/workspaces/w1/members/m2/statement.xlsx?lang=pl');

    // The projects Gmina Dobra takes part in, whatever their stage.
    const mine = await screen.findByRole('table', { name: 'Projekty wspólne, w których członek uczestniczy' });
    expect(rowsOf(mine)).toEqual([
      ['Projekt', 'Etap', 'Lider'],
      ['Trasy rowerowe SOM – etap I', 'Pomysł', 'Gmina Miasto Szczecin'],
      ['Park rzeczny Odry', 'Koncepcja', 'Stowarzyszenie'],
    ]);
    expect(within(mine).getByRole('link', { name: 'Park rzeczny Odry' }).getAttribute('href')).toBe('/w/w1/projects/pr3');
    expect(statementCalls(page.calls)).toEqual(['/workspaces/w1/members/m2/statement']);
  });

  it('lets a coordinator choose the member in a select: the chosen one’s statement opens and the focus stays on the select', async () => {
    const user = userEvent.setup();
    const page = openMember('coordinator', '/w/w1/projects/members');
    expect(await screen.findByText('Wybierz członka, aby zobaczyć jego zestawienie.')).toBeTruthy();
    const select = (await screen.findByRole('combobox', { name: 'Członek stowarzyszenia' })) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(statementCalls(page.calls)).toEqual([]);

    await user.selectOptions(select, 'm1');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/members/m1'));
    expect(await screen.findByText('Ten członek nie ma jeszcze składek ani kosztów we wspólnych projektach.')).toBeTruthy();
    expect(facts()[0]).toBe('Członek: Gmina Miasto Szczecin');
    expect(screen.queryByRole('table', { name: /^Rok / })).toBeNull();
    expect(rowsOf(await screen.findByRole('table', { name: 'Projekty wspólne, w których członek uczestniczy' })).map((row) => row[0])).toEqual([
      'Projekt',
      'Trasy rowerowe SOM – etap I',
      'Wspólne zakupy energii',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Członek stowarzyszenia' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Członek stowarzyszenia' }), 'm2');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/members/m2'));
    expect(await screen.findByRole('table', { name: 'Rok 2027: składka, wkład własny, środki zewnętrzne i dźwignia' })).toBeTruthy();
    expect(facts()[0]).toBe('Członek: Gmina Dobra');
    expect(statementCalls(page.calls)).toEqual(['/workspaces/w1/members/m1/statement', '/workspaces/w1/members/m2/statement']);
  });

  it('links a representative from the projects page to their own municipality, and coordinators to every statement and the fees', async () => {
    openAsRepresentative(<ProjectsPage />, '/w/:workspaceId/projects', '/w/w1/projects');
    const link = await screen.findByRole('link', { name: 'Moja gmina' });
    expect(link.getAttribute('href')).toBe('/w/w1/projects/members/m2');
    expect(screen.queryByRole('link', { name: 'Zestawienia finansowe członków' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Składki członkowskie' })).toBeNull();
  });

  it('gives coordinators the links to every member’s statement and to the fees', async () => {
    renderPage(<ProjectsPage />, { route: '/w/:workspaceId/projects', path: '/w/w1/projects', role: 'coordinator', routes });
    expect((await screen.findByRole('link', { name: 'Zestawienia finansowe członków' })).getAttribute('href')).toBe('/w/w1/projects/members');
    expect(screen.getByRole('link', { name: 'Składki członkowskie' }).getAttribute('href')).toBe('/w/w1/projects/fees');
    expect(screen.queryByRole('link', { name: 'Moja gmina' })).toBeNull();
  });

  it('opens “My municipality” for a representative, without a select, in English with the files in English', async () => {
    const calls = openAsRepresentative(<MemberPage />, ROUTE, '/w/w1/projects/members', 'en');
    // With no member in the address, the representative's own.
    const year2027 = await screen.findByRole('table', { name: '2027: the fee, own contributions, external funds and leverage' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My municipality');
    expect(document.title).toBe('My municipality – SSOM – Commonplan');
    expect(rowsOf(year2027).slice(1, 3)).toEqual([
      ['Membership fee', 'PLN 12,500.00'],
      ['Own contribution: Trasy rowerowe SOM – etap I', 'PLN 10,357.48'],
    ]);
    expect(rowsOf(year2027).at(-1)).toEqual(['Leverage', 'PLN 2.56 per PLN 1 of its own']);
    expect(screen.getByRole('link', { name: 'Statement as PDF' }).getAttribute('href')).toBe('/api/workspaces/w1/members/m2/statement.pdf?lang=en');
    expect(screen.getByRole('link', { name: 'Statement as an XLSX spreadsheet' }).getAttribute('href')).toBe('/api/workspaces/w1/members/m2/statement.xlsx?lang=en');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(calls.some((c) => c.path === '/workspaces/w1/organisations')).toBe(false);
  });

  it('gives partners no link, and says in words that the API refuses them a statement', async () => {
    const page = openMember('partner', '/w/w1/projects/members/m2', {
      'GET /workspaces/w1/members/m2/statement': reply(403, { status: 403, code: 'forbidden', detail: 'statements are for the members of the association' }),
    });
    await waitFor(() => expect(plain(screen.getAllByRole('alert').map((a) => a.textContent).join(' '))).toBe('Nie masz uprawnień do tej czynności.'));
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(page.calls.some((c) => c.path === '/workspaces/w1/organisations')).toBe(false);
  });

  it('shows a partner’s projects page without a link to statements or fees', async () => {
    renderPage(<ProjectsPage />, { route: '/w/:workspaceId/projects', path: '/w/w1/projects', role: 'partner', routes });
    await screen.findByRole('link', { name: 'Park rzeczny Odry' });
    for (const name of ['Moja gmina', 'Zestawienia finansowe członków', 'Składki członkowskie']) expect(screen.queryByRole('link', { name })).toBeNull();
  });
});
