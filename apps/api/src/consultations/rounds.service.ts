import { BadRequestException, ForbiddenException, Injectable, Logger, NotFoundException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  can,
  daysLeft,
  DEFAULT_LEGAL_BASIS,
  defaultClosesAt,
  type DocumentKind,
  periodStart,
  reportDueAt,
  type Role,
  type RoundAction,
  type RoundAudience,
  type RoundChannel,
  type RoundState,
  roundChangeRefusal,
  type RoundTransitionRefusal,
  roundTransition,
  statusTransitionAllowed,
  timetableWarnings,
} from '@commonplan/domain';
import { AuditService } from '../audit/audit.service';
import { Notifier } from '../notifications/notifier';
import { fieldError } from '../platform/http/field-error';
import { problem, type ProblemCode } from '../platform/http/problem-codes';
import { RoundEventsGateway } from './round-events.gateway';
import { roundAudience, roundLink } from './round-notifications';
import type { CreateRoundDto, MeetingDto, RoundPublicationDto, UpdateMeetingDto, UpdateRoundDto } from './round.dto';

export interface MeetingView {
  id: string;
  startsAt: Date;
  place: string;
  /** Staff's notes: internal, never in a public view. */
  notes: string;
  /** How many took part, once counted (in the report). */
  participants: number | null;
  /** What was discussed (in the report, personal data taken out). */
  summary: string;
}

/** The resolution named as approving the round's report: adopted, of the round's workspace. */
export interface RoundApproval {
  resolutionId: string;
  number: string;
  /** "Uchwała nr 7/2026 Zarządu w sprawie …" */
  title: string;
  body: string;
  adoptedAt: Date;
}

export interface RoundView {
  id: string;
  workspaceId: string;
  document: { id: string; title: string; kind: DocumentKind };
  version: { id: string; number: number; name: string; contentHash: string };
  title: string;
  legalBasis: string;
  audiences: RoundAudience[];
  channels: RoundChannel[];
  opensAt: Date;
  closesAt: Date;
  informationClause: string;
  state: RoundState;
  announcedAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  reportPublishedAt: Date | null;
  /** The close + 30 days (art. 6 ust. 6). */
  reportDueAt: Date;
  daysLeft: number;
  /** Comments received and not withdrawn. */
  commentCount: number;
  /** e.g. shorter_than_statutory_minimum (counted from the announcement, periodStart): said, not enforced. */
  warnings: string[];
  meetings: MeetingView[];
  /** Where the announcement was published (the website, BIP). */
  announcementUrls: string[];
  /** Where the report is published. */
  reportUrls: string[];
  /** The resolution that approved the report, once named. */
  approval: RoundApproval | null;
}

/**
 * A round as anyone may read it without signing in (GET /api/public/rounds/:id): what is consulted, its text, the
 * timetable, how to comment, the meetings' time and place, the information clause. Built field by field by
 * toPublicRoundView, so nothing added to RoundView (ids of the workspace, document and version, staff's warnings and
 * counts, meeting notes) reaches the public unless it is added here on purpose.
 */
export interface PublicRoundView {
  id: string;
  title: string;
  workspaceName: string;
  document: { title: string; kind: DocumentKind };
  version: { number: number; name: string; contentHash: string };
  legalBasis: string;
  audiences: RoundAudience[];
  channels: RoundChannel[];
  opensAt: Date;
  closesAt: Date;
  informationClause: string;
  state: RoundState;
  announcedAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  reportPublishedAt: Date | null;
  reportDueAt: Date;
  daysLeft: number;
  meetings: Array<{ id: string; startsAt: Date; place: string }>;
  /** Where the announcement and the report were published (addresses the coordinator entered). */
  announcementUrls: string[];
  reportUrls: string[];
  /** The frozen version consulted (ProseMirror JSON): public as a whole. */
  content: unknown;
}

