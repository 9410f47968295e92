/**
 * Encoding and decoding of the y-protocols messages, byte for byte as y-websocket writes them (lib0 varUints and
 * varUint8Arrays). Used by the server on every incoming message, so decoding copies nothing: payloads are views
 * (`subarray`s) of the input, valid as long as the input is not reused.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  AUTH_PERMISSION_DENIED,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from './protocol';

export type SyncMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'auth-denied'; reason: string }
  | { type: 'query-awareness' };

export type SyncMessageType = SyncMessage['type'];

/** Thrown by `decodeMessage` for bytes that are not exactly one y-protocols message. */
export class MalformedMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedMessageError';
  }
}

/** `varUint 0 · varUint 0 · varUint8Array stateVector` */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, SYNC_STEP_1, stateVector);
}

/** `varUint 0 · varUint 1 · varUint8Array update` */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, SYNC_STEP_2, update);
}

/** `varUint 0 · varUint 2 · varUint8Array update` */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, SYNC_UPDATE, update);
}

/** `varUint 1 · varUint8Array awarenessUpdate` (from y-protocols' `encodeAwarenessUpdate`). */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  return frame(MESSAGE_AWARENESS, -1, awarenessUpdate);
}

/** `varUint 2 · varUint 0 · varString reason` (y-protocols auth `permission-denied`). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** `varUint 3`: y-websocket's query for the peer's awareness states. */
export function encodeQueryAwareness(): Uint8Array {
  return Uint8Array.of(MESSAGE_QUERY_AWARENESS);
}

/**
 * Decodes one message. Throws `MalformedMessageError` on truncated input, an unknown (sub)type, an invalid string or
 * trailing bytes. Payloads are views of `bytes`, not copies.
 */
export function decodeMessage(bytes: Uint8Array): SyncMessage {
  const decoder = decoding.createDecoder(bytes);
  let message: SyncMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`malformed message: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError(`malformed message: ${bytes.length - decoder.pos} trailing bytes`);
  }
  return message;
}

function readMessage(decoder: decoding.Decoder): SyncMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const step = decoding.readVarUint(decoder);
      switch (step) {
        case SYNC_STEP_1:
          return { type: 'sync-step-1', stateVector: decoding.readVarUint8Array(decoder) };
        case SYNC_STEP_2:
          return { type: 'sync-step-2', update: decoding.readVarUint8Array(decoder) };
        case SYNC_UPDATE:
          return { type: 'update', update: decoding.readVarUint8Array(decoder) };
        default:
          throw new MalformedMessageError(`malformed message: unknown sync message type ${step}`);
      }
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_AUTH: {
      const kind = decoding.readVarUint(decoder);
      if (kind !== AUTH_PERMISSION_DENIED) throw new MalformedMessageError(`malformed message: unknown auth message type ${kind}`);
      return { type: 'auth-denied', reason: decoding.readVarString(decoder) };
    }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' };
    default:
      throw new MalformedMessageError(`malformed message: unknown message type ${type}`);
  }
}

/**
 * True when `update` (Yjs update format v1) holds no structs and deletes nothing, like the `[0, 0]` Yjs produces for
 * "nothing new". Reads only the header varUints (number of struct clients, then the delete set's clients and their
 * range counts) instead of decoding the update. Anything that is not a well-formed empty update gives false.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  // The common case, without creating a decoder.
  if (update.length === 2) return update[0] === 0 && update[1] === 0;
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 0) return false;
    const deleteSetClients = decoding.readVarUint(decoder);
    for (let i = 0; i < deleteSetClients; i++) {
      decoding.readVarUint(decoder); // client id
      if (decoding.readVarUint(decoder) !== 0) return false; // number of deleted ranges
    }
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

/**
 * `varUint type · [varUint subtype] · varUint8Array payload` in one allocation and one copy of the payload (lib0's
 * encoder would copy it twice). The header bytes are lib0's varUint encoding.
 */
function frame(type: number, subtype: number, payload: Uint8Array): Uint8Array {
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, type);
  if (subtype >= 0) encoding.writeVarUint(header, subtype);
  encoding.writeVarUint(header, payload.length);
  const head = encoding.toUint8Array(header);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}
