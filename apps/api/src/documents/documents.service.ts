import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type DocumentAccess,
  type DocumentKind,
  type DocumentStatus,
  documentAccess,
  statusTransitionAllowed,
} from '@commonplan/domain';
import { AuditService } from '../audit/audit.service';
import { AccessEvents } from '../platform/events';
import { DocumentEntity } from './document.entity';
import { DocumentAccessService } from './document-access.service';
import type { GrantAccessDto, UpdateDocumentDto } from './dto/document.dto';

export interface DocumentView {
  id: string;
  workspaceId: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The caller's access. */
  access: DocumentAccess;
  accessUntil: Date | null;
}

interface DocumentRow {
  id: string;
  workspace_id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface GrantView {
  userId: string;
  displayName: string;
  role: string | null;
  access: DocumentAccess;
  expiresAt: Date | null;
  expired: boolean;
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DocumentAccessService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
  ) {}

  /** The workspace's documents the caller may open, with the caller's access to each. */
  async list(workspaceId: string, userId: string): Promise<DocumentView[]> {
    const rows = await this.dataSource.query(
      `SELECT d.*, m.role, m.active, a.access AS grant_access, a.expires_at AS grant_expires_at
       FROM documents d
       JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = $2
       LEFT JOIN document_access a ON a.document_id = d.id AND a.user_id = $2
       WHERE d.workspace_id = $1
       ORDER BY d.status = 'archived', d.updated_at DESC`,
      [workspaceId, userId],
    );
    const now = new Date();
    const views: DocumentView[] = [];
    for (const row of rows) {
      const decision = documentAccess({
        role: row.role,
        membershipActive: row.active,
        grant: row.grant_access,
        grantExpiresAt: row.grant_expires_at ? new Date(row.grant_expires_at) : null,
        status: row.status,
        now,
      });
      if (decision.allowed) views.push(toView(row, decision.access, decision.until));
    }
    return views;
  }

  async get(userId: string, documentId: string): Promise<DocumentView> {
    const resolved = await this.access.require(userId, documentId, 'read');
    const document = await this.find(documentId);
    return view(document, resolved.access, resolved.until);
  }