export function toPublicRoundView(round: RoundView, extra: { content: unknown; workspaceName: string }): PublicRoundView {
  return {
    id: round.id,
    title: round.title,
    workspaceName: extra.workspaceName,
    document: { title: round.document.title, kind: round.document.kind },
    version: { number: round.version.number, name: round.version.name, contentHash: round.version.contentHash },
    legalBasis: round.legalBasis,
    audiences: [...round.audiences],
    channels: [...round.channels],
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    informationClause: round.informationClause,
    state: round.state,
    announcedAt: round.announcedAt,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    reportPublishedAt: round.reportPublishedAt,
    reportDueAt: round.reportDueAt,
    daysLeft: round.daysLeft,
    meetings: round.meetings.map((m) => ({ id: m.id, startsAt: m.startsAt, place: m.place })),
    announcementUrls: [...round.announcementUrls],
    reportUrls: [...round.reportUrls],
    content: extra.content,
  };
}

/**
 * The information clause shown on the comment form unless the coordinator writes another, with the workspace's
 * retention of contact data (`contact_retention_days`, personal-data/retention.service.ts) as it is when the round is
 * created.
 */
export function defaultInformationClause(workspaceName: string, contactRetentionDays: number): string {
  const days = contactRetentionDays === 1 ? '1 dzień' : `${contactRetentionDays} dni`;
  return (
    `Administratorem danych osobowych zgłaszających uwagi jest ${workspaceName}. Dane są przetwarzane w celu ` +
    'przeprowadzenia konsultacji i sporządzenia sprawozdania z ich przebiegu (art. 6 ust. 1 lit. c i e RODO w związku ' +
    'z art. 6 ustawy o zasadach prowadzenia polityki rozwoju). W sprawozdaniu osoby fizyczne nie są wymieniane z imienia ' +
    'i nazwiska; adresy, adresy e-mail i numery telefonów nie są publikowane. Dane kontaktowe (adres e-mail, a osób ' +
    `fizycznych także imię i nazwisko) są usuwane ${days} po opublikowaniu sprawozdania; uwaga pozostaje w dokumentacji ` +
    'konsultacji jako uwaga „osoby fizycznej nr …”. Przysługuje Pani/Panu prawo dostępu do danych, ' +
    'ich sprostowania, ograniczenia przetwarzania oraz skargi do Prezesa Urzędu Ochrony Danych Osobowych.'
  );
}

const STAMP: Record<RoundAction, string> = { announce: 'announced_at', open: 'opened_at', close: 'closed_at', publish_report: 'report_published_at' };

const notFound = () => new NotFoundException('consultation round not found');

/** How often open rounds are checked for the reminder of their last days. */
const SWEEP_MS = 60_000;
/** The round's audience is reminded this long before it closes. */
const CLOSING_NOTICE_MS = 3 * 24 * 60 * 60 * 1000;

/** The code of each refused step of a round (roundTransition). */
export const TRANSITION_REFUSALS: Record<RoundTransitionRefusal, ProblemCode> = {
  wrong_state: 'round_wrong_state',
  before_opening_time: 'round_not_yet_open',
  before_closing_time: 'round_not_yet_over',
};

/** A round closes after it opens: a 400 naming the field that was sent (closesAt unless only opensAt was). */
function assertClosesAfterOpens(opensAt: Date, closesAt: Date, field: 'opensAt' | 'closesAt' = 'closesAt'): void {
  if (closesAt.getTime() > opensAt.getTime()) return;
  const message = field === 'closesAt' ? 'must be after opensAt' : 'must be before closesAt';
  throw new BadRequestException({ message: `${field}: a round closes after it opens`, errors: [{ field, message }] });
}

/** The columns of the announcement a coordinator changes (UpdateRoundDto), by field. */
const EDITABLE_COLUMNS = {
  title: 'title',
  legalBasis: 'legal_basis',
  audiences: 'audiences',
  channels: 'channels',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  informationClause: 'information_clause',
} as const satisfies Record<keyof UpdateRoundDto, string>;

