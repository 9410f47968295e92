import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { type ApiCall, renderPage, reply } from '../../test/fake-api';
import { NotificationPreferences, type NotificationPreferencesView } from './NotificationPreferences';

const view = (changes: Partial<Record<string, 'instant' | 'daily' | 'weekly' | 'off' | null>> = {}, language: 'pl' | 'en' = 'pl'): NotificationPreferencesView => {
  const defaults = { mentions: 'instant', documents: 'daily', rounds: 'instant', triage: 'instant', meetings: 'instant', votes: 'instant', signoffs: 'instant' } as const;
  return {
    language,
    digestHour: 7,
    categories: Object.entries(defaults).map(([category, fallback]) => ({
      category: category as keyof typeof defaults,
      chosen: changes[category] ?? null,
      default: fallback,
      mode: changes[category] ?? fallback,
    })),
  };
};

const PATH = '/me/notification-preferences';

function open(routes: Record<string, unknown>, options: { language?: 'pl' | 'en'; path?: string } = {}) {
  return renderPage(
    <>
      <LanguageSwitch />
      <NotificationPreferences />
    </>,
    { route: '/account', path: options.path ?? '/account', role: 'representative', language: options.language, routes },
  );
}

const group = (name: string) => screen.getByRole('group', { name });
const checked = (name: string) => within(group(name)).getAllByRole('radio').find((r) => (r as HTMLInputElement).checked)?.closest('.choice')?.textContent;
const puts = (calls: ApiCall[]) => calls.filter((c) => c.method === 'PUT');

describe('NotificationPreferences', () => {
  it('shows the e-mail language, each category’s mode with its default, and when digests come', async () => {
    open({ [`GET ${PATH}`]: view({ documents: 'off' }) });
    await screen.findByRole('group', { name: 'Język wiadomości e-mail' });
    expect(screen.getByRole('heading', { level: 2, name: 'Powiadomienia' }).closest('section')?.id).toBe('notifications');
    expect(checked('Język wiadomości e-mail')).toBe('Polski');
    expect(within(group('Wzmianki i odpowiedzi')).getAllByRole('radio').map((r) => r.closest('.choice')?.textContent)).toEqual([
      'Od razu (domyślnie)',
      'Codzienne podsumowanie',
      'Cotygodniowe podsumowanie',
      'Wyłączone',
    ]);
    expect(checked('Wzmianki i odpowiedzi')).toBe('Od razu (domyślnie)');
    expect(checked('Dokumenty')).toBe('Wyłączone');
    expect(within(group('Dokumenty')).getByRole('radio', { name: 'Codzienne podsumowanie (domyślnie)' })).toBeTruthy();
    expect(group('Głosowania').getAttribute('aria-describedby')).toBe('notification-mode-votes-hint');
    expect(screen.getByText(/Codzienne podsumowanie przychodzi codziennie o 7:00 czasu polskiego, a cotygodniowe w poniedziałki/)).toBeTruthy();
    expect(screen.getAllByRole('group').filter((g) => g.tagName === 'FIELDSET').map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Język wiadomości e-mail',
      'Wzmianki i odpowiedzi',
      'Dokumenty',
      'Konsultacje',
      'Rozpatrywanie uwag',
      'Posiedzenia',
      'Głosowania',
      'Zatwierdzenia i pełnomocnictwa',
    ]);
  });

  it('saves: a choice is kept, a default follows the default; says so and shows what was saved', async () => {
    const user = userEvent.setup();
    let saved = view({ documents: 'off' });
    const page = open({
      [`GET ${PATH}`]: () => saved,
      [`PUT ${PATH}`]: (call: ApiCall) => {
        const body = call.body as { language: 'pl' | 'en'; modes: Record<string, 'instant' | 'daily' | 'weekly' | 'off' | null> };
        saved = view(body.modes, body.language);
        return saved;
      },
    });
    await screen.findByRole('group', { name: 'Głosowania' });
    await user.click(within(group('Głosowania')).getByRole('radio', { name: 'Cotygodniowe podsumowanie' }));
    await user.click(within(group('Dokumenty')).getByRole('radio', { name: 'Codzienne podsumowanie (domyślnie)' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(within(group('Posiedzenia')).getByRole('radio', { name: 'Codzienne podsumowanie' }));
    await user.click(screen.getByRole('button', { name: 'Zapisz ustawienia powiadomień' }));

    expect(await screen.findByText('Zapisano ustawienia powiadomień.')).toBeTruthy();
    expect(puts(page.calls).map((c) => c.body)).toEqual([
      {
        language: 'en',
        modes: { mentions: null, documents: null, rounds: null, triage: null, meetings: 'daily', votes: 'weekly', signoffs: null },
      },
    ]);
    expect(checked('Głosowania')).toBe('Cotygodniowe podsumowanie');
    expect(checked('Dokumenty')).toBe('Codzienne podsumowanie (domyślnie)');
    expect(checked('Język wiadomości e-mail')).toBe('English');
    // A change after saving takes the confirmation away until the next save.
    await user.click(within(group('Głosowania')).getByRole('radio', { name: 'Wyłączone' }));
    expect(screen.queryByText('Zapisano ustawienia powiadomień.')).toBeNull();
  });

  it('says why saving failed and keeps the choices', async () => {
    const user = userEvent.setup();
    open({ [`GET ${PATH}`]: view(), [`PUT ${PATH}`]: reply(503, { message: 'down' }) });
    await user.click(within(await screen.findByRole('group', { name: 'Głosowania' })).getByRole('radio', { name: 'Wyłączone' }));
    await user.click(screen.getByRole('button', { name: 'Zapisz ustawienia powiadomień' }));
    expect(await screen.findByText('Serwer napotkał błąd. Spróbuj ponownie za chwilę.')).toBeTruthy();
    expect(checked('Głosowania')).toBe('Wyłączone');
    expect(screen.queryByText('Zapisano ustawienia powiadomień.')).toBeNull();
  });

  it('switching the language of the pages leaves the language of e-mails as chosen', async () => {
    const user = userEvent.setup();
    const page = open({ [`GET ${PATH}`]: view() });
    await screen.findByRole('group', { name: 'Język wiadomości e-mail' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('group', { name: 'Language of e-mails' });
    expect(checked('Language of e-mails')).toBe('Polski');
    expect(page.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('is where /account#notifications lands, in English too', async () => {
    open({ [`GET ${PATH}`]: view() }, { path: '/account#notifications', language: 'en' });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Notifications' });
    await screen.findByRole('group', { name: 'Votes' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/The daily digest comes every day at 7:00 Polish time, the weekly one on Mondays/)).toBeTruthy();
    expect(within(group('Votes')).getByRole('radio', { name: 'At once (default)' })).toBeTruthy();
  });
});
