import { Injectable, NotFoundException } from '@nestjs/common';
import { can, type Role } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { TokenService } from '../../platform/security/tokens';
import { type FeedContent, type FeedLanguage, type FeedMeeting, feedCalendar } from './feed-calendar';

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
}

/** How far back the feed reaches: events that ended within this many days, and everything later. */
const PAST_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The roles that work on every consultation round of their workspace (the association's office and its experts). */
const STAFF: readonly Role[] = ['coordinator', 'expert'];

/** Who takes part in a round with each audience: a member's representative (members), a partner's (partners). */
const AUDIENCE_OF: Partial<Record<Role, 'members' | 'partners'>> = { representative: 'members', partner: 'partners' };

interface MembershipRow {
  workspace_id: string;
  workspace_name: string;
  role: Role;
  organisation_id: string | null;
}

/**
 * A person's calendar feed: a secret address (256 random bits, kept only as its HMAC) that a calendar application
 * reads without signing in, one active per person, revoked by making a new one or on request. What it shows is read
 * anew on every request, from the workspaces where the person is an active member, as far as their role lets them see.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  async status(userId: string): Promise<CalendarFeedStatus> {
    const [row] = await this.dataSource.query(`SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    return { active: Boolean(row), createdAt: row ? new Date(row.created_at).toISOString() : null };
  }

  /** A new secret address, which replaces (revokes) the person's previous one; the address is shown this once. */
  async create(userId: string): Promise<{ url: string }> {
    const { token, hash } = this.tokens.issue();
    await this.dataSource.transaction(async (manager) => {
      // One at a time per person: the partial unique index allows one active feed.
      await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      await manager.query(`UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      await manager.query(`INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)`, [userId, hash]);
    });
    return { url: `${this.config.publicUrl}/api/public/calendar/${token}.ics` };
  }

  /** Revokes the person's feed (nothing to do when none is active): its address answers 404 from now on. */
  async revoke(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /**
   * The feed of a secret address as iCalendar text. A malformed, unknown or revoked secret is the same 404, so the
   * answer says nothing about which it was.
   */
  async render(token: unknown, now = new Date()): Promise<string> {
    const userId = await this.owner(token);
    const [user] = await this.dataSource.query(`SELECT language FROM users WHERE id = $1`, [userId]);
    const language: FeedLanguage = user?.language === 'en' ? 'en' : 'pl';
    return feedCalendar(await this.content(userId, now), { publicUrl: this.config.publicUrl, language, now });
  }

  private async owner(token: unknown): Promise<string> {
    const missing = () => new NotFoundException('no such calendar feed');
    if (!TokenService.isWellFormed(token)) throw missing();
    const hash = this.tokens.hash(token);
    const [row] = await this.dataSource.query(`SELECT user_id, token_hash FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL`, [hash]);
    if (!row || !TokenService.equal(row.token_hash, hash)) throw missing();
    return row.user_id;
  }

  /** What the person may see, across the workspaces where their membership is active. */
  private async content(userId: string, now: Date): Promise<FeedContent> {
    const memberships: MembershipRow[] = await this.dataSource.query(
      `SELECT m.workspace_id, w.name AS workspace_name, m.role, m.organisation_id
       FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.user_id = $1 AND m.active`,
      [userId],
    );
    if (memberships.length === 0) return { meetings: [], votes: [], rounds: [], calls: [] };
    const since = new Date(now.getTime() - PAST_DAYS * DAY_MS);
    const names = new Map(memberships.map((m) => [m.workspace_id, m.workspace_name]));
    const workspaces = memberships.map((m) => m.workspace_id);
    const where = (filter: (m: MembershipRow) => boolean) => memberships.filter(filter).map((m) => m.workspace_id);

    // Meetings: every member of a workspace follows its bodies' meetings.
    const meetings = await this.dataSource.query(
      `SELECT dm.id, dm.workspace_id, dm.title, dm.starts_at, dm.second_term_at, dm.place, dm.state, dm.sequence, dm.cancel_reason, b.name AS body_name
       FROM decision_meetings dm JOIN decision_bodies b ON b.id = dm.body_id
       WHERE dm.workspace_id = ANY($1::uuid[]) AND dm.starts_at >= $2
       ORDER BY dm.starts_at`,
      [workspaces, since],
    );

    // Remote votes still open: for the coordinators who run them and the representatives of the body's members.
    const managing = where((m) => can(m.role, 'decisions.manage'));
    const voting = memberships.filter((m) => can(m.role, 'decisions.vote') && m.organisation_id).map((m) => m.organisation_id as string);
    const votes =
      managing.length + voting.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT v.id, v.workspace_id, v.closes_at, r.id AS resolution_id, r.title, b.name AS body_name
             FROM votes v JOIN resolutions r ON r.id = v.resolution_id JOIN decision_bodies b ON b.id = r.body_id
             WHERE v.state = 'open' AND v.meeting_id IS NULL AND v.closes_at IS NOT NULL AND v.workspace_id = ANY($1::uuid[])
               AND (v.workspace_id = ANY($2::uuid[])
                    OR EXISTS (SELECT 1 FROM decision_body_members bm WHERE bm.body_id = r.body_id AND bm.organisation_id = ANY($3::uuid[])))
             ORDER BY v.closes_at`,
            [workspaces, managing, voting],
          );

    // Rounds once announced: staff see all of them, representatives and partners those that ask their organisations.
    const staff = where((m) => STAFF.includes(m.role));
    const asMembers = where((m) => AUDIENCE_OF[m.role] === 'members');
    const asPartners = where((m) => AUDIENCE_OF[m.role] === 'partners');
    const rounds =
      staff.length + asMembers.length + asPartners.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT r.id, r.workspace_id, r.title, r.opens_at, r.closes_at, r.state
             FROM consultation_rounds r
             WHERE r.state <> 'draft' AND r.closes_at >= $1
               AND (r.workspace_id = ANY($2::uuid[])
                    OR (r.workspace_id = ANY($3::uuid[]) AND 'members' = ANY(r.audiences))
                    OR (r.workspace_id = ANY($4::uuid[]) AND 'partners' = ANY(r.audiences)))
             ORDER BY r.opens_at`,
            [new Date(since.getTime() - 30 * DAY_MS), staff, asMembers, asPartners],
          );

    // Funding calls still to close (and those closed lately): every member of the workspace plans by them.
    const calls: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT c.id, c.workspace_id, c.programme, c.measure, c.closes_on::text AS closes_on FROM funding_calls c
       WHERE c.workspace_id = ANY($1::uuid[]) AND c.closes_on >= $2::date
       ORDER BY c.closes_on, c.id`,
      [workspaces, since.toISOString().slice(0, 10)],
    );

    return {
      calls: calls.map((c) => ({ id: c.id, workspaceId: c.workspace_id, workspaceName: names.get(c.workspace_id) ?? '', programme: c.programme, measure: c.measure, closesOn: c.closes_on })),
      meetings: meetings.map(
        (m: Record<string, string | number | null>): FeedMeeting => ({
          id: m.id as string,
          workspaceId: m.workspace_id as string,
          workspaceName: names.get(m.workspace_id as string) ?? '',
          bodyName: m.body_name as string,
          title: m.title as string,
          startsAt: new Date(m.starts_at as string),
          secondTermAt: m.second_term_at ? new Date(m.second_term_at as string) : null,
          place: (m.place as string) ?? '',
          state: m.state as FeedMeeting['state'],
          sequence: Number(m.sequence ?? 0),
          cancelReason: (m.cancel_reason as string) ?? '',
        }),
      ),
      votes: votes.map((v: Record<string, string>) => ({
        id: v.id,
        workspaceId: v.workspace_id,
        workspaceName: names.get(v.workspace_id) ?? '',
        bodyName: v.body_name,
        resolutionId: v.resolution_id,
        resolutionTitle: v.title,
        closesAt: new Date(v.closes_at),
      })),
      rounds: rounds.map((r: Record<string, string>) => ({
        id: r.id,
        workspaceId: r.workspace_id,
        workspaceName: names.get(r.workspace_id) ?? '',
        title: r.title,
        opensAt: new Date(r.opens_at),
        closesAt: new Date(r.closes_at),
        reportPublished: r.state === 'report_published',
      })),
    };
  }
}
