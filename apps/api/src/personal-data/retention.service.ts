import { Injectable, Logger, NotFoundException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { withoutNames } from '../consultations/report/personal-data';
import { personKey, privatePersonNumbers } from '../consultations/report/report-data';
import { reportLabels } from '../consultations/report/report-labels';

/** Days after a round's report is first published that public commenters' contact data is kept, by default. */
export const DEFAULT_CONTACT_RETENTION_DAYS = 90;
export const CONTACT_RETENTION_DAYS_MIN = 1;
export const CONTACT_RETENTION_DAYS_MAX = 3650;

/** How often rounds are checked for contact data past its retention. */
const SWEEP_MS = 60 * 60 * 1000;

export interface PersonalDataSettings {
  contactRetentionDays: number;
}

/**
 * The name a private person's comment keeps once their contact data is erased: the report's own words for them
 * ("osoba fizyczna nr N", report-labels.ts), capitalised as a name is. A person all of whose comments were withdrawn
 * has no number in the report, and keeps none here.
 */
export function pseudonym(number: number | undefined): string {
  const words = number === undefined ? 'osoba fizyczna' : reportLabels('pl').person(number);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface CommentRow {
  id: string;
  number: string;
  created_at: Date | string;
  submitter_kind: 'person' | 'institution';
  submitter_name: string;
  email: string | null;
  user_id: string | null;
  withdrawn_at: Date | string | null;
  contact_erased_at: Date | string | null;
  part: string;
  current_wording: string;
  proposed_wording: string;
  justification: string;
  disposition_justification: string | null;
}

/**
 * Retention of consultation participants' contact data: the workspace's setting (`contactRetentionDays`) and the
 * sweep that erases the data once that many days have passed since the round's report was first published.
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PersonalData');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(new Date()).catch((error) => this.logger.error(`sweep failed: ${String(error)}`)), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async settings(workspaceId: string): Promise<PersonalDataSettings> {
    const [row] = await this.dataSource.query(`SELECT contact_retention_days FROM workspaces WHERE id = $1`, [workspaceId]);
    if (!row) throw new NotFoundException('workspace not found');
    return { contactRetentionDays: Number(row.contact_retention_days) };
  }

  /** Changes the setting (coordinators), audited with the old and the new value; the next sweep goes by it. */
  async update(workspaceId: string, actorId: string, settings: PersonalDataSettings): Promise<PersonalDataSettings> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT contact_retention_days FROM workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
      if (!row) throw new NotFoundException('workspace not found');
      const from = Number(row.contact_retention_days);
      const to = settings.contactRetentionDays;
      if (from !== to) {
        await manager.query(`UPDATE workspaces SET contact_retention_days = $2 WHERE id = $1`, [workspaceId, to]);
        await this.audit.append(manager, {
          workspaceId,
          actorId,
          action: 'personal_data.settings_changed',
          targetType: 'workspace',
          targetId: workspaceId,
          details: { contactRetentionDays: { from, to } },
        });
      }
      return { contactRetentionDays: to };
    });
  }

  /**
   * Erases the contact data of every comment of each round whose report was first published at least the
   * workspace's `contact_retention_days` before `now`: the e-mail address and the receipt's secret go, a private
   * person's name becomes the report's pseudonym ("Osoba fizyczna nr N", numbered as the report numbers them, so the
   * report built again reads the same), their names are taken out of the round's comment texts (so a later edition
   * cannot print them), and the e-mails sent to those addresses about the round leave the outbox. Institutions keep
   * their names (no personal data). The account of a commenter who was signed in (`user_id`) stays linked: it is
   * the person's membership, not the contact data of a public commenter, and goes with the account. One audit entry
   * per round (`personal_data.contact_erased`: the count and the days). Each round is taken under its row lock with
   * SKIP LOCKED, so two sweeps or two instances never erase one round twice, and a round whose comments are all
   * stamped `contact_erased_at` is never taken again. Runs hourly; tests call it with the time they need.
   */
  async sweep(now: Date): Promise<number> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT r.id FROM consultation_rounds r JOIN workspaces w ON w.id = r.workspace_id
       WHERE r.report_published_at IS NOT NULL
         AND r.report_published_at <= $1::timestamptz - make_interval(days => w.contact_retention_days)
         AND EXISTS (SELECT 1 FROM consultation_comments c WHERE c.round_id = r.id AND c.contact_erased_at IS NULL)
       ORDER BY r.report_published_at`,
      [now],
    );
    let erased = 0;
    for (const { id } of due) {
      erased += await this.dataSource.transaction((manager) => this.eraseRound(manager, id, now));
    }
    return erased;
  }

  private async eraseRound(manager: EntityManager, roundId: string, now: Date): Promise<number> {
    const [round] = await manager.query(
      `SELECT r.id, r.workspace_id, w.contact_retention_days FROM consultation_rounds r JOIN workspaces w ON w.id = r.workspace_id
       WHERE r.id = $1 AND r.report_published_at <= $2::timestamptz - make_interval(days => w.contact_retention_days)
       FOR UPDATE OF r SKIP LOCKED`,
      [roundId, now],
    );
    if (!round) return 0; // another sweep holds it, or the setting changed meanwhile
    const comments: CommentRow[] = await manager.query(
      `SELECT id, number, created_at, submitter_kind, submitter_name, email, user_id, withdrawn_at, contact_erased_at,
              part, current_wording, proposed_wording, justification, disposition_justification
       FROM consultation_comments WHERE round_id = $1 ORDER BY created_at, number FOR UPDATE`,
      [roundId],
    );
    const pending = comments.filter((c) => c.contact_erased_at === null);
    if (pending.length === 0) return 0;
    const rows = comments.map((c) => ({
      number: c.number,
      createdAt: new Date(c.created_at).toISOString(),
      submitterKind: c.submitter_kind,
      submitterName: c.submitter_name,
      email: c.email,
      userId: c.user_id,
      withdrawn: c.withdrawn_at !== null,
    }));
    const numbers = privatePersonNumbers(rows);
    const names = [...new Set(pending.filter((c) => c.submitter_kind === 'person').map((c) => c.submitter_name.trim()))];
    const mask = withoutNames(names);
    for (const c of pending) {
      const row = rows[comments.indexOf(c)];
      const name = c.submitter_kind === 'person' ? pseudonym(numbers.get(personKey(row))) : c.submitter_name;
      await manager.query(
        `UPDATE consultation_comments
         SET email = NULL, edit_secret_hash = NULL, submitter_name = $2, contact_erased_at = $3,
             part = $4, current_wording = $5, proposed_wording = $6, justification = $7, disposition_justification = $8
         WHERE id = $1`,
        [
          c.id,
          name,
          now,
          mask(c.part),
          mask(c.current_wording),
          mask(c.proposed_wording),
          mask(c.justification),
          c.disposition_justification === null ? null : mask(c.disposition_justification),
        ],
      );
    }
    // The receipts and the report's notices sent to those addresses held the address and the name.
    const addresses = [...new Set(pending.map((c) => c.email?.trim().toLowerCase()).filter((a): a is string => !!a))];
    if (addresses.length) {
      await manager.query(
        `DELETE FROM mail_outbox
         WHERE lower(address) = ANY($1::text[]) AND status NOT IN ('pending', 'sending')
           AND (event_key = ANY($2::text[]) OR event_key LIKE $3)`,
        [addresses, pending.map((c) => `receipt:${c.id}`), `report_published:${roundId}:%`],
      );
    }
    await this.audit.append(manager, {
      workspaceId: round.workspace_id,
      actorId: null,
      action: 'personal_data.contact_erased',
      targetType: 'consultation_round',
      targetId: roundId,
      details: { comments: pending.length, retentionDays: Number(round.contact_retention_days) },
    });
    return pending.length;
  }
}
