import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DocumentAccessService } from '../documents/document-access.service';
import { DecisionsAccess } from './decisions-access';
import { resolutionFullTitle, type ResolutionState } from './resolutions.service';
import { problem } from '../platform/http/problem-codes';

export interface VersionApproval {
  organisation: { id: string; name: string };
  /** The SHA-256 of the version's content as approved (the version never changes; the hash names what was signed off). */
  contentHash: string;
  approvedBy: string | null;
  approvedAt: Date;
}

/**
 * What a sign-off is about, shown before it is given: the document, the version (number, name, when frozen, SHA-256)
 * and the resolutions that adopt it (adopted) or are to adopt it (not yet decided), newest first.
 */
export interface ApprovalSubject {
  document: { id: string; title: string };
  version: { id: string; number: number; name: string; createdAt: Date; contentHash: string };
  resolutions: Array<{ id: string; title: string; state: ResolutionState; number: string | null; fullTitle: string | null; decidedAt: Date | null; body: { id: string; name: string } }>;
}

/** A member's representative approves (signs off) a frozen version of a document for its member, naming its hash. */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly documents: DocumentAccessService,
  ) {}

  async list(userId: string, documentId: string, versionId: string): Promise<VersionApproval[]> {
    await this.documents.require(userId, documentId, 'read');
    await this.version(documentId, versionId);
    const rows = await this.dataSource.query(
      `SELECT a.organisation_id, o.name, a.content_hash, u.display_name, a.approved_at FROM version_approvals a
       JOIN organisations o ON o.id = a.organisation_id LEFT JOIN users u ON u.id = a.approved_by
       WHERE a.version_id = $1 ORDER BY a.approved_at`,
      [versionId],
    );
    return rows.map((r: { organisation_id: string; name: string; content_hash: string; display_name: string | null; approved_at: string }) => ({
      organisation: { id: r.organisation_id, name: r.name },
      contentHash: r.content_hash,
      approvedBy: r.display_name,
      approvedAt: new Date(r.approved_at),
    }));
  }

  async subject(userId: string, documentId: string, versionId: string): Promise<ApprovalSubject> {
    await this.documents.require(userId, documentId, 'read');
    const [row] = await this.dataSource.query(
      `SELECT v.id, v.number, v.name, v.created_at, v.content_hash, d.title FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1 AND v.document_id = $2`,
      [versionId, documentId],
    );
    if (!row) throw new NotFoundException('version not found');
    const resolutions = await this.dataSource.query(
      `SELECT r.id, r.title, r.state, r.number, r.decided_at, b.id AS body_id, b.name AS body_name, b.name_genitive
       FROM resolutions r JOIN decision_bodies b ON b.id = r.body_id
       WHERE r.adopts_version_id = $1 AND r.state <> 'rejected' ORDER BY (r.state = 'adopted') DESC, r.created_at DESC`,
      [versionId],
    );
    return {
      document: { id: documentId, title: row.title },
      version: { id: row.id, number: Number(row.number), name: row.name, createdAt: new Date(row.created_at), contentHash: row.content_hash },
      resolutions: resolutions.map((r: { id: string; title: string; state: ResolutionState; number: string | null; decided_at: string | null; body_id: string; body_name: string; name_genitive: string }) => ({
        id: r.id,
        title: r.title,
        state: r.state,
        number: r.number,
        fullTitle: r.number ? resolutionFullTitle(r.number, r.name_genitive, r.title) : null,
        decidedAt: r.decided_at ? new Date(r.decided_at) : null,
        body: { id: r.body_id, name: r.body_name },
      })),
    };
  }

  async approve(userId: string, documentId: string, versionId: string): Promise<VersionApproval[]> {
    const resolved = await this.documents.require(userId, documentId, 'read');
    const organisationId = await this.access.representative(resolved.workspaceId, userId);
    const version = await this.version(documentId, versionId);
    await this.dataSource.transaction(async (manager) => {
      const [added] = await manager.query(
        `INSERT INTO version_approvals (workspace_id, version_id, organisation_id, content_hash, approved_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (version_id, organisation_id) DO NOTHING RETURNING id`,
        [resolved.workspaceId, versionId, organisationId, version.content_hash, userId],
      );
      if (!added) throw problem('already_approved', 'your member has already approved this version');
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId: userId,
        action: 'document.version_approved',
        targetType: 'document',
        targetId: documentId,
        details: { versionId, number: Number(version.number), name: version.name, contentHash: version.content_hash, organisationId },
      });
    });
    return this.list(userId, documentId, versionId);
  }

  private async version(documentId: string, versionId: string): Promise<{ number: number; name: string; content_hash: string }> {
    const [version] = await this.dataSource.query(`SELECT number, name, content_hash FROM document_versions WHERE id = $1 AND document_id = $2`, [versionId, documentId]);
    if (!version) throw new NotFoundException('version not found');
    return version;
  }
}
