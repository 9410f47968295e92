import { useRef } from 'react';
import { useApiData } from '../../api/useApiData';
import { type TriageFilters, triagePath, type TriageRow } from './triage-api';

export interface Triage {
  /**
   * The comments that match the filters, in the chosen order: null until the first answer; while other filters load,
   * the previous rows stay shown (the table does not flicker, an open comment stays open).
   */
  rows: TriageRow[] | null;
  error: unknown;
  loading: boolean;
  /**
   * Fetches the table again with the same filters; the current rows stay shown until the answer arrives. Called after
   * each change made on the page; call it too when a live event says the round's comments changed.
   */
  reload: () => void;
  /** The API path of the current query (GET /api + path). */
  path: string;
}

/** The triage table of a round: GET /api/rounds/:roundId/triage with the filters, refetched when they change. */
export function useTriage(roundId: string, filters: TriageFilters): Triage {
  const path = triagePath(roundId, filters);
  const source = useApiData<TriageRow[]>(path);
  const last = useRef<{ roundId: string; rows: TriageRow[] } | null>(null);
  if (source.data) last.current = { roundId, rows: source.data };
  const previous = last.current?.roundId === roundId ? last.current.rows : null;
  return { rows: source.data ?? (source.error == null ? previous : null), error: source.error, loading: source.loading, reload: source.reload, path };
}
