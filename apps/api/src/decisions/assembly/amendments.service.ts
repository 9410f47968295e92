import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { can } from '@commonplan/domain';
import { carryPassage, type CarriedPassage, documentFromState, replaceRangeUpdate } from '@commonplan/editor';
import { AuditService } from '../../audit/audit.service';
import { CollabEngine } from '../../collab/collab-engine';
import { requireStoredState } from '../../collab/stored-state';
import { DocumentAccessService } from '../../documents/document-access.service';
import { fieldError } from '../../platform/http/field-error';
import { problem } from '../../platform/http/problem-codes';
import { DecisionsAccess } from '../decisions-access';
import { MeetingEventsGateway } from '../meeting-events.gateway';
import { ResolutionsService, type ResolutionView } from '../resolutions.service';
import type { ArrangeAmendmentsDto, ProposeAmendmentDto } from './assembly.dto';

export type AmendmentState = 'proposed' | 'withdrawn' | 'voting' | 'adopted' | 'rejected' | 'dropped';

/** An amendment (poprawka) to a draft resolution's text, as everyone in the workspace sees it. */
export interface AmendmentView {
  id: string;
  resolutionId: string;
  number: number;
  proposer: { organisationId: string | null; name: string };
  /** The passage's words when it was proposed, and the wording proposed in its place ('' deletes it). */
  currentText: string;
  proposedText: string;
  justification: string;
  state: AmendmentState;
  /** The chair's order of voting (the furthest-reaching first); null until ordered. */
  voteOrder: number | null;
  /** Amendments that cannot both be adopted: adopting this one drops those. */
  conflictsWith: string[];
  /** The amendment whose adoption dropped this one. */
  droppedBy: string | null;
  /** Where the passage stands in the live text now, while it is still to be decided (null once decided, or gone). */
  live: CarriedPassage | null;
  /** When the adopted wording went into the text, and what went in. */
  applied: { at: Date; text: string } | null;
  createdAt: Date;
  decidedAt: Date | null;
}

interface AmendmentRow {
  id: string;
  workspace_id: string;
  resolution_id: string;
  number: number;
  proposer_organisation_id: string | null;
  proposer_name: string;
  proposed_by: string | null;
  base_state: Uint8Array;
  passage_from: number;
  passage_to: number;
  current_text: string;
  proposed_text: string;
  justification: string;
  state: AmendmentState;
  vote_order: number | null;
  conflicts_with: string[] | string;
  dropped_by: string | null;
  applied_at: string | null;
  applied_text: string | null;
  created_at: string;
  decided_at: string | null;
}

/** A resolution is amended only while it is undecided (a draft, or after a vote without quorum). */
const AMENDABLE = new Set(['draft', 'no_quorum']);

/** An amendment whose passage is still looked for in the live text: proposed, or being voted. */
const UNDECIDED: ReadonlySet<AmendmentState> = new Set(['proposed', 'voting']);

