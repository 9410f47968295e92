import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { InvitationPreview } from '../../api/types';
import { SessionProvider } from '../../session/session';
import { type ApiCall, fakeApi, type FakeRoute, meAs, reply } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { LoginPage } from '../auth/LoginPage';
import { InvitationPage } from './InvitationPage';

const TOKEN = 'tok_123-abc';

const invitation = (accountExists: boolean): InvitationPreview => ({
  workspace: { id: 'w2', name: 'Stowarzyszenie KOF' },
  email: 'ekspert@som.example',
  displayName: null,
  role: 'observer',
  organisation: null,
  accountExists,
  expiresAt: '2026-12-24T12:00:00.000Z',
});

const invitee = { ...meAs('expert', 'ekspert'), email: 'ekspert@som.example', displayName: 'Ekspert SSOM' };
const someoneElse = { ...meAs('coordinator', 'koordynator'), email: 'koordynator@som.example' };

/** Where the router is now, for the test to read. */
function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** The invitation page as the app routes it, with the sign-in page beside it and the session from GET /auth/me. */
function openInvitation(routes: Record<string, FakeRoute>): ApiCall[] {
  const calls = fakeApi({ [`GET /invitations/${TOKEN}`]: invitation(true), ...routes });
  renderWithApp(
    <SessionProvider>
      <Routes>
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/w/:workspaceId" element={<p>workspace</p>} />
      </Routes>
      <Location />
    </SessionProvider>,
    { path: `/invitation?token=${TOKEN}` },
  );
  return calls;
}

const location = () => screen.getByTestId('location').textContent;
const accepts = (calls: ApiCall[]) => calls.filter((c) => c.method === 'POST' && c.path === `/invitations/${TOKEN}/accept`);

describe('InvitationPage, for an address that already has an account', () => {
  it('signed out: offers no accept, links to the sign-in page, which brings the person back to accept', async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const calls = openInvitation({
      'GET /auth/me': () => (signedIn ? invitee : reply(401, { message: 'sign in first' })),
      'POST /auth/login': () => {
        signedIn = true;
        return { token: 't', expiresAt: '2026-12-31T00:00:00.000Z', user: { id: invitee.id, email: invitee.email, displayName: invitee.displayName } };
      },
      [`POST /invitations/${TOKEN}/accept`]: { workspaceId: 'w2', role: 'observer' },
    });
    expect(await screen.findByText('Adres ekspert@som.example ma już konto w Commonplan. Aby przyjąć zaproszenie, zaloguj się na to konto.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Przyjmij zaproszenie' })).toBeNull();
    const link = screen.getByRole('link', { name: 'Zaloguj się, aby przyjąć zaproszenie' });
    expect(link.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/invitation?token=${TOKEN}`)}`);

    await user.click(link);
    await user.type(await screen.findByLabelText('Adres e-mail'), 'ekspert@som.example');
    await user.type(screen.getByLabelText('Hasło'), 'demo-ssom-2026');
    await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    await waitFor(() => expect(location()).toBe(`/invitation?token=${TOKEN}`));
    expect(await screen.findByText('Zalogowano jako ekspert@som.example. Przyjmij zaproszenie, aby dołączyć do tej przestrzeni.')).toBeTruthy();
    expect(accepts(calls)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Przyjmij zaproszenie' }));
    await waitFor(() => expect(location()).toBe('/w/w2'));
    expect(accepts(calls)).toEqual([{ method: 'POST', path: `/invitations/${TOKEN}/accept`, body: {} }]);
  });

  it('signed in as someone else: says so, offers no accept, and signs out to let the invited person sign in', async () => {
    const user = userEvent.setup();
    let signedIn = true;
    const calls = openInvitation({
      'GET /auth/me': () => (signedIn ? someoneElse : reply(401, { message: 'sign in first' })),
      'POST /auth/logout': () => {
        signedIn = false;
        return reply(204);
      },
    });
    expect(
      await screen.findByText('Zalogowano jako koordynator@som.example, a zaproszenie jest dla konta ekspert@som.example. Aby je przyjąć, wyloguj się i zaloguj na konto ekspert@som.example.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Przyjmij zaproszenie' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Wyloguj się, aby zalogować się jako ekspert@som.example' }));
    const link = await screen.findByRole('link', { name: 'Zaloguj się, aby przyjąć zaproszenie' });
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/auth/logout')).toBe(true);
    expect(accepts(calls)).toEqual([]);
  });

  it('when the session ended before accepting: shows why and the way to sign in', async () => {
    const user = userEvent.setup();
    let signedIn = true;
    openInvitation({
      'GET /auth/me': () => (signedIn ? invitee : reply(401, { message: 'sign in first' })),
      [`POST /invitations/${TOKEN}/accept`]: () => {
        signedIn = false;
        return reply(401, { statusCode: 401, code: 'sign_in_required', message: 'this invitation is for an existing account: sign in as the invited person, then accept it' });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Przyjmij zaproszenie' }));
    expect(await screen.findByRole('link', { name: 'Zaloguj się, aby przyjąć zaproszenie' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('To zaproszenie jest dla istniejącego konta. Zaloguj się na nie, aby przyjąć zaproszenie.');
    expect(location()).toBe(`/invitation?token=${TOKEN}`);
  });
});

describe('InvitationPage, for a new address', () => {
  it('creates the account with a name and password, signed out, and goes to the workspace', async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const calls = openInvitation({
      [`GET /invitations/${TOKEN}`]: { ...invitation(false), email: 'nowa@som.example', displayName: 'Nowa Osoba' },
      'GET /auth/me': () => (signedIn ? { ...invitee, email: 'nowa@som.example' } : reply(401, { message: 'sign in first' })),
      [`POST /invitations/${TOKEN}/accept`]: () => {
        signedIn = true;
        return { token: 't', expiresAt: '2026-12-31T00:00:00.000Z', user: { id: 'u9', email: 'nowa@som.example', displayName: 'Nowa Osoba' } };
      },
    });
    expect(await screen.findByText('Utwórz konto dla adresu nowa@som.example: podaj imię i nazwisko oraz hasło.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Zaloguj się, aby przyjąć zaproszenie' })).toBeNull();
    await user.type(screen.getByLabelText('Hasło'), 'planowanie przestrzenne');
    await user.click(screen.getByRole('button', { name: 'Przyjmij zaproszenie' }));
    await waitFor(() => expect(location()).toBe('/w/w2'));
    expect(accepts(calls).map((c) => c.body)).toEqual([{ displayName: 'Nowa Osoba', password: 'planowanie przestrzenne' }]);
  });
});
