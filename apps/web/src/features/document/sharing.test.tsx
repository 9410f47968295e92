import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Organisation, Person } from '../../api/types';
import { type ApiCall, fakeApi, reply } from '../../test/fake-api';
import { members } from '../../test/fixtures';
import { plain, renderWithApp } from '../../test/render';
import { endOfDayInWarsaw, type Sharing } from './sharing-api';
import { SharingPanel } from './SharingPanel';

const people: Person[] = [
  { membershipId: 'm1', userId: 'u1', displayName: 'Anna Koordynator', role: 'coordinator', organisation: null, active: true, since: '2026-01-01T00:00:00Z' },
  { membershipId: 'm2', userId: 'u2', displayName: 'Jan Ekspert', role: 'expert', organisation: null, active: true, since: '2026-01-01T00:00:00Z' },
  {
    membershipId: 'm3',
    userId: 'u3',
    displayName: 'Ewa Nowak',
    role: 'representative',
    organisation: { id: 'o1', name: 'Gmina Police', kind: 'member' },
    active: true,
    since: '2026-01-01T00:00:00Z',
  },
  { membershipId: 'm4', userId: 'u4', displayName: 'Piotr Dawny', role: 'observer', organisation: null, active: false, since: '2026-01-01T00:00:00Z' },
];

// A member of the fixtures, under another id and name.
const organisation = (id: string, name: string): Organisation => ({ ...members[1], id, name });

const shared = (): Sharing => ({
  organisations: [
    {
      organisationId: 'o1',
      name: 'Gmina Police',
      kind: 'member',
      members: 2,
      access: 'edit',
      // 23:59:59 on 31 March 2027 in Warsaw (summer time, UTC+2).
      expiresAt: '2027-03-31T21:59:59.000Z',
      expired: false,
      grantedBy: { id: 'u1', displayName: 'Anna Koordynator' },
      grantedAt: '2026-12-01T10:00:00.000Z',
    },
  ],
  people: [
    {
      userId: 'u2',
      displayName: 'Jan Ekspert',
      role: 'expert',
      active: true,
      access: 'comment',
      expiresAt: null,
      expired: false,
      grantedBy: null,
      grantedAt: '2026-12-01T10:00:00.000Z',
    },
  ],
});

/** The panel for document d1 of workspace w1, with the API answering from `state` (changed by PUT and DELETE). */
function renderPanel(options: { put?: (call: ApiCall) => unknown; language?: 'pl' | 'en' } = {}) {
  const state = shared();
  const calls = fakeApi({
    'GET /documents/d1/access': () => state,
    'GET /workspaces/w1/people': people,
    'GET /workspaces/w1/organisations': [organisation('o1', 'Gmina Police'), organisation('o2', 'Gmina Dobra')],
    'DELETE /documents/d1/access/organisations/o1': () => {
      state.organisations = [];
      return reply(204);
    },
    'PUT /documents/d1/access/organisations/o2': (call: ApiCall) => options.put?.(call) ?? {},
    'PUT /documents/d1/access/u2': (call: ApiCall) => options.put?.(call) ?? {},
  });
  renderWithApp(<SharingPanel workspaceId="w1" documentId="d1" />, { language: options.language });
  return { calls, state };
}

const list = () => screen.getByRole('list', { name: 'Kto ma teraz dodatkowy dostęp' });

