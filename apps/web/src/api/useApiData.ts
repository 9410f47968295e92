import { useCallback, useEffect, useState } from 'react';
import { api } from './client';

export interface ApiData<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetches again; the current data stays shown until the new answer arrives. */
  reload: () => void;
}

/** GETs `path` (none when null) and refetches when the path changes; late answers for an old path are dropped. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [state, setState] = useState<{ path: string | null; data: T | null; error: unknown; loading: boolean }>({
    path: null,
    data: null,
    error: null,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ path, data: s.path === path ? s.data : null, error: null, loading: true }));
    api.get<T>(path).then(
      (data) => current && setState({ path, data, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ path, data: s.path === path ? s.data : null, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const fresh = state.path === path;
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    loading: path !== null && (!fresh || state.loading),
    reload,
  };
}