@Injectable()
export class RoundsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Rounds');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: RoundEventsGateway,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(new Date()).catch((error) => this.logger.error(`sweep failed: ${String(error)}`)), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Reminds the audience of each open round that it closes in three days (Notifier kind round_closing), once: the
   * round is marked in the same transaction (`closing_notified_at`, under the round's row lock, so two sweeps or two
   * instances never both send it). A round opened when less than three days were left is not reminded: its
   * opening notice already says when it closes. Rounds open and close by a coordinator's action, not by time, so
   * this is the sweep's only work. Runs every minute; tests call it with the time they need.
   */
  async sweep(now: Date): Promise<void> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM consultation_rounds
       WHERE state = 'open' AND closing_notified_at IS NULL AND closes_at > $1 AND closes_at <= $2
         AND opened_at <= closes_at - make_interval(secs => $3)`,
      [now, new Date(now.getTime() + CLOSING_NOTICE_MS), CLOSING_NOTICE_MS / 1000],
    );
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const [round] = await manager.query(
          `SELECT id, workspace_id, title, closes_at FROM consultation_rounds WHERE id = $1 AND state = 'open' AND closing_notified_at IS NULL FOR UPDATE`,
          [id],
        );
        if (!round) return; // another sweep took it (a second one waits for the lock, then finds it marked)
        await manager.query(`UPDATE consultation_rounds SET closing_notified_at = $2 WHERE id = $1`, [id, now]);
        await this.notifier.notify(manager, {
          kind: 'round_closing',
          workspaceId: round.workspace_id,
          key: `round_closing:${round.id}`,
          recipients: await roundAudience(manager, round.id),
          actorId: null,
          link: roundLink(round.workspace_id, round.id),
          params: { round: round.title, closesAt: new Date(round.closes_at).toISOString() },
        });
      });
    }
  }

  async create(workspaceId: string, userId: string, dto: CreateRoundDto): Promise<RoundView> {
    const [version] = await this.dataSource.query(
      `SELECT v.id FROM document_versions v JOIN documents d ON d.id = v.document_id
       WHERE v.id = $1 AND v.document_id = $2 AND d.workspace_id = $3`,
      [dto.versionId, dto.documentId, workspaceId],
    );
    if (!version) {
      throw fieldError('versionId', 'no such version of a document of this workspace', NotFoundException);
    }
    // The default close counts the statutory days from the announcement: before it, from the earliest it can be.
    const closesAt = dto.closesAt ?? defaultClosesAt(periodStart({ announcedAt: null, opensAt: dto.opensAt }, new Date()));
    assertClosesAfterOpens(dto.opensAt, closesAt);
    const id = await this.dataSource.transaction(async (manager) => {
      const [round] = await manager.query(
        `INSERT INTO consultation_rounds (workspace_id, document_id, version_id, title, legal_basis, audiences, channels, opens_at, closes_at, information_clause, created_by,
           announcement_urls, report_urls)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          workspaceId,
          dto.documentId,
          dto.versionId,
          dto.title,
          dto.legalBasis ?? DEFAULT_LEGAL_BASIS,
          dto.audiences,
          dto.channels,
          dto.opensAt,
          closesAt,
          dto.informationClause?.trim() || (await this.defaultClause(manager, workspaceId)),
          userId,
          dto.announcementUrls ?? [],
          dto.reportUrls ?? [],
        ],
      );
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'consultation.created',
        targetType: 'consultation_round',
        targetId: round.id,
        details: { title: dto.title, documentId: dto.documentId, versionId: dto.versionId, opensAt: dto.opensAt.toISOString(), closesAt: closesAt.toISOString() },
      });
      return round.id as string;
    });
    return this.view(id);
  }

  async list(workspaceId: string): Promise<RoundView[]> {
    return this.views('r.workspace_id = $1', workspaceId);
  }

  /** One round, for people of its workspace. */
  async get(userId: string, roundId: string): Promise<RoundView> {
    await this.member(userId, roundId);
    return this.view(roundId);
  }

  /** announce, open or close (coordinators); the document goes into consultation when its round opens. */
  async transition(userId: string, roundId: string, action: Exclude<RoundAction, 'publish_report'>): Promise<RoundView> {
    const { workspaceId } = await this.manager(userId, roundId);
    await this.dataSource.transaction(async (manager) => {
      const [round] = await manager.query(`SELECT * FROM consultation_rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      const now = new Date();
      const result = roundTransition(round.state, action, { now, opensAt: new Date(round.opens_at), closesAt: new Date(round.closes_at) });
      if (!result.ok) throw problem(TRANSITION_REFUSALS[result.refusal], result.reason);
      await manager.query(`UPDATE consultation_rounds SET state = $2, ${STAMP[action]} = $3 WHERE id = $1`, [roundId, result.state, now]);
      if (action === 'open') await this.documentInConsultation(manager, round.document_id, workspaceId, userId);
      await this.announceStep(manager, { id: roundId, workspaceId, title: round.title, opensAt: new Date(round.opens_at), closesAt: new Date(round.closes_at) }, action, now, userId);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: `consultation.${action === 'announce' ? 'announced' : action === 'open' ? 'opened' : 'closed'}`,
        targetType: 'consultation_round',
        targetId: roundId,
        details: { from: round.state, to: result.state },
      });
    });
    return this.view(roundId);
  }

  /**
   * Changes a draft or announced round's announcement (coordinators): title, legal basis, audiences, channels, the
   * timetable and the information clause, each as on creation (a close before the opening is refused; a strategy's
   * round shorter than the statutory period comes back with its warning). Once the round opens, 409: comments are
   * taken on the announced terms. Staff watching the round hear of the change.
   */
  async update(userId: string, roundId: string, dto: UpdateRoundDto): Promise<RoundView> {
    const { workspaceId } = await this.manager(userId, roundId);
    const changed = await this.dataSource.transaction(async (manager) => {
      const [round] = await manager.query(`SELECT state, opens_at, closes_at FROM consultation_rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      if (!round) throw notFound();
      const refusal = roundChangeRefusal(round.state, 'edit');
      if (refusal) throw problem('round_not_editable', refusal);
      assertClosesAfterOpens(dto.opensAt ?? new Date(round.opens_at), dto.closesAt ?? new Date(round.closes_at), dto.closesAt ? 'closesAt' : 'opensAt');
      const values: Partial<Record<keyof UpdateRoundDto, unknown>> = { ...dto };
      if (dto.informationClause !== undefined) values.informationClause = dto.informationClause.trim() || (await this.defaultClause(manager, workspaceId));
      const fields = (Object.keys(EDITABLE_COLUMNS) as Array<keyof UpdateRoundDto>).filter((field) => values[field] !== undefined);
      if (fields.length === 0) return false;
      await manager.query(`UPDATE consultation_rounds SET ${fields.map((field, i) => `${EDITABLE_COLUMNS[field]} = $${i + 2}`).join(', ')} WHERE id = $1`, [roundId, ...fields.map((field) => values[field])]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'consultation.changed',
        targetType: 'consultation_round',
        targetId: roundId,
        details: {
          state: round.state,
          changed: fields,
          ...(dto.opensAt ? { opensAt: dto.opensAt.toISOString() } : {}),
          ...(dto.closesAt ? { closesAt: dto.closesAt.toISOString() } : {}),
        },
      });
      return true;
    });
    if (changed) this.events.notify(roundId, { type: 'round_changed' });
    return this.view(roundId);
  }

  /** Deletes a draft round, never announced (coordinators), with its meetings; an announced one is 409. */
  async remove(userId: string, roundId: string): Promise<void> {
    const { workspaceId } = await this.manager(userId, roundId);
    await this.dataSource.transaction(async (manager) => {
      const [round] = await manager.query(`SELECT state, title, document_id, version_id FROM consultation_rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      if (!round) throw notFound();
      const refusal = roundChangeRefusal(round.state, 'delete');
      if (refusal) throw problem('round_not_deletable', refusal);
      await manager.query(`DELETE FROM consultation_rounds WHERE id = $1`, [roundId]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'consultation.deleted',
        targetType: 'consultation_round',
        targetId: roundId,
        details: { title: round.title, documentId: round.document_id, versionId: round.version_id },
      });
    });
    this.events.notify(roundId, { type: 'round_deleted' });
  }

  async addMeeting(userId: string, roundId: string, dto: MeetingDto): Promise<RoundView> {
    const { workspaceId } = await this.manager(userId, roundId);
    await this.dataSource.transaction(async (manager) => {
      const [meeting] = await manager.query(
        `INSERT INTO consultation_meetings (round_id, starts_at, place, notes, participants, summary) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [roundId, dto.startsAt, dto.place, dto.notes ?? '', dto.participants ?? null, dto.summary?.trim() ?? ''],
      );
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'consultation.meeting_added',
        targetType: 'consultation_round',
        targetId: roundId,
        details: { meetingId: meeting.id, startsAt: dto.startsAt.toISOString(), place: dto.place },
      });
    });
    return this.view(roundId);
  }

  /**
   * A meeting's changes (coordinators), e.g. after it was held: how many took part and what was discussed, which the
   * report publishes (its personal data taken out); the notes stay internal.
   */
  async updateMeeting(userId: string, roundId: string, meetingId: string, dto: UpdateMeetingDto): Promise<RoundView> {
    const { workspaceId } = await this.manager(userId, roundId);
    await this.dataSource.transaction(async (manager) => {
      const [meeting] = await manager.query(`SELECT id FROM consultation_meetings WHERE id = $1 AND round_id = $2 FOR UPDATE`, [meetingId, roundId]);
      if (!meeting) throw new NotFoundException('no meeting of this consultation round has this id');
      const changes: Array<[column: string, value: unknown]> = [];
      if (dto.startsAt !== undefined) changes.push(['starts_at', dto.startsAt]);
      if (dto.place !== undefined) changes.push(['place', dto.place]);
      if (dto.notes !== undefined) changes.push(['notes', dto.notes]);
      if (dto.participants !== undefined) changes.push(['participants', dto.participants]);
      if (dto.summary !== undefined) changes.push(['summary', dto.summary.trim()]);
      if (changes.length === 0) return;
      await manager.query(`UPDATE consultation_meetings SET ${changes.map(([column], i) => `${column} = $${i + 2}`).join(', ')} WHERE id = $1`, [meetingId, ...changes.map(([, value]) => value)]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'consultation.meeting_changed',
        targetType: 'consultation_round',
        targetId: roundId,
        details: { meetingId, changed: changes.map(([column]) => column) },
      });
    });
    return this.view(roundId);
  }

  /**
   * Where the announcement and the report were published, and the resolution that approved the report (coordinators,
   * in any state: the report states them, and a change makes a new edition). The resolution must be an adopted one of
   * the round's workspace.
   */
  async updatePublication(userId: string, roundId: string, dto: RoundPublicationDto): Promise<RoundView> {
    const { workspaceId } = await this.manager(userId, roundId);
    if (dto.approvedByResolutionId) {
      const [resolution] = await this.dataSource.query(`SELECT state FROM resolutions WHERE id = $1 AND workspace_id = $2`, [dto.approvedByResolutionId, workspaceId]);
      if (!resolution) throw fieldError('approvedByResolutionId', 'no resolution of this workspace has this id', NotFoundException);
      if (resolution.state !== 'adopted') throw fieldError('approvedByResolutionId', 'the resolution is not adopted');
    }
    await this.dataSource.transaction(async (manager) => {
      const changes: Array<[column: string, value: unknown]> = [];
      if (dto.announcementUrls !== undefined) changes.push(['announcement_urls', dto.announcementUrls]);
      if (dto.reportUrls !== undefined) changes.push(['report_urls', dto.reportUrls]);
      if (dto.approvedByResolutionId !== undefined) changes.push(['approved_by_resolution_id', dto.approvedByResolutionId]);
      if (changes.length === 0) return;
      await manager.query(`UPDATE consultation_rounds SET ${changes.map(([column], i) => `${column} = $${i + 2}`).join(', ')} WHERE id = $1`, [roundId, ...changes.map(([, value]) => value)]);
      await this.audit.append(manager, {
        workspaceId,
        actorId: userId,
        action: 'consultation.publication_changed',
        targetType: 'consultation_round',
        targetId: roundId,
        details: {
          ...(dto.announcementUrls !== undefined ? { announcementUrls: dto.announcementUrls } : {}),
          ...(dto.reportUrls !== undefined ? { reportUrls: dto.reportUrls } : {}),
          ...(dto.approvedByResolutionId !== undefined ? { approvedByResolutionId: dto.approvedByResolutionId } : {}),
        },
      });
    });
    return this.view(roundId);
  }

  /** The announcement as the public sees it: only once announced, and only the fields of PublicRoundView. */
  async publicView(roundId: string): Promise<PublicRoundView> {
    const [row] = await this.dataSource.query(
      `SELECT r.state, v.content, w.name FROM consultation_rounds r JOIN document_versions v ON v.id = r.version_id JOIN workspaces w ON w.id = r.workspace_id WHERE r.id = $1`,
      [roundId],
    );
    if (!row || row.state === 'draft') throw notFound();
    return toPublicRoundView(await this.view(roundId), { content: row.content, workspaceName: row.name });
  }

  /**
   * Tells the round's audience (roundAudience) that it was announced, opened or closed, in the transaction of the
   * step: the notification exists if and only if the step does.
   */
  private async announceStep(
    manager: EntityManager,
    round: { id: string; workspaceId: string; title: string; opensAt: Date; closesAt: Date },
    action: Exclude<RoundAction, 'publish_report'>,
    now: Date,
    actorId: string,
  ): Promise<void> {
    const common = { workspaceId: round.workspaceId, recipients: await roundAudience(manager, round.id), actorId, link: roundLink(round.workspaceId, round.id) };
    if (action === 'announce') {
      await this.notifier.notify(manager, { ...common, kind: 'round_announced', key: `round_announced:${round.id}`, params: { round: round.title, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() } });
    } else if (action === 'open') {
      await this.notifier.notify(manager, { ...common, kind: 'round_opened', key: `round_opened:${round.id}`, params: { round: round.title, closesAt: round.closesAt.toISOString() } });
    } else {
      await this.notifier.notify(manager, { ...common, kind: 'round_closed', key: `round_closed:${round.id}`, params: { round: round.title, closedAt: now.toISOString() } });
    }
  }

  private async defaultClause(manager: EntityManager, workspaceId: string): Promise<string> {
    const [workspace] = await manager.query(`SELECT name, contact_retention_days FROM workspaces WHERE id = $1`, [workspaceId]);
    return defaultInformationClause(workspace.name, Number(workspace.contact_retention_days));
  }

  private async documentInConsultation(manager: EntityManager, documentId: string, workspaceId: string, userId: string): Promise<void> {
    const [document] = await manager.query(`SELECT status FROM documents WHERE id = $1 FOR UPDATE`, [documentId]);
    if (!document || document.status === 'in_consultation' || !statusTransitionAllowed(document.status, 'in_consultation')) return;
    await manager.query(`UPDATE documents SET status = 'in_consultation', updated_at = now() WHERE id = $1`, [documentId]);
    await this.audit.append(manager, {
      workspaceId,
      actorId: userId,
      action: 'document.status_changed',
      targetType: 'document',
      targetId: documentId,
      details: { changes: { status: { from: document.status, to: 'in_consultation' } }, reason: 'consultation opened' },
    });
  }

  private async member(userId: string, roundId: string): Promise<{ workspaceId: string; role: Role }> {
    const [row] = await this.dataSource.query(
      `SELECT r.workspace_id, m.role FROM consultation_rounds r
       LEFT JOIN memberships m ON m.workspace_id = r.workspace_id AND m.user_id = $2 AND m.active
       WHERE r.id = $1`,
      [roundId, userId],
    );
    if (!row) throw notFound();
    if (!row.role) throw new ForbiddenException('you are not a member of the workspace of this round');
    return { workspaceId: row.workspace_id, role: row.role };
  }

  private async manager(userId: string, roundId: string): Promise<{ workspaceId: string }> {
    const member = await this.member(userId, roundId);
    if (!can(member.role, 'consultations.manage')) throw new ForbiddenException('only coordinators manage consultation rounds');
    return member;
  }

  private async view(roundId: string): Promise<RoundView> {
    const [round] = await this.views('r.id = $1', roundId);
    if (!round) throw notFound();
    return round;
  }

  /** Rounds with their document, version, comment count and meetings: two queries however many rounds. */
  private async views(where: 'r.id = $1' | 'r.workspace_id = $1', value: string): Promise<RoundView[]> {
    const rounds = await this.dataSource.query(
      `SELECT r.*, array_to_json(r.audiences) AS audiences_json, array_to_json(r.channels) AS channels_json,
              array_to_json(r.announcement_urls) AS announcement_urls_json, array_to_json(r.report_urls) AS report_urls_json,
              d.title AS document_title, d.kind AS document_kind, v.number AS version_number, v.name AS version_name, v.content_hash,
              (SELECT count(*) FROM consultation_comments c WHERE c.round_id = r.id AND c.withdrawn_at IS NULL)::int AS comment_count,
              res.number AS resolution_number, res.title AS resolution_title, res.decided_at AS resolution_decided_at, res.state AS resolution_state,
              b.name AS resolution_body, b.name_genitive AS resolution_body_genitive
       FROM consultation_rounds r JOIN documents d ON d.id = r.document_id JOIN document_versions v ON v.id = r.version_id
       LEFT JOIN resolutions res ON res.id = r.approved_by_resolution_id AND res.workspace_id = r.workspace_id
       LEFT JOIN decision_bodies b ON b.id = res.body_id
       WHERE ${where} ORDER BY r.created_at DESC`,
      [value],
    );
    if (rounds.length === 0) return [];
    const meetings: MeetingRow[] = await this.dataSource.query(
      `SELECT id, round_id, starts_at, place, notes, participants, summary FROM consultation_meetings WHERE round_id = ANY($1::uuid[]) ORDER BY starts_at, created_at`,
      [rounds.map((r: { id: string }) => r.id)],
    );
    return (rounds as RoundSqlRow[]).map((r) => toRoundView(r, meetings.filter((m) => m.round_id === r.id)));
  }
}

