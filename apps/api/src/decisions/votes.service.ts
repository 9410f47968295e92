import { BadRequestException, Injectable, Logger, NotFoundException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { checkVote, type ProxyAuthorisation, resolutionNumber, rulesFor, type Sitting, statusTransitionAllowed, type Vote, VOTE_CHOICES, type VoteChoice, type VoteRules, type VoteRulesRefusal, voteRules, voteWeights } from '@commonplan/domain';
import { AuditService } from '../audit/audit.service';
import { AccessEvents } from '../platform/events';
import { warsawYear } from '../platform/warsaw-time';
import { DocumentAccessService } from '../documents/document-access.service';
import { VersionsService } from '../versions/versions.service';
import { sha256Of } from './ballots-digest';
import { closeVote } from './vote-close';
import { MotionsService } from './assembly/motions.service';
import type { VoteRow } from './vote-outcome';
import { BodiesService } from './bodies.service';
import type { BallotDto, OpenVoteDto } from './decision.dto';
import { DecisionNotices } from './decision-notices';
import { DecisionsAccess } from './decisions-access';
import { MeetingEventsGateway } from './meeting-events.gateway';
import { MeetingsService, votingMember } from './meetings.service';
import { resolutionFullTitle, ResolutionsService, type ResolutionView } from './resolutions.service';
import { fieldError } from '../platform/http/field-error';
import { type VoteView, VotesReader } from './votes-reader';
import { isProblem, problem } from '../platform/http/problem-codes';

/** Why a vote cannot open under the body's rules, as the API says it (409). */
const VOTE_RULES_REFUSALS: Record<VoteRulesRefusal, string> = {
  remote_not_allowed: 'the rule book does not allow remote voting for this kind of resolution',
  no_chair: 'the rules give the chair a casting vote: name the body’s chair first',
};

/** How often remote votes are checked for reminders and for their closing time. */
const SWEEP_MS = 60_000;
/** A remote vote's reminder goes out this long before it closes, to members who have not voted. */
const REMIND_BEFORE_MS = 24 * 60 * 60 * 1000;

/**
 * Votes on resolutions: opened by a coordinator in an open meeting or as a remote window; each member's vote cast by
 * its representative (or a proxy holder) once; closed with the outcome computed by the body's rules. An adopted
 * resolution is numbered in its body's yearly series and entered in the decision register, sealed in the audit trail
 * with the digest of its ballots; a resolution that adopts a version moves that document to adopted.
 */
/** Opening times in version names, as Warsaw reads its clocks. */
const WARSAW = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'medium' });

