import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import { PublicRoundPage } from './PublicRoundPage';
import { RoundPage } from './RoundPage';
import type { PublicRound, ResolutionChoice, Round } from './rounds-api';

const meeting = { id: 'm1', startsAt: '2026-12-10T16:00:00.000Z', place: 'Police, ratusz', notes: 'Klucz u portiera.', participants: null, summary: '' };

const round: Round = {
  id: 'r1',
  workspaceId: 'w1',
  document: { id: 'd1', title: 'Strategia SOM', kind: 'strategy' },
  version: { id: 'v1', number: 1, name: 'v1.0', contentHash: 'ab'.repeat(32) },
  title: 'Konsultacje Strategii SOM 2030',
  legalBasis: 'art. 6 ustawy o zasadach prowadzenia polityki rozwoju',
  audiences: ['public'],
  channels: ['online_form', 'oral_protocol'],
  opensAt: '2026-12-01T08:00:00.000Z',
  closesAt: '2027-01-05T22:59:00.000Z',
  informationClause: 'Administratorem danych jest SSOM.',
  state: 'closed',
  announcedAt: '2026-12-01T08:00:00.000Z',
  openedAt: '2026-12-01T08:00:00.000Z',
  closedAt: '2027-01-06T08:00:00.000Z',
  reportPublishedAt: null,
  reportDueAt: '2027-02-04T22:59:00.000Z',
  daysLeft: 0,
  commentCount: 3,
  warnings: [],
  meetings: [meeting],
  announcementUrls: ['https://bip.som.example/ogloszenia/12'],
  reportUrls: [],
  approval: null,
};

const resolutions: ResolutionChoice[] = [
  { id: 'res1', state: 'adopted', number: '7/2027', fullTitle: 'Uchwała nr 7/2027 Zarządu w sprawie przyjęcia sprawozdania', decidedAt: '2027-01-20T11:00:00.000Z' },
  { id: 'res2', state: 'draft', number: null, fullTitle: null, decidedAt: null },
];

const openRound = (routes: Record<string, unknown>, role: 'coordinator' | 'expert' = 'coordinator', language: 'pl' | 'en' = 'pl') =>
  renderPage(<RoundPage />, { route: '/w/:workspaceId/rounds/:roundId', path: '/w/w1/rounds/r1', role, language, routes: { 'GET /rounds/r1': round, 'GET /workspaces/w1/resolutions': resolutions, ...routes } });

