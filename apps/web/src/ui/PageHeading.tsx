import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigationCount } from './navigation-focus';

/** Sets document.title to "<title> – Commonplan". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const full = t('app.documentTitle', { title });
  useEffect(() => {
    document.title = full;
  }, [full]);
}

/**
 * The page's h1. It also names the page in document.title and takes the focus after a navigation (tabIndex -1 so
 * that it can be focused without becoming a Tab stop).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  useDocumentTitle(title);
  const navigations = useNavigationCount();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, [navigations]);
  return (
    <h1 ref={ref} tabIndex={-1} id="page-heading">
      {children}
    </h1>
  );
}
