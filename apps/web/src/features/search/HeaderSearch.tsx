import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MAX_QUERY_LENGTH } from './search-api';

/** The address of the search page of a workspace, with the words sought (none: the page asks for them). */
export function searchPageUrl(workspaceId: string, q: string): string {
  const words = q.trim();
  return `/w/${workspaceId}/search${words ? `?${new URLSearchParams({ q: words })}` : ''}`;
}

/**
 * The search box of the header on every page of a workspace (a search landmark): Enter or the button opens the
 * results page with the words typed, where the search goes on as they are changed.
 */
export function HeaderSearch({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate(searchPageUrl(workspaceId, text));
    // The results page has a box of its own, prefilled: this one starts empty when it is shown again.
    setText('');
  }

  return (
    <form role="search" aria-label={t('search.landmark')} className="header-search" onSubmit={submit}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t('search.label')}
      </label>
      <input id="header-search-q" type="search" enterKeyHint="search" value={text} maxLength={MAX_QUERY_LENGTH} onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="button button--small">
        {t('search.submit')}
      </button>
    </form>
  );
}