@Injectable()
export class VotesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Votes');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly bodies: BodiesService,
    private readonly meetings: MeetingsService,
    private readonly resolutions: ResolutionsService,
    private readonly reader: VotesReader,
    private readonly events: MeetingEventsGateway,
    private readonly versions: VersionsService,
    private readonly accessEvents: AccessEvents,
    private readonly notices: DecisionNotices,
    private readonly motions: MotionsService,
    private readonly documents: DocumentAccessService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(new Date()).catch((error) => this.logger.error(`sweep failed: ${String(error)}`)), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async open(userId: string, resolutionId: string, dto: OpenVoteDto): Promise<VoteView> {
    const resolution = await this.resolutions.one(resolutionId);
    await this.access.coordinator(resolution.workspaceId, userId);
    if (resolution.state !== 'draft' && resolution.state !== 'no_quorum') throw problem('resolution_decided', `a resolution that is ${resolution.state} is not voted on`);
    // The whole text is voted as amended: every amendment is decided (or withdrawn) first.
    const [pending] = await this.dataSource.query(`SELECT number FROM resolution_amendments WHERE resolution_id = $1 AND state IN ('proposed', 'voting') ORDER BY vote_order NULLS LAST, number LIMIT 1`, [resolutionId]);
    if (pending) throw problem('amendments_pending', `amendment no. ${pending.number} is still to be decided before the whole text is voted on`);
    const body = await this.bodies.one(resolution.body.id);
    let sitting: Sitting = 'remote';
    if (dto.meetingId) {
      const meeting = await this.meetings.row(dto.meetingId);
      if (meeting.workspace_id !== resolution.workspaceId || meeting.body_id !== resolution.body.id) throw fieldError('meetingId', 'a meeting of the body this resolution belongs to');
      if (meeting.state === 'cancelled') throw problem('meeting_cancelled', 'the meeting was cancelled');
      if (meeting.state !== 'open') throw problem('meeting_not_open', 'votes are taken in an open meeting');
      const [onAgenda] = await this.dataSource.query(`SELECT 1 FROM meeting_agenda WHERE meeting_id = $1 AND resolution_id = $2`, [dto.meetingId, resolutionId]);
      if (!onAgenda) throw problem('not_on_agenda', 'the resolution is not on this meeting’s agenda');
      sitting = meeting.term === 'second' ? 'second_term' : 'meeting';
    } else if (!dto.closesAt || dto.closesAt.getTime() <= Date.now()) {
      throw fieldError('closesAt', 'a remote vote needs a closing time in the future', BadRequestException, 'closing_time_not_future');
    }
    // The rules this vote is decided by, frozen with it: the quorum and majority of how it is taken, and the chair.
    const effective = voteRules(rulesFor(body.rules, resolution.kind), sitting, body.chairId);
    if (!effective.ok) throw problem(effective.reason, VOTE_RULES_REFUSALS[effective.reason]);
    const rules = effective.rules;
    const members = body.members.map(votingMember);
    const weights = voteWeights(members, rules.weighting);
    if (!weights.ok) throw problem('vote_weights_invalid', `the members’ vote weights do not fit the rules: ${weights.problems.map((p) => p.message).join('; ')}`);
    // The vote is taken on the text as it is now, frozen as a version (its SHA-256 sealed with the vote); from the
    // vote's opening nobody edits the text (DocumentAccessService: a resolution's text is frozen while voted on).
    // Edits stop before the text is read (holdEdits), for good once the vote is stored; re-reading access after it
    // (AccessEvents) makes that hold on every instance, or gives edit back when the vote was not opened.
    const openedAt = new Date();
    try {
      return await this.openOn(userId, resolution, rules, members, dto, openedAt);
    } catch (error) {
      // Not opened: the text is editable again (unless another opening froze it meanwhile).
      await this.versions.releaseEdits(resolution.documentId).catch(() => undefined);
      throw error;
    } finally {
      this.accessEvents.publish({ documentId: resolution.documentId });
    }
  }

  private async openOn(userId: string, resolution: ResolutionView, rules: VoteRules, members: ReturnType<typeof votingMember>[], dto: OpenVoteDto, openedAt: Date): Promise<VoteView> {
    // Named by the vote's number on this resolution too: a vote opened again within the same second (after one
    // without quorum) would otherwise take the same name, which a document's versions may not share.
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM votes WHERE resolution_id = $1`, [resolution.id]);
    const name = `Tekst poddany głosowaniu nr ${Number(count) + 1}, ${WARSAW.format(openedAt)}`;
    const text = await this.versions.freeze(userId, resolution.documentId, name, { holdEdits: true });
    const voteId = await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT state FROM resolutions WHERE id = $1 FOR UPDATE`, [resolution.id]);
      if (locked.state !== 'draft' && locked.state !== 'no_quorum') throw problem('resolution_decided', `a resolution that is ${locked.state} is not voted on`);
      // The vote keeps the rules and the members (with their weights) it opens with; the seal names both.
      const [vote] = await manager.query(
        `INSERT INTO votes (workspace_id, resolution_id, meeting_id, ballot, rules, members, closes_at, opened_by, text_version_id, text_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [resolution.workspaceId, resolution.id, dto.meetingId ?? null, rules.ballot, JSON.stringify(rules), JSON.stringify(members), dto.meetingId ? null : dto.closesAt, userId, text.id, text.contentHash],
      );
      if (rules.ballot === 'secret') {
        await manager.query(`INSERT INTO vote_secret_tallies (vote_id, choice) SELECT $1, unnest($2::text[])`, [vote.id, [...VOTE_CHOICES]]);
      }
      await manager.query(`UPDATE resolutions SET state = 'voting', updated_at = now() WHERE id = $1`, [resolution.id]);
      await this.audit.append(manager, {
        workspaceId: resolution.workspaceId,
        actorId: userId,
        action: 'vote.opened',
        targetType: 'resolution',
        targetId: resolution.id,
        details: {
          voteId: vote.id,
          meetingId: dto.meetingId ?? null,
          ballot: rules.ballot,
          closesAt: dto.closesAt?.toISOString() ?? null,
          rulesDigest: sha256Of(rules),
          membersDigest: sha256Of(members),
          textVersionId: text.id,
          textHash: text.contentHash,
        },
      });
      await this.notices.voteOpened(manager, vote.id, userId);
      return vote.id as string;
    });
    if (dto.meetingId) this.events.notify(dto.meetingId, { type: 'vote_opened', voteId });
    return (await this.reader.one(voteId)) as VoteView;
  }

  /** A resolution's votes, in a meeting or remote, as any member of its workspace sees them (a secret ballot: counts only). */
  async ofResolution(userId: string, resolutionId: string): Promise<VoteView[]> {
    await this.resolutions.get(userId, resolutionId);
    return this.reader.ofResolution(resolutionId);
  }

  /**
   * A ballot for the representative's own member, or for a member that gave it a proxy for the meeting. Once per
   * member (the database's key too); a partner, a closed vote or a member not present is refused.
   */
  async cast(userId: string, voteId: string, dto: BallotDto): Promise<VoteView> {
    const vote = await this.row(voteId);
    const own = await this.access.representative(vote.workspace_id, userId);
    const memberId = dto.forOrganisationId ?? own;
    const body = await this.bodies.one(await this.bodyOf(vote));
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state, closes_at FROM votes WHERE id = $1 FOR UPDATE`, [voteId]);
      if (current.state !== 'open' || (current.closes_at && new Date(current.closes_at).getTime() <= Date.now())) throw problem('vote_closed', 'the vote is closed');
      const cast = await manager.query(`SELECT organisation_id, choice FROM vote_ballots WHERE vote_id = $1`, [voteId]);
      const accepted: Vote[] = cast.map((b: { organisation_id: string }) => ({ memberId: b.organisation_id, choice: 'abstain' as VoteChoice }));
      // The members and weights the vote opened with (older votes: the body's now).
      const members = vote.members ?? body.members.map(votingMember);
      const { present, proxies } = await this.presence(manager, vote, members, own);
      const check = checkVote({ memberId, choice: dto.choice, castBy: own }, { rules: vote.rules, members, present, proxies }, accepted);
      if (!check.ok) {
        if (check.reason === 'not_a_member') throw problem('not_voting_member', 'this member is not a member of the body that decides');
        if (check.reason === 'already_voted') throw problem('already_voted', 'this member has already voted');
        throw problem('ballot_refused', `the ballot is refused: ${check.reason.replace(/_/g, ' ')}`);
      }
      const weights = voteWeights(members, vote.rules.weighting);
      if (!weights.ok) throw problem('vote_weights_invalid', 'the members’ vote weights do not fit the rules');
      const secret = vote.ballot === 'secret';
      await manager.query(`INSERT INTO vote_ballots (vote_id, organisation_id, choice, cast_by, by_proxy) VALUES ($1, $2, $3, $4, $5)`, [voteId, memberId, secret ? null : dto.choice, userId, memberId !== own]);
      if (secret) {
        // Every row of the totals changes in every ballot's transaction (one of them by the vote), so that nothing
        // stored (a transaction id, an order) tells which choice this ballot added to.
        await manager.query(
          `UPDATE vote_secret_tallies SET count = count + (choice = $2)::int, weight = weight + CASE WHEN choice = $2 THEN $3::numeric ELSE 0 END WHERE vote_id = $1`,
          [voteId, dto.choice, weights.weights[memberId]],
        );
      }
      await this.audit.append(manager, {
        workspaceId: vote.workspace_id,
        actorId: userId,
        action: 'vote.ballot_cast',
        ...auditTarget(vote),
        // A secret ballot's choice is nowhere but in its unlinked row.
        details: { voteId, memberId, byProxy: memberId !== own, ...(secret ? {} : { choice: dto.choice }) },
      });
    });
    if (vote.meeting_id) this.events.notify(vote.meeting_id, { type: 'ballot_cast', voteId });
    return (await this.reader.one(voteId)) as VoteView;
  }

  /** Closes a vote (coordinators; a remote one not before its closing time) and settles the resolution. */
  async close(userId: string, voteId: string): Promise<VoteView> {
    const vote = await this.row(voteId);
    if (vote.motion_id) await this.access.chair(vote.workspace_id, userId, await this.bodyOf(vote));
    else await this.access.coordinator(vote.workspace_id, userId);
    if (!vote.meeting_id && vote.closes_at && new Date(vote.closes_at).getTime() > Date.now()) throw problem('remote_vote_not_over', 'a remote vote closes at its closing time, not before');
    await this.settle(voteId, userId);
    return (await this.reader.one(voteId)) as VoteView;
  }

  /**
   * Remote votes: reminds the members that have not voted a day before the close, and closes the votes whose time
   * is over (as the system). Runs every minute; tests call it with the time they need.
   */
  async sweep(now: Date): Promise<void> {
    const due = await this.dataSource.query(`SELECT id FROM votes WHERE state = 'open' AND meeting_id IS NULL AND closes_at <= $1`, [now]);
    for (const vote of due) {
      // Another instance's sweep (or the chair) may close it first: that vote is done, the others still are due.
      await this.settle(vote.id, null).catch((error: unknown) => {
        if (!isProblem(error, 'vote_closed')) this.logger.error(`closing vote ${vote.id} failed: ${String(error)}`);
      });
    }
    const remind = await this.dataSource.query(`SELECT id FROM votes WHERE state = 'open' AND meeting_id IS NULL AND reminded_at IS NULL AND closes_at <= $1`, [new Date(now.getTime() + REMIND_BEFORE_MS)]);
    for (const vote of remind) {
      // Marked reminded and announced in one transaction: once, whichever instance's sweep gets there first.
      await this.dataSource.transaction(async (manager) => {
        const [taken] = await manager.query(`WITH taken AS (UPDATE votes SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL AND state = 'open' RETURNING id) SELECT id FROM taken`, [vote.id, now]);
        if (taken) await this.notices.voteClosing(manager, vote.id);
      });
    }
  }

  /** Computes the outcome, seals the ballots' digest in the audit trail and, when adopted, numbers and registers the resolution. */
  private async settle(voteId: string, userId: string | null): Promise<void> {
    const vote = await this.row(voteId);
    if (vote.motion_id) return this.motions.settle(vote, userId);
    const resolution = await this.resolutions.one(vote.resolution_id as string);
    const body = await this.bodies.one(resolution.body.id);
    // Who may read the document whose version the resolution adopts (asked before the transaction: the access
    // service reads outside it), for the sign-off the adoption asks of the body's members.
    const readers = new Set<string>();
    if (resolution.adopts) {
      for (const id of await this.notices.approvalCandidates(this.dataSource.manager, vote.workspace_id, body.id)) {
        if ((await this.documents.resolve(id, resolution.adopts.documentId)).ok) readers.add(id);
      }
    }
    let meetingId: string | null = null;
    await this.dataSource.transaction(async (manager) => {
      meetingId = vote.meeting_id;
      const members = vote.members ?? body.members.map(votingMember);
      const { outcome, digest, closedAt, result: state, summary } = await closeVote(
        manager,
        this.audit,
        vote,
        members,
        (voted) => this.presence(manager, vote, members, null, voted),
        { type: 'resolution', id: resolution.id },
        userId,
      );
      await this.notices.voteClosed(manager, voteId, { result: outcome.reason, for: summary.for, against: summary.against, abstain: summary.abstain }, userId);
      if (state !== 'adopted') {
        await manager.query(`UPDATE resolutions SET state = $2, decided_at = $3, updated_at = now() WHERE id = $1`, [vote.resolution_id, state, closedAt]);
        // Without quorum the resolution may be amended and voted on again: its text takes edits again.
        if (state === 'no_quorum') await this.versions.releaseEdits(resolution.documentId, manager);
        return;
      }
      const year = warsawYear(closedAt);
      const [counter] = await manager.query(
        `INSERT INTO resolution_counters (body_id, year, last) VALUES ($1, $2, 1) ON CONFLICT (body_id, year) DO UPDATE SET last = resolution_counters.last + 1 RETURNING last`,
        [body.id, year],
      );
      const sequence = Number(counter.last);
      const number = resolutionNumber(sequence, year);
      await manager.query(`UPDATE resolutions SET state = 'adopted', year = $2, sequence = $3, number = $4, decided_at = $5, updated_at = now() WHERE id = $1`, [
        vote.resolution_id,
        year,
        sequence,
        number,
        closedAt,
      ]);
      const entry = {
        resolutionId: resolution.id,
        voteId,
        number,
        title: resolutionFullTitle(number, body.nameGenitive, resolution.title),
        body: body.name,
        adoptedAt: closedAt.toISOString(),
        result: summary,
        // The hashes of what was adopted: the resolution's own text as voted, the document version it adopts, and
        // its attachments.
        textHash: vote.text_hash,
        versionHash: resolution.adopts?.contentHash ?? null,
        ballotsDigest: digest,
        attachments: resolution.attachments.map((a) => ({ position: a.position, name: a.name, sha256: a.sha256 })),
      };
      const sealed = await this.audit.append(manager, { workspaceId: vote.workspace_id, actorId: userId, action: 'resolution.adopted', targetType: 'resolution', targetId: resolution.id, details: entry });
      await manager.query(
        `INSERT INTO decision_register (workspace_id, resolution_id, vote_id, number, title, body_name, adopted_at, result, version_hash, ballots_digest, audit_seq, text_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [vote.workspace_id, resolution.id, voteId, number, entry.title, body.name, closedAt, JSON.stringify(summary), entry.versionHash, digest, sealed.seq, entry.textHash],
      );
      if (resolution.adopts) {
        await this.adoptDocument(manager, resolution.adopts.documentId, vote.workspace_id, userId, number);
        await this.notices.approvalRequested(manager, { workspaceId: vote.workspace_id, bodyId: body.id, documentId: resolution.adopts.documentId, versionId: resolution.adopts.versionId, readers }, userId);
      }
    });
    if (meetingId) this.events.notify(meetingId, { type: 'vote_closed', voteId });
    // Without a quorum the text may be worked on again before the next vote; decided, it stays frozen.
    this.accessEvents.publish({ documentId: resolution.documentId });
  }

  /** The document whose version the resolution adopts becomes adopted (and so frozen for editing). */
  private async adoptDocument(manager: EntityManager, documentId: string, workspaceId: string, userId: string | null, number: string): Promise<void> {
    const [document] = await manager.query(`SELECT status FROM documents WHERE id = $1 FOR UPDATE`, [documentId]);
    if (!document || document.status === 'adopted' || !statusTransitionAllowed(document.status, 'adopted')) return;
    await manager.query(`UPDATE documents SET status = 'adopted', updated_at = now() WHERE id = $1`, [documentId]);
    await this.audit.append(manager, { workspaceId, actorId: userId, action: 'document.status_changed', targetType: 'document', targetId: documentId, details: { changes: { status: { from: document.status, to: 'adopted' } }, reason: `resolution ${number}` } });
  }

  /**
   * Who takes part: in a meeting, those checked in and the proxies recorded; in a remote vote, the members that
   * have voted (and, when casting, the one casting).
   */
  private async presence(
    manager: EntityManager,
    vote: VoteRow,
    members: ReadonlyArray<{ id: string }>,
    casting: string | null,
    voted: string[] = [],
  ): Promise<{ present: string[]; proxies: ProxyAuthorisation[] }> {
    if (vote.meeting_id) return this.meetings.attendance(manager, vote.meeting_id);
    if (voted.length === 0) {
      const rows = await manager.query(`SELECT organisation_id FROM vote_ballots WHERE vote_id = $1`, [vote.id]);
      voted = rows.map((r: { organisation_id: string }) => r.organisation_id);
    }
    const present = casting ? [...new Set([...voted, casting])] : voted;
    return { present: present.filter((id) => members.some((m) => m.id === id)), proxies: [] };
  }

  /** The body whose members vote: the resolution's, or the meeting's for a motion. */
  private async bodyOf(vote: VoteRow): Promise<string> {
    if (vote.motion_id) return this.motions.bodyOf(vote.motion_id);
    const [resolution] = await this.dataSource.query(`SELECT body_id FROM resolutions WHERE id = $1`, [vote.resolution_id]);
    return resolution.body_id;
  }

  private async row(voteId: string): Promise<VoteRow> {
    const [vote] = await this.dataSource.query(`SELECT * FROM votes WHERE id = $1`, [voteId]);
    if (!vote) throw new NotFoundException('vote not found');
    return vote;
  }
}

/** What a vote's audit entries are about: the resolution, or the meeting whose motion it is. */
function auditTarget(vote: VoteRow): { targetType: string; targetId: string } {
  return vote.resolution_id ? { targetType: 'resolution', targetId: vote.resolution_id } : { targetType: 'decision_meeting', targetId: vote.meeting_id as string };
}
