import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGE_STORAGE_KEY } from './index';

describe('createI18n', () => {
  it('uses Polish when nothing was chosen', () => {
    expect(createI18n().language).toBe('pl');
  });

  it('uses the remembered choice', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    expect(i18n.t('nav.skipToContent')).toBe('Skip to main content');
  });

  it('ignores a remembered value that is no language of the app', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(createI18n().t('nav.skipToContent')).toBe('Przejdź do treści');
  });
});
