import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * Counts the app's navigations so that the page heading can take the focus after each one (a screen reader then
 * reads the new page). The first page of a visit keeps the focus where the browser puts it, so that the skip link stays
 * the first Tab stop; redirects made before the reader did anything (/ → /w/…) do not count either.
 */
const NavigationCount = createContext(0);

export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const type = useNavigationType();
  const [count, setCount] = useState(0);
  const seen = useRef<{ key: string | null; count: number }>({ key: null, count: 0 });

  useEffect(() => {
    const previous = seen.current;
    if (previous.key === location.key) return;
    const counts = previous.key !== null && !(type === 'REPLACE' && previous.count === 0);
    seen.current = { key: location.key, count: previous.count + (counts ? 1 : 0) };
    if (counts) setCount(seen.current.count);
  }, [location.key, type]);

  return <NavigationCount.Provider value={count}>{children}</NavigationCount.Provider>;
}

export function useNavigationCount(): number {
  return useContext(NavigationCount);
}
