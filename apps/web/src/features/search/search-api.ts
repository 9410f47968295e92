import { hashKey, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { apiClient, call } from '../../api/client';
import { apiQueryKey, readStarting } from '../../api/query-client';
import type { components } from '../../api/schema';

export type SearchKind = components['schemas']['SearchKind'];
export type SearchResults = components['schemas']['SearchResponseDto'];
export type SearchGroup = components['schemas']['SearchGroupDto'];
export type SearchHit = components['schemas']['SearchHitDto'];
export type SnippetPart = components['schemas']['SnippetPartDto'];

/** The longest query the API takes (SearchQueryDto). */
export const MAX_QUERY_LENGTH = 200;
/** How many results of one kind "show all" asks for: the most the API gives. */
export const ALL_OF_KIND = 50;

/** Every kind of result, each with the key of its name (the type check fails when the API adds a kind). */
const KIND_NAMES: Record<SearchKind, string> = {
  document: 'search.kinds.document',
  version: 'search.kinds.version',
  comment: 'search.kinds.comment',
  round: 'search.kinds.round',
  consultation_comment: 'search.kinds.consultation_comment',
  report: 'search.kinds.report',
  resolution: 'search.kinds.resolution',
  meeting: 'search.kinds.meeting',
  person: 'search.kinds.person',
  organisation: 'search.kinds.organisation',
  project: 'search.kinds.project',
};

export const SEARCH_KINDS = Object.keys(KIND_NAMES) as SearchKind[];

/** The name of a kind of result in the reader's language (a kind this app does not know yet: the general word). */
export function kindName(kind: string, t: TFunction): string {
  return kind in KIND_NAMES ? t(KIND_NAMES[kind as SearchKind]) : t('search.kinds.other');
}

/**
 * The path of a search as the query cache keys it (under the workspace's path, so that what invalidates the
 * workspace's reads invalidates it too): every kind, a few each, or all of one kind.
 */
export function searchPath(workspaceId: string, q: string, kind: SearchKind | null = null): string {
  const query = new URLSearchParams({ q });
  if (kind) {
    query.set('kind', kind);
    query.set('limit', String(ALL_OF_KIND));
  }
  return `/workspaces/${workspaceId}/search?${query}`;
}

/** GET /api/workspaces/:id/search: the API's few best of each kind, or up to 50 of one kind. */
export function fetchSearch(workspaceId: string, q: string, kind: SearchKind | null, signal?: AbortSignal): Promise<SearchResults> {
  return call(
    apiClient.GET('/api/workspaces/{workspaceId}/search', {
      params: { path: { workspaceId }, query: kind ? { q, kind, limit: ALL_OF_KIND } : { q } },
      signal,
    }),
  );
}

/**
 * The query of a search in the app's query cache (key ['api', path], as useApiData's). A search no longer shown is
 * aborted (its signal is the query's), and an answer to words no longer typed is never shown: each search is a query
 * of its own. While the next words are searched, the results of the last stay (`placeholderData`).
 */
export function searchQuery(workspaceId: string, q: string, kind: SearchKind | null = null) {
  return queryOptions({
    queryKey: apiQueryKey(searchPath(workspaceId, q, kind)),
    queryFn: ({ queryKey, signal }) => {
      readStarting(hashKey(queryKey));
      return fetchSearch(workspaceId, q, kind, signal);
    },
    enabled: q !== '',
    placeholderData: kind ? undefined : keepPreviousData,
  });
}