interface MeetingRow {
  id: string;
  round_id: string;
  starts_at: string;
  place: string;
  notes: string;
  participants: number | null;
  summary: string;
}

/** "Uchwała nr 7/2026 Zarządu w sprawie …": the resolution's number, its body in the genitive and its subject. */
export function resolutionFullTitle(number: string, bodyGenitive: string, title: string): string {
  return `Uchwała nr ${number} ${bodyGenitive} ${title}`;
}

/** A row of consultation_rounds joined with its document and version. */
interface RoundSqlRow {
  id: string;
  workspace_id: string;
  document_id: string;
  document_title: string;
  document_kind: DocumentKind;
  version_id: string;
  version_number: number;
  version_name: string;
  content_hash: string;
  title: string;
  legal_basis: string;
  audiences_json: RoundAudience[];
  channels_json: RoundChannel[];
  opens_at: string;
  closes_at: string;
  information_clause: string;
  state: RoundState;
  announced_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  report_published_at: string | null;
  comment_count: number;
  announcement_urls_json: string[];
  report_urls_json: string[];
  approved_by_resolution_id: string | null;
  resolution_number: string | null;
  resolution_title: string | null;
  resolution_decided_at: string | null;
  resolution_state: string | null;
  resolution_body: string | null;
  resolution_body_genitive: string | null;
}

