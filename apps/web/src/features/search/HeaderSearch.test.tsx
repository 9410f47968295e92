import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { HeaderSearch, searchPageUrl } from './HeaderSearch';

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function open(language: 'pl' | 'en' = 'pl') {
  renderWithApp(
    <Routes>
      <Route
        path="*"
        element={
          <>
            <HeaderSearch workspaceId="w1" />
            <Where />
          </>
        }
      />
    </Routes>,
    { path: '/w/w1/projects', language },
  );
  return { where: () => screen.getByTestId('where').textContent };
}

describe('HeaderSearch', () => {
  it('is a labelled search landmark; Enter opens the results page with the words', async () => {
    const user = userEvent.setup();
    const { where } = open();
    const landmark = screen.getByRole('search', { name: 'Szukaj w przestrzeni roboczej' });
    const box = within(landmark).getByRole('searchbox', { name: 'Szukaj w przestrzeni roboczej' });
    // Reached with Tab, like every control.
    await user.tab();
    expect(document.activeElement).toBe(box);
    await user.keyboard('  szczecińskiego obszaru {Enter}');
    await waitFor(() => expect(where()).toBe('/w/w1/search?q=szczeci%C5%84skiego+obszaru'));
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('the button does the same, in English too; no words opens the page that asks for them', async () => {
    const user = userEvent.setup();
    const { where } = open('en');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(where()).toBe('/w/w1/search'));
    await user.type(screen.getByRole('searchbox', { name: 'Search the workspace' }), 'Strategja');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(where()).toBe('/w/w1/search?q=Strategja'));
  });

  it('builds the results address with the words encoded', () => {
    expect(searchPageUrl('w1', ' a&b #1 ')).toBe('/w/w1/search?q=a%26b+%231');
    expect(searchPageUrl('w1', '   ')).toBe('/w/w1/search');
  });
});
