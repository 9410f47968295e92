import { create } from 'xmlbuilder';

export interface FeedEntry {
  /** A stable id (a tag URI built from the record), never reused for another publication. */
  id: string;
  title: string;
  /** The page of the publication, absolute. */
  link: string;
  updated: Date;
  summary: string;
  /** resolution, document, consultation, report, project. */
  category: string;
}

export interface Feed {
  id: string;
  title: string;
  /** The site's front page and the feed's own address, absolute. */
  site: string;
  self: string;
  author: string;
  entries: FeedEntry[];
}

/** An Atom 1.0 document (RFC 4287): newest entry first; `updated` is the newest entry's time (or `fallback`). */
export function atomFeed(feed: Feed, fallback: Date): string {
  const entries = [...feed.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const root = create('feed', { version: '1.0', encoding: 'UTF-8' }, {}, { invalidCharReplacement: '' }).att('xmlns', 'http://www.w3.org/2005/Atom').att('xml:lang', 'pl');
  root.ele('id', feed.id);
  root.ele('title', feed.title);
  root.ele('updated', (entries[0]?.updated ?? fallback).toISOString());
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.site });
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.self });
  root.ele('author').ele('name', feed.author);
  for (const entry of entries) {
    const item = root.ele('entry');
    item.ele('id', entry.id);
    item.ele('title', entry.title);
    item.ele('link', { rel: 'alternate', type: 'text/html', href: entry.link });
    item.ele('updated', entry.updated.toISOString());
    item.ele('category', { term: entry.category });
    item.ele('summary', { type: 'text' }, entry.summary);
  }
  return root.end({ pretty: true });
}
