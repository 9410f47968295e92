// Decisions (issue 6) as the API answers them (apps/api/src/decisions/*): bodies with their rules, resolutions,
// meetings with attendance, the quorum and the votes, and the decision register. The types are the API's OpenAPI
// document's (apps/web/src/api/schema.d.ts); rules and outcomes are read with libs/domain's own types, which say
// the same more precisely (a majority rule is a union there). Dates arrive as ISO strings.
import type { BodyRuleBook, Outcome, VoteChoice, VoteRules } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type BodyKind = Schemas['DecisionBodyDto']['kind'];

export type BodyMember = Schemas['BodyMemberDto'];

/** GET /api/workspaces/:id/bodies; the chair (one of the members, by organisation id) decides a tie where the rules say so. */
export type BodyView = Omit<Schemas['DecisionBodyDto'], 'rules'> & { rules: BodyRuleBook };

export const RESOLUTION_STATES = ['draft', 'voting', 'adopted', 'rejected', 'no_quorum'] as const satisfies readonly Schemas['ResolutionDto']['state'][];
export type ResolutionState = (typeof RESOLUTION_STATES)[number];

/**
 * GET /api/workspaces/:id/resolutions. The API always sends the attachments (Załącznik nr 1, 2, …) and the links to
 * the resolutions it changes and that change it; views take them as optional (older test data leaves them out).
 */
export type ResolutionView = Omit<Schemas['ResolutionDto'], 'attachments' | 'changes' | 'changedBy'> & Partial<Pick<Schemas['ResolutionDto'], 'attachments' | 'changes' | 'changedBy'>>;

export const CHANGE_KINDS = ['amends', 'repeals'] as const satisfies readonly Schemas['ResolutionChangeDto']['kind'][];
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A link between a resolution and the one it changes: the other resolution, its number and how it changes. */
export type ResolutionChange = Schemas['ResolutionChangeDto'];

export type MeetingState = Schemas['DecisionMeetingSummaryDto']['state'];

/** The term a meeting was opened in: the first, or the second (drugi termin) with the quorum the rules give it. */
export type MeetingTerm = NonNullable<Schemas['DecisionMeetingSummaryDto']['term']>;

/** GET /api/workspaces/:id/meetings */
export type MeetingSummary = Schemas['DecisionMeetingSummaryDto'];

export type Presence = Schemas['MeetingMemberDto']['presence'];

/**
 * A vote: the rules frozen as it opened (how it is taken, `sitting`, and the chair whose vote decides a tie), the
 * ballots (a secret ballot: counts only), the outcome once closed and whether it verifies. Older test data leaves out
 * the text voted on.
 */
export type VoteView = Omit<Schemas['VoteDto'], 'rules' | 'outcome' | 'textVersionId' | 'textHash'> &
  Partial<Pick<Schemas['VoteDto'], 'textVersionId' | 'textHash'>> & { rules: VoteRules; outcome: Outcome | null };

/** GET /api/meetings/:id */
/** One agenda item: a resolution (with its votes), an earlier meeting's minutes to approve, an election or another item. */
export type AgendaItemView = Omit<Schemas['AgendaItemDto'], 'resolution' | 'votes'> & { resolution: ResolutionView | null; votes: VoteView[] };
/** An agenda item that is a resolution. */
export type ResolutionAgendaItem = AgendaItemView & { resolution: ResolutionView };
export const isResolutionItem = (item: AgendaItemView): item is ResolutionAgendaItem => item.resolution !== null;

/** An amendment (poprawka) to a draft resolution's text. */
export type AmendmentView = Schemas['AmendmentDto'];
/** What a meeting votes on besides resolutions (the agenda, its change, minutes, an amendment), with its votes. */
export type MotionView = Omit<Schemas['MotionDto'], 'votes'> & { votes: VoteView[] };

export type MeetingView = Omit<Schemas['DecisionMeetingDto'], 'agenda' | 'motions'> & {
  agenda: AgendaItemView[];
  motions: MotionView[];
};

