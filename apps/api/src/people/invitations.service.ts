import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { quoted, type Role } from '@commonplan/domain';
import type { Principal, WorkspaceMember } from '../access/request-context';
import { SessionStore, type SignedIn } from '../access/session-store';
import { AuditService } from '../audit/audit.service';
import { passwordFieldError } from '../auth/password-field-error';
import { AppConfig } from '../platform/config/app-config';
import { fieldError } from '../platform/http/field-error';
import { problem } from '../platform/http/problem-codes';
import { MailService } from '../platform/mail/mail.service';
import { PasswordHasher } from '../platform/security/password-hasher';
import { TokenService } from '../platform/security/tokens';
import { warsawDateTime } from '../platform/warsaw-time';
import type { AcceptInvitationDto, InviteDto } from './dto/people.dto';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { PeopleService } from './people.service';
import { UsersRepository } from './users.repository';

const ROLE_NAMES_PL: Record<Role, string> = {
  coordinator: 'koordynator',
  expert: 'ekspert',
  representative: 'przedstawiciel członka',
  partner: 'partner',
  observer: 'obserwator',
};

export interface InvitationView {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  organisationId: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

/**
 * What the invitation page shows to whoever holds the link (GET /api/invitations/:token): built field by field in
 * lookup. The address is the invited one, so the holder knows which account it is for.
 */
export interface InvitationPreview {
  workspace: { id: string; name: string };
  email: string;
  displayName: string | null;
  role: Role;
  organisation: { id: string; name: string } | null;
  /** The address has an account: accepting needs that person signed in. */
  accountExists: boolean;
  expiresAt: Date;
}

/** An invitation accepted by a person already signed in to the invited account: the membership, no new session. */
export interface JoinedWorkspace {
  workspaceId: string;
  role: Role;
}

const signInRequired = () =>
  problem('sign_in_required', 'this invitation is for an existing account: sign in as the invited person, then accept it');

/**
 * Coordinators invite people by e-mail; the link lets a new person set a password and join the workspace, and a person
 * who already has an account join it once signed in as that account.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async pending(workspaceId: string): Promise<InvitationView[]> {
    const rows = await this.dataSource.getRepository(InvitationEntity).find({
      where: { workspaceId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return rows.map(view);
  }

  async invite(actor: WorkspaceMember & { userId: string; displayName: string }, dto: InviteDto): Promise<InvitationView> {
    const organisationId = dto.organisationId ?? null;
    const { token, hash } = this.tokens.issue();
    const { invitation, workspaceName } = await this.dataSource.transaction(async (manager) => {
      await this.people.checkRoleAssignment(manager, actor.workspaceId, dto.role, organisationId);
      const [existing] = await manager.query(
        `SELECT m.active FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND u.email = $2`,
        [actor.workspaceId, dto.email],
      );
      if (existing) {
        throw existing.active
          ? problem('already_member', `${dto.email} is already a member of this workspace`)
          : problem('deactivated_member', `${dto.email} is a deactivated member of this workspace: reactivate the person instead`);
      }
      // A new invitation to the same address replaces the pending one.
      await manager.query(
        `UPDATE invitations SET revoked_at = now()
         WHERE workspace_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [actor.workspaceId, dto.email],
      );
      const saved = await manager.getRepository(InvitationEntity).save({
        workspaceId: actor.workspaceId,
        email: dto.email,
        displayName: dto.displayName ?? null,
        role: dto.role,
        organisationId,
        tokenHash: hash,
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + this.config.invitationTtlHours * 3600_000),
      });
      await this.audit.append(manager, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: saved.id,
        details: { email: dto.email, role: dto.role, organisationId },
      });
      const [ws] = await manager.query(`SELECT name FROM workspaces WHERE id = $1`, [actor.workspaceId]);
      return { invitation: saved, workspaceName: ws.name as string };
    });
    await this.mail.send({
      to: dto.email,
      subject: `Zaproszenie do Commonplan: ${workspaceName} / Invitation to Commonplan`,
      text: [
        `${actor.displayName} zaprasza Cię do przestrzeni roboczej ${quoted(workspaceName)} w Commonplan (rola: ${ROLE_NAMES_PL[dto.role]}).`,
        `${actor.displayName} invites you to the ${quoted(workspaceName, 'en')} workspace in Commonplan (role: ${dto.role}).`,
        '',
        `${this.config.publicUrl}/invitation?token=${token}`,
        '',
        `Link jest ważny do ${warsawDateTime(invitation.expiresAt)}. / The link is valid until ${warsawDateTime(invitation.expiresAt, 'en')}.`,
      ].join('\n'),
    });
    return view(invitation);
  }

  async revoke(actor: WorkspaceMember & { userId: string }, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query(
        `UPDATE invitations SET revoked_at = now()
         WHERE id = $1 AND workspace_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [invitationId, actor.workspaceId],
      );
      if (Number(count) !== 1) throw problem('invitation_not_pending', 'no pending invitation with this id in this workspace');
      await this.audit.append(manager, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: 'invitation.revoked',
        targetType: 'invitation',
        targetId: invitationId,
      });
    });
  }

  /** What the invitation page shows before the person accepts. */
  async lookup(token: string): Promise<InvitationPreview> {
    const invitation = await this.findUsable(this.dataSource.manager, token, false);
    const [row] = await this.dataSource.query(
      `SELECT w.name AS workspace_name, o.name AS org_name,
              EXISTS (SELECT 1 FROM users u WHERE u.email = $3 AND u.password_hash IS NOT NULL) AS account_exists
       FROM workspaces w LEFT JOIN organisations o ON o.id = $2 WHERE w.id = $1`,
      [invitation.workspaceId, invitation.organisationId, invitation.email],
    );
    return {
      workspace: { id: invitation.workspaceId, name: row.workspace_name as string },
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      organisation: invitation.organisationId ? { id: invitation.organisationId, name: row.org_name as string } : null,
      accountExists: row.account_exists as boolean,
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * Accepts an invitation. A new person sets a name and password and is signed in (a new session). An address that
   * already has an account is accepted only by that person signed in (`principal`): anyone else holding the link gets
   * 401 `sign_in_required`, another signed-in person 403 `wrong_account`; the membership is added and no session is
   * opened (they have one).
   */
  async accept(
    token: string,
    dto: AcceptInvitationDto,
    client: { ip: string; userAgent: string | null },
    principal: Principal | null,
  ): Promise<SignedIn | JoinedWorkspace> {
    const preview = await this.findUsable(this.dataSource.manager, token, false);
    const existing = await this.users.findByEmailWithHash(preview.email);
    if (existing?.passwordHash) {
      this.checkInvitee(existing.id, principal);
      return this.dataSource.transaction(async (manager) => {
        const invitation = await this.findUsable(manager, token, true);
        await this.join(manager, invitation, existing.id);
        return { workspaceId: invitation.workspaceId, role: invitation.role };
      });
    }
    const displayName = dto.displayName ?? preview.displayName;
    if (!displayName) throw required('displayName', 'display_name_required');
    if (!dto.password) throw required('password', 'password_required');
    const weak = passwordFieldError(dto.password, preview.email);
    if (weak) throw weak;
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.findUsable(manager, token, true);
      let user = await this.users.findByEmailWithHash(invitation.email, manager);
      if (user?.passwordHash) {
        // The account got a password meanwhile: its owner signs in to accept, nobody sets another one.
        throw signInRequired();
      }
      if (!user) {
        user = await this.users.create(manager, {
          email: invitation.email,
          displayName: (dto.displayName ?? invitation.displayName) as string,
          passwordHash,
        });
      } else {
        await this.users.setPassword(manager, user.id, passwordHash);
      }
      await this.join(manager, invitation, user.id);
      return this.sessions.open(manager, user, client);
    });
  }

