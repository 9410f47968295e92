// Decisions (issue 6) as the API answers them (apps/api/src/decisions/*): bodies with their rules, resolutions,
// meetings with attendance, the quorum and the votes, and the decision register. Dates arrive as ISO strings.
import type { Ballot, BodyRuleBook, Outcome, ResolutionKind, VoteChoice, VoteRules } from '@commonplan/domain';
import { api } from '../../api/client';
import type { AttachmentView } from './attachments-api';

export type BodyKind = 'general_assembly' | 'board' | 'other';

export interface BodyMember {
  id: string;
  name: string;
  population: number | null;
  voteWeight: number;
}

/** GET /api/workspaces/:id/bodies */
export interface BodyView {
  id: string;
  workspaceId: string;
  kind: BodyKind;
  name: string;
  nameGenitive: string;
  rules: BodyRuleBook;
  members: BodyMember[];
  /** The chair (one of the members, by organisation id), whose vote decides a tie where the rules say so; null: none named. */
  chairId: string | null;
}

export const RESOLUTION_STATES = ['draft', 'voting', 'adopted', 'rejected', 'no_quorum'] as const;
export type ResolutionState = (typeof RESOLUTION_STATES)[number];

/** GET /api/workspaces/:id/resolutions */
export interface ResolutionView {
  id: string;
  workspaceId: string;
  body: { id: string; name: string; nameGenitive: string };
  kind: ResolutionKind;
  title: string;
  justification: string;
  /** The resolution's text: a document edited together in the shared editor. */
  documentId: string;
  adopts: { versionId: string; documentId: string; documentTitle: string; number: number; name: string; contentHash: string } | null;
  state: ResolutionState;
  number: string | null;
  fullTitle: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** Załącznik nr 1, 2, … (the API always sends them; left out by older test data). */
  attachments?: AttachmentView[];
  /** The adopted resolution this one amends or repeals. */
  changes?: ResolutionChange | null;
  /** Adopted resolutions that amend or repeal this one. */
  changedBy?: ResolutionChange[];
}

