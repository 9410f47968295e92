import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import { resolution } from '../decisions/fixtures';
import { project } from './fixtures';
import { ProjectPage } from './ProjectPage';
import type { Project } from './projects-api';

function openProject(role: Role, routes: Record<string, FakeRoute> = {}, language: 'pl' | 'en' = 'pl') {
  return renderPage(<ProjectPage />, {
    route: '/w/:workspaceId/projects/:projectId',
    path: '/w/w1/projects/pr1',
    role,
    language,
    routes: { 'GET /projects/pr1': project(), ...routes },
  });
}

/** A table's rows, each as its cells' texts (the header row first). */
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => Array.from(row.children, (cell) => plain(cell.textContent)));

/** The text of the error tied to a control (the last id of its aria-describedby). */
const errorOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent;

const adopted = resolution({ id: 'r7', title: 'w sprawie tras rowerowych', state: 'adopted', number: '7/2026', fullTitle: 'Uchwała nr 7/2026 Zarządu w sprawie tras rowerowych', adopts: null });

/** The project moved to `stage` on `takenOn`, as the API answers a step. */
function moved(from: Project, stage: Project['stage'], takenOn: string, nextStages: Project['nextStages'], extra: Partial<Project['steps'][number]> = {}): Project {
  return {
    ...from,
    stage,
    stageOn: takenOn,
    nextStages,
    steps: [...from.steps, { id: `s${from.steps.length + 1}`, stage, takenOn, resolution: null, note: '', actorName: 'Anna Koordynator', createdAt: '2026-11-01T10:00:00.000Z', ...extra }],
  };
}

