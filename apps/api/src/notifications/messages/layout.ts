import type { NotificationCategory } from '@commonplan/domain';
import { type Language, type MessageText, say } from './message';

/** The whole e-mail of a notification: greeting, what happened, the link to the exact page, and why it came. */
export interface LaidOut {
  subject: string;
  text: string;
}

export interface LayoutLinks {
  /** The page the notification is about (absolute). */
  page: string;
  /** Where the person changes how they are notified (absolute); null for people without an account. */
  preferences: string | null;
  /** One click unsubscribes from this category (absolute). */
  unsubscribe: string;
}

/** What a message is about: a category, a submitter's report, or a digest of several categories. */
export type MessageCategory = NotificationCategory | 'reports' | 'digest';

const CATEGORY_NAMES: Record<MessageCategory, { pl: string; en: string }> = {
  mentions: { pl: 'wzmianki i odpowiedzi', en: 'mentions and replies' },
  documents: { pl: 'dokumenty', en: 'documents' },
  rounds: { pl: 'konsultacje', en: 'consultations' },
  triage: { pl: 'rozpatrywanie uwag', en: 'handling comments' },
  meetings: { pl: 'posiedzenia', en: 'meetings' },
  votes: { pl: 'głosowania', en: 'votes' },
  signoffs: { pl: 'zatwierdzenia i pełnomocnictwa', en: 'sign-offs and proxies' },
  projects: { pl: 'projekty wspólne', en: 'joint projects' },
  reports: { pl: 'sprawozdania z konsultacji', en: 'consultation reports' },
  digest: { pl: 'podsumowania', en: 'digests' },
};

export function categoryName(category: MessageCategory, language: Language): string {
  return CATEGORY_NAMES[category][language];
}

export function layOut(message: MessageText, category: MessageCategory, links: LayoutLinks, language: Language): LaidOut {
  const lines = [
    say(language, 'Dzień dobry,', 'Hello,'),
    '',
    ...message.paragraphs.flatMap((paragraph) => [paragraph, '']),
    `${say(language, 'Otwórz', 'Open')}: ${links.page}`,
    '',
    '-- ',
    say(language, `Commonplan: powiadomienie z kategorii „${categoryName(category, 'pl')}”.`, `Commonplan: a notification about ${categoryName(category, 'en')}.`),
  ];
  if (links.preferences) lines.push(`${say(language, 'Ustawienia powiadomień', 'Notification settings')}: ${links.preferences}`);
  lines.push(`${say(language, 'Nie chcę dostawać takich wiadomości', 'Stop these e-mails')}: ${links.unsubscribe}`);
  // A subject is one line whatever a title holds (titles may contain line breaks).
  return { subject: `[Commonplan] ${message.subject.replace(/\s+/g, ' ').trim()}`, text: `${lines.join('\n')}\n` };
}
