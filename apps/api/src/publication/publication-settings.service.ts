import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { PublicationSettingsDto } from './publication.dto';

export interface PublicationSettings {
  slug: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  accessibilityContact: string | null;
  updatedAt: Date | null;
}

const COLUMNS = { email: 'public_email', phone: 'public_phone', address: 'public_address', accessibilityContact: 'accessibility_contact' } as const;
type Field = keyof typeof COLUMNS;

/** The association's details its public site shows (contacts, the accessibility contact): coordinators keep them. */
@Injectable()
export class PublicationSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(workspaceId: string): Promise<PublicationSettings> {
    const [row] = await this.dataSource.query(
      `SELECT slug, public_email, public_phone, public_address, accessibility_contact, publication_updated_at FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    if (!row) throw new NotFoundException('workspace not found');
    return {
      slug: row.slug,
      email: row.public_email,
      phone: row.public_phone,
      address: row.public_address,
      accessibilityContact: row.accessibility_contact,
      updatedAt: row.publication_updated_at ? new Date(row.publication_updated_at) : null,
    };
  }

  /** Changes the fields sent (empty clears one), audited with the names of the fields that changed. */
  async update(actorId: string, workspaceId: string, dto: PublicationSettingsDto): Promise<PublicationSettings> {
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT public_email, public_phone, public_address, accessibility_contact FROM workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
      if (!current) throw new NotFoundException('workspace not found');
      const changed = (Object.keys(COLUMNS) as Field[]).filter((field) => dto[field] !== undefined && (dto[field] || null) !== current[COLUMNS[field]]);
      if (changed.length === 0) return;
      const assignments = changed.map((field, index) => `${COLUMNS[field]} = $${index + 2}`);
      await manager.query(`UPDATE workspaces SET ${assignments.join(', ')}, publication_updated_at = now() WHERE id = $1`, [workspaceId, ...changed.map((field) => dto[field] || null)]);
      await this.audit.append(manager, { workspaceId, actorId, action: 'publication.settings_changed', targetType: 'workspace', targetId: workspaceId, details: { fields: changed } });
    });
    return this.get(workspaceId);
  }
}
