import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { can, type ResolutionKind } from '@commonplan/domain';
import { MembershipLookup } from '../access/membership-lookup';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../platform/http/field-error';
import type { CreateResolutionDto } from './decision.dto';
import { problem } from '../platform/http/problem-codes';

export type ResolutionState = 'draft' | 'voting' | 'adopted' | 'rejected' | 'no_quorum';

export interface ResolutionView {
  id: string;
  workspaceId: string;
  body: { id: string; name: string; nameGenitive: string };
  kind: ResolutionKind;
  title: string;
  justification: string;
  /** The resolution's text: a document of kind resolution_draft, edited in the shared editor. */
  documentId: string;
  /** The frozen version it adopts, named by number and SHA-256. */
  adopts: { versionId: string; documentId: string; documentTitle: string; number: number; name: string; contentHash: string } | null;
  state: ResolutionState;
  /** "7/2026", once adopted. */
  number: string | null;
  /** "Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie …", once adopted. */
  fullTitle: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  /** Załączniki, numbered; frozen once the resolution is voted on. */
  attachments: Array<{ id: string; position: number; name: string; mediaType: string; size: number; sha256: string }>;
  /** The adopted resolution this one amends or repeals (an adopted text changes only so). */
  changes: { resolutionId: string; number: string; kind: 'amends' | 'repeals' } | null;
  /** Adopted resolutions that amend or repeal this one. */
  changedBy: Array<{ resolutionId: string; number: string; kind: 'amends' | 'repeals' }>;
}

