import type { Access, SyncErrorCode } from './protocol';

/**
 * What a session does with an update (or sync step 2) the server refused:
 * - `halt`: keep it unsaved and stop sending local updates until a later join grants edit access again
 *   (`forbidden`: a reader's update or access revoked; `expired`; `unauthorized`: the session ended; `not_found`);
 * - `drop`: discard it, it can never be accepted (`too_large`, `malformed`, `invalid`, `bad_request`); the document
 *   stays unsaved;
 * - `retry`: keep it and send it again after a backoff delay (`unavailable`: the server could not store it);
 * - `rejoin`: keep it, join the document again, then resend (`not_joined`).
 */
export type AckErrorAction = 'halt' | 'drop' | 'retry' | 'rejoin';

const ACTIONS: Record<SyncErrorCode, AckErrorAction> = {
  forbidden: 'halt',
  expired: 'halt',
  unauthorized: 'halt',
  not_found: 'halt',
  too_large: 'drop',
  malformed: 'drop',
  invalid: 'drop',
  bad_request: 'drop',
  unavailable: 'retry',
  not_joined: 'rejoin',
};

export function ackErrorAction(code: SyncErrorCode): AckErrorAction {
  return ACTIONS[code];
}

/**
 * Whether a session halted by a refusal may send again after joining with `access`: only editors' updates are
 * accepted (the server refuses readers' and commenters' updates as `forbidden`).
 */
export function accessMaySendUpdates(access: Access): boolean {
  return access === 'edit';
}

/**
 * Join refusals: only `unavailable` (the document could not be loaded) is retried on the same connection; the others
 * wait for the next connection.
 */
export function shouldRetryJoin(code: SyncErrorCode): boolean {
  return code === 'unavailable';
}
