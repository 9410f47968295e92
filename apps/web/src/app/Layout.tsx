import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Header } from './Header';

/** Moves the focus to <main> without touching the address (a #fragment would be a navigation for the router). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Skip link, header, the page in <main>, footer. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('nav.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
