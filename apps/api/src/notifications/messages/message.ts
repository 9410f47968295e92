import { quoted } from '@commonplan/domain';
import { warsawDateTime } from '../../platform/warsaw-time';

export type Language = 'pl' | 'en';

/** What one notification says in an e-mail: its subject and its paragraphs (the layout adds greeting, link and footer). */
export interface MessageText {
  subject: string;
  paragraphs: string[];
}

/** The Polish or the English text. */
export const say = (language: Language, pl: string, en: string): string => (language === 'en' ? en : pl);

/** An instant as Warsaw reads its clocks, in the reader's language. */
export const at = (iso: string, language: Language): string => warsawDateTime(iso, language);

/** A title in the reader's quotation marks. */
export const titled = (title: string, language: Language): string => quoted(title, language);
