// Renders a component the way the app does: with its own i18next instance (Polish unless told), a router and a fresh
// query client (nothing cached from another test).
import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach } from 'vitest';
import { ApiQueryProvider, createQueryClient } from '../api/query-client';
import { createI18n, type Language } from '../i18n';

const clients: QueryClient[] = [];

// The answers cached in a test, and their timers, end with it.
afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
});

export function renderWithApp(
  ui: ReactElement,
  options: { language?: Language; path?: string } = {},
): RenderResult & { i18n: I18n; queryClient: QueryClient } {
  const i18n = createI18n(options.language ?? 'pl');
  const queryClient = createQueryClient();
  // The app's defaults, but a failure worth retrying is retried at once: a test does not wait seconds for its error.
  queryClient.setDefaultOptions({ ...queryClient.getDefaultOptions(), queries: { ...queryClient.getDefaultOptions().queries, retryDelay: 0 } });
  clients.push(queryClient);
  const result = render(
    <ApiQueryProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
      </I18nextProvider>
    </ApiQueryProvider>,
  );
  return { ...result, i18n, queryClient };
}

/** Text with every kind of space made a plain one (Intl puts non-breaking spaces in Polish numbers). */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
