import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../api/types';
import { AUDIT_PAGE_SIZE, fetchAuditPage } from './audit-api';

export interface AuditTrail {
  entries: AuditEntry[];
  loading: boolean;
  error: unknown;
  /** False once a page came back shorter than a full page, or reached the chain's first entry (seq 1). */
  hasOlder: boolean;
  loadOlder: () => void;
}

/** The newest page of the workspace's audit trail, and older pages appended on request. */
export function useAuditTrail(workspaceId: string, pageSize = AUDIT_PAGE_SIZE): AuditTrail {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [hasOlder, setHasOlder] = useState(false);

  const load = useCallback(
    async (before: number | null, replace: boolean, isCurrent: () => boolean = () => true) => {
      setLoading(true);
      setError(null);
      try {
        const page = await fetchAuditPage(workspaceId, before, pageSize);
        if (!isCurrent()) return;
        setEntries((current) => (replace ? page.entries : [...current, ...page.entries]));
        // A workspace's chain starts at 1: a full page that ends there has nothing older (no empty request needed).
        setHasOlder(page.entries.length === pageSize && page.entries[page.entries.length - 1].seq > 1);
      } catch (failure) {
        if (isCurrent()) setError(failure);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [workspaceId, pageSize],
  );

  useEffect(() => {
    let current = true;
    void load(null, true, () => current);
    return () => {
      current = false;
    };
  }, [load]);

  const oldest = entries.length > 0 ? entries[entries.length - 1].seq : null;
  const loadOlder = useCallback(() => {
    if (oldest !== null) void load(oldest, false);
  }, [load, oldest]);

  return { entries, loading, error, hasOlder, loadOlder };
}
