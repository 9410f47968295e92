import { api } from '../../api/client';
import type { AuditEntry, ChainReport } from '../../api/types';

export const AUDIT_PAGE_SIZE = 25;

export function fetchAuditPage(workspaceId: string, before: number | null, limit = AUDIT_PAGE_SIZE) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (before !== null) query.set('before', String(before));
  return api.get<{ entries: AuditEntry[] }>(`/workspaces/${workspaceId}/audit?${query.toString()}`);
}

export const verifyChain = (workspaceId: string) => api.get<ChainReport>(`/workspaces/${workspaceId}/audit/verify`);
