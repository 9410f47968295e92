import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Link, MemoryRouter, Navigate, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { KEEP_FOCUS, NavigationFocusProvider } from './navigation-focus';
import { PageHeading } from './PageHeading';

function App() {
  return (
    <I18nextProvider i18n={createI18n('pl')}>
      <MemoryRouter initialEntries={['/']}>
        <NavigationFocusProvider>
          <Routes>
            <Route path="/" element={<Navigate to="/one" replace />} />
            <Route
              path="/one"
              element={
                <>
                  <PageHeading title="One">Page one</PageHeading>
                  <Link to="/two">to two</Link>
                  <Link to="/one?filter=x" state={KEEP_FOCUS}>
                    filter
                  </Link>
                </>
              }
            />
            <Route path="/two" element={<PageHeading title="Two">Page two</PageHeading>} />
          </Routes>
        </NavigationFocusProvider>
      </MemoryRouter>
    </I18nextProvider>
  );
}

describe('focus after navigation', () => {
  it('leaves the first page and its redirects alone, then focuses the heading of each new page', async () => {
    const user = userEvent.setup();
    render(<App />);
    const one = await screen.findByRole('heading', { name: 'Page one' });
    expect(document.activeElement).not.toBe(one);
    await user.click(screen.getByRole('link', { name: 'to two' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Page two' })));
    expect(document.title).toBe('Two – Commonplan');
  });

  it('leaves the focus alone on a navigation that only filters what the page shows', async () => {
    const user = userEvent.setup();
    render(<App />);
    const filter = await screen.findByRole('link', { name: 'filter' });
    await user.click(filter);
    await act(async () => undefined);
    expect(document.activeElement).toBe(filter);
    await user.click(screen.getByRole('link', { name: 'to two' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Page two' })));
  });
});
