import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from './index';

/** Two buttons, "Polski" and "English", each named in its own language; the current one is pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="button button--small"
          aria-pressed={i18n.language === language}
          onClick={() => void changeLanguage(i18n, language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
