import { useEffect, useRef } from 'react';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type VersionSummary = Schemas['VersionSummaryDto'];
export type VersionDetails = Schemas['VersionDetailsDto'];
/** Either side of a comparison: the live text, or a version. */
export type CompareSide = Comparison['from'];
/** The changes from one side to the other, block by block and word by word. */
export type Comparison = Schemas['ComparisonDto'];

/** The API's limit on a version's name (FreezeVersionDto). */
export const VERSION_NAME_MAX_LENGTH = 200;

export const versionsPath = (documentId: string) => `/documents/${documentId}/versions`;
export const versionPath = (documentId: string, versionId: string) => `/documents/${documentId}/versions/${versionId}`;
export const comparePath = (documentId: string, from: string, to: string) =>
  `/documents/${documentId}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export const freezeVersion = (documentId: string, name: string): Promise<VersionSummary> =>
  call(apiClient.POST('/api/documents/{documentId}/versions', { params: { path: { documentId } }, body: { name } }));
export const restoreVersion = (documentId: string, versionId: string): Promise<Schemas['RestoredVersionDto']> =>
  call(apiClient.POST('/api/documents/{documentId}/versions/{versionId}/restore', { params: { path: { documentId, versionId } } }));

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
