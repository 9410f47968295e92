import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, reply } from '../../test/fake-api';
import { plain } from '../../test/render';
import { NotificationsPage } from './NotificationsPage';
import type { NotificationItem, Notifications } from './notifications-api';

const base = {
  category: 'mentions',
  actor: null,
  document: null,
  threadId: null,
  excerpt: '',
} as const;

const mentionOld: NotificationItem = {
  ...base,
  id: 'n1',
  kind: 'mention',
  actor: { id: 'u2', displayName: 'Jan Przedstawiciel' },
  document: { id: 'd1', title: 'Strategia SOM 2030' },
  threadId: 't1',
  link: '/w/w1/d/d1#thread-t1',
  params: { actor: 'Jan Przedstawiciel', document: 'Strategia SOM 2030', excerpt: 'Czy to obejmuje Police?' },
  excerpt: 'Czy to obejmuje Police?',
  createdAt: '2026-03-02T09:00:00.000Z',
  read: true,
};

const mentionNew: NotificationItem = {
  ...mentionOld,
  id: 'n2',
  link: '/w/w1/d/d1#thread-t2',
  params: { actor: 'Ewa Ekspertka', document: 'Strategia SOM 2030', excerpt: 'A Goleniów?' },
  excerpt: 'A Goleniów?',
  createdAt: '2026-03-03T09:00:00.000Z',
  read: false,
};

const meeting: NotificationItem = {
  ...base,
  id: 'n3',
  kind: 'meeting_called',
  category: 'meetings',
  actor: { id: 'u1', displayName: 'Anna Koordynator' },
  link: '/w/w1/meetings/m1',
  // 10 July 2026, 08:00 UTC: 10:00 in Warsaw (summer time).
  params: { body: 'Walne Zebranie Członków', meeting: 'Posiedzenie nr 3', startsAt: '2026-07-10T08:00:00.000Z', place: 'Szczecin, ul. Wały Chrobrego 4' },
  createdAt: '2026-03-04T09:00:00.000Z',
  read: false,
};

const vote: NotificationItem = {
  ...base,
  id: 'n4',
  kind: 'vote_closed',
  category: 'votes',
  link: '/w/w1/resolutions/r1',
  params: { resolution: 'Uchwała w sprawie budżetu', result: 'adopted', for: 10, against: 2, abstain: 1 },
  createdAt: '2026-03-01T09:00:00.000Z',
  read: true,
};

const inbox = (items: NotificationItem[]): Notifications => {
  const kinds = [...new Set(items.map((i) => i.kind))].sort().map((kind) => ({
    kind,
    total: items.filter((i) => i.kind === kind).length,
    unread: items.filter((i) => i.kind === kind && !i.read).length,
  }));
  return { unread: items.filter((i) => !i.read).length, items, kinds };
};

const ALL = '/workspaces/w1/notifications';

function open(routes: Record<string, unknown>, options: { language?: 'pl' | 'en'; path?: string } = {}) {
  return renderPage(<NotificationsPage />, {
    route: '/w/:workspaceId/notifications',
    path: options.path ?? '/w/w1/notifications',
    role: 'representative',
    language: options.language,
    routes,
  });
}

const sections = () => screen.getAllByRole('region').filter((r) => r.tagName === 'SECTION');
const posts = (calls: ApiCall[]) => calls.filter((c) => c.method === 'POST').map((c) => c.path);

