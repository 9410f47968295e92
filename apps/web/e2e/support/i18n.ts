// The app's own words in either language, for tests that run the same story in Polish and in English: a label is
// looked up by its key in the web app's translation files, so the test follows the wording wherever it changes.
import i18next, { type TFunction } from 'i18next';
import en from '../../src/i18n/en.json';
import pl from '../../src/i18n/pl.json';

export type Language = 'pl' | 'en';

export function translator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { pl: { translation: pl }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.getFixedT(language);
}

/** A RegExp matching `text` literally. */
export function literal(text: string, flags = ''): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}

/** A RegExp for a translation with its {{placeholders}} matching anything ("Open comment .+"). */
export function pattern(template: string): RegExp {
  return new RegExp(`^${template.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}
