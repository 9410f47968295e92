// Pages whose code is loaded on first use, without making people wait for it.
//
// With React.lazy a page suspends on its first render, and React 19 then holds the page back until at least 300 ms
// after the "Loading…" fallback appeared (it throttles revealing Suspense content) before the page can even ask the
// API for its data: that, and loading the code only after the click, made every screen loaded on demand take most of
// a second. So these pages do not suspend: until their code is here they show "Loading…" as ordinary state, and the
// page mounts as soon as the code arrives. And the code is fetched before it is needed:
// - at start-up, the page of the address being opened (in parallel with asking who is signed in);
// - when a pointer rests on, a finger touches or the keyboard focuses a link to a page;
// - when the browser is idle and the screen has loaded what it shows, the pages the links on the screen lead to (not
//   with the browser's data saver on).
import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath } from 'react-router';
import { Loading } from '../ui/Loading';
import { ErrorMessage } from '../ui/Messages';

interface LazyRoute {
  patterns: string[];
  preload: () => Promise<unknown>;
  /** Its code is loaded or on its way. */
  started: () => boolean;
}

const routes: LazyRoute[] = [];

/**
 * A route page loaded on first use, for the route `patterns` (as in <Route path>, from the root) it is shown on;
 * `load` resolves with the page component (it takes no props: pages read the route's parameters).
 */
export function lazyRoute(load: () => Promise<ComponentType>, ...patterns: string[]): ComponentType {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const preload = () => {
    pending ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        // Offline, say: the next attempt loads it again.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  function LazyRoutePage() {
    const { t } = useTranslation();
    // Once the page is here it stays: it is not mounted again when its code arrives for another instance.
    const [page, setPage] = useState<{ Page: ComponentType } | null>(() => (loaded ? { Page: loaded } : null));
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (page) return;
      let current = true;
      preload().then(
        (Page) => current && setPage({ Page }),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [page, attempt]);
    if (page) return <page.Page />;
    if (!failed) return <Loading />;
    return (
      <div className="data-error">
        <ErrorMessage message={t('errors.network')} />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    );
  }
  routes.push({ patterns, preload, started: () => pending !== null });
  return LazyRoutePage;
}

/** Starts loading the code of the pages shown at `pathname` (none when no lazy page is). */
export function preloadRoute(pathname: string): void {
  for (const route of routes) {
    if (route.patterns.some((pattern) => matchPath(pattern, pathname))) void route.preload().catch(() => undefined);
  }
}

/** The path of a link to a page of this app, or null (other sites, downloads, the API). */
function appPath(link: Element | null): string | null {
  if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin || link.hasAttribute('download')) return null;
  return link.pathname.startsWith('/api/') ? null : link.pathname;
}

type IdleWindow = Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };

function whenIdle(callback: () => void): void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback) w.requestIdleCallback(callback, { timeout: 3000 });
  else window.setTimeout(callback, 300);
}

const saveData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/**
 * Loads page code ahead (see the top of this file): on a link's hover, touch or focus, and for the links on the screen
 * when the browser is idle. Rendered once, inside the router.
 */
export function RoutePreloader() {
  useEffect(() => {
    const onIntent = (event: Event) => {
      const path = appPath(event.target instanceof Element ? event.target.closest('a[href]') : null);
      if (path) preloadRoute(path);
    };
    const seen = new Set<string>();
    let scheduled = false;
    const scan = () => {
      scheduled = false;
      // Not while the screen is still loading what it shows: that comes first (a later change schedules a new scan).
      if (document.querySelector('main .loading, main [aria-busy="true"]')) return;
      // Everything is here: nothing more to watch (the editor changes the page at every keystroke).
      if (routes.every((route) => route.started())) return observer.disconnect();
      for (const link of Array.from(document.links)) {
        const path = appPath(link);
        if (path && !seen.has(path)) {
          seen.add(path);
          preloadRoute(path);
        }
      }
    };
    const observer = new MutationObserver(() => {
      if (scheduled || saveData()) return;
      scheduled = true;
      whenIdle(scan);
    });
    const options = { capture: true, passive: true };
    document.addEventListener('pointerover', onIntent, options);
    document.addEventListener('touchstart', onIntent, options);
    document.addEventListener('focusin', onIntent, options);
    observer.observe(document.body, { childList: true, subtree: true });
    if (!saveData()) {
      scheduled = true;
      whenIdle(scan);
    }
    return () => {
      document.removeEventListener('pointerover', onIntent, options);
      document.removeEventListener('touchstart', onIntent, options);
      document.removeEventListener('focusin', onIntent, options);
      observer.disconnect();
    };
  }, []);
  return null;
}
