import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { renderPage } from '../../test/fake-api';
import { plain } from '../../test/render';
import { summary } from './fixtures';
import { ProjectsPage } from './ProjectsPage';

const projects = [
  summary(),
  summary({
    id: 'pr2',
    title: 'Wspólne zakupy energii',
    stage: 'concept',
    stageOn: '2026-11-15',
    leader: null,
    participants: [
      { id: 'm2', name: 'Gmina Dobra' },
      { id: 'm3', name: 'Powiat Policki' },
    ],
    totals: { total: '1234.56', grant: '0.00', own: '1234.56' },
    coFinancingRate: null,
  }),
  summary({ id: 'pr3', title: 'Park rzeczny Odry', stage: 'concept', stageOn: '2026-09-01', coFinancingRate: '62.5' }),
];

function openProjects(role: Role, path = '/w/w1/projects', language: 'pl' | 'en' = 'pl') {
  return renderPage(<ProjectsPage />, { route: '/w/:workspaceId/projects', path, role, language, routes: { 'GET /workspaces/w1/projects': projects } });
}

/** The body's rows, each as its cells' texts. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => plain(cell.textContent)));
const rows = () => cells(screen.getByRole('table'));

describe('ProjectsPage', () => {
  it('lists the pipeline: title linking to the project, stage and its day, leader or the association, participants, money and rate', async () => {
    openProjects('observer');
    const table = await screen.findByRole('table', { name: 'Projekty wspólne, od ostatnio zmienionych' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Projekt',
      'Etap',
      'Od dnia',
      'Lider',
      'Uczestnicy',
      'Koszt ogółem',
      'Wkład własny',
      'Poziom dofinansowania',
    ]);
    expect(rows()).toEqual([
      ['Trasy rowerowe SOM – etap I', 'Pomysł', '1 paź 2026', 'Gmina Miasto Szczecin', '3', '3 620 000,01 zł', '543 000,01 zł', '85%'],
      ['Wspólne zakupy energii', 'Koncepcja', '15 lis 2026', 'Stowarzyszenie', '2', '1 234,56 zł', '1 234,56 zł', 'nie ustalono'],
      ['Park rzeczny Odry', 'Koncepcja', '1 wrz 2026', 'Gmina Miasto Szczecin', '3', '3 620 000,01 zł', '543 000,01 zł', '62,5%'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Wspólne zakupy energii' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Wspólne zakupy energii' }).getAttribute('href')).toBe('/w/w1/projects/pr2');
    // Only coordinators start a project.
    expect(screen.queryByRole('link', { name: 'Nowy projekt' })).toBeNull();
  });

  it('narrows the list to a stage chosen in a select, kept in the address, and says how many are shown', async () => {
    const user = userEvent.setup();
    const page = openProjects('coordinator');
    await screen.findByRole('table');
    expect(screen.getByRole('link', { name: 'Nowy projekt' }).getAttribute('href')).toBe('/w/w1/projects/new');
    const filter = screen.getByRole('combobox', { name: 'Etap' });
    expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Wszystkie etapy',
      'Pomysł',
      'Koncepcja',
      'Zatwierdzony do realizacji',
      'Wniosek złożony',
      'Dofinansowanie przyznane',
      'Odmowa dofinansowania',
      'Wycofany',
      'W realizacji',
      'Rozliczony',
    ]);
    await user.selectOptions(filter, 'concept');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects?stage=concept'));
    expect(await screen.findByRole('table', { name: 'Projekty wspólne na etapie: Koncepcja, od ostatnio zmienionych' })).toBeTruthy();
    expect(rows().map((row) => row[0])).toEqual(['Wspólne zakupy energii', 'Park rzeczny Odry']);
    expect(screen.getByRole('status').textContent).toBe('Pokazane projekty: 2 z 3.');
    // The focus stays on the select.
    expect(document.activeElement).toBe(filter);

    await user.selectOptions(filter, 'granted');
    expect(await screen.findByText('Żaden projekt nie jest na etapie: Dofinansowanie przyznane.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await user.selectOptions(filter, '');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects'));
    expect(await screen.findAllByRole('row')).toHaveLength(4);
  });

  it('opens filtered from the address, in English', async () => {
    openProjects('partner', '/w/w1/projects?stage=idea', 'en');
    const table = await screen.findByRole('table', { name: 'Joint projects at the stage: Idea, most recently changed first' });
    expect(cells(table)).toEqual([['Trasy rowerowe SOM – etap I', 'Idea', 'Oct 1, 2026', 'Gmina Miasto Szczecin', '3', 'PLN 3,620,000.01', 'PLN 543,000.01', '85%']]);
    expect((screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement).value).toBe('idea');
  });

  it('shows the projects as a board, a column per stage with its count, kept in the address next to the stage', async () => {
    const user = userEvent.setup();
    const page = openProjects('observer');
    await screen.findByRole('table');
    const views = screen.getByRole('group', { name: 'Widok' });
    const board = within(views).getByRole('button', { name: 'Tablica' });
    expect(within(views).getByRole('button', { name: 'Tabela' }).getAttribute('aria-pressed')).toBe('true');
    expect(board.getAttribute('aria-pressed')).toBe('false');
    await user.click(board);
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects?view=board'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Koncepcja (2)' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(board.getAttribute('aria-pressed')).toBe('true');
    // The focus stays on the switch.
    expect(document.activeElement).toBe(board);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Pomysł (1)',
      'Koncepcja (2)',
      'Zatwierdzony do realizacji (0)',
      'Wniosek złożony (0)',
      'Dofinansowanie przyznane (0)',
      'Odmowa dofinansowania (0)',
      'Wycofany (0)',
      'W realizacji (0)',
      'Rozliczony (0)',
    ]);
    const concept = screen.getByRole('region', { name: 'Koncepcja (2)' });
    const cards = within(concept).getAllByRole('listitem');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual(['Wspólne zakupy energii', 'Park rzeczny Odry']);
    expect(Array.from(cards[0].querySelectorAll('dt'), (dt) => `${dt.textContent}: ${plain(dt.nextElementSibling?.textContent)}`)).toEqual(['Lider: Stowarzyszenie', 'Koszt ogółem: 1 234,56 zł']);
    expect(within(cards[0]).getByRole('link', { name: 'Wspólne zakupy energii' }).getAttribute('href')).toBe('/w/w1/projects/pr2');
    expect(within(screen.getByRole('region', { name: 'Wycofany (0)' })).getByText('Brak projektów na tym etapie.')).toBeTruthy();

    // The stage narrows the board to its column, and both stay in the address.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Etap' }), 'idea');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects?view=board&stage=idea'));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Pomysł (1)']));
    expect(screen.getByRole('status').textContent).toBe('Pokazane projekty: 1 z 3.');

    await user.click(within(views).getByRole('button', { name: 'Tabela' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects?stage=idea'));
    expect(cells(await screen.findByRole('table')).map((row) => row[0])).toEqual(['Trasy rowerowe SOM – etap I']);
  });

  it('opens as a board from the address, in English', async () => {
    openProjects('partner', '/w/w1/projects?stage=concept&view=board', 'en');
    const column = await screen.findByRole('region', { name: 'Concept (2)' });
    expect(within(column).getAllByRole('link').map((a) => a.textContent)).toEqual(['Wspólne zakupy energii', 'Park rzeczny Odry']);
    expect(plain(within(column).getAllByRole('listitem')[1].querySelector('dl')?.textContent)).toBe('LeaderGmina Miasto SzczecinTotal costPLN 3,620,000.01');
    expect(screen.getByRole('button', { name: 'Board' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('links to the strategy indicators', async () => {
    openProjects('observer');
    expect((await screen.findByRole('link', { name: 'Wskaźniki' })).getAttribute('href')).toBe('/w/w1/projects/indicators');
  });

  it('says when there is no project yet', async () => {
    renderPage(<ProjectsPage />, { route: '/w/:workspaceId/projects', path: '/w/w1/projects', role: 'observer', routes: { 'GET /workspaces/w1/projects': [] } });
    expect(await screen.findByText('Nie ma jeszcze żadnego projektu wspólnego.')).toBeTruthy();
  });
});
