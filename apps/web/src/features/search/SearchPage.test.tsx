import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n';
import { type ApiCall, type FakeRoute, fakeApi, renderPage, reply, workspaceOf } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { NavigationFocusProvider } from '../../ui/navigation-focus';
import { WorkspaceContext } from '../workspace/workspace-context';
import { kindName, SEARCH_KINDS, type SearchGroup, type SearchHit, type SearchResults } from './search-api';
import { SearchPage } from './SearchPage';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'document',
  id: 'd1',
  title: 'Strategia Rozwoju SOM 2020',
  heading: null,
  snippet: [],
  href: '/w/w1/d/d1',
  similar: false,
  ...over,
});

/** A group as the API answers it (`more`: its matches were cut short, the total is "at least"). */
const groupOf = (kind: SearchGroup['kind'], total: number, hits: SearchHit[], more = false): SearchGroup => ({ kind, total, hits, more });

/** The document's title row (its words marked in the title), a passage under a heading, and five more passages. */
const titleHit = hit({ snippet: [{ text: 'Strategia', match: true }, { text: ' Rozwoju SOM 2020', match: false }] });
const headingHit = hit({
  heading: 'Transport publiczny',
  href: '/w/w1/d/d1#h-transport-publiczny',
  snippet: [
    { text: 'Ta ', match: false },
    { text: 'strategia', match: true },
    { text: ' zakłada kolej aglomeracyjną.', match: false },
  ],
});
const morePassages = [1, 2, 3, 4, 5].map((n) =>
  hit({ id: `d${n + 1}`, title: `Plan nr ${n}`, href: `/w/w1/d/d${n + 1}`, snippet: [{ text: `Strategii punkt ${n}`, match: false }] }),
);
const comment = hit({
  kind: 'comment',
  id: 't1',
  heading: 'Tramwaj wodny',
  href: '/w/w1/d/d1#thread-t1',
  snippet: [
    { text: 'Czy ', match: false },
    { text: 'strategia', match: true },
    { text: ' obejmuje Podjuchy?', match: false },
  ],
});
const person = hit({ kind: 'person', id: 'p1', title: 'Anna Strategiczna', href: null, snippet: [{ text: 'Anna Strategiczna', match: false }] });
const organisation = hit({ kind: 'organisation', id: 'o1', title: 'Gmina Strategiczna', href: 'https://example.org/gmina', snippet: [] });

const STRATEGY: SearchResults = {
  q: 'strategii',
  groups: [
    groupOf('document', 7, [titleHit, headingHit]),
    groupOf('comment', 1, [comment]),
    groupOf('person', 1, [person]),
  ],
};
const ALL_DOCUMENTS: SearchResults = { q: 'strategii', groups: [groupOf('document', 7, [titleHit, headingHit, ...morePassages])] };
const NOTHING = (q: string): SearchResults => ({ q, groups: [] });

/** The query string of a search request, as an object. */
const asked = (call: ApiCall) => Object.fromEntries(new URL(call.path, 'http://localhost').searchParams);
const searches = (calls: ApiCall[]) => calls.filter((call) => call.method === 'GET' && call.path.startsWith('/workspaces/w1/search')).map(asked);

/** GET /workspaces/w1/search, answered by the words (and kind) asked. */
function answering(answer: (query: Record<string, string>) => unknown): Record<string, FakeRoute> {
  return { 'GET /workspaces/w1/search': (call: ApiCall) => answer(asked(call)) };
}

const byWords = answering(({ q, kind }) => {
  if (q === 'strategii') return kind === 'document' ? ALL_DOCUMENTS : STRATEGY;
  return NOTHING(q);
});

function open(routes: Record<string, FakeRoute>, path = '/w/w1/search', language: 'pl' | 'en' = 'pl') {
  return renderPage(<SearchPage />, { route: '/w/:workspaceId/search', path, role: 'observer', language, routes });
}

const group = (name: RegExp | string) => screen.getByRole('region', { name });