describe('SharingPanel', () => {
  it('lists who has access now: organisations and people, their level and end on Warsaw’s clock, and who gave it', async () => {
    renderPanel();
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(2));
    const [police, expert] = within(list()).getAllByRole('listitem');
    expect(plain(police.textContent)).toContain('Gmina Police (organizacja, aktywne osoby: 2)');
    expect(plain(police.textContent)).toContain('może edytować · do 31 mar 2027, 23:59 · nadany przez: Anna Koordynator');
    expect(plain(expert.textContent)).toContain('Jan Ekspert (Ekspert)');
    expect(plain(expert.textContent)).toContain('może komentować · bez terminu');
    expect(screen.getByRole('button', { name: 'Odbierz dostęp: Gmina Police' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Odbierz dostęp: Jan Ekspert' })).toBeTruthy();
  });

  it('revokes, says so, and moves the focus to the list’s heading', async () => {
    const user = userEvent.setup();
    const { calls } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Odbierz dostęp: Gmina Police' }));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/documents/d1/access/organisations/o1']);
    // The status region is always on the page: its text is waited for.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Odebrano dostęp: Gmina Police.'));
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Odbierz dostęp: Gmina Police' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Kto ma teraz dodatkowy dostęp' })));
  });

  it('offers only people who need a grant, asks for the grantee, and refuses a past end date before sending anything', async () => {
    const user = userEvent.setup();
    const { calls } = renderPanel();
    const form = screen.getByRole('form', { name: 'Nadaj dostęp' });
    const person = within(form).getByLabelText('Osoba') as HTMLSelectElement;
    await waitFor(() => expect(person.options.length).toBe(3));
    // No coordinator (they always edit) and no deactivated person.
    expect([...person.options].map((o) => o.textContent)).toEqual(['Wybierz osobę', 'Jan Ekspert (Ekspert)', 'Ewa Nowak (Przedstawiciel członka, Gmina Police)']);
    await user.click(within(form).getByRole('button', { name: 'Nadaj dostęp' }));
    expect(within(form).getByText('Wybierz osobę, której chcesz dać dostęp.')).toBeTruthy();
    expect(person.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(person);

    await user.selectOptions(person, 'u2');
    const end = within(form).getByLabelText('Dostęp do dnia (opcjonalnie)') as HTMLInputElement;
    // Typed as dd.mm.rrrr (not the browser's own mm/dd/yyyy picker).
    expect(end.type).toBe('text');
    fireEvent.change(end, { target: { value: '01.01.2020' } });
    await user.click(within(form).getByRole('button', { name: 'Nadaj dostęp' }));
    expect(within(form).getByText('Podaj dzisiejszą lub późniejszą datę.')).toBeTruthy();
    expect(document.activeElement).toBe(end);
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('gives a whole organisation a level until the end of a day in Warsaw, then lists it again', async () => {
    const user = userEvent.setup();
    const { calls } = renderPanel();
    const form = screen.getByRole('form', { name: 'Nadaj dostęp' });
    await user.selectOptions(within(form).getByLabelText('Komu'), 'organisation');
    const organisationField = within(form).getByLabelText('Organizacja') as HTMLSelectElement;
    expect(organisationField.getAttribute('aria-describedby')).toContain('hint');
    await user.selectOptions(organisationField, 'o2');
    const level = within(form).getByLabelText('Zakres dostępu') as HTMLSelectElement;
    expect([...level.options].map((o) => o.textContent)).toEqual(['może czytać', 'może komentować', 'może edytować']);
    await user.selectOptions(level, 'comment');
    const nextYear = new Date().getFullYear() + 1;
    fireEvent.change(within(form).getByLabelText('Dostęp do dnia (opcjonalnie)'), { target: { value: `15.01.${nextYear}` } });
    const reads = calls.filter((c) => c.path === '/documents/d1/access').length;
    await user.click(within(form).getByRole('button', { name: 'Nadaj dostęp' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nadano dostęp: Gmina Dobra – może komentować.'));
    // In January Warsaw is at UTC+1: the day ends at 22:59:59 UTC.
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([
      { method: 'PUT', path: '/documents/d1/access/organisations/o2', body: { access: 'comment', expiresAt: `${nextYear}-01-15T22:59:59.000Z` } },
    ]);
    await waitFor(() => expect(calls.filter((c) => c.path === '/documents/d1/access').length).toBe(reads + 1));
    expect(organisationField.value).toBe('');
  });

  it('shows what the server refused on the field and above the form', async () => {
    const user = userEvent.setup();
    renderPanel({ put: () => reply(422, { message: 'expiresAt must be in the future', errors: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }] }) });
    const form = screen.getByRole('form', { name: 'Nadaj dostęp' });
    const person = within(form).getByLabelText('Osoba') as HTMLSelectElement;
    await waitFor(() => expect(person.options.length).toBe(3));
    await user.selectOptions(person, 'u2');
    await user.click(within(form).getByRole('button', { name: 'Nadaj dostęp' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Popraw zaznaczone pola.'));
    expect(within(form).getByLabelText('Dostęp do dnia (opcjonalnie)').getAttribute('aria-invalid')).toBe('true');
  });

  it('speaks English too', async () => {
    renderPanel({ language: 'en' });
    await screen.findByRole('button', { name: 'Take access away: Gmina Police' });
    expect(plain(screen.getByRole('list', { name: 'Who has extra access now' }).textContent)).toContain('can edit · until Mar 31, 2027, 11:59 PM');
  });
});

describe('endOfDayInWarsaw', () => {
  it('ends a day at 23:59:59 on Warsaw’s clock, in winter and in summer time', () => {
    expect(endOfDayInWarsaw('2027-01-15')?.toISOString()).toBe('2027-01-15T22:59:59.000Z');
    expect(endOfDayInWarsaw('2027-03-31')?.toISOString()).toBe('2027-03-31T21:59:59.000Z');
    // The day summer time starts (at 02:00 on 28 March 2027).
    expect(endOfDayInWarsaw('2027-03-28')?.toISOString()).toBe('2027-03-28T21:59:59.000Z');
    expect(endOfDayInWarsaw('2027-02-30')).toBeNull();
    expect(endOfDayInWarsaw('jutro')).toBeNull();
  });
});
