import { Injectable } from '@nestjs/common';
import type { NotificationParams } from '@commonplan/domain';
import type { EntityManager } from 'typeorm';
import { Notifier } from '../notifications/notifier';
import { AppConfig } from '../platform/config/app-config';
import { meetingInvitation, type InvitedMeeting } from './meeting-invitation';

interface MeetingNoticeRow {
  id: string;
  workspace_id: string;
  body_id: string;
  body_name: string;
  title: string;
  starts_at: string;
  second_term_at: string | null;
  place: string;
  sequence: number;
  cancel_reason: string;
}

interface VoteNoticeRow {
  id: string;
  workspace_id: string;
  resolution_id: string;
  meeting_id: string | null;
  closes_at: string | null;
  members: Array<{ id: string }> | null;
  title: string;
  body_id: string;
}

/**
 * What the decisions tell people (through the Notifier, always in the transaction of the change): a meeting called,
 * changed or cancelled, with its iCalendar invitation, to the representatives of the body's members and of the members
 * holding a proxy for it; a vote opened, closing and closed to the representatives of the members that vote in it (and
 * proxy holders); a proxy to the representatives of the member it is given to; a version adopted by a resolution to
 * the representatives of the body's members that have not signed it off. Everyone a meeting or vote is told to is a
 * member of the workspace, who may read meetings, resolutions and votes.
 */
@Injectable()
export class DecisionNotices {
  private readonly host: string;

