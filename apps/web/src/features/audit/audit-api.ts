import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';
import type { ChainReport } from '../../api/types';

export const AUDIT_PAGE_SIZE = 25;

export function fetchAuditPage(workspaceId: string, before: number | null, limit = AUDIT_PAGE_SIZE): Promise<components['schemas']['AuditPageDto']> {
  return call(
    apiClient.GET('/api/workspaces/{workspaceId}/audit', { params: { path: { workspaceId }, query: { limit, ...(before !== null ? { before } : {}) } } }),
  );
}

export const verifyChain = (workspaceId: string): Promise<ChainReport> =>
  call(apiClient.GET('/api/workspaces/{workspaceId}/audit/verify', { params: { path: { workspaceId } } }));
