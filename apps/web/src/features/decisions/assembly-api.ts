/**
 * The assembly's API (apps/api decisions/assembly): the chair's agenda before it is adopted, motions put to the
 * vote (the agenda, its change, minutes, an amendment), and amendments to draft resolutions.
 */
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';
import type { AmendmentView, MeetingView, VoteView } from './decisions-api';

type Schemas = components['schemas'];
export type NewAgendaItem = Schemas['NewAgendaItemDto'];
export type AgendaChange = Schemas['AgendaChangeDto'];
export type OpenMotion = Schemas['OpenMotionDto'];

const meeting = (meetingId: string) => ({ params: { path: { meetingId } } });
const asMeeting = (pending: Promise<Schemas['DecisionMeetingDto']>) => pending as Promise<MeetingView>;

export const addAgendaItem = (meetingId: string, item: NewAgendaItem) => asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/agenda', { ...meeting(meetingId), body: item })));
export const moveAgendaItem = (meetingId: string, itemId: string, position: number) =>
  asMeeting(call(apiClient.POST('/api/meetings/{meetingId}/agenda/{itemId}/move', { params: { path: { meetingId, itemId } }, body: { position } })));
export const removeAgendaItem = (meetingId: string, itemId: string) => asMeeting(call(apiClient.DELETE('/api/meetings/{meetingId}/agenda/{itemId}', { params: { path: { meetingId, itemId } } })));

/** Opens a vote on a motion at the open meeting (the chair); answers the vote. */
export const openMotion = (meetingId: string, motion: OpenMotion) => call(apiClient.POST('/api/meetings/{meetingId}/motions', { ...meeting(meetingId), body: motion })) as Promise<VoteView>;

const resolution = (resolutionId: string) => ({ params: { path: { resolutionId } } });
export const resolutionLiveText = (resolutionId: string) => call(apiClient.GET('/api/resolutions/{resolutionId}/text', resolution(resolutionId)));
export const proposeAmendment = (resolutionId: string, body: Schemas['ProposeAmendmentDto']) =>
  call(apiClient.POST('/api/resolutions/{resolutionId}/amendments', { ...resolution(resolutionId), body })) as Promise<AmendmentView>;
export const arrangeAmendments = (resolutionId: string, order: string[], conflicts: string[][]) =>
  call(apiClient.PUT('/api/resolutions/{resolutionId}/amendments/arrangement', { ...resolution(resolutionId), body: { order, conflicts } })) as Promise<AmendmentView[]>;
export const withdrawAmendment = (amendmentId: string) => call(apiClient.POST('/api/amendments/{amendmentId}/withdraw', { params: { path: { amendmentId } } })) as Promise<AmendmentView>;
export const applyAmendmentAgain = (amendmentId: string) => call(apiClient.POST('/api/amendments/{amendmentId}/apply', { params: { path: { amendmentId } } })) as Promise<AmendmentView>;
