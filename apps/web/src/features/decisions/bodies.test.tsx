import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { type BodyRuleBook, DEFAULT_RULE_BOOK, type Role } from '@commonplan/domain';
import type { Organisation } from '../../api/types';
import { type ApiCall, type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import type { BodyView } from './decisions-api';
import { DecisionsPage } from './DecisionsPage';
import { assembly, board, remoteRule, resolution } from './fixtures';

const organisations: Organisation[] = [
  { id: 'm1', kind: 'member', type: 'gmina_miejsko_wiejska', name: 'Gmina Police', population: 33000, populationYear: 2024, voteWeight: 1 },
  { id: 'm2', kind: 'member', type: 'gmina_wiejska', name: 'Gmina Dobra', population: 25643, populationYear: 2024, voteWeight: 1 },
  { id: 'm3', kind: 'member', type: 'powiat', name: 'Powiat Policki', population: 80000, populationYear: 2024, voteWeight: 2 },
];

const copy = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function openDecisions(role: Role = 'coordinator', routes: Record<string, FakeRoute> = {}) {
  return renderPage(<DecisionsPage />, {
    route: '/w/:workspaceId/decisions',
    path: '/w/w1/decisions',
    role,
    routes: {
      'GET /workspaces/w1/bodies': [assembly, board],
      'GET /workspaces/w1/resolutions': [resolution()],
      'GET /workspaces/w1/meetings': [],
      'GET /workspaces/w1/documents': [],
      'GET /workspaces/w1/organisations?kind=member': organisations,
      ...routes,
    },
  });
}

/** Opens the disclosure "Zmień zasady głosowania: Zarząd" and gives its form. */
async function boardRulesForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByText('Zmień zasady głosowania: Zarząd'));
  return screen.getByRole('form', { name: 'Zmień zasady głosowania: Zarząd' });
}

/** The sentence saying what the rules mean for one kind of resolution, as the form shows it now. */
const meaning = (form: HTMLElement, kind: 'ordinary' | 'election' | 'statute_change') => plain(form.querySelector(`#rules-b2-meaning-${kind}`)?.textContent);

