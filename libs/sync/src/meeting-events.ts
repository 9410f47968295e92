/**
 * Live news of a meeting of an association's body (namespace /meetings, same socket path and authentication as
 * co-drafting): a client emits `watch` with a meeting id (ack `{ ok: true }` or `{ ok: false, error }`) and then
 * receives `meeting-event(meetingId, event)` when someone checks in, a proxy is recorded, a vote opens, a ballot is
 * cast or a vote closes. Events carry no choices: the client reads the meeting again through the API, which shows a
 * secret ballot's count of votes cast and nothing else until it closes.
 */
export const MEETINGS_NAMESPACE = '/meetings';

export const MEETING_EVENTS = { watch: 'watch', unwatch: 'unwatch', event: 'meeting-event' } as const;

/**
 * `current_item_changed`: the chair moved the discussion to another agenda item; `speakers_changed`: someone asked for
 * the floor, withdrew, was given it or ended, or the time per speaker changed (read GET /api/meetings/:id/speakers);
 * `amendments_changed`: an amendment to a resolution on the agenda was proposed, withdrawn, ordered or decided.
 */
export type MeetingEventType = 'attendance_changed' | 'meeting_changed' | 'vote_opened' | 'ballot_cast' | 'vote_closed' | 'current_item_changed' | 'speakers_changed' | 'amendments_changed';

export interface MeetingEvent {
  /** `election_changed`: an election of the meeting changed (read GET /api/elections/:electionId). */
  type: MeetingEventType | 'election_changed';
  voteId?: string;
  electionId?: string;
}
