/**
 * The constants and payload types of the sync wire protocol (docs/sync-protocol.md). Shared by the server
 * (apps/api/src/collab) and the client (`CollabClient`), so both sides agree on every name and number.
 */

/** socket.io namespace of the co-drafting engine. */
export const COLLAB_NAMESPACE = '/collab';
/** socket.io HTTP path (socket.io's default). */
export const COLLAB_SOCKET_PATH = '/socket.io';

/** socket.io event names. */
export const COLLAB_EVENTS = {
  /** client → server: `join(docId, ack: JoinAck)`. */
  join: 'join',
  /** both ways: `msg(docId, message)`; from the client acked with `MessageAck` for sync step 2 and update messages. */
  msg: 'msg',
  /** client → server: `leave(docId)`, no ack. */
  leave: 'leave',
  /** server → client: `doc-error(docId, error: SyncError)`: the socket was removed from the document. */
  docError: 'doc-error',
  /**
   * server → client: `doc-event(docId, event: DocEvent)`: something about the document outside its text changed
   * (its comments, its versions); the client fetches what it shows again. Sent only to sockets in the document.
   */
  docEvent: 'doc-event',
} as const;

/** What a `doc-event` says changed: the comment threads, or the versions (one frozen or restored). */
export type DocEventType = 'comments' | 'versions';

export interface DocEvent {
  type: DocEventType;
}

const DOC_EVENT_TYPES: readonly string[] = ['comments', 'versions'];

/** A `doc-event` payload as received, or null when it is not one this client knows. */
export function parseDocEvent(data: unknown): DocEvent | null {
  const type = (data as { type?: unknown } | null)?.type;
  return typeof type === 'string' && DOC_EVENT_TYPES.includes(type) ? { type: type as DocEventType } : null;
}

/** y-protocols top-level message types (the first varUint of a message). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
/** y-websocket's "please send me your awareness" message (no payload). */
export const MESSAGE_QUERY_AWARENESS = 3;

/** Sync sub-types (the second varUint of a sync message). */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Auth sub-type: permission denied, followed by a varString reason. */
export const AUTH_PERMISSION_DENIED = 0;

/** Default limit on one message (COLLAB_MAX_MESSAGE_BYTES on the server). */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Close codes of the y-websocket transport. */
export const WS_CLOSE_ACCESS_ENDED = 4403;
/** The session the connection was opened with has ended (signed out, reset, expired). */
export const WS_CLOSE_SESSION_ENDED = 4401;
export const WS_CLOSE_MESSAGE_TOO_BIG = 1009;
export const WS_CLOSE_MALFORMED = 1007;
/** The instance is stopping (a restart, a rollout): connect again, through the balancer to another (RFC 6455 1012). */
export const WS_CLOSE_RESTARTING = 1012;

/** What a person may do with a document, from most to least. */
export const ACCESS_LEVELS = ['edit', 'comment', 'read'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The error codes of the protocol, exactly those of docs/sync-protocol.md. */
export const SYNC_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'expired',
  'not_found',
  'not_joined',
  'bad_request',
  'malformed',
  'invalid',
  'too_large',
  'unavailable',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncError {
  code: SyncErrorCode;
  message: string;
}

export type JoinAck = { ok: true; access: Access } | { ok: false; error: SyncError };
export type MessageAck = { ok: true; seq: number | null } | { ok: false; error: SyncError };

/** socket.io events the server emits on `/collab` (binary arrives as ArrayBuffer in browsers, Buffer in Node). */
export interface CollabServerToClientEvents {
  msg: (docId: string, message: Uint8Array) => void;
  'doc-error': (docId: string, error: SyncError) => void;
}

/** socket.io events the client emits on `/collab`. */
export interface CollabClientToServerEvents {
  join: (docId: string, ack: (ack: JoinAck) => void) => void;
  msg: (docId: string, message: Uint8Array, ack?: (ack: MessageAck) => void) => void;
  leave: (docId: string) => void;
}

export function isAccess(value: unknown): value is Access {
  return typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value);
}

export function isSyncErrorCode(value: unknown): value is SyncErrorCode {
  return typeof value === 'string' && (SYNC_ERROR_CODES as readonly string[]).includes(value);
}

export function syncError(code: SyncErrorCode, message: string): SyncError {
  return { code, message };
}

/**
 * Reads a `SyncError` from untrusted data (an ack or a `doc-error` argument). A value that is not one, or carries a
 * code this version does not know, becomes `unavailable` (retryable) keeping what message there is.
 */
export function parseSyncError(value: unknown): SyncError {
  const record = isRecord(value) ? value : {};
  const message = typeof record['message'] === 'string' ? record['message'] : 'invalid error from the server';
  const code = record['code'];
  return { code: isSyncErrorCode(code) ? code : 'unavailable', message };
}

/** Reads a `JoinAck` from untrusted data; anything malformed becomes an `unavailable` refusal. */
export function parseJoinAck(value: unknown): JoinAck {
  if (isRecord(value) && value['ok'] === true && isAccess(value['access'])) return { ok: true, access: value['access'] };
  if (isRecord(value) && value['ok'] === false) return { ok: false, error: parseSyncError(value['error']) };
  return { ok: false, error: syncError('unavailable', 'invalid join acknowledgement from the server') };
}

/** Reads a `MessageAck` from untrusted data; anything malformed becomes an `unavailable` refusal. */
export function parseMessageAck(value: unknown): MessageAck {
  if (isRecord(value) && value['ok'] === true) {
    const seq = value['seq'];
    if (seq === null || (typeof seq === 'number' && Number.isSafeInteger(seq))) return { ok: true, seq };
  }
  if (isRecord(value) && value['ok'] === false) return { ok: false, error: parseSyncError(value['error']) };
  return { ok: false, error: syncError('unavailable', 'invalid message acknowledgement from the server') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
