import type { RoundAudience, RoundChannel, RoundState } from '@commonplan/domain';
import { api } from '../../api/client';

export interface Round {
  id: string;
  workspaceId: string;
  document: { id: string; title: string; kind: string };
  version: { id: string; number: number; name: string; contentHash: string };
  title: string;
  legalBasis: string;
  audiences: RoundAudience[];
  channels: RoundChannel[];
  opensAt: string;
  closesAt: string;
  informationClause: string;
  state: RoundState;
  announcedAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  reportPublishedAt: string | null;
  reportDueAt: string;
  daysLeft: number;
  commentCount: number;
  warnings: string[];
  meetings: Array<{ id: string; startsAt: string; place: string; notes: string }>;
}

export const roundPath = (roundId: string) => `/rounds/${roundId}`;

/** The next step a coordinator can take from each state (the report is published with the report). */
export const NEXT_ACTION: Partial<Record<RoundState, 'announce' | 'open' | 'close'>> = { draft: 'announce', announced: 'open', open: 'close' };

export const advanceRound = (roundId: string, action: 'announce' | 'open' | 'close') => api.post<Round>(`${roundPath(roundId)}/${action}`, {});