/** An entry of the register as published (GET /api/public/registers/:slug). */
export type PublicRegisterEntry = Schemas['PublicRegisterEntryDto'];

/** GET /api/workspaces/:id/register: the published fields, and the resolution and audit entry behind each. */
export type RegisterEntry = Schemas['RegisterEntryDto'];

/** GET /api/workspaces/:id/register/verify */
export type RegisterReport = Schemas['RegisterReportDto'];

/** One thing the register's verification found not to match; `code` says what (decisions.register.reasons). */
export type RegisterProblem = Schemas['RegisterProblemDto'];

/** GET /api/public/registers/:slug */
export type PublicRegister = Schemas['PublicRegisterDto'];

/** GET /api/public/registers/:slug/entries/:position: an entry with the text voted, what it adopts and its minutes. */
export type PublicRegisterEntryDetails = Schemas['PublicRegisterEntryDetailsDto'];

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
export const publicRegisterFileUrl = (slug: string, position: number, file: 'text.pdf' | 'adopted.pdf' | 'adopted.docx' | `minutes.${MinutesFormat}`, language: string) =>
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
export type ResolutionValues = Schemas['CreateResolutionDto'];

/** POST /api/workspaces/:id/meetings (CreateMeetingDto); startsAt and secondTermAt (after startsAt) as ISO strings. */
export type MeetingValues = Schemas['CreateMeetingDto'];

const meeting = (meetingId: string) => ({ params: { path: { meetingId } } });
const workspace = (workspaceId: string) => ({ params: { path: { workspaceId } } });
// The API's vote and meeting with their rules and outcomes read by the domain's types (see above).
const asVote = (pending: Promise<Schemas['VoteDto']>) => pending as Promise<VoteView>;
const asMeeting = (pending: Promise<Schemas['DecisionMeetingDto']>) => pending as Promise<MeetingView>;

// Typed by the API's OpenAPI document (apps/web/src/api/schema.d.ts).
export const createResolution = (workspaceId: string, values: ResolutionValues): Promise<ResolutionView> =>
  call(apiClient.POST('/api/workspaces/{workspaceId}/resolutions', { ...workspace(workspaceId), body: values }));
export const createMeeting = (workspaceId: string, values: MeetingValues): Promise<MeetingView> =>
  asMeeting(call(apiClient.POST('/api/workspaces/{workspaceId}/meetings', { ...workspace(workspaceId), body: values })));
/** PATCH /api/meetings/:id (UpdateMeetingDto): a planned meeting's title, time, place or second term (null: none). */
export type MeetingChanges = Schemas['UpdateMeetingDto'];
/** Changes a planned meeting (409 once it has opened or was cancelled); everyone invited gets the updated invitation. */
export const changeMeeting = (meetingId: string, changes: MeetingChanges): Promise<MeetingView> =>
  asMeeting(call(apiClient.PATCH('/api/meetings/{meetingId}', { ...meeting(meetingId), body: changes })));
/** Cancels a planned meeting with the reason told to everyone invited (their calendars get the cancellation). */
export const cancelMeeting = (meetingId: string, reason: string): Promise<MeetingView> =>
  asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/cancel', { ...meeting(meetingId), body: { reason } })));
/** Opens a planned meeting; in its second term only once its secondTermAt has come (409 otherwise). */
export const openMeeting = (meetingId: string, term: MeetingTerm = 'first'): Promise<MeetingView> =>
  asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/open', { ...meeting(meetingId), body: term === 'second' ? { term } : {} })));
export const closeMeeting = (meetingId: string): Promise<MeetingView> => asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/close', meeting(meetingId))));
export const checkIn = (meetingId: string): Promise<MeetingView> => asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/check-in', meeting(meetingId))));
export const grantProxy = (meetingId: string, toOrganisationId: string, authorisation: string): Promise<MeetingView> =>
  asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/proxies', { ...meeting(meetingId), body: { toOrganisationId, authorisation } })));
