import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import { type FakeRoute, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { plain } from '../../test/render';
import { WorkspaceContext } from '../workspace/workspace-context';
import type { MeetingView } from './decisions-api';
import { assembly, meeting } from './fixtures';
import { MeetingPage } from './MeetingPage';

// No socket in a component test: the page's live events are not needed here.
vi.mock('./useMeetingEvents', () => ({ useMeetingEvents: () => undefined }));

const withProxies = { ...assembly, rules: { ...assembly.rules, general: { ...assembly.rules.general, proxiesAllowed: true } } };

/** A planned meeting on 2 December 2026 at 11:00 Warsaw time (10:00 UTC). */
const planned = (extra: Partial<MeetingView> = {}) => meeting(['absent', 'absent', 'absent'], { state: 'planned', openedAt: null, term: null, ...extra });

function openPage(options: { role?: Role; meetings: MeetingView[]; routes?: Record<string, FakeRoute>; language?: 'pl' | 'en' }) {
  const role = options.role ?? 'coordinator';
  let reads = 0;
  const workspace = { ...workspaceOf(role), organisationId: role === 'representative' ? 'm1' : null, organisationName: role === 'representative' ? 'Gmina Police' : null };
  return renderPage(
    <WorkspaceContext.Provider value={workspace}>
      <MeetingPage />
    </WorkspaceContext.Provider>,
    {
      route: '/w/:workspaceId/meetings/:meetingId',
      path: '/w/w1/meetings/mt1',
      role,
      language: options.language,
      routes: { 'GET /meetings/mt1': () => options.meetings[Math.min(reads++, options.meetings.length - 1)], 'GET /bodies/b1': assembly, ...options.routes },
    },
  );
}

describe('changing a planned meeting', () => {
  it('sends only what changed, says that those invited get the updated invitation, and shows the new time', async () => {
    const user = userEvent.setup();
    const changed = planned({ startsAt: '2026-12-02T12:30:00.000Z', place: 'Police, Urząd Miejski' });
    const page = openPage({ meetings: [planned()], routes: { 'PATCH /meetings/mt1': changed } });
    const section = await screen.findByRole('region', { name: 'Zmiana lub odwołanie posiedzenia' });
    expect(plain(section.textContent)).toContain('dostaną wiadomość z zaktualizowanym zaproszeniem do kalendarza');
    const toggle = within(section).getByRole('button', { name: 'Zmień termin, miejsce lub nazwę' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = within(section).getByRole('form', { name: 'Zmiana posiedzenia' });
    // The form starts from the meeting as it is (Warsaw time).
    expect((within(form).getByLabelText('Nazwa posiedzenia') as HTMLInputElement).value).toBe('XXI Walne Zebranie Członków');
    const startsAt = within(form).getByLabelText(/Data i godzina posiedzenia/) as HTMLInputElement;
    expect(startsAt.value).toBe('02.12.2026 11:00');

    // Nothing changed: nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany i powiadom zaproszonych' }));
    expect(plain(within(form).getByRole('alert').textContent)).toBe('Nic nie zostało zmienione.');
    expect(page.calls.some((c) => c.method === 'PATCH')).toBe(false);

    await user.clear(startsAt);
    await user.type(startsAt, '02.12.2026 13:30');
    const place = within(form).getByLabelText('Miejsce posiedzenia');
    await user.clear(place);
    await user.type(place, 'Police, Urząd Miejski');
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany i powiadom zaproszonych' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'PATCH')).toEqual({ method: 'PATCH', path: '/meetings/mt1', body: { startsAt: '2026-12-02T12:30:00.000Z', place: 'Police, Urząd Miejski' } }));
    expect(await screen.findByText('Zmiany zostały zapisane. Zaproszeni dostaną zaktualizowane zaproszenie.')).toBeTruthy();
    await waitFor(() => expect(plain(document.querySelector('dl.facts')?.textContent)).toContain('Police, Urząd Miejski'));
    expect(screen.queryByRole('form', { name: 'Zmiana posiedzenia' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('change-meeting'));
  });

  it('checks the second term before sending, removes it when emptied, and puts the API’s refusal on the field', async () => {
    const user = userEvent.setup();
    const page = openPage({
      meetings: [planned({ secondTermAt: '2026-12-02T10:30:00.000Z' })],
      routes: { 'PATCH /meetings/mt1': reply(409, { statusCode: 409, code: 'meeting_state', message: 'a meeting that is open cannot be changed' }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Zmień termin, miejsce lub nazwę' }));
    const form = screen.getByRole('form', { name: 'Zmiana posiedzenia' });
    const second = within(form).getByLabelText(/Drugi termin/) as HTMLInputElement;
    expect(second.value).toBe('02.12.2026 11:30');
    await user.clear(second);
    await user.type(second, '02.12.2026 10:30');
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany i powiadom zaproszonych' }));
    expect(within(form).getByText('Drugi termin musi przypadać po pierwszym.')).toBeTruthy();
    expect(document.activeElement).toBe(second);
    expect(page.calls.some((c) => c.method === 'PATCH')).toBe(false);

    await user.clear(second);
    await user.click(within(form).getByRole('button', { name: 'Zapisz zmiany i powiadom zaproszonych' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ secondTermAt: null }));
    // The alert region is always in the form: its text is waited for.
    await waitFor(() => expect(plain(within(form).getByRole('alert').textContent)).toBe('Posiedzenie jest już w innym stanie. Odśwież stronę.'));
  });
});

describe('cancelling a planned meeting', () => {
  it('asks for the reason, then for a confirmation, and shows the meeting as cancelled without its controls', async () => {
    const user = userEvent.setup();
    const cancelled = planned({ state: 'cancelled', cancelledAt: '2026-11-30T08:00:00.000Z', cancelReason: 'Brak sali; nowy termin podamy wkrótce.' });
    const page = openPage({ meetings: [planned()], routes: { 'POST /meetings/mt1/cancel': cancelled } });
    const section = await screen.findByRole('region', { name: 'Zmiana lub odwołanie posiedzenia' });
    await user.click(within(section).getByRole('button', { name: 'Odwołaj posiedzenie' }));
    const form = within(section).getByRole('form', { name: 'Odwołanie posiedzenia' });
    await user.click(within(form).getByRole('button', { name: 'Odwołaj posiedzenie…' }));
    expect(within(form).getByText('Podaj powód odwołania posiedzenia.')).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText('Powód odwołania'));

    await user.type(within(form).getByLabelText('Powód odwołania'), 'Brak sali; nowy termin podamy wkrótce.');
    await user.click(within(form).getByRole('button', { name: 'Odwołaj posiedzenie…' }));
    const confirm = within(form).getByRole('group', { name: /Odwołać posiedzenie „XXI Walne Zebranie Członków”\?/ });
    expect(page.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Tak, odwołaj posiedzenie' }));
    await waitFor(() => expect(page.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/meetings/mt1/cancel', body: { reason: 'Brak sali; nowy termin podamy wkrótce.' } }));
    expect(await screen.findByText('Posiedzenie zostało odwołane. Zaproszeni dostaną odwołanie.')).toBeTruthy();
    // Shown as cancelled, with the reason; nothing more to change, open, check in to or minute.
    expect(await screen.findByText('To posiedzenie zostało odwołane.')).toBeTruthy();
    expect(screen.getByText('Powód odwołania: Brak sali; nowy termin podamy wkrótce.')).toBeTruthy();
    expect(plain(document.querySelector('dl.facts')?.textContent)).toContain('Stanodwołane');
    expect(screen.queryByRole('region', { name: 'Zmiana lub odwołanie posiedzenia' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Otwórz posiedzenie' })).toBeNull();
    expect(document.getElementById('quorum')).toBeNull();
    expect(screen.queryByRole('link', { name: /protokół/i })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('page-heading'));
  });

  it('abandons the cancellation on "Cancel", and says the API’s refusal', async () => {
    const user = userEvent.setup();
    const page = openPage({ meetings: [planned()], routes: { 'POST /meetings/mt1/cancel': reply(409, { statusCode: 409, code: 'meeting_cancelled', message: 'the meeting was cancelled' }) } });
    await user.click(await screen.findByRole('button', { name: 'Odwołaj posiedzenie' }));
    let form = screen.getByRole('form', { name: 'Odwołanie posiedzenia' });
    await user.type(within(form).getByLabelText('Powód odwołania'), 'Powód');
    await user.click(within(form).getByRole('button', { name: 'Odwołaj posiedzenie…' }));
    await user.click(within(form).getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('form', { name: 'Odwołanie posiedzenia' })).toBeNull();
    expect(document.activeElement?.id).toBe('cancel-meeting');
    expect(page.calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Odwołaj posiedzenie' }));
    form = screen.getByRole('form', { name: 'Odwołanie posiedzenia' });
    await user.type(within(form).getByLabelText('Powód odwołania'), 'Powód');
    await user.click(within(form).getByRole('button', { name: 'Odwołaj posiedzenie…' }));
    await user.click(within(form).getByRole('button', { name: 'Tak, odwołaj posiedzenie' }));
    await waitFor(() => expect(plain(within(form).getByRole('alert').textContent)).toBe('To posiedzenie zostało odwołane.'));
  });
});

describe('a cancelled meeting', () => {
  const cancelled = planned({ state: 'cancelled', cancelledAt: '2026-11-30T08:00:00.000Z', cancelReason: 'No room.' });

  it('is shown as cancelled to a representative, in English, with no check-in, proxy or ballot', async () => {
    openPage({ role: 'representative', language: 'en', meetings: [cancelled], routes: { 'GET /bodies/b1': withProxies } });
    expect(await screen.findByText('This meeting has been cancelled.')).toBeTruthy();
    expect(screen.getByText('Reason: No room.')).toBeTruthy();
    expect(plain(document.querySelector('dl.facts')?.textContent)).toContain('Statecancelled');
    expect(screen.queryByRole('button', { name: 'I confirm my presence' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Proxy vote' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Minutes/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Change or cancel the meeting' })).toBeNull();
  });

  it('(unlike a planned one, where the representative checks in or hands over the vote)', async () => {
    openPage({ role: 'representative', language: 'en', meetings: [planned()], routes: { 'GET /bodies/b1': withProxies } });
    expect(await screen.findByRole('button', { name: 'I confirm my presence' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Proxy vote' })).toBeTruthy();
    expect(screen.queryByText('This meeting has been cancelled.')).toBeNull();
  });

  it('offers a coordinator no changes of a meeting that is open', async () => {
    openPage({ meetings: [meeting(['present', 'present', 'absent'])] });
    await screen.findByRole('heading', { level: 1, name: 'XXI Walne Zebranie Członków' });
    expect(screen.queryByRole('region', { name: 'Zmiana lub odwołanie posiedzenia' })).toBeNull();
  });
});
