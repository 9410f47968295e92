import type { RoundAudience, RoundChannel, RoundState } from '@commonplan/domain';
import { api } from '../../api/client';

/** What anyone reads of a round (GET /api/public/rounds/:id) and staff read too: the facts of the announcement. */
export interface RoundAnnouncement {
  id: string;
  document: { title: string; kind: string };
  version: { number: number; name: string; contentHash: string };
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
  /** Time and place; staff's notes only on the staff's view (Round). */
  meetings: Array<{ id: string; startsAt: string; place: string; notes?: string }>;
}

/** GET /api/public/rounds/:id: the announcement with the consulted text, without sign-in. */
export interface PublicRound extends RoundAnnouncement {
  workspaceName: string;
  content: Record<string, unknown>;
}

/** A round as its workspace's people read it (GET /api/rounds/:id). */
export interface Round extends RoundAnnouncement {
  workspaceId: string;
  document: { id: string; title: string; kind: string };
  version: { id: string; number: number; name: string; contentHash: string };
  commentCount: number;
  warnings: string[];
  meetings: Array<{ id: string; startsAt: string; place: string; notes: string }>;
}

export const roundPath = (roundId: string) => `/rounds/${roundId}`;

/** The next step a coordinator can take from each state (the report is published with the report). */
export const NEXT_ACTION: Partial<Record<RoundState, 'announce' | 'open' | 'close'>> = { draft: 'announce', announced: 'open', open: 'close' };

export const advanceRound = (roundId: string, action: 'announce' | 'open' | 'close') => api.post<Round>(`${roundPath(roundId)}/${action}`, {});

/** POST /api/workspaces/:workspaceId/rounds (CreateRoundDto): dates as ISO strings; an empty clause is left out. */
export interface CreateRoundValues {
  documentId: string;
  versionId: string;
  title: string;
  legalBasis: string;
  audiences: RoundAudience[];
  channels: RoundChannel[];
  opensAt: string;
  closesAt: string;
  informationClause?: string;
}

export const createRound = (workspaceId: string, values: CreateRoundValues) => api.post<Round>(`/workspaces/${workspaceId}/rounds`, values);

/** POST /api/rounds/:roundId/meetings (MeetingDto); the answer is the round with its meetings. */
export interface MeetingValues {
  startsAt: string;
  place: string;
  notes?: string;
}

export const addMeeting = (roundId: string, values: MeetingValues) => api.post<Round>(`${roundPath(roundId)}/meetings`, values);
