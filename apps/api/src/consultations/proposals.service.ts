import { ForbiddenException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { carryPassage, type CarriedPassage, replaceRangeUpdate } from '@commonplan/editor';
import type { Disposition } from '@commonplan/domain';
import { MembershipLookup } from '../access/membership-lookup';
import { AuditService } from '../audit/audit.service';
import { CollabEngine } from '../collab/collab-engine';
import { requireStoredState } from '../collab/stored-state';
import { DocumentAccessService } from '../documents/document-access.service';
import { problem } from '../platform/http/problem-codes';
import type { ApplyProposalDto } from './proposal.dto';
import { RoundEventsGateway } from './round-events.gateway';

/** A comment's proposed wording as a suggestion on the live draft: where its passage is now, and what would go in. */
export interface ProposalView {
  commentId: string;
  number: string;
  documentId: string;
  disposition: Disposition | null;
  /** The words of the consulted version the comment is about. */
  currentWording: string;
  proposedWording: string;
  /** The passage in the live draft now, or null when it was deleted or the comment names none. */
  live: CarriedPassage | null;
  applied: { text: string; at: Date; by: string | null } | null;
}

const APPLICABLE: ReadonlySet<string> = new Set(['accepted', 'partly_accepted']);

/**
 * Proposed wording → draft: staff open an accepted or partly accepted comment's proposed wording against the live
 * draft at the comment's passage (carried from the consulted version through every edit since), edit it if needed,
 * and apply it as an ordinary change of the document; the comment and the document's history both record it.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly engine: CollabEngine,
    private readonly access: DocumentAccessService,
    private readonly memberships: MembershipLookup,
    private readonly events: RoundEventsGateway,
  ) {}

  async suggestion(userId: string, commentId: string): Promise<ProposalView> {
    const comment = await this.comment(commentId);
    await this.staff(userId, comment);
    await this.access.require(userId, comment.document_id, 'read');
    const live = comment.passage_from === null ? null : carryPassage(comment.version_state, passageOf(comment), await requireStoredState(this.engine, comment.document_id));
    return toView(comment, live);
  }

  /**
   * Puts `text` in place of the passage in the live draft. `expectedText` is the passage's text as the person saw it:
   * when someone changed it meanwhile, nothing is written (409) and they look again.
   */
  async apply(userId: string, commentId: string, dto: ApplyProposalDto): Promise<ProposalView> {
    const comment = await this.comment(commentId);
    await this.staff(userId, comment);
    const document = await this.access.require(userId, comment.document_id, 'edit');
    if (comment.withdrawn_at) throw problem('comment_withdrawn', 'the comment was withdrawn');
    if (!comment.disposition || !APPLICABLE.has(comment.disposition)) throw problem('proposal_not_accepted', 'only an accepted or partly accepted comment’s wording goes into the draft');
    if (comment.applied_at) throw problem('proposal_already_applied', 'this comment’s wording was already applied to the draft');
    if (comment.passage_from === null) throw problem('proposal_no_passage', 'the comment names no passage of the document; change the draft in the editor');

    let refusal: 'deleted' | 'changed' | null = null;
    let placed: CarriedPassage | null = null;
    const ack = await this.engine.applyServerChange(comment.document_id, (state) => {
      placed = carryPassage(comment.version_state, passageOf(comment), state);
      if (!placed) refusal = 'deleted';
      else if (placed.text !== dto.expectedText) refusal = 'changed';
      if (refusal || !placed) return null;
      return replaceRangeUpdate(state, placed, dto.text);
    });
    if (refusal === 'deleted') throw problem('passage_gone', 'the passage is no longer in the draft; change the draft in the editor');
    if (refusal === 'changed') throw problem('passage_changed', 'the passage was changed since you opened it; look at it again');
    if (ack && !ack.ok) throw new ServiceUnavailableException(`the draft could not be changed: ${ack.error.message}`);

    await this.dataSource.transaction(async (manager) => {
      // An UPDATE answers [rows, count] through TypeORM's pg driver.
      const [updated] = await manager.query(
        `UPDATE consultation_comments SET applied_text = $2, applied_by = $3, applied_at = now() WHERE id = $1 AND applied_at IS NULL RETURNING id`,
        [commentId, dto.text, userId],
      );
      if ((updated as unknown[]).length === 0) return; // applied by someone else in the same moment: their record stands
      await this.audit.append(manager, {
        workspaceId: document.workspaceId,
        actorId: userId,
        action: 'document.proposal_applied',
        targetType: 'document',
        targetId: comment.document_id,
        details: { roundId: comment.round_id, commentId, number: comment.number, changed: ack !== null },
      });
    });
    this.events.notify(comment.round_id, { type: 'triage_changed', commentId });
    return this.suggestion(userId, commentId);
  }

  /** Coordinators, and the expert the comment is assigned to. */
  private async staff(userId: string, comment: ProposalRow): Promise<void> {
    const member = await this.memberships.activeMember(comment.workspace_id, userId);
    if (!member) throw new ForbiddenException('you are not a member of the workspace of this round');
    if (member.role !== 'coordinator' && comment.assignee_id !== userId) throw new ForbiddenException('only coordinators and the expert the comment is assigned to work on its wording');
  }

  private async comment(commentId: string): Promise<ProposalRow> {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.number, c.round_id, c.passage_from, c.passage_to, c.current_wording, c.proposed_wording, c.disposition, c.assignee_id,
              c.withdrawn_at, c.applied_text, c.applied_at, u.display_name AS applied_by_name, r.workspace_id, r.document_id, v.state AS version_state
       FROM consultation_comments c JOIN consultation_rounds r ON r.id = c.round_id JOIN document_versions v ON v.id = r.version_id
       LEFT JOIN users u ON u.id = c.applied_by
       WHERE c.id = $1`,
      [commentId],
    );
    if (!row) throw new NotFoundException('comment not found');
    return row;
  }
}

function passageOf(comment: ProposalRow) {
  return { from: Number(comment.passage_from), to: Number(comment.passage_to) };
}

function toView(c: ProposalRow, live: CarriedPassage | null): ProposalView {
  return {
    commentId: c.id,
    number: c.number,
    documentId: c.document_id,
    disposition: c.disposition,
    currentWording: c.current_wording,
    proposedWording: c.proposed_wording,
    live,
    applied: c.applied_at ? { text: c.applied_text ?? '', at: new Date(c.applied_at), by: c.applied_by_name } : null,
  };
}

interface ProposalRow {
  id: string;
  number: string;
  round_id: string;
  passage_from: number | null;
  passage_to: number | null;
  current_wording: string;
  proposed_wording: string;
  disposition: Disposition | null;
  assignee_id: string | null;
  withdrawn_at: string | null;
  applied_text: string | null;
  applied_at: string | null;
  applied_by_name: string | null;
  workspace_id: string;
  document_id: string;
  version_state: Uint8Array;
}
