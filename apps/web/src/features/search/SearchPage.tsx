import { useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { ErrorMessage } from '../../ui/Messages';
import { KEEP_FOCUS } from '../../ui/navigation-focus';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { kindName, MAX_QUERY_LENGTH, type SearchGroup, type SearchHit, type SearchKind, searchQuery, type SnippetPart } from './search-api';

/** How long typing pauses before the words are searched. */
export const SEARCH_DELAY_MS = 250;

/** The words of a query as searched: without the spaces around them, at most as many characters as the API takes. */
const wordsOf = (text: string | null): string => (text ?? '').slice(0, MAX_QUERY_LENGTH).trim();

const plainText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Where a result links to: a path of this app, or nowhere (anything else is shown as text, never followed). */
const appPath = (href: string | null): string | null => (href && href.startsWith('/') && !href.startsWith('//') ? href : null);

/** A snippet's text with the words that match the query in <mark>. */
function Marked({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

/**
 * One result: its title (a link to where it was found, or text where the app has no page for it), whether it was
 * found by a title like the words (a typo), the heading or quoted passage it stands under, and the snippet with the
 * matching words marked. A snippet that is the title or the heading itself marks the words there instead.
 */
function SearchHitItem({ hit, id }: { hit: SearchHit; id: string }) {
  const { t } = useTranslation();
  const snippet = plainText(hit.snippet.map((part) => part.text).join(''));
  const inTitle = snippet !== '' && snippet === plainText(hit.title);
  const inHeading = !inTitle && snippet !== '' && hit.heading !== null && snippet === plainText(hit.heading);
  const title: ReactNode = inTitle ? <Marked parts={hit.snippet} /> : hit.title;
  const heading: ReactNode = inHeading ? <Marked parts={hit.snippet} /> : hit.heading;
  const to = appPath(hit.href);
  return (
    <li className="search-hit">
      <h3 id={id} tabIndex={-1} className="search-hit__title">
        {to ? <Link to={to}>{title}</Link> : title}
        {hit.similar && (
          <>
            {' '}
            <span className="badge badge--similar">{t('search.similar')}</span>
          </>
        )}
      </h3>
      {hit.heading !== null &&
        (hit.kind === 'comment' ? <blockquote className="search-hit__quote">{heading}</blockquote> : <p className="search-hit__heading">{heading}</p>)}
      {!inTitle && !inHeading && snippet !== '' && (
        <p className="search-hit__snippet">
          <Marked parts={hit.snippet} />
        </p>
      )}
    </li>
  );
}

const hitId = (kind: string, index: number) => `search-hit-${kind}-${index}`;
const groupHeadingId = (kind: string) => `search-group-${kind}`;

/**
 * /w/:workspaceId/search?q=…: everything of the workspace the reader may read that matches the words, grouped by kind.
 * The words are searched as they are typed (after a pause) and kept in the address; the few best of each kind come
 * first, and "show all" asks for up to 50 of one kind. The count of results is said politely as it changes.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  // The words searched are the address's; the box may hold more, typed since.
  const q = wordsOf(params.get('q'));
  const [text, setText] = useState(() => params.get('q') ?? '');
  const ours = useRef(q);

  // Words put in the address elsewhere (a link, the history) go into the box.
  useEffect(() => {
    if (q === ours.current) return;
    ours.current = q;
    setText(q);
  }, [q]);

  // The address is replaced rather than added to (no history entry per word), and the focus stays in the box.
  const search = useCallback(
    (words: string) => {
      ours.current = words;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (words) next.set('q', words);
          else next.delete('q');
          return next;
        },
        { replace: true, state: KEEP_FOCUS },
      );
    },
    [setParams],
  );

  // What is typed is searched once typing pauses.
  useEffect(() => {
    const words = wordsOf(text);
    if (words === q) return;
    const timer = window.setTimeout(() => search(words), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, q, search]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const words = wordsOf(text);
    if (words !== q) search(words);
  }

  const results = useQuery(searchQuery(workspace.id, q));
  // The kinds whose results were all asked for; other words start again with the few best of each.
  const [expanded, setExpanded] = useState<{ q: string; kinds: SearchKind[] }>({ q: '', kinds: [] });
  const kinds = expanded.q === q ? expanded.kinds : [];
  const whole = useQueries({ queries: kinds.map((kind) => searchQuery(workspace.id, q, kind)) });
  const wholeOf = (kind: SearchKind) => {
    const at = kinds.indexOf(kind);
    return at < 0 ? null : whole[at];
  };

  // After "show all", the focus goes to the first result that was not shown before (or the group's heading).
  const [focusAfter, setFocusAfter] = useState<{ kind: SearchKind; from: number } | null>(null);
  const focusQuery = focusAfter ? wholeOf(focusAfter.kind) : null;
  useEffect(() => {
    if (!focusAfter || !focusQuery || focusQuery.isFetching) return;
    if (focusQuery.isSuccess) (document.getElementById(hitId(focusAfter.kind, focusAfter.from)) ?? document.getElementById(groupHeadingId(focusAfter.kind)))?.focus();
    setFocusAfter(null);
  }, [focusAfter, focusQuery]);

  function showAll(kind: SearchKind, shown: number) {
    const asked = wholeOf(kind);
    // Asked already: on its way, or failed and asked again.
    if (asked) {
      if (asked.error != null && !asked.isFetching) {
        void asked.refetch();
        setFocusAfter({ kind, from: shown });
      }
      return;
    }
    setExpanded({ q, kinds: [...kinds, kind] });
    setFocusAfter({ kind, from: shown });
  }

  // As useApiData: a read being tried again shows no error until it fails again.
  const failed = [results, ...whole].find((query) => query.error != null && !query.isFetching);
  const current = q !== '' && results.data && !results.isPlaceholderData ? results.data : null;
  const total = current ? current.groups.reduce((sum, group) => sum + group.total, 0) : 0;
  // A very common word's matches are cut short by the server (`more`): its totals are "at least".
  const atLeast = (count: number, more: boolean) => (more ? t('search.atLeast', { count }) : String(count));

  let status: string | null = null;
  if (q === '' || results.error != null) status = null;
  else if (!current) status = t('search.searching');
  else status = total === 0 ? t('search.none', { q }) : t('search.summary', { q, total: atLeast(total, current.groups.some((g) => g.more)) });

  // The groups shown: the last words' while the next are searched, with all of a kind where it was asked for.
  const groups: SearchGroup[] = q !== '' && results.data && results.error == null ? results.data.groups : [];

  function group(shown: SearchGroup) {
    const name = kindName(shown.kind, t);
    const asked = wholeOf(shown.kind);
    const all = asked?.data?.groups.find((g) => g.kind === shown.kind);
    const hits = all?.hits ?? shown.hits;
    const count = all?.total ?? shown.total;
    const countText = atLeast(count, all?.more ?? shown.more);
    return (
      <section key={shown.kind} aria-labelledby={groupHeadingId(shown.kind)} className="search-group">
        <h2 id={groupHeadingId(shown.kind)} tabIndex={-1}>
          {t('search.groupHeading', { name, total: countText })}
        </h2>
        <ol className="search-hits">
          {hits.map((hit, i) => (
            <SearchHitItem key={`${hit.id}|${hit.href ?? ''}|${i}`} hit={hit} id={hitId(shown.kind, i)} />
          ))}
        </ol>
        {hits.length < count &&
          (all ? (
            <p className="muted">{t('search.showingFirst', { shown: hits.length, total: countText })}</p>
          ) : (
            <button type="button" className="button button--small" aria-disabled={asked?.isFetching ? true : undefined} onClick={() => showAll(shown.kind, hits.length)}>
              {t('search.showAll', { name, total: countText })}
            </button>
          ))}
      </section>
    );
  }

  return (
    <>
      <PageHeading title={`${q ? t('search.resultsFor', { q }) : t('search.heading')} – ${workspace.shortName}`}>{t('search.heading')}</PageHeading>
      <form role="search" aria-label={t('search.landmark')} className="search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">{t('search.label')}</label>
          <p id="search-q-hint" className="field__hint">
            {t('search.hint')}
          </p>
          <div className="search-form__row">
            <input
              id="search-q"
              type="search"
              enterKeyHint="search"
              aria-describedby="search-q-hint"
              value={text}
              maxLength={MAX_QUERY_LENGTH}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="button button--primary">
              {t('search.submit')}
            </button>
          </div>
        </div>
      </form>
      <div role="status" aria-live="polite" className="search-status">
        {status && <p>{status}</p>}
      </div>
      <ErrorMessage message={failed ? errorText(failed.error, t) : null} />
      {q === '' ? (
        <p className="muted">{t('search.empty')}</p>
      ) : current && current.groups.length === 0 ? (
        <p className="muted">{t('search.noneHint')}</p>
      ) : (
        <div className="search-results" aria-busy={results.isFetching || undefined}>
          {groups.map(group)}
        </div>
      )}
    </>
  );
}
