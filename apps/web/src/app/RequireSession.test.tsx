import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../session/session';
import { fakeApi, reply } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { RequireSession } from './RequireSession';

function LoginTarget() {
  const location = useLocation();
  return <p>{`login ${location.search}`}</p>;
}

describe('RequireSession', () => {
  it('sends a signed-out reader to sign in and back to the same place, with its section', async () => {
    fakeApi({ 'GET /auth/me': reply(401, { message: 'sign in' }) });
    renderWithApp(
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginTarget />} />
          <Route element={<RequireSession />}>
            <Route path="/account" element={<p>account</p>} />
          </Route>
        </Routes>
      </SessionProvider>,
      { path: '/account?tab=1#notifications' },
    );
    const target = await screen.findByText(/^login /);
    expect(target.textContent).toBe(`login ?next=${encodeURIComponent('/account?tab=1#notifications')}`);
  });
});