describe('RoundPage: publication and meetings', () => {
  it('shows where the announcement was published, and lets a coordinator give the report’s addresses and the resolution that approved it', async () => {
    const user = userEvent.setup();
    const approved: Round = {
      ...round,
      reportUrls: ['https://bip.som.example/sprawozdania/3'],
      approval: { resolutionId: 'res1', number: '7/2027', title: 'Uchwała nr 7/2027 Zarządu w sprawie przyjęcia sprawozdania', body: 'Zarząd', adoptedAt: '2027-01-20T11:00:00.000Z' },
    };
    const page = openRound({ 'PATCH /rounds/r1/publication': approved });
    const link = await screen.findByRole('link', { name: 'https://bip.som.example/ogloszenia/12' });
    expect(link.getAttribute('href')).toBe('https://bip.som.example/ogloszenia/12');
    const form = screen.getByRole('form', { name: 'Publikacja i przyjęcie sprawozdania' });
    expect((within(form).getByLabelText('Adresy ogłoszenia o konsultacjach (strona internetowa, BIP)') as HTMLTextAreaElement).value).toBe('https://bip.som.example/ogloszenia/12');
    // Only adopted resolutions can be named.
    const select = within(form).getByLabelText('Uchwała przyjmująca sprawozdanie');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['— brak —', 'Uchwała nr 7/2027 Zarządu w sprawie przyjęcia sprawozdania z dnia 20 sty 2027']);
    const reportUrls = within(form).getByLabelText('Adresy publikacji sprawozdania');
    await user.type(reportUrls, 'ftp://bip.som.example/sprawozdania/3');
    await user.click(within(form).getByRole('button', { name: 'Zapisz publikację' }));
    expect(page.calls.filter((c) => c.method === 'PATCH')).toEqual([]);
    expect(document.activeElement).toBe(reportUrls);
    expect(within(form).getByText('To nie jest adres strony (http:// lub https://): ftp://bip.som.example/sprawozdania/3')).toBeTruthy();
    await user.clear(reportUrls);
    await user.type(reportUrls, 'https://bip.som.example/sprawozdania/3');
    await user.selectOptions(select, 'res1');
    await user.click(within(form).getByRole('button', { name: 'Zapisz publikację' }));
    expect(await within(form).findByText('Zapisano adresy publikacji i uchwałę.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/rounds/r1/publication', body: { announcementUrls: ['https://bip.som.example/ogloszenia/12'], reportUrls: ['https://bip.som.example/sprawozdania/3'], approvedByResolutionId: 'res1' } },
    ]);
    // The round as the API answered the change.
    await waitFor(() => expect(plain(document.querySelector('.round-facts')?.textContent)).toContain('Sprawozdanie przyjętoUchwała nr 7/2027 Zarządu w sprawie przyjęcia sprawozdania z dnia 20 sty 2027'));
    expect(screen.getByRole('link', { name: 'https://bip.som.example/sprawozdania/3' })).toBeTruthy();
  });

  it('lets a coordinator record a held meeting’s participants and summary, and gives the focus back to its button', async () => {
    const user = userEvent.setup();
    const page = openRound({ 'PATCH /rounds/r1/meetings/m1': { ...round, meetings: [{ ...meeting, participants: 48, summary: 'Dyskusja o kolei.' }] } });
    const button = await screen.findByRole('button', { name: /^Uzupełnij przebieg spotkania: / });
    await user.click(button);
    const form = screen.getByRole('form', { name: /^Przebieg spotkania: .*, Police, ratusz$/ });
    await user.type(within(form).getByLabelText('Liczba uczestników (nieobowiązkowa)'), '48');
    await user.type(within(form).getByLabelText('Przebieg spotkania (nieobowiązkowy)'), 'Dyskusja o kolei.');
    await user.click(within(form).getByRole('button', { name: 'Zapisz spotkanie' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /^Przebieg spotkania:/ })).toBeNull());
    expect(page.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ participants: 48, summary: 'Dyskusja o kolei.' });
    await waitFor(() => expect(plain(screen.getByRole('region', { name: 'Spotkania konsultacyjne' }).textContent)).toContain('Uczestników: 48'));
    expect(plain(screen.getByRole('region', { name: 'Spotkania konsultacyjne' }).textContent)).toContain('Przebieg: Dyskusja o kolei.');
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContainEqual(expect.stringMatching(/^Zapisano spotkanie: .*, Police, ratusz\.$/)));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Uzupełnij przebieg spotkania: / })));
  });

  it('shows experts the meetings and the publication facts without the coordinators’ forms, and has no violations axe finds', async () => {
    const { container } = openRound({}, 'expert');
    await screen.findByRole('link', { name: 'https://bip.som.example/ogloszenia/12' });
    expect(screen.queryByRole('form', { name: 'Publikacja i przyjęcie sprawozdania' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Uzupełnij przebieg spotkania/ })).toBeNull();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('names on the public page where the announcement and the report were published', async () => {
    const published: PublicRound = { ...round, workspaceName: 'SSOM', reportUrls: ['https://bip.som.example/sprawozdania/3'], content: { type: 'doc', content: [] } };
    renderPage(<PublicRoundPage />, { route: '/consultations/:roundId', path: '/consultations/r1', role: 'observer', routes: { 'GET /public/rounds/r1': published }, language: 'en' });
    expect(await screen.findByRole('link', { name: 'https://bip.som.example/ogloszenia/12' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'https://bip.som.example/sprawozdania/3' })).toBeTruthy();
    expect(plain(document.querySelector('.round-facts')?.textContent)).toContain('Announcement published at');
  });
});

