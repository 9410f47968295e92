// Proposed wording → draft (apps/api/src/consultations/proposals.*.ts), mirrored by hand.
import type { Disposition } from '@commonplan/domain';
import { api } from '../../api/client';

export interface Proposal {
  commentId: string;
  number: string;
  documentId: string;
  disposition: Disposition | null;
  currentWording: string;
  proposedWording: string;
  /** The comment's passage in the live draft now (null: deleted, or the comment names none). */
  live: { from: number; to: number; text: string } | null;
  applied: { text: string; at: string; by: string | null } | null;
}

export const proposalPath = (commentId: string) => `/consultation-comments/${commentId}/proposal`;
export const applyProposal = (commentId: string, text: string, expectedText: string) => api.post<Proposal>(`${proposalPath(commentId)}/apply`, { text, expectedText });
