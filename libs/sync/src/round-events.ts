/**
 * Live news of a consultation round for its staff (namespace /rounds, same socket path as co-drafting): a client
 * emits `watch` with a round id (ack `{ ok: true }` or `{ ok: false, error }`) and then receives
 * `round-event(roundId, event)` whenever the round's comments change. Events carry no content: the client reads the
 * comments again through the API, which checks access on every request.
 */
export const ROUNDS_NAMESPACE = '/rounds';

export const ROUND_EVENTS = { watch: 'watch', unwatch: 'unwatch', event: 'round-event' } as const;

/** round_changed / round_deleted: a coordinator changed the round's announcement (terms, audiences, …) or deleted the draft. */
export type RoundEventType = 'comment_submitted' | 'comment_changed' | 'triage_changed' | 'round_changed' | 'round_deleted';

export interface RoundEvent {
  type: RoundEventType;
  /** The comment concerned, when one is. */
  commentId?: string;
}
