import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * Counts the app's navigations so that the page heading can take the focus after each one (a screen reader then
 * reads the new page). Until the reader has pressed a key or a pointer, nothing counts: the first page of a visit
 * and the redirects made while it loads (/ → /login, / → /w/…) leave the focus where the browser puts it, so that the
 * skip link stays the first Tab stop.
 */
const NavigationCount = createContext(0);

export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [count, setCount] = useState(0);
  const lastKey = useRef<string | null>(null);
  const interacted = useRef(false);

  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    document.addEventListener('keydown', mark, { capture: true, once: true });
    document.addEventListener('pointerdown', mark, { capture: true, once: true });
    return () => {
      document.removeEventListener('keydown', mark, { capture: true });
      document.removeEventListener('pointerdown', mark, { capture: true });
    };
  }, []);

  useEffect(() => {
    const previous = lastKey.current;
    lastKey.current = location.key;
    // A navigation that only changes what a page shows (its filters) says so with `state: KEEP_FOCUS`.
    const keep = (location.state as { keepFocus?: unknown } | null)?.keepFocus === true;
    if (previous !== null && previous !== location.key && interacted.current && !keep) setCount((c) => c + 1);
  }, [location.key, location.state]);

  return <NavigationCount.Provider value={count}>{children}</NavigationCount.Provider>;
}

/** The navigation state of a change within a page (e.g. filters in the query string): the focus stays where it is. */
export const KEEP_FOCUS = { keepFocus: true } as const;

export function useNavigationCount(): number {
  return useContext(NavigationCount);
}
