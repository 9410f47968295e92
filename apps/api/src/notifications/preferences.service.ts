import { Injectable } from '@nestjs/common';
import {
  type DeliveryMode,
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
  type Role,
  defaultDeliveryModeFor,
  effectiveDeliveryMode,
} from '@commonplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';

export interface PreferencesView {
  language: 'pl' | 'en';
  digestHour: number;
  categories: Array<{ category: NotificationCategory; chosen: DeliveryMode | null; default: DeliveryMode; mode: DeliveryMode }>;
}

/** What a person chose: the language they are written to in, and per category how e-mail reaches them. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async get(userId: string): Promise<PreferencesView> {
    const [user] = await this.dataSource.query(
      `SELECT u.language, (SELECT array_agg(m.role) FROM memberships m WHERE m.user_id = u.id AND m.active) AS roles FROM users u WHERE u.id = $1`,
      [userId],
    );
    const chosen = new Map<string, DeliveryMode>(
      (await this.dataSource.query(`SELECT category, mode FROM notification_preferences WHERE user_id = $1`, [userId])).map((r: { category: string; mode: DeliveryMode }) => [
        r.category,
        r.mode,
      ]),
    );
    const roles: Role[] = user?.roles ?? [];
    return {
      language: user?.language === 'en' ? 'en' : 'pl',
      digestHour: this.config.mail.digestHour,
      categories: NOTIFICATION_CATEGORIES.map((category) => ({
        category,
        chosen: chosen.get(category) ?? null,
        default: defaultDeliveryModeFor(roles, category),
        mode: effectiveDeliveryMode(chosen.get(category), roles, category),
      })),
    };
  }

  /** Sets the language and the categories named (a null mode goes back to the default). */
  async update(userId: string, change: { language?: 'pl' | 'en'; modes?: Partial<Record<NotificationCategory, DeliveryMode | null>> }): Promise<PreferencesView> {
    await this.dataSource.transaction(async (manager) => {
      if (change.language) await manager.query(`UPDATE users SET language = $2, updated_at = now() WHERE id = $1`, [userId, change.language]);
      for (const [category, mode] of Object.entries(change.modes ?? {}) as Array<[NotificationCategory, DeliveryMode | null]>) {
        await this.set(manager, userId, category, mode);
      }
    });
    return this.get(userId);
  }

  async set(manager: EntityManager, userId: string, category: NotificationCategory, mode: DeliveryMode | null): Promise<void> {
    if (mode === null) {
      await manager.query(`DELETE FROM notification_preferences WHERE user_id = $1 AND category = $2`, [userId, category]);
      return;
    }
    await manager.query(
      `INSERT INTO notification_preferences (user_id, category, mode) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, category) DO UPDATE SET mode = EXCLUDED.mode, updated_at = now()`,
      [userId, category, mode],
    );
  }
}
