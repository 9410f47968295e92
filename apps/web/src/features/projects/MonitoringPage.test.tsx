import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type ApiCall, type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import { resolution } from '../decisions/fixtures';
import { summary } from './fixtures';
import type { FrozenMonitoring, MonitoringContent, MonitoringEdition, MonitoringPreview } from './monitoring-api';
import { MonitoringPage } from './MonitoringPage';
import { ProjectsPage } from './ProjectsPage';

const ROUTE = '/w/:workspaceId/projects/monitoring';

/** The 2025 report as the API computes it: two goals (one of them none), two projects, two members (Dobra the smaller). */
function content(extra: Partial<MonitoringContent> = {}): MonitoringContent {
  return {
    format: 1,
    workspaceName: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
    year: 2025,
    generatedAt: '2026-03-02T10:00:00.000Z',
    edition: null,
    adoption: null,
    goals: [
      {
        goal: 'Cel 1. Transport',
        indicators: [
          {
            id: 'i1',
            name: 'Długość dróg rowerowych',
            unit: 'km',
            baseline: '120.5',
            baselineYear: 2019,
            target: '250',
            targetYear: 2030,
            latest: { year: 2024, value: '178.775', source: 'GUS' },
            progress: 45,
          },
        ],
        projects: [{ id: 'pr1', title: 'Trasy rowerowe SOM – etap I', stage: 'granted' }],
      },
      {
        goal: null,
        indicators: [{ id: 'i4', name: 'Powierzchnia terenów zielonych', unit: 'ha', baseline: '10', baselineYear: 2019, target: '12', targetYear: 2030, latest: null, progress: null }],
        projects: [],
      },
    ],
    stages: { idea: 1, concept: 0, approved: 0, submitted: 0, granted: 1, refused: 0, withdrawn: 0, implementation: 0, settled: 0 },
    projects: [
      { id: 'pr1', title: 'Trasy rowerowe SOM – etap I', stage: 'granted', goal: 'Cel 1. Transport', source: 'eu_regional', cost: '1120000.01', grant: '952000.00', own: '168000.01' },
      { id: 'pr2', title: 'Wspólne zakupy energii', stage: 'idea', goal: null, source: null, cost: '0.00', grant: '0.00', own: '0.00' },
    ],
    funds: {
      bySource: [
        { source: 'eu_regional', amount: '952000.00' },
        { source: 'none', amount: '0.00' },
      ],
      byMember: [
        { id: 'm1', name: 'Gmina Miasto Szczecin', population: 390300, fee: '48250.00', own: '157642.53', external: '895000.00', leverage: '4.38', smaller: false },
        { id: 'm2', name: 'Gmina Dobra', population: 25643, fee: '12500.00', own: '22857.49', external: '57000.00', leverage: '2.56', smaller: true },
      ],
      association: '0.00',
      total: '952000.00',
    },
    smaller: { medianPopulation: 207971.5, members: ['Gmina Dobra'], external: '57000.00', fundsShare: '6.0', populationShare: '6.2' },
    ...extra,
  };
}

const firstEdition: MonitoringEdition = {
  edition: 1,
  sha256: 'a1'.repeat(32),
  adoptedAt: '2026-03-20T09:00:00.000Z',
  resolution: { id: 'r5', title: 'Uchwała nr 5/2026 Walnego Zebrania Członków w sprawie raportu z monitorowania za 2025 r.' },
};

const secondEdition: MonitoringEdition = {
  edition: 2,
  sha256: 'b2'.repeat(32),
  adoptedAt: '2026-06-10T08:00:00.000Z',
  resolution: { id: 'r7', title: 'Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie korekty raportu z monitorowania za 2025 r.' },
};

/** Edition 2 as frozen: adopted by a resolution of 10 June in Warsaw (22:30 UTC the day before), its total then 900 000 zł. */
const frozenSecond: FrozenMonitoring = {
  ...secondEdition,
  content: content({
    edition: 2,
    adoption: { resolutionId: 'r7', title: secondEdition.resolution.title, adoptedAt: '2026-06-09T22:30:00.000Z' },
    funds: { ...content().funds, bySource: [{ source: 'eu_regional', amount: '900000.00' }], total: '900000.00' },
  }),
};

