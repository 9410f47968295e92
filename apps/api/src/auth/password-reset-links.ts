import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../platform/config/app-config';
import { MailService } from '../platform/mail/mail.service';
import { TokenService } from '../platform/security/tokens';

/** Password-reset links: issued by e-mail, valid once and for PASSWORD_RESET_TTL_MINUTES. */
@Injectable()
export class PasswordResetLinks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async send(user: { id: string; email: string; displayName: string }, ip: string): Promise<void> {
    const { token, hash } = this.tokens.issue();
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlMinutes * 60_000);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
        user.id,
        hash,
        expiresAt,
      ]);
      await this.audit.append(manager, {
        workspaceId: null,
        actorId: null,
        action: 'auth.password_reset_requested',
        targetType: 'user',
        targetId: user.id,
        details: { ip },
      });
    });
    const link = `${this.config.publicUrl}/reset-password?token=${token}`;
    await this.mail.send({
      to: user.email,
      subject: 'Commonplan: ustawienie nowego hasła / setting a new password',
      text: [
        `${user.displayName},`,
        '',
        `Aby ustawić nowe hasło w Commonplan, otwórz ten link (ważny ${this.config.passwordResetTtlMinutes} min):`,
        `To set a new Commonplan password, open this link (valid for ${this.config.passwordResetTtlMinutes} min):`,
        '',
        link,
        '',
        'Jeśli to nie Ty prosisz o nowe hasło, zignoruj tę wiadomość. / If you did not ask for this, ignore this message.',
      ].join('\n'),
    });
  }

  async find(token: string): Promise<{ id: string; userId: string; email: string } | null> {
    if (!TokenService.isWellFormed(token)) return null;
    const [row] = await this.dataSource.query(
      `SELECT r.id, r.user_id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
       WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()`,
      [this.tokens.hash(token)],
    );
    return row ? { id: row.id, userId: row.user_id, email: row.email } : null;
  }

  /** Marks the link used; false when another request used it first. */
  async claim(manager: EntityManager, id: string): Promise<boolean> {
    const [, count] = await manager.query(
      `UPDATE password_resets SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now()`,
      [id],
    );
    return Number(count) === 1;
  }
}
