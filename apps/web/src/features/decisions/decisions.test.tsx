import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply } from '../../test/fake-api';
import { documents } from '../../test/fixtures';
import { plain } from '../../test/render';
import type { VersionSummary } from '../versions/versions-api';
import type { MeetingSummary } from './decisions-api';
import { DecisionsPage } from './DecisionsPage';
import { assembly, board, remoteRule, resolution, withRules } from './fixtures';

const version: VersionSummary = { id: 'v2', documentId: 'd1', number: 2, name: 'do przyjęcia', contentHash: 'ab'.repeat(32), createdAt: '2026-11-01T10:00:00.000Z', createdBy: null };
const summary: MeetingSummary = {
  id: 'mt1',
  workspaceId: 'w1',
  body: { id: 'b1', name: 'Walne Zebranie Członków', nameGenitive: 'Walnego Zebrania Członków' },
  title: 'XXI Walne Zebranie Członków',
  startsAt: '2026-12-02T10:00:00.000Z',
  place: 'Szczecin',
  state: 'planned',
  openedAt: null,
  closedAt: null,
  cancelledAt: null,
  cancelReason: null,
  secondTermAt: null,
  term: null,
  agendaAdoptedAt: null,
  currentItemId: null,
  speakingSeconds: 300,
};
const adopted = resolution({ id: 'r0', title: 'w sprawie składki', state: 'adopted', number: '1/2026', fullTitle: 'Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie składki', adopts: null });
const draftOfBoard = resolution({ id: 'r2', title: 'w sprawie budżetu biura', body: { id: 'b2', name: 'Zarząd', nameGenitive: 'Zarządu' }, adopts: null });

function openDecisions(role: Role = 'coordinator', routes: Record<string, FakeRoute> = {}) {
  return renderPage(<DecisionsPage />, {
    route: '/w/:workspaceId/decisions',
    path: '/w/w1/decisions',
    role,
    routes: {
      'GET /workspaces/w1/bodies': [assembly, board],
      'GET /workspaces/w1/resolutions': [resolution(), draftOfBoard, adopted],
      'GET /workspaces/w1/meetings': [summary],
      'GET /workspaces/w1/documents': documents,
      'GET /documents/d1/versions': [version],
      ...routes,
    },
  });
}

