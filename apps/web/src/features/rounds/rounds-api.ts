import { type RoundAudience, type RoundChannel, roundChangeRefusal, type RoundState } from '@commonplan/domain';
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
  /** Time and place; staff's notes, participants and summary only on the staff's view (Round). */
  meetings: Array<{ id: string; startsAt: string; place: string; notes?: string; participants?: number | null; summary?: string }>;
  /** Where the announcement was published (the website, BIP). */
  announcementUrls: string[];
  /** Where the report is published. */
  reportUrls: string[];
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
  meetings: RoundMeeting[];
  /** The resolution that approved the report, once named. */
  approval: { resolutionId: string; number: string; title: string; body: string; adoptedAt: string } | null;
}

/** A meeting as staff see it: the notes stay internal; participants and summary go into the report. */
export interface RoundMeeting {
  id: string;
  startsAt: string;
  place: string;
  notes: string;
  participants: number | null;
  summary: string;
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
  announcementUrls?: string[];
  reportUrls?: string[];
}

export const createRound = (workspaceId: string, values: CreateRoundValues) => api.post<Round>(`/workspaces/${workspaceId}/rounds`, values);

/**
 * PATCH /api/rounds/:roundId (UpdateRoundDto): a draft or announced round's changes, only the fields changed; an empty
 * clause brings back the workspace's default. The answer is the round.
 */
export type RoundChanges = Partial<Pick<CreateRoundValues, 'title' | 'legalBasis' | 'audiences' | 'channels' | 'opensAt' | 'closesAt' | 'informationClause'>>;

export const updateRound = (roundId: string, changes: RoundChanges) => api.patch<Round>(roundPath(roundId), changes);

/** DELETE /api/rounds/:roundId: a draft only. */
export const deleteRound = (roundId: string) => api.delete(roundPath(roundId));

/** A round's announcement changes until it opens; only a draft is deleted (the API checks again: 409). */
export const canEditRound = (round: Pick<Round, 'state'>) => roundChangeRefusal(round.state, 'edit') === null;
export const canDeleteRound = (round: Pick<Round, 'state'>) => roundChangeRefusal(round.state, 'delete') === null;

/** POST /api/rounds/:roundId/meetings (MeetingDto); the answer is the round with its meetings. */
export interface MeetingValues {
  startsAt: string;
  place: string;
  notes?: string;
  participants?: number | null;
  summary?: string;
}

export const addMeeting = (roundId: string, values: MeetingValues) => api.post<Round>(`${roundPath(roundId)}/meetings`, values);

/** PATCH /api/rounds/:roundId/meetings/:meetingId (UpdateMeetingDto): e.g. participants and summary after the meeting. */
export const updateMeeting = (roundId: string, meetingId: string, values: Partial<MeetingValues>) => api.patch<Round>(`${roundPath(roundId)}/meetings/${meetingId}`, values);

/** PATCH /api/rounds/:roundId/publication (RoundPublicationDto). */
export interface PublicationValues {
  announcementUrls?: string[];
  reportUrls?: string[];
  approvedByResolutionId?: string | null;
}

export const updatePublication = (roundId: string, values: PublicationValues) => api.patch<Round>(`${roundPath(roundId)}/publication`, values);

/** An adopted resolution a coordinator may name as approving the report (GET /api/workspaces/:id/resolutions, the fields used here). */
export interface ResolutionChoice {
  id: string;
  state: string;
  number: string | null;
  fullTitle: string | null;
  decidedAt: string | null;
}

export const resolutionsPath = (workspaceId: string) => `/workspaces/${workspaceId}/resolutions`;

/** Addresses typed one per line, blank lines left out. */
export const urlsOfLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Whether an address is an http(s) address the API takes (it checks again, naming the field). */
export function isPublicationUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
