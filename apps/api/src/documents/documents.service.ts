import { Injectable, NotFoundException } from '@nestjs/common';
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
import { problem } from '../platform/http/problem-codes';
import { DocumentEntity } from './document.entity';
import { accessInputOf, DocumentAccessService } from './document-access.service';
import type { UpdateDocumentDto } from './dto/document.dto';

export interface DocumentView {
  id: string;
  workspaceId: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The caller's access, and when it changes or ends because a grant ends (null: it stays). */
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
      `SELECT d.*, m.role, m.active, a.access AS grant_access, a.expires_at,
              oa.access AS organisation_access, oa.expires_at AS organisation_expires_at
       FROM documents d
       JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = $2
       LEFT JOIN document_access a ON a.document_id = d.id AND a.user_id = $2
       LEFT JOIN document_organisation_access oa ON oa.document_id = d.id AND oa.organisation_id = m.organisation_id
       WHERE d.workspace_id = $1
       ORDER BY d.status = 'archived', d.updated_at DESC`,
      [workspaceId, userId],
    );
    const now = new Date();
    const views: DocumentView[] = [];
    for (const row of rows) {
      const decision = documentAccess({ ...accessInputOf(row), now });
      if (decision.allowed) views.push(toView(row, decision.access, decision.changesAt));
    }
    return views;
  }

  async get(userId: string, documentId: string): Promise<DocumentView> {
    const resolved = await this.access.require(userId, documentId, 'read');
    const document = await this.find(documentId);
    return view(document, resolved.access, resolved.changesAt);
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
          throw problem('document_status_not_allowed', `a document cannot go from ${document.status} to ${dto.status}`);
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
    return view(saved, after.ok ? after.access : resolved.access, after.ok ? after.changesAt : null);
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
