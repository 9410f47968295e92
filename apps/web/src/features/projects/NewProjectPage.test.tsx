import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { members, partners } from '../../test/fixtures';
import { project } from './fixtures';
import { formRoutes } from './form-fixtures';
import { NewProjectPage } from './NewProjectPage';

function openForm(post: FakeRoute) {
  return renderPage(<NewProjectPage />, {
    route: '/w/:workspaceId/projects/new',
    path: '/w/w1/projects/new',
    role: 'coordinator',
    routes: { ...formRoutes, 'GET /workspaces/w1/organisations': [...members, ...partners], 'POST /workspaces/w1/projects': post },
  });
}

/** The line of the budget numbered `n` (from 1), as its legend names it. */
const line = (n: number) => screen.getByRole('group', { name: `Pozycja budżetu ${n}` });

/** Puts text into a field as pasting does (one change, not a key at a time). */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** The text of the error tied to a control (the last id of its aria-describedby). */
const errorOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent;

describe('NewProjectPage', () => {
  it('sends the project with its amounts exactly as typed, the leader taking part, and opens its page', async () => {
    const user = userEvent.setup();
    const page = openForm(project({ id: 'pr9' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nowy projekt wspólny' })).toBeTruthy();
    await fill(user, await screen.findByLabelText('Tytuł projektu'), '  Trasy rowerowe SOM – etap I ');
    await fill(user, screen.getByLabelText('Zakres projektu'), 'Połączenie tras.');
    const leader = screen.getByLabelText('Lider projektu');
    expect(within(leader).getAllByRole('option').map((o) => o.textContent)).toEqual(['Stowarzyszenie', 'Gmina Miasto Szczecin', 'Gmina Dobra', 'Powiat Policki']);
    await user.selectOptions(leader, 'm1');
    // The leader takes part.
    const participants = screen.getByRole('group', { name: 'Uczestnicy' });
    expect((within(participants).getByLabelText('Gmina Miasto Szczecin') as HTMLInputElement).checked).toBe(true);
    await user.click(within(participants).getByLabelText('Gmina Dobra'));
    await user.click(within(participants).getByLabelText('Uniwersytet Szczeciński'));
    await user.selectOptions(screen.getByLabelText('Podział wkładu własnego między członków'), 'population');
    await user.type(screen.getByLabelText('Poziom dofinansowania (%)'), '85');
    await user.type(screen.getByLabelText('Początek realizacji'), '1.3.2027');
    await fill(user, screen.getByLabelText('Koniec realizacji'), '31.12.2028');

    await user.type(within(line(1)).getByLabelText('Rok'), '2027');
    await user.selectOptions(within(line(1)).getByLabelText('Kategoria kosztów'), 'Roboty budowlane');
    await fill(user, within(line(1)).getByLabelText('Kwota (zł)'), '1000000.01');
    await user.click(screen.getByRole('button', { name: 'Dodaj pozycję budżetu' }));
    // The new line's year is where the focus goes, the previous line's year written in.
    await waitFor(() => expect(document.activeElement).toBe(within(line(2)).getByLabelText('Rok')));
    expect((within(line(2)).getByLabelText('Rok') as HTMLInputElement).value).toBe('2027');
    await user.selectOptions(within(line(2)).getByLabelText('Kategoria kosztów'), 'services');
    await fill(user, within(line(2)).getByLabelText('Kwota (zł)'), '120 000,00');
    await user.click(screen.getByRole('button', { name: 'Dodaj pozycję budżetu' }));
    await user.clear(within(line(3)).getByLabelText('Rok'));
    await user.type(within(line(3)).getByLabelText('Rok'), '2028');
    await user.selectOptions(within(line(3)).getByLabelText('Kategoria kosztów'), 'works');
    await user.type(within(line(3)).getByLabelText('Kwota (zł)'), '2500000');
    // A line added by mistake goes.
    await user.click(screen.getByRole('button', { name: 'Dodaj pozycję budżetu' }));
    await user.click(within(line(4)).getByRole('button', { name: 'Usuń pozycję 4' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Pozycja budżetu 4' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dodaj pozycję budżetu' }));

    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/pr9'));
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/workspaces/w1/projects',
        body: {
          title: 'Trasy rowerowe SOM – etap I',
          scope: 'Połączenie tras.',
          leaderId: 'm1',
          sharingKey: 'population',
          coFinancingRate: '85',
          startsOn: '2027-03-01',
          endsOn: '2028-12-31',
          participants: [{ organisationId: 'm1' }, { organisationId: 'm2' }, { organisationId: 'p1' }],
          budget: [
            { year: 2027, category: 'works', amount: '1000000.01' },
            { year: 2027, category: 'services', amount: '120 000,00' },
            { year: 2028, category: 'works', amount: '2500000' },
          ],
        },
      },
    ]);
  });

  it('shows the API’s problem with the first line’s amount next to that amount and puts the focus there', async () => {
    const user = userEvent.setup();
    const page = openForm(
      reply(400, {
        status: 400,
        code: 'validation_failed',
        detail: 'budget.0.amount: must have at most two decimal places (grosze)',
        errors: [{ field: 'budget.0.amount', message: 'must have at most two decimal places (grosze)' }],
      }),
    );
    await fill(user, await screen.findByLabelText('Tytuł projektu'), 'Wspólne zakupy energii');
    await user.click(screen.getByLabelText('Gmina Dobra'));
    await user.type(within(line(1)).getByLabelText('Rok'), '2027');
    await user.selectOptions(within(line(1)).getByLabelText('Kategoria kosztów'), 'other');
    await user.type(within(line(1)).getByLabelText('Kwota (zł)'), '1500.50');
    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));

    const amount = within(line(1)).getByLabelText('Kwota (zł)');
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(amount)).toBe('Kwota może mieć najwyżej 2 miejsca po przecinku (grosze).');
    expect(await screen.findByText('Popraw zaznaczone pola.')).toBeTruthy();
    expect(within(line(1)).getByLabelText('Rok').getAttribute('aria-invalid')).toBeNull();
    expect(page.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ leaderId: null, sharingKey: 'equal', budget: [{ year: 2027, category: 'other', amount: '1500.50' }] });
    expect(page.location()).toBe('/w/w1/projects/new');
  });

  it('takes a weight for each member chosen when the key is custom, and ties the API’s problem with a weight to that member', async () => {
    const user = userEvent.setup();
    const page = openForm(
      reply(400, {
        status: 400,
        code: 'validation_failed',
        detail: 'participants.1.customWeight: a weight must be greater than 0',
        errors: [{ field: 'participants.1.customWeight', message: 'a weight must be greater than 0' }],
      }),
    );
    await user.type(await screen.findByLabelText('Tytuł projektu'), 'Park rzeczny');
    await user.selectOptions(screen.getByLabelText('Podział wkładu własnego między członków'), 'według ustalonych wag');
    expect(screen.getByText('Najpierw zaznacz członków uczestniczących w projekcie.')).toBeTruthy();
    await user.click(screen.getByLabelText('Gmina Miasto Szczecin'));
    await user.click(screen.getByLabelText('Gmina Dobra'));
    await user.click(screen.getByLabelText('IHK Neubrandenburg'));
    // Partners share no costs: only the members' weights are asked for.
    const weights = screen.getByRole('group', { name: 'Wagi członków' });
    expect(within(weights).getAllByRole('textbox').map((box) => box.id)).toEqual(['project-weight-m1', 'project-weight-m2']);
    await user.type(within(weights).getByLabelText('Waga: Gmina Miasto Szczecin'), '2');
    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));
    // Found before sending: the missing weight.
    const dobra = within(weights).getByLabelText('Waga: Gmina Dobra');
    await waitFor(() => expect(document.activeElement).toBe(dobra));
    expect(errorOf(dobra)).toBe('Podaj wagę: liczbę dodatnią z najwyżej 4 miejscami po przecinku.');
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(dobra, '0,0');
    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(page.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      sharingKey: 'custom',
      participants: [{ organisationId: 'm1', customWeight: '2' }, { organisationId: 'm2', customWeight: '0.0' }, { organisationId: 'p2' }],
      budget: [],
    });
    await waitFor(() => expect(dobra.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(dobra)).toBe('Podaj wagę: liczbę dodatnią z najwyżej 4 miejscami po przecinku.');
    await waitFor(() => expect(document.activeElement).toBe(dobra));
  });

  it('says what is missing before sending: the title, a line’s year, category and amount', async () => {
    const user = userEvent.setup();
    const page = openForm(project());
    await user.type(within(await screen.findByRole('group', { name: 'Pozycja budżetu 1' })).getByLabelText('Kwota (zł)'), '12,345');
    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));
    const title = screen.getByLabelText('Tytuł projektu');
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(errorOf(title)).toBe('Podaj tytuł projektu.');
    expect(errorOf(within(line(1)).getByLabelText('Rok'))).toBe('Podaj rok od 2000 do 2100.');
    expect(errorOf(within(line(1)).getByLabelText('Kategoria kosztów'))).toBe('Wybierz kategorię kosztów.');
    expect(errorOf(within(line(1)).getByLabelText('Kwota (zł)'))).toBe('Kwota może mieć najwyżej 2 miejsca po przecinku (grosze).');
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends the expected results, the strategy goal, the funding call, the indicators and a line in euro with its rate', async () => {
    const user = userEvent.setup();
    const page = openForm(project({ id: 'pr9' }));
    await fill(user, await screen.findByLabelText('Tytuł projektu'), 'Kolej metropolitalna – przystanki');
    await fill(user, screen.getByLabelText('Oczekiwane rezultaty'), '6 nowych przystanków.');

    // Only versions adopted by an adopted resolution are offered, then the chosen version's headings.
    const goal = screen.getByRole('group', { name: 'Cel strategii' });
    const version = within(goal).getByLabelText('Przyjęta strategia');
    await within(version).findByRole('option', { name: 'Strategia Rozwoju SOM, wersja: tekst przyjęty' });
    expect(within(version).getAllByRole('option').map((o) => o.textContent)).toEqual(['Bez celu strategii', 'Strategia Rozwoju SOM, wersja: tekst przyjęty']);
    expect(within(goal).queryByLabelText('Cel lub działanie')).toBeNull();
    await user.selectOptions(version, 'v2');
    const heading = within(goal).getByLabelText('Cel lub działanie');
    await within(heading).findByRole('option', { name: 'Cel 2. Środowisko' });
    expect(within(heading).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Wybierz cel lub działanie',
      'Strategia Rozwoju SOM 2030',
      'Cel 1. Transport',
      'Działanie 1.1. Trasy rowerowe',
      'Cel 2. Środowisko',
    ]);
    await user.selectOptions(heading, 'Działanie 1.1. Trasy rowerowe');

    const call = screen.getByLabelText('Nabór');
    await within(call).findByRole('option', { name: 'FEnIKS 2021–2027, Działanie 2.8 (wnioski do 30 cze 2027)' });
    expect(within(call).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Bez naboru',
      'FEPZ 2021–2027, Działanie 6.1 Mobilność miejska (wnioski do 31 mar 2027)',
      'FEnIKS 2021–2027, Działanie 2.8 (wnioski do 30 cze 2027)',
    ]);
    await user.selectOptions(call, 'c2');
    // Concepts are offered first.
    const concept = screen.getByLabelText('Dokument koncepcji');
    await within(concept).findByRole('option', { name: 'Koncepcja kolei metropolitalnej' });
    expect(within(concept).getAllByRole('option').map((o) => o.textContent)).toEqual(['Bez dokumentu koncepcji', 'Koncepcja kolei metropolitalnej', 'Strategia Rozwoju SOM']);
    await user.selectOptions(concept, 'd7');

    // Ticked in any order, the indicators are sent in the list's order.
    const indicatorGroup = screen.getByRole('group', { name: 'Wskaźniki strategii' });
    await user.click(await within(indicatorGroup).findByLabelText('Pasażerowie kolei metropolitalnej (mln osób)'));
    await user.click(within(indicatorGroup).getByLabelText('Długość dróg rowerowych (km)'));

    await user.type(within(line(1)).getByLabelText('Rok'), '2027');
    await user.selectOptions(within(line(1)).getByLabelText('Kategoria kosztów'), 'works');
    await fill(user, within(line(1)).getByLabelText('Kwota (zł)'), '1000000');
    // The rate and its day are asked for only once the line has an amount in euro.
    expect(within(line(1)).queryByLabelText('Kurs euro (zł za 1 €)')).toBeNull();
    await fill(user, within(line(1)).getByLabelText('Kwota w euro (nieobowiązkowa)'), '234 000,00');
    await fill(user, within(line(1)).getByLabelText('Kurs euro (zł za 1 €)'), '4,2735');
    await fill(user, within(line(1)).getByLabelText('Dzień kursu'), '30.11.2026');

    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/projects/pr9'));
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/workspaces/w1/projects',
        body: {
          title: 'Kolej metropolitalna – przystanki',
          expectedResults: '6 nowych przystanków.',
          leaderId: null,
          sharingKey: 'equal',
          participants: [],
          budget: [{ year: 2027, category: 'works', amount: '1000000', eurAmount: '234 000,00', eurRate: '4.2735', eurRateOn: '2026-11-30' }],
          goal: { versionId: 'v2', headingId: 'h-dzialanie-1-1-trasy-rowerowe' },
          callId: 'c2',
          conceptDocumentId: 'd7',
          indicatorIds: ['i1', 'i2'],
        },
      },
    ]);
  });

  it('asks for the goal’s heading once a strategy is chosen, and for the rate and its day of an amount in euro', async () => {
    const user = userEvent.setup();
    const page = openForm(project());
    await fill(user, await screen.findByLabelText('Tytuł projektu'), 'Park rzeczny');
    const version = screen.getByLabelText('Przyjęta strategia');
    await within(version).findByRole('option', { name: 'Strategia Rozwoju SOM, wersja: tekst przyjęty' });
    await user.selectOptions(version, 'v2');
    await user.type(within(line(1)).getByLabelText('Rok'), '2027');
    await user.selectOptions(within(line(1)).getByLabelText('Kategoria kosztów'), 'other');
    await fill(user, within(line(1)).getByLabelText('Kwota (zł)'), '1000');
    await fill(user, within(line(1)).getByLabelText('Kwota w euro (nieobowiązkowa)'), '235');
    await fill(user, within(line(1)).getByLabelText('Kurs euro (zł za 1 €)'), '0');
    await user.click(screen.getByRole('button', { name: 'Utwórz projekt' }));

    const heading = screen.getByLabelText('Cel lub działanie');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(errorOf(heading)).toBe('Wybierz cel lub działanie strategii albo wybierz „Bez celu strategii”.');
    expect(errorOf(within(line(1)).getByLabelText('Kurs euro (zł za 1 €)'))).toBe('Podaj kurs: liczbę większą od zera z najwyżej 6 miejscami po przecinku, np. 4,2605.');
    expect(errorOf(within(line(1)).getByLabelText('Dzień kursu'))).toBe('Podaj dzień, z którego pochodzi kurs.');
    expect(within(line(1)).getByLabelText('Kwota w euro (nieobowiązkowa)').getAttribute('aria-invalid')).toBeNull();
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    // Choosing no goal takes the heading away with its problem.
    await user.selectOptions(version, '');
    expect(screen.queryByLabelText('Cel lub działanie')).toBeNull();
  });
});
