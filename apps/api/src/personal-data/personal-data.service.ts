import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { slugify } from '@commonplan/editor';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../platform/config/app-config';
import type { DownloadFile } from '../platform/http/file-download';
import { readPersonalData } from './personal-data-export';

/**
 * Exports of everything held about a person: a coordinator's, by e-mail address within their workspace, and a
 * person's own, across their workspaces. Each is audited without the address in clear: a workspace's export names
 * the address by its HMAC under AUTH_SECRET (the same address gives the same value, and a copy of the database
 * cannot be searched with a list of addresses), the own export names the account.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The address as it is named in the audit trail. */
  emailHash(email: string): string {
    return createHmac('sha256', this.config.authSecret).update(`personal-data-export:${email}`).digest('hex');
  }

  async exportForWorkspace(workspaceId: string, actorId: string, email: string): Promise<DownloadFile> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [user] = await manager.query(`SELECT id FROM users WHERE email = $1`, [email]);
      const data = await readPersonalData(manager, { email, userId: user?.id ?? null }, [workspaceId], false);
      await this.audit.append(manager, {
        workspaceId,
        actorId,
        action: 'personal_data.exported',
        targetType: 'email_hmac',
        targetId: this.emailHash(email),
        details: { records: countRecords(data.workspaces) },
      });
      return jsonFile(data, `dane-osobowe-${slugify(email.replace('@', '-at-'), 60) || 'osoba'}`);
    });
  }

  async exportOwn(userId: string): Promise<DownloadFile> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [user] = await manager.query(`SELECT email FROM users WHERE id = $1`, [userId]);
      const workspaceIds = (await manager.query(`SELECT workspace_id FROM memberships WHERE user_id = $1`, [userId])).map((m: { workspace_id: string }) => m.workspace_id);
      const data = await readPersonalData(manager, { email: String(user.email), userId }, workspaceIds, true);
      await this.audit.append(manager, { workspaceId: null, actorId: userId, action: 'personal_data.exported', targetType: 'user', targetId: userId, details: { workspaces: workspaceIds.length, records: countRecords(data.workspaces) } });
      return jsonFile(data, 'moje-dane-osobowe');
    });
  }
}

function countRecords(sections: readonly object[]): number {
  let count = 0;
  for (const section of sections) for (const value of Object.values(section)) if (Array.isArray(value)) count += value.length;
  return count;
}

function jsonFile(data: unknown, name: string): DownloadFile {
  return { body: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'), mediaType: 'application/json; charset=utf-8', fileName: `${name}.json` };
}