  /** An existing account accepts only as itself: signed in, as the invited person. */
  private checkInvitee(userId: string, principal: Principal | null): void {
    if (!principal) throw signInRequired();
    if (principal.userId !== userId) {
      throw problem('wrong_account', 'this invitation is for another account: sign out, then sign in as the invited person to accept it');
    }
  }

  /** The membership the invitation grants, the invitation marked accepted, the audit entry: in the caller's transaction. */
  private async join(manager: EntityManager, invitation: InvitationEntity, userId: string): Promise<void> {
    const memberships = manager.getRepository(MembershipEntity);
    if (await memberships.existsBy({ workspaceId: invitation.workspaceId, userId })) {
      throw problem('already_member', 'you are already a member of this workspace');
    }
    const membership = await memberships.save({
      workspaceId: invitation.workspaceId,
      userId,
      role: invitation.role,
      organisationId: invitation.organisationId,
      active: true,
    });
    await manager.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [invitation.id]);
    await this.audit.append(manager, {
      workspaceId: invitation.workspaceId,
      actorId: userId,
      action: 'invitation.accepted',
      targetType: 'membership',
      targetId: membership.id,
      details: { invitationId: invitation.id, role: invitation.role, organisationId: invitation.organisationId },
    });
  }

  private async findUsable(manager: EntityManager, token: string, lock: boolean): Promise<InvitationEntity> {
    if (!TokenService.isWellFormed(token)) throw problem('invitation_not_found', 'invitation not found');
    const invitation = await manager.getRepository(InvitationEntity).findOne({
      where: { tokenHash: this.tokens.hash(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation) throw problem('invitation_not_found', 'invitation not found');
    if (invitation.acceptedAt) throw problem('invitation_accepted', 'this invitation has already been accepted');
    if (invitation.revokedAt) throw problem('invitation_withdrawn', 'this invitation was withdrawn');
    if (invitation.expiresAt.getTime() <= Date.now()) throw problem('invitation_expired', 'this invitation has expired');
    return invitation;
  }
}

function view(i: InvitationEntity): InvitationView {
  return {
    id: i.id,
    email: i.email,
    displayName: i.displayName,
    role: i.role,
    organisationId: i.organisationId,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    expired: i.expiresAt.getTime() <= Date.now(),
  };
}

/** A field a new account needs that was left out. */
function required(field: 'displayName' | 'password', code: 'display_name_required' | 'password_required') {
  return fieldError(field, `${field} is required to create your account`, undefined, code);
}
