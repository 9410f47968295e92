// Server state of the web app: what the API answered to GETs, kept by TanStack Query under ['api', path] (see
// useApiData). Answers are fresh for a short while (a page opened again shows them at once and a second component
// asking for the same path does not ask again); after that they are shown while read again. Live pages mark what an
// event changed as stale by path prefix (useInvalidateApi); the session empties the cache when the person changes.
import { type Query, QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiError, onApiWrite } from './client';

/** The first element of the key of every API read: ['api', path]. */
export const API_QUERY = 'api';

/** The query key of GET /api + `path`. */
export const apiQueryKey = (path: string) => [API_QUERY, path] as const;

/** How long an answer counts as fresh: within it, a page or component opened again shows it without asking again. */
export const FRESH_FOR_MS = 10_000;

/** Reads failed this many times in a row give up and show the error. */
const ATTEMPTS = 3;

/**
 * Whether a failed read is worth trying again: the server could not be reached (status 0) or failed (5xx). A refusal
 * (4xx: signed out, forbidden, not found, invalid) says the same the next time.
 */
export function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** The query client of the app (one per page load; tests make one per rendered tree). */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: FRESH_FOR_MS,
        retry: (failures, error) => failures < ATTEMPTS - 1 && retryable(error),
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        // Ask even when the browser says it is offline: the request fails as a network error (status 0) and the page
        // says so, instead of waiting in silence for the connection to come back.
        networkMode: 'always',
      },
      // Writes go through the API client directly, never retried by a library.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  // A read's start is kept while its query is in the cache (invalidateApi compares it with a change's moment).
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') readStarts.delete(event.query.queryHash);
  });
  return client;
}

/** Provides a query client to `children`: the one given, or a new one for the lifetime of this provider. */
export function ApiQueryProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [own] = useState(() => client ?? createQueryClient());
  const used = client ?? own;
  // A change accepted by the API makes every answer read before it stale (not read again now: pages reload what
  // they show themselves), so that a page opened again within FRESH_FOR_MS does not show what was true before.
  useEffect(() => onApiWrite(() => void used.invalidateQueries({ queryKey: [API_QUERY], refetchType: 'none' }).catch(() => undefined)), [used]);
  return <QueryClientProvider client={client ?? own}>{children}</QueryClientProvider>;
}

/** Whether `path` is `prefix` itself or lies under it: "/rounds/r1" covers "/rounds/r1/triage?x=1", not "/rounds/r10". */
export function underPrefix(path: string, prefix: string): boolean {
  if (path === prefix) return true;
  if (prefix.endsWith('/') || prefix.endsWith('?')) return path.startsWith(prefix);
  return path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}

/**
 * Moments of the page, in order: a read's start (useApiData) and a change heard (a socket event) each take the next
 * one, so whether a read was asked before or after a change is known exactly, whatever the clock's resolution.
 */
let lastMoment = 0;
export const nextMoment = (): number => ++lastMoment;

/** When each API read now under way was asked (by query hash), for invalidateApi. */
const readStarts = new Map<string, number>();

/** Records that the read of `queryHash` is asked now (useApiData's query function calls it first). */
export function readStarting(queryHash: string): void {
  readStarts.set(queryHash, nextMoment());
}

/**
 * Marks every API read under `prefix` as stale after a change at moment `changedAt` (by default: now): those on the
 * screen are read again at once, the others when they are next shown. An answer already on its way is waited for
 * rather than asked twice only if it was asked after the change; one asked before cannot hold the change, so it is
 * asked again (its late answer is dropped).
 */
export async function invalidateApi(client: QueryClient, prefix: string, changedAt: number = nextMoment()): Promise<void> {
  const matches = (query: Query) => query.queryKey[0] === API_QUERY && typeof query.queryKey[1] === 'string' && underPrefix(query.queryKey[1], prefix);
  const askedBefore = (query: Query) => query.state.fetchStatus === 'fetching' && (readStarts.get(query.queryHash) ?? 0) < changedAt;
  const outdated = client.getQueryCache().findAll({ queryKey: [API_QUERY], predicate: (query) => matches(query) && askedBefore(query) });
  // Cancelled first (each back as it was before that read, its late answer dropped), also off the screen, where the
  // answer would otherwise land as fresh; then marked stale, and what is on the screen read again.
  await Promise.all(outdated.map((query) => client.cancelQueries({ queryKey: query.queryKey, exact: true })));
  await client.invalidateQueries({ queryKey: [API_QUERY], predicate: matches }, { cancelRefetch: false });
}

/** `invalidateApi` bound to the query client of the tree (for live hooks: invalidate what a socket event changed). */
export function useInvalidateApi(): (prefix: string, changedAt?: number) => Promise<void> {
  const client = useQueryClient();
  return useCallback((prefix: string, changedAt?: number) => invalidateApi(client, prefix, changedAt), [client]);
}

/**
 * Forgets the API answers read for a person who is no longer the one signed in, so that nothing read for one is shown
 * to the next on this browser. Answers not on the screen go. After a sign-out (`next` 'nobody'), those still on the
 * screen (a public page stays open) are read again and shown until the answer comes, as on a reload. When another person
 * is found signed in (`next` 'another'), every answer goes at once: what is on the screen shows as loading meanwhile.
 */
export function forgetApiData(client: QueryClient, next: 'nobody' | 'another'): Promise<void> {
  client.removeQueries({ type: 'inactive' });
  return next === 'another' ? client.resetQueries() : client.invalidateQueries();
}