  constructor(
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {
    this.host = new URL(config.publicUrl).hostname || 'commonplan.invalid';
  }

  /** Links of the web app. */
  static meetingLink = (workspaceId: string, meetingId: string) => `/w/${workspaceId}/meetings/${meetingId}`;
  static resolutionLink = (workspaceId: string, resolutionId: string) => `/w/${workspaceId}/resolutions/${resolutionId}`;
  static versionLink = (workspaceId: string, documentId: string, versionId: string) => `/w/${workspaceId}/d/${documentId}/v/${versionId}`;

  /** A meeting was called (created), changed or cancelled: each invited person with their invitation (or its cancellation). */
  async meeting(manager: EntityManager, kind: 'meeting_called' | 'meeting_changed' | 'meeting_cancelled', meetingId: string, actorId: string): Promise<void> {
    const meeting = await this.meetingRow(manager, meetingId);
    const recipients = await this.meetingAudience(manager, meeting);
    const link = DecisionNotices.meetingLink(meeting.workspace_id, meeting.id);
    const invited: InvitedMeeting = {
      id: meeting.id,
      title: meeting.title,
      bodyName: meeting.body_name,
      startsAt: new Date(meeting.starts_at),
      secondTermAt: meeting.second_term_at ? new Date(meeting.second_term_at) : null,
      place: meeting.place,
      sequence: Number(meeting.sequence),
    };
    const startsAt = invited.startsAt.toISOString();
    const calendar = (to: { address: string; name: string; language: 'pl' | 'en' }) =>
      meetingInvitation({
        method: kind === 'meeting_cancelled' ? 'CANCEL' : 'REQUEST',
        meeting: invited,
        host: this.host,
        organizer: this.config.mailFrom,
        attendee: to,
        url: `${this.config.publicUrl}${link}`,
        reason: meeting.cancel_reason,
      });
    const base = { workspaceId: meeting.workspace_id, recipients, actorId, link, calendar };
    if (kind === 'meeting_cancelled') {
      await this.notifier.notify(manager, { ...base, kind, key: `meeting_cancelled:${meeting.id}`, params: { body: meeting.body_name, meeting: meeting.title, startsAt, reason: meeting.cancel_reason } });
      return;
    }
    const params = { body: meeting.body_name, meeting: meeting.title, startsAt, place: meeting.place };
    if (kind === 'meeting_called') await this.notifier.notify(manager, { ...base, kind, key: `meeting_called:${meeting.id}`, params });
    else await this.notifier.notify(manager, { ...base, kind, key: `meeting_changed:${meeting.id}:${invited.sequence}`, params });
  }

  /** A member's vote at a meeting was handed to another member: that member's representatives hear of it. */
  async proxyGiven(manager: EntityManager, meetingId: string, fromOrganisationId: string, toOrganisationId: string, actorId: string): Promise<void> {
    const meeting = await this.meetingRow(manager, meetingId);
    const [from] = await manager.query(`SELECT name FROM organisations WHERE id = $1`, [fromOrganisationId]);
    const [actor] = await manager.query(`SELECT display_name FROM users WHERE id = $1`, [actorId]);
    await this.notifier.notify(manager, {
      kind: 'proxy_given',
      workspaceId: meeting.workspace_id,
      key: `proxy_given:${meeting.id}:${fromOrganisationId}`,
      recipients: await this.representatives(manager, meeting.workspace_id, [toOrganisationId]),
      actorId,
      link: DecisionNotices.meetingLink(meeting.workspace_id, meeting.id),
      params: { actor: actor?.display_name ?? '', meeting: meeting.title, organisation: from?.name ?? '', startsAt: new Date(meeting.starts_at).toISOString() },
    });
  }

  /** A vote opened: the representatives of the members that vote in it, and those holding a proxy at its meeting. */
  async voteOpened(manager: EntityManager, voteId: string, actorId: string): Promise<void> {
    const vote = await this.voteRow(manager, voteId);
    await this.notifier.notify(manager, {
      kind: 'vote_opened',
      workspaceId: vote.workspace_id,
      key: `vote_opened:${vote.id}`,
      recipients: await this.voteAudience(manager, vote),
      actorId,
      link: this.voteLink(vote),
      params: { resolution: vote.title, closesAt: vote.closes_at ? new Date(vote.closes_at).toISOString() : null },
    });
  }

  /** A remote vote closes soon: the representatives of the members that have not voted yet. */
  async voteClosing(manager: EntityManager, voteId: string): Promise<void> {
    const vote = await this.voteRow(manager, voteId);
    if (!vote.closes_at) return;
    const voted = new Set<string>((await manager.query(`SELECT organisation_id FROM vote_ballots WHERE vote_id = $1`, [voteId])).map((b: { organisation_id: string }) => b.organisation_id));
    const members = (await this.voteMembers(manager, vote)).filter((id) => !voted.has(id));
    await this.notifier.notify(manager, {
      kind: 'vote_closing',
      workspaceId: vote.workspace_id,
      key: `vote_closing:${vote.id}`,
      recipients: await this.representatives(manager, vote.workspace_id, members),
      actorId: null,
      link: this.voteLink(vote),
      params: { resolution: vote.title, closesAt: new Date(vote.closes_at).toISOString() },
    });
  }

  /** A vote closed with its result (for a secret ballot, as for any other, only the totals). */
  async voteClosed(manager: EntityManager, voteId: string, result: Omit<NotificationParams['vote_closed'], 'resolution'>, actorId: string | null): Promise<void> {
    const vote = await this.voteRow(manager, voteId);
    await this.notifier.notify(manager, {
      kind: 'vote_closed',
      workspaceId: vote.workspace_id,
      key: `vote_closed:${vote.id}`,
      recipients: await this.voteAudience(manager, vote),
      actorId,
      link: this.voteLink(vote),
      params: { resolution: vote.title, ...result },
    });
  }

  /**
   * A resolution adopted a version: the version now waits for the sign-off of each of the body's members (as the
   * representatives' "what waits for me" lists it). Each member's representatives who may read the document and whose
   * member has not approved it yet hear of it, each with their member named.
   */
  async approvalRequested(
    manager: EntityManager,
    input: { workspaceId: string; bodyId: string; documentId: string; versionId: string; readers: ReadonlySet<string> },
    actorId: string | null,
  ): Promise<void> {
    const [version] = await manager.query(
      `SELECT v.number, v.name, d.title FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1 AND v.document_id = $2`,
      [input.versionId, input.documentId],
    );
    if (!version) return;
    const rows: Array<{ user_id: string; organisation_id: string; name: string }> = await manager.query(
      `SELECT m.user_id, m.organisation_id, o.name
       FROM decision_body_members bm
       JOIN organisations o ON o.id = bm.organisation_id
       JOIN memberships m ON m.organisation_id = bm.organisation_id AND m.workspace_id = $1 AND m.active AND m.role = 'representative'
       WHERE bm.body_id = $2 AND NOT EXISTS (SELECT 1 FROM version_approvals a WHERE a.version_id = $3 AND a.organisation_id = bm.organisation_id)
       ORDER BY o.name, m.user_id`,
      [input.workspaceId, input.bodyId, input.versionId],
    );
    const byMember = new Map<string, { name: string; users: string[] }>();
    for (const row of rows) {
      if (!input.readers.has(row.user_id)) continue;
      const entry = byMember.get(row.organisation_id) ?? { name: row.name, users: [] };
      entry.users.push(row.user_id);
      byMember.set(row.organisation_id, entry);
    }
    for (const member of byMember.values()) {
      await this.notifier.notify(manager, {
        kind: 'approval_requested',
        workspaceId: input.workspaceId,
        key: `approval_requested:${input.versionId}`,
        recipients: member.users,
        actorId,
        link: DecisionNotices.versionLink(input.workspaceId, input.documentId, input.versionId),
        documentId: input.documentId,
        params: { document: version.title, version: version.name || `#${Number(version.number)}`, organisation: member.name },
      });
    }
  }

  /** The active representatives of the body's members who could sign off a version (before access is checked). */
  async approvalCandidates(manager: EntityManager, workspaceId: string, bodyId: string): Promise<string[]> {
    const rows = await manager.query(
      `SELECT DISTINCT m.user_id FROM decision_body_members bm
       JOIN memberships m ON m.organisation_id = bm.organisation_id AND m.workspace_id = $1 AND m.active AND m.role = 'representative'
       WHERE bm.body_id = $2`,
      [workspaceId, bodyId],
    );
    return rows.map((r: { user_id: string }) => r.user_id);
  }

  private voteLink(vote: VoteNoticeRow): string {
    return vote.meeting_id ? DecisionNotices.meetingLink(vote.workspace_id, vote.meeting_id) : DecisionNotices.resolutionLink(vote.workspace_id, vote.resolution_id);
  }

  private async meetingRow(manager: EntityManager, meetingId: string): Promise<MeetingNoticeRow> {
    const [meeting] = await manager.query(
      `SELECT m.id, m.workspace_id, m.body_id, b.name AS body_name, m.title, m.starts_at, m.second_term_at, m.place, m.sequence, m.cancel_reason
       FROM decision_meetings m JOIN decision_bodies b ON b.id = m.body_id WHERE m.id = $1`,
      [meetingId],
    );
    return meeting;
  }

  private async voteRow(manager: EntityManager, voteId: string): Promise<VoteNoticeRow> {
    const [vote] = await manager.query(
      `SELECT v.id, v.workspace_id, v.resolution_id, v.meeting_id, v.closes_at, v.members, r.title, r.body_id FROM votes v JOIN resolutions r ON r.id = v.resolution_id WHERE v.id = $1`,
      [voteId],
    );
    return vote;
  }

  /** Those a meeting is announced to: the representatives of the body's members and of members holding a proxy for it. */
  private async meetingAudience(manager: EntityManager, meeting: MeetingNoticeRow): Promise<string[]> {
    const organisations = await manager.query(
      `SELECT organisation_id AS id FROM decision_body_members WHERE body_id = $1
       UNION SELECT to_organisation_id FROM meeting_proxies WHERE meeting_id = $2`,
      [meeting.body_id, meeting.id],
    );
    return this.representatives(
      manager,
      meeting.workspace_id,
      organisations.map((o: { id: string }) => o.id),
    );
  }

  /** The members a vote is taken among: those it opened with (older votes: the body's members now). */
  private async voteMembers(manager: EntityManager, vote: VoteNoticeRow): Promise<string[]> {
    if (vote.members) return vote.members.map((m) => m.id);
    const rows = await manager.query(`SELECT organisation_id FROM decision_body_members WHERE body_id = $1`, [vote.body_id]);
    return rows.map((r: { organisation_id: string }) => r.organisation_id);
  }

  /** The representatives of the members that vote, and of the members holding a proxy at the vote's meeting. */
  private async voteAudience(manager: EntityManager, vote: VoteNoticeRow): Promise<string[]> {
    const members = await this.voteMembers(manager, vote);
    const holders = vote.meeting_id
      ? (await manager.query(`SELECT to_organisation_id FROM meeting_proxies WHERE meeting_id = $1`, [vote.meeting_id])).map((p: { to_organisation_id: string }) => p.to_organisation_id)
      : [];
    return this.representatives(manager, vote.workspace_id, [...members, ...holders]);
  }

  /** The active representatives (people) of these member organisations in the workspace. */
  private async representatives(manager: EntityManager, workspaceId: string, organisationIds: string[]): Promise<string[]> {
    if (organisationIds.length === 0) return [];
    const rows = await manager.query(
      `SELECT DISTINCT user_id FROM memberships WHERE workspace_id = $1 AND active AND role = 'representative' AND organisation_id = ANY($2::uuid[]) ORDER BY user_id`,
      [workspaceId, [...new Set(organisationIds)]],
    );
    return rows.map((r: { user_id: string }) => r.user_id);
  }
}
