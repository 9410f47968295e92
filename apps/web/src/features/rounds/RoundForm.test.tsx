import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LEGAL_BASIS } from '@commonplan/domain';
import type { DocumentSummary } from '../../api/types';
import { fakeApi, renderPage, reply } from '../../test/fake-api';
import { documents } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { VersionsPanel } from '../versions/VersionsPanel';
import type { VersionSummary } from '../versions/versions-api';
import { MeetingForm } from './MeetingForm';
import { NewRoundPage } from './NewRoundPage';
import { RoundForm } from './RoundForm';
import type { Round } from './rounds-api';

const concept: DocumentSummary = { ...documents[0]!, id: 'd2', title: 'Koncepcja parków rzecznych', kind: 'concept' };
const docs = [documents[0]!, concept];
const version = (id: string, number: number, name: string): VersionSummary => ({
  id,
  documentId: 'd1',
  number,
  name,
  contentHash: 'ab'.repeat(32),
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: null,
});
const versionRoutes = { 'GET /documents/d1/versions': [version('v2', 2, 'v1.0 — do konsultacji'), version('v1', 1, 'robocza')], 'GET /documents/d2/versions': [] };
// The form starts on 30 November 2026: the round opens the next day at 9:00, and closes at the end (23:59 in Warsaw) of
// the 35th day after the day it can be announced at the latest to open then.
// The fields are typed and shown in Polish time (dd.mm.rrrr gg:mm), whatever the time zone the tests run in.
const now = new Date('2026-11-30T12:00:00+01:00');

const warning = () => screen.queryByText(/krócej niż ustawowe 35 dni/);

