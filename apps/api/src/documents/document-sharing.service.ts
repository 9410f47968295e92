import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessAllows, type DocumentAccess, type OrganisationKind, type Role } from '@commonplan/domain';
import { AuditService } from '../audit/audit.service';
import { Notifier } from '../notifications/notifier';
import { AccessEvents } from '../platform/events';
import { DocumentAccessService } from './document-access.service';
import { peopleWithAccess } from './document-audience';
import type { GrantAccessDto } from './dto/document.dto';

interface GrantFacts {
  access: DocumentAccess;
  expiresAt: Date | null;
  /** The end date has passed: the grant gives nothing any more (it stays listed until revoked). */
  expired: boolean;
  grantedBy: { id: string; displayName: string } | null;
  grantedAt: Date;
}

/** A person's own grant on a document. */
export interface GrantView extends GrantFacts {
  userId: string;
  displayName: string;
  role: Role | null;
  /** The membership is deactivated: the grant gives nothing while it is. */
  active: boolean;
}

/** A grant to every active member of an organisation of the workspace. */
export interface OrganisationGrantView extends GrantFacts {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  /** Active members of the workspace who represent the organisation (the people the grant reaches now). */
  members: number;
}

/** GET /documents/:id/access: who was given access to the document, besides what roles give (coordinators edit, everyone else reads). */
export interface SharingView {
  people: GrantView[];
  organisations: OrganisationGrantView[];
}