describe('DecisionsPage', () => {
  it('lists meetings, resolutions with their state, number, adopted version and text, and the bodies’ rules in words', async () => {
    openDecisions('observer');
    const meetings = await screen.findByRole('table', { name: 'Posiedzenia organów, od najnowszych' });
    expect(within(meetings).getByRole('link', { name: 'XXI Walne Zebranie Członków' }).getAttribute('href')).toBe('/w/w1/meetings/mt1');
    expect(plain(within(meetings).getAllByRole('row')[1]!.textContent)).toContain('zwołane');

    const resolutions = screen.getByRole('table', { name: 'Uchwały i projekty uchwał, od najnowszych' });
    const rows = within(resolutions).getAllByRole('row').slice(1);
    expect(plain(rows[0]!.textContent)).toContain(`projektbrakStrategia Rozwoju SOM, wersja 2: do przyjęciaSHA-256: ${'ab'.repeat(32)}`);
    expect(within(rows[0]!).getByRole('link', { name: 'Tekst uchwały: w sprawie przyjęcia Strategii Rozwoju SOM 2030' }).getAttribute('href')).toBe('/w/w1/d/doc-r1');
    expect(plain(rows[2]!.textContent)).toContain('w sprawie składkiUchwała nr 1/2026 Walnego Zebrania Członków w sprawie składkiWalne Zebranie Członkówzwykłapodjęta1/2026');

    const rules = screen.getByRole('table', { name: 'Zasady głosowania: Walne Zebranie Członków, według rodzaju uchwały' });
    const byKind = within(rules).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(byKind[0]).toEqual([
      'obecnych co najmniej 1/2 członków organu (osobiście lub przez pełnomocnika)',
      'zwykła: więcej głosów za niż przeciw',
      'jeden członek – jeden głos',
      'liczą się do ważnie oddanych głosów',
      'niedopuszczone',
      'jawne (imienne)',
      'kworum jak w pierwszym terminie',
      'przy równej liczbie głosów uchwała nie zostaje podjęta',
      'niedopuszczone',
    ]);
    expect(byKind[1]![1]).toBe('bezwzględna: więcej niż połowa ważnie oddanych głosów');
    expect(byKind[1]![5]).toBe('tajne');
    expect(byKind[2]![1]).toBe('kwalifikowana: co najmniej 2/3 ważnie oddanych głosów');
    expect(screen.getByText('walne zebranie · Członków: 3')).toBeTruthy();
    // Only coordinators get the forms.
    expect(screen.queryByRole('form', { name: 'Nowy projekt uchwały' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Zwołaj posiedzenie' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Rejestr uchwał' }).getAttribute('href')).toBe('/w/w1/register');
  });

  it('drafts a resolution that adopts a frozen version, sending what was filled in', async () => {
    const user = userEvent.setup();
    const created = resolution({ id: 'r9', title: 'w sprawie wyboru Przewodniczącego', kind: 'election', documentId: 'doc-r9' });
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/resolutions': created });
    const form = await screen.findByRole('form', { name: 'Nowy projekt uchwały' });
    await user.click(within(form).getByRole('button', { name: 'Utwórz projekt uchwały' }));
    expect(within(form).getByText('Wybierz organ, który podejmie uchwałę.')).toBeTruthy();
    expect(within(form).getByText('Podaj przedmiot uchwały.')).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText('Organ podejmujący uchwałę'));
    await user.selectOptions(within(form).getByLabelText('Organ podejmujący uchwałę'), 'b1');
    await user.selectOptions(within(form).getByLabelText('Rodzaj uchwały'), 'election');
    expect(within(form).getByText(/Zasady dla tego rodzaju uchwały: .*większość bezwzględna: więcej niż połowa ważnie oddanych głosów; głosowanie tajne; .*głosowanie zdalne niedopuszczone\./)).toBeTruthy();
    await user.type(within(form).getByLabelText('Przedmiot uchwały'), '  w sprawie wyboru Przewodniczącego ');
    await user.type(within(form).getByLabelText('Uzasadnienie'), 'Statut, § 12.');
    await user.selectOptions(within(form).getByLabelText('Dokument'), 'd1');
    // A document without a version is refused by the form.
    await user.click(within(form).getByRole('button', { name: 'Utwórz projekt uchwały' }));
    expect(within(form).getByText('Wybierz zamrożoną wersję albo zrezygnuj z wyboru dokumentu.')).toBeTruthy();
    await within(form).findByRole('option', { name: 'Wersja 2: do przyjęcia' });
    await user.selectOptions(within(form).getByLabelText('Zamrożona wersja'), 'v2');
    await user.click(within(form).getByRole('button', { name: 'Utwórz projekt uchwały' }));
    await waitFor(() => expect(page.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/workspaces/w1/resolutions',
      body: { bodyId: 'b1', kind: 'election', title: 'w sprawie wyboru Przewodniczącego', justification: 'Statut, § 12.', adoptsVersionId: 'v2' },
    });
    expect(await within(form).findByText('Utworzono projekt uchwały „w sprawie wyboru Przewodniczącego”. Jej tekst redaguje się wspólnie w dokumencie.')).toBeTruthy();
    expect(within(form).getByRole('link', { name: 'Otwórz tekst uchwały „w sprawie wyboru Przewodniczącego” do wspólnej redakcji' }).getAttribute('href')).toBe('/w/w1/d/doc-r9');
    expect((within(form).getByLabelText('Przedmiot uchwały') as HTMLInputElement).value).toBe('');
    // The list is read again.
    await waitFor(() => expect(page.calls.filter((c) => c.path === '/workspaces/w1/resolutions' && c.method === 'GET')).toHaveLength(2));
  });

  it('sends an ordinary resolution without the optional fields', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/resolutions': resolution() });
    const form = await screen.findByRole('form', { name: 'Nowy projekt uchwały' });
    await user.selectOptions(within(form).getByLabelText('Organ podejmujący uchwałę'), 'b2');
    await user.type(within(form).getByLabelText('Przedmiot uchwały'), 'w sprawie budżetu');
    await user.click(within(form).getByRole('button', { name: 'Utwórz projekt uchwały' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')?.body).toEqual({ bodyId: 'b2', kind: 'ordinary', title: 'w sprawie budżetu' }));
  });

  it('drafts a resolution that amends or repeals an adopted one, and names the field the API refuses', async () => {
    const user = userEvent.setup();
    let answer: FakeRoute = reply(400, { message: 'Validation failed', errors: [{ field: 'changesResolutionId', message: 'only an adopted resolution is amended or repealed', code: 'changed_resolution_not_adopted' }] });
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/resolutions': () => answer });
    const form = await screen.findByRole('form', { name: 'Nowy projekt uchwały' });
    const changed = within(form).getByLabelText('Zmieniana uchwała');
    // Only adopted resolutions may be changed.
    expect(within(changed).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nie zmienia innej uchwały', 'Uchwała nr 1/2026 Walnego Zebrania Członków w sprawie składki']);
    await user.selectOptions(within(form).getByLabelText('Organ podejmujący uchwałę'), 'b1');
    await user.type(within(form).getByLabelText('Przedmiot uchwały'), 'uchylająca uchwałę w sprawie składki');
    await user.selectOptions(changed, 'r0');
    await user.selectOptions(within(form).getByLabelText('Rodzaj zmiany'), 'repeals');
    await user.click(within(form).getByRole('button', { name: 'Utwórz projekt uchwały' }));
    expect(await within(form).findByText('Wybierz podjętą uchwałę tej przestrzeni roboczej.')).toBeTruthy();
    expect(page.calls.find((c) => c.method === 'POST')?.body).toEqual({ bodyId: 'b1', kind: 'ordinary', title: 'uchylająca uchwałę w sprawie składki', changesResolutionId: 'r0', changeKind: 'repeals' });
    answer = resolution({ id: 'r8', title: 'uchylająca uchwałę w sprawie składki', changes: { resolutionId: 'r0', number: '1/2026', kind: 'repeals' } });
    await user.click(within(form).getByRole('button', { name: 'Utwórz projekt uchwały' }));
    expect(await within(form).findByText('Utworzono projekt uchwały „uchylająca uchwałę w sprawie składki”. Jej tekst redaguje się wspólnie w dokumencie.')).toBeTruthy();
  });

  it('calls a meeting with the body’s undecided resolutions as the agenda and opens its page', async () => {
    const user = userEvent.setup();
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/meetings': { ...summary, id: 'mt9' } });
    const form = await screen.findByRole('form', { name: 'Zwołaj posiedzenie' });
    expect(within(form).getByText('Najpierw wybierz organ; porządek obrad tworzą jego projekty uchwał.')).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText('Organ'), 'b1');
    const agenda = within(form).getByRole('group', { name: 'Porządek obrad' });
    // The adopted resolution and the board's draft are not offered.
    expect(within(agenda).getAllByRole('checkbox').map((box) => box.id)).toEqual(['meeting-agenda-r1']);
    await user.click(within(agenda).getByLabelText('w sprawie przyjęcia Strategii Rozwoju SOM 2030'));
    await user.type(within(form).getByLabelText('Nazwa posiedzenia'), 'XXII Walne Zebranie Członków');
    await user.type(within(form).getByLabelText('Data i godzina posiedzenia'), '10.12.2026 10:00');
    await user.type(within(form).getByLabelText('Miejsce posiedzenia'), 'Police');
    await user.click(within(form).getByRole('button', { name: 'Zwołaj posiedzenie' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/meetings/mt9'));
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/workspaces/w1/meetings',
      body: { bodyId: 'b1', title: 'XXII Walne Zebranie Członków', startsAt: '2026-12-10T09:00:00.000Z', place: 'Police', agenda: ['r1'] },
    });
  });

  it('names the agenda field the API refused', async () => {
    const user = userEvent.setup();
    openDecisions('coordinator', {
      'POST /workspaces/w1/meetings': reply(400, { message: 'agenda: every item is a resolution of this body that is not decided yet', errors: [{ field: 'agenda', message: 'every item is a resolution of this body that is not decided yet', code: 'agenda_item_refused' }] }),
    });
    const form = await screen.findByRole('form', { name: 'Zwołaj posiedzenie' });
    await user.selectOptions(within(form).getByLabelText('Organ'), 'b1');
    await user.click(within(form).getByLabelText('w sprawie przyjęcia Strategii Rozwoju SOM 2030'));
    await user.type(within(form).getByLabelText('Nazwa posiedzenia'), 'XXII');
    await user.type(within(form).getByLabelText('Data i godzina posiedzenia'), '10.12.2026 10:00');
    await user.click(within(form).getByRole('button', { name: 'Zwołaj posiedzenie' }));
    expect(await within(form).findByText('Porządek obrad może obejmować tylko nierozstrzygnięte projekty uchwał tego organu.')).toBeTruthy();
    expect(plain(within(form).getAllByRole('alert')[0]!.textContent)).toBe('Popraw zaznaczone pola.');
  });

  it('says the second term, the chair’s casting vote and remote voting in the rules table and the resolution form’s hint', async () => {
    const user = userEvent.setup();
    const statute = withRules(assembly, { secondTerm: { quorum: null }, castingVote: true, remote: remoteRule });
    statute.rules.byKind.election = { ...statute.rules.byKind.election, remote: null };
    const lowerQuorum = withRules(board, {
      secondTerm: { quorum: { basis: 'members', among: 'present', fraction: { numerator: 1, denominator: 3 }, comparison: 'at_least' } },
      remote: { ...remoteRule, majority: null },
    });
    openDecisions('coordinator', { 'GET /workspaces/w1/bodies': [statute, lowerQuorum] });
    const rules = await screen.findByRole('table', { name: 'Zasady głosowania: Walne Zebranie Członków, według rodzaju uchwały' });
    expect(within(rules).getAllByRole('columnheader').slice(-3).map((c) => c.textContent)).toEqual(['Drugi termin', 'Równa liczba głosów', 'Głosowanie zdalne']);
    const byKind = within(rules).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent).slice(-3));
    expect(byKind[0]).toEqual([
      'bez względu na liczbę obecnych',
      'przy równej liczbie głosów rozstrzyga głos przewodniczącego (nie dotyczy głosowania tajnego)',
      'dopuszczone (kworum – co najmniej 1/2 członków organu bierze udział w głosowaniu, większość bezwzględna: więcej niż połowa głosów ustawowego składu organu, podstawa: § 15 ust. 3 statutu)',
    ]);
    expect(byKind[1]![2]).toBe('niedopuszczone');
    const boardRules = screen.getByRole('table', { name: 'Zasady głosowania: Zarząd, według rodzaju uchwały' });
    const boardRow = within(within(boardRules).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent).slice(-3);
    expect(boardRow[0]).toBe('kworum – obecnych co najmniej 1/3 członków organu (osobiście lub przez pełnomocnika)');
    expect(boardRow[1]).toBe('przy równej liczbie głosów uchwała nie zostaje podjęta');
    expect(boardRow[2]).toContain('większość jak na posiedzeniu, podstawa: § 15 ust. 3 statutu');

    const form = await screen.findByRole('form', { name: 'Nowy projekt uchwały' });
    await user.selectOptions(within(form).getByLabelText('Organ podejmujący uchwałę'), 'b1');
    const hint = () => plain(document.getElementById('resolution-rules')?.textContent);
    expect(hint()).toContain(
      '; głosowanie jawne (imienne); w drugim terminie: bez względu na liczbę obecnych; przy równej liczbie głosów rozstrzyga głos przewodniczącego (nie dotyczy głosowania tajnego); głosowanie zdalne dopuszczone (kworum – co najmniej 1/2 członków organu bierze udział w głosowaniu',
    );
    await user.selectOptions(within(form).getByLabelText('Rodzaj uchwały'), 'election');
    expect(hint()).toMatch(/; głosowanie zdalne niedopuszczone\.$/);
  });

  it('calls a meeting with a second term after the first, refusing one before it on its field (also when the API does)', async () => {
    const user = userEvent.setup();
    let answer: FakeRoute = reply(400, { message: 'secondTermAt: the second term comes after the first (startsAt)', errors: [{ field: 'secondTermAt', message: 'the second term comes after the first (startsAt)', code: 'second_term_not_after_first' }] });
    const page = openDecisions('coordinator', { 'POST /workspaces/w1/meetings': () => answer });
    const form = await screen.findByRole('form', { name: 'Zwołaj posiedzenie' });
    await user.selectOptions(within(form).getByLabelText('Organ'), 'b1');
    await user.type(within(form).getByLabelText('Nazwa posiedzenia'), 'XXII Walne Zebranie Członków');
    await user.type(within(form).getByLabelText('Data i godzina posiedzenia'), '10.12.2026 10:00');
    const secondTerm = within(form).getByLabelText('Drugi termin (nieobowiązkowo)');
    expect(plain(document.getElementById(secondTerm.getAttribute('aria-describedby')!)?.textContent)).toMatch(/^Jeśli w pierwszym terminie zabraknie kworum/);
    await user.type(secondTerm, '10.12.2026 9:30');
    await user.click(within(form).getByRole('button', { name: 'Zwołaj posiedzenie' }));
    expect(within(form).getByText('Drugi termin musi przypadać po pierwszym.')).toBeTruthy();
    expect(secondTerm.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(secondTerm);
    expect(page.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.clear(secondTerm);
    await user.type(secondTerm, '10.12.2026 10:30');
    await user.click(within(form).getByRole('button', { name: 'Zwołaj posiedzenie' }));
    expect(await within(form).findByText('Drugi termin musi przypadać po pierwszym.')).toBeTruthy();
    expect(plain(within(form).getAllByRole('alert')[0]!.textContent)).toBe('Popraw zaznaczone pola.');
    expect(page.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/workspaces/w1/meetings',
      body: { bodyId: 'b1', title: 'XXII Walne Zebranie Członków', startsAt: '2026-12-10T09:00:00.000Z', secondTermAt: '2026-12-10T09:30:00.000Z', agenda: [] },
    });
    answer = { ...summary, id: 'mt9', secondTermAt: '2026-12-10T09:30:00.000Z' };
    await user.click(within(form).getByRole('button', { name: 'Zwołaj posiedzenie' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/meetings/mt9'));
  });
});