const preview = (editions: MonitoringEdition[] = [firstEdition], extra: Partial<MonitoringContent> = {}): MonitoringPreview => ({ content: content(extra), editions });

function openMonitoring(role: Role, path = '/w/w1/projects/monitoring?year=2025', routes: Record<string, FakeRoute> = {}, language: 'pl' | 'en' = 'pl') {
  return renderPage(<MonitoringPage />, { route: ROUTE, path, role, language, routes: { 'GET /workspaces/w1/monitoring/2025': preview(), ...routes } });
}

afterEach(() => {
  vi.useRealTimers();
});

/** A table's rows, each as its cells' texts (the header row first). */
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => Array.from(row.children, (cell) => plain(cell.textContent)));
const facts = () => Array.from(document.querySelectorAll('.facts dt'), (dt) => `${dt.textContent}: ${plain(dt.nextElementSibling?.textContent)}`);
const alerts = () => plain(screen.getAllByRole('alert').map((a) => a.textContent).join(' '));
/** The text of the error tied to a control (the id of its aria-describedby that is an error), null without one. */
const errorOf = (control: HTMLElement) => {
  const id = (control.getAttribute('aria-describedby') ?? '').split(' ').find((i) => i.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
};
const monitoringCalls = (calls: ApiCall[]) => calls.filter((c) => c.path.includes('/monitoring')).map((c) => `${c.method} ${c.path}`);

describe('MonitoringPage', () => {
  it('shows the draft: each goal’s indicators with their progress, the projects by stage, the funds, the smaller members and the files', async () => {
    const page = openMonitoring('observer');
    const transport = await screen.findByRole('table', { name: 'Wskaźniki: Cel 1. Transport' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Raport z monitorowania');
    expect(document.title).toBe('Raport z monitorowania 2025 – SSOM – Commonplan');
    expect(facts()).toEqual([
      'Stowarzyszenie: Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
      'Rok sprawozdawczy: 2025',
      expect.stringMatching(/^Sporządzono: 2 mar 2026.*11:00$/),
      'Status: projekt raportu z bieżących danych (nieprzyjęty)',
    ]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Pobierz projekt raportu',
      'Cele strategii i wskaźniki',
      'Projekty według etapu',
      'Środki zewnętrzne',
      'Udział mniejszych członków',
      'Wydania raportu za rok 2025',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Cel 1. Transport', 'Bez wskazanego celu']);

    expect(rowsOf(transport)).toEqual([
      ['Wskaźnik', 'Jednostka', 'Wartość bazowa', 'Wartość docelowa', 'Ostatnia wartość', 'Postęp'],
      ['Długość dróg rowerowych', 'km', '120,5 (2019)', '250 (2030)', '178,775 (2024, źródło: GUS)', '45%'],
    ]);
    const bar = within(transport).getByRole('img', { name: 'Postęp: 45% drogi od wartości bazowej do docelowej' });
    expect(bar.querySelector('.indicator-bar__fill')?.getAttribute('width')).toBe('45');
    const region = transport.closest('[role="region"]');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(document.getElementById(region?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Wskaźniki: Cel 1. Transport');
    const transportGoal = screen.getByRole('region', { name: 'Cel 1. Transport' });
    expect(within(transportGoal).getByRole('link', { name: 'Trasy rowerowe SOM – etap I' }).getAttribute('href')).toBe('/w/w1/projects/pr1');
    // Not measured: no data, and no bar.
    const none = screen.getByRole('table', { name: 'Wskaźniki: Bez wskazanego celu' });
    expect(rowsOf(none)[1]).toEqual(['Powierzchnia terenów zielonych', 'ha', '10 (2019)', '12 (2030)', 'brak danych', 'brak danych']);
    expect(within(none).queryByRole('img')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Bez wskazanego celu' })).getByText('Żaden projekt nie służy temu celowi.')).toBeTruthy();

    const stages = rowsOf(screen.getByRole('table', { name: 'Liczba projektów na każdym etapie' }));
    expect(stages.length).toBe(10);
    expect(stages.slice(0, 2)).toEqual([
      ['Etap', 'Liczba projektów'],
      ['Pomysł', '1'],
    ]);
    expect(stages).toContainEqual(['Dofinansowanie przyznane', '1']);
    expect(stages).toContainEqual(['Koncepcja', '0']);
    expect(rowsOf(screen.getByRole('table', { name: 'Projekty wspólne: koszt, dofinansowanie i wkład własny w roku 2025' }))).toEqual([
      ['Projekt', 'Etap', 'Koszt w roku', 'Dofinansowanie uzyskane', 'Wkład własny'],
      ['Trasy rowerowe SOM – etap I', 'Dofinansowanie przyznane', '1 120 000,01 zł', '952 000,00 zł', '168 000,01 zł'],
      ['Wspólne zakupy energii', 'Pomysł', '0,00 zł', '0,00 zł', '0,00 zł'],
    ]);

    expect(rowsOf(screen.getByRole('table', { name: 'Środki zewnętrzne według źródła w roku 2025' }))).toEqual([
      ['Źródło', 'Kwota'],
      ['program regionalny UE', '952 000,00 zł'],
      ['bez naboru', '0,00 zł'],
      ['Razem', '952 000,00 zł'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Środki zewnętrzne według członka w roku 2025' }))).toEqual([
      ['Członek', 'Liczba mieszkańców', 'Składka', 'Wydatki własne', 'Środki zewnętrzne', 'Dźwignia'],
      ['Gmina Miasto Szczecin', '390 300', '48 250,00 zł', '157 642,53 zł', '895 000,00 zł', '4,38 zł na 1 zł własny'],
      ['Gmina Dobra mniejszy członek', '25 643', '12 500,00 zł', '22 857,49 zł', '57 000,00 zł', '2,56 zł na 1 zł własny'],
      ['Stowarzyszenie (projekty bez członków)', '', '', '', '0,00 zł', ''],
    ]);

    const smaller = screen.getByRole('region', { name: 'Udział mniejszych członków' });
    expect(plain(smaller.querySelector('p')?.textContent)).toBe(
      'Mniejsi członkowie, o liczbie mieszkańców poniżej mediany członków (207 971,5): 1. Otrzymali 57 000,00 zł, czyli 6,0% środków zewnętrznych przypadających na członków, przy 6,2% mieszkańców członków.',
    );

    expect(screen.getByRole('link', { name: 'Raport w PDF' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/report.pdf?lang=pl');
    expect(screen.getByRole('link', { name: 'Raport w formacie DOCX (Word)' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/report.docx?lang=pl');
    expect(screen.getByRole('link', { name: 'Raport w arkuszu XLSX' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/report.xlsx?lang=pl');
    expect(screen.getByRole('link', { name: 'Raport w PDF' }).hasAttribute('download')).toBe(true);

    const edition = screen.getByRole('link', { name: 'Wydanie 1 z 20 mar 2026: Uchwała nr 5/2026 Walnego Zebrania Członków w sprawie raportu z monitorowania za 2025 r.' });
    expect(edition.getAttribute('href')).toBe('/w/w1/projects/monitoring?year=2025&edition=1');
    // Only coordinators adopt an edition.
    expect(screen.queryByRole('form')).toBeNull();
    expect(page.calls.some((c) => c.path.includes('/resolutions'))).toBe(false);
    expect(monitoringCalls(page.calls)).toEqual(['GET /workspaces/w1/monitoring/2025']);
  });

  it('opens at the last finished year in Warsaw and reads the year chosen in the select, keeping it in the address', async () => {
    // New Year's Eve in UTC is already 2026 in Warsaw: the last finished year is 2025.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-12-31T23:30:00.000Z'));
    const user = userEvent.setup();
    const page = openMonitoring('expert', '/w/w1/projects/monitoring', {
      'GET /workspaces/w1/monitoring/2024': preview([], { year: 2024, smaller: { medianPopulation: null, members: [], external: '0.00', fundsShare: null, populationShare: null } }),
    });
    expect(await screen.findByRole('table', { name: 'Środki zewnętrzne według źródła w roku 2025' })).toBeTruthy();
    const year = screen.getByRole('combobox', { name: 'Rok sprawozdawczy' }) as HTMLSelectElement;
    expect(year.value).toBe('2025');
    const years = within(year).getAllByRole('option').map((o) => o.textContent);
    expect([years[0], years.at(-1), years.length]).toEqual(['2028', '2016', 13]);

    await user.selectOptions(year, '2024');
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/monitoring?year=2024'));
    expect(await screen.findByRole('table', { name: 'Środki zewnętrzne według źródła w roku 2024' })).toBeTruthy();
    expect(facts()).toContain('Rok sprawozdawczy: 2024');
    expect(screen.getByRole('heading', { level: 2, name: 'Wydania raportu za rok 2024' })).toBeTruthy();
    expect(screen.getByText('Raport za ten rok nie został jeszcze przyjęty uchwałą.')).toBeTruthy();
    expect(screen.getByText('Brak środków zewnętrznych do porównania w tym roku.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Raport w PDF' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2024/report.pdf?lang=pl');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Rok sprawozdawczy' }));
    expect(monitoringCalls(page.calls)).toEqual(['GET /workspaces/w1/monitoring/2025', 'GET /workspaces/w1/monitoring/2024']);
  });

  it('shows an adopted edition as frozen, with its resolution, its date in Warsaw and its SHA-256, and its own files', async () => {
    const page = openMonitoring('representative', '/w/w1/projects/monitoring?year=2025&edition=2', {
      'GET /workspaces/w1/monitoring/2025': preview([firstEdition, secondEdition]),
      'GET /workspaces/w1/monitoring/2025/editions/2': frozenSecond,
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Pobierz wydanie 2' })).toBeTruthy();
    expect(facts().slice(3)).toEqual([
      'Status: wydanie 2, przyjęte 10 czerwca 2026: Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie korekty raportu z monitorowania za 2025 r.',
      `Skrót SHA-256 treści: ${'b2'.repeat(32)}`,
    ]);
    // The frozen content, not the draft's.
    expect(rowsOf(screen.getByRole('table', { name: 'Środki zewnętrzne według źródła w roku 2025' }))).toEqual([
      ['Źródło', 'Kwota'],
      ['program regionalny UE', '900 000,00 zł'],
      ['Razem', '900 000,00 zł'],
    ]);
    expect(screen.getByRole('link', { name: 'Raport w PDF' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/editions/2/report.pdf?lang=pl');
    expect(screen.getByRole('link', { name: 'Raport w arkuszu XLSX' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/editions/2/report.xlsx?lang=pl');
    expect(screen.getByRole('link', { name: 'Pokaż projekt raportu z bieżących danych' }).getAttribute('href')).toBe('/w/w1/projects/monitoring?year=2025');
    const editions = screen.getByRole('region', { name: 'Wydania raportu za rok 2025' });
    expect(within(editions).getAllByRole('link').map((a) => [plain(a.textContent).slice(0, 10), a.getAttribute('aria-current')])).toEqual([
      ['Wydanie 1 ', null],
      ['Wydanie 2 ', 'page'],
    ]);
    expect(monitoringCalls(page.calls)).toEqual(['GET /workspaces/w1/monitoring/2025', 'GET /workspaces/w1/monitoring/2025/editions/2']);
  });

  it('lets a coordinator adopt the next edition by an adopted resolution: the API’s refusal is said at the select, then the list grows', async () => {
    const user = userEvent.setup();
    let editions = [firstEdition];
    let attempts = 0;
    const page = openMonitoring('coordinator', '/w/w1/projects/monitoring?year=2025', {
      'GET /workspaces/w1/monitoring/2025': () => preview(editions),
      'GET /workspaces/w1/resolutions': [
        resolution({ id: 'r5', state: 'adopted', number: '5/2026', fullTitle: firstEdition.resolution.title, decidedAt: '2026-03-19T10:00:00.000Z' }),
        resolution({ id: 'r7', state: 'adopted', number: '7/2026', fullTitle: secondEdition.resolution.title, decidedAt: '2026-06-09T22:30:00.000Z' }),
        resolution({ id: 'r8', title: 'w sprawie budżetu', state: 'draft' }),
        resolution({ id: 'r9', state: 'adopted', number: '9/2026', fullTitle: 'Uchwała nr 9/2026 Zarządu w sprawie raportu z monitorowania', decidedAt: '2026-06-01T10:00:00.000Z' }),
      ],
      'POST /workspaces/w1/monitoring/2025/editions': () => {
        attempts += 1;
        if (attempts === 1) {
          return reply(409, {
            status: 409,
            code: 'conflict',
            detail: 'resolutionId: the resolution already adopted edition 1/2024 of a monitoring report',
            errors: [{ field: 'resolutionId', code: 'resolution_used', message: 'the resolution already adopted edition 1/2024 of a monitoring report' }],
          });
        }
        editions = [firstEdition, secondEdition];
        return reply(201, secondEdition);
      },
    });
    const form = await screen.findByRole('form', { name: 'Przyjmij wydanie raportu' });
    await within(form).findByRole('option', { name: 'Uchwała nr 9/2026 Zarządu w sprawie raportu z monitorowania' });
    const select = within(form).getByLabelText('Uchwała przyjmująca raport') as HTMLSelectElement;
    // Adopted resolutions only, less the one that adopted edition 1.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wybierz przyjętą uchwałę', secondEdition.resolution.title, 'Uchwała nr 9/2026 Zarządu w sprawie raportu z monitorowania']);

    // None chosen: said at the select, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Przyjmij wydanie 2' }));
    await waitFor(() => expect(errorOf(select)).toBe('Wybierz przyjętą uchwałę.'));
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    // The API refuses a resolution that adopted another edition: said at the select, which takes the focus.
    await user.selectOptions(select, 'r9');
    expect(select.getAttribute('aria-invalid')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Przyjmij wydanie 2' }));
    await waitFor(() => expect(errorOf(select)).toBe('Ta uchwała przyjęła już inne wydanie raportu.'));
    await waitFor(() => expect(document.activeElement).toBe(select));
    expect(alerts()).toBe('Popraw zaznaczone pola.');

    await user.selectOptions(select, 'r7');
    await user.click(within(form).getByRole('button', { name: 'Przyjmij wydanie 2' }));
    await waitFor(() => expect(plain(screen.getAllByRole('status').map((s) => s.textContent).join(' '))).toBe('Przyjęto wydanie 2 raportu za rok 2025.'));
    // Read again: edition 2 is listed, and the next one would be 3.
    const second = await screen.findByRole('link', { name: /^Wydanie 2 z 10 cze 2026: Uchwała nr 7\/2026/ });
    expect(second.getAttribute('href')).toBe('/w/w1/projects/monitoring?year=2025&edition=2');
    expect(await within(form).findByRole('button', { name: 'Przyjmij wydanie 3' })).toBeTruthy();
    expect(select.value).toBe('');
    expect(errorOf(select)).toBeNull();
    expect(alerts()).toBe('');
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/workspaces/w1/monitoring/2025/editions', body: { resolutionId: 'r9' } },
      { method: 'POST', path: '/workspaces/w1/monitoring/2025/editions', body: { resolutionId: 'r7' } },
    ]);
  });

  it('says above the form when nothing changed since the latest edition', async () => {
    const user = userEvent.setup();
    openMonitoring('coordinator', '/w/w1/projects/monitoring?year=2025', {
      'GET /workspaces/w1/resolutions': [resolution({ id: 'r9', state: 'adopted', number: '9/2026', fullTitle: 'Uchwała nr 9/2026 Zarządu w sprawie raportu z monitorowania' })],
      'POST /workspaces/w1/monitoring/2025/editions': reply(409, { status: 409, code: 'report_unchanged', detail: 'nothing changed since edition 1: a new edition needs a change' }),
    });
    const form = await screen.findByRole('form', { name: 'Przyjmij wydanie raportu' });
    await within(form).findByRole('option', { name: 'Uchwała nr 9/2026 Zarządu w sprawie raportu z monitorowania' });
    const select = within(form).getByLabelText('Uchwała przyjmująca raport');
    await user.selectOptions(select, 'r9');
    await user.click(within(form).getByRole('button', { name: 'Przyjmij wydanie 2' }));
    await waitFor(() => expect(alerts()).toBe('Od ostatniego wydania nic się nie zmieniło, a nowe wydanie wymaga zmiany.'));
    expect(select.getAttribute('aria-invalid')).toBeNull();
    expect(plain(screen.getAllByRole('status').map((s) => s.textContent).join(' '))).toBe('');
  });

  it('reads in English, with the files in English', async () => {
    openMonitoring('observer', '/w/w1/projects/monitoring?year=2025', {}, 'en');
    const transport = await screen.findByRole('table', { name: 'Indicators: Cel 1. Transport' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Monitoring report');
    expect(rowsOf(transport)).toEqual([
      ['Indicator', 'Unit', 'Baseline', 'Target', 'Latest value', 'Progress'],
      ['Długość dróg rowerowych', 'km', '120.5 (2019)', '250 (2030)', '178.775 (2024, source: GUS)', '45%'],
    ]);
    expect(within(transport).getByRole('img', { name: 'Progress: 45% of the way from the baseline to the target' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'No goal named' })).toBeTruthy();
    expect(facts()).toContain('Status: draft from the current data (not adopted)');
    expect(rowsOf(screen.getByRole('table', { name: 'External funds by source in 2025' }))).toEqual([
      ['Source', 'Amount'],
      ['EU regional programme', 'PLN 952,000.00'],
      ['no call', 'PLN 0.00'],
      ['Total', 'PLN 952,000.00'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'External funds by member in 2025' }))[2]).toEqual(['Gmina Dobra smaller member', '25,643', 'PLN 12,500.00', 'PLN 22,857.49', 'PLN 57,000.00', 'PLN 2.56 per PLN 1 of its own']);
    const smaller = screen.getByRole('region', { name: 'Smaller members’ share' });
    expect(plain(smaller.querySelector('p')?.textContent)).toBe(
      'Smaller members, with a population below the members’ median (207,971.5): 1. They obtained PLN 57,000.00, that is 6.0% of the external funds that went to members, with 6.2% of the members’ population.',
    );
    expect(screen.getByRole('link', { name: 'Report as PDF' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/report.pdf?lang=en');
    expect(screen.getByRole('link', { name: 'Report as DOCX (Word)' }).getAttribute('href')).toBe('/api/workspaces/w1/monitoring/2025/report.docx?lang=en');
    expect(screen.getByRole('link', { name: /^Edition 1 of Mar 20, 2026: / })).toBeTruthy();
  });

  it('says in words that the API refuses a partner the report', async () => {
    const page = openMonitoring('partner', '/w/w1/projects/monitoring?year=2025', {
      'GET /workspaces/w1/monitoring/2025': reply(403, { status: 403, code: 'forbidden', detail: 'the monitoring report is for the members of the association' }),
    });
    await waitFor(() => expect(alerts()).toBe('Nie masz uprawnień do tej czynności.'));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(page.calls.some((c) => c.path.includes('/resolutions'))).toBe(false);
  });

  it('links the report from the projects page for members of the association, not for partners', async () => {
    const routes = { 'GET /workspaces/w1/projects': [summary()] };
    const observer = renderPage(<ProjectsPage />, { route: '/w/:workspaceId/projects', path: '/w/w1/projects', role: 'observer', routes });
    expect((await screen.findByRole('link', { name: 'Raport z monitorowania' })).getAttribute('href')).toBe('/w/w1/projects/monitoring');
    observer.unmount();
    renderPage(<ProjectsPage />, { route: '/w/:workspaceId/projects', path: '/w/w1/projects', role: 'partner', routes });
    await screen.findByRole('link', { name: 'Trasy rowerowe SOM – etap I' });
    expect(screen.queryByRole('link', { name: 'Raport z monitorowania' })).toBeNull();
  });
});
