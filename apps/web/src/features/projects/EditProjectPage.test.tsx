import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { EditProjectPage } from './EditProjectPage';
import { project } from './fixtures';
import { formRoutes } from './form-fixtures';
import { ProjectPage } from './ProjectPage';
import type { Project } from './projects-api';

/** The cycle paths serving the first goal of the adopted strategy, matched to a call, moving one indicator. */
const current = (extra: Partial<Project> = {}) =>
  project({
    expectedResults: '20 km tras.',
    goal: { versionId: 'v2', documentId: 'd1', documentTitle: 'Strategia Rozwoju SOM', versionName: 'tekst przyjęty', headingId: 'h-cel-1-transport', heading: 'Cel 1. Transport' },
    call: { id: 'c1', programme: 'FEPZ 2021–2027', measure: 'Działanie 6.1 Mobilność miejska', closesOn: '2027-03-31' },
    indicators: [{ id: 'i1', name: 'Długość dróg rowerowych', unit: 'km' }],
    ...extra,
  });

/** The project's page and its edit page, as the app routes them, opened at `path`. */
function openAt(path: string, role: Role, routes: Record<string, FakeRoute>) {
  return renderPage(
    <Routes>
      <Route path=":projectId/edit" element={<EditProjectPage />} />
      <Route path=":projectId" element={<ProjectPage />} />
    </Routes>,
    { route: '/w/:workspaceId/projects/*', path, role, routes: { ...formRoutes, 'GET /projects/pr1': current(), ...routes } },
  );
}

const openEdit = (patch: FakeRoute, routes: Record<string, FakeRoute> = {}) => openAt('/w/w1/projects/pr1/edit', 'coordinator', { 'PATCH /projects/pr1': patch, ...routes });

/** The line of the budget numbered `n` (from 1), as its legend names it. */
const line = (n: number) => screen.getByRole('group', { name: `Pozycja budżetu ${n}` });

