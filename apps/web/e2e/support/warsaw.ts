// Days and times as the consultation rules count them: in Warsaw, whatever the machine's time zone.

const parts = (date: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );

/** "2026-12-06": the day in Warsaw. */
export function warsawDay(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "23:59": the time of day in Warsaw. */
export function warsawTime(date: Date): string {
  const p = parts(date);
  return `${p.hour}:${p.minute}`;
}

/**
 * The statutory days from an announcement to a close, counted independently of the app (Civil Code art. 111): the
 * day of the announcement not counted, the close's day only when comments are taken to its end (23:59).
 */
export function statutoryDays(announcedAt: Date, closesAt: Date): number {
  const DAY = 24 * 60 * 60 * 1000;
  const closeDay = Date.parse(`${warsawDay(closesAt)}T00:00:00Z`);
  const lastWholeDay = warsawTime(closesAt) >= '23:59' ? closeDay : closeDay - DAY;
  return Math.max(0, Math.round((lastWholeDay - Date.parse(`${warsawDay(announcedAt)}T00:00:00Z`)) / DAY));
}

/** A moment as the app's date fields are typed: "05.12.2026 09:00" on Warsaw's clock. */
export function warsawInput(date: Date): string {
  const p = parts(date);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