/**
 * Amendments to draft resolutions: a member's representative proposes new wording for a passage picked in the text
 * (anchored in the Yjs state it was picked in, as consultation comments are), before the meeting or during it; staff
 * propose on behalf of a body. The chair orders them and marks conflicts; each is voted as a motion of the meeting
 * (MotionsService), and an adopted one goes into the live text at once, as an ordinary change everyone sees.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: DecisionsAccess,
    private readonly resolutions: ResolutionsService,
    private readonly engine: CollabEngine,
    private readonly events: MeetingEventsGateway,
    private readonly documents: DocumentAccessService,
  ) {}

  async propose(userId: string, resolutionId: string, dto: ProposeAmendmentDto): Promise<AmendmentView> {
    const resolution = await this.resolutions.one(resolutionId);
    const member = await this.access.member(resolution.workspaceId, userId);
    let proposer: { organisationId: string | null; name: string };
    if (can(member.role, 'decisions.vote') && member.organisationId) {
      const [inBody] = await this.dataSource.query(
        `SELECT o.name FROM decision_body_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.body_id = $1 AND m.organisation_id = $2`,
        [resolution.body.id, member.organisationId],
      );
      if (!inBody) throw problem('not_body_member', 'your member is not a member of the body that decides this resolution');
      proposer = { organisationId: member.organisationId, name: inBody.name };
    } else if (can(member.role, 'decisions.manage')) {
      if (!dto.proposerName) throw fieldError('proposerName', 'staff propose on behalf of a body or committee: name it');
      proposer = { organisationId: null, name: dto.proposerName };
    } else {
      throw problem('representatives_only', 'amendments are proposed by members’ representatives (or by staff on behalf of a body)');
    }
    if (!AMENDABLE.has(resolution.state)) throw problem('resolution_decided', `a resolution that is ${resolution.state} is not amended`);
    const state = await requireStoredState(this.engine, resolution.documentId);
    const passage = carryPassage(state, { from: dto.from, to: dto.to }, state);
    if (!passage) throw fieldError('to', 'from and to name no passage of the resolution’s text');
    if (passage.text !== dto.expectedText) throw problem('passage_changed', 'the passage was changed since you picked it; pick it again');
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM resolutions WHERE id = $1 FOR UPDATE`, [resolutionId]);
      const [{ next }] = await manager.query(`SELECT COALESCE(max(number), 0) + 1 AS next FROM resolution_amendments WHERE resolution_id = $1`, [resolutionId]);
      const [row] = await manager.query(
        `INSERT INTO resolution_amendments (workspace_id, resolution_id, number, proposer_organisation_id, proposer_name, proposed_by, base_state, passage_from, passage_to, current_text, proposed_text, justification)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [resolution.workspaceId, resolutionId, Number(next), proposer.organisationId, proposer.name, userId, Buffer.from(state), passage.from, passage.to, passage.text, dto.proposedText, dto.justification ?? ''],
      );
      await this.audit.append(manager, {
        workspaceId: resolution.workspaceId,
        actorId: userId,
        action: 'amendment.proposed',
        targetType: 'resolution',
        targetId: resolutionId,
        details: { amendmentId: row.id, number: Number(next), proposer: proposer.name, currentText: passage.text, proposedText: dto.proposedText },
      });
      return row.id as string;
    });
    await this.announce(resolutionId);
    return this.one(id);
  }

  /** The resolution's live text (editor JSON), in which a passage is picked for an amendment (whoever may read it). */
  async liveText(userId: string, resolutionId: string): Promise<{ documentId: string; content: Record<string, unknown> }> {
    const resolution = await this.resolutions.get(userId, resolutionId);
    await this.documents.require(userId, resolution.documentId, 'read');
    const state = await requireStoredState(this.engine, resolution.documentId);
    return { documentId: resolution.documentId, content: documentFromState(state).toJSON() as Record<string, unknown> };
  }

  /** The amendments to a resolution, in their number's order (anyone in the workspace). */
  async list(userId: string, resolutionId: string): Promise<AmendmentView[]> {
    const resolution = await this.resolutions.get(userId, resolutionId);
    return this.ofResolutions([resolution]);
  }

  /** The amendments to several resolutions (a meeting's agenda), each with where its passage stands now. */
  async ofResolutions(resolutions: ReadonlyArray<Pick<ResolutionView, 'id' | 'documentId'>>): Promise<AmendmentView[]> {
    if (resolutions.length === 0) return [];
    const rows: AmendmentRow[] = await this.dataSource.query(`SELECT * FROM resolution_amendments WHERE resolution_id = ANY($1::uuid[]) ORDER BY resolution_id, number`, [resolutions.map((r) => r.id)]);
    const states = new Map<string, Uint8Array | null>();
    for (const resolution of resolutions) {
      // Only an amendment still to be decided is placed in the live text (every participant reads the meeting on every
      // ballot: a decided one needs no Yjs decoding).
      if (rows.some((row) => row.resolution_id === resolution.id && UNDECIDED.has(row.state))) states.set(resolution.id, await this.engine.storedState(resolution.documentId).catch(() => null));
    }
    return rows.map((row) => toView(row, states.get(row.resolution_id) ?? null));
  }

  async one(amendmentId: string): Promise<AmendmentView> {
    const row = await this.row(amendmentId);
    const resolution = await this.resolutions.one(row.resolution_id);
    return toView(row, await this.engine.storedState(resolution.documentId).catch(() => null));
  }

  /** The proposer (its member's representative, or the staff member who proposed it) or the chair withdraws it before its vote. */
  async withdraw(userId: string, amendmentId: string): Promise<AmendmentView> {
    const row = await this.row(amendmentId);
    const resolution = await this.resolutions.one(row.resolution_id);
    const member = await this.access.member(row.workspace_id, userId);
    const own = row.proposed_by === userId || (row.proposer_organisation_id !== null && member.organisationId === row.proposer_organisation_id && can(member.role, 'decisions.vote'));
    if (!own) await this.access.chair(row.workspace_id, userId, resolution.body.id);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT state FROM resolution_amendments WHERE id = $1 FOR UPDATE`, [amendmentId]);
      if (current.state !== 'proposed') throw problem('amendment_state', `an amendment that is ${current.state} is not withdrawn`);
      await manager.query(`UPDATE resolution_amendments SET state = 'withdrawn', decided_at = now(), vote_order = NULL WHERE id = $1`, [amendmentId]);
      await this.audit.append(manager, { workspaceId: row.workspace_id, actorId: userId, action: 'amendment.withdrawn', targetType: 'resolution', targetId: row.resolution_id, details: { amendmentId, number: Number(row.number) } });
    });
    await this.announce(row.resolution_id);
    return this.one(amendmentId);
  }

  /**
   * The chair orders the amendments still to be voted (the furthest-reaching first) and marks which conflict (adopting
   * one drops the other). `order` names every proposed amendment of the resolution once; conflicts are pairs of them.
   */
  async arrange(userId: string, resolutionId: string, dto: ArrangeAmendmentsDto): Promise<AmendmentView[]> {
    const resolution = await this.resolutions.one(resolutionId);
    await this.access.chair(resolution.workspaceId, userId, resolution.body.id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM resolutions WHERE id = $1 FOR UPDATE`, [resolutionId]);
      const pending: Array<{ id: string }> = await manager.query(`SELECT id FROM resolution_amendments WHERE resolution_id = $1 AND state = 'proposed'`, [resolutionId]);
      const ids = new Set(pending.map((p) => p.id));
      if (dto.order.length !== ids.size || dto.order.some((id) => !ids.has(id))) {
        throw fieldError('order', 'name every amendment of this resolution still to be voted, once each');
      }
      for (const [index, pair] of dto.conflicts.entries()) {
        if (pair.length !== 2 || pair[0] === pair[1] || !ids.has(pair[0]) || !ids.has(pair[1])) throw fieldError(`conflicts.${index}`, 'a pair of two different amendments still to be voted');
      }
      const conflicts = new Map<string, Set<string>>([...ids].map((id) => [id, new Set<string>()]));
      for (const [a, b] of dto.conflicts) {
        conflicts.get(a)?.add(b);
        conflicts.get(b)?.add(a);
      }
      for (const [index, id] of dto.order.entries()) {
        await manager.query(`UPDATE resolution_amendments SET vote_order = $2, conflicts_with = $3::uuid[] WHERE id = $1`, [id, index + 1, [...(conflicts.get(id) ?? [])]]);
      }
      await this.audit.append(manager, { workspaceId: resolution.workspaceId, actorId: userId, action: 'amendment.arranged', targetType: 'resolution', targetId: resolutionId, details: { order: dto.order, conflicts: dto.conflicts } });
    });
    await this.announce(resolutionId);
    return this.ofResolutions([resolution]);
  }

  /**
   * Settles an amendment after its vote, in the vote's transaction: adopted (and the amendments it conflicts with
   * dropped), rejected, or back to proposed when there was no quorum.
   */
  async settle(manager: EntityManager, amendmentId: string, result: 'adopted' | 'rejected' | 'no_quorum', userId: string | null): Promise<void> {
    const [row] = await manager.query(`SELECT * FROM resolution_amendments WHERE id = $1 FOR UPDATE`, [amendmentId]);
    if (result === 'no_quorum') {
      await manager.query(`UPDATE resolution_amendments SET state = 'proposed' WHERE id = $1`, [amendmentId]);
      return;
    }
    await manager.query(`UPDATE resolution_amendments SET state = $2, decided_at = now() WHERE id = $1`, [amendmentId, result]);
    if (result !== 'adopted') return;
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's drivers.
    const [dropped]: [Array<{ id: string; number: number }>, number] = await manager.query(
      `UPDATE resolution_amendments SET state = 'dropped', dropped_by = $2, decided_at = now() WHERE id = ANY($1::uuid[]) AND state = 'proposed' RETURNING id, number`,
      [uuidArray(row.conflicts_with), amendmentId],
    );
    for (const other of dropped) {
      await this.audit.append(manager, { workspaceId: row.workspace_id, actorId: userId, action: 'amendment.dropped', targetType: 'resolution', targetId: row.resolution_id, details: { amendmentId: other.id, number: Number(other.number), droppedBy: amendmentId } });
    }
  }

  /**
   * Puts an adopted amendment's wording in place of its passage in the live text (an ordinary Yjs change: everyone
   * editing or reading it sees it at once) and records it. False when nothing of the passage is left in the text (the
   * chair then changes the text in the editor); an amendment is applied once.
   */
  async apply(amendmentId: string, userId: string | null): Promise<boolean> {
    const row = await this.row(amendmentId);
    if (row.state !== 'adopted' || row.applied_at) return row.applied_at !== null;
    const resolution = await this.resolutions.one(row.resolution_id);
    let placed: CarriedPassage | null = null;
    const ack = await this.engine.applyServerChange(resolution.documentId, (state) => {
      placed = carryPassage(row.base_state, { from: Number(row.passage_from), to: Number(row.passage_to) }, state);
      return placed ? replaceRangeUpdate(state, placed, row.proposed_text) : null;
    });
    if (ack && !ack.ok) throw new ServiceUnavailableException(`the resolution’s text could not be changed: ${ack.error.message}`);
    const applied = placed as CarriedPassage | null;
    await this.dataSource.transaction(async (manager) => {
      if (applied) await manager.query(`UPDATE resolution_amendments SET applied_at = now(), applied_text = $2 WHERE id = $1 AND applied_at IS NULL`, [amendmentId, row.proposed_text]);
      await this.audit.append(manager, {
        workspaceId: row.workspace_id,
        actorId: userId,
        action: applied ? 'document.amendment_applied' : 'document.amendment_not_applied',
        targetType: 'document',
        targetId: resolution.documentId,
        details: { resolutionId: row.resolution_id, amendmentId, number: Number(row.number), replaced: applied?.text ?? null, text: row.proposed_text },
      });
    });
    return applied !== null;
  }

  /** The chair puts an adopted amendment's wording into the text again after it could not go in (409 otherwise). */
  async applyAgain(userId: string, amendmentId: string): Promise<AmendmentView> {
    const row = await this.row(amendmentId);
    const resolution = await this.resolutions.one(row.resolution_id);
    await this.access.chair(row.workspace_id, userId, resolution.body.id);
    if (row.state !== 'adopted' || row.applied_at) throw problem('amendment_state', 'only an adopted amendment not yet in the text is applied');
    if (!AMENDABLE.has(resolution.state)) throw problem('resolution_decided', `a resolution that is ${resolution.state} is not amended`);
    if (!(await this.apply(amendmentId, userId))) throw problem('passage_gone', 'nothing of the amended passage is left in the text; change the text in the editor');
    await this.announce(row.resolution_id);
    return this.one(amendmentId);
  }

  async row(amendmentId: string): Promise<AmendmentRow> {
    const [row] = await this.dataSource.query(`SELECT * FROM resolution_amendments WHERE id = $1`, [amendmentId]);
    if (!row) throw new NotFoundException('amendment not found');
    return row;
  }

  /** Everyone following a meeting with this resolution on its agenda hears that its amendments changed. */
  async announce(resolutionId: string): Promise<void> {
    const meetings: Array<{ meeting_id: string }> = await this.dataSource.query(
      `SELECT a.meeting_id FROM meeting_agenda a JOIN decision_meetings m ON m.id = a.meeting_id WHERE a.resolution_id = $1 AND m.state IN ('planned', 'open')`,
      [resolutionId],
    );
    for (const { meeting_id } of meetings) this.events.notify(meeting_id, { type: 'amendments_changed' });
  }
}

function toView(row: AmendmentRow, liveState: Uint8Array | null): AmendmentView {
  const live = liveState && UNDECIDED.has(row.state) ? carryPassage(row.base_state, { from: Number(row.passage_from), to: Number(row.passage_to) }, liveState) : null;
  return {
    id: row.id,
    resolutionId: row.resolution_id,
    number: Number(row.number),
    proposer: { organisationId: row.proposer_organisation_id, name: row.proposer_name },
    currentText: row.current_text,
    proposedText: row.proposed_text,
    justification: row.justification,
    state: row.state,
    voteOrder: row.vote_order === null ? null : Number(row.vote_order),
    conflictsWith: uuidArray(row.conflicts_with),
    droppedBy: row.dropped_by,
    live,
    applied: row.applied_at ? { at: new Date(row.applied_at), text: row.applied_text ?? '' } : null,
    createdAt: new Date(row.created_at),
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  };
}

/** A uuid[] column as a list, whether the driver parsed it or gave its text form ("{a,b}"). */
function uuidArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value.replace(/^\{|\}$/g, '').split(',');
}
