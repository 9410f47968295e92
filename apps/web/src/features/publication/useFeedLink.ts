import { useEffect } from 'react';
import { feedUrl } from './publication-api';

/** Announces the site's Atom feed in the page's head (<link rel="alternate">), for feed readers, while shown. */
export function useFeedLink(slug: string, title: string): void {
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = feedUrl(slug);
    link.title = title;
    document.head.appendChild(link);
    return () => link.remove();
  }, [slug, title]);
}