function toRoundView(r: RoundSqlRow, meetings: MeetingRow[]): RoundView {
  const opensAt = new Date(r.opens_at);
  const closesAt = new Date(r.closes_at);
  const announcedAt = r.announced_at ? new Date(r.announced_at) : null;
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    document: { id: r.document_id, title: r.document_title, kind: r.document_kind },
    version: { id: r.version_id, number: Number(r.version_number), name: r.version_name, contentHash: r.content_hash },
    title: r.title,
    legalBasis: r.legal_basis,
    audiences: r.audiences_json,
    channels: r.channels_json,
    opensAt,
    closesAt,
    informationClause: r.information_clause,
    state: r.state,
    announcedAt,
    openedAt: date(r.opened_at),
    closedAt: date(r.closed_at),
    reportPublishedAt: date(r.report_published_at),
    reportDueAt: reportDueAt(closesAt),
    daysLeft: daysLeft(new Date(), closesAt),
    commentCount: Number(r.comment_count),
    warnings: timetableWarnings(r.document_kind, periodStart({ announcedAt, opensAt }, new Date()), closesAt),
    meetings: meetings.map((m) => ({
      id: m.id,
      startsAt: new Date(m.starts_at),
      place: m.place,
      notes: m.notes,
      participants: m.participants === null ? null : Number(m.participants),
      summary: m.summary,
    })),
    announcementUrls: r.announcement_urls_json ?? [],
    reportUrls: r.report_urls_json ?? [],
    approval:
      r.approved_by_resolution_id && r.resolution_state === 'adopted' && r.resolution_number && r.resolution_decided_at
        ? {
            resolutionId: r.approved_by_resolution_id,
            number: r.resolution_number,
            title: resolutionFullTitle(r.resolution_number, r.resolution_body_genitive ?? '', r.resolution_title ?? ''),
            body: r.resolution_body ?? '',
            adoptedAt: new Date(r.resolution_decided_at),
          }
        : null,
  };
}
