import { warsawWallClock } from '@commonplan/domain';

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

/**
 * An instant in ISO 8601 with Warsaw's offset, for dates in files that both people and programs read (a Markdown
 * export's front matter): "2026-12-06T00:26:26+01:00", "2026-07-01T09:00:00+02:00".
 */
export function warsawIso(value: Date | string): string {
  const at = new Date(value);
  const wall = warsawWallClock(at);
  const offset = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${new Date(wall).toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${hours}:${minutes}`;
}
