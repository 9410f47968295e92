// The notifications count in the header, held against the person's inbox as the API has it. Other browser tests on
// the same server and the server's own sweeps (a round's last days or close, a vote closing) notify coordinators and
// experts at any moment, so a test that is not the only source of someone's notifications cannot expect a fixed count:
// it waits until the header shows what the inbox holds and the inbox holds the notification the test caused.
import type { Page } from 'playwright-core';
import { waitUntil } from './editor';

export interface InboxItem {
  id: string;
  kind: string;
  document: { id: string; title: string } | null;
  read: boolean;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}

/** The unread count in the main navigation ("Powiadomienia (nieprzeczytane: 3)" is 3; the link without a count is 0). */
export async function headerUnread(page: Page): Promise<number> {
  const link = page.getByRole('navigation', { name: /^(Nawigacja główna|Main navigation)$/ }).locator('a[href$="/notifications"]');
  return Number(/\d+/.exec(await link.innerText())?.[0] ?? 0);
}

/** The signed-in person's inbox in the workspace, read with the page's own session (it changes nothing in the page). */
export function inboxOf(page: Page, workspaceId: string): Promise<Inbox> {
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/workspaces/${id}/notifications`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`GET /api/workspaces/${id}/notifications: ${response.status}`);
    return (await response.json()) as Inbox;
  }, workspaceId);
}

/**
 * Waits until the header shows the inbox's unread count and `accept` holds for that same inbox, and returns it. The
 * header is read first: a notification arriving in between makes the two differ and they are read again.
 */
export async function headerFollowsInbox(page: Page, workspaceId: string, accept: (inbox: Inbox) => boolean, what: string, timeoutMs = 30_000): Promise<Inbox> {
  let inbox: Inbox = { unread: 0, items: [] };
  await waitUntil(
    async () => {
      const header = await headerUnread(page);
      inbox = await inboxOf(page, workspaceId);
      return { header, unread: inbox.unread, accepted: accept(inbox) };
    },
    (seen) => seen.header === seen.unread && seen.accepted,
    timeoutMs,
    what,
  );
  return inbox;
}
