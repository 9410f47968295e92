// Proposed wording → draft (apps/api/src/consultations/proposals.*.ts), typed by the API's OpenAPI document.
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

/** A comment's proposed wording against its passage in the live draft (null `live`: deleted, or the comment names none). */
export type Proposal = components['schemas']['ProposalDto'];

export const proposalPath = (commentId: string) => `/consultation-comments/${commentId}/proposal`;
export const applyProposal = (commentId: string, text: string, expectedText: string): Promise<Proposal> =>
  call(apiClient.POST('/api/consultation-comments/{commentId}/proposal/apply', { params: { path: { commentId } }, body: { text, expectedText } }));
