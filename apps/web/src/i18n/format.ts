// Numbers and dates in the reader's language (Polish: 390 300; 5 sty 2026, 14:05). Dates and times are always Polish
// local time (Europe/Warsaw, summer time included), wherever the reader's device is: the association's terms,
// meetings and votes run by the clocks in Poland, and everyone must read the same hour.
import { CONSULTATION_TIME_ZONE, warsawTime, warsawWallClock } from '@commonplan/domain';

/** The time zone every date on the pages is shown and typed in. */
export const TIME_ZONE = CONSULTATION_TIME_ZONE;

type Instant = string | Date;

const formats = new Map<string, Intl.DateTimeFormat>();

/** A Warsaw-time formatter for a language and style, made once. */
function warsawFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: TIME_ZONE });
    formats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "6 gru 2026, 00:26" / "Dec 6, 2026, 12:26 AM": an instant as the clocks in Warsaw show it. */
export function formatDateTime(iso: Instant, language: string): string {
  return warsawFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "6 gru 2026": the day in Warsaw of an instant. */
export function formatDate(iso: Instant, language: string): string {
  return warsawFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

/** "2027-01-15" → "15 sty 2027": a calendar day, shown as the app shows days in Warsaw (noon there is that day). */
export function formatDay(day: string, language: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(warsawTime(day, 12, 0), language) : day;
}

/** "6 grudnia 2026": the day in Warsaw of an instant, the month in words (in sentences and formal titles). */
export function formatLongDate(iso: Instant, language: string): string {
  return warsawFormat(language, { dateStyle: 'long' }).format(new Date(iso));
}

/** A date and time as read on a clock in Warsaw. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What the clocks in Warsaw show at an instant (to the minute). */
export function warsawClock(at: Date): WallClock {
  const wall = new Date(warsawWallClock(at));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The instant at which the clocks in Warsaw show a date and time, or null when there is no such date or the time does
 * not exist there (the hour skipped when summer time starts, 2:00–2:59 on the last Sunday of March). The hour that
 * repeats when summer time ends (2:00–2:59 on the last Sunday of October) is taken in winter time, the second time.
 */
export function fromWarsawClock(wall: WallClock): Date | null {
  const { year, month, day, hour, minute } = wall;
  if (![year, month, day, hour, minute].every(Number.isInteger)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || hour < 0 || minute < 0) return null;
  const at = warsawTime(`${pad(year, 4)}-${pad(month)}-${pad(day)}`, hour, minute);
  if (Number.isNaN(at.getTime())) return null;
  const shown = warsawClock(at);
  const same = shown.year === year && shown.month === month && shown.day === day && shown.hour === hour && shown.minute === minute;
  return same ? at : null;
}