/** Resolutions of an association's bodies: drafted by coordinators, numbered when adopted. */
@Injectable()
export class ResolutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly memberships: MembershipLookup,
  ) {}

  async list(workspaceId: string): Promise<ResolutionView[]> {
    return this.views('r.workspace_id = $1', workspaceId);
  }

  async get(userId: string, resolutionId: string): Promise<ResolutionView> {
    const resolution = await this.one(resolutionId);
    if (!(await this.memberships.activeMember(resolution.workspaceId, userId))) throw new ForbiddenException('you are not a member of the workspace of this resolution');
    return resolution;
  }

  /** A draft resolution (coordinators): its text becomes a resolution_draft document that staff edit together. */
  async create(workspaceId: string, userId: string, dto: CreateResolutionDto): Promise<ResolutionView> {
    const member = await this.memberships.activeMember(workspaceId, userId);
    if (!member || !can(member.role, 'decisions.manage')) throw problem('coordinators_only', 'only coordinators draft resolutions');
    const id = await this.dataSource.transaction(async (manager) => {
      const [body] = await manager.query(`SELECT id FROM decision_bodies WHERE id = $1 AND workspace_id = $2`, [dto.bodyId, workspaceId]);
      if (!body) throw fieldError('bodyId', 'no such body in this workspace', BadRequestException, 'body_not_in_workspace');
      if ((dto.changesResolutionId === undefined) !== (dto.changeKind === undefined)) {
        throw fieldError(dto.changesResolutionId === undefined ? 'changesResolutionId' : 'changeKind', 'changesResolutionId and changeKind go together');
      }
      if (dto.changesResolutionId) {
        const [changed] = await manager.query(`SELECT state FROM resolutions WHERE id = $1 AND workspace_id = $2`, [dto.changesResolutionId, workspaceId]);
        if (!changed) throw fieldError('changesResolutionId', 'no such resolution in this workspace', BadRequestException, 'changed_resolution_not_found');
        if (changed.state !== 'adopted') throw fieldError('changesResolutionId', 'only an adopted resolution is amended or repealed', BadRequestException, 'changed_resolution_not_adopted');
      }
      if (dto.adoptsVersionId) {
        const [version] = await manager.query(`SELECT v.id FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1 AND d.workspace_id = $2`, [dto.adoptsVersionId, workspaceId]);
        if (!version) throw fieldError('adoptsVersionId', 'no such version of a document of this workspace', BadRequestException, 'adopted_version_not_found');
      }
      const documentTitle = `Projekt uchwały ${dto.title}`.slice(0, 300);
      const [document] = await manager.query(`INSERT INTO documents (workspace_id, title, kind, status, created_by) VALUES ($1, $2, 'resolution_draft', 'drafting', $3) RETURNING id`, [
        workspaceId,
        documentTitle,
        userId,
      ]);
      await this.audit.append(manager, { workspaceId, actorId: userId, action: 'document.created', targetType: 'document', targetId: document.id, details: { title: documentTitle, kind: 'resolution_draft' } });
      const [row] = await manager.query(
        `INSERT INTO resolutions (workspace_id, body_id, kind, title, justification, document_id, adopts_version_id, created_by, changes_resolution_id, change_kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [workspaceId, dto.bodyId, dto.kind, dto.title, dto.justification ?? '', document.id, dto.adoptsVersionId ?? null, userId, dto.changesResolutionId ?? null, dto.changeKind ?? null],
      );
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'resolution.created',
        targetType: 'resolution',
        targetId: row.id,
        details: { title: dto.title, bodyId: dto.bodyId, kind: dto.kind, adoptsVersionId: dto.adoptsVersionId ?? null, changesResolutionId: dto.changesResolutionId ?? null, changeKind: dto.changeKind ?? null },
      });
      return row.id as string;
    });
    return this.one(id);
  }

  async one(resolutionId: string): Promise<ResolutionView> {
    const [resolution] = await this.views('r.id = $1', resolutionId);
    if (!resolution) throw new NotFoundException('resolution not found');
    return resolution;
  }

  /** Several resolutions at once (a meeting's agenda), in no particular order. */
  async many(resolutionIds: string[]): Promise<ResolutionView[]> {
    return resolutionIds.length ? this.views('r.id = ANY($1::uuid[])', resolutionIds) : [];
  }

  private async views(where: 'r.workspace_id = $1' | 'r.id = $1' | 'r.id = ANY($1::uuid[])', value: string | string[]): Promise<ResolutionView[]> {
    const rows = await this.dataSource.query(
      `SELECT r.*, b.name AS body_name, b.name_genitive, v.number AS version_number, v.name AS version_name, v.content_hash, v.document_id AS version_document_id, vd.title AS version_document_title,
              c.number AS changes_number
       FROM resolutions r JOIN decision_bodies b ON b.id = r.body_id
       LEFT JOIN resolutions c ON c.id = r.changes_resolution_id
       LEFT JOIN document_versions v ON v.id = r.adopts_version_id LEFT JOIN documents vd ON vd.id = v.document_id
       WHERE ${where} ORDER BY r.created_at DESC`,
      [value],
    );
    const changedBy = rows.length
      ? await this.dataSource.query(`SELECT id, number, change_kind, changes_resolution_id FROM resolutions WHERE changes_resolution_id = ANY($1::uuid[]) AND state = 'adopted' ORDER BY decided_at`, [
          rows.map((r: { id: string }) => r.id),
        ])
      : [];
    const attachments = rows.length
      ? await this.dataSource.query(`SELECT id, resolution_id, position, name, media_type, size, sha256 FROM resolution_attachments WHERE resolution_id = ANY($1::uuid[]) ORDER BY position`, [rows.map((r: { id: string }) => r.id)])
      : [];
    return rows.map((row: ResolutionRow) => ({
      ...toResolutionView(row),
      attachments: attachments
        .filter((a: { resolution_id: string }) => a.resolution_id === row.id)
        .map((a: { id: string; position: number; name: string; media_type: string; size: number; sha256: string }) => ({ id: a.id, position: Number(a.position), name: a.name, mediaType: a.media_type, size: Number(a.size), sha256: a.sha256 })),
      changedBy: changedBy
        .filter((c: { changes_resolution_id: string }) => c.changes_resolution_id === row.id)
        .map((c: { id: string; number: string; change_kind: 'amends' | 'repeals' }) => ({ resolutionId: c.id, number: c.number, kind: c.change_kind })),
    }));
  }
}

/** "Uchwała nr 7/2026 Walnego Zebrania Członków w sprawie …" */
export function resolutionFullTitle(number: string, bodyGenitive: string, title: string): string {
  return `Uchwała nr ${number} ${bodyGenitive} ${title}`;
}

/** A row of resolutions joined with its body and the version it adopts. */
interface ResolutionRow {
  id: string;
  workspace_id: string;
  body_id: string;
  body_name: string;
  name_genitive: string;
  kind: ResolutionKind;
  title: string;
  justification: string;
  document_id: string;
  adopts_version_id: string | null;
  version_document_id: string;
  version_document_title: string;
  version_number: number;
  version_name: string;
  content_hash: string;
  state: ResolutionState;
  number: string | null;
  decided_at: string | null;
  created_at: string;
  changes_resolution_id: string | null;
  change_kind: 'amends' | 'repeals' | null;
  changes_number: string | null;
}

export function toResolutionView(r: ResolutionRow): Omit<ResolutionView, 'attachments' | 'changedBy'> {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    body: { id: r.body_id, name: r.body_name, nameGenitive: r.name_genitive },
    kind: r.kind,
    title: r.title,
    justification: r.justification,
    documentId: r.document_id,
    adopts: r.adopts_version_id
      ? { versionId: r.adopts_version_id, documentId: r.version_document_id, documentTitle: r.version_document_title, number: Number(r.version_number), name: r.version_name, contentHash: r.content_hash }
      : null,
    state: r.state,
    number: r.number,
    fullTitle: r.number ? resolutionFullTitle(r.number, r.name_genitive, r.title) : null,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    createdAt: new Date(r.created_at),
    changes: r.changes_resolution_id && r.change_kind ? { resolutionId: r.changes_resolution_id, number: r.changes_number as string, kind: r.change_kind } : null,
  };
}
