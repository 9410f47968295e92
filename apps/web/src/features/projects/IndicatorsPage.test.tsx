import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import type { Indicator } from './indicators-api';
import { IndicatorsPage } from './IndicatorsPage';

const transport = { versionId: 'v2', documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', versionName: 'tekst przyjęty', headingId: 'h-cel-1', heading: 'Cel 1. Transport' };
const environment = { ...transport, headingId: 'h-cel-2', heading: 'Cel 2. Środowisko' };

/** An indicator as the API answers it: 45% of the way from 120.5 km (2019) to 250 km (2030) by 2024. */
const indicator = (overrides: Partial<Indicator> = {}): Indicator => ({
  id: 'i1',
  workspaceId: 'w1',
  name: 'Długość dróg rowerowych',
  unit: 'km',
  goal: transport,
  baseline: '120.5',
  baselineYear: 2019,
  target: '250',
  targetYear: 2030,
  values: [
    { year: 2023, value: '150', source: 'GUS' },
    { year: 2024, value: '178.775', source: 'GUS, Bank Danych Lokalnych' },
  ],
  latest: '178.775',
  progress: 45,
  projects: [{ id: 'pr1', title: 'Trasy rowerowe SOM – etap I', stage: 'concept' }],
  ...overrides,
});

const indicators = [
  indicator(),
  indicator({ id: 'i2', name: 'Pasażerowie kolei metropolitalnej', unit: 'mln osób', baseline: '1.2', baselineYear: 2020, target: '3', targetYear: 2030, values: [{ year: 2024, value: '3.6', source: 'PKP PLK' }], latest: '3.6', progress: 133, projects: [] }),
  indicator({ id: 'i3', name: 'Emisja CO2', unit: 't', goal: environment, baseline: '1000', target: '800', values: [{ year: 2024, value: '1100', source: 'WIOŚ' }], latest: '1100', progress: -50, projects: [] }),
  indicator({ id: 'i4', name: 'Powierzchnia terenów zielonych', unit: 'ha', goal: null, baseline: '10', target: '10', values: [], latest: null, progress: null, projects: [] }),
];

function openIndicators(role: Role, routes: Record<string, FakeRoute> = {}, language: 'pl' | 'en' = 'pl') {
  return renderPage(<IndicatorsPage />, {
    route: '/w/:workspaceId/projects/indicators',
    path: '/w/w1/projects/indicators',
    role,
    language,
    routes: { 'GET /workspaces/w1/indicators': indicators, ...routes },
  });
}

/** An indicator's card, by its name. */
const card = (name: string) => screen.getByRole('article', { name });

/** A card's facts as "term: description". */
const factsOf = (article: HTMLElement) => Array.from(article.querySelectorAll('dt'), (dt) => `${dt.textContent}: ${plain(dt.nextElementSibling?.textContent)}`);

/** The text of the error tied to a control (the last id of its aria-describedby). */
const errorOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent;

describe('IndicatorsPage', () => {
  it('lists the indicators by goal with baseline, target, latest value and source, and the progress in words and as a bar', async () => {
    openIndicators('observer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Wskaźniki strategii' })).toBeTruthy();
    // The page's heading comes before its indicators are read: wait for the goals' headings themselves.
    expect((await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent)).toEqual(['Cel 1. Transport', 'Cel 2. Środowisko', 'Wskaźniki bez przypisanego celu']);
    const transportGoal = screen.getByRole('region', { name: 'Cel 1. Transport' });
    expect(within(transportGoal).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Długość dróg rowerowych', 'Pasażerowie kolei metropolitalnej']);

    const roads = card('Długość dróg rowerowych');
    expect(factsOf(roads)).toEqual([
      'Jednostka: km',
      'Wartość bazowa: 120,5 km (2019)',
      'Wartość docelowa: 250 km (2030)',
      'Ostatnia wartość: 178,775 km (2024, źródło: GUS, Bank Danych Lokalnych)',
      'Postęp: 45%',
      'Projekty: Trasy rowerowe SOM – etap I (Koncepcja)',
    ]);
    const bar = within(roads).getByRole('img', { name: 'Postęp: 45% drogi od wartości bazowej do docelowej' });
    expect(bar.querySelector('.indicator-bar__fill')?.getAttribute('width')).toBe('45');
    expect(within(roads).getByRole('link', { name: 'Trasy rowerowe SOM – etap I' }).getAttribute('href')).toBe('/w/w1/projects/pr1');

    // Past the target the bar is full; moving away from it leaves it empty; the words say which.
    const rail = card('Pasażerowie kolei metropolitalnej');
    expect(factsOf(rail)).toContain('Postęp: 133% – cel osiągnięty');
    expect(within(rail).getByRole('img', { name: 'Postęp: 133% drogi od wartości bazowej do docelowej' }).querySelector('.indicator-bar__fill')?.getAttribute('width')).toBe('100');
    const emissions = card('Emisja CO2');
    expect(factsOf(emissions)).toContain('Postęp: -50% – dalej od celu niż na początku');
    expect(within(emissions).getByRole('img', { name: 'Postęp: -50% drogi od wartości bazowej do docelowej' }).querySelector('.indicator-bar__fill')?.getAttribute('width')).toBe('0');

    // Not measured yet: no bar.
    const green = card('Powierzchnia terenów zielonych');
    expect(factsOf(green)).toEqual(['Jednostka: ha', 'Wartość bazowa: 10 ha (2019)', 'Wartość docelowa: 10 ha (2030)', 'Ostatnia wartość: jeszcze nie zmierzono', 'Postęp: jeszcze nie zmierzono']);
    expect(within(green).queryByRole('img')).toBeNull();

    expect(screen.getByRole('link', { name: 'Wróć do projektów wspólnych' }).getAttribute('href')).toBe('/w/w1/projects');
    // Only coordinators record values.
    expect(screen.queryByRole('button', { name: /^Zapisz wartość za rok/ })).toBeNull();
  });

  it('lets a coordinator record a year’s value: checks it first, shows the API’s problem at its field, then saves and reads again', async () => {
    const user = userEvent.setup();
    let current = indicators;
    let attempts = 0;
    const page = openIndicators('coordinator', {
      'GET /workspaces/w1/indicators': () => current,
      'PUT /indicators/i1/values/2025': () => {
        attempts += 1;
        if (attempts === 1) {
          return reply(400, {
            status: 400,
            code: 'validation_failed',
            detail: 'source: source must be 1 to 500 characters',
            errors: [{ field: 'source', message: 'source must be 1 to 500 characters' }],
          });
        }
        const updated = indicator({ values: [...indicator().values, { year: 2025, value: '185.1', source: 'GUS' }], latest: '185.1', progress: 49 });
        current = [updated, ...indicators.slice(1)];
        return updated;
      },
    });
    const toggle = await screen.findByRole('button', { name: 'Zapisz wartość za rok: Długość dróg rowerowych' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    const form = await screen.findByRole('form', { name: 'Wartość wskaźnika: Długość dróg rowerowych' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const year = within(form).getByLabelText('Rok');
    await waitFor(() => expect(document.activeElement).toBe(year));

    // Nothing typed: every field says what it needs, the focus goes to the first, nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Zapisz wartość' }));
    await waitFor(() => expect(errorOf(year)).toBe('Wpisz rok od 1990 do 2100.'));
    expect(document.activeElement).toBe(year);
    const value = within(form).getByLabelText('Wartość (km)');
    expect(errorOf(value)).toBe('Wpisz liczbę z najwyżej czterema miejscami po przecinku, np. 12,5.');
    expect(errorOf(within(form).getByLabelText('Źródło danych'))).toBe('Podaj źródło danych.');

    await user.type(year, '2025');
    await user.type(value, '185,12345');
    await user.type(within(form).getByLabelText('Źródło danych'), 'GUS');
    await user.click(within(form).getByRole('button', { name: 'Zapisz wartość' }));
    await waitFor(() => expect(document.activeElement).toBe(value));
    expect(errorOf(value)).toBe('Wpisz liczbę z najwyżej czterema miejscami po przecinku, np. 12,5.');
    expect(within(form).getByLabelText('Rok').getAttribute('aria-invalid')).toBeNull();
    expect(page.calls.filter((c) => c.method === 'PUT')).toEqual([]);

    // The API refuses the source: it is said at the field.
    await user.clear(value);
    await user.type(value, '185,1');
    await user.click(within(form).getByRole('button', { name: 'Zapisz wartość' }));
    const source = within(form).getByLabelText('Źródło danych');
    await waitFor(() => expect(document.activeElement).toBe(source));
    expect(errorOf(source)).toBe('Podaj źródło danych.');
    expect(within(form).getByRole('alert').textContent).toBe('Popraw zaznaczone pola.');
    expect(page.calls.filter((c) => c.method === 'PUT')).toEqual([{ method: 'PUT', path: '/indicators/i1/values/2025', body: { value: '185,1', source: 'GUS' } }]);

    await user.click(within(form).getByRole('button', { name: 'Zapisz wartość' }));
    const roads = card('Długość dróg rowerowych');
    await waitFor(() => expect(plain(within(roads).getByRole('status').textContent)).toBe('Zapisano wartość za rok 2025: 185,1 km.'));
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Zapisz wartość za rok: Długość dróg rowerowych' })));
    expect(factsOf(roads)).toContain('Ostatnia wartość: 185,1 km (2025, źródło: GUS)');
    expect(within(roads).getByRole('img', { name: 'Postęp: 49% drogi od wartości bazowej do docelowej' })).toBeTruthy();
    // Read again after the change.
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'GET' && c.path === '/workspaces/w1/indicators').length).toBeGreaterThanOrEqual(2));
  });

  it('closes the form on cancel, giving the focus back to its button', async () => {
    const user = userEvent.setup();
    openIndicators('coordinator');
    const toggle = await screen.findByRole('button', { name: 'Zapisz wartość za rok: Emisja CO2' });
    await user.click(toggle);
    const form = await screen.findByRole('form', { name: 'Wartość wskaźnika: Emisja CO2' });
    await user.click(within(form).getByRole('button', { name: 'Anuluj' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(toggle));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('reads in English, and says when there are none', async () => {
    openIndicators('observer', {}, 'en');
    const roads = await screen.findByRole('article', { name: 'Długość dróg rowerowych' });
    expect(factsOf(roads).slice(1, 5)).toEqual(['Baseline: 120.5 km (2019)', 'Target: 250 km (2030)', 'Latest value: 178.775 km (2024, source: GUS, Bank Danych Lokalnych)', 'Progress: 45%']);
    expect(within(roads).getByRole('img', { name: 'Progress: 45% of the way from the baseline to the target' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Indicators without a goal' })).toBeTruthy();
  });

  it('says when there is no indicator yet', async () => {
    openIndicators('coordinator', { 'GET /workspaces/w1/indicators': [] });
    expect(await screen.findByText('Nie ma jeszcze żadnych wskaźników.')).toBeTruthy();
  });
});
