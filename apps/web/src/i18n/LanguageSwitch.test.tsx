import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { LANGUAGE_STORAGE_KEY } from './index';
import { LanguageSwitch } from './LanguageSwitch';

function Page() {
  const { t } = useTranslation();
  return (
    <>
      <LanguageSwitch />
      <h1>{t('auth.login.title')}</h1>
      <p>{t('roles.coordinator')}</p>
    </>
  );
}

describe('LanguageSwitch', () => {
  it('starts in Polish with the Polish button pressed', () => {
    renderWithApp(<Page />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logowanie');
    expect(screen.getByRole('button', { name: 'Polski' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('pl');
    expect(screen.getByRole('group', { name: 'Język' })).toBeTruthy();
  });

  it('turns the texts to English and back, sets <html lang> and remembers the choice', async () => {
    const user = userEvent.setup();
    renderWithApp(<Page />);
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(screen.getByText('Coordinator')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Polski' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logowanie');
    expect(document.documentElement.lang).toBe('pl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('pl');
  });

  it('names each language in its own language, marked with lang', () => {
    renderWithApp(<Page />, { language: 'en' });
    expect(screen.getByRole('button', { name: 'Polski' }).getAttribute('lang')).toBe('pl');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
  });
});