export const CHANGE_KINDS = ['amends', 'repeals'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A link between a resolution and the one it changes: the other resolution, its number and how it changes. */
export interface ResolutionChange {
  resolutionId: string;
  number: string | null;
  kind: ChangeKind;
}

export type MeetingState = 'planned' | 'open' | 'closed';

/** The term a meeting was opened in: the first, or the second (drugi termin) with the quorum the rules give it. */
export type MeetingTerm = 'first' | 'second';

/** GET /api/workspaces/:id/meetings */
export interface MeetingSummary {
  id: string;
  workspaceId: string;
  body: { id: string; name: string; nameGenitive: string };
  title: string;
  startsAt: string;
  place: string;
  state: MeetingState;
  openedAt: string | null;
  closedAt: string | null;
  /** When the meeting reconvenes in its second term if the first lacks the quorum (set when it is called); null: none. */
  secondTermAt: string | null;
  /** The term it was opened in; null until opened. */
  term: MeetingTerm | null;
}

export type Presence = 'present' | 'represented' | 'absent';

export interface VoteView {
  id: string;
  resolutionId: string;
  meetingId: string | null;
  ballot: Ballot;
  /** The rules frozen as the vote opened: how it is taken (`sitting`) and the chair whose vote decides a tie. */
  rules: VoteRules;
  state: 'open' | 'closed';
  opensAt: string;
  closesAt: string | null;
  closedAt: string | null;
  /** How many members have voted (also on a secret ballot). */
  castCount: number;
  /** Named ballot: who voted how; secret ballot: null. */
  roll: Array<{ memberId: string; choice: VoteChoice; byProxy: boolean }> | null;
  /** Members who voted (a secret ballot names them without their choice). */
  voted: string[];
  outcome: Outcome | null;
  /** Once closed: whether the stored vote verifies against its seals and ballots (a code names what does not). */
  verification: { verified: boolean; code: string | null; reason: string | null } | null;
  /** The version of the resolution's text frozen when the vote opened, and its SHA-256 (null for older votes). */
  textVersionId?: string | null;
  textHash?: string | null;
}

/** GET /api/meetings/:id */
export interface MeetingView extends MeetingSummary {
  members: Array<BodyMember & { presence: Presence; checkedInAt: string | null; representedBy: string | null }>;
  proxies: Array<{ from: string; to: string; authorisation: string; accepted: boolean; refusal: string | null }>;
  quorum: Pick<Outcome['quorum'], 'basis' | 'among' | 'fraction' | 'comparison' | 'total' | 'actual' | 'minimum' | 'reached'>;
  agenda: Array<{ position: number; resolution: ResolutionView; votes: VoteView[] }>;
}

/** An entry of the register as published (GET /api/public/registers/:slug). */
export interface PublicRegisterEntry {
  /** The entry's place in the register (1, 2, … in the order entered): its address on the public register. */
  position: number;
  number: string;
  title: string;
  body: string;
  adoptedAt: string;
  result: { for: number; against: number; abstain: number; quorum: boolean; reason: string };
  versionHash: string | null;
  /** SHA-256 of the resolution's text as voted (null for entries made before texts were frozen). */
  textHash: string | null;
  ballotsDigest: string;
  /** False when the entry or its vote does not verify: shown marked. */
  verified: boolean;
}

/** GET /api/workspaces/:id/register: the published fields, and the resolution and audit entry behind each. */
export interface RegisterEntry extends PublicRegisterEntry {
  resolutionId: string;
  auditSeq: number;
}

/** GET /api/workspaces/:id/register/verify */
export interface RegisterReport {
  valid: boolean;
  checkedEntries: number;
  checkedVotes: number;
  auditChain: { valid: boolean; checkedEntries: number; firstBroken: { seq: number; id: number | null; reason: string } | null };
  firstBroken: RegisterProblem | null;
  problems: RegisterProblem[];
}

/** One thing the register's verification found not to match; `code` says what (decisions.register.reasons). */
export interface RegisterProblem {
  kind: 'audit_chain' | 'vote' | 'register_entry';
  id: string;
  code: string;
  reason: string;
}

/** GET /api/public/registers/:slug */
export interface PublicRegister {
  workspace: string;
  entries: PublicRegisterEntry[];
}

/** GET /api/public/registers/:slug/entries/:position: an entry with the text voted, what it adopts and its minutes. */
export interface PublicRegisterEntryDetails {
  workspace: string;
  entry: PublicRegisterEntry;
  text: { content: Record<string, unknown>; contentHash: string } | null;
  adopts: { documentTitle: string; number: number; name: string; contentHash: string } | null;
  minutes: { title: string; startsAt: string } | null;
  changes: { number: string; kind: ChangeKind; position: number | null } | null;
  changedBy: Array<{ number: string; kind: ChangeKind; position: number }>;
}

export const bodiesPath = (workspaceId: string) => `/workspaces/${workspaceId}/bodies`;
export const resolutionsPath = (workspaceId: string) => `/workspaces/${workspaceId}/resolutions`;
export const meetingsPath = (workspaceId: string) => `/workspaces/${workspaceId}/meetings`;
export const meetingPath = (meetingId: string) => `/meetings/${meetingId}`;
export const resolutionPath = (resolutionId: string) => `/resolutions/${resolutionId}`;
export const resolutionVotesPath = (resolutionId: string) => `/resolutions/${resolutionId}/votes`;
export const registerPath = (workspaceId: string) => `/workspaces/${workspaceId}/register`;
export const publicRegisterPath = (slug: string) => `/public/registers/${encodeURIComponent(slug)}`;
export const publicRegisterEntryPath = (slug: string, position: number) => `${publicRegisterPath(slug)}/entries/${position}`;
/** A published entry's files: the text as voted, the document it adopts (PDF) and the minutes (PDF or DOCX). */
export const publicRegisterFileUrl = (slug: string, position: number, file: 'text.pdf' | 'adopted.pdf' | `minutes.${MinutesFormat}`, language: string) =>
  `/api${publicRegisterEntryPath(slug, position)}/${file}?lang=${language === 'en' ? 'en' : 'pl'}`;

/** Pages of the web app. */
export const decisionsPage = (workspaceId: string) => `/w/${workspaceId}/decisions`;
export const meetingPage = (workspaceId: string, meetingId: string) => `/w/${workspaceId}/meetings/${meetingId}`;
export const resolutionPage = (workspaceId: string, resolutionId: string) => `/w/${workspaceId}/resolutions/${resolutionId}`;
export const registerPage = (workspaceId: string) => `/w/${workspaceId}/register`;
export const publicRegisterPage = (slug: string) => `/registers/${encodeURIComponent(slug)}`;
export const publicRegisterEntryPage = (slug: string, position: number) => `${publicRegisterPage(slug)}/${position}`;
export const versionPage = (workspaceId: string, documentId: string, versionId: string) => `${documentPage(workspaceId, documentId)}/v/${versionId}`;
export const documentPage = (workspaceId: string, documentId: string) => `/w/${workspaceId}/d/${documentId}`;

/** POST /api/workspaces/:id/resolutions (CreateResolutionDto). */
export interface ResolutionValues {
  bodyId: string;
  kind: ResolutionKind;
  title: string;
  justification?: string;
  adoptsVersionId?: string;
  /** An adopted resolution this one amends or repeals (both or neither). */
  changesResolutionId?: string;
  changeKind?: ChangeKind;
}

/** POST /api/workspaces/:id/meetings (CreateMeetingDto); startsAt and secondTermAt (after startsAt) as ISO strings. */
export interface MeetingValues {
  bodyId: string;
  title: string;
  startsAt: string;
  secondTermAt?: string;
  place?: string;
  agenda: string[];
}

export const createResolution = (workspaceId: string, values: ResolutionValues) => api.post<ResolutionView>(resolutionsPath(workspaceId), values);
export const createMeeting = (workspaceId: string, values: MeetingValues) => api.post<MeetingView>(meetingsPath(workspaceId), values);
/** Opens a planned meeting; in its second term only once its secondTermAt has come (409 otherwise). */
export const openMeeting = (meetingId: string, term: MeetingTerm = 'first') => api.post<MeetingView>(`${meetingPath(meetingId)}/open`, term === 'second' ? { term } : {});
export const closeMeeting = (meetingId: string) => api.post<MeetingView>(`${meetingPath(meetingId)}/close`, {});
export const checkIn = (meetingId: string) => api.post<MeetingView>(`${meetingPath(meetingId)}/check-in`, {});
export const grantProxy = (meetingId: string, toOrganisationId: string, authorisation: string) =>
  api.post<MeetingView>(`${meetingPath(meetingId)}/proxies`, { toOrganisationId, authorisation });
export const openVote = (resolutionId: string, meetingId: string) => api.post<VoteView>(`/resolutions/${resolutionId}/votes`, { meetingId });
/** A remote vote: a window outside a meeting that the system closes at `closesAt` (an ISO string, in the future). */
export const openRemoteVote = (resolutionId: string, closesAt: string) => api.post<VoteView>(`/resolutions/${resolutionId}/votes`, { closesAt });
export const closeVote = (voteId: string) => api.post<VoteView>(`/votes/${voteId}/close`, {});
export const castBallot = (voteId: string, choice: VoteChoice, forOrganisationId?: string) =>
  api.post<VoteView>(`/votes/${voteId}/ballots`, forOrganisationId ? { choice, forOrganisationId } : { choice });

/** Resolutions that may go on a meeting's agenda (the API takes only undecided ones of the meeting's body). */
export const undecided = (resolution: ResolutionView) => resolution.state === 'draft' || resolution.state === 'no_quorum';

export const MINUTES_FORMATS = ['pdf', 'docx'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** GET /api/meetings/:id/minutes.{pdf,docx}?lang=pl|en: the minutes in the reader's language (a draft until the meeting closes). */
export function minutesFileUrl(meetingId: string, format: MinutesFormat, language: string): string {
  return `/api/meetings/${meetingId}/minutes.${format}?lang=${language === 'en' ? 'en' : 'pl'}`;
}