const openVoteWith = (resolutionId: string, body: Schemas['OpenVoteDto']): Promise<VoteView> =>
  asVote(call(apiClient.POST('/api/resolutions/{resolutionId}/votes', { params: { path: { resolutionId } }, body })));
export const openVote = (resolutionId: string, meetingId: string) => openVoteWith(resolutionId, { meetingId });
/** A remote vote: a window outside a meeting that the system closes at `closesAt` (an ISO string, in the future). */
export const openRemoteVote = (resolutionId: string, closesAt: string) => openVoteWith(resolutionId, { closesAt });
export const closeVote = (voteId: string): Promise<VoteView> => asVote(call(apiClient.POST('/api/votes/{voteId}/close', { params: { path: { voteId } } })));
export const castBallot = (voteId: string, choice: VoteChoice, forOrganisationId?: string): Promise<VoteView> =>
  asVote(call(apiClient.POST('/api/votes/{voteId}/ballots', { params: { path: { voteId } }, body: forOrganisationId ? { choice, forOrganisationId } : { choice } })));

/** Resolutions that may go on a meeting's agenda (the API takes only undecided ones of the meeting's body). */
export const undecided = (resolution: ResolutionView) => resolution.state === 'draft' || resolution.state === 'no_quorum';

export const MINUTES_FORMATS = ['pdf', 'docx'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** GET /api/meetings/:id/minutes.{pdf,docx}?lang=pl|en: the minutes in the reader's language (a draft until the meeting closes). */
export function minutesFileUrl(meetingId: string, format: MinutesFormat, language: string): string {
  return `/api/meetings/${meetingId}/minutes.${format}?lang=${language === 'en' ? 'en' : 'pl'}`;
}

/** GET /api/meetings/:id/speakers: the item under discussion, who has the floor until when, and each item's list. */
export type SpeakersView = Schemas['SpeakersDto'];
export type SpeakerView = Schemas['SpeakerDto'];
export type SpeakerKind = SpeakerView['kind'];
export const speakersPath = (meetingId: string) => `/meetings/${meetingId}/speakers`;
const speaker = (meetingId: string, speakerId: string) => ({ params: { path: { meetingId, speakerId } } });
/** The chair moves the discussion to an agenda item of the open meeting. */
export const setCurrentItem = (meetingId: string, itemId: string): Promise<SpeakersView> =>
  call(apiClient.POST('/api/meetings/{meetingId}/current-item', { ...meeting(meetingId), body: { itemId } }));
/** The chair sets the time per speaker (30 to 3600 seconds). */
export const setSpeakingTime = (meetingId: string, seconds: number): Promise<SpeakersView> =>
  call(apiClient.PUT('/api/meetings/{meetingId}/speaking-time', { ...meeting(meetingId), body: { seconds } }));
/** A representative asks to speak on the current item for their member; the chair adds someone by `name`. */
export const requestFloor = (meetingId: string, kind: SpeakerKind, name?: string): Promise<SpeakersView> =>
  call(apiClient.POST('/api/meetings/{meetingId}/speakers', { ...meeting(meetingId), body: name === undefined ? { kind } : { kind, name } }));
export const withdrawRequest = (meetingId: string, speakerId: string): Promise<SpeakersView> =>
  call(apiClient.POST('/api/meetings/{meetingId}/speakers/{speakerId}/withdraw', speaker(meetingId, speakerId)));
export const giveFloor = (meetingId: string, speakerId: string): Promise<SpeakersView> =>
  call(apiClient.POST('/api/meetings/{meetingId}/speakers/{speakerId}/floor', speaker(meetingId, speakerId)));
export const endSpeech = (meetingId: string, speakerId: string): Promise<SpeakersView> =>
  call(apiClient.POST('/api/meetings/{meetingId}/speakers/{speakerId}/done', speaker(meetingId, speakerId)));