describe('NotificationsPage', () => {
  it('groups by kind, newest kind first, the unread first inside, each written from its kind and params', async () => {
    // Newest first, as the API answers.
    open({ [`GET ${ALL}`]: inbox([meeting, mentionNew, mentionOld, vote]) });
    await screen.findByRole('heading', { level: 2, name: 'Zwołane posiedzenia (1, nowe: 1)' });
    expect(sections().map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Zwołane posiedzenia (1, nowe: 1)',
      'Wzmianki (2, nowe: 1)',
      'Wyniki głosowań (1)',
    ]);
    const [meetings, mentions, votes] = sections();
    expect(plain(within(meetings).getByRole('listitem').querySelector('.notification__text')?.textContent)).toBe(
      'nowe Walne Zebranie Członków: zwołano posiedzenie „Posiedzenie nr 3” na 10 lip 2026, 10:00, miejsce: Szczecin, ul. Wały Chrobrego 4',
    );
    expect(within(meetings).getByRole('link', { name: 'Otwórz posiedzenie' }).getAttribute('href')).toBe('/w/w1/meetings/m1');
    const mentionItems = within(mentions).getAllByRole('listitem');
    expect(mentionItems.map((li) => plain(li.querySelector('.notification__text')?.textContent))).toEqual([
      'nowe Ewa Ekspertka: wzmianka o Tobie w komentarzu do dokumentu „Strategia SOM 2030”',
      'Jan Przedstawiciel: wzmianka o Tobie w komentarzu do dokumentu „Strategia SOM 2030”',
    ]);
    expect(within(mentionItems[0]).getByText('A Goleniów?').tagName).toBe('BLOCKQUOTE');
    expect(within(mentionItems[0]).getByRole('link', { name: 'Otwórz komentarz' }).getAttribute('href')).toBe('/w/w1/d/d1#thread-t2');
    // The time of the notification, in Warsaw.
    expect(plain(within(mentionItems[0]).getByRole('time').textContent)).toBe('3 mar 2026, 10:00');
    expect(plain(within(votes).getByRole('listitem').querySelector('.notification__text')?.textContent)).toBe(
      'Głosowanie nad uchwałą „Uchwała w sprawie budżetu” zakończone: uchwała podjęta (za: 10, przeciw: 2, wstrzymało się: 1)',
    );
    expect(within(votes).queryByRole('button')).toBeNull();
  });

  it('writes the same in English', async () => {
    open({ [`GET ${ALL}`]: inbox([meeting, mentionNew]) }, { language: 'en' });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Meetings called (1, 1 new)' });
    const section = heading.closest('section')!;
    expect(plain(section.querySelector('.notification__text')?.textContent)).toBe(
      'new Walne Zebranie Członków: meeting “Posiedzenie nr 3” called for Jul 10, 2026, 10:00 AM, at Szczecin, ul. Wały Chrobrego 4',
    );
    expect(screen.getByText('Ewa Ekspertka mentioned you in a comment on “Strategia SOM 2030”')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the comment' })).toBeTruthy();
  });

  it('marks a notification read when it is opened, and only an unread one', async () => {
    const user = userEvent.setup();
    const page = open({ [`GET ${ALL}`]: inbox([mentionNew, mentionOld]) });
    const links = await screen.findAllByRole('link', { name: 'Otwórz komentarz' });
    await user.click(links[1]);
    await waitFor(() => expect(page.location()).toBe('/w/w1/d/d1'));
    expect(posts(page.calls)).toEqual([]);
    page.unmount();

    const again = open({ [`GET ${ALL}`]: inbox([mentionNew, mentionOld]) });
    await user.click((await screen.findAllByRole('link', { name: 'Otwórz komentarz' }))[0]);
    await waitFor(() => expect(posts(again.calls)).toEqual(['/notifications/n2/read']));
  });

  it('marks everything read, or one kind, and says so; the list is read again', async () => {
    const user = userEvent.setup();
    let items = [meeting, mentionNew, mentionOld];
    const page = open({
      [`GET ${ALL}`]: () => inbox(items),
      [`POST ${ALL}/read-all?kind=mention`]: () => {
        items = items.map((i) => (i.kind === 'mention' ? { ...i, read: true } : i));
        return reply(204);
      },
      [`POST ${ALL}/read-all`]: () => {
        items = items.map((i) => ({ ...i, read: true }));
        return reply(204);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Oznacz jako przeczytane: Wzmianki' }));
    expect(await screen.findByText('Oznaczono jako przeczytane: Wzmianki.')).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Wzmianki (2)' });
    // The button went away with the unread: the focus is on the kind's heading.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Wzmianki (2)'));
    expect(screen.getByRole('heading', { level: 2, name: 'Zwołane posiedzenia (1, nowe: 1)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' }));
    expect(await screen.findByText('Oznaczono wszystkie powiadomienia jako przeczytane.')).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Zwołane posiedzenia (1)' });
    expect(screen.queryByRole('button', { name: /Oznacz/ })).toBeNull();
    expect(posts(page.calls)).toEqual([`${ALL}/read-all?kind=mention`, `${ALL}/read-all`]);
  });

  it('filters by kind with the keyboard, reading that kind from the API, and back to all', async () => {
    const user = userEvent.setup();
    const page = open({
      [`GET ${ALL}`]: inbox([meeting, mentionNew, mentionOld, vote]),
      [`GET ${ALL}?kind=vote_closed`]: { ...inbox([meeting, mentionNew, mentionOld, vote]), items: [vote] },
    });
    const filter = await screen.findByRole('combobox', { name: 'Rodzaj powiadomień' });
    await waitFor(() => expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Wszystkie rodzaje',
      'Wzmianki (2)',
      'Zwołane posiedzenia (1)',
      'Wyniki głosowań (1)',
    ]));
    filter.focus();
    await user.selectOptions(filter, 'vote_closed');
    await waitFor(() => expect(page.location()).toBe('/w/w1/notifications?kind=vote_closed'));
    await waitFor(() => expect(sections().map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual(['Wyniki głosowań (1)']));
    expect(page.calls.some((c) => c.method === 'GET' && c.path === `${ALL}?kind=vote_closed`)).toBe(true);
    // The filter stays where the focus was.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Rodzaj powiadomień' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rodzaj powiadomień' }), '');
    await waitFor(() => expect(sections()).toHaveLength(3));
    expect(page.location()).toBe('/w/w1/notifications');
  });

  it('opened on one kind, offers its count in the filter and says when there is none of it', async () => {
    open(
      {
        [`GET ${ALL}`]: inbox([mentionNew]),
        [`GET ${ALL}?kind=proxy_given`]: { ...inbox([mentionNew]), items: [] },
      },
      { path: '/w/w1/notifications?kind=proxy_given' },
    );
    expect(await screen.findByText('Nie masz powiadomień tego rodzaju.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Rodzaj powiadomień' }) as HTMLSelectElement).value).toBe('proxy_given');
  });

  it('shows the counts of a kind beyond the newest read, with a way to see that kind', async () => {
    const user = userEvent.setup();
    const page = open({
      [`GET ${ALL}`]: { unread: 3, items: [mentionNew], kinds: [{ kind: 'mention', total: 1, unread: 1 }, { kind: 'round_opened', total: 130, unread: 2 }] },
    });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Otwarte konsultacje (130, nowe: 2)' });
    const section = heading.closest('section')!;
    expect(plain(within(section).getByText(/Widać/).textContent)).toContain('Widać 0 najnowszych z 130.');
    await user.click(within(section).getByRole('button', { name: 'Pokaż tylko: Otwarte konsultacje' }));
    await waitFor(() => expect(page.location()).toBe('/w/w1/notifications?kind=round_opened'));
  });

  it('says when there is nothing, and why the list could not be read', async () => {
    const { unmount } = open({ [`GET ${ALL}`]: inbox([]) });
    expect(await screen.findByText('Nie masz powiadomień.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Oznacz wszystkie jako przeczytane' })).toBeNull();
    unmount();
    open({ [`GET ${ALL}`]: reply(403, { message: 'no' }) });
    expect(await screen.findByText('Nie masz uprawnień do tej czynności.')).toBeTruthy();
  });
});
