import { useEffect, useMemo, useState } from 'react';

/**
 * The whole seconds left until `endsAt` by the server's clock, ticking four times a second until none are left.
 * `serverTime` is the server's time when the view was read: the difference from this device's clock when it arrives
 * is taken off, so a phone whose clock is a minute off counts the same speech down as the room's projector does.
 */
export function useSecondsLeft(endsAt: string, serverTime: string): { left: number; over: boolean } {
  // The device's clock ahead of the server's by this much (negative when behind), measured as the view arrived.
  const skew = useMemo(() => Date.now() - new Date(serverTime).getTime(), [serverTime]);
  const end = new Date(endsAt).getTime() + skew;
  const [now, setNow] = useState(() => Date.now());
  const over = end <= now;
  useEffect(() => {
    if (over) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [over]);
  return { left: Math.max(0, Math.ceil((end - now) / 1000)), over };
}