describe('SearchPage', () => {
  it('shows the results of what is typed, grouped by kind, with the matching words marked, and keeps the words in the address', async () => {
    const user = userEvent.setup();
    const { calls, location } = open(byWords);
    expect(await screen.findByText('Wpisz, czego szukasz: wyniki pojawią się w trakcie pisania.')).toBeTruthy();
    expect(searches(calls)).toEqual([]);
    await waitFor(() => expect(document.title).toBe('Wyszukiwanie – SSOM – Commonplan'));

    const box = within(screen.getByRole('search', { name: 'Szukaj w przestrzeni roboczej' })).getByRole('searchbox', { name: 'Szukaj w przestrzeni roboczej' });
    await user.type(box, 'strategii');
    // The count is said politely.
    const status = await screen.findByText('Wyniki dla „strategii”: 9');
    expect(status.closest('[aria-live="polite"]')).not.toBeNull();
    expect(searches(calls).at(-1)).toEqual({ q: 'strategii' });
    expect(location()).toBe('/w/w1/search?q=strategii');
    await waitFor(() => expect(document.title).toBe('Wyniki wyszukiwania: strategii – SSOM – Commonplan'));
    // Typing changed the address without taking the focus from the box.
    expect(document.activeElement).toBe(box);

    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Dokumenty (7)', 'Komentarze w dokumentach (1)', 'Osoby (1)']);
    const documents = group('Dokumenty (7)');
    const links = within(documents).getAllByRole('link', { name: 'Strategia Rozwoju SOM 2020' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/w/w1/d/d1', '/w/w1/d/d1#h-transport-publiczny']);
    // The title row's words are marked in the title; a passage's in its snippet, under its heading.
    expect(links[0].querySelector('mark')?.textContent).toBe('Strategia');
    const passage = links[1].closest('li')!;
    expect(within(passage).getByText('Transport publiczny')).toBeTruthy();
    expect([...passage.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['strategia']);
    expect(passage.querySelector('.search-hit__snippet')?.textContent).toBe('Ta strategia zakłada kolej aglomeracyjną.');

    // A comment: the quoted passage it is about, and a link that opens its thread.
    const comments = group('Komentarze w dokumentach (1)');
    expect(within(comments).getByRole('link', { name: 'Strategia Rozwoju SOM 2020' }).getAttribute('href')).toBe('/w/w1/d/d1#thread-t1');
    expect(comments.querySelector('blockquote')?.textContent).toBe('Tramwaj wodny');
  });

  it('keeps the focus in the box while the address follows the words (the app moves it to the heading on other navigations)', async () => {
    const user = userEvent.setup();
    const calls = fakeApi(byWords);
    function Where() {
      const location = useLocation();
      return <output data-testid="where">{location.pathname + location.search}</output>;
    }
    renderWithApp(
      <NavigationFocusProvider>
        <WorkspaceContext.Provider value={workspaceOf('observer')}>
          <Routes>
            <Route path="/w/:workspaceId/search" element={<SearchPage />} />
          </Routes>
          <Where />
        </WorkspaceContext.Provider>
      </NavigationFocusProvider>,
      { path: '/w/w1/search' },
    );
    const box = screen.getByRole('searchbox', { name: 'Szukaj w przestrzeni roboczej' });
    await user.type(box, 'strategii');
    await screen.findByText('Wyniki dla „strategii”: 9');
    expect(screen.getByTestId('where').textContent).toBe('/w/w1/search?q=strategii');
    expect(document.activeElement).toBe(box);
    await user.type(box, ' xyz');
    await screen.findByText('Nie znaleziono niczego dla „strategii xyz”.');
    expect(screen.getByTestId('where').textContent).toBe('/w/w1/search?q=strategii+xyz');
    expect(document.activeElement).toBe(box);
    expect(searches(calls).at(-1)).toEqual({ q: 'strategii xyz' });
  });

  it('shows a result the app has no page for as text, not a link (and never links outside the app)', async () => {
    const routes = answering(() => ({ ...STRATEGY, groups: [...STRATEGY.groups, groupOf('organisation', 1, [organisation])] }));
    open(routes, '/w/w1/search?q=strategii');
    const people = await screen.findByRole('region', { name: 'Osoby (1)' });
    expect(within(people).getByRole('heading', { level: 3 }).textContent).toBe('Anna Strategiczna');
    expect(within(people).queryByRole('link')).toBeNull();
    const organisations = screen.getByRole('region', { name: 'Organizacje (1)' });
    expect(within(organisations).getByRole('heading', { level: 3 }).textContent).toBe('Gmina Strategiczna');
    expect(within(organisations).queryByRole('link')).toBeNull();
  });

  it('starts from the words in the address, and asks for all of a kind with "show all", giving the focus to the first new result', async () => {
    const user = userEvent.setup();
    const { calls } = open(byWords, '/w/w1/search?q=strategii');
    expect(((await screen.findByRole('searchbox', { name: 'Szukaj w przestrzeni roboczej' })) as HTMLInputElement).value).toBe('strategii');
    await screen.findByText('Wyniki dla „strategii”: 9');
    expect(searches(calls)).toEqual([{ q: 'strategii' }]);
    // Groups shown whole have no button.
    expect(screen.getAllByRole('button', { name: /^Pokaż wszystkie/ }).map((b) => b.textContent)).toEqual(['Pokaż wszystkie: Dokumenty (7)']);

    await user.click(screen.getByRole('button', { name: 'Pokaż wszystkie: Dokumenty (7)' }));
    await waitFor(() => expect(within(group('Dokumenty (7)')).getAllByRole('listitem')).toHaveLength(7));
    expect(searches(calls).at(-1)).toEqual({ q: 'strategii', kind: 'document', limit: '50' });
    expect(screen.queryByRole('button', { name: /^Pokaż wszystkie/ })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Plan nr 1'));
    expect(document.activeElement?.tagName).toBe('H3');
  });

  it('says "at least" where a very common word\'s matches were cut short', async () => {
    open(answering(({ q }) => ({ q, groups: [groupOf('document', 1000, [titleHit, headingHit], true), groupOf('person', 1, [person])] })), '/w/w1/search?q=gmina');
    expect(await screen.findByText('Wyniki dla „gmina”: co najmniej 1001')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Dokumenty (co najmniej 1000)', 'Osoby (1)']);
    expect(screen.getByRole('button', { name: 'Pokaż wszystkie: Dokumenty (co najmniej 1000)' })).toBeTruthy();
  });

  it('says when nothing was found, and asks nothing for spaces alone', async () => {
    const user = userEvent.setup();
    const { calls, location } = open(byWords);
    const box = await screen.findByRole('searchbox', { name: 'Szukaj w przestrzeni roboczej' });
    await user.type(box, 'xyzzy');
    expect(await screen.findByText('Nie znaleziono niczego dla „xyzzy”.')).toBeTruthy();
    expect(screen.getByText('Sprawdź pisownię albo wpisz mniej słów: wyniki zawierają wszystkie wpisane słowa.')).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();

    await user.clear(box);
    await user.type(box, '   ');
    await screen.findByText('Wpisz, czego szukasz: wyniki pojawią się w trakcie pisania.');
    await waitFor(() => expect(location()).toBe('/w/w1/search'));
    expect(searches(calls).map((q) => q.q)).not.toContain('');
  });

  it('marks a title found by similarity (a typo) as such, in English too', async () => {
    const typo = answering(() => ({ q: 'Strategja', groups: [groupOf('document', 1, [hit({ similar: true })])] }));
    open(typo, '/w/w1/search?q=Strategja', 'en');
    const documents = await screen.findByRole('region', { name: 'Documents (1)' });
    expect(within(documents).getByRole('heading', { level: 3 }).textContent).toBe('Strategia Rozwoju SOM 2020 similar title');
    expect(screen.getByText('Results for “Strategja”: 1')).toBeTruthy();
  });

  it('never shows the answer to words no longer searched: their request is abandoned', async () => {
    const user = userEvent.setup();
    let late: (answer: SearchResults) => void = () => undefined;
    const routes = answering(({ q }) => {
      if (q === 'str') return new Promise<SearchResults>((resolve) => (late = resolve));
      return q === 'strategii' ? STRATEGY : NOTHING(q);
    });
    const { calls } = open(routes);
    // Each search request's signal, as the page's fetch received it.
    const faked = globalThis.fetch;
    const signals = new Map<string, AbortSignal | null | undefined>();
    vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
      const q = new URL(String(input), 'http://localhost').searchParams.get('q');
      if (q) signals.set(q, init.signal);
      return faked(input, init);
    });

    const box = await screen.findByRole('searchbox', { name: 'Szukaj w przestrzeni roboczej' });
    await user.type(box, 'str');
    await waitFor(() => expect(searches(calls).map((q) => q.q)).toContain('str'));
    expect(screen.getByText('Szukanie…')).toBeTruthy();
    await user.type(box, 'ategii');
    await screen.findByText('Wyniki dla „strategii”: 9');
    await waitFor(() => expect(signals.get('str')?.aborted).toBe(true));
    late({ q: 'str', groups: [groupOf('round', 1, [hit({ kind: 'round', title: 'Stare wyniki' })])] });
    expect(screen.queryByText('Stare wyniki')).toBeNull();
    expect(screen.getByText('Wyniki dla „strategii”: 9')).toBeTruthy();
  });

  it('shows a failed search as the app shows errors', async () => {
    const { i18n } = open(answering(() => reply(500, { code: 'internal', detail: 'boom' })), '/w/w1/search?q=strategii');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(i18n.t('errors.server')));
    expect(screen.queryByText('Szukanie…')).toBeNull();
  });

  it('names every kind of result in both languages', () => {
    for (const language of ['pl', 'en'] as const) {
      const { t } = createI18n(language);
      const names = SEARCH_KINDS.map((kind) => kindName(kind, t));
      expect(names.filter((name) => name.startsWith('search.'))).toEqual([]);
      expect(new Set(names).size).toBe(SEARCH_KINDS.length);
    }
    expect(kindName('something_new', createI18n('pl').t)).toBe('Inne');
  });
});
