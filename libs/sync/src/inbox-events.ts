/**
 * Live news of a person's inbox (namespace /notifications, same socket path and authentication as co-drafting): a
 * client emits `watch` with a workspace id it belongs to (ack `{ ok: true }` or `{ ok: false, error }`) and then
 * receives `inbox-event(workspaceId, event)` whenever its own notifications there change (one arrived, some were marked
 * read). The event carries nothing else: the client reads the count and the list again through the API.
 */
export const INBOX_NAMESPACE = '/notifications';

export const INBOX_EVENTS = { watch: 'watch', unwatch: 'unwatch', event: 'inbox-event' } as const;

export interface InboxEvent {
  type: 'changed';
}