const valueOf = (control: HTMLElement) => (control as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
const checked = (control: HTMLElement) => (control as HTMLInputElement).checked;

/** The text of the error tied to a control (the last id of its aria-describedby). */
const errorOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent;

describe('EditProjectPage', () => {
  it('opens from the project’s page with the form filled, sends every field, and back on the page says the change was saved', async () => {
    const user = userEvent.setup();
    const saved = current({ title: 'Trasy rowerowe SOM – etap I i II', coFinancingRate: null, call: null });
    const page = openAt('/w/w1/projects/pr1', 'coordinator', { 'PATCH /projects/pr1': saved });
    await user.click(await screen.findByRole('link', { name: 'Edytuj projekt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Edycja projektu: Trasy rowerowe SOM – etap I' })).toBeTruthy();
    expect(page.location()).toBe('/w/w1/projects/pr1/edit');

    // Filled with the project as it is.
    const title = await screen.findByLabelText('Tytuł projektu');
    expect(valueOf(title)).toBe('Trasy rowerowe SOM – etap I');
    expect(valueOf(screen.getByLabelText('Zakres projektu'))).toBe('Połączenie tras rowerowych Szczecina i Dobrej.');
    expect(valueOf(screen.getByLabelText('Oczekiwane rezultaty'))).toBe('20 km tras.');
    expect(valueOf(screen.getByLabelText('Przyjęta strategia'))).toBe('v2');
    const heading = screen.getByLabelText('Cel lub działanie');
    await within(heading).findByRole('option', { name: 'Cel 2. Środowisko' });
    expect(valueOf(heading)).toBe('h-cel-1-transport');
    const indicators = screen.getByRole('group', { name: 'Wskaźniki strategii' });
    await within(indicators).findByLabelText('Pasażerowie kolei metropolitalnej (mln osób)');
    expect(checked(within(indicators).getByLabelText('Długość dróg rowerowych (km)'))).toBe(true);
    expect(checked(within(indicators).getByLabelText('Pasażerowie kolei metropolitalnej (mln osób)'))).toBe(false);
    expect(valueOf(screen.getByLabelText('Lider projektu'))).toBe('m1');
    const participants = screen.getByRole('group', { name: 'Uczestnicy' });
    expect(['Gmina Miasto Szczecin', 'Gmina Dobra', 'Powiat Policki', 'Uniwersytet Szczeciński', 'IHK Neubrandenburg'].map((name) => checked(within(participants).getByLabelText(name)))).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(valueOf(screen.getByLabelText('Podział wkładu własnego między członków'))).toBe('population');
    await within(screen.getByLabelText('Nabór')).findByRole('option', { name: /^FEnIKS/ });
    expect(valueOf(screen.getByLabelText('Nabór'))).toBe('c1');
    expect(valueOf(screen.getByLabelText('Poziom dofinansowania (%)'))).toBe('85');
    expect(valueOf(screen.getByLabelText('Początek realizacji'))).toBe('01.03.2027');
    expect(valueOf(screen.getByLabelText('Koniec realizacji'))).toBe('31.12.2028');
    expect([1, 2, 3].map((n) => ['Rok', 'Kategoria kosztów', 'Kwota (zł)', 'Kwota w euro (nieobowiązkowa)'].map((label) => valueOf(within(line(n)).getByLabelText(label))))).toEqual([
      ['2027', 'services', '120000.00', ''],
      ['2027', 'works', '1000000.01', ''],
      ['2028', 'works', '2500000.00', '586785.59'],
    ]);
    expect(within(line(1)).queryByLabelText('Kurs euro (zł za 1 €)')).toBeNull();
    expect(valueOf(within(line(3)).getByLabelText('Kurs euro (zł za 1 €)'))).toBe('4.2605');
    expect(valueOf(within(line(3)).getByLabelText('Dzień kursu'))).toBe('30.11.2026');

    // Changed: the title, the results, the goal, the indicators, a partner out, no call and no rate yet, a line gone.
    await user.clear(title);
    await user.type(title, 'Trasy rowerowe SOM – etap I i II');
    await user.clear(screen.getByLabelText('Oczekiwane rezultaty'));
    await user.type(screen.getByLabelText('Oczekiwane rezultaty'), '25 km tras.');
    await user.selectOptions(heading, 'Cel 2. Środowisko');
    await user.click(within(indicators).getByLabelText('Pasażerowie kolei metropolitalnej (mln osób)'));
    await user.click(within(indicators).getByLabelText('Długość dróg rowerowych (km)'));
    await user.click(within(participants).getByLabelText('Uniwersytet Szczeciński'));
    await user.selectOptions(screen.getByLabelText('Nabór'), 'Bez naboru');
    await user.clear(screen.getByLabelText('Poziom dofinansowania (%)'));
    await user.click(within(line(1)).getByRole('button', { name: 'Usuń pozycję 1' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Pozycja budżetu 3' })).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));

    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/pr1'));
    expect(page.calls.filter((c) => c.method !== 'GET')).toEqual([
      {
        method: 'PATCH',
        path: '/projects/pr1',
        body: {
          title: 'Trasy rowerowe SOM – etap I i II',
          scope: 'Połączenie tras rowerowych Szczecina i Dobrej.',
          expectedResults: '25 km tras.',
          leaderId: 'm1',
          sharingKey: 'population',
          coFinancingRate: null,
          startsOn: '2027-03-01',
          endsOn: '2028-12-31',
          participants: [{ organisationId: 'm1' }, { organisationId: 'm2' }],
          budget: [
            { year: 2027, category: 'works', amount: '1000000.01' },
            { year: 2028, category: 'works', amount: '2500000.00', eurAmount: '586785.59', eurRate: '4.2605', eurRateOn: '2026-11-30' },
          ],
          goal: { versionId: 'v2', headingId: 'h-cel-2-srodowisko' },
          callId: null,
          conceptDocumentId: null,
          indicatorIds: ['i2'],
        },
      },
    ]);
    // The page shows the project as the API answered the change, and says it was saved.
    expect(await screen.findByRole('heading', { level: 1, name: 'Trasy rowerowe SOM – etap I i II' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toContain('Zmiany w projekcie zostały zapisane.'));
  });

  it('places the API’s problems at the goal’s heading, the rate and a line’s euro rate, the focus on the first', async () => {
    const user = userEvent.setup();
    const page = openEdit(
      reply(400, {
        status: 400,
        code: 'validation_failed',
        detail: 'coFinancingRate: must not exceed the call’s largest rate, 80%; budget.2.eurRate: eurRate must be greater than 0; goal.headingId: the adopted version has no such heading',
        errors: [
          { field: 'coFinancingRate', code: 'rate_outside_call', message: 'must not exceed the call’s largest rate, 80%' },
          { field: 'budget.2.eurRate', message: 'eurRate must be greater than 0' },
          { field: 'goal.headingId', message: 'the adopted version has no such heading' },
        ],
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Zapisz zmiany' }));

    const heading = screen.getByLabelText('Cel lub działanie');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(errorOf(heading)).toBe('Przyjęta wersja strategii nie ma takiego celu ani działania: wybierz inny.');
    expect(errorOf(screen.getByLabelText('Poziom dofinansowania (%)'))).toBe('Poziom dofinansowania nie mieści się w zasadach naboru.');
    expect(errorOf(within(line(3)).getByLabelText('Kurs euro (zł za 1 €)'))).toBe('Podaj kurs: liczbę większą od zera z najwyżej 6 miejscami po przecinku, np. 4,2605.');
    expect(within(line(3)).getByLabelText('Kwota (zł)').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Popraw zaznaczone pola.');
    // The whole form was sent, unchanged.
    expect(page.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ coFinancingRate: '85', callId: 'c1', indicatorIds: ['i1'], goal: { versionId: 'v2', headingId: 'h-cel-1-transport' } });
    expect(page.location()).toBe('/w/w1/projects/pr1/edit');
  });

  it('says in words that a project ended meanwhile no longer changes, and stays on the form', async () => {
    const user = userEvent.setup();
    const page = openEdit(reply(409, { status: 409, code: 'project_closed', detail: 'the project is withdrawn: it no longer changes' }));
    await user.click(await screen.findByRole('button', { name: 'Zapisz zmiany' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Projekt odrzucony, wycofany albo rozliczony nie podlega już zmianom.'));
    expect(page.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(page.location()).toBe('/w/w1/projects/pr1/edit');
  });

  it('shows no form for a project that has ended', async () => {
    openEdit(reply(500), { 'GET /projects/pr1': current({ stage: 'settled', nextStages: [] }) });
    expect(await screen.findByText('Projekt odrzucony, wycofany albo rozliczony nie podlega już zmianom.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zapisz zmiany' })).toBeNull();
    expect(screen.queryByLabelText('Tytuł projektu')).toBeNull();
  });

  it('offers the edit link only to coordinators, and not once the project is refused, withdrawn or settled', async () => {
    const first = openAt('/w/w1/projects/pr1', 'coordinator', {});
    expect((await screen.findByRole('link', { name: 'Edytuj projekt' })).getAttribute('href')).toBe('/w/w1/projects/pr1/edit');
    first.unmount();

    const observer = openAt('/w/w1/projects/pr1', 'observer', {});
    expect(await screen.findByRole('heading', { level: 1, name: 'Trasy rowerowe SOM – etap I' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Edytuj projekt' })).toBeNull();
    observer.unmount();

    for (const stage of ['refused', 'withdrawn', 'settled'] as const) {
      const closed = openAt('/w/w1/projects/pr1', 'coordinator', { 'GET /projects/pr1': current({ stage, nextStages: [] }) });
      expect(await screen.findByText(/^Projekt zakończył się na etapie/)).toBeTruthy();
      expect(screen.queryByRole('link', { name: 'Edytuj projekt' })).toBeNull();
      closed.unmount();
    }
  });
});
