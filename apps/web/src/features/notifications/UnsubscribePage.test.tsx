import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../session/session';
import { type ApiCall, fakeApi, type FakeRoute, meAs, reply } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { UnsubscribePage, type UnsubscribeSubject } from './UnsubscribePage';

const TOKEN = 'eyJ1IjoidTEiLCJjIjpbIm1lbnRpb25zIl19.c2lnbmF0dXJl';
const PATH = `/public/unsubscribe?token=${encodeURIComponent(TOKEN)}`;

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search + location.hash}</output>;
}

/** The public page as the app routes it, signed out unless told (GET /auth/me). */
function openPage(routes: Record<string, FakeRoute>, options: { path?: string; language?: 'pl' | 'en'; signedIn?: boolean } = {}): ApiCall[] {
  const calls = fakeApi({ 'GET /auth/me': options.signedIn ? meAs('expert') : reply(401, { message: 'sign in first' }), ...routes });
  renderWithApp(
    <SessionProvider>
      <Routes>
        <Route path="/unsubscribe" element={<UnsubscribePage />} />
        <Route path="*" element={<p>elsewhere</p>} />
      </Routes>
      <Location />
    </SessionProvider>,
    { path: options.path ?? `/unsubscribe?token=${encodeURIComponent(TOKEN)}`, language: options.language },
  );
  return calls;
}

const subject = (unsubscribed: boolean, account = true, categories: UnsubscribeSubject['categories'] = ['mentions', 'votes']): UnsubscribeSubject => ({
  categories,
  account,
  unsubscribed,
});

describe('UnsubscribePage', () => {
  it('says what the link stops, stops it with one button, confirms, and offers the settings after signing in', async () => {
    const user = userEvent.setup();
    let stopped = false;
    const calls = openPage({
      [`GET ${PATH}`]: () => subject(stopped),
      [`POST ${PATH}`]: () => {
        stopped = true;
        return subject(true);
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Wypisanie z wiadomości e-mail' });
    expect(await screen.findByText('Ten link wyłącza wiadomości e-mail z kategorii:')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Wzmianki i odpowiedzi', 'Głosowania']);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Wypisz mnie' }));
    const done = await screen.findByText('Gotowe. Nie dostaniesz już wiadomości e-mail z tych kategorii.');
    expect(done.closest('[role="status"]')).toBeTruthy();
    // The confirmation takes the focus in an effect once it is drawn.
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([PATH]);
    expect(screen.queryByRole('button', { name: 'Wypisz mnie' })).toBeNull();
    expect(screen.getByText('Powiadomienia nadal będą widoczne w aplikacji.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Zaloguj się, aby zmienić ustawienia powiadomień' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent('/account#notifications')}`,
    );
  });

  it('says when the e-mails are already stopped; signed in, links straight to the settings', async () => {
    openPage({ [`GET ${PATH}`]: subject(true) }, { signedIn: true, language: 'en' });
    expect(await screen.findByText('These e-mails are already stopped.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unsubscribe me' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Change your notification settings' }).getAttribute('href')).toBe('/account#notifications'));
  });

  it('for an address without an account, names the reports and offers no settings', async () => {
    const user = userEvent.setup();
    openPage({ [`GET ${PATH}`]: subject(false, false, ['reports']), [`POST ${PATH}`]: subject(true, false, ['reports']) });
    expect(await screen.findByText('Sprawozdania z konsultacji')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Wypisz mnie' }));
    await screen.findByText('Gotowe. Nie dostaniesz już wiadomości e-mail z tych kategorii.');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says a bad link is bad, in the reader’s language', async () => {
    const invalid = reply(400, {
      status: 400,
      detail: 'token: not a valid unsubscribe link',
      errors: [{ field: 'token', message: 'not a valid unsubscribe link (copy the whole link from the e-mail)', code: 'unsubscribe_link_invalid' }],
    });
    openPage({ [`GET ${PATH}`]: invalid });
    expect(await screen.findByText('Ten link do wypisania się jest nieprawidłowy. Skopiuj cały link z wiadomości.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Wypisz mnie' })).toBeNull();
  });

  it('without a token asks nothing and says the link is incomplete', async () => {
    const calls = openPage({}, { path: '/unsubscribe', language: 'en' });
    expect(await screen.findByText('This unsubscribe link is not valid. Copy the whole link from the e-mail.')).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('/public'))).toEqual([]);
  });

  it('says why stopping failed and lets the reader try again', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    openPage({
      [`GET ${PATH}`]: subject(false),
      [`POST ${PATH}`]: () => (++attempts === 1 ? reply(503, { message: 'down' }) : subject(true)),
    });
    await user.click(await screen.findByRole('button', { name: 'Wypisz mnie' }));
    expect(await screen.findByText('Serwer napotkał błąd. Spróbuj ponownie za chwilę.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Wypisz mnie' }));
    expect(await screen.findByText('Gotowe. Nie dostaniesz już wiadomości e-mail z tych kategorii.')).toBeTruthy();
    expect(screen.queryByText('Serwer napotkał błąd. Spróbuj ponownie za chwilę.')).toBeNull();
  });
});
