import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../i18n';
import { renderWithApp } from '../../test/render';
import { LiveState } from './DocumentPage';
import { ConnectionIndicator, SavedIndicator } from './LiveIndicators';
import { connectionState, savedState } from './useLiveDocument';

/** Renders with i18next around the component, kept on rerender (which replaces only the component). */
function renderInLanguage(ui: ReactNode, language: Language = 'pl') {
  const i18n = createI18n(language);
  return render(ui, { wrapper: ({ children }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider> });
}

describe('the connection and saved indicators', () => {
  it('say each state in words in polite live regions', () => {
    const { rerender } = renderInLanguage(<ConnectionIndicator state="connecting" />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('Łączenie z serwerem…');
    for (const [state, words] of [
      ['connected', 'Połączono: zmiany innych osób widać na bieżąco'],
      ['offline', 'Brak połączenia z serwerem (offline)'],
    ] as const) {
      rerender(<ConnectionIndicator state={state} />);
      // The same element: a live region is announced only when it was in the page before its text changed.
      expect(screen.getByRole('status')).toBe(region);
      expect(region.textContent).toBe(words);
    }
  });

  it('tell whether my changes are on the server, in English too', () => {
    const { rerender } = renderInLanguage(<SavedIndicator state="saved" />, 'en');
    expect(screen.getByRole('status').textContent).toBe('All my changes are saved on the server');
    rerender(<SavedIndicator state="saving" />);
    expect(screen.getByRole('status').textContent).toBe('Saving my changes…');
    rerender(<SavedIndicator state="unsaved" />);
    expect(screen.getByRole('status').textContent).toBe('My changes are not saved on the server yet');
    rerender(<SavedIndicator state="unsaved" pending={3} />);
    expect(screen.getByRole('status').textContent).toBe('Offline: changes waiting to be saved: 3');
  });

  it('explain a refusal of the server in an alert next to both indicators', () => {
    renderWithApp(
      <LiveState live={{ connection: 'offline', saved: 'saved', pending: 0, refusal: { code: 'unauthorized', message: 'unauthorized' } }} />,
    );
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
      'Brak połączenia z serwerem (offline)',
      'Wszystkie moje zmiany są zapisane na serwerze',
    ]);
    expect(screen.getByRole('alert').textContent).toMatch(/nie rozpoznał Twojej sesji/);
  });
});

describe('connectionState and savedState', () => {
  it('are live only once the server state has arrived, and offline when disconnected or refused', () => {
    expect(connectionState('connecting', false, false)).toBe('connecting');
    expect(connectionState('connected', false, false)).toBe('connecting');
    expect(connectionState('connected', true, false)).toBe('connected');
    expect(connectionState('disconnected', false, false)).toBe('offline');
    expect(connectionState('connected', false, true)).toBe('offline');
  });

  it('are saving only while connected', () => {
    expect(savedState(true, 'offline')).toBe('saved');
    expect(savedState(false, 'connected')).toBe('saving');
    expect(savedState(false, 'connecting')).toBe('unsaved');
    expect(savedState(false, 'offline')).toBe('unsaved');
  });
});
