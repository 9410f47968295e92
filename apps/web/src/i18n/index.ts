// i18next with the two languages of the app. Polish is the default; the reader's choice is remembered in
// localStorage and mirrored in <html lang>.
import i18next, { type i18n as I18n, type PostProcessorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nestQuotes } from '@commonplan/domain';
import en from './en.json';
import pl from './pl.json';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'pl';
export const LANGUAGE_STORAGE_KEY = 'commonplan.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * Names put in quotes that have quotes of their own (a workspace "Stowarzyszenie „Szczeciński Obszar Metropolitalny”"
 * in „{{workspace}}”) get inner quotes, never „…„…””: „Stowarzyszenie «Szczeciński Obszar Metropolitalny»”.
 */
const innerQuotes: PostProcessorModule = {
  type: 'postProcessor',
  name: 'innerQuotes',
  process: (value, _key, options, translator) =>
    typeof value === 'string' ? nestQuotes(value, (options.lng ?? translator?.language) === 'en' ? 'en' : 'pl') : value,
};

/** Creates and initialises an i18next instance (the app makes one; tests make their own). */
export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).use(innerQuotes);
  void instance.init({
    resources: { pl: { translation: pl }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    postProcess: ['innerQuotes'],
  });
  setDocumentLanguage(language);
  instance.on('languageChanged', (lng) => setDocumentLanguage(lng));
  return instance;
}

function setDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the language and remembers the choice. */
export async function changeLanguage(instance: I18n, language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage may be unavailable (private mode); the switch still applies to this page
  }
  await instance.changeLanguage(language);
}
