/** The languages the API writes dates in (e-mails default to Polish). */
export type DateLanguage = 'pl' | 'en';

const FORMATS: Record<DateLanguage, Intl.DateTimeFormat> = {
  pl: warsawFormat('pl-PL'),
  en: warsawFormat('en-GB'),
};

function warsawFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Warsaw', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/**
 * An instant as Warsaw reads its clocks (CET/CEST), for text people read, such as e-mails: "6 grudnia 2026, 00:26",
 * "6 December 2026, 00:26". Built from the parts so the punctuation does not change with the ICU version.
 */
export function warsawDateTime(value: Date | string, language: DateLanguage = 'pl'): string {
  const parts = Object.fromEntries(FORMATS[language].formatToParts(new Date(value)).map((part) => [part.type, part.value]));
  return `${parts['day']} ${parts['month']} ${parts['year']}, ${parts['hour']}:${parts['minute']}`;
}

const YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', year: 'numeric' });

/** The calendar year in Warsaw at an instant: what yearly number series (resolutions, comments) go by. */
export function warsawYear(value: Date | string): number {
  return Number(YEAR.format(new Date(value)));
}