/** Who may do what with a document beyond what roles give: grants to people and to whole organisations (coordinators). */
@Injectable()
export class DocumentSharingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DocumentAccessService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
    private readonly notifier: Notifier,
  ) {}

  async grants(actorId: string, documentId: string): Promise<SharingView> {
    await this.access.requireCoordinator(actorId, documentId);
    const [people, organisations] = await Promise.all([
      this.dataSource.query(
        `SELECT a.user_id, a.access, a.expires_at, a.updated_at, a.granted_by, g.display_name AS granted_by_name,
                u.display_name, m.role, m.active
         FROM document_access a JOIN users u ON u.id = a.user_id
         JOIN documents d ON d.id = a.document_id
         LEFT JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = a.user_id
         LEFT JOIN users g ON g.id = a.granted_by
         WHERE a.document_id = $1 ORDER BY u.display_name, a.user_id`,
        [documentId],
      ),
      this.dataSource.query(
        `SELECT oa.organisation_id, oa.access, oa.expires_at, oa.updated_at, oa.granted_by, g.display_name AS granted_by_name,
                o.name, o.kind,
                (SELECT count(*) FROM memberships m WHERE m.workspace_id = o.workspace_id AND m.organisation_id = o.id AND m.active)::int AS members
         FROM document_organisation_access oa JOIN organisations o ON o.id = oa.organisation_id
         LEFT JOIN users g ON g.id = oa.granted_by
         WHERE oa.document_id = $1 ORDER BY o.name, o.id`,
        [documentId],
      ),
    ]);
    const now = Date.now();
    return {
      people: people.map((r: Record<string, unknown>) => ({
        userId: r.user_id as string,
        displayName: r.display_name as string,
        role: (r.role as Role | null) ?? null,
        active: r.active === true,
        ...grantFacts(r, now),
      })),
      organisations: organisations.map((r: Record<string, unknown>) => ({
        organisationId: r.organisation_id as string,
        name: r.name as string,
        kind: r.kind as OrganisationKind,
        members: Number(r.members),
        ...grantFacts(r, now),
      })),
    };
  }

  /** Gives a member of the document's workspace a level of access, optionally until a date (ad-hoc experts). */
  async grant(actorId: string, documentId: string, userId: string, dto: GrantAccessDto): Promise<GrantView> {
    const resolved = await this.access.requireCoordinator(actorId, documentId);
    requireFutureEnd(dto);
    await this.dataSource.transaction(async (manager) => {
      const [member] = await manager.query(`SELECT m.role FROM memberships m WHERE m.workspace_id = $1 AND m.user_id = $2`, [resolved.workspaceId, userId]);
      if (!member) throw new NotFoundException('no such person in this workspace');
      if (member.role === 'coordinator') throw new UnprocessableEntityException('coordinators always edit; they need no grant');
      const widens = await this.widens(manager, 'document_access', 'user_id', documentId, userId, dto.access);
      const grantedAt = await this.upsert(manager, 'document_access', 'user_id', documentId, userId, dto, actorId);
      await this.record(manager, resolved.workspaceId, actorId, documentId, { action: 'document.access_granted', details: { userId, ...grantDetails(dto) } });
      if (widens) {
        await this.announce(manager, resolved.workspaceId, actorId, documentId, dto, `${userId}:${dto.access}:${grantedAt.getTime()}`, [userId]);
      }
    });
    this.accessEvents.publish({ documentId, userId });
    return (await this.grants(actorId, documentId)).people.find((g) => g.userId === userId) as GrantView;
  }

  async revoke(actorId: string, documentId: string, userId: string): Promise<void> {
    const resolved = await this.access.requireCoordinator(actorId, documentId);
    await this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query(`DELETE FROM document_access WHERE document_id = $1 AND user_id = $2`, [documentId, userId]);
      if (Number(count) !== 1) throw new NotFoundException('this person has no grant on this document');
      await this.record(manager, resolved.workspaceId, actorId, documentId, { action: 'document.access_revoked', details: { userId } });
    });
    this.accessEvents.publish({ documentId, userId });
  }

  /**
   * Gives every active member of an organisation of the document's workspace a level of access, optionally until a
   * date; each of them has the strongest of this, their own grant and their role's default (libs/domain documentAccess).
   */
  async grantOrganisation(actorId: string, documentId: string, organisationId: string, dto: GrantAccessDto): Promise<OrganisationGrantView> {
    const resolved = await this.access.requireCoordinator(actorId, documentId);
    requireFutureEnd(dto);
    await this.dataSource.transaction(async (manager) => {
      const name = await this.organisationName(manager, resolved.workspaceId, organisationId);
      const widens = await this.widens(manager, 'document_organisation_access', 'organisation_id', documentId, organisationId, dto.access);
      const grantedAt = await this.upsert(manager, 'document_organisation_access', 'organisation_id', documentId, organisationId, dto, actorId);
      await this.record(manager, resolved.workspaceId, actorId, documentId, { action: 'document.organisation_access_granted', details: {
        organisationId,
        organisationName: name,
        ...grantDetails(dto),
      } });
      if (widens) {
        // The people the grant reaches: the organisation's active members (coordinators edit anyway).
        const members: Array<{ user_id: string }> = await manager.query(
          `SELECT user_id FROM memberships WHERE workspace_id = $1 AND organisation_id = $2 AND active AND role <> 'coordinator'`,
          [resolved.workspaceId, organisationId],
        );
        await this.announce(
          manager,
          resolved.workspaceId,
          actorId,
          documentId,
          dto,
          `organisation:${organisationId}:${dto.access}:${grantedAt.getTime()}`,
          members.map((m) => m.user_id),
        );
      }
    });
    // Every open connection to the document re-reads its access (the organisation's members among them).
    this.accessEvents.publish({ documentId });
    return (await this.grants(actorId, documentId)).organisations.find((g) => g.organisationId === organisationId) as OrganisationGrantView;
  }

  async revokeOrganisation(actorId: string, documentId: string, organisationId: string): Promise<void> {
    const resolved = await this.access.requireCoordinator(actorId, documentId);
    await this.dataSource.transaction(async (manager) => {
      const name = await this.organisationName(manager, resolved.workspaceId, organisationId);
      const [, count] = await manager.query(`DELETE FROM document_organisation_access WHERE document_id = $1 AND organisation_id = $2`, [
        documentId,
        organisationId,
      ]);
      if (Number(count) !== 1) throw new NotFoundException('this organisation has no grant on this document');
      await this.record(manager, resolved.workspaceId, actorId, documentId, { action: 'document.organisation_access_revoked', details: {
        organisationId,
        organisationName: name,
      } });
    });
    this.accessEvents.publish({ documentId });
  }

  private async organisationName(manager: EntityManager, workspaceId: string, organisationId: string): Promise<string> {
    const [organisation] = await manager.query(`SELECT name FROM organisations WHERE id = $1 AND workspace_id = $2`, [organisationId, workspaceId]);
    if (!organisation) throw new NotFoundException('no such organisation in this workspace');
    return organisation.name;
  }

  private async upsert(
    manager: EntityManager,
    table: 'document_access' | 'document_organisation_access',
    column: 'user_id' | 'organisation_id',
    documentId: string,
    granteeId: string,
    dto: GrantAccessDto,
    actorId: string,
  ): Promise<Date> {
    const [row] = await manager.query(
      `INSERT INTO ${table} (document_id, ${column}, access, expires_at, granted_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (document_id, ${column})
       DO UPDATE SET access = EXCLUDED.access, expires_at = EXCLUDED.expires_at, granted_by = EXCLUDED.granted_by, updated_at = now()
       RETURNING updated_at`,
      [documentId, granteeId, dto.access, dto.expiresAt ?? null, actorId],
    );
    return new Date(row.updated_at);
  }

  /**
   * Whether a grant of `access` gives its grantee more than they had by it: it is new (or the previous one had ended),
   * or stronger than the one it replaces. Lowering a grant, changing only its end date or giving it again (a retried
   * request) announces nothing. Grants of a document are decided one at a time (the document's row is locked), so two
   * requests at once cannot both find the grant new.
   */
  private async widens(
    manager: EntityManager,
    table: 'document_access' | 'document_organisation_access',
    column: 'user_id' | 'organisation_id',
    documentId: string,
    granteeId: string,
    access: DocumentAccess,
  ): Promise<boolean> {
    await manager.query(`SELECT id FROM documents WHERE id = $1 FOR NO KEY UPDATE`, [documentId]);
    const [before] = await manager.query(`SELECT access, expires_at <= now() AS ended FROM ${table} WHERE document_id = $1 AND ${column} = $2`, [
      documentId,
      granteeId,
    ]);
    if (!before || before.ended === true) return true;
    return before.access !== access && accessAllows(access, before.access as DocumentAccess);
  }

  /** Tells the people a grant reaches (those of them who may read the document with it) that it was shared with them. */
  private async announce(manager: EntityManager, workspaceId: string, actorId: string, documentId: string, dto: GrantAccessDto, key: string, people: string[]): Promise<void> {
    const recipients = await peopleWithAccess(manager, documentId, people, 'read');
    if (recipients.length === 0) return;
    const [names] = await manager.query(
      `SELECT (SELECT display_name FROM users WHERE id = $1) AS actor, (SELECT title FROM documents WHERE id = $2) AS document`,
      [actorId, documentId],
    );
    await this.notifier.notify(manager, {
      kind: 'document_shared',
      workspaceId,
      key: `document_shared:${documentId}:${key}`,
      recipients,
      actorId,
      link: `/w/${workspaceId}/d/${documentId}`,
      params: { actor: names.actor ?? '', document: names.document ?? '', access: dto.access, until: dto.expiresAt?.toISOString() ?? null },
      documentId,
    });
  }

  private record(manager: EntityManager, workspaceId: string, actorId: string, documentId: string, entry: { action: string; details: Record<string, unknown> }) {
    return this.audit.append(manager, { workspaceId, actorId, ...entry, targetType: 'document', targetId: documentId });
  }
}

function requireFutureEnd(dto: GrantAccessDto): void {
  if (dto.expiresAt && dto.expiresAt.getTime() <= Date.now()) {
    throw new UnprocessableEntityException({ message: 'expiresAt must be in the future', errors: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }] });
  }
}

function grantDetails(dto: GrantAccessDto) {
  return { access: dto.access, expiresAt: dto.expiresAt?.toISOString() ?? null };
}

function grantFacts(r: Record<string, unknown>, now: number): GrantFacts {
  const expiresAt = r.expires_at ? new Date(r.expires_at as string) : null;
  return {
    access: r.access as DocumentAccess,
    expiresAt,
    expired: expiresAt ? expiresAt.getTime() <= now : false,
    grantedBy: r.granted_by ? { id: r.granted_by as string, displayName: (r.granted_by_name as string | null) ?? '' } : null,
    grantedAt: new Date(r.updated_at as string),
  };
}
