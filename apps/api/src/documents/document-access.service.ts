import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  accessAllows,
  type DocumentAccess,
  documentAccess,
  type DocumentAccessInput,
  type DocumentStatus,
  type Role,
} from '@commonplan/domain';
import { problem } from '../platform/http/problem-codes';

export type ResolvedAccess =
  | {
      ok: true;
      access: DocumentAccess;
      /** When the access ends altogether (the person is then refused). */
      until: Date | null;
      /** When the level of access next changes because a grant ends. */
      changesAt: Date | null;
      workspaceId: string;
      role: Role;
      status: DocumentStatus;
      /** The organisation the person represents or belongs to in the document's workspace, if any. */
      organisationName: string | null;
      /** The text of a resolution under vote or decided: nobody edits it. */
      frozen: boolean;
    }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'expired' };

/**
 * The rule's input from a row that carries the membership (role, active), the person's own grant (grant_access,
 * expires_at) and their organisation's grant (organisation_access, organisation_expires_at).
 */
export function accessInputOf(row: Record<string, unknown>): Omit<DocumentAccessInput, 'now' | 'resolutionTextFrozen'> {
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  return {
    role: (row.role as Role | null) ?? null,
    membershipActive: row.active === true,
    grant: (row.grant_access as DocumentAccess | null) ?? null,
    grantExpiresAt: date(row.expires_at),
    organisationGrant: (row.organisation_access as DocumentAccess | null) ?? null,
    organisationGrantExpiresAt: date(row.organisation_expires_at),
    status: row.status as DocumentStatus,
  };
}

/** Decides a person's access to one document from the database (rules in libs/domain documentAccess). */
@Injectable()
export class DocumentAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(userId: string, documentId: string): Promise<ResolvedAccess> {
    const [row] = await this.dataSource.query(
      `SELECT d.workspace_id, d.status, m.role, m.active, a.access AS grant_access, a.expires_at, o.name AS organisation_name,
              oa.access AS organisation_access, oa.expires_at AS organisation_expires_at,
              EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = d.id AND r.state NOT IN ('draft', 'no_quorum')) AS frozen
       FROM documents d
       LEFT JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = $2
       LEFT JOIN organisations o ON o.id = m.organisation_id
       LEFT JOIN document_access a ON a.document_id = d.id AND a.user_id = $2
       LEFT JOIN document_organisation_access oa ON oa.document_id = d.id AND oa.organisation_id = m.organisation_id
       WHERE d.id = $1`,
      [documentId, userId],
    );
    if (!row) return { ok: false, reason: 'not_found' };
    const decision = documentAccess({ ...accessInputOf(row), now: new Date(), resolutionTextFrozen: row.frozen === true });
    if (!decision.allowed) return { ok: false, reason: decision.reason === 'expired' ? 'expired' : 'forbidden' };
    return {
      ok: true,
      access: decision.access,
      until: decision.until,
      changesAt: decision.changesAt,
      workspaceId: row.workspace_id,
      role: row.role,
      status: row.status,
      organisationName: row.organisation_name ?? null,
      frozen: decision.frozen,
    };
  }

  /** The caller's access when it allows `needed`; otherwise 404 (no such document) or 403. */
  async require(userId: string, documentId: string, needed: DocumentAccess) {
    const resolved = await this.resolve(userId, documentId);
    if (!resolved.ok) {
      if (resolved.reason === 'not_found') throw new NotFoundException('document not found');
      if (resolved.reason === 'expired') throw problem('document_access_ended', 'your access to this document has ended');
      throw new ForbiddenException('you have no access to this document');
    }
    if (!accessAllows(resolved.access, needed)) {
      throw problem('document_access_insufficient', `this needs ${needed} access to the document; you have ${resolved.access}`);
    }
    return resolved;
  }

  /** Like require(), for what only the workspace's coordinators may do with a document. */
  async requireCoordinator(userId: string, documentId: string) {
    const resolved = await this.require(userId, documentId, 'read');
    if (resolved.role !== 'coordinator') throw new ForbiddenException('only coordinators may do this');
    return resolved;
  }
}
