import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, reply } from '../../test/fake-api';
import { AccountPage } from './AccountPage';
import type { SessionInfo } from './account-api';
import { describeDevice } from './device';

const session = (id: string, current: boolean, userAgent: string | null): SessionInfo => ({
  id,
  current,
  userAgent,
  ip: current ? '192.0.2.10' : '198.51.100.7',
  createdAt: '2026-12-06T08:00:00.000Z',
  lastSeenAt: '2026-12-06T09:00:00.000Z',
  expiresAt: '2026-12-06T20:00:00.000Z',
});

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

describe('AccountPage', () => {
  it('lists the person’s sessions, marks this device, and signs another device out', async () => {
    let sessions = [session('s1', true, FIREFOX_WINDOWS), session('s2', false, CHROME_ANDROID)];
    const page = renderPage(<AccountPage />, {
      route: '/account',
      path: '/account',
      role: 'expert',
      routes: {
        'GET /auth/sessions': () => sessions,
        'DELETE /auth/sessions/s2': () => {
          sessions = sessions.filter((s) => s.id !== 's2');
          return undefined;
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Aktywne sesje Twojego konta, od najnowszej' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Firefox, Windows to urządzenie', 'Chrome, Android']);
    expect(within(rows[0]).queryByRole('button')).toBeNull();

    await userEvent.click(within(rows[1]).getByRole('button', { name: /Wyloguj urządzenie Chrome, Android/ }));
    expect(await screen.findByText('Wylogowane urządzenia: 1.')).toBeTruthy();
    expect(page.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/auth/sessions/s2']);
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Wyloguj wszystkie inne urządzenia' })).toBeNull();
  });

  it('signs every other device out at once, in English too', async () => {
    const page = renderPage(<AccountPage />, {
      route: '/account',
      path: '/account',
      role: 'coordinator',
      language: 'en',
      routes: {
        'GET /auth/sessions': [session('s1', true, null), session('s2', false, null), session('s3', false, null)],
        'POST /auth/sessions/end-others': { ended: 2 },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out every other device' }));
    expect(await screen.findByText('Devices signed out: 2.')).toBeTruthy();
    expect(page.calls.some((c) => c.method === 'POST' && c.path === '/auth/sessions/end-others')).toBe(true);
    expect(screen.getAllByRole('rowheader')[0].textContent).toBe('Unknown device this device');
  });

  it('says why the list could not be read', async () => {
    renderPage(<AccountPage />, { route: '/account', path: '/account', role: 'expert', routes: { 'GET /auth/sessions': reply(503, { message: 'down' }) } });
    // The page's other sections have their own alerts: this one says that the server failed.
    expect(await screen.findByText('Serwer napotkał błąd. Spróbuj ponownie za chwilę.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('describeDevice', () => {
  it('names the browser and the system, Edge and Opera before the Chrome they also claim', () => {
    expect(describeDevice(FIREFOX_WINDOWS)).toBe('Firefox, Windows');
    expect(describeDevice(CHROME_ANDROID)).toBe('Chrome, Android');
    expect(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15')).toBe('Safari, macOS');
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0')).toBe('Edge, Windows');
    expect(describeDevice('curl/8.5.0')).toBeNull();
    expect(describeDevice(null)).toBeNull();
  });
});
