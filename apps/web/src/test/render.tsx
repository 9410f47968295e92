// Renders a component the way the app does: with its own i18next instance (Polish unless told) and a router.
import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { createI18n, type Language } from '../i18n';

export function renderWithApp(ui: ReactElement, options: { language?: Language; path?: string } = {}): RenderResult & { i18n: I18n } {
  const i18n = createI18n(options.language ?? 'pl');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
    </I18nextProvider>,
  );
  return { ...result, i18n };
}

/** Text with every kind of space made a plain one (Intl puts non-breaking spaces in Polish numbers). */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