/** Types a value at once (pasted), replacing what the input had. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

const patches = (calls: ApiCall[]) => calls.filter((c) => c.method === 'PATCH');

describe('bodies: creating one', () => {
  it('sends the kind, both names and the members ticked; a general assembly may be sent without members', async () => {
    const user = userEvent.setup();
    const created: BodyView = { ...board, id: 'b9', kind: 'other', name: 'Komisja Rewizyjna', nameGenitive: 'Komisji Rewizyjnej' };
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/bodies': created });
    const form = await screen.findByRole('form', { name: 'Nowy organ' });
    await user.click(within(form).getByRole('button', { name: 'Utwórz organ' }));
    expect(within(form).getByText('Podaj nazwę organu (najwyżej 200 znaków).')).toBeTruthy();
    expect(within(form).getByText('Podaj nazwę organu w dopełniaczu (najwyżej 200 znaków).')).toBeTruthy();
    expect(within(form).getByText('Zaznacz co najmniej jednego członka organu.')).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText('Nazwa organu'));
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await fill(user, within(form).getByLabelText('Nazwa organu'), ' Komisja Rewizyjna ');
    const genitive = within(form).getByLabelText('Nazwa w dopełniaczu');
    expect(plain(document.getElementById(genitive.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent)).toBe('Tak brzmi nazwa w tytułach uchwał: „Uchwała nr 1/2026 Komisji Rewizyjnej”.');
    await fill(user, genitive, 'Komisji Rewizyjnej Stowarzyszenia');
    expect(within(form).getByText('Tak brzmi nazwa w tytułach uchwał: „Uchwała nr 1/2026 Komisji Rewizyjnej Stowarzyszenia”.')).toBeTruthy();
    await fill(user, genitive, 'Komisji Rewizyjnej');
    const members = within(form).getByRole('group', { name: 'Członkowie organu' });
    await user.click(within(members).getByLabelText('Powiat Policki'));
    await user.click(within(members).getByLabelText('Gmina Police'));
    await user.click(within(form).getByRole('button', { name: 'Utwórz organ' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/workspaces/w1/bodies',
      body: { kind: 'other', name: 'Komisja Rewizyjna', nameGenitive: 'Komisji Rewizyjnej', memberIds: ['m1', 'm3'] },
    });
    expect(await within(form).findByText(/^Utworzono organ „Komisja Rewizyjna”\./)).toBeTruthy();
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'GET' && c.path === '/workspaces/w1/bodies')).toHaveLength(2));

    // A general assembly without anyone ticked: every member.
    await user.selectOptions(within(form).getByLabelText('Rodzaj organu'), 'general_assembly');
    expect(within(form).getByText('Walne zebranie: jeśli nikogo nie zaznaczysz, należą do niego wszyscy członkowie stowarzyszenia.')).toBeTruthy();
    await fill(user, within(form).getByLabelText('Nazwa organu'), 'Nadzwyczajne Walne Zebranie');
    await fill(user, within(form).getByLabelText('Nazwa w dopełniaczu'), 'Nadzwyczajnego Walnego Zebrania');
    await user.click(within(form).getByRole('button', { name: 'Utwórz organ' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(page.calls.filter((c) => c.method === 'POST')[1]!.body).toEqual({ kind: 'general_assembly', name: 'Nadzwyczajne Walne Zebranie', nameGenitive: 'Nadzwyczajnego Walnego Zebrania', memberIds: [] });
  });

  it('says on the name field that a body of that name exists', async () => {
    const user = userEvent.setup();
    openDecisions('coordinator', { 'POST /workspaces/w1/bodies': reply(409, { code: 'body_name_taken', message: 'a body of this workspace already has this name' }) });
    const form = await screen.findByRole('form', { name: 'Nowy organ' });
    await fill(user, within(form).getByLabelText('Nazwa organu'), 'Zarząd');
    await fill(user, within(form).getByLabelText('Nazwa w dopełniaczu'), 'Zarządu');
    await user.click(within(form).getByLabelText('Gmina Dobra'));
    await user.click(within(form).getByRole('button', { name: 'Utwórz organ' }));
    expect(await within(form).findByText('Organ o tej nazwie już istnieje. Podaj inną nazwę.')).toBeTruthy();
    expect(within(form).getByLabelText('Nazwa organu').getAttribute('aria-invalid')).toBe('true');
    expect(plain(within(form).getAllByRole('alert')[0]!.textContent)).toBe('Popraw zaznaczone pola.');
  });

  it('names the chair among the members ticked, and shows the API’s refusal of the chair on its field', async () => {
    const user = userEvent.setup();
    const created: BodyView = { ...board, id: 'b9', kind: 'other', name: 'Komisja Rewizyjna', nameGenitive: 'Komisji Rewizyjnej', chairId: 'm1' };
    let answer: FakeRoute = reply(400, { message: 'chairId: the chair is one of the body’s members', errors: [{ field: 'chairId', message: 'the chair is one of the body’s members', code: 'chair_not_body_member' }] });
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/bodies': () => answer });
    const form = await screen.findByRole('form', { name: 'Nowy organ' });
    const chair = within(form).getByLabelText('Przewodniczący organu') as HTMLSelectElement;
    expect(within(chair).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nie wskazano']);
    expect(plain(document.getElementById(chair.getAttribute('aria-describedby')!)?.textContent)).toBe('Najpierw zaznacz członków organu; przewodniczącym jest jeden z nich.');
    const members = within(form).getByRole('group', { name: 'Członkowie organu' });
    await user.click(within(members).getByLabelText('Gmina Police'));
    await user.click(within(members).getByLabelText('Powiat Policki'));
    expect(within(chair).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nie wskazano', 'Gmina Police', 'Powiat Policki']);
    // The chair unticked from the members is no longer the chair.
    await user.selectOptions(chair, 'm3');
    await user.click(within(members).getByLabelText('Powiat Policki'));
    expect(chair.value).toBe('');
    await user.selectOptions(chair, 'm1');
    await fill(user, within(form).getByLabelText('Nazwa organu'), 'Komisja Rewizyjna');
    await fill(user, within(form).getByLabelText('Nazwa w dopełniaczu'), 'Komisji Rewizyjnej');
    await user.click(within(form).getByRole('button', { name: 'Utwórz organ' }));
    expect(await within(form).findByText('Przewodniczącym może być tylko członek organu.')).toBeTruthy();
    expect(chair.getAttribute('aria-invalid')).toBe('true');
    expect(chair.getAttribute('aria-describedby')).toContain('body-chair-error');
    expect(plain(within(form).getAllByRole('alert')[0]!.textContent)).toBe('Popraw zaznaczone pola.');
    expect(page.calls.find((c) => c.method === 'POST')!.body).toEqual({ kind: 'other', name: 'Komisja Rewizyjna', nameGenitive: 'Komisji Rewizyjnej', memberIds: ['m1'], chairId: 'm1' });
    answer = created;
    await user.click(within(form).getByRole('button', { name: 'Utwórz organ' }));
    expect(await within(form).findByText(/^Utworzono organ „Komisja Rewizyjna”\./)).toBeTruthy();
  });

  it('gives the forms only to coordinators', async () => {
    openDecisions('observer');
    await screen.findByRole('table', { name: 'Zasady głosowania: Zarząd, według rodzaju uchwały' });
    expect(screen.queryByRole('form', { name: 'Nowy organ' })).toBeNull();
    expect(screen.queryByText('Zmień zasady głosowania: Zarząd')).toBeNull();
    expect(screen.queryByText('Zmień skład: Zarząd')).toBeNull();
  });
});

describe('bodies: members and rules', () => {
  it('says which composition an election brings in from a later day, and from when', async () => {
    const elected = { ...board, upcoming: [{ electionId: 'e1', resolutionNumber: '3/2026', from: '2027-01-01', role: 'members' as const, elected: [{ id: 'm3', name: 'Powiat Policki' }, { id: 'm1', name: 'Gmina Police' }] }] };
    const page = openDecisions('observer', { 'GET /workspaces/w1/bodies': [assembly, elected] });
    const section = await screen.findByRole('region', { name: 'Zarząd' });
    expect(plain(section.querySelector('.decision-body__upcoming')?.textContent)).toBe('Od 1 stycznia 2027 skład organu stanowią wybrani uchwałą nr 3/2026: Powiat Policki, Gmina Police.');
    expect(screen.getByRole('region', { name: 'Walne Zebranie Członków' }).querySelector('.decision-body__upcoming')).toBeNull();
    const results = await axe.run(page.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('sends the members ticked, and asks for at least one', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', { 'PATCH /bodies/b2': (call: ApiCall) => ({ ...board, members: [] as BodyView['members'], ...(call.body as object) }) });
    await user.click(await screen.findByText('Zmień skład: Zarząd'));
    const form = screen.getByRole('form', { name: 'Zmień skład: Zarząd' });
    const group = within(form).getByRole('group', { name: 'Członkowie: Zarząd' });
    expect(within(group).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, false]);
    await user.click(within(group).getByLabelText('Gmina Police'));
    await user.click(within(group).getByLabelText('Gmina Dobra'));
    await user.click(within(form).getByRole('button', { name: 'Zapisz skład' }));
    expect(within(form).getByText('Zaznacz co najmniej jednego członka organu.')).toBeTruthy();
    expect(patches(page.calls)).toEqual([]);
    await user.click(within(group).getByLabelText('Powiat Policki'));
    await user.click(within(group).getByLabelText('Gmina Dobra'));
    // The board approves joint projects (the statute names it); the box unticked says it no longer does.
    const approves = within(form).getByRole('checkbox', { name: 'Uchwały tego organu zatwierdzają projekty wspólne' }) as HTMLInputElement;
    expect(approves.checked).toBe(true);
    await user.click(approves);
    await user.click(within(form).getByRole('button', { name: 'Zapisz skład' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(1));
    expect(patches(page.calls)[0]).toEqual({ method: 'PATCH', path: '/bodies/b2', body: { memberIds: ['m2', 'm3'], chairId: null, approvesProjects: false } });
    expect(await within(form).findByText('Zapisano skład organu „Zarząd”: członków 2.')).toBeTruthy();
  });

  it('changes the chair with the members (none once unticked), and the list of bodies names the chair', async () => {
    const user = userEvent.setup();
    const chaired: BodyView = { ...board, chairId: 'm1' };
    const page = openDecisions('coordinator', {
      'GET /workspaces/w1/bodies': [assembly, chaired],
      'PATCH /bodies/b2': (call: ApiCall) => ({ ...chaired, ...(call.body as object) }),
    });
    const section = (await screen.findByRole('heading', { level: 3, name: 'Zarząd' })).closest('section') as HTMLElement;
    expect(within(section).getByText('Przewodniczący: Gmina Police')).toBeTruthy();
    const assemblySection = screen.getByRole('heading', { level: 3, name: 'Walne Zebranie Członków' }).closest('section') as HTMLElement;
    expect(within(assemblySection).getByText('Przewodniczący: nie wskazano')).toBeTruthy();

    await user.click(screen.getByText('Zmień skład: Zarząd'));
    const form = screen.getByRole('form', { name: 'Zmień skład: Zarząd' });
    const chair = within(form).getByLabelText('Przewodniczący organu') as HTMLSelectElement;
    expect(chair.value).toBe('m1');
    expect(within(chair).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nie wskazano', 'Gmina Police', 'Gmina Dobra']);
    await user.selectOptions(chair, 'm2');
    await user.click(within(form).getByRole('button', { name: 'Zapisz skład' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(1));
    expect(patches(page.calls)[0]!.body).toEqual({ memberIds: ['m1', 'm2'], chairId: 'm2', approvesProjects: true });

    await user.click(within(form).getByLabelText('Gmina Dobra'));
    expect(chair.value).toBe('');
    await user.click(within(form).getByRole('button', { name: 'Zapisz skład' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(2));
    expect(patches(page.calls)[1]!.body).toEqual({ memberIds: ['m1'], chairId: null, approvesProjects: true });
  });

  it('says what the rules mean as they are changed, and sends the whole rule book with the override for elections', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', { 'PATCH /bodies/b2': (call: ApiCall) => ({ ...board, rules: (call.body as { rules: BodyRuleBook }).rules }) });
    const form = await boardRulesForm(user);
    expect(within(form).getByText('Zmiana zasad dotyczy głosowań otwartych po zapisaniu. Głosowania już otwarte zachowują zasady, z którymi je otwarto.')).toBeTruthy();
    expect(meaning(form, 'election')).toBe(
      'Wybory: kworum – obecnych co najmniej 1/2 członków organu (osobiście lub przez pełnomocnika); większość bezwzględna: więcej niż połowa ważnie oddanych głosów; siła głosu: jeden członek – jeden głos; głosy wstrzymujące się liczą się do ważnie oddanych głosów; pełnomocnictwa niedopuszczone; głosowanie tajne; w drugim terminie: kworum jak w pierwszym terminie; przy równej liczbie głosów uchwała nie zostaje podjęta; głosowanie zdalne niedopuszczone.',
    );

    // General rules: proxies allowed, for every kind.
    const general = within(form).getByRole('group', { name: 'Zasady ogólne' });
    await user.selectOptions(within(general).getByLabelText('Głosowanie przez pełnomocnika'), 'true');
    for (const kind of ['ordinary', 'election', 'statute_change'] as const) expect(meaning(form, kind)).toContain('pełnomocnictwa dopuszczone;');

    // Elections: a quorum of their own (2/3), the majority and the ballot as before.
    const elections = within(form).getByRole('group', { name: 'Wybory' });
    expect((within(elections).getByLabelText('Większość: inaczej niż w zasadach ogólnych') as HTMLInputElement).checked).toBe(true);
    expect(within(elections).getByText('Jak w zasadach ogólnych: obecnych co najmniej 1/2 członków organu (osobiście lub przez pełnomocnika).')).toBeTruthy();
    await user.click(within(elections).getByLabelText('Kworum: inaczej niż w zasadach ogólnych'));
    const quorum = within(elections).getByRole('group', { name: 'Kworum' });
    await fill(user, within(quorum).getByLabelText('Część składu: licznik'), '2');
    await fill(user, within(quorum).getByLabelText('Część składu: mianownik'), '3');
    await user.selectOptions(within(quorum).getByLabelText('Próg'), 'more_than');
    expect(meaning(form, 'election')).toMatch(/^Wybory: kworum – obecnych więcej niż 2\/3 członków organu/);
    expect(meaning(form, 'ordinary')).toMatch(/^Uchwały zwykłe: kworum – obecnych co najmniej 1\/2 członków organu/);

    await user.click(within(form).getByRole('button', { name: 'Zapisz zasady głosowania' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(1));
    expect(patches(page.calls)[0]).toEqual({
      method: 'PATCH',
      path: '/bodies/b2',
      body: {
        rules: {
          general: { ...copy(DEFAULT_RULE_BOOK.general), proxiesAllowed: true },
          byKind: {
            election: {
              quorum: { basis: 'members', among: 'present', fraction: { numerator: 2, denominator: 3 }, comparison: 'more_than' },
              majority: { kind: 'absolute', of: 'valid' },
              ballot: 'secret',
            },
            statute_change: { majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'valid' } },
          },
        },
      },
    });
    expect(await within(form).findByText('Zapisano zasady głosowania organu „Zarząd”.')).toBeTruthy();
    // The body is read again and its rules table says the new rules.
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'GET' && c.path === '/workspaces/w1/bodies')).toHaveLength(2));
  });

  it('drops an override sent back to the general rules, and asks for a qualified majority’s fraction', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', { 'PATCH /bodies/b2': (call: ApiCall) => ({ ...board, rules: (call.body as { rules: BodyRuleBook }).rules }) });
    const form = await boardRulesForm(user);
    const elections = within(form).getByRole('group', { name: 'Wybory' });
    await user.click(within(elections).getByLabelText('Głosowanie: inaczej niż w zasadach ogólnych'));
    expect(meaning(form, 'election')).toMatch(/głosowanie jawne \(imienne\); w drugim/);
    const general = within(form).getByRole('group', { name: 'Zasady ogólne' });
    await user.selectOptions(within(general).getByLabelText('Rodzaj większości'), 'qualified');
    const majority = within(general).getByRole('group', { name: 'Większość' });
    expect((within(majority).getByLabelText('Wymagana część: licznik') as HTMLInputElement).value).toBe('2');
    await user.selectOptions(within(majority).getByLabelText('Liczona od'), 'statutory');
    expect(meaning(form, 'ordinary')).toContain('większość kwalifikowana: co najmniej 2/3 głosów ustawowego składu organu;');
    // The chair changes the order of an adopted agenda; an item added is still voted on.
    const agenda = within(form).getByRole('group', { name: 'Zmiany przyjętego porządku obrad' });
    expect((within(agenda).getByLabelText('Dodanie punktu') as HTMLSelectElement).value).toBe('vote');
    await user.selectOptions(within(agenda).getByLabelText('Zmiana kolejności punktów'), 'przewodniczący obrad');
    await user.click(within(form).getByRole('button', { name: 'Zapisz zasady głosowania' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(1));
    const sent = (patches(page.calls)[0]!.body as { rules: BodyRuleBook }).rules;
    expect(sent.general.majority).toEqual({ kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'statutory' });
    expect(sent.byKind.election).toEqual({ majority: { kind: 'absolute', of: 'valid' } });
    expect(sent.agenda).toEqual({ add: 'vote', move: 'chair' });
  });

  it('refuses a fraction above 1 on its field before sending, and shows the API’s 400 on the field it names', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', {
      'PATCH /bodies/b2': reply(400, {
        message: 'rules.byKind.election.quorum.fraction.denominator: must be a positive whole number',
        errors: [{ field: 'rules.byKind.election.quorum.fraction.denominator', message: 'must be a positive whole number' }],
      }),
    });
    const form = await boardRulesForm(user);
    const general = within(form).getByRole('group', { name: 'Zasady ogólne' });
    const numerator = within(general).getByLabelText('Część składu: licznik');
    await fill(user, numerator, '3');
    expect(meaning(form, 'ordinary')).toContain('obecnych co najmniej 3/2 członków');
    await user.click(within(form).getByRole('button', { name: 'Zapisz zasady głosowania' }));
    expect(numerator.getAttribute('aria-invalid')).toBe('true');
    expect(within(general).getByText('Licznik nie może być większy od mianownika: ułamek wynosi najwyżej 1.')).toBeTruthy();
    expect(document.activeElement).toBe(numerator);
    expect(patches(page.calls)).toEqual([]);

    await fill(user, numerator, '1');
    const elections = within(form).getByRole('group', { name: 'Wybory' });
    await user.click(within(elections).getByLabelText('Kworum: inaczej niż w zasadach ogólnych'));
    await user.click(within(form).getByRole('button', { name: 'Zapisz zasady głosowania' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(1));
    const denominator = within(within(elections).getByRole('group', { name: 'Kworum' })).getByLabelText('Część składu: mianownik');
    await waitFor(() => expect(denominator.getAttribute('aria-invalid')).toBe('true'));
    expect(plain(document.getElementById(`${denominator.id}-error`)?.textContent)).toBe('Wpisz dodatnią liczbę całkowitą, np. 2.');
    expect(denominator.getAttribute('aria-describedby')).toContain(`${denominator.id}-error`);
    expect(numerator.getAttribute('aria-invalid')).toBeNull();
    // The focus moves to the first field marked in an effect after the answer is drawn.
    await waitFor(() => expect(document.activeElement).toBe(denominator));
    expect(plain(within(form).getAllByRole('alert')[0]!.textContent)).toBe('Popraw zaznaczone pola.');
  });

  it('sets the second term, the chair’s casting vote and remote voting with its basis, says what they mean, and lets a kind refuse remote voting', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', { 'PATCH /bodies/b2': (call: ApiCall) => ({ ...board, rules: (call.body as { rules: BodyRuleBook }).rules }) });
    const form = await boardRulesForm(user);
    const general = within(form).getByRole('group', { name: 'Zasady ogólne' });

    // The second term: without regard to the number present.
    const secondTerm = within(general).getByRole('group', { name: 'Drugi termin' });
    expect(within(secondTerm).queryByLabelText('Część składu: licznik')).toBeNull();
    await user.selectOptions(within(secondTerm).getByLabelText('Kworum w drugim terminie'), 'waived');
    expect(meaning(form, 'ordinary')).toContain('; w drugim terminie: bez względu na liczbę obecnych;');

    // The chair's casting vote; the body has no chair yet, which the hint says.
    const casting = within(general).getByLabelText('Przy równej liczbie głosów rozstrzyga głos przewodniczącego');
    expect(plain(document.getElementById(casting.getAttribute('aria-describedby')!)?.textContent)).toMatch(/^Organ „Zarząd” nie ma wskazanego przewodniczącego/);
    await user.click(casting);
    expect(meaning(form, 'ordinary')).toContain('; przy równej liczbie głosów rozstrzyga głos przewodniczącego (nie dotyczy głosowania tajnego);');

    // Remote voting: allowed, its quorum among those voting, an absolute majority of the full membership, the basis.
    const remote = within(general).getByRole('group', { name: 'Głosowanie zdalne' });
    await user.selectOptions(within(remote).getByLabelText('Głosowanie zdalne (bez posiedzenia)'), 'true');
    expect(within(remote).queryByLabelText('Spośród')).toBeNull();
    expect((within(remote).getByLabelText('Większość w głosowaniu zdalnym') as HTMLSelectElement).value).toBe('absolute');
    expect((within(remote).getByLabelText('Liczona od') as HTMLSelectElement).value).toBe('statutory');
    await user.click(within(form).getByRole('button', { name: 'Zapisz zasady głosowania' }));
    const basis = within(remote).getByLabelText('Podstawa w statucie');
    expect(basis.getAttribute('aria-invalid')).toBe('true');
    expect(plain(document.getElementById(`${basis.id}-error`)?.textContent)).toBe('Podaj przepis statutu, na którym opiera się głosowanie zdalne (najwyżej 300 znaków).');
    expect(document.activeElement).toBe(basis);
    expect(patches(page.calls)).toEqual([]);
    await fill(user, basis, '§ 15 ust. 3 statutu');
    expect(meaning(form, 'ordinary')).toMatch(
      /; głosowanie zdalne dopuszczone \(kworum – co najmniej 1\/2 członków organu bierze udział w głosowaniu, większość bezwzględna: więcej niż połowa głosów ustawowego składu organu, podstawa: § 15 ust\. 3 statutu\)\.$/,
    );

    // Elections: no remote voting (an override of its own); statute changes: a lower quorum at the second term.
    const elections = within(form).getByRole('group', { name: 'Wybory' });
    await user.click(within(elections).getByLabelText('Głosowanie zdalne: inaczej niż w zasadach ogólnych'));
    await user.selectOptions(within(elections).getByLabelText('Głosowanie zdalne (bez posiedzenia)'), 'false');
    expect(meaning(form, 'election')).toMatch(/; głosowanie zdalne niedopuszczone\.$/);
    const changes = within(form).getByRole('group', { name: 'Zmiany statutu' });
    await user.click(within(changes).getByLabelText('Drugi termin: inaczej niż w zasadach ogólnych'));
    await user.selectOptions(within(changes).getByLabelText('Kworum w drugim terminie'), 'lower');
    expect(within(changes).getByLabelText('Część składu: mianownik')).toHaveProperty('value', '3');
    expect(meaning(form, 'statute_change')).toContain('; w drugim terminie: kworum – obecnych co najmniej 1/3 członków organu (osobiście lub przez pełnomocnika);');

    await user.click(within(form).getByRole('button', { name: 'Zapisz zasady głosowania' }));
    await waitFor(() => expect(patches(page.calls)).toHaveLength(1));
    const remoteSent = { ...remoteRule, quorum: { basis: 'members', among: 'voting', fraction: { numerator: 1, denominator: 2 }, comparison: 'at_least' } };
    expect((patches(page.calls)[0]!.body as { rules: BodyRuleBook }).rules).toEqual({
      general: { ...copy(DEFAULT_RULE_BOOK.general), secondTerm: { quorum: null }, castingVote: true, remote: remoteSent },
      byKind: {
        election: { majority: { kind: 'absolute', of: 'valid' }, ballot: 'secret', remote: null },
        statute_change: {
          majority: { kind: 'qualified', fraction: { numerator: 2, denominator: 3 }, of: 'valid' },
          secondTerm: { quorum: { basis: 'members', among: 'present', fraction: { numerator: 1, denominator: 3 }, comparison: 'at_least' } },
        },
      },
    });
    // The form shows the rules as saved: remote voting with its basis, none for elections.
    expect(await within(form).findByText('Zapisano zasady głosowania organu „Zarząd”.')).toBeTruthy();
    expect((within(remote).getByLabelText('Podstawa w statucie') as HTMLInputElement).value).toBe('§ 15 ust. 3 statutu');
    expect((within(elections).getByLabelText('Głosowanie zdalne: inaczej niż w zasadach ogólnych') as HTMLInputElement).checked).toBe(true);
    expect((within(elections).getByLabelText('Głosowanie zdalne (bez posiedzenia)') as HTMLSelectElement).value).toBe('false');
  });
});