describe('RoundForm', () => {
  it('prefills the legal basis and a 35-day timetable that follows the opening until the close is changed', async () => {
    fakeApi(versionRoutes);
    renderWithApp(<RoundForm documents={docs} onSubmit={vi.fn()} now={now} />);
    expect((screen.getByLabelText('Podstawa prawna') as HTMLTextAreaElement).value).toBe(DEFAULT_LEGAL_BASIS);
    const opens = screen.getByLabelText('Otwarcie zbierania uwag') as HTMLInputElement;
    const closes = screen.getByLabelText('Zamknięcie zbierania uwag') as HTMLInputElement;
    expect(opens.value).toBe('01.12.2026 09:00');
    expect(closes.value).toBe('05.01.2027 23:59');
    expect(screen.getByText('Na zgłaszanie uwag: 35 dni od dnia ogłoszenia, jeśli konsultacje zostaną ogłoszone 1 grudnia 2026.')).toBeTruthy();
    fireEvent.change(opens, { target: { value: '1.02.2027 10:30' } });
    expect(closes.value).toBe('08.03.2027 23:59');
    fireEvent.change(closes, { target: { value: '20.03.2027 10:30' } });
    fireEvent.change(opens, { target: { value: '02.02.2027 10:30' } });
    expect(closes.value).toBe('20.03.2027 10:30');
  });

  it('counts from today when the opening has passed, as the API does: no warning for the close it offers once announced today', async () => {
    const user = userEvent.setup();
    fakeApi(versionRoutes);
    renderWithApp(<RoundForm documents={docs} onSubmit={vi.fn()} now={now} />);
    await user.selectOptions(screen.getByLabelText('Dokument'), 'd1');
    fireEvent.change(screen.getByLabelText('Otwarcie zbierania uwag'), { target: { value: '30.11.2026 11:00' } });
    // Announced today at the earliest: the 35th day after 30 November is 4 January.
    expect((screen.getByLabelText('Zamknięcie zbierania uwag') as HTMLInputElement).value).toBe('04.01.2027 23:59');
    expect(screen.getByText('Na zgłaszanie uwag: 35 dni od dnia ogłoszenia, jeśli konsultacje zostaną ogłoszone 30 listopada 2026.')).toBeTruthy();
    expect(warning()).toBeNull();
  });

  it('groups the audiences and channels under legends', () => {
    fakeApi(versionRoutes);
    renderWithApp(<RoundForm documents={docs} onSubmit={vi.fn()} now={now} />);
    const audiences = screen.getByRole('group', { name: 'Kogo pytamy' });
    expect(within(audiences).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, true]);
    const channels = screen.getByRole('group', { name: 'Sposoby zgłaszania uwag' });
    expect(within(channels).getAllByRole('checkbox')).toHaveLength(5);
    expect((within(channels).getByLabelText('ePUAP') as HTMLInputElement).checked).toBe(false);
  });

  it('warns, without refusing, while a strategy’s round is shorter than 35 days, and not above or for other kinds', async () => {
    const user = userEvent.setup();
    fakeApi(versionRoutes);
    const onSubmit = vi.fn();
    renderWithApp(<RoundForm documents={docs} onSubmit={onSubmit} now={now} />);
    const closes = screen.getByLabelText('Zamknięcie zbierania uwag');
    await user.selectOptions(screen.getByLabelText('Dokument'), 'd1');
    expect(warning()).toBeNull();
    fireEvent.change(closes, { target: { value: '20.12.2026 23:59' } });
    expect(warning()?.textContent).toContain('konsultacje strategii trwają tu 19 dni');
    // Announced politely, and tied to the field.
    expect(warning()?.closest('[role="status"]')).toBeTruthy();
    expect(closes.getAttribute('aria-describedby')).toContain('round-timetable-warning');
    // Closing in the morning of the 35th day leaves that day short: 34 whole days.
    fireEvent.change(closes, { target: { value: '05.01.2027 09:00' } });
    expect(warning()?.textContent).toContain('34 dni');
    fireEvent.change(closes, { target: { value: '10.01.2027 09:00' } });
    expect(warning()).toBeNull();
    expect(closes.getAttribute('aria-describedby')).not.toContain('round-timetable-warning');
    fireEvent.change(closes, { target: { value: '20.12.2026 09:00' } });
    await user.selectOptions(screen.getByLabelText('Dokument'), 'd2');
    expect(warning()).toBeNull();
    // A short round of a strategy can still be created.
    await user.selectOptions(screen.getByLabelText('Dokument'), 'd1');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Zamrożona wersja' }), 'v2');
    await user.type(screen.getByLabelText('Tytuł konsultacji'), 'Konsultacje strategii');
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('takes the addresses where the announcement and the report are published, one a line, and says which one is no web address', async () => {
    const user = userEvent.setup();
    fakeApi(versionRoutes);
    const onSubmit = vi.fn();
    renderWithApp(<RoundForm documents={docs} initial={{ documentId: 'd1', versionId: 'v2' }} onSubmit={onSubmit} now={now} />);
    await screen.findByRole('option', { name: 'Wersja 2: v1.0 — do konsultacji' });
    await user.type(screen.getByLabelText('Tytuł konsultacji'), 'Konsultacje');
    const publication = screen.getByRole('group', { name: 'Publikacja' });
    const announcement = within(publication).getByLabelText('Adresy ogłoszenia o konsultacjach (strona internetowa, BIP)');
    await user.type(announcement, 'https://som.example/konsultacje{Enter}bip.som.example/ogloszenie');
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(announcement);
    expect(document.getElementById(announcement.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('To nie jest adres strony (http:// lub https://): bip.som.example/ogloszenie');
    await user.clear(announcement);
    await user.type(announcement, ' https://som.example/konsultacje {Enter}{Enter}https://bip.som.example/ogloszenie');
    await user.type(within(publication).getByLabelText('Adresy publikacji sprawozdania'), 'https://bip.som.example/sprawozdania');
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ announcementUrls: ['https://som.example/konsultacje', 'https://bip.som.example/ogloszenie'], reportUrls: ['https://bip.som.example/sprawozdania'] });
  });

  it('says what is missing, next to each field, and puts the focus on the first', async () => {
    const user = userEvent.setup();
    fakeApi(versionRoutes);
    const onSubmit = vi.fn();
    renderWithApp(<RoundForm documents={docs} onSubmit={onSubmit} now={now} />);
    await user.click(screen.getByLabelText('mieszkańcy i wszyscy zainteresowani'));
    await user.click(screen.getByLabelText('członkowie stowarzyszenia'));
    await user.click(screen.getByLabelText('partnerzy społeczni i gospodarczy'));
    fireEvent.change(screen.getByLabelText('Zamknięcie zbierania uwag'), { target: { value: '20.11.2026 09:00' } });
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const documentSelect = screen.getByLabelText('Dokument');
    expect(document.activeElement).toBe(documentSelect);
    expect(documentSelect.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(documentSelect.getAttribute('aria-describedby')!)?.textContent).toBe('Wybierz konsultowany dokument.');
    expect(screen.getByText('Podaj tytuł konsultacji.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Kogo pytamy' }).getAttribute('aria-describedby')).toBe('round-audiences-error');
    expect(screen.getByText('Zaznacz co najmniej jedną grupę.')).toBeTruthy();
    expect(screen.getByText('Zamknięcie musi nastąpić po otwarciu.')).toBeTruthy();
  });

  it('says when the chosen document has no frozen version', async () => {
    const user = userEvent.setup();
    fakeApi(versionRoutes);
    renderWithApp(<RoundForm documents={docs} onSubmit={vi.fn()} now={now} />, { language: 'en' });
    await user.selectOptions(screen.getByLabelText('Document'), 'd2');
    expect(await screen.findByText(/This document has no frozen version yet/)).toBeTruthy();
  });
});

