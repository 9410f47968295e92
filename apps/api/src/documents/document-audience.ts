import { accessAllows, type DocumentAccess, documentAccess } from '@commonplan/domain';
import type { EntityManager } from 'typeorm';
import { accessInputOf } from './document-access.service';

/**
 * Of `userIds`, those whose access to the document allows `needed` now, decided by the same rule as
 * DocumentAccessService.resolve (libs/domain documentAccess), for many people in one query. Read through `manager`, so
 * it sees what the caller's transaction has changed (a grant just given) — and on the embedded database, whose one
 * connection that transaction holds, it does not wait for itself.
 */
export async function peopleWithAccess(manager: EntityManager, documentId: string, userIds: Iterable<string>, needed: DocumentAccess): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT p.id AS user_id, d.status, m.role, m.active, a.access AS grant_access, a.expires_at,
            oa.access AS organisation_access, oa.expires_at AS organisation_expires_at,
            EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = d.id AND r.state NOT IN ('draft', 'no_quorum')) AS frozen
     FROM documents d
     CROSS JOIN unnest($2::uuid[]) AS p(id)
     JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = p.id
     LEFT JOIN document_access a ON a.document_id = d.id AND a.user_id = p.id
     LEFT JOIN document_organisation_access oa ON oa.document_id = d.id AND oa.organisation_id = m.organisation_id
     WHERE d.id = $1`,
    [documentId, ids],
  );
  const now = new Date();
  return rows
    .filter((row) => {
      const decision = documentAccess({ ...accessInputOf(row), now, resolutionTextFrozen: row.frozen === true });
      return decision.allowed && accessAllows(decision.access, needed);
    })
    .map((row) => row.user_id as string);
}
