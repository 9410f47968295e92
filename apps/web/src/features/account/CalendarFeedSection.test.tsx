import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../i18n/format';
import { renderPage, reply } from '../../test/fake-api';
import { type CalendarFeedStatus, CalendarFeedSection } from './CalendarFeedSection';

const URL_1 = 'https://commonplan.example/api/public/calendar/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE.ics';
const URL_2 = 'https://commonplan.example/api/public/calendar/ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-ZyXwV.ics';
const CREATED = '2026-12-06T08:00:00.000Z';

/** A fake feed on the server: its status, a new address replacing the old one, revoking. */
function fakeFeed(active: boolean, urls: string[]) {
  let status: CalendarFeedStatus = active ? { active: true, createdAt: CREATED } : { active: false, createdAt: null };
  return {
    'GET /me/calendar-feed': () => status,
    'POST /me/calendar-feed': () => {
      status = { active: true, createdAt: CREATED };
      return reply(201, { url: urls.shift() });
    },
    'DELETE /me/calendar-feed': () => {
      status = { active: false, createdAt: null };
      return reply(204);
    },
  };
}

describe('CalendarFeedSection', () => {
  it('makes a calendar link, shows it once with its secrecy told, and copies it', async () => {
    const user = userEvent.setup();
    const page = renderPage(<CalendarFeedSection />, { route: '/account', path: '/account', role: 'representative', routes: fakeFeed(false, [URL_1]) });
    const section = await screen.findByRole('region', { name: 'Kalendarz' });
    expect(await within(section).findByText('Nie masz aktywnego linku do kalendarza.')).toBeTruthy();
    expect(within(section).queryByRole('textbox')).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Utwórz link do kalendarza' }));
    const field = await within(section).findByRole('textbox', { name: 'Twój link do kalendarza' });
    expect((field as HTMLInputElement).value).toBe(URL_1);
    expect((field as HTMLInputElement).readOnly).toBe(true);
    // The note that it is secret describes the field.
    expect(field.getAttribute('aria-describedby')).toBe('calendar-feed-secret');
    expect(document.getElementById('calendar-feed-secret')?.textContent).toMatch(/^Ten link jest tajny/);
    expect(within(section).getByRole('status').textContent).toBe('Utworzono link do kalendarza. Skopiuj go teraz – nie pokażemy go ponownie.');
    expect(await within(section).findByText(`Link do kalendarza jest aktywny (utworzony ${formatDateTime(CREATED, 'pl')}).`)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Otwórz w aplikacji kalendarza' }).getAttribute('href')).toBe(URL_1.replace('https:', 'webcal:'));

    await user.click(within(section).getByRole('button', { name: 'Kopiuj link' }));
    expect(await within(section).findByText('Link skopiowany do schowka.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(URL_1);
    expect(page.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual(['POST /me/calendar-feed']);
  });

  it('says an active link is not shown again, and revokes it after asking, in English too', async () => {
    const user = userEvent.setup();
    const page = renderPage(<CalendarFeedSection />, { route: '/account', path: '/account', role: 'coordinator', language: 'en', routes: fakeFeed(true, []) });
    const section = await screen.findByRole('region', { name: 'Calendar' });
    expect(await within(section).findByText(`Your calendar link is active (created ${formatDateTime(CREATED, 'en')}).`)).toBeTruthy();
    expect(within(section).getByText(/shown only once/)).toBeTruthy();
    expect(within(section).queryByRole('textbox')).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Revoke link' }));
    const question = within(section).getByRole('group', { name: /Revoke your calendar link\?/ });
    // Nothing is revoked before the person confirms.
    expect(page.calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(within(question).getByRole('button', { name: 'Revoke' }));
    expect(await within(section).findByText('Your calendar link is revoked.')).toBeTruthy();
    expect(await within(section).findByText('You have no active calendar link.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/me/calendar-feed']);
    expect(within(section).getByRole('button', { name: 'Create a calendar link' })).toBeTruthy();
  });

  it('replaces an active link with a new one only once the person confirms', async () => {
    const user = userEvent.setup();
    const page = renderPage(<CalendarFeedSection />, { route: '/account', path: '/account', role: 'partner', routes: fakeFeed(true, [URL_2]) });
    const section = await screen.findByRole('region', { name: 'Kalendarz' });
    await user.click(await within(section).findByRole('button', { name: 'Utwórz nowy link' }));
    const question = within(section).getByRole('group', { name: /Dotychczasowy przestanie działać/ });
    await user.click(within(question).getByRole('button', { name: 'Anuluj' }));
    expect(page.calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(within(section).getByRole('button', { name: 'Utwórz nowy link' }));
    await user.click(within(within(section).getByRole('group')).getByRole('button', { name: 'Utwórz nowy link' }));
    expect(((await within(section).findByRole('textbox', { name: 'Twój link do kalendarza' })) as HTMLInputElement).value).toBe(URL_2);
    expect(page.calls.filter((c) => c.method === 'POST').length).toBe(1);
  });

  it('says why the link could not be made', async () => {
    const user = userEvent.setup();
    renderPage(<CalendarFeedSection />, {
      route: '/account',
      path: '/account',
      role: 'observer',
      routes: { 'GET /me/calendar-feed': { active: false, createdAt: null }, 'POST /me/calendar-feed': reply(503, { message: 'down' }) },
    });
    const section = await screen.findByRole('region', { name: 'Kalendarz' });
    await user.click(await within(section).findByRole('button', { name: 'Utwórz link do kalendarza' }));
    await waitFor(() => expect(within(section).getByRole('alert').textContent).not.toBe(''));
    expect(within(section).queryByRole('textbox')).toBeNull();
  });
});
