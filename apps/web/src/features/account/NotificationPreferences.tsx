import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { DELIVERY_MODES, type DeliveryMode, type NotificationCategory } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import { errorText, formErrorText } from '../../api/error-text';
import { apiQueryKey } from '../../api/query-client';
import type { components } from '../../api/schema';
import { useApiData } from '../../api/useApiData';
import { LANGUAGES, type Language } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';

export type NotificationPreferencesView = components['schemas']['NotificationPreferencesDto'];

export const PREFERENCES_PATH = '/me/notification-preferences';

/** What the form holds: the e-mail language and, per category, the mode that applies. */
interface Draft {
  language: Language;
  modes: Partial<Record<NotificationCategory, DeliveryMode>>;
}

const draftOf = (view: NotificationPreferencesView): Draft => ({
  language: view.language,
  modes: Object.fromEntries(view.categories.map((c) => [c.category, c.mode])),
});

export const savePreferences = (body: { language: Language; modes: Partial<Record<NotificationCategory, DeliveryMode | null>> }) =>
  call(apiClient.PUT('/api/me/notification-preferences', { body }));

/**
 * The "Notifications" section of the account page (/account#notifications, the link in every e-mail's footer): the
 * language of e-mails, which stays as chosen here whatever language the pages are shown in, and per category whether
 * an e-mail comes at once, in the daily or weekly digest, or not at all, each category's default marked. Choosing the
 * default follows the default (it changes with the person's roles); anything else is kept as chosen.
 */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const location = useLocation();
  const preferences = useApiData<NotificationPreferencesView>(PREFERENCES_PATH);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const view = preferences.data;
  const current = draft ?? (view ? draftOf(view) : null);

  // Opened from an e-mail's link to /account#notifications: once the section has its content, it is where the reader is.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || location.hash !== '#notifications' || !view) return;
    arrived.current = true;
    heading.current?.scrollIntoView?.();
    heading.current?.focus({ preventScroll: true });
  }, [location.hash, view]);

  const change = (next: Partial<Draft>) => {
    if (!current) return;
    setSaved(false);
    setDraft({ ...current, ...next, modes: { ...current.modes, ...next.modes } });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!current || !view || busy) return;
    setBusy(true);
    setFailure(null);
    setSaved(false);
    // A category set to its default follows the default; any other choice is kept.
    const modes = Object.fromEntries(
      view.categories.map((c) => {
        const mode = current.modes[c.category] ?? c.mode;
        return [c.category, mode === c.default ? null : mode];
      }),
    );
    try {
      const answer = await savePreferences({ language: current.language, modes });
      client.setQueryData(apiQueryKey(PREFERENCES_PATH), answer);
      setDraft(null);
      setSaved(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="notifications" aria-labelledby="notification-preferences-heading" className="notification-preferences">
      <h2 id="notification-preferences-heading" ref={heading} tabIndex={-1}>
        {t('notifications.preferences.heading')}
      </h2>
      <p className="muted">{t('notifications.preferences.intro')}</p>
      {!current || !view ? (
        preferences.error == null ? (
          <Loading label={t('notifications.preferences.loading')} />
        ) : (
          <ErrorMessage message={errorText(preferences.error, t)} />
        )
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <fieldset className="choices choices--row" aria-describedby="email-language-hint">
            <legend>{t('notifications.preferences.language')}</legend>
            <p id="email-language-hint" className="field__hint">
              {t('notifications.preferences.languageHint')}
            </p>
            {LANGUAGES.map((language) => (
              <div className="choice" key={language}>
                <input
                  type="radio"
                  name="email-language"
                  id={`email-language-${language}`}
                  value={language}
                  checked={current.language === language}
                  onChange={() => change({ language })}
                />
                <label htmlFor={`email-language-${language}`} lang={language}>
                  {t(`language.${language}`)}
                </label>
              </div>
            ))}
          </fieldset>

          <h3>{t('notifications.preferences.categoriesHeading')}</h3>
          <p id="digest-hour-hint">{t('notifications.preferences.digest', { hour: view.digestHour })}</p>
          {view.categories.map((category) => {
            const name = `notification-mode-${category.category}`;
            const hintId = `${name}-hint`;
            const chosen = current.modes[category.category] ?? category.mode;
            return (
              <fieldset key={category.category} className="choices choices--row" aria-describedby={hintId}>
                <legend>{t(`notifications.categories.${category.category}`)}</legend>
                <p id={hintId} className="field__hint">
                  {t(`notifications.categoryHints.${category.category}`)}
                </p>
                {DELIVERY_MODES.map((mode) => {
                  const label = t(`notifications.modes.${mode}`);
                  return (
                    <div className="choice" key={mode}>
                      <input
                        type="radio"
                        name={name}
                        id={`${name}-${mode}`}
                        value={mode}
                        checked={chosen === mode}
                        onChange={() => change({ modes: { [category.category]: mode } })}
                      />
                      <label htmlFor={`${name}-${mode}`}>{mode === category.default ? t('notifications.preferences.defaultMode', { mode: label }) : label}</label>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <ErrorMessage message={formErrorText(failure, t)} />
          <StatusMessage message={saved ? t('notifications.preferences.saved') : null} />
          <SubmitButton busy={busy} label={t('notifications.preferences.save')} busyLabel={t('notifications.preferences.saving')} />
        </form>
      )}
    </section>
  );
}