  async create(workspaceId: string, userId: string, title: string, kind: DocumentKind): Promise<DocumentView> {
    const document = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(DocumentEntity).save({ workspaceId, title, kind, status: 'drafting', createdBy: userId });
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'document.created',
        targetType: 'document',
        targetId: saved.id,
        details: { title, kind },
      });
      return saved;
    });
    return view(document, 'edit', null);
  }

  /** Renaming needs edit access; changing the kind or status is the coordinators' decision. */
  async update(userId: string, documentId: string, dto: UpdateDocumentDto): Promise<DocumentView> {
    const needsCoordinator = dto.status !== undefined || dto.kind !== undefined;
    const resolved = needsCoordinator
      ? await this.access.requireCoordinator(userId, documentId)
      : await this.access.require(userId, documentId, 'edit');
    const saved = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(DocumentEntity);
      const document = await repo.findOne({ where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      if (!document) throw new NotFoundException('document not found');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (dto.status !== undefined && dto.status !== document.status) {
        if (!statusTransitionAllowed(document.status, dto.status)) {
          throw new ConflictException(`a document cannot go from ${document.status} to ${dto.status}`);
        }
        changes.status = { from: document.status, to: dto.status };
        document.status = dto.status;
      }
      for (const key of ['title', 'kind'] as const) {
        if (dto[key] !== undefined && dto[key] !== document[key]) {
          changes[key] = { from: document[key], to: dto[key] };
          (document as unknown as Record<string, unknown>)[key] = dto[key];
        }
      }
      if (Object.keys(changes).length === 0) return document;
      const result = await repo.save(document);
      await this.audit.append(manager, {
        workspaceId: document.workspaceId,
        actorId: userId,
        action: changes.status ? 'document.status_changed' : 'document.updated',
        targetType: 'document',
        targetId: documentId,
        details: { changes },
      });
      return result;
    });
    if (dto.status !== undefined) this.accessEvents.publish({ documentId });
    const after = await this.access.resolve(userId, documentId);
    return view(saved, after.ok ? after.access : resolved.access, after.ok ? after.until : null);
  }

  async grants(userId: string, documentId: string): Promise<GrantView[]> {
    await this.access.requireCoordinator(userId, documentId);
    const rows = await this.dataSource.query(
      `SELECT a.user_id, a.access, a.expires_at, u.display_name, m.role
       FROM document_access a JOIN users u ON u.id = a.user_id
       JOIN documents d ON d.id = a.document_id
       LEFT JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = a.user_id
       WHERE a.document_id = $1 ORDER BY u.display_name`,
      [documentId],
    );
    const now = Date.now();
    return rows.map((r: Record<string, unknown>) => ({
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role ?? null,
      access: r.access,
      expiresAt: r.expires_at ?? null,
      expired: r.expires_at ? new Date(r.expires_at as string).getTime() <= now : false,
    }));
  }

  /** Gives a member of the document's workspace a level of access, optionally until a date (ad-hoc experts). */
  async grant(actorId: string, documentId: string, userId: string, dto: GrantAccessDto): Promise<GrantView> {
    const resolved = await this.access.requireCoordinator(actorId, documentId);
    if (dto.expiresAt && dto.expiresAt.getTime() <= Date.now()) {
      throw new UnprocessableEntityException({ message: 'expiresAt must be in the future', errors: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }] });
    }
    await this.dataSource.transaction(async (manager) => {
      const [member] = await manager.query(
        `SELECT m.role, m.active FROM memberships m WHERE m.workspace_id = $1 AND m.user_id = $2`,
        [resolved.workspaceId, userId],
      );
      if (!member) throw new NotFoundException('no such person in this workspace');
      if (member.role === 'coordinator') throw new UnprocessableEntityException('coordinators always edit; they need no grant');
      await manager.query(
        `INSERT INTO document_access (document_id, user_id, access, expires_at, granted_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (document_id, user_id)
         DO UPDATE SET access = EXCLUDED.access, expires_at = EXCLUDED.expires_at, granted_by = EXCLUDED.granted_by, updated_at = now()`,
        [documentId, userId, dto.access, dto.expiresAt ?? null, actorId],
      );
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId,
        action: 'document.access_granted',
        targetType: 'document',
        targetId: documentId,
        details: { userId, access: dto.access, expiresAt: dto.expiresAt?.toISOString() ?? null },
      });
    });
    this.accessEvents.publish({ documentId, userId });
    const grants = await this.grants(actorId, documentId);
    return grants.find((g) => g.userId === userId) as GrantView;
  }

  async revoke(actorId: string, documentId: string, userId: string): Promise<void> {
    const resolved = await this.access.requireCoordinator(actorId, documentId);
    await this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query(`DELETE FROM document_access WHERE document_id = $1 AND user_id = $2`, [documentId, userId]);
      if (Number(count) !== 1) throw new NotFoundException('this person has no grant on this document');
      await this.audit.append(manager, {
        workspaceId: resolved.workspaceId,
        actorId,
        action: 'document.access_revoked',
        targetType: 'document',
        targetId: documentId,
        details: { userId },
      });
    });
    this.accessEvents.publish({ documentId, userId });
  }

  private async find(documentId: string): Promise<DocumentEntity> {
    const document = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id: documentId });
    if (!document) throw new NotFoundException('document not found');
    return document;
  }
}

function view(d: DocumentEntity, access: DocumentAccess, until: Date | null): DocumentView {
  return {
    id: d.id,
    workspaceId: d.workspaceId,
    title: d.title,
    kind: d.kind,
    status: d.status,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    access,
    accessUntil: until,
  };
}

function toView(row: DocumentRow, access: DocumentAccess, until: Date | null): DocumentView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    access,
    accessUntil: until,
  };
}
