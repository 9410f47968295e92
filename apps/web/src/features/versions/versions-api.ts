import { useEffect, useRef } from 'react';
import type { DocumentDiff } from '@commonplan/editor';
import { api } from '../../api/client';

export interface VersionSummary {
  id: string;
  documentId: string;
  number: number;
  name: string;
  contentHash: string;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
}

export interface VersionDetails extends VersionSummary {
  content: Record<string, unknown>;
  html: string;
}

export type CompareSide = { kind: 'live' } | { kind: 'version'; id: string; number: number; name: string; contentHash: string };

export interface Comparison extends DocumentDiff {
  from: CompareSide;
  to: CompareSide;
}

/** The API's limit on a version's name (FreezeVersionDto). */
export const VERSION_NAME_MAX_LENGTH = 200;

export const versionsPath = (documentId: string) => `/documents/${documentId}/versions`;
export const versionPath = (documentId: string, versionId: string) => `/documents/${documentId}/versions/${versionId}`;
export const comparePath = (documentId: string, from: string, to: string) =>
  `/documents/${documentId}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export const freezeVersion = (documentId: string, name: string) => api.post<VersionSummary>(versionsPath(documentId), { name });
export const restoreVersion = (documentId: string, versionId: string) =>
  api.post<{ changed: boolean }>(`${versionPath(documentId, versionId)}/restore`, {});

/** The first 12 hex digits of a content hash, for lists (the whole hash is on the version's page). */
export const shortHash = (hash: string) => hash.slice(0, 12);

const CHANGED = 'commonplan:versions-changed';

/** Says that the versions of a document changed (the server's `versions` doc-event: someone froze or restored one). */
export const versionsChanged = (documentId: string) => window.dispatchEvent(new CustomEvent<string>(CHANGED, { detail: documentId }));

/** Calls `onChange` each time the versions of `documentId` change (see versionsChanged). */
export function useVersionsChanged(documentId: string, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<string>).detail === documentId) latest.current();
    };
    window.addEventListener(CHANGED, listener);
    return () => window.removeEventListener(CHANGED, listener);
  }, [documentId]);
}
