import { hashKey, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';
import { API_QUERY, readStarting } from './query-client';

export interface ApiData<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetches again; the current data stays shown until the new answer arrives. */
  reload: () => void;
}

/**
 * GETs `path` (none when null) through the query cache (key ['api', path], query-client.tsx): an answer still fresh is
 * shown without asking again, a stale one is shown while it is read again. A path change shows nothing of the old
 * path; late answers for an old path are dropped.
 */
export function useApiData<T>(path: string | null): ApiData<T> {
  const query = useQuery({
    queryKey: [API_QUERY, path],
    // An empty answer (204) is kept as null: the cache keeps no undefined. The read's start is recorded, so that a
    // change heard after it asks again (invalidateApi).
    queryFn: async ({ queryKey }) => {
      readStarting(hashKey(queryKey));
      return (await api.get<T>(path as string)) ?? null;
    },
    enabled: path !== null,
  });
  const { refetch } = query;
  // A refetch forced on a disabled query would still run its queryFn: with no path there is nothing to read.
  const reload = useCallback(() => {
    if (path !== null) void refetch();
  }, [path, refetch]);
  if (path === null) return { data: null, error: null, loading: false, reload };
  return {
    data: query.data ?? null,
    // As before: reading again (a reload, a retry) clears the error until the answer comes.
    error: query.isFetching ? null : query.error,
    loading: query.isPending || query.isFetching,
    reload,
  };
}