describe('RoundPage: the statutory timetable warning', () => {
  const short: Round = { ...round, warnings: ['shorter_than_statutory_minimum'] };
  const openShort = (role: 'coordinator' | 'expert' | 'representative' | 'partner' | 'observer') =>
    renderPage(<RoundPage />, { route: '/w/:workspaceId/rounds/:roundId', path: '/w/w1/rounds/r1', role, routes: { 'GET /rounds/r1': short, 'GET /workspaces/w1/resolutions': resolutions } });
  const warning = 'Krócej niż ustawowe 35 dni od ogłoszenia';

  it.each(['coordinator', 'expert'] as const)('is shown to staff (%s)', async (role) => {
    openShort(role);
    await screen.findByRole('heading', { level: 1, name: 'Konsultacje Strategii SOM 2030' });
    expect(screen.getByText(warning)).toBeTruthy();
  });

  it.each(['representative', 'partner', 'observer'] as const)('is not shown to the %s role', async (role) => {
    openShort(role);
    await screen.findByRole('heading', { level: 1, name: 'Konsultacje Strategii SOM 2030' });
    expect(screen.queryByText(warning)).toBeNull();
  });
});

describe('RoundPage: closing the collection of comments', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const running = (closesAt: Date): Round => ({ ...round, state: 'open', closedAt: null, closesAt: closesAt.toISOString() });

  it('says how long is left instead of offering a close the API would refuse', async () => {
    openRound({ 'GET /rounds/r1': running(new Date(Date.now() + 3 * DAY - 60 * 60 * 1000)) });
    expect(await screen.findByText(/Zbieranie uwag trwa\. Rundę będzie można zamknąć za 3 dni, po terminie zamknięcia:/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zamknij zbieranie uwag' })).toBeNull();
  });

  it('offers the close once the closing time has passed', async () => {
    openRound({ 'GET /rounds/r1': running(new Date(Date.now() - 1000)) });
    expect(await screen.findByRole('button', { name: 'Zamknij zbieranie uwag' })).toBeTruthy();
  });

  it('says the time left in English, in hours when under a day', async () => {
    openRound({ 'GET /rounds/r1': running(new Date(Date.now() + 5 * 60 * 60 * 1000 - 60_000)) }, 'coordinator', 'en');
    expect(await screen.findByText(/The round can be closed in 5 hours, after its closing time:/)).toBeTruthy();
  });
});

describe('RoundPage: changing a round before it opens, deleting a draft', () => {
  const draft: Round = {
    ...round,
    state: 'draft',
    opensAt: '2030-03-01T08:00:00.000Z',
    closesAt: '2030-04-05T21:59:00.000Z',
    announcedAt: null,
    openedAt: null,
    closedAt: null,
    reportDueAt: '2030-05-05T21:59:00.000Z',
    daysLeft: 1200,
    commentCount: 0,
  };

  it('lets a coordinator change a draft in the round form, prefilled, sending only what changed', async () => {
    const user = userEvent.setup();
    const changed: Round = { ...draft, title: 'Konsultacje Strategii SOM 2035', channels: ['online_form'] };
    const page = openRound({ 'GET /rounds/r1': draft, 'PATCH /rounds/r1': changed });
    await user.click(await screen.findByRole('button', { name: 'Edytuj rundę' }));
    const form = screen.getByRole('form', { name: 'Zmiana danych rundy' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Zmiana danych rundy' })));
    // The version consulted is shown, not offered for change; the publication addresses have their own form.
    expect(within(form).queryByLabelText('Dokument')).toBeNull();
    expect(within(form).getByText('Konsultacje innej wersji to nowa runda.', { exact: false })).toBeTruthy();
    expect(within(form).queryByLabelText('Adresy publikacji sprawozdania')).toBeNull();
    const title = within(form).getByLabelText('Tytuł konsultacji') as HTMLInputElement;
    expect(title.value).toBe('Konsultacje Strategii SOM 2030');
    expect((within(form).getByLabelText('ustnie do protokołu') as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText('Klauzula informacyjna o danych osobowych') as HTMLTextAreaElement).value).toBe('Administratorem danych jest SSOM.');

    await user.clear(title);
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(form).findByText('Podaj tytuł konsultacji.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    await user.type(title, 'Konsultacje Strategii SOM 2035');
    await user.click(within(form).getByLabelText('ustnie do protokołu'));
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await screen.findByText('Zapisano zmiany rundy.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'PATCH')).toEqual([{ method: 'PATCH', path: '/rounds/r1', body: { title: 'Konsultacje Strategii SOM 2035', channels: ['online_form'] } }]);
    expect(screen.queryByRole('form', { name: 'Zmiana danych rundy' })).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Konsultacje Strategii SOM 2035' })).toBeTruthy();
    await waitFor(() => expect(plain(document.querySelector('.round-facts')?.textContent)).toContain('Sposoby zgłaszania uwagformularz online'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edytuj rundę' })));
  });

  it('says why the API refused a change: a field next to it, an opened round above the form', async () => {
    const user = userEvent.setup();
    let answer = reply(400, { message: 'closesAt: a round closes after it opens', errors: [{ field: 'closesAt', message: 'must be after opensAt' }] });
    openRound({ 'GET /rounds/r1': { ...draft, state: 'announced', announcedAt: '2030-02-01T08:00:00.000Z' }, 'PATCH /rounds/r1': () => answer });
    await user.click(await screen.findByRole('button', { name: 'Edytuj rundę' }));
    const form = screen.getByRole('form', { name: 'Zmiana danych rundy' });
    expect(within(form).getByText('Konsultacje są już ogłoszone: zmiany od razu pojawią się na ich publicznej stronie.')).toBeTruthy();
    // Counted from the announcement made on 1 February.
    expect(within(form).getByText(/^Na zgłaszanie uwag: 63 dni od dnia ogłoszenia \(1 lutego 2030\)\.$/)).toBeTruthy();
    await user.type(within(form).getByLabelText('Tytuł konsultacji'), ' (zmiana)');
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany' }));
    const closes = within(form).getByLabelText('Zamknięcie zbierania uwag');
    await waitFor(() => expect(closes.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Zamknięcie musi nastąpić po otwarciu.')).toBeTruthy();

    answer = reply(409, { code: 'round_not_editable', message: 'a round that is open cannot be changed: only a draft or announced round can' });
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(form).findByText('Tej rundy nie można już zmienić: zbieranie uwag zostało otwarte.')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('form', { name: 'Zmiana danych rundy' })).toBeNull();
    // An announced round is not deleted.
    expect(screen.queryByRole('button', { name: 'Usuń projekt rundy' })).toBeNull();
  });

  it('deletes a draft after a confirmation and goes back to the dashboard', async () => {
    const user = userEvent.setup();
    const page = openRound({ 'GET /rounds/r1': draft, 'DELETE /rounds/r1': reply(204) });
    await user.click(await screen.findByRole('button', { name: 'Usuń projekt rundy' }));
    const question = screen.getByRole('group', { name: 'Usunąć projekt rundy „Konsultacje Strategii SOM 2030” razem z jej spotkaniami? Tego nie można cofnąć.' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Tak, usuń projekt rundy' }));
    await user.click(within(question).getByRole('button', { name: 'Anuluj' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Usuń projekt rundy' })));
    expect(page.calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Usuń projekt rundy' }));
    await user.click(screen.getByRole('button', { name: 'Tak, usuń projekt rundy' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1'));
    expect(page.calls.filter((c) => c.method === 'DELETE')).toEqual([{ method: 'DELETE', path: '/rounds/r1', body: undefined }]);
  });

  it('says when the draft was announced meanwhile, and deletes nothing', async () => {
    const user = userEvent.setup();
    const page = openRound({ 'GET /rounds/r1': draft, 'DELETE /rounds/r1': reply(409, { code: 'round_not_deletable', message: 'a round that is announced cannot be deleted: only a draft round can' }) });
    await user.click(await screen.findByRole('button', { name: 'Usuń projekt rundy' }));
    await user.click(screen.getByRole('button', { name: 'Tak, usuń projekt rundy' }));
    expect(await screen.findByText('Tej rundy nie można już usunąć: została ogłoszona.')).toBeTruthy();
    expect(page.location()).toBe('/w/w1/rounds/r1');
  });

  it('offers neither once the round is open', async () => {
    openRound({ 'GET /rounds/r1': { ...draft, state: 'open' } });
    await screen.findByRole('heading', { level: 1, name: 'Konsultacje Strategii SOM 2030' });
    expect(screen.queryByRole('button', { name: 'Edytuj rundę' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Usuń projekt rundy' })).toBeNull();
  });

  it('offers nothing to an expert, even on a draft', async () => {
    openRound({ 'GET /rounds/r1': draft }, 'expert');
    await screen.findByRole('heading', { level: 1, name: 'Konsultacje Strategii SOM 2030' });
    expect(screen.queryByRole('button', { name: 'Edytuj rundę' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Usuń projekt rundy' })).toBeNull();
  });
});
