// Dates and times as people type them in the date fields (DateField, DateTimeField): in Polish time and the Polish
// order, day first ("05.12.2026 09:00"), whatever the language and time zone of the browser.
import { fromWarsawClock, warsawClock } from '../i18n/format';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "5.12.2026", "05-12-2026", "5/12/2026": day, month, year. */
const DAY_FIRST = String.raw`(\d{1,2})[./-](\d{1,2})[./-](\d{4})`;
/** "2026-12-05" (pasted from elsewhere): year first, as ISO 8601 writes it. */
const YEAR_FIRST = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;

const DAY = [new RegExp(`^${DAY_FIRST}$`), new RegExp(`^${YEAR_FIRST}$`)] as const;
/** A date, then the time: "5.12.2026 9:00", "05.12.2026, 09.00", "2026-12-05T09:00", "2026-12-05 09:00:00". */
const DATE_TIME = [
  new RegExp(String.raw`^${DAY_FIRST}(?:\s*,\s*|\s+)(\d{1,2})[:.](\d{2})$`),
  new RegExp(String.raw`^${YEAR_FIRST}(?:T|\s+)(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$`),
] as const;

interface Day {
  year: number;
  month: number;
  day: number;
}

/** The numbers of a date matched by DAY[0] or DAY[1] (and the same groups of DATE_TIME), day-first or year-first. */
function dayOf(match: RegExpExecArray, dayFirst: boolean): Day {
  const [a, b, c] = match.slice(1, 4).map(Number);
  return dayFirst ? { day: a, month: b, year: c } : { year: a, month: b, day: c };
}

/** Whether a day exists in the calendar (no 31 April, 29 February only in leap years). */
function isCalendarDay({ year, month, day }: Day): boolean {
  const at = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

/** A day as the field writes it: "2026-12-05" → "05.12.2026"; anything else is left as it is. */
export function toDayInput(isoDay: string): string {
  const match = DAY[1].exec(isoDay);
  if (!match) return isoDay;
  const { year, month, day } = dayOf(match, false);
  return `${pad(day)}.${pad(month)}.${year}`;
}

/** The day typed ("5.12.2026", "05-12-2026", "2026-12-05") as "2026-12-05", or null when it is not a date. */
export function fromDayInput(text: string): string | null {
  const trimmed = text.trim();
  for (const [index, pattern] of DAY.entries()) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const day = dayOf(match, index === 0);
    return isCalendarDay(day) ? `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}` : null;
  }
  return null;
}

/** An instant as the date-and-time field writes it, in Polish local time: "05.12.2026 09:00". */
export function toLocalInput(date: Date): string {
  const w = warsawClock(date);
  return `${pad(w.day)}.${pad(w.month)}.${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant of a date and time typed in Polish time, or null when it is empty, not understood, not a date (31.02) or
 * a time that does not exist in Poland (the hour skipped when summer time starts).
 */
export function fromLocalInput(text: string): Date | null {
  const trimmed = text.trim();
  for (const [index, pattern] of DATE_TIME.entries()) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const [hour, minute] = match.slice(4, 6).map(Number);
    return fromWarsawClock({ ...dayOf(match, index === 0), hour, minute });
  }
  return null;
}