const created = { id: 'r9' } as Round;

describe('NewRoundPage', () => {
  const routes = { 'GET /workspaces/w1/documents': docs, ...versionRoutes };

  it('starts from the version chosen in the versions panel, sends the round and opens its page', async () => {
    const user = userEvent.setup();
    const page = renderPage(<NewRoundPage />, {
      route: '/w/:workspaceId/rounds/new',
      path: '/w/w1/rounds/new?documentId=d1&versionId=v2',
      role: 'coordinator',
      routes: { ...routes, 'POST /workspaces/w1/rounds': created },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nowa runda konsultacji' })).toBeTruthy();
    expect(((await screen.findByLabelText('Dokument')) as HTMLSelectElement).value).toBe('d1');
    await screen.findByRole('option', { name: 'Wersja 2: v1.0 — do konsultacji' });
    expect((screen.getByLabelText('Zamrożona wersja') as HTMLSelectElement).value).toBe('v2');
    await user.type(screen.getByLabelText('Tytuł konsultacji'), '  Konsultacje Strategii SOM 2030 ');
    await user.click(screen.getByLabelText('ePUAP'));
    await user.click(screen.getByLabelText('partnerzy społeczni i gospodarczy'));
    fireEvent.change(screen.getByLabelText('Otwarcie zbierania uwag'), { target: { value: '01.03.2030 09:00' } });
    await user.type(screen.getByLabelText('Klauzula informacyjna o danych osobowych'), 'Administratorem danych jest SSOM.');
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/rounds/r9'));
    const post = page.calls.find((c) => c.method === 'POST');
    expect(post).toEqual({
      method: 'POST',
      path: '/workspaces/w1/rounds',
      body: {
        documentId: 'd1',
        versionId: 'v2',
        title: 'Konsultacje Strategii SOM 2030',
        legalBasis: DEFAULT_LEGAL_BASIS,
        audiences: ['members', 'public'],
        channels: ['online_form', 'email', 'epuap'],
        opensAt: '2030-03-01T08:00:00.000Z',
        // The end of the 35th day after 1 March 2030 in Warsaw: 5 April, 23:59 summer time.
        closesAt: '2030-04-05T21:59:00.000Z',
        informationClause: 'Administratorem danych jest SSOM.',
      },
    });
  });

  it('leaves out an empty information clause (the server’s default applies)', async () => {
    const user = userEvent.setup();
    const page = renderPage(<NewRoundPage />, {
      route: '/w/:workspaceId/rounds/new',
      path: '/w/w1/rounds/new?documentId=d1&versionId=v2',
      role: 'coordinator',
      routes: { ...routes, 'POST /workspaces/w1/rounds': created },
    });
    await screen.findByRole('option', { name: 'Wersja 2: v1.0 — do konsultacji' });
    await user.type(screen.getByLabelText('Tytuł konsultacji'), 'Konsultacje');
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/rounds/r9'));
    expect(page.calls.find((c) => c.method === 'POST')?.body).not.toHaveProperty('informationClause');
  });

  it('shows the server’s field errors next to their fields', async () => {
    const user = userEvent.setup();
    const page = renderPage(<NewRoundPage />, {
      route: '/w/:workspaceId/rounds/new',
      path: '/w/w1/rounds/new?documentId=d1&versionId=v2',
      role: 'coordinator',
      routes: {
        ...routes,
        'POST /workspaces/w1/rounds': reply(400, {
          message: 'title must be shorter than or equal to 300 characters; versionId: no such version of a document of this workspace',
          errors: [
            { field: 'title', message: 'title must be shorter than or equal to 300 characters' },
            { field: 'versionId', message: 'no such version of a document of this workspace' },
          ],
        }),
      },
    });
    await screen.findByRole('option', { name: 'Wersja 2: v1.0 — do konsultacji' });
    await user.type(screen.getByLabelText('Tytuł konsultacji'), 'Konsultacje');
    await user.click(screen.getByRole('button', { name: 'Utwórz rundę konsultacji' }));
    expect(await screen.findByText('Popraw zaznaczone pola.')).toBeTruthy();
    const versionSelect = screen.getByLabelText('Zamrożona wersja');
    expect(versionSelect.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(versionSelect.getAttribute('aria-describedby')!)?.textContent).toBe('Ten dokument nie ma takiej wersji. Wybierz wersję z listy.');
    const title = screen.getByLabelText('Tytuł konsultacji');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain('round-title-error');
    expect(document.getElementById('round-title-error')?.textContent).toBe('Ta wartość jest nieprawidłowa.');
    await waitFor(() => expect(document.activeElement).toBe(versionSelect));
    expect(page.location()).toBe('/w/w1/rounds/new?documentId=d1&versionId=v2');
  });
});

describe('MeetingForm', () => {
  const round = (meetings: Round['meetings']) => ({ id: 'r1', meetings }) as Round;
  const held = { id: 'm1', startsAt: '2026-12-10T16:00:00.000Z', place: 'Police, ratusz', notes: '', participants: null, summary: '' };

  it('adds a meeting, hands the updated round back and clears itself', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({ 'POST /rounds/r1/meetings': round([held]) });
    const onAdded = vi.fn();
    renderWithApp(<MeetingForm roundId="r1" onAdded={onAdded} />);
    expect(screen.getByRole('form', { name: 'Dodaj spotkanie konsultacyjne' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Data i godzina'), { target: { value: '10.12.2026 17:00' } });
    await user.type(screen.getByLabelText('Miejsce'), ' Police, ratusz ');
    await user.type(screen.getByLabelText('Uwagi (nieobowiązkowe)'), 'Sala nr 1');
    await user.click(screen.getByRole('button', { name: 'Dodaj spotkanie' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      { method: 'POST', path: '/rounds/r1/meetings', body: { startsAt: '2026-12-10T16:00:00.000Z', place: 'Police, ratusz', notes: 'Sala nr 1' } },
    ]);
    expect(onAdded.mock.calls[0]![0].meetings).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Dodano spotkanie: .*, Police, ratusz\.$/));
    expect((screen.getByLabelText('Miejsce') as HTMLInputElement).value).toBe('');
  });

  it('records how many took part and a summary once the meeting was held, and refuses a count that is not a whole number', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({ 'PATCH /rounds/r1/meetings/m1': round([{ ...held, participants: 48, summary: 'Dyskusja o kolei.' }]) });
    const onAdded = vi.fn();
    renderWithApp(<MeetingForm roundId="r1" meeting={held} onAdded={onAdded} onCancel={vi.fn()} />);
    const participants = screen.getByLabelText('Liczba uczestników (nieobowiązkowa)');
    // Opened for changes, it takes the focus.
    expect(document.activeElement?.tagName).toBe('INPUT');
    await user.type(participants, '-3');
    await user.click(screen.getByRole('button', { name: 'Zapisz spotkanie' }));
    expect(calls).toEqual([]);
    expect(document.activeElement).toBe(participants);
    expect(screen.getByText('Podaj liczbę całkowitą: 0 lub więcej.')).toBeTruthy();
    await user.clear(participants);
    await user.type(participants, '48');
    const summary = screen.getByLabelText('Przebieg spotkania (nieobowiązkowy)');
    expect(document.getElementById(summary.getAttribute('aria-describedby')!)?.textContent).toContain('dane osobowe');
    await user.type(summary, ' Dyskusja o kolei. ');
    await user.click(screen.getByRole('button', { name: 'Zapisz spotkanie' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      { method: 'PATCH', path: '/rounds/r1/meetings/m1', body: { startsAt: '2026-12-10T16:00:00.000Z', place: 'Police, ratusz', notes: '', participants: 48, summary: 'Dyskusja o kolei.' } },
    ]);
    expect(onAdded.mock.calls[0]![1]).toMatch(/^Zapisano spotkanie: .*, Police, ratusz\.$/);
  });

  it('requires the date and the place', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({});
    renderWithApp(<MeetingForm roundId="r1" onAdded={vi.fn()} />, { language: 'en' });
    await user.click(screen.getByRole('button', { name: 'Add the meeting' }));
    expect(calls).toEqual([]);
    expect(document.activeElement).toBe(screen.getByLabelText('Date and time'));
    expect(screen.getByText('Enter where the meeting takes place.')).toBeTruthy();
  });
});

describe('Konsultuj tę wersję', () => {
  it('links each version of the versions panel to a new round on it, for coordinators only', async () => {
    const panel = <VersionsPanel workspaceId="w1" documentId="d1" canFreeze={false} />;
    const coordinator = renderPage(panel, { route: '/w/:workspaceId/d/:documentId', path: '/w/w1/d/d1', role: 'coordinator', routes: versionRoutes });
    const link = await screen.findByRole('link', { name: 'Konsultuj tę wersję: wersja 2 „v1.0 — do konsultacji”' });
    expect(link.getAttribute('href')).toBe('/w/w1/rounds/new?documentId=d1&versionId=v2');
    coordinator.unmount();
    renderPage(panel, { route: '/w/:workspaceId/d/:documentId', path: '/w/w1/d/d1', role: 'expert', routes: versionRoutes });
    await screen.findByRole('link', { name: 'Wersja 2: v1.0 — do konsultacji' });
    expect(screen.queryByRole('link', { name: /Konsultuj tę wersję/ })).toBeNull();
  });
});

describe('RoundForm changing a round', () => {
  const announced: Round = {
    id: 'r1',
    workspaceId: 'w1',
    document: { id: 'd1', title: 'Strategia SOM', kind: 'strategy' },
    version: { id: 'v2', number: 2, name: 'v1.0 — do konsultacji', contentHash: 'ab'.repeat(32) },
    title: 'Konsultacje Strategii SOM 2030',
    legalBasis: DEFAULT_LEGAL_BASIS,
    audiences: ['members', 'public'],
    channels: ['online_form'],
    opensAt: '2026-12-01T08:00:00.000Z',
    closesAt: '2027-01-05T22:59:00.000Z',
    informationClause: 'Administratorem danych jest SSOM.',
    state: 'announced',
    announcedAt: '2026-11-30T10:00:00.000Z',
    openedAt: null,
    closedAt: null,
    reportPublishedAt: null,
    reportDueAt: '2027-02-04T22:59:00.000Z',
    daysLeft: 36,
    commentCount: 0,
    warnings: [],
    meetings: [],
    announcementUrls: [],
    reportUrls: [],
    approval: null,
  };

  it('counts from the announcement made, keeps its close when the opening moves, warns of a short strategy round and sends only the changes', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const onCancel = vi.fn();
    const calls = fakeApi({});
    renderWithApp(<RoundForm editing={announced} onSave={onSave} onCancel={onCancel} now={now} />);
    // Announced on 30 November: the 35th day after it is 4 January, and the round closes at the end of 5 January.
    expect(screen.getByText('Na zgłaszanie uwag: 36 dni od dnia ogłoszenia (30 listopada 2026).')).toBeTruthy();
    expect(screen.queryByLabelText('Dokument')).toBeNull();
    expect(calls).toEqual([]);
    const opens = screen.getByLabelText('Otwarcie zbierania uwag') as HTMLInputElement;
    const closes = screen.getByLabelText('Zamknięcie zbierania uwag') as HTMLInputElement;
    fireEvent.change(opens, { target: { value: '02.12.2026 09:00' } });
    expect(closes.value).toBe('05.01.2027 23:59');
    fireEvent.change(closes, { target: { value: '20.12.2026 23:59' } });
    expect(warning()?.textContent).toBe('Ostrzeżenie: konsultacje strategii trwają tu 20 dni, krócej niż ustawowe 35 dni od dnia ogłoszenia (art. 6 ust. 5 ustawy o zasadach prowadzenia polityki rozwoju). Możesz mimo to zapisać zmiany.');
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    expect(onSave).toHaveBeenCalledWith({ opensAt: '2026-12-02T08:00:00.000Z', closesAt: '2026-12-20T22:59:00.000Z' });
    await user.click(screen.getByRole('button', { name: 'Anuluj' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('sends an emptied clause as empty, for the workspace default to apply', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<RoundForm editing={{ ...announced, state: 'draft', announcedAt: null }} onSave={onSave} onCancel={vi.fn()} now={now} />);
    await user.clear(screen.getByLabelText('Klauzula informacyjna o danych osobowych'));
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    expect(onSave).toHaveBeenCalledWith({ informationClause: '' });
  });
});
