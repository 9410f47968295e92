import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { When } from './RoundDetails';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "za 3 dni", "za 5 godzin", "za 12 minut" (rounded up, so nothing is due while any time is left). */
export function timeLeftText(ms: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language === 'en' ? 'en' : 'pl', { numeric: 'always' });
  if (ms >= DAY) return format.format(Math.ceil(ms / DAY), 'day');
  if (ms >= HOUR) return format.format(Math.ceil(ms / HOUR), 'hour');
  return format.format(Math.max(1, Math.ceil(ms / MINUTE)), 'minute');
}

/**
 * The close of a round's collection of comments: before its closing time, the time left (the API refuses an earlier
 * close); once due, the action. The page turns from one to the other at the closing time without a reload.
 */
export function CloseWhenDue({ closesAt, action }: { closesAt: string; action: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = new Date(closesAt).getTime() - now;
  useEffect(() => {
    if (left <= 0) return;
    // Again every minute (the time left in words), and exactly at the close.
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(left, MINUTE));
    return () => window.clearTimeout(timer);
  }, [left]);
  if (left <= 0) return <>{action}</>;
  return (
    <p className="notice">
      {t('rounds.closesIn', { left: timeLeftText(left, i18n.language) })} <When iso={closesAt} />
    </p>
  );
}
