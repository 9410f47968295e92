import { type RoundAudience, type RoundChannel, roundChangeRefusal, type RoundState } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

// Typed by the API's OpenAPI document (apps/web/src/api/schema.d.ts, from consultation-responses.dto.ts).

/** A round as its workspace's people read it (GET /api/rounds/:id). */
export type Round = Schemas['ConsultationRoundDto'];

/** A meeting as staff see it: the notes stay internal; participants and summary go into the report. */
export type RoundMeeting = Schemas['RoundMeetingDto'];

/** GET /api/public/rounds/:id: the announcement with the consulted text, without sign-in. */
export type PublicRound = Schemas['PublicRoundDto'];

/**
 * What anyone reads of a round and staff read too: the facts of the announcement (what Round and PublicRound share).
 * Meetings have their time and place; staff's notes, participants and summary only on the staff's view (Round).
 */
export type RoundAnnouncement = Omit<PublicRound, 'workspaceName' | 'content' | 'meetings'> & {
  meetings: Array<Schemas['PublicRoundMeetingDto'] & Partial<Pick<RoundMeeting, 'notes' | 'participants' | 'summary'>>>;
};

export const roundPath = (roundId: string) => `/rounds/${roundId}`;

/** The next step a coordinator can take from each state (the report is published with the report). */
export const NEXT_ACTION: Partial<Record<RoundState, 'announce' | 'open' | 'close'>> = { draft: 'announce', announced: 'open', open: 'close' };

const round = (roundId: string) => ({ params: { path: { roundId } } });

export const advanceRound = (roundId: string, action: 'announce' | 'open' | 'close'): Promise<Round> =>
  action === 'announce'
    ? call(apiClient.POST('/api/rounds/{roundId}/announce', round(roundId)))
    : action === 'open'
      ? call(apiClient.POST('/api/rounds/{roundId}/open', round(roundId)))
      : call(apiClient.POST('/api/rounds/{roundId}/close', round(roundId)));

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

export const createRound = (workspaceId: string, values: CreateRoundValues): Promise<Round> =>
  call(apiClient.POST('/api/workspaces/{workspaceId}/rounds', { params: { path: { workspaceId } }, body: values }));

/**
 * PATCH /api/rounds/:roundId (UpdateRoundDto): a draft or announced round's changes, only the fields changed; an empty
 * clause brings back the workspace's default. The answer is the round.
 */
export type RoundChanges = Partial<Pick<CreateRoundValues, 'title' | 'legalBasis' | 'audiences' | 'channels' | 'opensAt' | 'closesAt' | 'informationClause'>>;

export const updateRound = (roundId: string, changes: RoundChanges): Promise<Round> => call(apiClient.PATCH('/api/rounds/{roundId}', { ...round(roundId), body: changes }));

/** DELETE /api/rounds/:roundId: a draft only. */
export const deleteRound = (roundId: string): Promise<void> => call(apiClient.DELETE('/api/rounds/{roundId}', round(roundId)));

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

export const addMeeting = (roundId: string, values: MeetingValues): Promise<Round> => call(apiClient.POST('/api/rounds/{roundId}/meetings', { ...round(roundId), body: values }));

/** PATCH /api/rounds/:roundId/meetings/:meetingId (UpdateMeetingDto): e.g. participants and summary after the meeting. */
export const updateMeeting = (roundId: string, meetingId: string, values: Partial<MeetingValues>): Promise<Round> =>
  call(apiClient.PATCH('/api/rounds/{roundId}/meetings/{meetingId}', { params: { path: { roundId, meetingId } }, body: values }));

/** PATCH /api/rounds/:roundId/publication (RoundPublicationDto). */
export interface PublicationValues {
  announcementUrls?: string[];
  reportUrls?: string[];
  approvedByResolutionId?: string | null;
}

export const updatePublication = (roundId: string, values: PublicationValues): Promise<Round> =>
  call(apiClient.PATCH('/api/rounds/{roundId}/publication', { ...round(roundId), body: values }));

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
