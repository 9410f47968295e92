import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditRepository } from '../audit/audit.repository';
import type { AppConfig } from '../platform/config/app-config';
import { TokenService } from '../platform/security/tokens';

/**
 * Creates a workspace for a new association with an invitation for its first coordinator (used by the CLI; a
 * deployment's operator runs it). Returns the invitation link for the operator to pass on.
 */
export async function createWorkspace(
  dataSource: DataSource,
  config: AppConfig,
  input: { slug: string; name: string; shortName: string; coordinatorEmail: string; coordinatorName: string | null },
): Promise<{ workspaceId: string; invitationLink: string }> {
  const tokens = new TokenService(config);
  const audit = new AuditService(dataSource, new AuditRepository(dataSource));
  const { token, hash } = tokens.issue();
  const workspaceId = await dataSource.transaction(async (manager) => {
    const [workspace] = await manager.query(
      `INSERT INTO workspaces (slug, name, short_name) VALUES ($1, $2, $3) RETURNING id`,
      [input.slug, input.name, input.shortName],
    );
    const [invitation] = await manager.query(
      `INSERT INTO invitations (workspace_id, email, display_name, role, token_hash, expires_at)
       VALUES ($1, $2, $3, 'coordinator', $4, $5) RETURNING id`,
      [workspace.id, input.coordinatorEmail.toLowerCase(), input.coordinatorName, hash,
        new Date(Date.now() + config.invitationTtlHours * 3600_000)],
    );
    await audit.append(manager, {
      workspaceId: workspace.id,
      actorId: null,
      action: 'workspace.created',
      targetType: 'workspace',
      targetId: workspace.id,
      details: { slug: input.slug, name: input.name, coordinatorInvitation: invitation.id },
    });
    return workspace.id as string;
  });
  return { workspaceId, invitationLink: `${config.publicUrl}/invitation?token=${token}` };
}