describe('ProjectPage', () => {
  it('shows the facts, participants, budget, each year’s grant, own contribution and members’ shares, and the steps; no step form for an observer', async () => {
    openProject('observer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Trasy rowerowe SOM – etap I' })).toBeTruthy();
    const facts = Array.from(document.querySelectorAll('.project-facts dt'), (dt) => `${dt.textContent}: ${plain(dt.nextElementSibling?.textContent)}`);
    expect(facts).toEqual([
      'Etap: Pomysł od 1 paź 2026',
      'Lider: Gmina Miasto Szczecin',
      'Cel strategii: Cel 1. Transport (Strategia Rozwoju SOM, wersja: tekst przyjęty)',
      'Podział wkładu własnego: według liczby mieszkańców',
      'Poziom dofinansowania: 85%',
      'Harmonogram: od 1 mar 2027 do 31 gru 2028',
      'Koszt ogółem: 3 620 000,01 zł',
      'Dofinansowanie: 3 077 000,00 zł',
      'Wkład własny: 543 000,01 zł',
      'Zakres: Połączenie tras rowerowych Szczecina i Dobrej.',
    ]);
    expect(screen.getByRole('link', { name: /^Cel 1\. Transport/ }).getAttribute('href')).toBe('/w/w1/d/d1/v/v2');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Uczestnicy', 'Budżet', 'Wkład własny członków według lat', 'Historia etapów']);

    expect(rowsOf(screen.getByRole('table', { name: 'Uczestnicy projektu, lider pierwszy' }))).toEqual([
      ['Organizacja', 'Rodzaj', 'Liczba mieszkańców'],
      ['Gmina Miasto Szczecin (lider)', 'członek', '390 300'],
      ['Gmina Dobra', 'członek', '25 643'],
      ['Uniwersytet Szczeciński', 'partner', 'brak'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Budżet według lat i kategorii kosztów' }))).toEqual([
      ['Rok', 'Kategoria kosztów', 'Kwota', 'W euro'],
      ['2027', 'Usługi', '120 000,00 zł', ''],
      ['2027', 'Roboty budowlane', '1 000 000,01 zł', ''],
      ['2028', 'Roboty budowlane', '2 500 000,00 zł', '586 785,59 € (kurs 4,2605 zł z dnia 30 lis 2026)'],
      ['Koszt ogółem', '3 620 000,01 zł', ''],
    ]);
    const year2027 = screen.getByRole('table', { name: 'Rok 2027: koszt, dofinansowanie i udziały członków we wkładzie własnym' });
    expect(rowsOf(year2027)).toEqual([
      ['Pozycja', 'Kwota'],
      ['Koszt ogółem', '1 120 000,01 zł'],
      ['Dofinansowanie', '952 000,00 zł'],
      ['Wkład własny', '168 000,01 zł'],
      ['Udział: Gmina Miasto Szczecin', '157 642,53 zł'],
      ['Udział: Gmina Dobra', '10 357,48 zł'],
    ]);
    expect(within(year2027).getAllByRole('rowheader').map((th) => th.getAttribute('scope'))).toEqual(['row', 'row', 'row', 'row', 'row']);
    expect(rowsOf(screen.getByRole('table', { name: 'Rok 2028: koszt, dofinansowanie i udziały członków we wkładzie własnym' })).at(-1)).toEqual(['Udział: Gmina Dobra', '23 119,05 zł']);
    expect(rowsOf(screen.getByRole('table', { name: 'Etapy projektu, od najstarszego' }))).toEqual([
      ['Dzień', 'Etap', 'Uchwała', 'Uwagi', 'Kto zapisał'],
      ['1 paź 2026', 'Pomysł', '', '', 'Anna Koordynator'],
    ]);
    expect(screen.queryByRole('form', { name: 'Następny etap' })).toBeNull();
    expect(screen.queryByLabelText('Dzień')).toBeNull();
  });

  it('links the concept’s document and the consultation rounds held on it', async () => {
    openProject('observer', {
      'GET /projects/pr1': project({ concept: { documentId: 'd7', title: 'Koncepcja tras rowerowych', rounds: [{ id: 'r3', title: 'Konsultacje koncepcji tras', state: 'open' }] } }),
    });
    const document = await screen.findByRole('link', { name: 'Koncepcja tras rowerowych' });
    expect(document.getAttribute('href')).toBe('/w/w1/d/d7');
    const rounds = screen.getByRole('list', { name: 'Konsultacje koncepcji' });
    expect(within(rounds).getByRole('link').textContent).toBe('Konsultacje koncepcji tras (Otwarte)');
    expect(within(rounds).getByRole('link').getAttribute('href')).toBe('/w/w1/rounds/r3');
  });

  it('moves the project to its concept with the form, without a resolution, then reloads and says so', async () => {
    const user = userEvent.setup();
    let current = project();
    const page = openProject('coordinator', {
      'GET /projects/pr1': () => current,
      'POST /projects/pr1/steps': () => {
        current = moved(current, 'concept', '2026-10-15', ['approved', 'withdrawn'], { note: 'Koncepcja w dokumencie.' });
        return reply(201, current);
      },
    });
    const form = await screen.findByRole('form', { name: 'Następny etap' });
    const stage = within(form).getByLabelText('Etap');
    expect(within(stage).getAllByRole('option').map((o) => o.textContent)).toEqual(['Koncepcja', 'Wycofany']);
    // Only approval needs a resolution.
    expect(within(form).queryByLabelText('Uchwała zatwierdzająca projekt')).toBeNull();
    const day = within(form).getByLabelText('Dzień');
    await user.clear(day);
    await user.type(day, '15.10.2026');
    await user.type(within(form).getByLabelText('Uwagi (nieobowiązkowe)'), 'Koncepcja w dokumencie.');
    await user.click(within(form).getByRole('button', { name: 'Zapisz etap' }));

    await waitFor(() => expect(plain(screen.getAllByRole('status').map((s) => s.textContent).join(' '))).toContain('Projekt przeszedł do etapu: Koncepcja (15 paź 2026).'));
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: '/projects/pr1/steps', body: { stage: 'concept', takenOn: '2026-10-15', note: 'Koncepcja w dokumencie.' } }]);
    // Read again after the step.
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'GET' && c.path === '/projects/pr1')).toHaveLength(2));
    expect(plain(document.querySelector('.project-facts dd')?.textContent)).toBe('Koncepcja od 15 paź 2026');
    expect(rowsOf(screen.getByRole('table', { name: 'Etapy projektu, od najstarszego' })).at(-1)).toEqual(['15 paź 2026', 'Koncepcja', '', 'Koncepcja w dokumencie.', 'Anna Koordynator']);
    // The form offers the stages after the concept, from the day of the step.
    expect(within(within(form).getByLabelText('Etap')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Zatwierdzony do realizacji', 'Wycofany']);
    expect((within(form).getByLabelText('Dzień') as HTMLInputElement).value).toBe('15.10.2026');
    expect((within(form).getByLabelText('Uwagi (nieobowiązkowe)') as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for an adopted resolution only to approve, and shows the API’s problem with the day next to it', async () => {
    const user = userEvent.setup();
    const concept = moved(project(), 'concept', '2026-10-15', ['approved', 'withdrawn']);
    let current = concept;
    let attempts = 0;
    const page = openProject('coordinator', {
      'GET /projects/pr1': () => current,
      'GET /workspaces/w1/resolutions': [resolution(), adopted],
      'POST /projects/pr1/steps': () => {
        attempts += 1;
        if (attempts === 1) {
          return reply(400, {
            status: 400,
            code: 'validation_failed',
            detail: 'date: date must not be before 2026-10-15, when the project became concept',
            errors: [{ field: 'date', code: 'date_before_previous', message: 'date must not be before 2026-10-15, when the project became concept' }],
          });
        }
        current = moved(current, 'approved', '2026-11-01', ['submitted', 'withdrawn'], { resolution: { id: 'r7', title: 'w sprawie tras rowerowych' } });
        return reply(201, current);
      },
    });
    const form = await screen.findByRole('form', { name: 'Następny etap' });
    expect((within(form).getByLabelText('Etap') as HTMLSelectElement).value).toBe('approved');
    await within(form).findByRole('option', { name: 'Uchwała nr 7/2026 Zarządu w sprawie tras rowerowych' });
    const resolutionSelect = within(form).getByLabelText('Uchwała zatwierdzająca projekt');
    // Only adopted resolutions can approve.
    expect(within(resolutionSelect).getAllByRole('option').map((o) => o.textContent)).toEqual(['Wybierz przyjętą uchwałę', 'Uchwała nr 7/2026 Zarządu w sprawie tras rowerowych']);
    await user.selectOptions(within(form).getByLabelText('Etap'), 'withdrawn');
    expect(within(form).queryByLabelText('Uchwała zatwierdzająca projekt')).toBeNull();
    await user.selectOptions(within(form).getByLabelText('Etap'), 'approved');

    // Without a resolution, the form says so before sending.
    const day = within(form).getByLabelText('Dzień');
    await user.clear(day);
    await user.type(day, '14.10.2026');
    await user.click(within(form).getByRole('button', { name: 'Zapisz etap' }));
    const select = within(form).getByLabelText('Uchwała zatwierdzająca projekt');
    await waitFor(() => expect(document.activeElement).toBe(select));
    expect(errorOf(select)).toBe('Wybierz przyjętą uchwałę.');
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.selectOptions(select, 'r7');
    await user.click(within(form).getByRole('button', { name: 'Zapisz etap' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Dzień')));
    expect(errorOf(within(form).getByLabelText('Dzień'))).toBe('Data nie może być wcześniejsza niż data poprzedniego etapu.');
    expect(page.calls.find((c) => c.method === 'POST')?.body).toEqual({ stage: 'approved', takenOn: '2026-10-14', resolutionId: 'r7' });

    await user.clear(within(form).getByLabelText('Dzień'));
    await user.type(within(form).getByLabelText('Dzień'), '01.11.2026');
    await user.click(within(form).getByRole('button', { name: 'Zapisz etap' }));
    await waitFor(() => expect(plain(screen.getAllByRole('status').map((s) => s.textContent).join(' '))).toContain('Projekt przeszedł do etapu: Zatwierdzony do realizacji (1 lis 2026).'));
    expect(page.calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ stage: 'approved', takenOn: '2026-11-01', resolutionId: 'r7' });
    const history = screen.getByRole('table', { name: 'Etapy projektu, od najstarszego' });
    expect(within(history).getByRole('link', { name: 'w sprawie tras rowerowych' }).getAttribute('href')).toBe('/w/w1/resolutions/r7');
    expect(within(form).queryByLabelText('Uchwała zatwierdzająca projekt')).toBeNull();
  });

  it('reads in English, and says a project that has ended goes no further', async () => {
    const call = { id: 'c1', programme: 'FEnIKS 2021-2027', measure: 'Działanie 2.8', closesOn: '2027-03-31' };
    const ended = moved(project({ leader: null, coFinancingRate: null, startsOn: null, endsOn: null, goal: null, call }), 'withdrawn', '2026-12-01', []);
    openProject('coordinator', { 'GET /projects/pr1': ended }, 'en');
    expect(await screen.findByText('The project ended at the stage: Withdrawn. It moves no further.')).toBeTruthy();
    const facts = Array.from(document.querySelectorAll('.project-facts dt'), (dt) => `${dt.textContent}: ${plain(dt.nextElementSibling?.textContent)}`);
    expect(facts.slice(0, 7)).toEqual([
      'Stage: Withdrawn since Dec 1, 2026',
      'Leader: The association',
      'Strategy goal: not given',
      'Funding call: FEnIKS 2021-2027, Działanie 2.8 (applications until Mar 31, 2027)',
      'Sharing of the own contribution: by population',
      'Co-financing rate: not set',
      'Schedule: not given',
    ]);
    expect(screen.getByRole('table', { name: '2027: the cost, the grant and the members’ shares of the own contribution' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Next stage' })).toBeNull();
  });
});
